package validate

import "handout/internal/model"

// walkLeaflet calls text for every text of the leaflet and image for every
// image block, in document order.
func walkLeaflet(l *model.Leaflet, text func(model.Text), image func(*model.Image)) {
	text(l.Title)
	text(l.Subtitle)
	for _, s := range l.Sections {
		text(s.Heading)
		walkBlocks(s.Body, text, image)
	}
	for _, t := range []model.Text{l.Credits.WrittenBy, l.Credits.ReviewedBy, l.Credits.PublishedBy, l.Disclaimer, l.Copyright} {
		text(t)
	}
}

func walkBlocks(blocks []model.Block, text func(model.Text), image func(*model.Image)) {
	for _, b := range blocks {
		switch v := b.(type) {
		case *model.Paragraph:
			text(v.Text)
		case *model.Subheading:
			text(v.Text)
		case *model.List:
			for _, it := range v.Items {
				text(it.Text)
				walkBlocks(it.Children, text, image)
			}
		case *model.Note:
			text(v.Title)
			walkBlocks(v.Body, text, image)
		case *model.Image:
			text(v.Caption)
			image(v)
		case *model.Table:
			for _, c := range v.Header {
				text(c)
			}
			for _, r := range v.Rows {
				for _, c := range r {
					text(c)
				}
			}
		}
	}
}
