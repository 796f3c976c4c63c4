package serve

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/internal/pdftest"
)

func TestListsLeafletsSitesAndLayouts(t *testing.T) {
	f := start(t)
	write(t, filepath.Join(f.layouts, "clinic", "wide.yaml"), "description: Letter with wide margins\nmargins:\n  inside: 1.25in\n  outside: 1.25in\n")
	write(t, filepath.Join(f.leaflets, ".draft.yaml"), "title: hidden\n")

	code, h, body := f.get("/api/leaflets")
	if code != 200 || h.Get("Content-Type") != "application/json" {
		t.Fatalf("%d %s", code, h.Get("Content-Type"))
	}
	leaflets := decode[[]LeafletInfo](t, body)
	byID := map[string]LeafletInfo{}
	for _, l := range leaflets {
		byID[l.ID] = l
		if l.Translations == nil {
			t.Errorf("%s: translations should be a list, even empty", l.ID)
		}
	}
	if n := samples(t); len(leaflets) != n {
		t.Fatalf("%d leaflets, want the %d samples (dot files hidden): %s", len(leaflets), n, body)
	}
	if l := byID["reflejo-de-bajada"]; l.Language != "es" || !strings.HasPrefix(l.Title, "Reflejo de bajada") {
		t.Errorf("Spanish sample: %+v", l)
	}
	if l := byID["let-down-reflex"]; l.Title != "Let-Down Reflex (Milk Ejection Reflex)" || l.Language != "en" || l.LastReviewed == "" {
		t.Errorf("let-down sample: %+v", l)
	}
	if !bytes.Contains(body, []byte(`"translations":[]`)) && !bytes.Contains(body, []byte(`"translations": []`)) {
		t.Errorf("translations should be written as []: %s", body)
	}

	_, _, body = f.get("/api/sites")
	sites := decode[[]SiteInfo](t, body)
	siteDirs, _ := filepath.Glob(filepath.Join(repo, "content", "sites", "*", "site.yaml"))
	if len(sites) != len(siteDirs) || sites[0].ID != "hillcrest" || sites[0].Name != "Hillcrest Community Clinic" || sites[1].ID != "riverside" || sites[1].Accent != "#0e5e63" {
		t.Errorf("sites: %s", body)
	}

	_, _, body = f.get("/api/layouts")
	lays := decode[[]LayoutInfo](t, body)
	found := map[string]LayoutInfo{}
	for _, l := range lays {
		found[l.ID] = l
	}
	if l := found["letter"]; !l.Builtin || l.WidthIn != 8.5 || l.HeightIn != 11 {
		t.Errorf("letter: %+v", l)
	}
	if l := found["clinic/wide"]; l.Builtin || l.Description != "Letter with wide margins" || l.Problem != "" {
		t.Errorf("the layouts folder's layout: %+v in %s", l, body)
	}
	if len(found) < 12 {
		t.Errorf("only %d layouts: %s", len(found), body)
	}
}

func TestRenderReturnsThePDF(t *testing.T) {
	f := start(t)
	code, h, body := f.get("/render?leaflet=let-down-reflex&site=riverside&layout=a4")
	if code != 200 || h.Get("Content-Type") != "application/pdf" || !isPDF(body) {
		t.Fatalf("status %d, %s, %.60q", code, h.Get("Content-Type"), body)
	}
	if cd := h.Get("Content-Disposition"); cd != `inline; filename="let-down-reflex-riverside-a4.pdf"` {
		t.Errorf("Content-Disposition %q", cd)
	}
	if h.Get("X-Handout-Pages") == "" || h.Get("Content-Length") == "" {
		t.Errorf("headers: %v", h)
	}
	_, h, _ = f.get("/render?leaflet=let-down-reflex&download=1")
	if cd := h.Get("Content-Disposition"); cd != `attachment; filename="let-down-reflex-letter.pdf"` {
		t.Errorf("download Content-Disposition %q", cd)
	}
	path := filepath.Join(t.TempDir(), "out.pdf")
	os.WriteFile(path, body, 0o644)
	text := pdftest.Output(t, "pdftotext", path, "-")
	if !contains(text, "Let-Down Reflex", "Riverside Family Birth Center", "(541) 555-0142") {
		t.Errorf("the PDF lacks the title or the site's branding:\n%.400s", text)
	}
	if info := pdftest.Output(t, "pdfinfo", path); !strings.Contains(info, "595.") {
		t.Errorf("layout=a4 should give A4 pages:\n%s", info)
	}

	// the custom layouts folder and grayscale
	write(t, filepath.Join(f.layouts, "wide.yaml"), "margins:\n  inside: 1.25in\n  outside: 1.25in\n")
	code, _, gray := f.get("/render?leaflet=reflejo-de-bajada&site=hillcrest&layout=wide&grayscale=1")
	if code != 200 || !isPDF(gray) {
		t.Fatalf("grayscale with a folder layout: %d %.200s", code, gray)
	}
	if bytes.Contains(gray, []byte(" rg")) || bytes.Contains(gray, []byte("/DeviceRGB")) {
		t.Errorf("grayscale=1 still has RGB colours")
	}
}

