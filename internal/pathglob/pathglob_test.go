package pathglob

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGlob(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"deep/b.yaml", "deep/sub/a.yaml", "deep/sub/x.txt", "other/c.yaml", "deeper/d.yaml"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	rel := func(ps []string) string {
		var out []string
		for _, p := range ps {
			r, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(r))
		}
		return strings.Join(out, " ")
	}
	cases := map[string]string{
		"deep/**/*.yaml":  "deep/b.yaml deep/sub/a.yaml",
		"dee*/**/*.yaml":  "deep/b.yaml deep/sub/a.yaml deeper/d.yaml",
		"deep/*.yaml":     "deep/b.yaml",
		"*/sub/*.yaml":    "deep/sub/a.yaml",
		"**/sub/*.yaml":   "deep/sub/a.yaml",
		"deep/**":         "deep/b.yaml deep/sub deep/sub/a.yaml deep/sub/x.txt",
		"nothing/**/*.md": "",
	}
	for pat, want := range cases {
		p := filepath.Join(dir, pat)
		if strings.HasPrefix(pat, "**") {
			wd, _ := os.Getwd()
			os.Chdir(dir)
			m, err := Glob(pat)
			os.Chdir(wd)
			if err != nil || strings.Join(m, " ") != want {
				t.Errorf("%s: %q %v, want %q", pat, strings.Join(m, " "), err, want)
			}
			continue
		}
		m, err := Glob(p)
		if err != nil || rel(m) != want {
			t.Errorf("%s: %q %v, want %q", pat, rel(m), err, want)
		}
	}
	if _, err := Glob(filepath.Join(dir, "deep/s**/*.yaml")); err == nil {
		t.Error("** inside a segment should be an error")
	}
}
