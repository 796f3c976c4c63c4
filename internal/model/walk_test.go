package model

import (
	"fmt"
	"strings"
	"testing"

	"handout/internal/inline"
)

func txt(s string) Text { return Text{Raw: s, Spans: []inline.Span{{Text: s}}} }

// every is a leaflet with each kind of block, nested the ways the loader
// allows: a sub-list, a note holding a table, an image and a list, and
// texts left empty that the walk must skip.
func every() *Leaflet {
	return &Leaflet{
		Title: txt("title"), Subtitle: txt("subtitle"),
		Sections: []Section{
			{Body: []Block{&Paragraph{Text: txt("intro")}}},
			{Heading: txt("heading"), Body: []Block{
				&Subheading{Text: txt("sub")},
				&List{Items: []ListItem{
					{Text: txt("item 1"), Children: []Block{&List{Ordered: true, Items: []ListItem{{Text: txt("step a")}}}}},
					{Text: txt("item 2")},
				}},
				&Note{Style: NoteUrgent, Title: txt("note title"), Body: []Block{
					&Paragraph{Text: txt("note body")},
					&Table{Header: []Text{txt("h1"), txt("h2")}, Rows: [][]Text{{txt("c1"), txt("c2")}}},
					&Image{Path: "in-note.png", Caption: txt("note caption")},
				}},
				&Image{Path: "plain.png"},
				&Table{Rows: [][]Text{{txt("r1"), {}}}},
			}},
		},
		Credits:    Credits{WrittenBy: txt("writer"), PublishedBy: txt("publisher")},
		Disclaimer: txt("disclaimer"),
	}
}

func kind(b Block) string {
	if b == nil {
		return "-"
	}
	return strings.TrimPrefix(fmt.Sprintf("%T", b), "*model.")
}

func TestWalkVisitsEveryBlockAndText(t *testing.T) {
	var got []string
	Walk(every(), Visitor{
		Block: func(b Block, at Place) {
			got = append(got, fmt.Sprintf("block %s s%d d%d in %s", kind(b), at.Section, at.Depth, kind(at.In)))
		},
		Text: func(x Text, role Role, at Place) {
			got = append(got, fmt.Sprintf("text %q role %d s%d d%d in %s", x.Raw, role, at.Section, at.Depth, kind(at.In)))
		},
	})
	want := []string{
		`text "title" role 0 s-1 d0 in -`,
		`text "subtitle" role 1 s-1 d0 in -`,
		`block Paragraph s0 d0 in -`,
		`text "intro" role 4 s0 d0 in Paragraph`,
		`text "heading" role 2 s1 d0 in -`,
		`block Subheading s1 d0 in -`,
		`text "sub" role 3 s1 d0 in Subheading`,
		`block List s1 d0 in -`,
		`text "item 1" role 5 s1 d0 in List`,
		`block List s1 d1 in List`,
		`text "step a" role 5 s1 d1 in List`,
		`text "item 2" role 5 s1 d0 in List`,
		`block Note s1 d0 in -`,
		`text "note title" role 6 s1 d0 in Note`,
		`block Paragraph s1 d1 in Note`,
		`text "note body" role 4 s1 d1 in Paragraph`,
		`block Table s1 d1 in Note`,
		`text "h1" role 8 s1 d1 in Table`,
		`text "h2" role 8 s1 d1 in Table`,
		`text "c1" role 9 s1 d1 in Table`,
		`text "c2" role 9 s1 d1 in Table`,
		`block Image s1 d1 in Note`,
		`text "note caption" role 7 s1 d1 in Image`,
		`block Image s1 d0 in -`,
		`block Table s1 d0 in -`,
		`text "r1" role 9 s1 d0 in Table`,
		`text "writer" role 10 s-1 d0 in -`,
		`text "publisher" role 10 s-1 d0 in -`,
		`text "disclaimer" role 11 s-1 d0 in -`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("walk:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestWalkWithOnlyOneCallback(t *testing.T) {
	var images []string
	Walk(every(), Visitor{Block: func(b Block, _ Place) {
		if img, ok := b.(*Image); ok {
			images = append(images, img.Path)
		}
	}})
	if strings.Join(images, " ") != "in-note.png plain.png" {
		t.Errorf("images = %q", images)
	}
	n := 0
	Walk(every(), Visitor{Text: func(Text, Role, Place) { n++ }})
	if n != 19 {
		t.Errorf("%d texts, want 19", n)
	}
}
