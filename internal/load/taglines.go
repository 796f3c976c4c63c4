package load

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"handout/internal/model"
	"handout/internal/source"
)

// taglines reads a site's taglines (a list of language tags, or true for
// model.DefaultTaglines) and taglines_text (a line per language that
// replaces the built-in one).
func (d *decoder) taglines(s *model.Site, f map[string]*yaml.Node) {
	t := &s.Taglines
	if n := f["taglines"]; n != nil {
		if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
			if d.boolean(n, "taglines") {
				t.Langs = slices.Clone(model.DefaultTaglines)
				for range t.Langs {
					t.Pos = append(t.Pos, d.pos(n))
				}
			}
		} else {
			d.taglineList(t, n)
		}
		if len(t.Langs) > 0 && strings.TrimSpace(s.Phone) == "" {
			d.fail(n, "taglines tell readers to call for free language help, but the site has no phone").
				WithHint("add phone: to the site")
		}
	}
	if n := f["taglines_text"]; n != nil {
		d.taglineText(t, n)
	}
}

func (d *decoder) taglineList(t *model.Taglines, n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		d.fail(n, "taglines must be true or a list of language tags, not %s", kindName(n)).
			WithHint("for example taglines: [es, zh-Hant, vi], or taglines: true for the 15 most common languages")
		return
	}
	for _, item := range n.Content {
		tag, ok := d.scalar(item, "a taglines language")
		if !ok {
			continue
		}
		if !langRE.MatchString(tag) {
			d.fail(item, "%q is not a BCP 47 language tag", tag).WithHint("for example es, zh-Hant or ar")
			continue
		}
		if i := indexFold(t.Langs, tag); i >= 0 {
			d.fail(item, "taglines lists %s twice (first at line %d)", tag, t.Pos[i].Line)
			continue
		}
		t.Langs = append(t.Langs, tag)
		t.Pos = append(t.Pos, d.pos(item))
	}
}

func (d *decoder) taglineText(t *model.Taglines, n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, "taglines_text must be a mapping of language tag to line, not %s", kindName(n)).
			WithHint("for example taglines_text: {es: \"ATENCIÓN: ... Llame al {phone}.\"}")
		return
	}
	t.Text, t.TextPos = map[string]string{}, map[string]source.Pos{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		line, ok := d.scalar(v, "a tagline")
		if !ok {
			continue
		}
		at := indexFold(t.Langs, k.Value)
		if at < 0 {
			e := d.fail(k, "taglines_text gives a line for %s, which taglines does not list", k.Value)
			if len(t.Langs) == 0 {
				e.WithHint("add taglines: with the languages to print")
			} else {
				e.WithHint("taglines lists %s", strings.Join(t.Langs, ", "))
			}
			continue
		}
		if strings.TrimSpace(line) == "" {
			d.fail(v, "the tagline for %s is empty", k.Value)
			continue
		}
		if bad := unknownBraces(line); bad != "" {
			d.fail(v, "the tagline for %s uses {%s}; a tagline may use {phone} and {tty}", k.Value, bad)
			continue
		}
		t.Text[t.Langs[at]] = line
		t.TextPos[t.Langs[at]] = d.pos(v)
	}
}

// indexFold finds a language tag in a list, ignoring case as BCP 47 does.
func indexFold(list []string, tag string) int {
	return slices.IndexFunc(list, func(s string) bool { return strings.EqualFold(s, tag) })
}

// unknownBraces returns the first {name} in s that is not {phone} or {tty}.
func unknownBraces(s string) string {
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return ""
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return ""
		}
		if name := s[i+1 : i+j]; name != "phone" && name != "tty" {
			return name
		}
		s = s[i+j+1:]
	}
}
