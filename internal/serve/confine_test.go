package serve

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTraversalGets404WithNoDetail tries to reach files outside the
// folders in every way we know; each attempt gets the same 404 that an
// unknown ID gets, and no answer says anything about what is outside.
func TestTraversalGets404WithNoDetail(t *testing.T) {
	f := start(t)
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.yaml")
	leaflet, _ := os.ReadFile(filepath.Join(f.leaflets, "let-down-reflex.yaml"))
	os.WriteFile(secret, bytes.Replace(leaflet, []byte("Let-Down Reflex"), []byte("TOP SECRET"), 1), 0o644)
	os.MkdirAll(filepath.Join(outside, "site"), 0o755)
	write(t, filepath.Join(outside, "site", "site.yaml"), "name: Outside Clinic\n")
	// links from inside the folders to outside
	must(t, os.Symlink(secret, filepath.Join(f.leaflets, "link-out.yaml")))
	must(t, os.Symlink(outside, filepath.Join(f.leaflets, "dir-out")))
	must(t, os.Symlink(filepath.Join(outside, "site"), filepath.Join(f.sites, "site-out")))
	// a link that stays inside is fine
	must(t, os.Symlink(filepath.Join(f.leaflets, "let-down-reflex.yaml"), filepath.Join(f.leaflets, "alias.yaml")))

	rel, _ := filepath.Rel(f.leaflets, secret)
	relNoExt := strings.TrimSuffix(rel, ".yaml")
	attempts := []string{
		"leaflet=" + relNoExt,
		"leaflet=../../../../../../etc/passwd",
		"leaflet=..%2F..%2F..%2Fetc%2Fpasswd",
		"leaflet=%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
		"leaflet=..%252F..%252Fetc%252Fpasswd",
		"leaflet=..\\..\\etc\\passwd",
		"leaflet=/etc/passwd",
		"leaflet=" + strings.TrimSuffix(secret, ".yaml"),
		"leaflet=" + strings.TrimSuffix(filepath.Join(f.leaflets, "let-down-reflex.yaml"), ".yaml"),
		"leaflet=let-down-reflex/../let-down-reflex",
		"leaflet=./let-down-reflex",
		"leaflet=let-down-reflex.yaml",
		"leaflet=let-down-reflex%00",
		"leaflet=link-out",
		"leaflet=dir-out/secret",
		"leaflet=let-down-reflex&site=../../etc",
		"leaflet=let-down-reflex&site=site-out",
		"leaflet=let-down-reflex&site=" + filepath.Join(outside, "site"),
		"leaflet=let-down-reflex&layout=../../../etc/passwd",
		"leaflet=let-down-reflex&layout=" + secret,
	}
	var first []byte
	for _, q := range attempts {
		for _, path := range []string{"/render?", "/api/check?"} {
			code, h, body := f.get(path + q)
			problemOf(t, code, h, body, 404)
			if bytes.Contains(body, []byte("etc")) || bytes.Contains(body, []byte("passwd")) || bytes.Contains(body, []byte(outside)) ||
				bytes.Contains(body, []byte("SECRET")) || bytes.Contains(body, []byte("..")) {
				t.Errorf("%s%s: the 404 gives details: %s", path, q, body)
			}
			if strings.HasPrefix(q, "leaflet=let-down-reflex&site") || strings.HasPrefix(q, "leaflet=let-down-reflex&layout") {
				continue
			}
			if first == nil {
				first = body
			} else if !bytes.Equal(first, body) {
				t.Errorf("%s%s: a traversal answers differently from an unknown ID:\n%s\n%s", path, q, body, first)
			}
		}
	}
	// the lists show nothing from outside, and the inside link
	_, _, body := f.get("/api/leaflets")
	if bytes.Contains(body, []byte("SECRET")) || bytes.Contains(body, []byte("link-out")) || bytes.Contains(body, []byte("dir-out")) || !bytes.Contains(body, []byte(`"alias"`)) {
		t.Errorf("leaflets list: %s", body)
	}
	_, _, body = f.get("/api/sites")
	if bytes.Contains(body, []byte("Outside")) {
		t.Errorf("sites list shows a site outside: %s", body)
	}
	if code, _, pdf := f.get("/render?leaflet=alias"); code != 200 || !isPDF(pdf) {
		t.Errorf("a link that stays inside the folder should render: %d", code)
	}
	// paths outside the API, raw on the wire so no client cleans them
	for _, raw := range []string{"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/render/../../etc/passwd", "//etc/passwd", "/api/../../../etc/passwd"} {
		status, body := rawGet(t, f.url, raw)
		if !strings.Contains(status, " 404 ") && !strings.Contains(status, " 400 ") {
			t.Errorf("GET %s: %s", raw, status)
		}
		if strings.Contains(body, "root:") {
			t.Errorf("GET %s served a file from outside", raw)
		}
	}
}

// TestImagesOutsideTheFoldersAreNotRead: a leaflet or site that names an
// image outside its folder does not render, and the server never opens it.
func TestImagesOutsideTheFoldersAreNotRead(t *testing.T) {
	f := start(t)
	outside := t.TempDir()
	img, _ := os.ReadFile(filepath.Join(f.sites, "riverside", "header.png"))
	os.WriteFile(filepath.Join(outside, "logo.png"), img, 0o644)
	leaf := "title: Outside picture\nlanguage: en\nsections:\n  - heading: One\n    body:\n      - image:\n          file: %s\n          alt: A logo\n"
	cases := map[string]string{
		"dotdot":   strings.Replace(leaf, "%s", "../../"+filepath.Base(outside)+"/logo.png", 1),
		"absolute": strings.Replace(leaf, "%s", filepath.Join(outside, "logo.png"), 1),
	}
	must(t, os.Symlink(filepath.Join(outside, "logo.png"), filepath.Join(f.leaflets, "images", "linked.png")))
	cases["link"] = strings.Replace(leaf, "%s", "images/linked.png", 1)
	for name, src := range cases {
		write(t, filepath.Join(f.leaflets, name+".yaml"), src)
		code, h, body := f.get("/render?leaflet=" + name)
		p := problemOf(t, code, h, body, 422)
		// the server's own check, or the loader's (which refuses such images
		// for every command), whichever sees it first
		if len(p.Problems) != 1 || !strings.Contains(p.Problems[0], "outside the") || strings.Contains(string(body), outside) {
			t.Errorf("%s: %s", name, body)
		}
	}
	site, _ := os.ReadFile(filepath.Join(f.sites, "riverside", "site.yaml"))
	write(t, filepath.Join(f.sites, "evil", "site.yaml"), strings.Replace(string(site), "header.png", filepath.Join(outside, "logo.png"), 1))
	code, h, body := f.get("/render?leaflet=let-down-reflex&site=evil")
	if p := problemOf(t, code, h, body, 422); !strings.Contains(p.Problems[0], "outside the") {
		t.Errorf("site image outside: %s", body)
	}
}

func rawGet(t *testing.T, base, path string) (status, body string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", strings.TrimPrefix(base, "http://"), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	conn.Write([]byte("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
	var buf bytes.Buffer
	buf.ReadFrom(conn)
	s := buf.String()
	line, _, _ := strings.Cut(s, "\r\n")
	return line + " ", s
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
