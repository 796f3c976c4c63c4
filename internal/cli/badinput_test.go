package cli

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const goodLeaflet = "title: T\nsections:\n  - body:\n      - Hello.\n"

func pngBytes(t *testing.T) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 40, 20))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestBadInputWritesNothing renders broken inputs and checks each gives one
// clear positioned message, exit code 1, and leaves the output untouched.
func TestBadInputWritesNothing(t *testing.T) {
	good := pngBytes(t)
	cases := []struct {
		name    string
		leaflet string
		files   map[string][]byte
		args    []string
		want    string
	}{
		{"malformed yaml", "title: [\n", nil, nil, "leaf.yaml:1:1: invalid YAML"},
		{"tab", "title: T\n\tsections: x\n", nil, nil, "leaf.yaml:2:1: tab character in indentation"},
		{"empty file", "", nil, nil, "leaf.yaml:1:1: file is empty"},
		{"misspelled field", goodLeaflet + "subtitel: x\n", nil, nil, `leaf.yaml:5:1: unknown field "subtitel" in the leaflet (did you mean "subtitle"?)`},
		{"wrong type", "title: T\nsections: {a: b}\n", nil, nil, "leaf.yaml:2:11: sections must be a list, not a mapping"},
		{"missing required", "title: T\n", nil, nil, `leaf.yaml:1:1: the leaflet is missing the required field "sections"`},
		{"unknown block", "title: T\nsections:\n  - body:\n      - quote: x\n", nil, nil, `leaf.yaml:4:9: unknown block type "quote"`},
		{"unknown placeholder", "title: T\nsections:\n  - body:\n      - Call {fax}.\n", nil, nil, "leaf.yaml:4:14: unknown placeholder {fax}"},
		{"bad date", goodLeaflet + "credits: {last_reviewed: 22/11/2009}\n", nil, nil, `leaf.yaml:5:26: last_reviewed "22/11/2009" is not a date`},
		{"bad color", goodLeaflet, map[string][]byte{"site/site.yaml": []byte("name: C\naccent_color: \"#12345\"\n")}, []string{"--site", "site"}, `site.yaml:2:15: accent_color "#12345" is not a color`},
		{"bad length", goodLeaflet, map[string][]byte{"l.yaml": []byte("margins: {top: wide}\n")}, []string{"--layout", "l.yaml"}, `l.yaml:1:16: top "wide" is not a length`},
		{"unknown layout", goodLeaflet, nil, []string{"--layout", "tabloid"}, `unknown layout "tabloid"`},
		{"missing image", "title: T\nsections:\n  - body:\n      - image: {file: nope.png, alt: x}\n", nil, nil, "leaf.yaml:4:16: image file"},
		{"corrupt image", "title: T\nsections:\n  - body:\n      - image: {file: bad.png, alt: x}\n", map[string][]byte{"bad.png": append([]byte("\x89PNG\r\n\x1a\n"), good[8:40]...)}, nil, "leaf.yaml:4:16: image"},
		{"not an image", "title: T\nsections:\n  - body:\n      - image: {file: x.png, alt: x}\n", map[string][]byte{"x.png": []byte("hello")}, nil, "is not a PNG, JPEG or GIF file"},
		{"glyph missing", "title: T\nsections:\n  - body:\n      - Smile Ꭰ now\n", nil, nil, "leaf.yaml:4:15: character U+13A0 (Ꭰ) cannot be drawn"},
		{"above U+FFFF", "title: T\nsections:\n  - body:\n      - Smile \U0001F600 now\n", nil, nil, "leaf.yaml:4:15: character U+1F600"},
		{"site lacks value", "title: T\nsections:\n  - body:\n      - See {website}.\n", map[string][]byte{"site/site.yaml": []byte("name: C\n")}, []string{"--site", "site"}, "leaf.yaml:4:13: {website} is used here but the site"},
		{"missing site image", goodLeaflet, map[string][]byte{"site/site.yaml": []byte("name: C\nheader_image: logo.png\n")}, []string{"--site", "site"}, "site.yaml:2:15: image file"},
		{"site value glyph", goodLeaflet, map[string][]byte{"site/site.yaml": []byte("name: C\nphone: \"☎ 555-0100\"\n")}, []string{"--site", "site"}, "site.yaml:2:8: character U+260E"},
		{"missing leaflet", "", nil, []string{"--leaflet-missing"}, "cannot read file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			leaf := filepath.Join(dir, "leaf.yaml")
			os.WriteFile(leaf, []byte(c.leaflet), 0o644)
			for name, data := range c.files {
				p := filepath.Join(dir, name)
				os.MkdirAll(filepath.Dir(p), 0o755)
				os.WriteFile(p, data, 0o644)
			}
			out := filepath.Join(dir, "out.pdf")
			os.WriteFile(out, []byte("previous handout"), 0o644)
			args := []string{"render", leaf, "-o", out}
			for _, a := range c.args {
				if a == "--leaflet-missing" {
					args[1] = filepath.Join(dir, "nothing.yaml")
					continue
				}
				if strings.HasSuffix(a, ".yaml") || a == "site" {
					a = filepath.Join(dir, a)
				}
				args = append(args, a)
			}
			code, _, stderr := run(t, nil, args...)
			if code != 1 {
				t.Errorf("exit %d, want 1; stderr:\n%s", code, stderr)
			}
			if !strings.Contains(stderr, c.want) {
				t.Errorf("stderr:\n%s\nwant it to contain %q", stderr, c.want)
			}
			if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine") {
				t.Errorf("looks like a crash:\n%s", stderr)
			}
			if b, _ := os.ReadFile(out); string(b) != "previous handout" {
				t.Error("the existing output file was changed")
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.HasSuffix(e.Name(), ".tmp") || (strings.HasSuffix(e.Name(), ".pdf") && e.Name() != "out.pdf") {
					t.Errorf("left %s behind", e.Name())
				}
			}
		})
	}
}

