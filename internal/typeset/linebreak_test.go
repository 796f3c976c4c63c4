package typeset

import (
	"handout/fonts"
	"strings"
	"testing"

	"handout/internal/font"
	"handout/internal/inline"
	"handout/internal/model"
)

func textOf(s string) model.Text {
	spans, err := inline.Parse(s, nil)
	if err != nil {
		panic(err)
	}
	return model.Text{Raw: s, Spans: spans}
}

func newTS(t *testing.T) *typesetter {
	doc, lay := setDoc(t, "title: T\nsections:\n  - body: [x]\n", "letter")
	_ = doc
	return &typesetter{fonts: testFonts(t), l: lay, in: Input{Site: &model.Site{Builtin: true}}}
}

func TestLinesFitAndKeepAllWords(t *testing.T) {
	ts := newTS(t)
	src := "When your baby **feeds well**, you may feel a *tingling* in your breasts. " +
		"Read more at [our site](https://example.org/a/very/long/path) or call the clinic. " +
		"https://example.org/patient-education/breastfeeding/first-weeks-at-home/printable-feeding-and-diaper-log.pdf end."
	for _, width := range []float64{120, 200, 300, 468} {
		lines := ts.setText(textOf(src), ts.body(), width)
		var got []string
		for _, l := range lines {
			right := 0.0
			for _, it := range l.items {
				if tx, ok := it.(*Text); ok {
					right = max(right, tx.X+tx.Width)
					got = append(got, tx.Text)
				}
			}
			if right > width+0.01 {
				t.Errorf("width %v: line ends at %v", width, right)
			}
		}
		joined := strings.Join(strings.Fields(strings.Join(got, " ")), "")
		want := strings.Join(strings.Fields(inline.Plain(textOf(src).Spans, nil)), "")
		if joined != want {
			t.Errorf("width %v: text changed:\n got %s\nwant %s", width, joined, want)
		}
	}
}

// TestRaggedIsBalanced checks the breaker minimises raggedness: no line but
// the last is much shorter than the line after it could have allowed.
func TestRaggedIsBalanced(t *testing.T) {
	ts := newTS(t)
	words := ts.words(resolveRuns(textOf("aaa bb cc dddddd eeeeeee f ggggg hh iiii jjjjjjj kk lll mmmm nn o ppp"), ts.value), ts.body())
	width := 110.0
	ends := breakLines(words, width)
	greedy := greedyBreak(words, width)
	if cost(words, ends, width) > cost(words, greedy, width)+0.001 {
		t.Fatalf("optimal breaks %v cost more than greedy %v", ends, greedy)
	}
}

func greedyBreak(ws []word, width float64) []int {
	var ends []int
	w := 0.0
	for i, x := range ws {
		if i > 0 && w+ws[i-1].space+x.width > width && w > 0 {
			ends = append(ends, i)
			w = 0
		} else if w > 0 {
			w += ws[i-1].space
		}
		w += x.width
	}
	return append(ends, len(ws))
}

func cost(ws []word, ends []int, width float64) float64 {
	c, start := 0.0, 0
	for k, e := range ends {
		w := 0.0
		for i := start; i < e; i++ {
			w += ws[i].width
			if i < e-1 {
				w += ws[i].space
			}
		}
		if k < len(ends)-1 {
			c += (width - w) * (width - w)
		}
		start = e
	}
	return c
}

func TestLongWordIsBroken(t *testing.T) {
	ts := newTS(t)
	url := "https://example.org/" + strings.Repeat("abcdefghij", 12)
	lines := ts.setText(textOf(url), ts.body(), 150)
	if len(lines) < 3 {
		t.Fatalf("a %d-character URL in 150 pt should take several lines, got %d", len(url), len(lines))
	}
	for _, l := range lines {
		for _, it := range l.items {
			if tx, ok := it.(*Text); ok && tx.X+tx.Width > 150.01 {
				t.Fatalf("piece %q overflows: ends at %v", tx.Text, tx.X+tx.Width)
			}
		}
	}
}

func TestJustifyFillsLines(t *testing.T) {
	ts := newTS(t)
	ts.l.Justify = true
	defer func() { ts.l.Justify = false }()
	lines := ts.setText(textOf(tagged("j", 60)), ts.body(), 300)
	for k, l := range lines[:len(lines)-1] {
		last := l.items[len(l.items)-1].(*Text)
		if r := last.X + last.Width; r < 299.9 || r > 300.1 {
			t.Errorf("justified line %d ends at %v, want 300", k, r)
		}
	}
}

