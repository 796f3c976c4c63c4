package serve

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"handout/internal/pdftest"
)

// TestRenderWithTranslation: with=ID prints the leaflet and its translation
// as one handout, both languages' text in the PDF.
func TestRenderWithTranslation(t *testing.T) {
	f := start(t)
	code, h, body := f.get("/render?leaflet=newborn-jaundice&with=ictericia-del-recien-nacido&site=riverside&layout=letter-2col")
	if code != 200 || !isPDF(body) {
		t.Fatalf("with=: %d %.300s", code, body)
	}
	if cd := h.Get("Content-Disposition"); !strings.Contains(cd, `filename="newborn-jaundice-ictericia-del-recien-nacido-riverside-letter-2col.pdf"`) {
		t.Errorf("the file name should name both leaflets: %s", cd)
	}
	path := filepath.Join(t.TempDir(), "out.pdf")
	os.WriteFile(path, body, 0o644)
	text := pdftest.Output(t, "pdftotext", path, "-")
	if !contains(text, "Jaundice in Newborn Babies", "What is jaundice?", "Ictericia en el bebé recién nacido", "¿Qué es la ictericia?") {
		t.Errorf("the PDF should hold both languages:\n%.800s", text)
	}

	// the same leaflet alone has no Spanish in it: the test can fail
	_, _, alone := f.get("/render?leaflet=newborn-jaundice&site=riverside&layout=letter-2col")
	os.WriteFile(path, alone, 0o644)
	if text := pdftest.Output(t, "pdftotext", path, "-"); strings.Contains(text, "¿Qué es la ictericia?") {
		t.Errorf("without with= the PDF should be in English only")
	}
}

func TestRenderWithErrors(t *testing.T) {
	f := start(t)
	for _, q := range []string{
		"with=no-such-translation",
		"with=..%2Fleaflets%2Fictericia-del-recien-nacido",
		"with=..%2F..%2Fetc%2Fpasswd",
		"with=%2Fetc%2Fpasswd",
		"with=ictericia-del-recien-nacido.yaml",
		"with=.%2Fictericia-del-recien-nacido",
	} {
		code, h, body := f.get("/render?leaflet=newborn-jaundice&" + q)
		p := problemOf(t, code, h, body, 404)
		if strings.Contains(string(body), "passwd") || strings.Contains(string(body), f.dir) || !strings.Contains(p.Detail, "translation") {
			t.Errorf("%s: the 404 should say only that there is no such translation: %s", q, body)
		}
	}
	// a translation that lies outside the folder, behind a link
	outside := filepath.Join(f.dir, "elsewhere.yaml")
	data, _ := os.ReadFile(filepath.Join(f.leaflets, "ictericia-del-recien-nacido.yaml"))
	write(t, outside, string(data))
	if err := os.Symlink(outside, filepath.Join(f.leaflets, "linked.yaml")); err != nil {
		t.Fatal(err)
	}
	code, h, body := f.get("/render?leaflet=newborn-jaundice&with=linked")
	problemOf(t, code, h, body, 404)

	// a pair that does not render: a different number of sections
	write(t, filepath.Join(f.leaflets, "corta.yaml"), "title: Corta\nlanguage: es\nsections:\n  - heading: Una\n    body:\n      - Solo una sección.\n")
	code, h, body = f.get("/render?leaflet=newborn-jaundice&with=corta")
	p := problemOf(t, code, h, body, 422)
	if len(p.Problems) == 0 || !strings.HasPrefix(p.Problems[0], "newborn-jaundice.yaml:") || !strings.Contains(p.Problems[0], "corta.yaml:") || strings.Contains(string(body), f.dir) {
		t.Errorf("422 should name both files at their sections, relative to the folder: %s", body)
	}
}

