package batch

import (
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"handout/internal/load"
)

// Pair is a bilingual handout a job asks for: a leaflet printed with its
// translation (render --with); without With, with each translation the
// leaflet lists.
type Pair struct {
	Leaflet, With Entry
}

// pairTranslations is the translation a pair names, or without one every
// translation the leaflet lists.
func pairTranslations(p Pair, fail func(Entry, string, string, ...any)) []string {
	if p.With.Path != "" {
		return []string{p.With.Path}
	}
	l, err := load.Leaflet(p.Leaflet.Path)
	if err != nil {
		fail(p.Leaflet, p.Leaflet.Path, "%s", firstLine(err))
		return nil
	}
	if len(l.Translations) == 0 {
		fail(p.Leaflet, p.Leaflet.Path, "the leaflet lists no translations; name one with with:")
	}
	return l.Translations
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// pairFields are the keys of one entry of a job file's bilingual list.
var pairFields = []string{"leaflet", "with"}

// pairs reads a job file's bilingual list: mappings of leaflet and with.
func (d *jobDecoder) pairs(n *yaml.Node) []Pair {
	if n.Kind != yaml.SequenceNode {
		d.Fail(n, "bilingual must be a list of {leaflet: FILE, with: FILE}, not %s", load.KindName(n))
		return nil
	}
	var out []Pair
	for _, it := range n.Content {
		f := d.Mapping(it, "bilingual", pairFields, "a bilingual pair")
		if f == nil {
			continue
		}
		var p Pair
		ok := true
		for _, k := range []struct {
			name string
			dst  *Entry
		}{{"leaflet", &p.Leaflet}, {"with", &p.With}} {
			v := f[k.name]
			if v == nil && k.name == "with" {
				continue // the leaflet's own translations
			}
			if v == nil {
				d.Fail(it, "a bilingual pair needs leaflet: (the first language's file)")
				ok = false
				continue
			}
			s, good := d.path(v, k.name)
			if !good {
				ok = false
				continue
			}
			*k.dst = Entry{Path: d.resolve(s), Pos: d.Pos(v)}
		}
		if ok {
			out = append(out, p)
		}
	}
	return out
}

// pairName is a bilingual output's file name: both leaflets' names.
func pairName(leaf, with string) string {
	base := func(p string) string { return strings.TrimSuffix(filepath.Base(p), filepath.Ext(p)) }
	return base(leaf) + "+" + base(with) + ".pdf"
}