func TestSoftHyphenBreaksWithHyphen(t *testing.T) {
	ts := newTS(t)
	lines := ts.setText(textOf("aaaa bbbb oxy\u00adto\u00adcin"), ts.body(), ts.width(ts.fonts.Face(0), 12, "aaaa bbbb oxyto-")+0.5)
	if len(lines) != 2 {
		t.Fatalf("want 2 lines, got %d", len(lines))
	}
	var all []string
	for _, l := range lines {
		for _, it := range l.items {
			if tx, ok := it.(*Text); ok {
				all = append(all, tx.Text)
			}
		}
	}
	first := lines[0].items[len(lines[0].items)-1].(*Text).Text
	if !strings.HasSuffix(first, "-") || strings.Contains(strings.Join(all, ""), "\u00ad") {
		t.Fatalf("lines %q: the first should end in a hyphen and no soft hyphen should be drawn", all)
	}
}

func TestWebsitePlaceholderIsALink(t *testing.T) {
	site := &model.Site{Name: "C", Website: "https://clinic.example.org", Accent: model.Color{R: 1}}
	doc, _, err := trySet(t, "title: T\nsections:\n  - body:\n      - Visit {website} today.\n", "letter", site)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, it := range doc.Pages[0].Items {
		if l, ok := it.(*Link); ok && l.URL == "https://clinic.example.org" && l.W > 50 {
			found = true
		}
	}
	if !found {
		t.Fatal("{website} did not become a clickable link")
	}
}

func TestNumbersStayTogether(t *testing.T) {
	cases := map[string]string{
		"Call (541) 555-0142 now":   "Call (541)\u00a0555-0142 now",
		"after 3 hours, or at 8 am": "after 3\u00a0hours, or at 8\u00a0am",
		"a fever of 100.4 °F":       "a fever of 100.4\u00a0°F",
		"see (page 4) for more":     "see (page 4) for more",
		"feed 8 to 12 times":        "feed 8 to 12 times",
	}
	for in, want := range cases {
		if got := keepTogether(in); got != want {
			t.Errorf("keepTogether(%q) = %q, want %q", in, got, want)
		}
	}
	// and the line breaker honours it: the number never splits
	ts := newTS(t)
	for width := 60.0; width < 200; width += 7 {
		for _, l := range ts.setText(textOf("Please call us at (541) 555-0142 if the fever lasts 3 hours"), ts.body(), width) {
			for _, it := range l.items {
				if tx, ok := it.(*Text); ok && (strings.HasSuffix(tx.Text, "(541)") || strings.HasSuffix(strings.TrimSpace(tx.Text), " 3")) {
					t.Fatalf("width %v: a line ends in %q", width, tx.Text)
				}
			}
		}
	}
}

func TestTableColumnsKeepShortCellsWhole(t *testing.T) {
	// four columns in a narrow space: the short ones take what they need
	got := shareWidths([]float64{40, 50, 50, 60}, []float64{70, 75, 80, 400}, 300)
	total := 0.0
	for _, w := range got {
		total += w
	}
	if total < 299.9 || total > 300.1 {
		t.Fatalf("widths %v add up to %v, want 300", got, total)
	}
	if got[0] != 70 || got[1] != 75 || got[2] < 50 || got[3] < 60 {
		t.Fatalf("short columns should not wrap, long ones keep their longest word: %v", got)
	}
	// everything fits: proportional
	if got := shareWidths([]float64{10, 10}, []float64{50, 100}, 300); got[0] != 100 || got[1] != 200 {
		t.Fatalf("proportional widths %v", got)
	}
}

// TestFallbackFontPerCharacter sets text in a primary font that lacks some
// characters (Noto Sans Armenian has no ASCII comma or Latin letters):
// those come from the fallback, in pieces of their own.
func TestFallbackFontPerCharacter(t *testing.T) {
	faces, err := fonts.NewCatalog().Faces(fonts.ArmenianName)
	if err != nil {
		t.Fatal(err)
	}
	armenian, err := font.Parse("NotoSansArmenian-Regular.ttf", faces.Regular)
	if err != nil {
		t.Fatal(err)
	}
	full, _ := font.LoadNotoSans()
	set := font.NewSet(font.NewFamily("Armenian", armenian, nil, nil, nil), full)
	ts := newTS(t)
	ts.fonts = set
	lines := ts.setText(textOf("աբգ, աբդ x"), ts.body(), 400)
	var got []string
	for _, it := range lines[0].items {
		if tx, ok := it.(*Text); ok {
			got = append(got, tx.Face.Name()+":"+tx.Text)
		}
	}
	want := "NotoSansArmenian-Regular.ttf:աբգ|NotoSans-Regular.ttf:, |NotoSansArmenian-Regular.ttf:աբդ |NotoSans-Regular.ttf:x"
	if strings.Join(got, "|") != want {
		t.Fatalf("pieces %v, want %s", got, want)
	}
}