func TestUnknownLanguageWarns(t *testing.T) {
	dir := t.TempDir()
	leaf := filepath.Join(dir, "leaf.yaml")
	os.WriteFile(leaf, []byte("title: T\nlanguage: de\nsections:\n  - body: [Guten Tag.]\ncredits: {last_reviewed: 2025-01-01}\n"), 0o644)
	code, _, stderr := run(t, nil, "render", leaf, "-o", filepath.Join(dir, "o.pdf"))
	if code != 0 || !strings.Contains(stderr, "leaf.yaml:2:11: warning: no renderer words for language \"de\"") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	// check reports it as a warning: allowed, unless --strict
	code, stdout, _ := run(t, nil, "check", leaf, "--as-of", "2025-06-01")
	if code != 0 || !strings.Contains(stdout, `no renderer words for language "de"`) {
		t.Fatalf("check: exit %d, stdout %q", code, stdout)
	}
	if code, stdout, _ = run(t, nil, "check", "--strict", leaf, "--as-of", "2025-06-01"); code != 1 {
		t.Fatalf("check --strict: exit %d, want 1; stdout %q", code, stdout)
	}
}

// TestRenderRefusesWhatCheckRejects: a date in the future is one of the
// errors handout check reports, and render must refuse it too.
func TestRenderRefusesWhatCheckRejects(t *testing.T) {
	dir := t.TempDir()
	leaf := filepath.Join(dir, "leaf.yaml")
	os.WriteFile(leaf, []byte(goodLeaflet+"credits:\n  last_reviewed: 2999-01-01\n"), 0o644)
	out := filepath.Join(dir, "o.pdf")
	code, _, stderr := run(t, nil, "render", leaf, "-o", out)
	if code != 1 || !strings.Contains(stderr, "leaf.yaml:6:18: last_reviewed 2999-01-01 is in the future") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("a PDF was written")
	}
}
