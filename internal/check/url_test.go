package check

import (
	"path/filepath"
	"testing"
)

// TestURL: a leaflet's url must be an https address once the site's values
// are filled in; http passes only with AllowHTTP.
func TestURL(t *testing.T) {
	leaf := func(url string) string {
		return "title: T\nurl: \"" + url + "\"\nsections:\n  - body: [Call us if you are worried.]\n"
	}
	dir := write(t, map[string]string{
		"good.yaml":     leaf("{website}/handouts/t"),
		"http.yaml":     leaf("http://clinic.example.org/t"),
		"noscheme.yaml": leaf("clinic.example.org/t"),
		"nohost.yaml":   leaf("https:///t"),
		"site.yaml":     "name: Clinic\nphone: 555-0100\nwebsite: https://clinic.example.org\n",
	})
	files := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, filepath.Join(dir, n))
		}
		return out
	}
	site := filepath.Join(dir, "site.yaml")
	r := run(t, files("good.yaml", "http.yaml", "noscheme.yaml", "nohost.yaml"), Options{Site: site})
	want(t, r, CodeURL, 3, "http.yaml:2:7: error: the url", "uses http", "does not start with https://", "has no host name")
	r = run(t, files("http.yaml"), Options{Site: site, AllowHTTP: true})
	want(t, r, CodeURL, 0)
}
