package render

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"handout/internal/pdftest"
)

// TestQRCodeScans renders a leaflet with a url, turns its pages into
// pictures as a phone camera would see them, and reads the code back with
// zbarimg, in colour and in grayscale, on a page layout and a trifold.
func TestQRCodeScans(t *testing.T) {
	zbar := pdftest.Tool(t, "zbarimg")
	pdftest.Tool(t, "pdftoppm")
	dir := t.TempDir()
	leaf := filepath.Join(dir, "jaundice.yaml")
	src := "title: Jaundice in newborns\nurl: \"{website}/handouts/jaundice\"\nsections:\n  - body: [Many babies turn a little yellow in the first week.]\ncredits:\n  written_by: The nurses of {department}.\n"
	if err := os.WriteFile(leaf, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	const want = "https://riverside.example.org/handouts/jaundice"
	r, err := New("test")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		layout string
		gray   bool
	}{{"letter", false}, {"letter", true}, {"trifold", false}, {"trifold", true}} {
		pdf := renderTo(t, r, Job{Leaflet: leaf, Site: site("riverside"), Layout: c.layout, Print: PrintOptions{Grayscale: c.gray}})
		prefix := filepath.Join(t.TempDir(), "page")
		output(t, "pdftoppm", "-r", "72", "-f", "1", "-l", "1", "-png", pdf, prefix)
		pngs, _ := filepath.Glob(prefix + "*.png")
		if len(pngs) != 1 {
			t.Fatalf("%s: pdftoppm made %v", c.layout, pngs)
		}
		out, err := exec.Command(zbar, "-q", "--raw", pngs[0]).Output()
		if err != nil {
			t.Errorf("%s (gray %v): zbarimg found no code: %v", c.layout, c.gray, err)
			continue
		}
		if got := strings.TrimSpace(string(out)); got != want {
			t.Errorf("%s (gray %v): the code reads %q, want %q", c.layout, c.gray, got, want)
		}
	}
}
