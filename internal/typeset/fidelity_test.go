package typeset

import (
	"fmt"
	"strings"
	"testing"

	"handout/internal/i18n"
	"handout/internal/load"
	"handout/internal/model"
)

// lineTexts returns each line's text, pieces joined.
func lineTexts(lines []line) []string {
	var out []string
	for _, l := range lines {
		var b strings.Builder
		for _, it := range l.items {
			if tx, ok := it.(*Text); ok {
				if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") && !strings.HasPrefix(tx.Text, " ") && tx.X > 0 {
					b.WriteString("|") // a separate item: a justified word
				}
				b.WriteString(tx.Text)
			}
		}
		out = append(out, b.String())
	}
	return out
}

// pageText is a page's text in painting order.
func pageText(p *Page) string {
	var b strings.Builder
	for _, tx := range texts(p) {
		b.WriteString(tx.Text)
		b.WriteString(" ")
	}
	return b.String()
}

func TestQuotesFollowTheLanguage(t *testing.T) {
	for _, c := range []struct{ lang, extra, want string }{
		{"en", "", "Don’t say “now”"},
		{"fr", "", "Don’t say «\u202fnow\u202f»"},
		{"ru", "", "Don’t say «now»"},
		{"pl", "", "Don’t say „now”"},
		{"en", "smart_quotes: false\n", `Don't say "now"`},
	} {
		src := "title: T\nlanguage: " + c.lang + "\n" + c.extra + "sections:\n  - body:\n      - 'Don''t say \"now\", see https://example.org/a''b'\n"
		doc, _ := setDoc(t, src, "letter")
		got := pageText(doc.Pages[0])
		if !strings.Contains(got, c.want) {
			t.Errorf("%s %q: page text %q lacks %q", c.lang, c.extra, got, c.want)
		}
		if !strings.Contains(got, "https://example.org/a'b") {
			t.Errorf("%s: a web address must keep its straight quote: %q", c.lang, got)
		}
	}
}

func TestHeadingLinesAreBalanced(t *testing.T) {
	ts := newTS(t)
	st := ts.heading(26, black)
	full := ts.width(ts.fonts.Face(st.base), 26, "Let-Down Reflex (Milk Ejection") + 2
	got := lineTexts(ts.setText(textOf("Let-Down Reflex (Milk Ejection Reflex)"), st, full))
	want := []string{"Let-Down Reflex ", "(Milk Ejection Reflex)"}
	if strings.Join(got, "/") != strings.Join(want, "/") && strings.Join(got, "/") != "Let-Down Reflex/(Milk Ejection Reflex)" {
		t.Errorf("title lines %q, want the parenthesised phrase together on the second line", got)
	}
	got = lineTexts(ts.setText(textOf("Caring for Your Incision at Home"), st, ts.width(ts.fonts.Face(st.base), 26, "Caring for Your Incision at")+2))
	if len(got) != 2 || !strings.Contains(got[1], " ") {
		t.Errorf("heading lines %q: the last line must not hold one lonely word", got)
	}
}

func TestHeadingNeverBreaksAtAHyphen(t *testing.T) {
	ts := newTS(t)
	st := ts.heading(17, black)
	w := ts.width(ts.fonts.Face(st.base), 17, "When is my follow-") + 1
	got := lineTexts(ts.setText(textOf("When is my follow-up visit?"), st, w))
	for _, l := range got {
		if strings.HasSuffix(strings.TrimSpace(l), "-") {
			t.Fatalf("heading lines %q break at the hyphen", got)
		}
	}
	// body text still may
	got = lineTexts(ts.setText(textOf("When is my follow-up visit?"), ts.body(), ts.width(ts.fonts.Face(0), 12, "When is my follow-")+1))
	if !strings.HasSuffix(strings.TrimSpace(got[0]), "follow-") {
		t.Errorf("body lines %q: body text may break after a hyphen", got)
	}
}

