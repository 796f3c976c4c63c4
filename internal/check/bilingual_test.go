package check

import (
	"path/filepath"
	"testing"
)

// TestWith pairs a leaflet with its translation as render --with does.
func TestWith(t *testing.T) {
	dir := write(t, map[string]string{
		"en.yaml":    "title: A\nsections:\n  - body: [Call us if you are worried.]\n  - heading: H\n    body: [Two., Three.]\n",
		"es.yaml":    "title: B\nlanguage: es\nsections:\n  - body: [Llámenos si le preocupa algo.]\n  - heading: H\n    body: [Dos.]\n",
		"short.yaml": "title: B\nlanguage: es\nsections:\n  - body: [Llámenos si le preocupa algo.]\n",
	})
	en := filepath.Join(dir, "en.yaml")
	r := run(t, []string{en}, Options{With: filepath.Join(dir, "es.yaml")})
	want(t, r, CodeBilingual, 1, "es.yaml:5:5: warning: section 2 of")
	if leafletFile(r, "es.yaml") == nil {
		t.Error("the translation was not checked as a leaflet")
	}
	r = run(t, []string{en}, Options{With: filepath.Join(dir, "short.yaml")})
	want(t, r, CodeBilingual, 1, "en.yaml:3:5: error: 2 sections here, but 1 in the translation")
}

// TestListedTranslations: a leaflet's own translations are paired with it.
func TestListedTranslations(t *testing.T) {
	dir := write(t, map[string]string{
		"en.yaml":    "title: A\ntranslations: [short.yaml, gone.yaml]\nsections:\n  - body: [Call us if you are worried.]\n  - heading: H\n    body: [Two.]\n",
		"short.yaml": "title: B\nlanguage: es\nsections:\n  - body: [Llámenos si le preocupa algo.]\n",
	})
	r := run(t, []string{filepath.Join(dir, "en.yaml")}, Options{})
	want(t, r, CodeBilingual, 2, "en.yaml:4:5: error: 2 sections here, but 1 in the translation", "en.yaml:2:28: error: the translation")
}
