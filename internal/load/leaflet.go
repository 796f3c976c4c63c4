package load

import (
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"handout/internal/model"
	"handout/internal/source"
)

// Leaflet reads a leaflet file. The error, if any, is a source.Errors listing every
// problem found, each with its file:line:col. Its images must be inside
// its folder or one of assets (library folders the user named).
func Leaflet(path string, assets ...string) (*model.Leaflet, error) {
	root, src, err := readYAML(path)
	if err != nil {
		return nil, source.Errors{err}
	}
	return decodeLeaflet(path, src, root, assets)
}

// ParseLeaflet reads a leaflet from memory; path is used in messages and to
// resolve relative image paths.
func ParseLeaflet(path string, src []byte, assets ...string) (*model.Leaflet, error) {
	src = NFC(src)
	root, err := parseYAML(path, src)
	if err != nil {
		return nil, source.Errors{err}
	}
	return decodeLeaflet(path, src, root, assets)
}

func decodeLeaflet(path string, src []byte, root *yaml.Node, assets []string) (*model.Leaflet, error) {
	d := newDecoder(path, src)
	d.roots = append([]string{filepath.Dir(path)}, assets...)
	d.where = "the leaflet's folder"
	if len(assets) > 0 {
		d.where += " or the image library (--assets)"
	}
	l := &model.Leaflet{File: path, Dir: filepath.Dir(path), Language: "en"}
	if !d.recognise(root, objLeaflet.names(), "this is not a leaflet (no `title:` or `sections:` found)") {
		return nil, d.err()
	}
	f := d.mapping(root, objLeaflet, "the leaflet")
	if n := f["title"]; n != nil {
		l.Title = d.text(n, "title")
		if n.Kind == yaml.ScalarNode && n.Tag != "!!null" && strings.TrimSpace(n.Value) == "" {
			d.fail(n, "title is empty; every handout needs one")
		}
	}
	if n := f["subtitle"]; n != nil {
		l.Subtitle = d.text(n, "subtitle")
	}
	if n := f["language"]; n != nil {
		l.LangPos = d.pos(n)
		if s, ok := d.scalar(n, "language"); ok {
			if !langRE.MatchString(s) {
				d.fail(n, "language %q is not a BCP 47 tag", s).WithHint("for example en, es or es-MX")
			}
			l.Language = s
		}
	}
	if n := f["smart_quotes"]; n != nil {
		l.StraightQuotes = !d.boolean(n, "smart_quotes")
	}
	if n := f["sections"]; n != nil {
		items := d.sequence(n, "sections")
		if n.Kind == yaml.SequenceNode && len(items) == 0 {
			d.fail(n, "sections is empty; a leaflet needs at least one section")
		}
		for i, s := range items {
			l.Sections = append(l.Sections, d.section(s, i))
		}
	}
	if n := f["credits"]; n != nil {
		l.Credits = d.credits(n)
	}
	if n := f["disclaimer"]; n != nil {
		l.Disclaimer = d.text(n, "disclaimer")
	}
	if n := f["copyright"]; n != nil {
		l.Copyright = d.text(n, "copyright")
	}
	if n := f["url"]; n != nil {
		l.URL = d.text(n, "url")
	}
	if n := f["translations"]; n != nil {
		for _, it := range d.sequence(n, "translations") {
			if p, ok := d.scalar(it, "a translation"); ok && p != "" {
				l.Translations = append(l.Translations, resolve(l.Dir, p))
				l.TranslationsPos = append(l.TranslationsPos, d.pos(it))
			}
		}
	}
	if err := d.err(); err != nil {
		return nil, err
	}
	return l, nil
}

var langRE = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)

func (d *decoder) section(n *yaml.Node, index int) model.Section {
	s := model.Section{Pos: d.pos(n)}
	f := d.mapping(n, objSection, "a section")
	if h := f["heading"]; h != nil {
		s.Heading = d.text(h, "heading")
	} else if f != nil && index > 0 {
		d.fail(n, "section %d has no heading; only the first section may leave it out", index+1)
	}
	if b := f["body"]; b != nil {
		s.Body = d.blocks(b, "body")
		if b.Kind == yaml.SequenceNode && len(s.Body) == 0 && len(b.Content) == 0 {
			d.fail(b, "body is empty")
		}
	}
	return s
}

// blocks decodes a list of blocks. A bare string is a paragraph; a mapping
// has exactly one key naming the block type.
func (d *decoder) blocks(n *yaml.Node, what string) []model.Block {
	var out []model.Block
	for _, b := range d.sequence(n, what) {
		if blk := d.block(b); blk != nil {
			out = append(out, blk)
		}
	}
	return out
}

func (d *decoder) block(n *yaml.Node) model.Block {
	if n.Kind == yaml.ScalarNode {
		t := d.text(n, "a paragraph")
		return &model.Paragraph{Text: t}
	}
	if n.Kind != yaml.MappingNode {
		d.fail(n, "a block must be text (a paragraph) or a mapping such as bullets: [...], not %s", kindName(n))
		return nil
	}
	if len(n.Content) != 2 {
		d.fail(n, "a block has exactly one type (one of %s); start a new list entry with - for the next block", joinQuoted(blockTypes))
		return nil
	}
	k, v := n.Content[0], n.Content[1]
	switch k.Value {
	case "bullets", "steps":
		if l := d.list(v, k.Value == "steps"); l != nil {
			return l
		}
		return nil
	case "note":
		if d.noteDepth >= maxNoteDepth {
			d.fail(k, "notes nest %d deep at most", maxNoteDepth)
			return nil
		}
		d.noteDepth++
		defer func() { d.noteDepth-- }()
		return d.note(v)
	case "image":
		return d.image(v)
	case "table":
		return d.table(v)
	case "subheading":
		return &model.Subheading{Text: d.text(v, "subheading")}
	}
	e := d.fail(k, "unknown block type %q", k.Value)
	if c, ok := closest(k.Value, blockTypes); ok {
		e.WithHint("did you mean %q?", c)
	} else {
		e.WithHint("block types: %s, or plain text for a paragraph", joinQuoted(blockTypes))
	}
	return nil
}

