package render

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden layout dumps in testdata/golden")

var repo = filepath.Join("..", "..")

func newRenderer(t testing.TB) *Renderer {
	t.Helper()
	r, err := New("test")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestGoldenLayouts compares the laid-out pages of every sample with a
// readable dump kept in testdata/golden. After an intended layout change,
// run `go test ./internal/render -update` and review the diff.
func TestGoldenLayouts(t *testing.T) {
	r := newRenderer(t)
	leaflets, _ := filepath.Glob(filepath.Join(repo, "content", "leaflets", "*.yaml"))
	jobs := []struct{ site, layout string }{{"riverside", "letter"}, {"hillcrest", "a4"}, {"", "letter"},
		{"riverside", "letter-2col"}, {"hillcrest", "booklet"}, {"riverside", "large-print"}, {"hillcrest", "trifold"}}
	for _, leaf := range leaflets {
		for _, j := range jobs {
			siteName := j.site
			site := ""
			if siteName == "" {
				siteName = "unbranded"
			} else {
				site = filepath.Join(repo, "content", "sites", j.site)
			}
			if j.layout == "trifold" && strings.Contains(leaf, "breastfeeding-first-weeks") {
				continue // too long for six panels; print_test checks the message
			}
			name := strings.TrimSuffix(filepath.Base(leaf), ".yaml") + "." + siteName + "." + j.layout + ".txt"
			t.Run(name, func(t *testing.T) {
				doc, _, err := r.Typeset(Job{Leaflet: leaf, Site: site, Layout: j.layout})
				if err != nil {
					t.Fatal(err)
				}
				got := strings.ReplaceAll(doc.String(), filepath.ToSlash(repo)+"/", "")
				path := filepath.Join(repo, "testdata", "golden", name)
				if *update {
					if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test ./internal/render -update to create it)", err)
				}
				if got != string(want) {
					t.Errorf("layout of %s differs from %s; run go test ./internal/render -update and review the diff.\n%s", name, path, firstDiff(string(want), got))
				}
			})
		}
	}
}

// firstDiff shows the first differing line, which is usually enough to see
// what moved.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + itoa(i+1) + ":\n  want: " + a + "\n  got:  " + b
		}
	}
	return ""
}

func itoa(n int) string {
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	if s == "" {
		return "0"
	}
	return s
}
