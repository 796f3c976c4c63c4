package i18n

import (
	"path"
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
	t, err := language.Parse(tag)
	if err != nil {
		return "en", false
	}
	supported := Supported()
	tags := make([]language.Tag, len(supported))
	for i, s := range supported {
		tags[i] = language.MustParse(s)
	}
	_, i, conf := language.NewMatcher(tags).Match(t)
	// The matcher also offers a language many speakers know (English for
	// Swahili); renderer words must be the reader's own language.
	want, _ := t.Base()
	got, _ := tags[i].Base()
	if conf == language.No || want != got {
		return "en", false
	}
	return supported[i], true
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
