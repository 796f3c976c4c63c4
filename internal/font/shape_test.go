package font

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"handout/fonts"
	"handout/internal/pdftest"
)

func shapeNoto(t *testing.T, style Style, text string) *Shaped {
	t.Helper()
	return NewShaper(64).Shape(Run{Face: loadNoto(t).Face(style), Text: text, Lang: "en"})
}

// TestKerningNarrowsPairs: GPOS kerning pulls "AV" and "To" together, so a
// pair is narrower than its letters shaped apart.
func TestKerningNarrowsPairs(t *testing.T) {
	for _, pair := range []string{"AV", "To", "Ty"} {
		for _, st := range []Style{Regular, Bold} {
			whole := shapeNoto(t, st, pair).Advance
			apart := shapeNoto(t, st, pair[:1]).Advance + shapeNoto(t, st, pair[1:]).Advance
			if whole >= apart {
				t.Errorf("%v %q: %d wide, its letters apart %d; want kerning to narrow it", st, pair, whole, apart)
			}
		}
	}
}

// TestLigaturesKeepTheirLetters: "ffi" and "fi" become one ligature glyph
// whose cluster covers all its letters, so the PDF can map it back to them.
func TestLigaturesKeepTheirLetters(t *testing.T) {
	for _, c := range []struct{ text, lig string }{{"office", "ffi"}, {"fit", "fi"}, {"ffi", "ffi"}} {
		s := shapeNoto(t, Regular, c.text)
		if len(s.Glyphs) != len(c.text)-len(c.lig)+1 {
			t.Errorf("%q: %d glyphs, want the %q ligature as one", c.text, len(s.Glyphs), c.lig)
			continue
		}
		texts := clusterTexts(c.text, s)
		found := false
		for _, ct := range texts {
			found = found || ct == c.lig
		}
		if !found || strings.Join(texts, "") != c.text {
			t.Errorf("%q: clusters %q, want one to be %q and all to give back the text", c.text, texts, c.lig)
		}
	}
}

// clusterTexts cuts the shaped text at its glyphs' clusters (left to right).
func clusterTexts(text string, s *Shaped) []string {
	var out []string
	for i, g := range s.Glyphs {
		end := len(text)
		for _, h := range s.Glyphs[i+1:] {
			if h.Cluster != g.Cluster {
				end = int(h.Cluster)
				break
			}
		}
		if i > 0 && s.Glyphs[i-1].Cluster == g.Cluster {
			continue
		}
		out = append(out, text[g.Cluster:end])
	}
	return out
}

// TestMarksSitOverTheirBase: a combining mark with no precomposed form is
// drawn as its own glyph, moved back over its base and advancing nothing.
func TestMarksSitOverTheirBase(t *testing.T) {
	s := shapeNoto(t, Regular, "q\u0301")
	if len(s.Glyphs) != 2 {
		t.Fatalf("q + acute: %d glyphs, want 2", len(s.Glyphs))
	}
	mark := s.Glyphs[1]
	if mark.XAdvance != 0 || mark.XOffset >= 0 || mark.Cluster != 0 {
		t.Errorf("acute over q: advance %d offset %d cluster %d; want no advance, a leftward offset, the base's cluster",
			mark.XAdvance, mark.XOffset, mark.Cluster)
	}
}

