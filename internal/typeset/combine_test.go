package typeset

import "testing"

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
