package load

import (
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"handout/internal/model"
	"handout/internal/source"
	"handout/layouts"
)

// pageSizes are the named paper sizes, portrait, in points.
var pageSizes = map[string][2]float64{
	"letter": {612, 792},
	"legal":  {612, 1008},
	"a4":     {595.28, 841.89},
	"a5":     {419.53, 595.28},
}

// defaultLayout holds the values a layout file may leave out.
func defaultLayout() model.Layout {
	return model.Layout{
		PageWidth: 612, PageHeight: 792,
		MarginTop: 36, MarginBottom: 36, MarginInside: 54, MarginOutside: 54,
		HeaderHeight: 72, FooterHeight: 54, HeaderGap: 14,
		BodySize: 12, Leading: 1.45, SmallSize: 9.5,
		TitleSize: 26, SubtitleSize: 15, HeadingSize: 17, SubheadingSize: 14,
		Columns: 1, Gutter: 18, PanelMargin: 18, SafeZone: 18,
	}
}

// BuiltinLayoutFile is how messages name a built-in layout's file: by the
// layout's name, since the user has no layouts/ folder to look in.
func BuiltinLayoutFile(name string) string { return name + " (built-in layout)" }

// Layout reads a layout by built-in name or by path. Names without a path
// separator or .yaml ending are looked up among the built-in layouts.
func Layout(nameOrPath string) (*model.Layout, error) {
	if src, ok := layouts.Open(nameOrPath); ok {
		return ParseLayout(nameOrPath, BuiltinLayoutFile(nameOrPath), src)
	}
	if !strings.ContainsAny(nameOrPath, `/\`) && !strings.HasSuffix(nameOrPath, ".yaml") && !strings.HasSuffix(nameOrPath, ".yml") {
		e := source.Errorf(source.Pos{File: nameOrPath}, "unknown layout %q", nameOrPath)
		if c, ok := closest(nameOrPath, layouts.Names()); ok {
			e.WithHint("did you mean %q?", c)
		} else {
			e.WithHint("built-in layouts: %s; or give a path to a layout file", strings.Join(layouts.Names(), ", "))
		}
		return nil, source.Errors{e}
	}
	src, err := ReadText(nameOrPath, "layout")
	if err != nil {
		return nil, source.Errors{err}
	}
	name := strings.TrimSuffix(filepath.Base(nameOrPath), filepath.Ext(nameOrPath))
	return ParseLayout(name, nameOrPath, src)
}

// ParseLayout decodes layout source; file is used in messages.
func ParseLayout(name, file string, src []byte) (*model.Layout, error) {
	root, err := parseYAML(file, src)
	if err != nil {
		return nil, source.Errors{err}
	}
	d := newDecoder(file, src)
	l := defaultLayout()
	l.Name, l.File = name, file
	d.decodeLayout(root, &l)
	if err := d.err(); err != nil {
		return nil, err
	}
	return &l, nil
}

func (d *decoder) decodeLayout(root *yaml.Node, l *model.Layout) {
	if !d.recognise(root, objLayout.names(), "this is not a layout (none of its fields, such as `page:` or `margins:`, found)") {
		return
	}
	f := d.mapping(root, objLayout, "the layout")
	if v := f["description"]; v != nil {
		l.Description, _ = d.scalar(v, "description")
	}
	if v := f["page"]; v != nil {
		d.page(v, l)
	}
	if v := f["fonts"]; v != nil {
		l.Fonts = d.fontsDir(v, l.File)
	}
	if v := f["margins"]; v != nil {
		m := d.mapping(v, objMargins, "margins")
		d.lengths(m, map[string]*float64{"top": &l.MarginTop, "bottom": &l.MarginBottom,
			"inside": &l.MarginInside, "outside": &l.MarginOutside})
	}
	d.lengths(f, map[string]*float64{"header_height": &l.HeaderHeight, "footer_height": &l.FooterHeight, "header_gap": &l.HeaderGap})
	if n := f["header_gap"]; n != nil && l.HeaderGap >= l.HeaderHeight {
		d.fail(n, "header_gap %s leaves no room for the header image in the %s header band", inches(l.HeaderGap), inches(l.HeaderHeight)).
			WithHint("make it smaller than header_height")
	}
	l.FooterPos = d.pos(root)
	if n := f["footer_height"]; n != nil {
		l.FooterPos = d.pos(n)
	}
	if v := f["text"]; v != nil {
		t := d.mapping(v, objText, "text")
		d.lengths(t, map[string]*float64{"size": &l.BodySize, "small": &l.SmallSize})
		if n := t["leading"]; n != nil {
			if x := d.number(n, "leading"); x != 0 {
				if x < 1 || x > 3 {
					d.fail(n, "leading %g is outside 1 to 3 (a multiple of the text size)", x)
				}
				l.Leading = x
			}
		}
		d.lengths(t, map[string]*float64{"max_line": &l.MaxLine})
		if n := t["bullets"]; n != nil {
			if s, ok := d.scalar(n, "bullets"); ok {
				switch s {
				case "bullets":
				case "numbers":
					l.NumberedBullets = true
				default:
					d.fail(n, "bullets must be bullets or numbers, not %q", s)
				}
			}
		}
		if n := t["align"]; n != nil {
			if s, ok := d.scalar(n, "align"); ok {
				switch s {
				case "left":
				case "justify":
					l.Justify = true
				default:
					d.fail(n, "align must be left or justify, not %q", s)
				}
			}
		}
	}
	if v := f["headings"]; v != nil {
		h := d.mapping(v, objHeadings, "headings")
		d.lengths(h, map[string]*float64{"title": &l.TitleSize, "subtitle": &l.SubtitleSize,
			"heading": &l.HeadingSize, "subheading": &l.SubheadingSize})
	}
	if v := f["columns"]; v != nil {
		c := d.mapping(v, objColumns, "columns")
		if n := c["count"]; n != nil {
			if k := d.number(n, "count"); k != 0 {
				if k != float64(int(k)) || k > 4 {
					d.fail(n, "columns count must be a whole number from 1 to 4")
				}
				l.Columns = int(k)
			}
		}
		d.lengths(c, map[string]*float64{"gutter": &l.Gutter})
	}
	if v := f["fold"]; v != nil {
		fo := d.mapping(v, objFold, "fold")
		if n := fo["panels"]; n != nil {
			for _, p := range d.sequence(n, "panels") {
				l.Panels = append(l.Panels, d.length(p, "panel width"))
			}
			if n.Kind == yaml.SequenceNode && len(l.Panels) != 3 {
				d.fail(n, "a folded leaflet has 3 panels per side, not %d", len(l.Panels))
			}
		}
		d.lengths(fo, map[string]*float64{"panel_margin": &l.PanelMargin})
	}
	if v := f["imposition"]; v != nil {
		im := d.mapping(v, objImpose, "imposition")
		if n := im["type"]; n != nil {
			if s, ok := d.scalar(n, "type"); ok && s != "booklet" {
				d.fail(n, "imposition type must be booklet, not %q", s)
			}
			l.Booklet = true
		}
		if n := im["sheet"]; n != nil {
			if s, ok := d.scalar(n, "sheet"); ok {
				sz, known := pageSizes[strings.ToLower(s)]
				if !known {
					d.fail(n, "unknown sheet size %q", s).WithHint("use letter, legal, a4 or a5")
				}
				l.SheetWidth, l.SheetHeight = max(sz[0], sz[1]), min(sz[0], sz[1]) // landscape
			}
		}
	}
	if v := f["print"]; v != nil {
		pr := d.mapping(v, objPrint, "print")
		d.lengths(pr, map[string]*float64{"bleed": &l.Bleed, "safe_zone": &l.SafeZone})
		if n := pr["crop_marks"]; n != nil {
			l.CropMarks = d.boolean(n, "crop_marks")
		}
	}
	d.checkGeometry(root, f, l)
}

func (d *decoder) page(v *yaml.Node, l *model.Layout) {
	p := d.mapping(v, objPage, "page")
	if n := p["size"]; n != nil {
		if s, ok := d.scalar(n, "size"); ok {
			sz, known := pageSizes[strings.ToLower(s)]
			if !known {
				d.fail(n, "unknown page size %q", s).WithHint("use letter, legal, a4 or a5, or give width and height")
			}
			if p["width"] != nil || p["height"] != nil {
				d.fail(n, "give either size or width and height, not both")
			}
			l.PageWidth, l.PageHeight = sz[0], sz[1]
		}
	}
	if (p["width"] == nil) != (p["height"] == nil) && p["size"] == nil {
		d.fail(v, "give both width and height")
	}
	d.lengths(p, map[string]*float64{"width": &l.PageWidth, "height": &l.PageHeight})
	if n := p["orientation"]; n != nil {
		if s, ok := d.scalar(n, "orientation"); ok {
			switch s {
			case "portrait":
				if l.PageWidth > l.PageHeight {
					l.PageWidth, l.PageHeight = l.PageHeight, l.PageWidth
				}
			case "landscape":
				if l.PageWidth < l.PageHeight {
					l.PageWidth, l.PageHeight = l.PageHeight, l.PageWidth
				}
			default:
				d.fail(n, "orientation must be portrait or landscape, not %q", s)
			}
		}
	}
	if n := p["duplex"]; n != nil {
		l.Duplex = d.boolean(n, "duplex")
	}
}

// lengths reads the named length fields that are present into their targets.
func (d *decoder) lengths(f map[string]*yaml.Node, dst map[string]*float64) {
	keys := make([]string, 0, len(dst))
	for k := range dst {
		keys = append(keys, k)
	}
	sort.Strings(keys) // report problems in a stable order
	for _, k := range keys {
		if n := f[k]; n != nil {
			*dst[k] = d.length(n, k)
		}
	}
}

// checkGeometry rejects layouts that leave no room for text.
func (d *decoder) checkGeometry(root *yaml.Node, f map[string]*yaml.Node, l *model.Layout) {
	if len(d.errs) > 0 {
		return
	}
	// at points at the first of the named fields the file has, so the
	// message lands where the fix goes
	at := func(names ...string) *yaml.Node {
		for _, n := range names {
			if v := f[n]; v != nil {
				return v
			}
		}
		return root
	}
	w := l.PageWidth - l.MarginInside - l.MarginOutside
	h := l.PageHeight - l.MarginTop - l.MarginBottom - l.HeaderHeight - l.FooterHeight
	col := w
	if n := float64(max(1, l.Columns)); n > 1 {
		col = (w - (n-1)*l.Gutter) / n
	}
	if len(l.Panels) == 3 {
		col = min(l.Panels[0], l.Panels[1], l.Panels[2]) - 2*l.PanelMargin
		h = l.PageHeight - l.MarginTop - l.MarginBottom
	}
	switch {
	case l.BodySize < 4 || l.SmallSize < 4 || l.BodySize > 72 || l.SmallSize > 72:
		d.fail(at("text"), "text sizes must be between 4 pt and 72 pt")
	case outside(4, maxHeading, l.TitleSize, l.SubtitleSize, l.HeadingSize, l.SubheadingSize):
		d.fail(at("headings"), "heading sizes must be between 4 pt and %g pt", maxHeading)
	case col < 12*l.BodySize && len(l.Panels) == 3:
		d.fail(at("fold"), "the text in a panel is only %.0f pt wide, less than 12 times the text size; make panel_margin smaller", col)
	case col < 12*l.BodySize && l.Columns > 1 && w >= 12*l.BodySize:
		d.fail(at("columns"), "each column is only %.0f pt wide, less than 12 times the text size; use fewer columns or a smaller gutter", col)
	case col < 12*l.BodySize:
		d.fail(at("margins", "page"), "the text column is only %.0f pt wide, less than 12 times the text size; make the margins smaller", col)
	case h < 6*l.BodySize*l.Leading+l.TitleSize*2:
		d.fail(at("margins", "header_height", "footer_height", "page"), "the text area is only %.0f pt tall; make the margins, header or footer smaller", h)
	case l.Bleed > 72:
		d.fail(at("print"), "bleed %s is more than 1 in; 0.125in or 3mm is usual", inches(l.Bleed))
	case l.Booklet && (2*l.PageWidth > l.SheetWidth+0.5 || l.PageHeight > l.SheetHeight+0.5):
		d.fail(at("imposition"), "two %s x %s pages do not fit side by side on a %s x %s sheet",
			inches(l.PageWidth), inches(l.PageHeight), inches(l.SheetWidth), inches(l.SheetHeight)).
			WithHint("use pages at most half the sheet wide, e.g. a5 pages on an a4 sheet")
	}
	d.checkSafeZone(root, l)
	d.checkFold(root, l)
}

// checkSafeZone rejects layouts that would put text closer to the trim
// than the safe zone: a guillotine cuts within a millimetre or two, and
// text near the edge may be cut or look it.
func (d *decoder) checkSafeZone(root *yaml.Node, l *model.Layout) {
	for _, m := range []struct {
		name string
		v    float64
	}{{"top", l.MarginTop}, {"bottom", l.MarginBottom}, {"inside", l.MarginInside}, {"outside", l.MarginOutside}} {
		if m.v+0.001 < l.SafeZone {
			d.fail(root, "margins.%s %s puts text inside the %s safe zone from the trim", m.name, inches(m.v), inches(l.SafeZone)).
				WithHint("make it at least %s, or lower print.safe_zone", inches(l.SafeZone))
		}
	}
}

// checkFold checks that panels fill the sheet across.
func (d *decoder) checkFold(root *yaml.Node, l *model.Layout) {
	if len(l.Panels) != 3 {
		return
	}
	sum := l.Panels[0] + l.Panels[1] + l.Panels[2]
	if sum > l.PageWidth+0.5 || sum < l.PageWidth-0.5 {
		d.fail(root, "the panels add up to %s but the sheet is %s wide", inches(sum), inches(l.PageWidth))
	}
}

// inches formats points as inches for messages.
func inches(pt float64) string {
	return strconv.FormatFloat(math.Round(pt/72*1000)/1000, 'f', -1, 64) + "in"
}

// maxHeading is the largest heading size: 2 in, so no glyph is larger than
// the smallest page (2 in square).
const maxHeading = 144.0

// outside reports whether any of vs is outside lo to hi.
func outside(lo, hi float64, vs ...float64) bool {
	for _, v := range vs {
		if v < lo || v > hi {
			return true
		}
	}
	return false
}

// fontsDir reads a layout's fonts: folder, relative to the layout file.
func (d *decoder) fontsDir(n *yaml.Node, file string) string {
	dir, ok := d.scalar(n, "fonts")
	if !ok || dir == "" {
		return ""
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(filepath.Dir(file), dir)
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		d.fail(n, "fonts: %s is not a folder", dir).WithHint("give the folder of .ttf files, relative to the layout file")
		return ""
	}
	return dir
}
