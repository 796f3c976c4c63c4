package bilingual

import (
	"strings"
	"testing"

	"handout/internal/load"
	"handout/internal/model"
)

func leaflet(t *testing.T, file, src string) *model.Leaflet {
	t.Helper()
	l, err := load.ParseLeaflet(file, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestPair(t *testing.T) {
	en := leaflet(t, "en.yaml", "title: A\nsections:\n  - body: [One., {bullets: [a, b]}]\n  - heading: H\n    body: [Two.]\n")
	same := leaflet(t, "es.yaml", "title: B\nlanguage: es\nsections:\n  - body: [Uno., {bullets: [a, b]}]\n  - heading: H\n    body: [Dos.]\n")
	if w, err := Pair(en, same); err != nil || len(w) != 0 {
		t.Errorf("matching pair: %v %v", w, err)
	}
	shape := leaflet(t, "es.yaml", "title: B\nlanguage: es\nsections:\n  - body: [Uno., {bullets: [a, b, c]}]\n  - heading: H\n    body: [Dos., Tres.]\n")
	w, err := Pair(en, shape)
	if err != nil || len(w) != 2 || !strings.Contains(w[1].Error(), "es.yaml:5:5: section 2 of es.yaml is not built like section 2 of en.yaml (2 blocks against 1 block)") {
		t.Errorf("want two warnings, got %v %v", w, err)
	}
	fewer := leaflet(t, "es.yaml", "title: B\nlanguage: es\nsections:\n  - body: [Uno.]\n")
	if _, err := Pair(en, fewer); err == nil || !strings.Contains(err.Error(), "en.yaml:3:5: 2 sections here, but 1 in the translation es.yaml:4:5") {
		t.Errorf("want a section count error naming both files, got %v", err)
	}
	if _, err := Pair(en, en); err == nil || !strings.Contains(err.Error(), `both in "en"`) {
		t.Errorf("want a same-language error, got %v", err)
	}
}
