package batch

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"handout/internal/pdftest"
)

// repo is the repository root, where the samples live.
var repo = filepath.Join("..", "..")

// tool returns the path of an external checker (see pdftest.Tool).
func tool(t *testing.T, name string) string { return pdftest.Tool(t, name) }

// write creates files under dir from a map of relative paths to contents,
// all dated an hour ago so that anything a run writes is newer.
func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	old := time.Now().Add(-time.Hour)
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
}

func pngFile(t *testing.T) string {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 40, 20))); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func leaflet(title string) string {
	return "title: " + title + "\nsections:\n  - body:\n      - Call {phone}.\n"
}

// library is a small job: three good leaflets (one with an image), two
// broken ones and two sites, one with a header image.
func library(t *testing.T) string {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"leaflets/a.yaml":        leaflet("Alpha"),
		"leaflets/b.yaml":        leaflet("Beta {name}"),
		"leaflets/c.yaml":        "title: Gamma\nsections:\n  - body:\n      - image: {file: pic.png, alt: A picture}\n",
		"leaflets/pic.png":       pngFile(t),
		"leaflets/bad-yaml.yaml": "title: [\n",
		"leaflets/bad-ph.yaml":   "title: T\nsections:\n  - body:\n      - Call {fax}.\n",
		"sites/north/site.yaml":  "name: North Clinic\nphone: 555-0101\nheader_image: head.png\n",
		"sites/north/head.png":   pngFile(t),
		"sites/south/site.yaml":  "name: South Clinic\nphone: 555-0102\n",
	})
	return dir
}
