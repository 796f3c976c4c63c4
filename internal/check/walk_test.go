package check

import (
	"path/filepath"
	"testing"
)

// TestInsideTablesAndSubLists checks that the walk reaches table cells and
// sub-lists: a character no font has and an over-long sentence are found
// in both, and a table cell that says "call" counts as telling the reader
// when to call.
func TestInsideTablesAndSubLists(t *testing.T) {
	long := "Give plenty of fluids and if your baby will not feed or seems floppy or unusually sleepy or has a rash that does not fade under a glass then come in at once"
	dir := write(t, map[string]string{"leaf.yaml": `title: T
sections:
  - body:
      - bullets:
          - text: Watch for
            bullets:
              - "Smile Ꭰ now"
              - "` + long + `"
      - table:
          header: [When, What]
          rows:
            - [Day 1, "Rest Ꭰ"]
            - [Day 2, "` + long + `"]
            - [Any day, Call us if worried]
credits: {last_reviewed: 2025-01-01}
`})
	r := run(t, []string{filepath.Join(dir, "leaf.yaml")}, Options{})
	// one error per script; its count of 2 shows the cell's Ꭰ was found too
	want(t, r, CodeGlyph, 1, "leaf.yaml:7:24: error: 2 characters in Cherokee script cannot be drawn (first: U+13A0 (Ꭰ))")
	want(t, r, CodeLongSentence, 2, "leaf.yaml:8:18: warning: sentence of 33 words", "leaf.yaml:13:24: warning: sentence of 33 words")
	want(t, r, CodeCallForHelp, 0)
	// cells are not counted in the grade: title, item and two sub-items
	if got := leafletFile(r, "leaf.yaml").Reading.Stats.Sentences; got != 4 {
		t.Errorf("%d sentences measured, want 4:\n%s", got, dump(r))
	}
}

// TestNoteBarWeights checks that an image in a note is measured at the
// width the typesetter gives it, inside a bar whose weight follows the
// note's style: 3.6 pt, 5.4 pt and 7.2 pt at 12 pt text, so a 100% image
// in a 504 pt column prints 478.8, 477 and 475.2 pt wide, and 990 pixels
// give 148.9, 149.4 and exactly 150 ppi.
func TestNoteBarWeights(t *testing.T) {
	note := func(style string) string {
		return "      - note:\n          style: " + style + "\n          body:\n            - image: {file: a.png, alt: A gray band., width: 100%}\n"
	}
	dir := write(t, map[string]string{"leaf.yaml": "title: T\nsections:\n  - body:\n      - Call us.\n" +
		note("info") + note("warning") + note("urgent") + "credits: {last_reviewed: 2025-01-01}\n"})
	writePNG(t, filepath.Join(dir, "a.png"), 990, 100)
	r := run(t, []string{filepath.Join(dir, "leaf.yaml")}, Options{})
	want(t, r, CodeImageResolution, 2,
		"leaf.yaml:8:22: warning: the image prints 6.6 in wide, so its 990 pixels give 148 ppi",
		"leaf.yaml:12:22: warning: the image prints 6.6 in wide, so its 990 pixels give 149 ppi")
}
