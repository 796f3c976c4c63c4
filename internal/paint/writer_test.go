package paint

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"handout/internal/font"
	"handout/internal/model"
	"handout/internal/pdftest"
	"handout/internal/typeset"
)

// page is one page of the given size holding a line of text.
func onePage(face *font.Face, w, h float64, text string) *typeset.Page {
	return &typeset.Page{Number: 1, Width: w, Height: h,
		Items: []typeset.Item{run(40, 60, face, 12, model.Color{}, text)}}
}

// A print job: each handout starts on a right-hand page, the blank before
// one takes the size of the sheet it is the back of, and each handout has
// an outline entry with its own headings beneath it.
func TestWriterPrintJob(t *testing.T) {
	reg := family(t).Face(font.Regular)
	letterA := &typeset.Document{Faces: []*font.Face{reg},
		Pages:   []*typeset.Page{onePage(reg, 612, 792, "Handout A")},
		Outline: []typeset.OutlineEntry{{Title: "A heading", Level: 0, Page: 1, Y: 60}}}
	a4B := &typeset.Document{Faces: []*font.Face{reg},
		Pages: []*typeset.Page{onePage(reg, 595, 842, "Handout B"), onePage(reg, 595, 842, "B, page 2")}}
	letterC := &typeset.Document{Faces: []*font.Face{reg}, Pages: []*typeset.Page{onePage(reg, 612, 792, "Handout C")}}
	var buf bytes.Buffer
	w := NewWriter(&buf, Meta{Title: "job"}, nil)
	for i, d := range []*typeset.Document{letterA, a4B, letterC} {
		if err := w.Add(d, nil, []string{"a.yaml", "b.yaml", "c.yaml"}[i]); err != nil {
			t.Fatal(err)
		}
	}
	if w.Pages() != 5 {
		t.Fatalf("%d pages, want 5: A, blank, B, B, C", w.Pages())
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "job.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	info := pdftest.Output(t, "pdfinfo", "-f", "1", "-l", "5", path)
	sizes := regexp.MustCompile(`Page\s+\d+ size:\s+(\S+) x (\S+)`).FindAllStringSubmatch(info, -1)
	want := [][2]string{{"612", "792"}, {"612", "792"}, {"595", "842"}, {"595", "842"}, {"612", "792"}}
	if len(sizes) != 5 {
		t.Fatalf("pdfinfo:\n%s", info)
	}
	for i, s := range sizes {
		if s[1] != want[i][0] || s[2] != want[i][1] {
			t.Errorf("page %d is %s x %s, want %s x %s", i+1, s[1], s[2], want[i][0], want[i][1])
		}
	}
	for p, text := range map[string]string{"1": "Handout A", "2": "", "3": "Handout B", "5": "Handout C"} {
		got := strings.TrimSpace(pdftest.Output(t, "pdftotext", "-f", p, "-l", p, path, "-"))
		if got != text {
			t.Errorf("page %s reads %q, want %q", p, got, text)
		}
	}
	outline := pdftest.Output(t, "mutool", "show", path, "outline")
	for _, line := range []string{"\"a.yaml\"\t#page=1", "\t\"A heading\"\t#page=1", "\"b.yaml\"\t#page=3", "\"c.yaml\"\t#page=5"} {
		if !strings.Contains(outline, line) {
			t.Errorf("outline lacks %q:\n%s", line, outline)
		}
	}
}