func TestRenderErrorsAreJSONProblems(t *testing.T) {
	f := start(t)
	write(t, filepath.Join(f.leaflets, "broken.yaml"), "title: Broken\nlanguage: en\nsections:\n  - heading: One\n    body:\n      - Call {fax} today.\n")
	code, h, body := f.get("/render?leaflet=broken&site=riverside")
	p := problemOf(t, code, h, body, 422)
	if len(p.Problems) == 0 || !strings.HasPrefix(p.Problems[0], "broken.yaml:6:") || !strings.Contains(p.Problems[0], "{fax}") {
		t.Errorf("422 should carry the file:line:col messages, relative to the folder: %s", body)
	}
	if strings.Contains(string(body), f.dir) {
		t.Errorf("a problem shows where the server keeps its folders: %s", body)
	}
	for _, q := range []string{"leaflet=nope", "leaflet=let-down-reflex&site=nope", "leaflet=let-down-reflex&layout=nope"} {
		code, h, body := f.get("/render?" + q)
		problemOf(t, code, h, body, 404)
	}
	code, h, body = f.get("/render")
	problemOf(t, code, h, body, 400)
	code, h, body = f.get("/no/such/page")
	problemOf(t, code, h, body, 404)
	res, err := client.Post(f.url+"/render?leaflet=let-down-reflex", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /render: %d, want 405", res.StatusCode)
	}
}

func TestHealthMetricsAndPage(t *testing.T) {
	f := start(t)
	code, _, body := f.get("/healthz")
	if h := decode[map[string]any](t, body); code != 200 || h["status"] != "ok" || h["render_slots"] != float64(2) {
		t.Errorf("healthz: %d %s", code, body)
	}
	f.get("/render?leaflet=let-down-reflex&site=riverside")
	f.get("/render?leaflet=let-down-reflex&site=riverside")
	os.Rename(f.layouts, f.layouts+".gone")
	code, hdr, body := f.get("/healthz")
	problemOf(t, code, hdr, body, 503)
	os.Rename(f.layouts+".gone", f.layouts)
	write(t, filepath.Join(f.leaflets, "broken.yaml"), "title: [unclosed\n")
	f.get("/render?leaflet=broken")
	code, h, body := f.get("/metrics")
	m := string(body)
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/plain; version=0.0.4") {
		t.Fatalf("metrics: %d %s", code, h.Get("Content-Type"))
	}
	for _, want := range []string{
		`handout_renders_total{outcome="ok"} 2`,
		`handout_renders_total{outcome="invalid"} 1`,
		`handout_errors_total 1`,
		`handout_render_seconds_count 3`,
		`handout_render_seconds_bucket{le="+Inf"} 3`,
		`handout_http_requests_total{route="GET /render",code="200"} 2`,
		`handout_http_requests_total{route="GET /render",code="422"} 1`,
		`handout_http_requests_total{route="GET /healthz",code="200"} 1`,
		"# TYPE handout_render_seconds histogram",
	} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %q:\n%s", want, m)
		}
	}

	code, h, body = f.get("/")
	page := string(body)
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
		t.Fatalf("page: %d %s", code, h.Get("Content-Type"))
	}
	for _, want := range []string{`<html lang="en">`, `<label for="leaflet">`, `<label for="site">`, `<label for="layout">`, `<label for="with">`, `<label for="search">`, `role="alert"`, "function applyBrand"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(page, "/*STYLE*/") || strings.Contains(page, "/*SCRIPT*/") || strings.Contains(page, "http://") || strings.Contains(page, "https://") {
		t.Errorf("the page must be whole and load nothing from another host")
	}
}

func TestAccessLogIsStructured(t *testing.T) {
	f := start(t)
	f.get("/render?leaflet=let-down-reflex")
	f.get("/render?leaflet=..%2F..%2Fetc%2Fpasswd")
	var lines []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(f.logs.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("not a JSON log line: %q", l)
		}
		if m["msg"] == "request" {
			lines = append(lines, m)
		}
	}
	if len(lines) != 2 {
		t.Fatalf("%d access log lines, want 2:\n%s", len(lines), f.logs.String())
	}
	if lines[0]["status"] != float64(200) || lines[0]["route"] != "GET /render" || lines[0]["method"] != "GET" || lines[0]["bytes"].(float64) < 1000 {
		t.Errorf("first line: %v", lines[0])
	}
	if lines[1]["status"] != float64(404) {
		t.Errorf("second line: %v", lines[1])
	}
}
