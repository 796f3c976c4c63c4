package check

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"handout/internal/render"
	"handout/internal/source"
	"handout/internal/validate"
)

// TestCheckAndRenderRefuseAlike runs leaflets through check and render
// with the same site and layout: what check calls an error is exactly
// what render refuses, message for message, including problems inside a
// table cell, a sub-list and a note.
func TestCheckAndRenderRefuseAlike(t *testing.T) {
	dir := write(t, map[string]string{
		"site/site.yaml": "name: C\nphone: 555-0100\n",
		"clean.yaml":     "title: T\nsections:\n  - body:\n      - Call {phone}.\n",
		"cell.yaml":      "title: T\nsections:\n  - body:\n      - table: {rows: [[Day 1, \"Rest Ꭰ now\"]]}\n",
		"sublist.yaml":   "title: T\nsections:\n  - body:\n      - bullets:\n          - text: See\n            steps: [\"{website}\"]\n",
		"note.yaml":      "title: T\nsections:\n  - body:\n      - note:\n          body:\n            - image: {file: gone.png, alt: \" \"}\n",
		"dates.yaml":     "title: T\nsections:\n  - body: [Hi.]\ncredits: {last_modified: 2000-01-01, last_reviewed: 2999-01-01}\n",
		"long.yaml": "title: T\nsections:\n  - body:\n      - table:\n          rows:\n            - [x, \"" +
			strings.Repeat("A very long cell that goes on. ", 200) + "\"]\n",
	})
	site := filepath.Join(dir, "site")
	r, err := render.New("test")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"clean", "cell", "sublist", "note", "dates", "long"} {
		path := filepath.Join(dir, name+".yaml")
		rep := run(t, []string{path}, Options{Site: site, AsOf: validate.Today()})
		var checked []string
		for _, x := range leafletFile(rep, name+".yaml").Findings {
			if x.Severity == Error {
				checked = append(checked, (&source.Error{Pos: x.Pos, Msg: x.Message, Hint: x.Hint}).Error())
			}
		}
		_, _, err := r.Typeset(render.Job{Leaflet: path, Site: site})
		refused := source.Lines(err)
		if !slices.Equal(checked, refused) {
			t.Errorf("%s: check's errors\n  %q\nrender's\n  %q", name, checked, refused)
		}
		if (name == "clean") != (len(refused) == 0) {
			t.Errorf("%s: refused %q", name, refused)
		}
	}
}