func TestURLBreaksOnlyAfterItsPunctuation(t *testing.T) {
	ts := newTS(t)
	ts.l.Justify = true
	defer func() { ts.l.Justify = false }()
	url := "https://example.org/surgery/incision-care/after-your-operation?lang=en&print=yes"
	text := "Read more at " + url + " before you call the ward about your wound dressing and the stitches."
	lines := ts.setText(textOf(text), ts.body(), 120)
	got := lineTexts(lines)
	u0 := strings.Index(text, url)
	cursor, inside := 0, 0
	for k, l := range got {
		plain := strings.TrimSpace(strings.ReplaceAll(l, "|", " "))
		at := strings.Index(text[cursor:], plain)
		if at < 0 {
			t.Fatalf("line %d %q is not a piece of the text (a hyphen added?): %q", k, plain, got)
		}
		end := cursor + at + len(plain)
		if end > u0 && end < u0+len(url) {
			inside++
			if !strings.ContainsRune("/.-?&", rune(text[end-1])) {
				t.Errorf("line %d %q breaks the address after %q", k, l, text[end-1:end])
			}
			if end <= u0+len("https://") {
				t.Errorf("line %d %q splits the scheme", k, l)
			}
		}
		if end > u0 && cursor+at < u0+len(url) && strings.Contains(l, "|") && k < len(got)-1 {
			t.Errorf("line %d %q holds part of the address and was stretched", k, l)
		}
		cursor = end
	}
	if inside == 0 {
		t.Fatalf("lines %q: the test wants the address broken at least once", got)
	}
}

func TestHeadingsAndCreditsAreNeverStretched(t *testing.T) {
	ts := newTS(t)
	ts.l.Justify = true
	defer func() { ts.l.Justify = false }()
	for _, st := range []textStyle{ts.heading(17, black), ts.small()} {
		lines := ts.setText(textOf(tagged("h", 30)), st, 200)
		for k, l := range lineTexts(lines) {
			if strings.Contains(l, "|") {
				t.Errorf("size %v line %d %q is stretched", st.size, k, l)
			}
		}
	}
}

// noteLeaflet is a leaflet whose first page is nearly full of filler, and
// then a warning note with n bullets.
func noteLeaflet(filler, n int) string {
	src := "title: T\nsections:\n  - body:\n"
	for i := 0; i < filler; i++ {
		src += "      - " + tagged(fmt.Sprintf("f%d", i), 40) + "\n"
	}
	src += "      - note:\n          title: Call us\n          style: warning\n          body:\n            - bullets:\n"
	for i := 0; i < n; i++ {
		src += fmt.Sprintf("                - b%d warns about one thing\n", i)
	}
	return src
}

func TestShortBoxMovesWhole(t *testing.T) {
	for filler := 3; filler <= 8; filler++ {
		doc, _ := setDoc(t, noteLeaflet(filler, 4), "a5")
		on := map[int]bool{}
		for _, p := range doc.Pages {
			txt := pageText(p)
			for i := 0; i < 4; i++ {
				if strings.Contains(txt, fmt.Sprintf("b%d ", i)) {
					on[p.Number] = true
				}
			}
		}
		if len(on) != 1 {
			t.Errorf("filler %d: a four-bullet warning is split over pages %v", filler, on)
		}
	}
}

func TestLongBoxRepeatsItsTitleAsContinued(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		src := strings.Replace(noteLeaflet(3, 40), "title: T\n", "title: T\nlanguage: "+lang+"\n", 1)
		doc, _ := setDoc(t, src, "a5")
		want := map[string]string{"en": "Call us (continued)", "es": "Call us (continuación)"}[lang]
		n := 0
		for _, p := range doc.Pages {
			if strings.Contains(pageText(p), want) {
				n++
			}
		}
		if n != len(doc.Pages)-1 || n == 0 {
			t.Errorf("%s: %q on %d of %d pages, want every page after the first", lang, want, n, len(doc.Pages))
		}
	}
}

func TestListsLastItemNeverAloneAtTheTop(t *testing.T) {
	for filler := 0; filler < 40; filler++ {
		src := "title: T\nsections:\n  - body:\n      - " + tagged("f", 10+filler*9) + "\n      - bullets:\n"
		for i := 0; i < 5; i++ {
			src += "          - " + tagged(fmt.Sprintf("i%d", i), 30) + "\n"
		}
		doc, _ := setDoc(t, src, "a5")
		for _, p := range doc.Pages[1:] {
			tx := texts(p)
			first := ""
			for _, x := range tx {
				if strings.HasPrefix(x.Text, "i") || strings.HasPrefix(x.Text, "f") {
					first = x.Text
					break
				}
			}
			if strings.HasPrefix(first, "i4w0") {
				t.Errorf("filler %d: page %d starts with the list's last item alone", filler, p.Number)
			}
		}
	}
}

