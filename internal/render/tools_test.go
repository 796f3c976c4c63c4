package render

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// tool returns the path of an external checker. In CI a missing tool is a
// failure; elsewhere the test is skipped with a clear message.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed; CI must install it (.ci/run installs poppler-utils and qpdf)", name)
		}
		t.Skipf("%s not installed; install poppler-utils and qpdf to run this test", name)
	}
	return p
}

func output(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(tool(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// renderTo renders a job and writes the PDF to a temporary file.
func renderTo(t *testing.T, r *Renderer, job Job) string {
	t.Helper()
	res, err := r.Render(job)
	if err != nil {
		t.Fatalf("%+v: %v", job, err)
	}
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, res.PDF, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
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
