package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handout/layouts"
)

// FuzzTypeset runs the whole path from bytes to pages (load, validate,
// typeset, and the guard that no text leaves the page) on arbitrary
// leaflets, in every layout: no panic, no hang, and every failure is a
// positioned message about the leaflet, never an internal error.
//
//	go test ./internal/render -run '^$' -fuzz FuzzTypeset -fuzztime 60s -fuzzminimizetime 100x
//
// (see FuzzLeaflet in internal/load for why -fuzzminimizetime matters).
func FuzzTypeset(f *testing.F) {
	samples, _ := filepath.Glob(filepath.Join(repo, "content", "leaflets", "*.yaml"))
	for _, s := range samples {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		if head, body, ok := strings.Cut(string(b), "\nsections:\n"); ok {
			for _, sec := range strings.Split(body, "\n  - ")[1:] {
				f.Add(head+"\nsections:\n  - "+sec+"\n", uint8(len(sec)))
			}
		}
	}
	f.Add("title: T\nsections:\n  - body:\n      - bullets: [{text: x, bullets: [{text: y, steps: [z]}]}]\n", uint8(3))
	f.Add("title: T\nsections:\n  - body:\n      - table: {header: [a, b], rows: [[\"**x**\", \"y y y y y y y y y y y y y y y y y y y y\"]]}\n", uint8(7))
	r := newRenderer(f)
	dir := f.TempDir()
	names := layouts.Names()
	f.Fuzz(func(t *testing.T, src string, which uint8) {
		leaf := filepath.Join(dir, "f.yaml")
		if err := os.WriteFile(leaf, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		layout := names[int(which)%len(names)]
		done := make(chan error, 1)
		go func() {
			_, _, err := r.Typeset(Job{Leaflet: leaf, Layout: layout})
			done <- err
		}()
		select {
		case err := <-done:
			if err != nil && (strings.Contains(err.Error(), "internal error") || strings.Contains(err.Error(), "would be drawn")) {
				t.Fatalf("%s: %v", layout, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: typesetting took longer than 10s", layout)
		}
	})
}
