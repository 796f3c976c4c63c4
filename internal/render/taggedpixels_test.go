package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/internal/load"
	"handout/internal/paint"
	"handout/internal/pdftest"
)

// TestTaggedHindiDrawsAsUntagged: tagging Hindi draws some glyphs through
// copies (pdf.Font.Alias) and splits runs into marked-content sequences;
// neither may change a pixel. Each layout family's tagged pages are drawn
// and compared with the same document painted untagged.
func TestTaggedHindiDrawsAsUntagged(t *testing.T) {
	r := newRenderer(t)
	pdftest.Tool(t, "pdftoppm")
	for _, layout := range []string{"letter-2col", "trifold", "booklet", "large-print"} {
		t.Run(layout, func(t *testing.T) {
			job := Job{Leaflet: sample("hi-ors"), Site: site("riverside"), Layout: layout}
			p, err := r.prepare(job)
			if err != nil {
				t.Fatal(err)
			}
			meta := r.meta(p, job)
			dir := t.TempDir()
			for _, untagged := range []bool{false, true} {
				meta.Untagged = untagged
				pdf, err := paint.Paint(p.doc, meta, r.printedImages(p.doc, false), r.paint)
				if err != nil {
					t.Fatal(err)
				}
				name := map[bool]string{false: "tagged", true: "untagged"}[untagged]
				path := filepath.Join(dir, name+".pdf")
				if err := os.WriteFile(path, pdf, 0o644); err != nil {
					t.Fatal(err)
				}
				output(t, "pdftoppm", "-r", "40", "-png", path, filepath.Join(dir, name))
			}
			pages, _ := filepath.Glob(filepath.Join(dir, "tagged-*.png"))
			if len(pages) == 0 {
				t.Fatal("pdftoppm drew no pages")
			}
			for _, page := range pages {
				a, _ := os.ReadFile(page)
				b, err := os.ReadFile(filepath.Join(dir, "un"+filepath.Base(page)))
				if err != nil || !bytes.Equal(a, b) {
					t.Errorf("%s: the tagged page does not draw as the untagged one (%v)", filepath.Base(page), err)
				}
			}
		})
	}
}

// TestTaggedHindiInABooklet: the PDF/UA checks pass, and the structure
// tree gives back every text of the Hindi sample whole, on imposed pages.
// (One layout: poppler takes seconds to read a structure tree.)
func TestTaggedHindiInABooklet(t *testing.T) {
	r := newRenderer(t)
	s, err := load.Site(site("hillcrest"))
	if err != nil {
		t.Fatal(err)
	}
	for _, layout := range []string{"booklet"} {
		t.Run(layout, func(t *testing.T) {
			res, err := r.Render(Job{Leaflet: sample("hi-ors"), Site: site("hillcrest"), Layout: layout})
			if err != nil {
				t.Fatal(err)
			}
			got := checkedTreeText(t, res.PDF)
			for _, want := range sourceTexts(t, sample("hi-ors"), s) {
				if !strings.Contains(got, want) {
					t.Errorf("%q does not come back from the structure tree:\n%s", want, got)
				}
			}
		})
	}
}
