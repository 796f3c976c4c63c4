package typeset

import (
	"math"
	"os"
	"testing"
)

func TestCombineStartsEachHandoutOnARightHandPage(t *testing.T) {
	a, _ := setDoc(t, genLeaflet(1), "a5") // several pages
	b, _ := setDoc(t, "title: B\nsections:\n  - heading: Only\n    body: [x]\n", "a5")
	c, _ := setDoc(t, "title: C\nsections:\n  - body: [y]\n", "a5")
	doc := Combine([]Part{{"A", a}, {"B", b}, {"C", c}})
	starts := map[string]int{}
	for _, bm := range doc.Outline {
		if bm.Level == 0 {
			starts[bm.Title] = bm.Page
		}
	}
	if starts["A"] != 1 || starts["B"]%2 != 1 || starts["C"]%2 != 1 || starts["C"] <= starts["B"] {
		t.Fatalf("handouts start on pages %v; each must start on an odd page, in order", starts)
	}
	want := len(a.Pages) + len(a.Pages)%2 + 1 + 1 + len(c.Pages)
	if len(doc.Pages) != want {
		t.Fatalf("%d pages, want %d", len(doc.Pages), want)
	}
	if blank := doc.Pages[starts["C"]-2]; len(blank.Items) != 0 {
		t.Fatalf("page %d before C should be blank", blank.Number)
	}
	nested := false
	for _, bm := range doc.Outline {
		nested = nested || (bm.Title == "Only" && bm.Level == 1 && bm.Page == starts["B"])
	}
	if !nested {
		t.Error("a handout's headings should sit one level below its title in the outline")
	}
}

func TestCombineBlankTakesThePreviousSheetSize(t *testing.T) {
	a, _ := setDoc(t, "title: A\nsections:\n  - body: [x]\n", "letter")
	b, _ := setDoc(t, "title: B\nsections:\n  - body: [y]\n", "a4")
	doc := Combine([]Part{{"A", a}, {"B", b}})
	if len(doc.Pages) != 3 || doc.Pages[1].Width != a.Pages[0].Width || doc.Pages[1].Height != a.Pages[0].Height {
		t.Fatalf("the blank back of a letter handout must be letter, got %v x %v", doc.Pages[1].Width, doc.Pages[1].Height)
	}
}

func TestFoldMarksOutsideTheTrim(t *testing.T) {
	lay := "page: {size: letter, orientation: landscape, duplex: true}\nmargins: {top: 0.375in, bottom: 0.375in, inside: 0.375in, outside: 0.375in}\n" +
		"header_height: 1in\nfooter_height: 0in\nfold: {panels: [3.625in, 3.6875in, 3.6875in], panel_margin: 0.3in}\ntext: {size: 10pt}\n" +
		"print: {bleed: 0.125in, crop_marks: true}\n"
	path := t.TempDir() + "/tri.yaml"
	if err := os.WriteFile(path, []byte(lay), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, _ := setDoc(t, "title: T\nsections:\n  - body: [x]\n", path)
	for side, p := range doc.Pages {
		var folds []float64
		for _, it := range p.Items {
			if r, ok := it.(*Rule); ok && r.X1 == r.X2 && r.Y2 < p.Trim.Y && r.X1 > p.Trim.X+1 && r.X1 < p.Trim.X+p.Trim.W-1 {
				folds = append(folds, r.X1-p.Trim.X)
			}
		}
		want := []float64{261, 526.5} // 3.625 in, then 3.6875 in more
		if side == 1 {
			want = []float64{265.5, 531}
		}
		if len(folds) != 2 || math.Abs(folds[0]-want[0]) > 0.01 || math.Abs(folds[1]-want[1]) > 0.01 {
			t.Errorf("side %d: fold marks at %v, want %v", side+1, folds, want)
		}
	}
}