// TestShapedAdvanceIsTheSumOfGlyphs: a run's width is exactly what its
// glyphs advance, and clusters are byte offsets of character starts.
func TestShapedAdvanceIsTheSumOfGlyphs(t *testing.T) {
	text := "Öffnen Sie “Tŷ” — 38 °C, naïve café, fjord office ½"
	s := shapeNoto(t, Italic, text)
	var sum int32
	prev := int32(-1)
	for _, g := range s.Glyphs {
		sum += g.XAdvance
		if g.Cluster < prev || int(g.Cluster) >= len(text) || !utf8Start(text[g.Cluster]) {
			t.Fatalf("cluster %d out of order or not a character start", g.Cluster)
		}
		prev = g.Cluster
		if g.ID == 0 {
			t.Errorf("missing glyph at %d", g.Cluster)
		}
	}
	if sum != s.Advance || strings.Join(clusterTexts(text, s), "") != text {
		t.Errorf("advance %d, glyphs sum to %d; clusters give back %q", s.Advance, sum, strings.Join(clusterTexts(text, s), ""))
	}
	if got := s.Points(s.Advance, 10); got <= 0 || got > float64(len(text))*10 {
		t.Errorf("width at 10 pt = %v", got)
	}
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// TestBeyondTheBMP: characters above U+FFFF are looked up in the cmap like
// any other; Noto Sans has none, so they are absent, and shaping them
// gives the missing glyph rather than a panic.
func TestBeyondTheBMP(t *testing.T) {
	f := loadNoto(t).Face(Regular)
	if f.Has(0x1F600) || f.Has(0x10FFFF) || f.Has(0x110000) {
		t.Error("Noto Sans has no emoji")
	}
	s := shapeNoto(t, Regular, "a\U0001F600b")
	if len(s.Glyphs) != 3 || s.Glyphs[1].ID != 0 || s.Glyphs[2].Cluster != 5 {
		t.Errorf("a😀b shaped as %+v", s.Glyphs)
	}
}

// TestShaperIsSafeForConcurrentUse shapes from several goroutines through
// one cache smaller than the words, so entries are evicted while read.
func TestShaperIsSafeForConcurrentUse(t *testing.T) {
	fam := loadNoto(t)
	sh := NewShaper(16)
	words := strings.Fields(benchText())[:60]
	want := map[string]int32{}
	for _, w := range words {
		want[w] = NewShaper(1).Shape(Run{Face: fam.Face(Regular), Text: w}).Advance
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 300 {
				w := words[(i*7+g)%len(words)]
				if got := sh.Shape(Run{Face: fam.Face(Regular), Text: w}).Advance; got != want[w] {
					t.Errorf("%q: %d, want %d", w, got, want[w])
					return
				}
			}
		})
	}
	wg.Wait()
	if n := len(sh.cache.cur) + len(sh.cache.old); n > 16 {
		t.Errorf("cache holds %d runs, its limit is 16", n)
	}
}

// TestMatchesHbShape cross-checks glyph IDs, clusters, advances and
// offsets with HarfBuzz itself (hb-shape, Debian's libharfbuzz-bin) on a
// Latin line set in every Noto Sans face.
func TestMatchesHbShape(t *testing.T) {
	pdftest.Tool(t, "hb-shape")
	// No curly quotes or dashes before letters: see TestPairsMatchHbShape
	// for the one known difference.
	line := "Office fjords: AVA To Tŷ Wave 38 °C — naïve q\u0301 café"
	dir := t.TempDir()
	regular, bold, italic, boldItalic := fonts.NotoSans()
	for i, data := range [][]byte{regular, bold, italic, boldItalic} {
		path := filepath.Join(dir, fmt.Sprintf("f%d.ttf", i))
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out := pdftest.Output(t, "hb-shape", "--no-glyph-names", "--utf8-clusters", "--language=en", "--script=Latn", path, line)
		want := parseHb(t, out)
		face, err := Parse(path, data)
		if err != nil {
			t.Fatal(err)
		}
		s := NewShaper(4).Shape(Run{Face: face, Text: line, Lang: "en"})
		var got []hbGlyph
		for _, g := range s.Glyphs {
			// hb-shape prints clusters as byte offsets of UTF-8 input and
			// positions in font units (the size is the units per em)
			got = append(got, hbGlyph{int(g.ID), int(g.Cluster), int(g.XAdvance / 64), int(g.XOffset / 64), int(g.YOffset / 64)})
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("face %d differs from hb-shape:\n got  %v\n want %v", i, got, want)
		}
	}
}

