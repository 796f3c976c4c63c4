package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// laoFonts is a font folder with a family for Lao, which no built-in
// family draws (testdata/fonts/README.md).
func laoFonts(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "fonts"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// laoLeaflet writes a leaflet with a Lao word in a folder of its own and
// returns the folder.
func laoLeaflet(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "lao.yaml"), []byte("title: Welcome\nsections:\n  - body:\n      - Say ສະບາຍດີ to the nurse.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

const laoRefused = "lao.yaml:4:13: error: 7 characters in Lao script cannot be drawn"

// TestCheckHonoursFonts: check refuses a character no font draws, and
// accepts it when --fonts or the layout's fonts: folder has a family for
// it, as render does.
func TestCheckHonoursFonts(t *testing.T) {
	dir, fonts := laoLeaflet(t), laoFonts(t)
	leaf := filepath.Join(dir, "lao.yaml")
	code, out, _ := run(t, nil, "check", leaf, "--as-of", "2026-01-01")
	if code != ExitFail || !strings.Contains(out, laoRefused) {
		t.Fatalf("without fonts: exit %d, want the Lao word refused:\n%s", code, out)
	}
	code, out, stderr := run(t, nil, "check", leaf, "--as-of", "2026-01-01", "--fonts", fonts)
	if code != ExitOK || strings.Contains(out, "error:") {
		t.Errorf("--fonts: exit %d\n%s%s", code, out, stderr)
	}
	layout := filepath.Join(dir, "lao-layout.yaml")
	if err := os.WriteFile(layout, []byte("page: {size: letter}\nfonts: "+fonts+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr = run(t, nil, "check", leaf, "--as-of", "2026-01-01", "--layout", layout)
	if code != ExitOK || strings.Contains(out, "error:") {
		t.Errorf("a layout with fonts: exit %d\n%s%s", code, out, stderr)
	}
	if code, _, stderr := run(t, nil, "check", leaf, "--fonts", filepath.Join(dir, "none")); code != ExitUsage || !strings.Contains(stderr, "is not a folder") {
		t.Errorf("--fonts of a missing folder: exit %d %q", code, stderr)
	}
}

// TestBatchFonts: a job file's fonts: folders and batch --fonts reach
// every handout; the flag replaces the file's folders.
func TestBatchFonts(t *testing.T) {
	dir, fonts := laoLeaflet(t), laoFonts(t)
	job := filepath.Join(dir, "job.yaml")
	write := func(extra string) {
		t.Helper()
		if err := os.WriteFile(job, []byte("leaflets: [lao.yaml]\noutput: print\n"+extra), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("")
	if code, _, stderr := run(t, nil, "batch", job, "--force"); code != ExitFail || !strings.Contains(stderr, "Lao script cannot be drawn") {
		t.Fatalf("without fonts: exit %d, want the Lao word refused:\n%s", code, stderr)
	}
	if code, _, stderr := run(t, nil, "batch", job, "--force", "--fonts", fonts); code != ExitOK || len(pdfs(t, filepath.Join(dir, "print"))) != 1 {
		t.Errorf("--fonts: exit %d\n%s", code, stderr)
	}
	rel, err := filepath.Rel(dir, fonts)
	if err != nil {
		t.Fatal(err)
	}
	write("fonts: " + rel + "\n")
	if code, _, stderr := run(t, nil, "batch", job, "--force"); code != ExitOK {
		t.Errorf("the job file's fonts: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := run(t, nil, "batch", job, "--force", "--fonts", t.TempDir()); code != ExitFail || !strings.Contains(stderr, "Lao script cannot be drawn") {
		t.Errorf("--fonts should replace the job file's folders: exit %d\n%s", code, stderr)
	}
	write("fonts: [missing]\n")
	if code, _, stderr := run(t, nil, "batch", job); code != ExitFail || !strings.Contains(stderr, "job.yaml:3:9: fonts: ") {
		t.Errorf("a job file's missing font folder: exit %d %q", code, stderr)
	}
}
