package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type checkDoc struct {
	Schema  string `json:"schema"`
	Summary struct {
		Errors, Warnings int
	} `json:"summary"`
	Files []struct {
		Path     string `json:"path"`
		Kind     string `json:"kind"`
		Findings []struct {
			Severity, Code, File, Message string
			Line                          int
		} `json:"findings"`
		Readability *struct {
			Grade *float64 `json:"flesch_kincaid_grade"`
		} `json:"readability"`
	} `json:"files"`
}

func TestCheckALeafletOfTheLibrary(t *testing.T) {
	f := start(t)
	code, h, body := f.get("/api/check?leaflet=let-down-reflex&site=riverside&layout=a4")
	if code != 200 || h.Get("Content-Type") != "application/json" {
		t.Fatalf("%d %s", code, body)
	}
	doc := decode[checkDoc](t, body)
	if doc.Schema != "handout-check/1" || len(doc.Files) < 2 || doc.Files[0].Path != "let-down-reflex.yaml" || doc.Files[0].Readability == nil || doc.Files[0].Readability.Grade == nil {
		t.Errorf("check JSON: %s", body)
	}
	if strings.Contains(string(body), f.dir) {
		t.Errorf("check output shows the server's folders: %s", body)
	}
}

func TestCheckAPostedLeaflet(t *testing.T) {
	f := start(t)
	src, _ := os.ReadFile(filepath.Join(f.leaflets, "breastfeeding-first-weeks.yaml"))
	code, _, body := f.post("/api/check?site=hillcrest", "application/yaml", src)
	if code != 200 {
		t.Fatalf("%d %s", code, body)
	}
	doc := decode[checkDoc](t, body)
	if doc.Files[0].Path != "leaflet.yaml" || doc.Summary.Errors != 0 {
		t.Errorf("a good leaflet, whose images are in the leaflets folder, should check clean: %s", body)
	}
	if strings.Contains(string(body), os.TempDir()) || strings.Contains(string(body), f.dir) {
		t.Errorf("paths leak: %s", body)
	}

	bad := "title: Bad\nlanguage: en\nsections:\n  - heading: One\n    body:\n      - Call {fax}.\n      - image:\n          file: images/missing.png\n          alt: x\n"
	code, _, body = f.post("/api/check", "application/yaml", []byte(bad))
	doc = decode[checkDoc](t, body)
	if code != 200 || doc.Summary.Errors == 0 {
		t.Fatalf("%d %s", code, body)
	}
	var lines []int
	for _, x := range doc.Files[0].Findings {
		if x.Severity == "error" {
			lines = append(lines, x.Line)
		}
	}
	if len(lines) == 0 || lines[0] != 6 {
		t.Errorf("errors should carry their lines: %s", body)
	}

	for _, file := range []string{"../../../etc/hostname", "/etc/hostname"} {
		out := strings.Replace(bad, "images/missing.png", file, 1)
		code, h, body := f.post("/api/check", "application/yaml", []byte(out))
		if p := problemOf(t, code, h, body, 422); !strings.Contains(p.Problems[0], "outside the leaflets folder") {
			t.Errorf("%s: %s", file, body)
		}
	}
	code, h, body := f.post("/api/check", "application/yaml", nil)
	problemOf(t, code, h, body, 400)
	code, h, body = f.post("/api/check", "application/yaml", []byte(strings.Repeat("#", DefaultMaxBody+1)))
	problemOf(t, code, h, body, 413)
	code, h, body = f.post("/api/check?site=../riverside", "application/yaml", src)
	problemOf(t, code, h, body, 404)
}
