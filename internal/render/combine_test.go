package render

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCombine renders three handouts into one PDF and reads the page
// order, the right-hand starts and the outline back with the PDF tools.
func TestCombine(t *testing.T) {
	r := newRenderer(t)
	var buf bytes.Buffer
	c := r.NewCombiner(&buf, PrintOptions{}, nil)
	var pages []int
	for _, job := range []Job{
		{Leaflet: sample("let-down-reflex"), Site: site("riverside")},
		{Leaflet: sample("reflejo-de-bajada"), Site: site("hillcrest")},
		{Leaflet: sample("breastfeeding-first-weeks"), Site: site("riverside")},
	} {
		res, err := r.Render(job)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, res.Pages)
		if err := c.Add(res, filepath.Base(job.Leaflet)); err != nil {
			t.Fatal(err)
		}
	}
	n, err := c.Close()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "job.pdf")
	os.WriteFile(path, buf.Bytes(), 0o644)
	if !strings.Contains(output(t, "qpdf", "--check", path), "No syntax or stream encoding errors") {
		t.Fatal("qpdf finds problems in the combined PDF")
	}
	// expected starts: each handout on an odd page
	want, at := []int{}, 1
	for _, p := range pages {
		if at%2 == 0 {
			at++
		}
		want = append(want, at)
		at += p
	}
	if n != at-1 {
		t.Fatalf("%d pages, want %d", n, at-1)
	}
	info := output(t, "pdfinfo", path)
	if !regexp.MustCompile(`Pages:\s+` + itoa(n) + `\n`).MatchString(info) {
		t.Fatalf("pdfinfo disagrees on the page count:\n%s", info)
	}
	// the first words of each start page are the handout's header and title
	for i, p := range want {
		text := output(t, "pdftotext", "-f", itoa(p), "-l", itoa(p), "-raw", path, "-")
		title := []string{"Let-Down Reflex", "Reflejo de bajada", "Breastfeeding in the First Weeks"}[i]
		if !strings.Contains(text, title) {
			t.Errorf("page %d should start handout %d (%s):\n%.200s", p, i+1, title, text)
		}
	}
	// the outline: one top-level entry per handout, at its first page,
	// with the handout's headings beneath it
	var outline struct {
		Outlines []struct {
			Title string `json:"title"`
			Page  int    `json:"destpageposfrom1"`
			Kids  []struct {
				Title string `json:"title"`
			} `json:"kids"`
		} `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(output(t, "qpdf", "--json", "--json-key=outlines", path)), &outline); err != nil {
		t.Fatal(err)
	}
	titles := []string{"let-down-reflex.yaml", "reflejo-de-bajada.yaml", "breastfeeding-first-weeks.yaml"}
	if len(outline.Outlines) != 3 {
		t.Fatalf("outline has %d top-level entries, want 3", len(outline.Outlines))
	}
	for i, o := range outline.Outlines {
		if o.Title != titles[i] || o.Page != want[i] || len(o.Kids) == 0 {
			t.Errorf("outline entry %d: %q at page %d with %d headings; want %q at page %d with its headings", i, o.Title, o.Page, len(o.Kids), titles[i], want[i])
		}
	}
}
