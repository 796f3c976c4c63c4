package render

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"handout/internal/inline"
	"handout/internal/load"
	"handout/internal/model"
	"handout/internal/typeset"
)

// scriptSamples are the sample leaflets in scripts other than Latin.
var scriptSamples = []string{"zh-Hans-fever", "ko-safe-sleep", "ar-engorgement", "hi-ors"}

// layoutFamilies are one layout of each family: one column, two columns,
// folded panels, an imposed booklet and large print.
var layoutFamilies = []string{"letter", "a4-2col", "trifold", "booklet", "large-print"}

// bidiControls are the marks pdftotext puts around right-to-left lines.
var bidiControls = strings.NewReplacer("\u200e", "", "\u200f", "", "\u202a", "", "\u202b", "", "\u202c", "", "\u202d", "", "\u202e", "")

// closeUp reports whether a line break next to r stands for no space:
// Chinese and Japanese set no spaces between words.
func closeUp(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

// flatten joins pdftotext's lines as a reader would: a line break is a
// space, except between Chinese characters and after a hyphen, and runs
// of white space are one space.
func flatten(text string) string {
	text = bidiControls.Replace(text)
	var b strings.Builder
	for _, line := range strings.Split(text, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			prev := []rune(b.String())
			first := []rune(line)[0]
			// a line broken after a hyphen (धीरे-धीरे) stands for no space
			if !closeUp(prev[len(prev)-1]) && !closeUp(first) && prev[len(prev)-1] != '-' {
				b.WriteByte(' ')
			}
		}
		b.WriteString(line)
	}
	return b.String()
}

func exact(s string) string { return s }