func TestTrifoldSpreadsAShortLeafletOverEveryPanel(t *testing.T) {
	src := "title: T\nsections:\n"
	for i := 0; i < 4; i++ {
		src += fmt.Sprintf("  - heading: Part %d\n    body:\n      - %s\n", i, tagged(fmt.Sprintf("p%d", i), 40))
	}
	doc, l := setDoc(t, src, "trifold")
	ts := &typesetter{l: l, in: Input{Site: &model.Site{Builtin: true}}}
	fr := ts.panelFrames(0)
	used := make([]int, len(fr))
	for i, f := range fr {
		for _, tx := range texts(doc.Pages[f.page]) {
			if strings.HasPrefix(tx.Text, "p") && tx.X >= f.x-1 && tx.X < f.x+ts.columnWidth() {
				used[i]++
			}
		}
	}
	for i, n := range used {
		if n == 0 {
			t.Errorf("panel %d of the reading order is empty: %v", i, used)
		}
	}
	// the reading order starts inside, behind the cover
	if fr[0].page != 1 || fr[1].page != 0 {
		t.Errorf("reading order %+v: want the cover's inside, then the fold-in panel", fr)
	}
}

func TestImageWidthIsKeptOrRefused(t *testing.T) {
	// a picture after text that fills most of a page: at 60% it does not
	// fit what is left, and must move rather than print smaller
	for filler := 0; filler < 6; filler++ {
		src := "title: T\nsections:\n  - body:\n"
		for i := 0; i < filler; i++ {
			src += "      - " + tagged(fmt.Sprintf("f%d", i), 40) + "\n"
		}
		src += "      - image: {file: x.png, alt: A diagram of a wound, width: 60%}\n      - after\n"
		doc, l := setDoc(t, src, "a5")
		ts := &typesetter{l: l, in: Input{Site: &model.Site{Builtin: true}}}
		for _, p := range doc.Pages {
			for _, it := range p.Items {
				if pic, ok := it.(*Picture); ok && pic.Path != "" {
					if want := ts.columnWidth() * 0.6; pic.W < want-0.01 || pic.W > want+0.01 {
						t.Errorf("filler %d: the image prints %.1f pt wide, want 60%% of the column (%.1f)", filler, pic.W, want)
					}
				}
			}
		}
	}
	// so tall at that width it cannot fit a page: refused, with the width
	// that would fit
	src := "title: T\nsections:\n  - body:\n      - image: {file: tall.png, alt: A tall chart, width: 100%}\n"
	leafDoc, _, err := trySetImage(t, src, "a5", 400, 1600)
	if err == nil || !strings.Contains(err.Error(), "set its width to") {
		t.Errorf("a too tall image at an explicit width: %v, %v", leafDoc != nil, err)
	}
}

// trySetImage typesets with every image w x h pixels.
func trySetImage(t *testing.T, src, layout string, w, h int) (*Document, *model.Layout, error) {
	return trySetInput(t, src, layout, func(in *Input) {
		in.ImageSize = func(string) (int, int, bool) { return w, h, true }
	})
}

func TestHeaderGapLeavesAirUnderTheHeaderImage(t *testing.T) {
	site := &model.Site{Name: "C", HeaderImage: "h.png", Accent: load.DefaultAccent}
	for _, gap := range []string{"description: d\n", "header_gap: 0.4in\n"} {
		leaf, err := load.ParseLeaflet("t.yaml", []byte("title: T\nsections:\n  - body:\n"+strings.Repeat("      - "+tagged("x", 60)+"\n", 8)))
		if err != nil {
			t.Fatal(err)
		}
		lay, err := load.ParseLayout("g", "g.yaml", []byte(gap))
		if err != nil {
			t.Fatal(err)
		}
		strs, _ := i18n.For("en")
		doc, err := Typeset(Input{Leaflet: leaf, Site: site, Layout: lay, Fonts: testFonts(t), Strings: strs,
			ImageSize: func(string) (int, int, bool) { return 2400, 250, true }})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range doc.Pages {
			var head *Picture
			top := p.Height
			for _, it := range p.Items {
				switch v := it.(type) {
				case *Picture:
					head = v
				case *Text:
					if v.Y < p.Height*0.8 {
						top = min(top, v.Y-0.9*v.Size) // above the tallest letters
					}
				}
			}
			if head == nil {
				t.Fatalf("page %d has no header image", p.Number)
			}
			if air := top - (head.Y + head.H); air < lay.HeaderGap {
				t.Errorf("%q page %d: %.1f pt between the header image and the text, want at least %.1f", gap, p.Number, air, lay.HeaderGap)
			}
			if right := head.X + head.W; right < lay.PageWidth-lay.MarginOutside-0.5 {
				t.Errorf("%q page %d: a banner ends at %.1f, short of the column's edge", gap, p.Number, right)
			}
		}
	}
}
