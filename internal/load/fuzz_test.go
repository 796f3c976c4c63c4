package load

import (
	"os"
	"path/filepath"
	"testing"

	"handout/internal/source"
)

// FuzzLeaflet feeds arbitrary bytes to the leaflet loader: it must never
// panic, and every error must carry the file name. The sample leaflets and
// the bad-input cases are the seeds; anything the fuzzer finds is kept in
// testdata/fuzz/FuzzLeaflet as a regression case.
//
//	go test ./internal/load -run '^$' -fuzz FuzzLeaflet -fuzztime 60s
func FuzzLeaflet(f *testing.F) {
	samples, _ := filepath.Glob(filepath.Join("..", "..", "content", "leaflets", "*.yaml"))
	for _, s := range samples {
		b, err := os.ReadFile(s)
		if err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{okLeaflet, "", "title: [", "\t- x", "title: &a x\nsubtitle: *a\n",
		"title: T\nsections:\n  - body:\n      - note: {body: [{table: {rows: [[a]]}}]}\n",
		"title: T\nsections:\n  - body:\n      - \"{phone\"\n", "a: !!binary aGk=\n", "title: T\nsections:\n  - body:\n      - bullets: [{text: x, bullets: [{text: y, steps: [z]}]}]\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ParseLeaflet("f.yaml", data)
		if err == nil && l == nil {
			t.Fatal("nil leaflet without an error")
		}
		if err != nil {
			for _, e := range err.(source.Errors) {
				if s := e.Error(); len(s) < 7 || s[:7] != "f.yaml:" {
					t.Fatalf("error without position: %q", s)
				}
			}
		}
	})
}
