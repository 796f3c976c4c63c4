package load

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"handout/internal/model"
)

func siteFrom(t *testing.T, src string) (*model.Site, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "site.yaml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return Site(path)
}

func TestTaglinesFields(t *testing.T) {
	s, err := siteFrom(t, "name: C\nphone: 555-0100\ntty: \"711\"\ntaglines: [es, zh-Hant]\ntaglines_text:\n  ES: \"Llame al {phone} (TTY {tty}).\"\n")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s.Taglines.Langs, []string{"es", "zh-Hant"}) || s.TTY != "711" || s.Taglines.Text["es"] != "Llame al {phone} (TTY {tty})." {
		t.Errorf("taglines %+v, tty %q", s.Taglines, s.TTY)
	}
	if s.Taglines.Pos[1].Line != 4 || s.Taglines.TextPos["es"].Line != 6 {
		t.Errorf("positions %v %v", s.Taglines.Pos, s.Taglines.TextPos)
	}
	s, err = siteFrom(t, "name: C\nphone: 555-0100\ntaglines: true\n")
	if err != nil || !slices.Equal(s.Taglines.Langs, model.DefaultTaglines) || len(model.DefaultTaglines) != 15 {
		t.Errorf("taglines: true gave %v, %v", s.Taglines.Langs, err)
	}
	for _, c := range []struct{ src, want string }{
		{"name: C\ntaglines: [es]\n", "2:11: taglines tell readers to call for free language help, but the site has no phone"},
		{"name: C\nphone: 1\ntaglines: [es, ES]\n", `3:16: taglines lists ES twice (first at line 3)`},
		{"name: C\nphone: 1\ntaglines: [spanish!]\n", `3:12: "spanish!" is not a BCP 47 language tag`},
		{"name: C\nphone: 1\ntaglines: es\n", "3:11: taglines must be true or a list of language tags"},
		{"name: C\nphone: 1\ntaglines: [es]\ntaglines_text: {vi: \"Gọi {phone}\"}\n", "4:17: taglines_text gives a line for vi, which taglines does not list"},
		{"name: C\nphone: 1\ntaglines: [es]\ntaglines_text: {es: \"Llame a {name}\"}\n", "4:21: the tagline for es uses {name}; a tagline may use {phone} and {tty}"},
	} {
		_, err := siteFrom(t, c.src)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: want %q, got %v", c.src, c.want, err)
		}
	}
}