// Nesting limits. A patient handout never needs more, and without a limit
// a deep enough list is indented off the page (and a deep enough file
// exhausts the stack).
const (
	maxListDepth = 4
	maxNoteDepth = 2
)

func (d *decoder) list(n *yaml.Node, ordered bool) model.Block {
	if d.listDepth >= maxListDepth {
		d.fail(n, "lists nest %d levels deep at most; this one is level %d", maxListDepth, d.listDepth+1).
			WithHint("make it a list of its own, or a new paragraph")
		return nil
	}
	d.listDepth++
	defer func() { d.listDepth-- }()
	l := &model.List{Ordered: ordered, Pos: d.pos(n)}
	items := d.sequence(n, "a list")
	if n.Kind == yaml.SequenceNode && len(items) == 0 {
		d.fail(n, "the list is empty")
	}
	for _, it := range items {
		l.Items = append(l.Items, d.listItem(it))
	}
	return l
}

func (d *decoder) listItem(n *yaml.Node) model.ListItem {
	if n.Kind == yaml.ScalarNode {
		return model.ListItem{Text: d.text(n, "a list item"), Pos: d.pos(n)}
	}
	it := model.ListItem{Pos: d.pos(n)}
	f := d.mapping(n, objListItem, "a list item")
	if t := f["text"]; t != nil {
		it.Text = d.text(t, "text")
	}
	for _, kind := range []string{"bullets", "steps"} {
		if b := f[kind]; b != nil {
			if l := d.list(b, kind == "steps"); l != nil {
				it.Children = append(it.Children, l)
			}
		}
	}
	return it
}

func (d *decoder) note(n *yaml.Node) model.Block {
	note := &model.Note{Pos: d.pos(n)}
	if n.Kind == yaml.ScalarNode {
		note.Body = []model.Block{&model.Paragraph{Text: d.text(n, "a note")}}
		return note
	}
	f := d.mapping(n, objNote, "a note")
	if f == nil {
		return note
	}
	if t := f["title"]; t != nil {
		note.Title = d.text(t, "title")
	}
	if s := f["style"]; s != nil {
		if v, ok := d.scalar(s, "style"); ok {
			st, known := model.NoteStyleNames[v]
			if !known {
				d.fail(s, "unknown note style %q", v).WithHint("use info, warning or urgent")
			}
			note.Style = st
		}
	}
	if b := f["body"]; b != nil {
		note.Body = d.blocks(b, "body")
	}
	if f["title"] == nil && f["body"] == nil {
		d.fail(n, "a note needs a title, a body or both")
	}
	return note
}

func (d *decoder) image(n *yaml.Node) model.Block {
	img := &model.Image{Pos: d.pos(n)}
	f := d.mapping(n, objImage, "an image")
	if v := f["file"]; v != nil {
		if s, ok := d.scalar(v, "file"); ok {
			img.Path = d.imagePath(v, s)
		}
	}
	if v := f["alt"]; v != nil {
		if s, ok := d.scalar(v, "alt"); ok {
			if len(s) == 0 {
				d.fail(v, "alt must describe the image for readers who cannot see it")
			}
			img.Alt = s
		}
	}
	if v := f["caption"]; v != nil {
		img.Caption = d.text(v, "caption")
	}
	if v := f["width"]; v != nil {
		img.Width = d.width(v)
	}
	return img
}

func (d *decoder) table(n *yaml.Node) model.Block {
	t := &model.Table{Pos: d.pos(n)}
	f := d.mapping(n, objTable, "a table")
	if h := f["header"]; h != nil {
		t.Header = d.row(h)
	}
	if r := f["rows"]; r != nil {
		rows := d.sequence(r, "rows")
		if r.Kind == yaml.SequenceNode && len(rows) == 0 {
			d.fail(r, "a table needs at least one row")
		}
		for _, row := range rows {
			cells := d.row(row)
			if want := columns(t); want > 0 && len(cells) > 0 && len(cells) != want {
				d.fail(row, "this row has %d cells but the table has %d columns", len(cells), want)
			}
			t.Rows = append(t.Rows, cells)
		}
	}
	return t
}

func columns(t *model.Table) int {
	if len(t.Header) > 0 {
		return len(t.Header)
	}
	if len(t.Rows) > 0 {
		return len(t.Rows[0])
	}
	return 0
}

func (d *decoder) row(n *yaml.Node) []model.Text {
	var cells []model.Text
	items := d.sequence(n, "a table row")
	if n.Kind == yaml.SequenceNode && len(items) == 0 {
		d.fail(n, "a table row needs at least one cell")
	}
	for _, c := range items {
		cells = append(cells, d.text(c, "a table cell"))
	}
	return cells
}

func (d *decoder) credits(n *yaml.Node) model.Credits {
	var c model.Credits
	f := d.mapping(n, objCredits, "credits")
	for _, fd := range []struct {
		name string
		dst  *model.Text
	}{{"written_by", &c.WrittenBy}, {"reviewed_by", &c.ReviewedBy}, {"published_by", &c.PublishedBy}} {
		name, dst := fd.name, fd.dst
		if v := f[name]; v != nil {
			*dst = d.text(v, name)
		}
	}
	if v := f["last_modified"]; v != nil {
		c.LastModified = d.date(v, "last_modified")
	}
	if v := f["last_reviewed"]; v != nil {
		c.LastReviewed = d.date(v, "last_reviewed")
	}
	return c
}
