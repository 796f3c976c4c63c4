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