type hbGlyph struct{ id, cluster, adv, dx, dy int }

var hbItem = regexp.MustCompile(`^(\d+)=(\d+)(?:@(-?\d+),(-?\d+))?\+(-?\d+)$`)

// parseHb reads hb-shape's default output: [gid=cluster@dx,dy+adv|...].
func parseHb(t *testing.T, out string) []hbGlyph {
	t.Helper()
	out = strings.TrimSpace(out)
	out = strings.TrimSuffix(strings.TrimPrefix(out, "["), "]")
	var gs []hbGlyph
	for item := range strings.SplitSeq(out, "|") {
		m := hbItem.FindStringSubmatch(item)
		if m == nil {
			t.Fatalf("cannot read hb-shape output %q", item)
		}
		n := func(s string) int { v, _ := strconv.Atoi(s); return v }
		gs = append(gs, hbGlyph{n(m[1]), n(m[2]), n(m[5]), n(m[3]), n(m[4])})
	}
	return gs
}

// TestPairsMatchHbShape shapes every pair of printable ASCII and common
// Latin punctuation and letters in Noto Sans Regular, through hb-shape and
// through the shaper, and compares glyphs, clusters and positions.
//
// go-text v0.3.5 differs from hb-shape in one known way, its bug
// go-text/typesetting#278 (fixed upstream by #279, not yet in a release):
// setDigest.addRange stops adding a coverage's ranges once one of its three
// filters is full, so a lookup is skipped for glyphs of later ranges. In
// Noto Sans that drops the class-based kerning after curly quotes and
// dashes (and of Greek, Cyrillic and the Latin extensions). Those pairs are
// listed, not failed; any other difference fails. When go-text is updated
// past the fix, the count logged here drops to zero.
func TestPairsMatchHbShape(t *testing.T) {
	pdftest.Tool(t, "hb-shape")
	var chars []rune
	for c := rune(0x21); c < 0x7f; c++ {
		chars = append(chars, c)
	}
	chars = append(chars, []rune("“”‘’–—…«»¿¡éèüöäñçÉ")...)
	var pairs []string
	for _, a := range chars {
		for _, b := range chars {
			pairs = append(pairs, string([]rune{a, b}))
		}
	}
	dir := t.TempDir()
	regular, _, _, _ := fonts.NotoSans()
	fontPath, textPath := filepath.Join(dir, "r.ttf"), filepath.Join(dir, "pairs.txt")
	if err := os.WriteFile(fontPath, regular, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(textPath, []byte(strings.Join(pairs, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := pdftest.Output(t, "hb-shape", "--no-glyph-names", "--utf8-clusters", "--language=en", "--script=Latn",
		"--text-file="+textPath, fontPath)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(pairs) {
		t.Fatalf("hb-shape gave %d lines for %d pairs", len(lines), len(pairs))
	}
	face := loadNoto(t).Face(Regular)
	sh := NewShaper(len(pairs))
	known := 0
	for i, p := range pairs {
		s := sh.Shape(Run{Face: face, Text: p, Lang: "en"})
		var got []hbGlyph
		for _, g := range s.Glyphs {
			got = append(got, hbGlyph{int(g.ID), int(g.Cluster), int(g.XAdvance / 64), int(g.XOffset / 64), int(g.YOffset / 64)})
		}
		want := parseHb(t, lines[i])
		if fmt.Sprint(got) == fmt.Sprint(want) {
			continue
		}
		if strings.ContainsRune("“”‘’–—", []rune(p)[0]) && len(got) == 2 && len(want) == 2 && got[1] == want[1] {
			known++
			continue
		}
		t.Errorf("%q: got %v, hb-shape %v", p, got, want)
	}
	t.Logf("%d of %d pairs differ from hb-shape in the known way (kerning after a curly quote or dash)", known, len(pairs))
}
