package typeset

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Dump writes the pages as readable text, one item per line with lengths
// rounded to 0.01 pt, for golden tests and for looking at a layout by eye.
func (d *Document) Dump(w io.Writer) {
	for _, o := range d.Outline {
		fmt.Fprintf(w, "outline level=%d page=%d y=%s %q\n", o.Level, o.Page, num(o.Y), o.Title)
	}
	for _, p := range d.Pages {
		fmt.Fprintf(w, "page %d %s x %s\n", p.Number, num(p.Width), num(p.Height))
		for _, b := range []struct {
			name string
			box  Box
		}{{"trim", p.Trim}, {"bleed", p.Bleed}} {
			if !b.box.IsZero() {
				fmt.Fprintf(w, "  %s x=%s y=%s w=%s h=%s\n", b.name, num(b.box.X), num(b.box.Y), num(b.box.W), num(b.box.H))
			}
		}
		for _, it := range p.Items {
			fmt.Fprintf(w, "  %s\n", dumpItem(it))
		}
	}
}

// String returns the dump as a string.
func (d *Document) String() string {
	var b strings.Builder
	d.Dump(&b)
	return b.String()
}

func dumpItem(it Item) string {
	switch v := it.(type) {
	case *Text:
		return fmt.Sprintf("text x=%s y=%s w=%s %s %s %s %q", num(v.X), num(v.Y), num(v.Width),
			v.Face.Name(), num(v.Size), v.Color.Hex(), v.Text)
	case *Rect:
		s := fmt.Sprintf("rect x=%s y=%s w=%s h=%s", num(v.X), num(v.Y), num(v.W), num(v.H))
		if v.Fill != nil {
			s += " fill=" + v.Fill.Hex()
		}
		if v.Stroke != nil {
			s += fmt.Sprintf(" stroke=%s/%s", v.Stroke.Hex(), num(v.LineWidth))
		}
		return s
	case *Rule:
		return fmt.Sprintf("rule %s,%s %s,%s %s/%s", num(v.X1), num(v.Y1), num(v.X2), num(v.Y2), v.Color.Hex(), num(v.Width))
	case *Picture:
		return fmt.Sprintf("image x=%s y=%s w=%s h=%s %s alt=%q", num(v.X), num(v.Y), num(v.W), num(v.H),
			filepath.ToSlash(filepath.Base(v.Path)), v.Alt)
	case *Link:
		return fmt.Sprintf("link x=%s y=%s w=%s h=%s %s text=%q", num(v.X), num(v.Y), num(v.W), num(v.H), v.URL, v.Text)
	}
	return fmt.Sprintf("%T", it)
}

// num rounds to 0.01 and avoids "-0.00".
func num(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	if s == "-0.00" {
		s = "0.00"
	}
	return s
}
