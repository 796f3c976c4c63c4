package load

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"handout/internal/inline"
	"handout/internal/model"
	"handout/internal/source"
)

// decoder walks one file's nodes and collects every problem it finds.
type decoder struct {
	file  string
	lines []string // source lines, to place inline errors exactly
	errs  []error
	// roots are the folders images must stay inside, and where describes
	// them in messages ("the leaflet's folder").
	roots []string
	where string
	// listDepth and noteDepth are how deep in lists and notes the
	// decoder is, to enforce the nesting limits
	listDepth, noteDepth int
}

func newDecoder(file string, src []byte) *decoder {
	return &decoder{file: file, lines: strings.Split(string(src), "\n")}
}

func (d *decoder) pos(n *yaml.Node) source.Pos {
	return source.Pos{File: d.file, Line: n.Line, Col: n.Column}
}

func (d *decoder) fail(n *yaml.Node, format string, args ...any) *source.Error {
	e := source.Errorf(d.pos(n), format, shortenQuoted(format, args)...)
	d.errs = append(d.errs, e)
	return e
}

// err returns the collected problems as one error, or nil.
func (d *decoder) err() error {
	if len(d.errs) == 0 {
		return nil
	}
	return source.Errors(d.errs)
}

// mapping checks that n is a mapping of the object's fields: no unknown or
// repeated keys, no missing required ones. It returns the values by key.
func (d *decoder) mapping(n *yaml.Node, obj Object, what string) map[string]*yaml.Node {
	if n.Kind == yaml.AliasNode {
		d.fail(n, "YAML aliases are not supported; write the value out")
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.fail(n, "%s must be a mapping of fields, not %s", what, kindName(n))
		return nil
	}
	known := obj.names()
	vals := make(map[string]*yaml.Node, len(n.Content)/2)
	keyAt := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.fail(k, "field names must be plain words")
			continue
		}
		if !contains(known, k.Value) {
			if !plausibleField.MatchString(k.Value) {
				// not a field name someone mistyped: a line of some other
				// file, which must not be echoed
				d.fail(k, "unknown field in %s", what).WithHint("known fields: %s", strings.Join(known, ", "))
				continue
			}
			e := d.fail(k, "unknown field %q in %s", k.Value, what)
			if c, ok := closest(k.Value, known); ok {
				e.WithHint("did you mean %q?", c)
			} else {
				e.WithHint("known fields: %s", strings.Join(known, ", "))
			}
			continue
		}
		if first, dup := keyAt[k.Value]; dup {
			d.fail(k, "field %q given twice (first at line %d)", k.Value, first.Line)
			continue
		}
		if v.Kind == yaml.AliasNode {
			d.fail(v, "YAML aliases are not supported; write the value out")
			continue
		}
		keyAt[k.Value] = k
		vals[k.Value] = v
	}
	for _, f := range obj.Fields {
		if f.Required && vals[f.Name] == nil {
			d.fail(n, "%s is missing the required field %q", what, f.Name)
		}
	}
	return vals
}

// sequence checks that n is a list and returns its items.
func (d *decoder) sequence(n *yaml.Node, what string) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		d.fail(n, "%s must be a list, not %s", what, kindName(n))
		return nil
	}
	return n.Content
}

// scalar returns a scalar's value, reporting anything else. Numbers and
// dates are accepted as text: an author writing "heading: 2024" means it.
func (d *decoder) scalar(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.fail(n, "%s must be text, not %s", what, kindName(n))
		return "", false
	}
	return n.Value, true
}

// text parses a scalar's inline markup, checking placeholder names.
func (d *decoder) text(n *yaml.Node, what string) model.Text {
	s, ok := d.scalar(n, what)
	if !ok {
		return model.Text{}
	}
	spans, err := inline.ParseNames(s, model.PlaceholderNames)
	if err != nil {
		if ie, ok := err.(*inline.Error); ok {
			e := source.Errorf(d.posAt(n, ie.Offset), "%s", cutMessage(ie.Msg))
			e.Hint = ie.Hint
			d.errs = append(d.errs, e)
		} else {
			d.fail(n, "%v", err)
		}
	}
	d.checkLinks(n, s, spans)
	t := model.Text{Raw: s, Spans: spans, Pos: d.pos(n)}
	if exact := d.posAt(n, len(s)); exact != t.Pos || s == "" {
		t.Pos.Col, t.Exact = exact.Col-len([]rune(s)), true
	}
	return t
}

// posAt maps a byte offset in a scalar's value back to the file. That is
// exact for values written on one line; for multi-line values we point at
// the value's start rather than guess.
func (d *decoder) posAt(n *yaml.Node, offset int) source.Pos {
	p := d.pos(n)
	if strings.Contains(n.Value, "\n") || n.Line < 1 || n.Line > len(d.lines) {
		return p
	}
	col := n.Column
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		col++
	}
	line := d.lines[n.Line-1]
	start := col - 1
	if start < 0 || start+offset > len(line) || !strings.HasPrefix(line[start:], n.Value[:offset]) {
		return p
	}
	p.Col = col + len([]rune(n.Value[:offset]))
	return p
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
