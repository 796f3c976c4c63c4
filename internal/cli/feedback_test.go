package cli

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRenderSaysWhatItWrote checks the one line a single render prints on
// success, with a booklet's cost, and that -q silences it.
func TestRenderSaysWhatItWrote(t *testing.T) {
	dir := t.TempDir()
	leaf := filepath.Join(repo, "content", "leaflets", "let-down-reflex.yaml")
	out := filepath.Join(dir, "let-down.pdf")
	code, _, stderr := run(t, nil, "render", leaf, "--site", filepath.Join(repo, "content", "sites", "riverside"), "-o", out)
	if code != ExitOK || stderr != "wrote "+out+": 2 pages, Letter, riverside\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = run(t, nil, "render", leaf, "--layout", "booklet", "-o", out)
	if code != ExitOK || !strings.Contains(stderr, "booklet of 1 sheet, 4 pages") || !strings.Contains(stderr, "unbranded") {
		t.Errorf("booklet: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = run(t, nil, "render", "-q", leaf, "-o", out)
	if code != ExitOK || stderr != "" {
		t.Errorf("-q: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(out); err != nil {
		t.Error(err)
	}
}

// TestRenderPrintsCheckWarnings renders with an image too small for its
// printed size: render warns as check does, and still writes the PDF.
func TestRenderPrintsCheckWarnings(t *testing.T) {
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 300, 200))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "latch.png"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	leaf := filepath.Join(dir, "l.yaml")
	src := "title: T\nsections:\n  - body:\n      - image: {file: latch.png, alt: A baby at the breast, width: 4in}\n"
	if err := os.WriteFile(leaf, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, nil, "render", leaf, "-o", filepath.Join(dir, "l.pdf"))
	if code != ExitOK || !strings.Contains(stderr, "warning: the image prints 4.0 in wide, so its 300 pixels give 75 ppi") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestRenderNamesWhatIsMissing: a mistyped --site lists the sites found,
// and a missing output folder is named.
func TestRenderNamesWhatIsMissing(t *testing.T) {
	leaf := filepath.Join(repo, "content", "leaflets", "let-down-reflex.yaml")
	sites := filepath.Join(repo, "content", "sites")
	code, _, stderr := run(t, nil, "render", leaf, "--site", filepath.Join(sites, "riversde"), "-o", filepath.Join(t.TempDir(), "x.pdf"))
	if code != ExitFail || !strings.Contains(stderr, "did you mean "+filepath.Join(sites, "riverside")+"?") || !strings.Contains(stderr, filepath.Join(sites, "hillcrest")) {
		t.Errorf("mistyped site: exit %d, stderr %q", code, stderr)
	}
	missing := filepath.Join(t.TempDir(), "no", "such")
	code, _, stderr = run(t, nil, "render", leaf, "-o", filepath.Join(missing, "x.pdf"))
	if code != ExitFail || !strings.Contains(stderr, "the folder "+missing+" does not exist") || strings.Contains(stderr, ".tmp") {
		t.Errorf("missing folder: exit %d, stderr %q", code, stderr)
	}
}
