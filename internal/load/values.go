package load

import (
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"handout/internal/model"
)

// date reads a calendar date written as YYYY-MM-DD.
func (d *decoder) date(n *yaml.Node, what string) model.Date {
	s, ok := d.scalar(n, what)
	if !ok {
		return model.Date{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		d.fail(n, "%s %q is not a date", what, s).WithHint("write it as YYYY-MM-DD, e.g. 2024-03-15")
		return model.Date{}
	}
	return model.Date{Time: t, Pos: d.pos(n)}
}

// units maps length units to points.
var units = map[string]float64{"pt": 1, "in": 72, "mm": 72 / 25.4, "cm": 72 / 2.54}

// length reads a length such as 0.75in, 19mm, 2cm or 12pt (a bare number is
// points) and returns points.
func (d *decoder) length(n *yaml.Node, what string) float64 {
	s, ok := d.scalar(n, what)
	if !ok {
		return 0
	}
	pt, ok := parseLength(s)
	if !ok {
		d.fail(n, "%s %q is not a length", what, s).WithHint("use a number with in, mm, cm or pt, e.g. 0.75in")
		return 0
	}
	if pt < 0 {
		d.fail(n, "%s must not be negative", what)
		return 0
	}
	return pt
}

// ParseLength reads a length such as 0.75in, 19mm, 2cm or 12pt (a bare
// number is points) and returns points.
func ParseLength(s string) (float64, bool) { return parseLength(s) }

func parseLength(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	unit := 1.0
	for u, f := range units {
		if strings.HasSuffix(s, u) {
			s, unit = strings.TrimSpace(strings.TrimSuffix(s, u)), f
			break
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v != v || v > 1e5 || v < -1e5 {
		return 0, false
	}
	return v * unit, true
}

// width reads an image width: a percentage of the column or a length.
func (d *decoder) width(n *yaml.Node) model.Width {
	s, ok := d.scalar(n, "width")
	if !ok {
		return model.Width{}
	}
	if p, found := strings.CutSuffix(strings.TrimSpace(s), "%"); found {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || !(v > 0 && v <= 100) {
			d.fail(n, "width %q must be a percentage between 0%% and 100%%", s)
			return model.Width{}
		}
		return model.Width{Percent: v}
	}
	pt := d.length(n, "width")
	if pt == 0 {
		if _, ok := parseLength(s); ok {
			d.fail(n, "width must be more than zero")
		}
		return model.Width{}
	}
	return model.Width{Points: pt}
}

// color reads #rgb or #rrggbb.
func (d *decoder) color(n *yaml.Node, what string) (model.Color, bool) {
	s, ok := d.scalar(n, what)
	if !ok {
		return model.Color{}, false
	}
	c, ok := parseColor(s)
	if !ok {
		d.fail(n, "%s %q is not a color", what, s).WithHint(`write it as "#RRGGBB" in quotes, e.g. "#7A1F5C"`)
	}
	return c, ok
}

func parseColor(s string) (model.Color, bool) {
	h, ok := strings.CutPrefix(strings.TrimSpace(s), "#")
	if !ok || (len(h) != 3 && len(h) != 6) {
		return model.Color{}, false
	}
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return model.Color{}, false
	}
	return model.Color{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v)}, true
}

// number reads a plain positive number.
func (d *decoder) number(n *yaml.Node, what string) float64 {
	s, ok := d.scalar(n, what)
	if !ok {
		return 0
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || !(v > 0 && v < 100) {
		d.fail(n, "%s %q must be a positive number", what, s)
		return 0
	}
	return v
}

// boolean reads true or false.
func (d *decoder) boolean(n *yaml.Node, what string) bool {
	s, ok := d.scalar(n, what)
	if !ok {
		return false
	}
	switch s {
	case "true", "yes", "on":
		return true
	case "false", "no", "off":
		return false
	}
	d.fail(n, "%s must be true or false, not %q", what, s)
	return false
}

func joinQuoted(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}
