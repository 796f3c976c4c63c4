package typeset

import (
	"strings"
	"testing"

	"handout/internal/model"
)

// testTaglines is a notice in languages the built-in fonts draw.
func testTaglines() *Taglines {
	return &Taglines{
		Lines: []Tagline{
			{Lang: "es", Text: "ATENCIÓN: si habla español, tiene ayuda gratuita con el idioma. Llame al 555-0100."},
			{Lang: "vi", Text: "CHÚ Ý: Nếu bạn nói tiếng Việt, có dịch vụ hỗ trợ ngôn ngữ miễn phí. Gọi số 555-0100."},
			{Lang: "ru", Text: "ВНИМАНИЕ: если вы говорите по-русски, вам бесплатно помогут с языком. Звоните 555-0100."},
		},
		Nondiscrimination: Tagline{Lang: "en", Text: "Clinic follows federal civil rights laws and does not discriminate."},
	}
}

func setWithTaglines(t *testing.T, src, layout string, tl *Taglines) (*Document, *model.Layout) {
	t.Helper()
	doc, lay, err := trySetInput(t, src, layout, func(in *Input) { in.Site, in.Taglines = qrSite(), tl })
	if err != nil {
		t.Fatal(err)
	}
	return doc, lay
}

// taglineTexts returns, per language, the text items of structure
// elements in a language of their own.
func taglineTexts(doc *Document) map[string][]*Text {
	out := map[string][]*Text{}
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*Text); ok && tx.Role.Block > 0 && doc.Nodes[tx.Role.Block-1].Lang != "" {
				out[tx.Lang] = append(out[tx.Lang], tx)
			}
		}
	}
	return out
}

func pageOf(doc *Document, want *Text) int {
	for i, p := range doc.Pages {
		for _, it := range p.Items {
			if it == Item(want) {
				return i
			}
		}
	}
	return -1
}

// TestTaglinesTagged: every line carries its language, on its text and
// on a structure element of its own, and is set at least 8 pt (18 pt in
// large print).
func TestTaglinesTagged(t *testing.T) {
	long := "title: T\nsections:\n" + strings.Repeat("  - heading: H\n    body: [Some words in a paragraph that goes on for a while.]\n", 30)
	for _, c := range []struct {
		layout string
		least  float64
	}{{"letter", 8}, {"a5", 8}, {"large-print", 18}, {"trifold", 8}, {"booklet", 8}} {
		t.Run(c.layout, func(t *testing.T) {
			src := long
			if c.layout == "trifold" {
				src = "title: T\nsections:\n  - body: [Short.]\n"
			}
			doc, _ := setWithTaglines(t, src, c.layout, testTaglines())
			got := taglineTexts(doc)
			for _, tl := range append(testTaglines().Lines, testTaglines().Nondiscrimination) {
				items := got[tl.Lang]
				if len(items) == 0 {
					t.Fatalf("no text tagged %s", tl.Lang)
				}
				var text []string
				for _, tx := range items {
					text = append(text, tx.Text)
					if tx.Size < c.least {
						t.Errorf("%s tagline at %.1f pt, under %.0f", tl.Lang, tx.Size, c.least)
					}
				}
				if strings.Join(strings.Fields(strings.Join(text, " ")), " ") != tl.Text {
					t.Errorf("%s tagline reads %q, want %q", tl.Lang, strings.Join(text, " "), tl.Text)
				}
				node := doc.Nodes[items[0].Role.Block-1]
				if node.Lang != tl.Lang || node.Kind != P {
					t.Errorf("%s tagline's structure element is %v with language %q", tl.Lang, node.Kind, node.Lang)
				}
			}
			if c.layout == "letter" || c.layout == "large-print" || c.layout == "a5" {
				if p := pageOf(doc, got["en"][0]); p != len(doc.Pages)-1 {
					t.Errorf("notice ends on page %d of %d, want the last page", p+1, len(doc.Pages))
				}
			}
		})
	}
}

// TestTaglinesPlacement: the notice goes on a trifold's back panel and on
// a booklet's back cover.
func TestTaglinesPlacement(t *testing.T) {
	doc, lay := setWithTaglines(t, "title: T\nsections:\n  - body: [Short.]\n", "trifold", testTaglines())
	px, pw := lay.Panels[0], lay.Panels[1]
	for lang, items := range taglineTexts(doc) {
		for _, tx := range items {
			if pageOf(doc, tx) != 0 || tx.X < px || tx.X > px+pw {
				t.Fatalf("trifold %s tagline at page %d x=%.0f, not on the back panel", lang, pageOf(doc, tx)+1, tx.X)
			}
		}
	}
	long := "title: T\nsections:\n" + strings.Repeat("  - heading: H\n    body: [Some words in a paragraph that goes on for a while.]\n", 20)
	doc, _ = setWithTaglines(t, long, "booklet", testTaglines())
	for lang, items := range taglineTexts(doc) {
		for _, tx := range items {
			// sheet 1's front: the back cover on the left, page 1 on the right
			if pageOf(doc, tx) != 0 || tx.X > doc.Pages[0].Width/2 {
				t.Fatalf("booklet %s tagline on sheet side %d x=%.0f, not on the back cover", lang, pageOf(doc, tx)+1, tx.X)
			}
		}
	}
}

// TestTaglineRightToLeft: a right-to-left language's lines are set flush
// right.
func TestTaglineRightToLeft(t *testing.T) {
	tl := testTaglines()
	tl.Lines[2].RTL = true // set the Russian line flush right, as Arabic would be
	doc, lay := setWithTaglines(t, "title: T\nsections:\n  - body: [Short.]\n", "letter", tl)
	items := taglineTexts(doc)["ru"]
	last := items[len(items)-1]
	right := lay.PageWidth - lay.MarginOutside
	if d := right - (last.X + last.Width); d > 0.5 || d < -0.5 {
		t.Errorf("right-to-left tagline ends %.1f pt from the right edge of the column", d)
	}
}
