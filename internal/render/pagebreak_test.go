package render

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPageBreakKeepsItsSpace: a paragraph that runs on over a page break
// reads from the structure tree with a space between the last word of one
// page and the first of the next, as it does at every other line break;
// without it a screen reader runs the two words into one.
func TestPageBreakKeepsItsSpace(t *testing.T) {
	words := make([]string, 1200)
	for i := range words {
		words[i] = fmt.Sprintf("w%d", i)
	}
	link := strings.Join(words[900:1100], " ")
	src := fmt.Sprintf("title: Breaks\nlanguage: en\nsections:\n  - heading: Breaks\n    body:\n      - %q\n      - %q\n",
		strings.Join(words[:900], " "), "Go to ["+link+"](https://example.org/long) now.")
	path := filepath.Join(t.TempDir(), "breaks.yaml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	r := newRenderer(t)
	for _, layout := range []string{"letter", "letter-2col", "booklet"} {
		res, err := r.Render(Job{Leaflet: path, Layout: layout})
		if err != nil {
			t.Fatal(err)
		}
		if res.Pages < 2 {
			t.Fatalf("%s: %d page, want the paragraphs to break across pages", layout, res.Pages)
		}
		var read strings.Builder
		for _, m := range regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`).FindAllStringSubmatch(structText(t, res.PDF), -1) {
			read.WriteString(m[1])
		}
		if joined := regexp.MustCompile(`w\d+w\d+`).FindAllString(read.String(), -1); len(joined) > 0 {
			t.Errorf("%s: words run together at a break: %v", layout, joined)
		}
	}
}

// TestTrifoldPanelsReadInOrder: a trifold's body runs from the inside's
// left panel onto the fold-in panel, which is on the outside, the first
// side of the sheet; a paragraph split there still reads from the
// structure tree in the order of the panels, not of the sides.
func TestTrifoldPanelsReadInOrder(t *testing.T) {
	first := "Read more at the clinic about what to do when milk is slow to come in after the birth of your baby, and ask us today."
	src := fmt.Sprintf("title: Panels\nlanguage: en\nsections:\n  - heading: Panels\n    body:\n      - %q\n      - %q\n",
		first, "Path: support groups, lactation consultants, community health workers, peer counselors, hospital programs and outpatient clinics are near.")
	path := filepath.Join(t.TempDir(), "panels.yaml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := newRenderer(t).Render(Job{Leaflet: path, Layout: "trifold"})
	if err != nil {
		t.Fatal(err)
	}
	var read strings.Builder
	for _, m := range regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`).FindAllStringSubmatch(structText(t, res.PDF), -1) {
		read.WriteString(m[1] + " ")
	}
	if got := strings.Join(strings.Fields(read.String()), " "); !strings.Contains(got, first) {
		t.Errorf("the first paragraph does not read whole and in order:\n%s", got)
	}
}

// TestBrokenAddressGetsNoSpace: a web address too long for a line breaks
// after a slash; the tagged text gives it back whole, with no space where
// the line broke, so a screen reader or a copy reads an address that works.
func TestBrokenAddressGetsNoSpace(t *testing.T) {
	url := "https://example.org/patient-education/breastfeeding/let-down-reflex/frequently-asked-questions/what-to-do-when-milk-is-slow-to-come-in"
	src := fmt.Sprintf("title: Address\nlanguage: en\nsections:\n  - heading: Address\n    body:\n      - %q\n", "Read more at "+url+" today.")
	path := filepath.Join(t.TempDir(), "address.yaml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := newRenderer(t).Render(Job{Leaflet: path})
	if err != nil {
		t.Fatal(err)
	}
	var read strings.Builder
	for _, m := range regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`).FindAllStringSubmatch(structText(t, res.PDF), -1) {
		read.WriteString(m[1])
	}
	if !strings.Contains(read.String(), "Read more at "+url+" today.") {
		t.Errorf("the address does not read whole:\n%s", read.String())
	}
}