// lettersOnly keeps the letters and digits of a text, in order. It is
// what the Arabic sample is compared on: pdftotext rebuilds right-to-left
// lines from left to right and reorders them itself, and poppler 22.12
// cannot give Arabic punctuation next to a space or the harakat back in
// place from any drawing order (docs/languages.md, "Copying and
// extracting the text"). The other samples come back exactly.
func lettersOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// sourceTexts is every text of a leaflet as a reader sees it: markup gone,
// placeholders filled from the site, NFC, white space collapsed.
func sourceTexts(t *testing.T, path string, s *model.Site) []string {
	t.Helper()
	l, err := load.Leaflet(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	model.Walk(l, model.Visitor{Text: func(x model.Text, _ model.Role, _ model.Place) {
		plain := inline.Plain(x.Spans, s.Value)
		out = append(out, norm.NFC.String(strings.Join(strings.Fields(plain), " ")))
	}})
	return out
}

// TestScriptSamplesGiveBackTheirText renders each sample in each layout
// family and reads the text back with pdftotext, both in reading order
// and with -raw (content order): every text of the leaflet comes back
// exactly (NFC, logical order; Arabic: see lettersOnly, and -raw, which
// writes an Arabic line's words from left to right, is not compared), in
// one-column layouts where no text is split by a column or page; and no
// English renderer word appears in any.
func TestScriptSamplesGiveBackTheirText(t *testing.T) {
	r := newRenderer(t)
	s, err := load.Site(site("riverside"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range scriptSamples {
		for _, layout := range layoutFamilies {
			pdf := renderTo(t, r, Job{Leaflet: sample(name), Site: site("riverside"), Layout: layout})
			raw := output(t, "pdftotext", "-enc", "UTF-8", pdf, "-")
			if m := englishRendererWords.FindString(raw); m != "" {
				t.Errorf("%s, %s: English renderer words %q", name, layout, m)
			}
			if layout != "letter" && layout != "large-print" {
				continue
			}
			rawOrder := flatten(output(t, "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"))
			got, same := flatten(raw), exact
			if name == "ar-engorgement" {
				same = lettersOnly
			}
			for _, want := range sourceTexts(t, sample(name), s) {
				if !strings.Contains(same(got), same(want)) && !strings.Contains(same(got), same(dehyphenated(want))) {
					t.Errorf("%s, %s: %q does not come back from:\n%s", name, layout, want, got)
				}
				if name != "ar-engorgement" && !strings.Contains(same(rawOrder), same(want)) {
					t.Errorf("%s, %s: %q does not come back from pdftotext -raw:\n%s", name, layout, want, rawOrder)
				}
			}
		}
	}
}

// dehyphenated is text as pdftotext prints it when a line ends after
// one of its hyphens (धीरे-धीरे, Korea-born): without layout options it
// takes a line ending in "-" for a word hyphenated by the typesetter and
// drops the hyphen (poppler's TextLine::coalesce sets hyphenated when a
// line's last character is '-'). The -raw reading keeps it.
func dehyphenated(text string) string { return strings.ReplaceAll(text, "-", "") }

// TestArabicJoinsAndFlushesRight: in the Arabic sample the same letter is
// drawn with several glyphs (its isolated, initial, medial and final
// forms), and the lines of the body end at the right margin.
func TestArabicJoinsAndFlushesRight(t *testing.T) {
	r := newRenderer(t)
	doc, _, err := r.Typeset(Job{Leaflet: sample("ar-engorgement")})
	if err != nil {
		t.Fatal(err)
	}
	forms := map[string]map[uint16]bool{} // letter -> glyphs that draw it alone
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			tx, ok := it.(*typeset.Text)
			if !ok || !tx.RTL {
				continue
			}
			tx.Clusters(func(text string, from, to int) {
				if to-from == 1 && len([]rune(text)) == 1 && unicode.Is(unicode.Arabic, []rune(text)[0]) {
					if forms[text] == nil {
						forms[text] = map[uint16]bool{}
					}
					forms[text][tx.Glyphs[from].ID] = true
				}
			})
		}
	}
	for _, letter := range []string{"ب", "ل", "ع"} {
		if len(forms[letter]) < 3 {
			t.Errorf("%s is drawn with %d different glyphs, want its joining forms (at least 3)", letter, len(forms[letter]))
		}
	}

	pdf := renderTo(t, r, Job{Leaflet: sample("ar-engorgement")})
	lefts, rights := map[int]bool{}, map[int]bool{}
	lines := lineRE.FindAllStringSubmatch(output(t, "pdftotext", "-bbox-layout", pdf, "-"), -1)
	for _, m := range lines {
		l, _ := strconv.ParseFloat(m[1], 64)
		r, _ := strconv.ParseFloat(m[2], 64)
		lefts[int(l)] = true
		rights[int(r)] = true
	}
	// the lines end at a few places (the margin; the text beside list
	// markers; inside the note) and start anywhere
	if len(lines) < 20 || len(rights) > 5 || len(lefts) < len(lines)/2 {
		t.Errorf("%d lines end at %d places and start at %d: want flush right and ragged left", len(lines), len(rights), len(lefts))
	}
}

var lineRE = regexp.MustCompile(`<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"`)

// hbGlyph is one glyph of hb-shape's output.
var hbGlyph = regexp.MustCompile(`(\d+)=(\d+)`)

// TestDevanagariShapesAsHarfBuzz compares the glyphs of every Devanagari
// run of the Hindi sample (conjuncts, pre-base vowel signs) with what
// hb-shape makes of the same text with the same font file.
func TestDevanagariShapesAsHarfBuzz(t *testing.T) {
	r := newRenderer(t)
	doc, _, err := r.Typeset(Job{Leaflet: sample("hi-ors")})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string]string{}
	checked, conjuncts := 0, 0
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			tx, ok := it.(*typeset.Text)
			if !ok || !strings.ContainsFunc(tx.Text, func(r rune) bool { return unicode.Is(unicode.Devanagari, r) }) {
				continue
			}
			file := files[fmt.Sprintf("%p", tx.Face)]
			if file == "" {
				file = filepath.Join(dir, strconv.Itoa(len(files))+".ttf")
				if err := os.WriteFile(file, tx.Face.Data(), 0o644); err != nil {
					t.Fatal(err)
				}
				files[fmt.Sprintf("%p", tx.Face)] = file
			}
			out := output(t, "hb-shape", "--no-glyph-names", "--no-positions", "--language=hi", file, tx.Text)
			var want []string
			for _, m := range hbGlyph.FindAllStringSubmatch(out, -1) {
				want = append(want, m[1])
			}
			var got []string
			for _, g := range tx.Glyphs {
				got = append(got, strconv.Itoa(int(g.ID)))
			}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("%q: glyphs %v, hb-shape gives %v", tx.Text, got, want)
			}
			checked++
			if strings.Contains(tx.Text, "\u094d") { // a virama: a conjunct or half form
				conjuncts++
			}
		}
	}
	if checked == 0 || conjuncts == 0 {
		t.Fatalf("checked %d Devanagari runs, %d with conjuncts; want some of each", checked, conjuncts)
	}
}
