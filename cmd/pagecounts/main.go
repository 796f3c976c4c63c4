// Command pagecounts prints the README's table of how many pages and
// sheets each sample leaflet takes in each built-in layout, with the
// riverside site's branding. Run it from the repository's root:
//
//	go run ./cmd/pagecounts
//
// Its test keeps the README's copy of the table true.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"handout/internal/render"
	"handout/layouts"
)

func main() {
	t, err := table(".")
	if err != nil {
		fmt.Fprintln(os.Stderr, "pagecounts:", err)
		os.Exit(1)
	}
	fmt.Print(t)
}

// table renders every sample in every layout under root and returns the
// markdown table.
func table(root string) (string, error) {
	r, err := render.New("pagecounts")
	if err != nil {
		return "", err
	}
	leaflets, err := filepath.Glob(filepath.Join(root, "content", "leaflets", "*.yaml"))
	if err != nil {
		return "", err
	}
	samples := make([]string, len(leaflets))
	for i, leaf := range leaflets {
		samples[i] = strings.TrimSuffix(filepath.Base(leaf), ".yaml")
	}
	var b strings.Builder
	b.WriteString("| layout | " + strings.Join(samples, " | ") + " |\n")
	b.WriteString("| --- |" + strings.Repeat(" --- |", len(samples)) + "\n")
	for _, name := range layouts.Names() {
		b.WriteString("| `" + name + "`")
		for _, leaf := range leaflets {
			b.WriteString(" | " + cell(r, leaf, filepath.Join(root, "content", "sites", "riverside"), name))
		}
		b.WriteString(" |\n")
	}
	return b.String(), nil
}

// cell says what one sample takes in one layout: pages and sheets of
// paper (one-sided pages are a sheet each; a trifold is one sheet; a
// booklet folds four pages from each sheet), or why it does not print.
func cell(r *render.Renderer, leaf, site, layout string) string {
	doc, _, err := r.Typeset(render.Job{Leaflet: leaf, Site: site, Layout: layout})
	if err != nil {
		return "does not fit"
	}
	switch {
	case doc.Booklet != nil:
		c := doc.Booklet
		s := fmt.Sprintf("%d pp, %d sh", c.Pages, c.Sheets)
		if c.Blank > 0 {
			s += fmt.Sprintf(" (%d blank)", c.Blank)
		}
		return s
	case strings.Contains(layout, "trifold"):
		return "6 panels, 1 sh"
	}
	return fmt.Sprintf("%d pp, %d sh", len(doc.Pages), len(doc.Pages))
}
