package load

import (
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"

	"handout/internal/i18n"
	"handout/internal/inline"
	"handout/internal/model"
	"handout/internal/suggest"
)

// siteWords reads a site's words: a mapping from language tags to the
// renderer words the site replaces in that language. Each language's
// words are tried on its locale (English for a language without one), so
// a key that is not a word, or a page number without {n}, is reported
// here with its position rather than when a handout is made.
func (d *decoder) siteWords(n *yaml.Node) map[string]map[string]string {
	if n.Kind != yaml.MappingNode {
		d.fail(n, "words must be a mapping from language tags to words, not %s", kindName(n))
		return nil
	}
	out := map[string]map[string]string{}
	locales := i18n.NewLocales()
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := n.Content[i], n.Content[i+1]
		if _, err := language.Parse(kn.Value); err != nil {
			d.fail(kn, "words: %q is not a BCP 47 language tag", kn.Value).WithHint("write a tag such as es, vi or zh-Hant")
			continue
		}
		if vn.Kind != yaml.MappingNode {
			d.fail(vn, "words.%s must be a mapping of words, not %s", kn.Value, kindName(vn))
			continue
		}
		words := map[string]string{}
		for j := 0; j+1 < len(vn.Content); j += 2 {
			wk, wv := vn.Content[j], vn.Content[j+1]
			val, ok := d.scalar(wv, "words."+kn.Value+"."+wk.Value)
			if !ok {
				continue
			}
			base, _ := locales.For(kn.Value)
			if _, err := base.With(map[string]string{wk.Value: val}); err != nil {
				e := d.fail(wk, "words.%s: %v", kn.Value, err)
				if s := suggest.Closest(wk.Value, i18n.WordKeys()); s != "" {
					e.WithHint("did you mean %s?", s)
				}
				continue
			}
			if wk.Value == "footer" {
				if _, err := inline.ParseNames(val, model.PlaceholderNames); err != nil {
					d.fail(wv, "words.%s.footer: %v", kn.Value, err)
					continue
				}
			}
			words[wk.Value] = val
		}
		out[kn.Value] = words
	}
	return out
}
