package typeset

import (
	"handout/internal/i18n"
	"handout/internal/model"
)

// inSecond runs fn with the translation as the leaflet being set, in its
// own words, so that everything fn opens or sets carries its language.
func (ts *typesetter) inSecond(fn func()) {
	saved, savedLang, savedOther := ts.in, ts.lang, ts.otherLang
	savedWords, savedClose := ts.wordBreaks, ts.closeSet
	ts.in.Leaflet, ts.in.Strings = ts.in.Second, ts.in.SecondStrings
	ts.lang, ts.otherLang = ts.in.Second.Language, ts.in.Second.Language
	// its lines break as its own language breaks them; the page keeps the
	// first language's direction
	ts.wordBreaks, ts.closeSet = wordBreaking(ts.lang), closeSet(ts.lang)
	defer func() {
		ts.in, ts.lang, ts.otherLang = saved, savedLang, savedOther
		ts.wordBreaks, ts.closeSet = savedWords, savedClose
	}()
	fn()
}

// bilingual reports whether a translation is printed with the leaflet.
func (ts *typesetter) bilingual() bool { return ts.in.Second != nil && ts.otherLang == "" }

// sideBySide reports whether the layout sets the two languages in columns
// side by side; narrower layouts set one after the other.
func (ts *typesetter) sideBySide() bool {
	return ts.in.Second != nil && !ts.l.Folded() && !ts.l.Booklet && ts.l.Columns == 2
}

// sequentialBody sets the first language's sections, then, from a new page
// or panel, the translation's title and sections.
func (ts *typesetter) sequentialBody(f *flow) {
	for i, s := range ts.in.Leaflet.Sections {
		ts.section(f, s, i)
	}
	f.add(frameBreak())
	ts.inSecond(func() {
		title := ts.titleBlock(ts.colW, true)
		title.keep = true
		f.add(title)
		for i, s := range ts.in.Leaflet.Sections {
			ts.section(f, s, i)
		}
	})
}

// frameBreak is space taller than any frame: the rest of the frame is
// left empty and what follows starts the next one, while at the top of a
// frame it is dropped like any space.
func frameBreak() *element { return &element{height: 1e6, space: true} }

// secondTitle sets the translation's title under the leaflet's, for the
// masthead or cover, with its subtitle when the translation has no title
// page of its own (side by side).
func (ts *typesetter) secondTitle(width float64) []line {
	var lines []line
	ts.inSecond(func() {
		lf := ts.in.Leaflet
		st := ts.heading(ts.l.SubtitleSize, ts.accent)
		lines = append(lines, line{height: ts.l.SubtitleSize * 0.3})
		lines = append(lines, ts.stamp(ts.setText(lf.Title, st, width), ts.open(P))...)
		if ts.sideBySide() && !lf.Subtitle.IsZero() {
			sub := textStyle{size: ts.l.SubtitleSize, color: darkGray, linkColor: ts.accent, leading: 1.3}
			lines = append(lines, ts.stamp(ts.setText(lf.Subtitle, sub, width), ts.open(P))...)
		}
	})
	return lines
}

// endBlocks sets the closing credit lines, disclaimer and copyright. With
// a translation, credits that are the same in both are printed once with
// both languages' labels, and otherwise each language's are printed; each
// language's disclaimer and copyright follow in that language.
func (ts *typesetter) endBlocks(width float64) (blocks [][]line, labelled int) {
	if !ts.bilingual() {
		return ts.creditBlocks(width)
	}
	first, second := ts.in.Leaflet, ts.in.Second
	if sameCredits(first.Credits, second.Credits) {
		saved := ts.in.Strings
		ts.in.Strings = bothLabels(ts.in.Strings, ts.in.SecondStrings)
		blocks, labelled = ts.creditBlocks(width)
		ts.in.Strings = saved
		rest := *second
		rest.Credits = model.Credits{}
		ts.inSecond(func() {
			ts.in.Leaflet = &rest
			more, _ := ts.creditBlocks(width)
			blocks = append(blocks, more...)
		})
		return blocks, labelled
	}
	blocks, labelled = ts.creditBlocks(width)
	ts.inSecond(func() {
		more, _ := ts.creditBlocks(width)
		blocks = append(blocks, more...)
	})
	return blocks, labelled
}

// sameCredits reports whether two leaflets credit the same people and
// dates, as written.
func sameCredits(a, b model.Credits) bool {
	return a.WrittenBy.Raw == b.WrittenBy.Raw && a.ReviewedBy.Raw == b.ReviewedBy.Raw &&
		a.PublishedBy.Raw == b.PublishedBy.Raw && a.LastModified.Time.Equal(b.LastModified.Time) &&
		a.LastReviewed.Time.Equal(b.LastReviewed.Time)
}

// bothLabels is a's words with each credit label in both languages.
func bothLabels(a, b *i18n.Strings) *i18n.Strings {
	c := *a
	for _, p := range []struct {
		dst   *string
		other string
	}{
		{&c.WrittenBy, b.WrittenBy}, {&c.ReviewedBy, b.ReviewedBy}, {&c.PublishedBy, b.PublishedBy},
		{&c.LastModified, b.LastModified}, {&c.LastReviewed, b.LastReviewed},
	} {
		if *p.dst != p.other {
			*p.dst += " / " + p.other
		}
	}
	return &c
}

// pageLabel is "Page n of total", in both languages when there are two.
func (ts *typesetter) pageLabel(n, total int) string {
	s := ts.in.Strings.PageOf(n, total)
	if ts.in.SecondStrings != nil && ts.in.Second != nil {
		if t := ts.in.SecondStrings.PageOf(n, total); t != s {
			s += " · " + t
		}
	}
	return s
}
