package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/internal/source"
)

// Inputs written by someone else, or by mistake: each is refused with one
// clear message that echoes as little of the file as possible.
func TestHostileLeaflets(t *testing.T) {
	deep := "title: T\nsections:\n  - body:\n      - bullets:\n"
	indent := "          "
	for range 4 {
		deep += indent + "- text: x\n" + indent + "  bullets:\n"
		indent += "    "
	}
	deep += indent + "- y\n"
	cases := []struct{ name, src, want string }{
		{"second document", okLeaflet + "---\ntitle: Lost\n", "x.yaml:5:1: a second YAML document starts here"},
		{"deep nesting", deep, "x.yaml:13:27: lists nest 4 levels deep at most; this one is level 5"},
		{"empty title", "title: \"\"\nsections:\n  - body: [x]\n", "x.yaml:1:8: title is empty"},
		{"javascript link", "title: T\nsections:\n  - body:\n      - \"[click](javascript:alert(1))\"\n", `x.yaml:4:18: the link "javascript:alert(1)" is not a web, email or phone link`},
		{"file link", "title: T\nsections:\n  - body:\n      - \"[x](file:///etc/passwd)\"\n", `the link "file:///etc/passwd" is not`},
		{"data link", "title: T\nsections:\n  - body:\n      - \"[x](data:text/html,hi)\"\n", `the link "data:text/html,hi" is not`},
		{"absolute image", "title: T\nsections:\n  - body:\n      - image: {file: /etc/passwd, alt: x}\n", `x.yaml:4:23: the image "/etc/passwd" is outside the leaflet's folder`},
		{"escaping image", "title: T\nsections:\n  - body:\n      - image: {file: ../../etc/passwd, alt: x}\n", `the image "../../etc/passwd" is outside the leaflet's folder`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseLeaflet("x.yaml", []byte(c.src))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error:\n%v\nwant it to contain:\n%s", err, c.want)
			}
		})
	}
	for _, src := range []string{
		"title: T\nsections:\n  - body:\n      - \"[a](https://example.org) [b](mailto:a@example.org) [c](tel:+15550100)\"\n",
		"title: T\nsections:\n  - body:\n      - bullets:\n          - text: 1\n            bullets:\n              - text: 2\n                bullets:\n                  - text: 3\n                    bullets: [4]\n",
	} {
		if _, err := ParseLeaflet("x.yaml", []byte(src)); err != nil {
			t.Errorf("refused a good leaflet: %v", err)
		}
	}
}

// A file that is not a leaflet at all gets one message that quotes none of
// it, and no message anywhere quotes more than a short piece of a value.
func TestMessagesDoNotEchoFiles(t *testing.T) {
	var shadow strings.Builder
	for i := range 24 {
		shadow.WriteString("user" + strings.Repeat("x", i) + ":$6$saltsalt$" + strings.Repeat("Q", 80) + ":19000:0:99999:7:::\n")
	}
	for _, src := range []string{shadow.String(), "root: x\ndaemon: y\n", "- a\n- b\n", "just some text\n"} {
		_, err := ParseLeaflet("x.yaml", []byte(src))
		es, ok := err.(source.Errors)
		if !ok || len(es) != 1 || es[0].Error() != "x.yaml:1:1: this is not a leaflet (no `title:` or `sections:` found)" {
			t.Errorf("%.20q: %v", src, err)
		}
	}
	long := strings.Repeat("secret", 50)
	src := "title: T\nlanguage: " + long + "\nsections:\n  - body:\n      - note: {title: x, style: " + long + "}\n" +
		"  - heading: H\n    body: [x, \"{" + long + "}\"]\n    " + long + "-field: 1\n    \"" + long + " with spaces\": 2\n"
	_, err := ParseLeaflet("x.yaml", []byte(src))
	if err == nil {
		t.Fatal("no error")
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		if strings.Contains(line, strings.Repeat("secret", 8)) {
			t.Errorf("message quotes too much: %s", line)
		}
	}
}

// Images resolve inside the leaflet's or site's folder after links are
// followed, and the message is the same whether the target exists or not.
func TestImagesAreConfined(t *testing.T) {
	dir := t.TempDir()
	leafDir := filepath.Join(dir, "leaflets")
	os.MkdirAll(leafDir, 0o755)
	outside := writeFile(t, dir, "secret.png", "x")
	os.Symlink(outside, filepath.Join(leafDir, "exists.png"))
	os.Symlink(filepath.Join(dir, "missing.png"), filepath.Join(leafDir, "missing.png"))
	os.Symlink(dir, filepath.Join(leafDir, "up"))
	writeFile(t, leafDir, "inside.png", "x")
	msgs := map[string]string{}
	for _, img := range []string{"exists.png", "missing.png", "up/secret.png", "up/nothing.png"} {
		p := writeFile(t, leafDir, "l.yaml", "title: T\nsections:\n  - body:\n      - image: {file: "+img+", alt: x}\n")
		_, err := Leaflet(p)
		if err == nil {
			t.Fatalf("%s: no error", img)
		}
		msgs[img] = strings.Replace(err.Error(), img, "IMG", 1)
	}
	if msgs["exists.png"] != msgs["missing.png"] || msgs["up/secret.png"] != msgs["up/nothing.png"] || msgs["exists.png"] != msgs["up/secret.png"] {
		t.Errorf("messages differ by what exists:\n%v", msgs)
	}
	p := writeFile(t, leafDir, "l.yaml", "title: T\nsections:\n  - body:\n      - image: {file: inside.png, alt: x}\n      - image: {file: ../secret.png, alt: y}\n")
	if _, err := Leaflet(p); err == nil || strings.Contains(err.Error(), "inside.png") {
		t.Errorf("inside and outside: %v", err)
	}
	if _, err := Leaflet(p, dir); err != nil {
		t.Errorf("with the parent folder as an assets root: %v", err)
	}
	site := filepath.Join(dir, "site")
	os.MkdirAll(site, 0o755)
	writeFile(t, site, "site.yaml", "name: C\nheader_image: ../secret.png\n")
	if _, err := Site(site); err == nil || !strings.Contains(err.Error(), "site.yaml:2:15: the image \"../secret.png\" is outside the site's folder") {
		t.Errorf("site: %v", err)
	}
}