// TestTranslationsList: /api/leaflets lists the translations a leaflet
// names that are leaflets of the folder, by ID, and nothing outside it.
func TestTranslationsList(t *testing.T) {
	f := start(t)
	write(t, filepath.Join(f.dir, "outside.yaml"), "title: Outside\nlanguage: fr\nsections:\n  - body:\n      - Dehors.\n")
	write(t, filepath.Join(f.leaflets, "sub", "nested.yaml"), "title: Nested\nlanguage: vi\nsections:\n  - body:\n      - Trong.\n")
	write(t, filepath.Join(f.leaflets, "many.yaml"), "title: Many\nlanguage: en\n"+
		"translations: [newborn-jaundice.yaml, sub/nested.yaml, ../outside.yaml, /etc/passwd, missing.yaml, .hidden.yaml, newborn-jaundice.yaml]\n"+
		"sections:\n  - body:\n      - Many.\n")
	write(t, filepath.Join(f.leaflets, ".hidden.yaml"), "title: Hidden\nlanguage: de\nsections:\n  - body:\n      - Versteckt.\n")

	code, _, body := f.get("/api/leaflets")
	if code != 200 {
		t.Fatalf("%d %s", code, body)
	}
	byID := map[string]LeafletInfo{}
	for _, l := range decode[[]LeafletInfo](t, body) {
		byID[l.ID] = l
	}
	if got := byID["newborn-jaundice"].Translations; !slices.Equal(got, []string{"ictericia-del-recien-nacido"}) {
		t.Errorf("newborn-jaundice translations: %v", got)
	}
	if got := byID["ictericia-del-recien-nacido"].Translations; !slices.Equal(got, []string{"newborn-jaundice"}) {
		t.Errorf("ictericia translations: %v", got)
	}
	if got := byID["many"].Translations; !slices.Equal(got, []string{"newborn-jaundice", "sub/nested"}) {
		t.Errorf("many: translations %v, want only those inside the folder, once each", got)
	}
	if got := byID["let-down-reflex"].Translations; got == nil || len(got) != 0 {
		t.Errorf("a leaflet that lists none: %v", got)
	}

	// a translation removed from the folder leaves the list at once
	os.Remove(filepath.Join(f.leaflets, "sub", "nested.yaml"))
	_, _, body = f.get("/api/leaflets")
	for _, l := range decode[[]LeafletInfo](t, body) {
		if l.ID == "many" && !slices.Equal(l.Translations, []string{"newborn-jaundice"}) {
			t.Errorf("after removing sub/nested: %v", l.Translations)
		}
	}
}

func TestCheckWithTranslation(t *testing.T) {
	f := start(t)
	write(t, filepath.Join(f.leaflets, "corta.yaml"), "title: Corta\nlanguage: es\nsections:\n  - heading: Una\n    body:\n      - Solo una sección.\n")

	code, _, body := f.get("/api/check?leaflet=newborn-jaundice&with=corta&site=riverside")
	if code != 200 || !strings.Contains(string(body), `"bilingual"`) || !strings.Contains(string(body), "corta.yaml") {
		t.Errorf("GET check with= should report the unpaired sections: %d %s", code, body)
	}
	code, h, body := f.get("/api/check?leaflet=newborn-jaundice&with=..%2F..%2Fetc%2Fpasswd")
	problemOf(t, code, h, body, 404)

	data, _ := os.ReadFile(filepath.Join(f.leaflets, "newborn-jaundice.yaml"))
	code, _, body = f.post("/api/check?with=corta", "application/yaml", data)
	if code != 200 || !strings.Contains(string(body), `"bilingual"`) || !strings.Contains(string(body), "corta.yaml") {
		t.Errorf("POST check with= should report the unpaired sections: %d %s", code, body)
	}
	code, h, body = f.post("/api/check?with=nope", "application/yaml", data)
	problemOf(t, code, h, body, 404)

	// a posted leaflet's listed translation is found in the leaflets folder
	code, _, body = f.post("/api/check", "application/yaml", data)
	if code != 200 || strings.Contains(string(body), "cannot be used") {
		t.Errorf("POST check of a leaflet listing a translation in the folder: %d %s", code, body)
	}
	// one listed outside the folder is never read
	outside := strings.Replace(string(data), "[ictericia-del-recien-nacido.yaml]", "[../../../../etc/passwd]", 1)
	code, h, body = f.post("/api/check", "application/yaml", []byte(outside))
	problemOf(t, code, h, body, 422)
	write(t, filepath.Join(f.leaflets, "listing-out.yaml"), outside)
	code, h, body = f.get("/api/check?leaflet=listing-out")
	problemOf(t, code, h, body, 422)
	if strings.Contains(string(body), "passwd") {
		t.Errorf("the answer shows what lies outside: %s", body)
	}
}
