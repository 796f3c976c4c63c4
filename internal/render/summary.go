package render

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
)

// paperNames are the page sizes a print room names, in points (portrait).
var paperNames = []struct {
	name string
	w, h float64
}{{"Letter", 612, 792}, {"Legal", 612, 1008}, {"A4", 595.28, 841.89}, {"A5", 419.53, 595.28}, {"half-letter", 396, 612}}

// paperName names a page size, in either orientation, or gives it in inches.
func paperName(w, h float64) string {
	for _, p := range paperNames {
		if (near(w, p.w) && near(h, p.h)) || (near(w, p.h) && near(h, p.w)) {
			return p.name
		}
	}
	return fmt.Sprintf("%g × %g in", math.Round(w/72*100)/100, math.Round(h/72*100)/100)
}

func near(a, b float64) bool { return math.Abs(a-b) < 1 }

// summary says what a render made: the pages and their size, or what a
// booklet costs in sheets, pages and blank pages, and the site.
func summary(p *prepared) string {
	l := p.layout
	var parts []string
	paper := paperName(l.PageWidth, l.PageHeight)
	if c := p.doc.Booklet; c != nil {
		parts = append(parts, fmt.Sprintf("booklet of %s, %s on %s", c, paper, paperName(l.SheetWidth, l.SheetHeight)))
	} else {
		n := len(p.doc.Pages)
		parts = append(parts, fmt.Sprintf("%d page%s, %s", n, map[bool]string{true: "", false: "s"}[n == 1], paper))
	}
	if !strings.EqualFold(l.Name, paper) {
		parts = append(parts, l.Name)
	}
	site := "unbranded"
	if !p.site.Builtin {
		site = strings.TrimSuffix(filepath.Base(p.site.File), filepath.Ext(p.site.File))
		if site == "site" {
			site = filepath.Base(filepath.Dir(p.site.File))
		}
	}
	return strings.Join(append(parts, site), ", ")
}
