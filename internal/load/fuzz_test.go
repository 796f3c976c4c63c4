package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handout/internal/source"
)

// FuzzLeaflet feeds arbitrary bytes to the leaflet loader: it must never
// panic, every error must carry the file name, and no input may take long.
// The sample leaflets, cut into one small leaflet per section, and the
// bad-input cases are the seeds; anything the fuzzer finds is kept in
// testdata/fuzz/FuzzLeaflet as a regression case.
//
//	go test ./internal/load -run '^$' -fuzz FuzzLeaflet -fuzztime 60s -fuzzminimizetime 100x
//
// Why -fuzzminimizetime: this target used to sit at 0 execs/s for long
// stretches. Every input that finds new coverage is minimized before
// fuzzing goes on, for up to -fuzzminimizetime (60s by default), and the
// executions spent minimizing are not counted. Early in a run almost every
// mutation finds new coverage, and the seeds were the whole samples (up to
// 12 KB, slow to minimize), so the fuzzer worked flat out while the
// counter stood still. With a budget of 100 executions per minimization
// the same run does thousands of counted execs/s; the seeds are now one
// small leaflet per sample section as well.
func FuzzLeaflet(f *testing.F) {
	for _, s := range sampleSeeds(f) {
		f.Add(s)
	}
	for _, s := range []string{okLeaflet, "", "title: [", "\t- x", "title: &a x\nsubtitle: *a\n",
		"title: T\nsections:\n  - body:\n      - note: {body: [{table: {rows: [[a]]}}]}\n",
		"title: T\nsections:\n  - body:\n      - \"{phone\"\n", "a: !!binary aGk=\n", "title: T\nsections:\n  - body:\n      - bullets: [{text: x, bullets: [{text: y, steps: [z]}]}]\n",
		"title: T\nsections:\n  - body: [\"[a](javascript:x)\"]\n---\nx: y\n", "title: T\nsections:\n  - body:\n      - image: {file: ../x.png, alt: x}\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		withTimeout(t, 2*time.Second, func() {
			l, err := ParseLeaflet("f.yaml", data)
			if err == nil && l == nil {
				t.Error("nil leaflet without an error")
			}
			if err != nil {
				for _, e := range err.(source.Errors) {
					if s := e.Error(); len(s) < 7 || s[:7] != "f.yaml:" {
						t.Errorf("error without position: %q", s)
					}
				}
			}
		})
	})
}

// sampleSeeds cuts each sample leaflet into small leaflets: its head (the
// lines before sections:) with one section each.
func sampleSeeds(f *testing.F) [][]byte {
	samples, _ := filepath.Glob(filepath.Join("..", "..", "content", "leaflets", "*.yaml"))
	var seeds [][]byte
	for _, s := range samples {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		head, body, ok := strings.Cut(string(b), "\nsections:\n")
		if !ok {
			f.Fatalf("%s has no sections", s)
		}
		for _, sec := range strings.Split(body, "\n  - ")[1:] {
			if len(sec) < 3000 {
				seeds = append(seeds, []byte(head+"\nsections:\n  - "+sec+"\n"))
			}
		}
	}
	if len(seeds) < 3 {
		f.Fatalf("only %d seeds from the samples", len(seeds))
	}
	return seeds
}

// withTimeout runs fn, failing the test if it takes longer than d: an input
// that makes the loader slow is a finding too (a print room's batch must
// not stall on one file).
func withTimeout(t *testing.T, d time.Duration, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("took longer than %s", d)
	}
}
