package serve

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"handout/internal/pdftest"
)

// TestEditsArePickedUpWithoutARestart: a new leaflet appears in the list,
// an edited title shows in the list and in the PDF, a removed leaflet is
// gone, and a changed site image is printed, not the cached one.
func TestEditsArePickedUpWithoutARestart(t *testing.T) {
	f := start(t)
	path := filepath.Join(f.leaflets, "extra", "new.yaml")
	write(t, path, "title: First Title\nlanguage: en\nsections:\n  - heading: One\n    body:\n      - Drink water.\n")
	_, _, body := f.get("/api/leaflets")
	if !strings.Contains(string(body), `"id": "extra/new"`) || !strings.Contains(string(body), "First Title") {
		t.Fatalf("a new leaflet is not listed: %s", body)
	}
	f.get("/render?leaflet=extra/new")
	// an edit with the same size must still count: move the date on
	write(t, path, "title: Other Title\nlanguage: en\nsections:\n  - heading: One\n    body:\n      - Drink water.\n")
	later := time.Now().Add(-time.Second)
	os.Chtimes(path, later, later)
	_, _, body = f.get("/api/leaflets")
	if !strings.Contains(string(body), "Other Title") || strings.Contains(string(body), "First Title") {
		t.Fatalf("the edited title is not listed: %s", body)
	}
	code, _, pdf := f.get("/render?leaflet=extra/new")
	out := filepath.Join(t.TempDir(), "x.pdf")
	os.WriteFile(out, pdf, 0o644)
	if text := pdftest.Output(t, "pdftotext", out, "-"); code != 200 || !strings.Contains(text, "Other Title") {
		t.Errorf("the PDF does not show the edit (%d):\n%.300s", code, text)
	}
	os.Remove(path)
	if code, _, _ := f.get("/render?leaflet=extra/new"); code != 404 {
		t.Errorf("a removed leaflet renders: %d", code)
	}

	// the site's header image changes: the pipeline must not print the old one
	f.get("/render?leaflet=let-down-reflex&site=riverside")
	before := f.srv.pipe.r
	other, _ := os.ReadFile(filepath.Join(f.sites, "hillcrest", "header.png"))
	header := filepath.Join(f.sites, "riverside", "header.png")
	os.WriteFile(header, other, 0o644)
	os.Chtimes(header, later, later)
	if code, _, _ := f.get("/render?leaflet=let-down-reflex&site=riverside"); code != 200 {
		t.Fatal(code)
	}
	if f.srv.pipe.r == before {
		t.Errorf("a changed image should give a fresh engine, not the cached picture")
	}
}

// TestNeverReadsAHalfWrittenFile writes a file slowly, in pieces, while
// readers go through steady; every read must see a whole version.
func TestNeverReadsAHalfWrittenFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "leaflet.yaml")
	whole := func(v int) string { return strings.Repeat(string(rune('a'+v)), 4000) + "\nEND\n" }
	os.WriteFile(path, []byte(whole(0)), 0o644)
	old := time.Now().Add(-time.Second)
	os.Chtimes(path, old, old)

	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // an editor that saves in place, in three pieces
		defer wg.Done()
		for v := 1; v <= 3; v++ {
			data := whole(v)
			fh, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0o644)
			if err != nil {
				t.Error(err)
				return
			}
			for i := 0; i < 3; i++ {
				fh.Write([]byte(data[i*len(data)/3 : (i+1)*len(data)/3]))
				time.Sleep(60 * time.Millisecond)
			}
			fh.Close()
			time.Sleep(100 * time.Millisecond)
		}
	}()
	find := func() inputs { return inputs{leaflet: path} }
	read := func(in inputs, _ map[string]stamp) (string, error) {
		b, err := os.ReadFile(in.leaflet)
		time.Sleep(5 * time.Millisecond) // as long as a render
		return string(b), err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	deadline := time.Now().Add(2500 * time.Millisecond)
	reads, busy := 0, 0
	for time.Now().Before(deadline) {
		got, err := steady(ctx, find, read)
		switch {
		case err == errBusyEditing:
			busy++
		case err != nil:
			t.Fatal(err)
		case !strings.HasSuffix(got, "\nEND\n") || len(got) != len(whole(0)):
			t.Fatalf("read a half-written file: %d bytes", len(got))
		default:
			reads++
		}
		time.Sleep(10 * time.Millisecond)
	}
	wg.Wait()
	if reads == 0 {
		t.Errorf("no whole read in %d tries (%d busy)", reads+busy, busy)
	}
	t.Logf("%d whole reads, %d busy", reads, busy)
}

// TestRendersWhileALeafletIsSaved: while an editor saves a leaflet in
// place, in pieces, renders answer with a whole version of it (200) or ask
// to try again (503); never a 422 from half a file.
func TestRendersWhileALeafletIsSaved(t *testing.T) {
	f := start(t)
	path := filepath.Join(f.leaflets, "saving.yaml")
	version := func(v int) string {
		var b strings.Builder
		b.WriteString("title: Version " + string(rune('A'+v)) + "\nlanguage: en\nsections:\n")
		for i := range 30 {
			b.WriteString("  - heading: Part " + string(rune('a'+i%26)) + "\n    body:\n      - Drink water and rest when you can.\n")
		}
		return b.String()
	}
	write(t, path, version(0))
	old := time.Now().Add(-time.Second)
	os.Chtimes(path, old, old)

	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for v := 1; ; v++ {
			select {
			case <-stop:
				return
			default:
			}
			data := version(v % 3)
			fh, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0o644)
			if err != nil {
				t.Error(err)
				return
			}
			for i := range 3 {
				fh.Write([]byte(data[i*len(data)/3 : (i+1)*len(data)/3]))
				time.Sleep(40 * time.Millisecond)
			}
			fh.Close()
			time.Sleep(600 * time.Millisecond) // still long enough to render
		}
	}()
	deadline := time.Now().Add(2 * time.Second)
	counts := map[int]int{}
	pages := map[string]int{} // X-Handout-Pages of each whole PDF
	for time.Now().Before(deadline) {
		code, h, body := f.get("/render?leaflet=saving")
		counts[code]++
		if code == 200 {
			pages[h.Get("X-Handout-Pages")]++
		}
		if code != 200 && code != 503 {
			t.Errorf("status %d while the file was being saved: %s", code, body)
			break
		}
	}
	close(stop)
	wg.Wait()
	t.Logf("answers while saving: %v", counts)
	if counts[200] == 0 {
		t.Errorf("no render succeeded between saves: %v", counts)
	}
	// once the file is still, it renders
	later := time.Now().Add(-time.Second)
	os.Chtimes(path, later, later)
	code, h, body := f.get("/render?leaflet=saving")
	if code != 200 || !isPDF(body) {
		t.Fatalf("after the save: %d", code)
	}
	// a file cut at a section boundary is valid YAML too: it would show as
	// a shorter handout
	for n := range pages {
		if n != h.Get("X-Handout-Pages") {
			t.Errorf("while saving, renders had %v pages; the whole leaflet has %s", pages, h.Get("X-Handout-Pages"))
			break
		}
	}
}
