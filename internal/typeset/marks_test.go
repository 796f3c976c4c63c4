package typeset

import (
	"math"
	"os"
	"testing"
)

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
