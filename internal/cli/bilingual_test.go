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
	os.WriteFile(bad, []byte("bilingual:\n  - with: a.yaml\n"), 0o644)
	if code, _, stderr := run(t, nil, "batch", bad); code == ExitOK || !strings.Contains(stderr, "bad.yaml:2:5: a bilingual pair needs leaflet:") {
		t.Errorf("a pair without its translation: exit %d\n%s", code, stderr)
	}
}

// TestBatchListedTranslations: a pair that names only the leaflet prints
// it with each translation the leaflet lists.
func TestBatchListedTranslations(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"newborn-jaundice.yaml", "ictericia-del-recien-nacido.yaml"} {
		b, err := os.ReadFile(filepath.Join(repo, "content", "leaflets", name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	job := filepath.Join(dir, "job.yaml")
	os.WriteFile(job, []byte("bilingual:\n  - leaflet: newborn-jaundice.yaml\noutput: out\n"), 0o644)
	if code, _, stderr := run(t, nil, "batch", job, "-q"); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	text := output(t, "pdftotext", filepath.Join(dir, "out", "newborn-jaundice+ictericia-del-recien-nacido.pdf"), "-")
	if !strings.Contains(text, "¿Qué es la ictericia?") {
		t.Errorf("the listed translation is not in the handout:\n%s", text)
	}
}
