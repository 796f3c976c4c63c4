package render

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"handout/internal/pdftest"
)

func output(t *testing.T, name string, args ...string) string {
	t.Helper()
	return pdftest.Output(t, name, args...)
}

// renderTo renders a job and writes the PDF to a temporary file.
func renderTo(t *testing.T, r *Renderer, job Job) string {
	t.Helper()
	res, err := r.Render(job)
	if err != nil {
		t.Fatalf("%+v: %v", job, err)
	}
	return writeTemp(t, res.PDF)
}

// word is one word of pdftotext -bbox-layout output, in points from the
// top-left corner of its page.
type word struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	text                   string
}

var (
	pageRE = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	wordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// words reads every word's position, in content order, with -raw so that
// the order is the order the text was written in.
func words(t *testing.T, pdf string) (ws []word, pageW, pageH float64) {
	t.Helper()
	out := output(t, "pdftotext", "-bbox-layout", pdf, "-")
	page := 0
	for _, chunk := range strings.Split(out, "<page ")[1:] {
		page++
		chunk = "<page " + chunk
		if m := pageRE.FindStringSubmatch(chunk); m != nil {
			pageW, _ = strconv.ParseFloat(m[1], 64)
			pageH, _ = strconv.ParseFloat(m[2], 64)
		}
		for _, m := range wordRE.FindAllStringSubmatch(chunk, -1) {
			f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
			ws = append(ws, word{page, f(m[1]), f(m[2]), f(m[3]), f(m[4]), m[5]})
		}
	}
	return ws, pageW, pageH
}

func sample(name string) string { return filepath.Join(repo, "content", "leaflets", name+".yaml") }
func site(name string) string   { return filepath.Join(repo, "content", "sites", name) }
