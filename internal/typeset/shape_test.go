package typeset

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// firstText returns the first text item containing s.
func firstText(t *testing.T, doc *Document, s string) *Text {
	t.Helper()
	for _, p := range doc.Pages {
		for _, x := range texts(p) {
			if strings.Contains(x.Text, s) {
				return x
			}
		}
	}
	t.Fatalf("no text item contains %q", s)
	return nil
}

// TestDecomposedAccentsAreComposed: an NFD "é" (e + U+0301) is set as the
// font's one precomposed glyph, and the run's text is NFC.
func TestDecomposedAccentsAreComposed(t *testing.T) {
	doc, _ := setDoc(t, "title: T\nsections:\n  - body:\n      - \"Caf\\u0065\\u0301 q\\u0301\"\n", "letter")
	x := firstText(t, doc, "Caf")
	if !strings.Contains(x.Text, "Café") || strings.Contains(x.Text, "e\u0301") {
		t.Fatalf("text %q is not NFC", x.Text)
	}
	if n := len(x.Glyphs); n != utf8.RuneCountInString(x.Text) {
		t.Errorf("%q: %d glyphs for %d characters; é must be one glyph and q with its mark two", x.Text, n, utf8.RuneCountInString(x.Text))
	}
	last := x.Glyphs[len(x.Glyphs)-1] // the acute over q, drawn back over it
	if last.XAdvance != 0 || last.XOffset >= 0 {
		t.Errorf("mark over q: advance %v offset %v, want none and leftward", last.XAdvance, last.XOffset)
	}
}

// TestClustersGiveBackTheText: cutting each run at its glyphs' clusters
// gives back its text, ligatures included, and the run is as wide as its
// glyphs.
func TestClustersGiveBackTheText(t *testing.T) {
	doc, _ := setDoc(t, "title: Office files\nsections:\n  - body:\n      - \"The affine office: AV To Tŷ naïve, fjord. \\u0041\\u030A\"\n", "letter")
	ligatures := 0
	for _, p := range doc.Pages {
		for _, x := range texts(p) {
			var b strings.Builder
			sum := 0.0
			for i, g := range x.Glyphs {
				sum += g.XAdvance
				if i > 0 && x.Glyphs[i-1].Cluster == g.Cluster {
					continue
				}
				end := len(x.Text)
				if i+1 < len(x.Glyphs) {
					end = x.Glyphs[i+1].Cluster
				}
				if cl := x.Text[g.Cluster:end]; utf8.RuneCountInString(cl) > 1 {
					ligatures++
				}
				b.WriteString(x.Text[g.Cluster:end])
			}
			if b.String() != x.Text || sum-x.Width > 1e-9 || x.Width-sum > 1e-9 {
				t.Errorf("%q: clusters give back %q; width %v, glyphs %v", x.Text, b.String(), x.Width, sum)
			}
		}
	}
	if ligatures < 3 { // "ffi" in Office, affine and office, fi in files
		t.Errorf("%d ligature clusters, want the ffi and fi ligatures", ligatures)
	}
}

// TestKernedRunIsNarrower: the typesetter measures with kerning, so "AV"
// set as one run is narrower than A and V set apart.
func TestKernedRunIsNarrower(t *testing.T) {
	doc, _ := setDoc(t, "title: T\nsections:\n  - body: [\"AVAVAV\"]\n", "letter")
	x := firstText(t, doc, "AVAVAV")
	ts := &typesetter{fonts: testFonts(t)}
	apart := 3 * (ts.width(x.Face, x.Size, "A") + ts.width(x.Face, x.Size, "V"))
	if x.Width >= apart-0.1 {
		t.Errorf("AVAVAV is %v wide, its letters apart %v", x.Width, apart)
	}
}

// TestMissingCharactersOnePerScript: characters no font draws, above the
// BMP too, give one error per script, not one per character, and no panic.
func TestMissingCharactersOnePerScript(t *testing.T) {
	src := "title: T\nsections:\n  - body:\n      - \"Smile \U0001F600 \U0001F603 \U0001F600 and 中文 here\"\n"
	_, _, err := trySet(t, src, "letter", testSite())
	if err == nil {
		t.Fatal("characters no font has were set without an error")
	}
	lines := strings.Split(err.Error(), "\n")
	var emoji, han []string
	for _, l := range lines {
		switch {
		case strings.Contains(l, "U+1F600"):
			emoji = append(emoji, l)
		case strings.Contains(l, "U+4E2D"):
			han = append(han, l)
		}
	}
	if len(emoji) != 1 || len(han) != 1 {
		t.Fatalf("want one error per script, got:\n%s", err)
	}
	if !strings.Contains(emoji[0], "t.yaml:4:") || !strings.Contains(emoji[0], "3 characters in punctuation and symbols") {
		t.Errorf("emoji error %q should point at the first and count both", emoji[0])
	}
	if !strings.Contains(han[0], "Han script") {
		t.Errorf("Han error %q should name the script", han[0])
	}
}

// TestClustersWalk: Clusters gives each cluster's text once with its
// glyphs, a ligature as one glyph for its letters and a base with its mark
// as two glyphs for two characters, also when the glyphs run right to left.
func TestClustersWalk(t *testing.T) {
	x := &Text{Text: "office q\u0301", Glyphs: []Glyph{
		{ID: 1, Cluster: 0}, {ID: 2, Cluster: 1}, {ID: 3, Cluster: 4}, {ID: 4, Cluster: 5},
		{ID: 5, Cluster: 6}, {ID: 6, Cluster: 7}, {ID: 7, Cluster: 7},
	}}
	var got []string
	x.Clusters(func(text string, from, to int) { got = append(got, fmt.Sprintf("%s:%d", text, to-from)) })
	if want := "o:1 ffi:1 c:1 e:1  :1 q\u0301:2"; strings.Join(got, " ") != want {
		t.Errorf("clusters %q, want %q", strings.Join(got, " "), want)
	}
	rtl := &Text{Text: "abc", RTL: true, Glyphs: []Glyph{{Cluster: 2}, {Cluster: 0}}} // "ab" as one glyph, drawn after "c"
	got = nil
	rtl.Clusters(func(text string, from, to int) { got = append(got, text) })
	if strings.Join(got, "|") != "c|ab" {
		t.Errorf("right-to-left clusters %q, want c|ab", got)
	}
}
