package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestBatchBilingualPair: a job file's bilingual pair renders one handout
// in both languages per site, named after both files, and a change to the
// translation makes it out of date.
func TestBatchBilingualPair(t *testing.T) {
	dir := t.TempDir()
	en, es := filepath.Join(dir, "newborn-jaundice.yaml"), filepath.Join(dir, "ictericia-del-recien-nacido.yaml")
	for _, p := range []string{en, es} {
		b, err := os.ReadFile(filepath.Join(repo, "content", "leaflets", filepath.Base(p)))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(p, b, 0o644)
	}
	site, _ := filepath.Abs(filepath.Join(repo, "content", "sites", "riverside"))
	job := filepath.Join(dir, "job.yaml")
	src := "bilingual:\n  - leaflet: " + strconv.Quote(en) + "\n    with: " + strconv.Quote(es) + "\nsites: " + strconv.Quote(site) +
		"\nlayouts: [letter-2col]\noutput: out\n"
	if err := os.WriteFile(job, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, nil, "batch", job, "-q"); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	pdf := filepath.Join(dir, "out", "riverside", "newborn-jaundice+ictericia-del-recien-nacido.pdf")
	text := output(t, "pdftotext", pdf, "-")
	for _, want := range []string{"What is jaundice?", "¿Qué es la ictericia?", "Página 1 de"} {
		if !strings.Contains(text, want) {
			t.Errorf("the bilingual handout lacks %q:\n%s", want, text)
		}
	}
	if _, _, stderr := run(t, nil, "batch", job); !strings.Contains(stderr, "skipped 1") {
		t.Errorf("an up-to-date pair was rendered again:\n%s", stderr)
	}
	later := time.Now().Add(time.Hour)
	os.Chtimes(es, later, later)
	if _, _, stderr := run(t, nil, "batch", job); !strings.Contains(stderr, "rendered 1") {
		t.Errorf("a changed translation did not make the pair out of date:\n%s", stderr)
	}

	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("bilingual:\n  - leaflet: a.yaml\n"), 0o644)
	if code, _, stderr := run(t, nil, "batch", bad); code == ExitOK || !strings.Contains(stderr, "bad.yaml:2:5: a bilingual pair needs with:") {
		t.Errorf("a pair without its translation: exit %d\n%s", code, stderr)
	}
}
