package i18n

import (
	"path"
	"sort"
	"strings"

	"golang.org/x/text/language"
)

// Supported lists the tags of the languages with their own words, English
// first, then in the order of the files' names.
func Supported() []string {
	ents, err := localeFiles.ReadDir("locales")
	if err != nil {
		return []string{"en"} // cannot happen: the directory is embedded
	}
	tags := []string{"en"}
	for _, e := range ents {
		if t := strings.TrimSuffix(e.Name(), path.Ext(e.Name())); t != "en" {
			tags = append(tags, t)
		}
	}
	return tags
}

// Match returns the supported locale tag that best serves a BCP 47 tag
// ("pt-BR" gives "pt", "zh-TW" gives "zh-Hant", "zh" gives "zh-Hans"), and
// false when none does or the tag does not parse.
func Match(tag string) (string, bool) {
	if best, ok := pick(tag, Supported()); ok {
		return best, true
	}
	return "en", false
}

// pick returns the tag among have that best serves tag, and false when
// none does or a tag does not parse.
func pick(tag string, have []string) (string, bool) {
	t, err := language.Parse(tag)
	if err != nil || len(have) == 0 {
		return "", false
	}
	tags := make([]language.Tag, 0, len(have))
	for _, h := range have {
		ht, err := language.Parse(h)
		if err != nil {
			return "", false
		}
		tags = append(tags, ht)
	}
	_, i, conf := language.NewMatcher(tags).Match(t)
	// The matcher also offers a language many speakers know (English for
	// Swahili); renderer words must be the reader's own language.
	want, _ := t.Base()
	got, _ := tags[i].Base()
	if conf == language.No || want != got {
		return "", false
	}
	return have[i], true
}

// For returns the words for a BCP 47 tag, from the best-matching locale
// (see Match). ok is false when no locale serves the language and English
// is returned instead. Each call returns a fresh *Strings.
func For(tag string) (s *Strings, ok bool) {
	best, ok := Match(tag)
	s, err := loadLocale(best)
	if err != nil {
		// the locale files are embedded and tested; a broken one is a
		// programming error
		panic(err)
	}
	return s, ok
}

// ForSite returns the words for a language with a site's replacements
// (model.Site.Words) applied: those given under the tag that best matches
// lang. ok is as for For.
func ForSite(lang string, site map[string]map[string]string) (s *Strings, ok bool, err error) {
	s, ok = For(lang)
	if len(site) == 0 {
		return s, ok, nil
	}
	tags := make([]string, 0, len(site))
	for t := range site {
		tags = append(tags, t)
	}
	sort.Strings(tags) // the matcher prefers earlier tags on a tie
	if best, found := pick(lang, tags); found {
		s, err = s.With(site[best])
	}
	return s, ok, err
}
