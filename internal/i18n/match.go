package i18n

import (
	"path"
	"sort"
	"strings"
	"sync"

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

// Locales reads each language's words once, the first time a document in
// that language asks for them, and matches tags with one matcher built on
// first use. A long-lived engine (a renderer, a check run) holds one; it is
// safe for concurrent use.
type Locales struct {
	matchOnce sync.Once
	m         *matcher
	entries   map[string]*localeEntry
}

type localeEntry struct {
	once sync.Once
	s    *Strings
	err  error
}

// NewLocales returns a Locales that has read nothing yet.
func NewLocales() *Locales {
	l := &Locales{entries: map[string]*localeEntry{}}
	for _, tag := range Supported() {
		l.entries[tag] = &localeEntry{}
	}
	return l
}

// Match returns the supported locale tag that best serves a BCP 47 tag
// ("pt-BR" gives "pt", "zh-TW" gives "zh-Hant", "zh" gives "zh-Hans"), and
// false when none does or the tag does not parse.
func (l *Locales) Match(tag string) (string, bool) {
	if _, exact := l.entries[tag]; exact {
		return tag, true
	}
	l.matchOnce.Do(func() { l.m = newMatcher(Supported()) })
	if best, ok := l.m.pick(tag); ok {
		return best, true
	}
	return "en", false
}

// For returns the words for a BCP 47 tag, from the best-matching locale
// (see Match). ok is false when no locale serves the language and English
// is returned instead. Each call returns its own copy.
func (l *Locales) For(tag string) (s *Strings, ok bool) {
	best, ok := l.Match(tag)
	e := l.entries[best]
	e.once.Do(func() { e.s, e.err = loadLocale(best) })
	if e.err != nil {
		// the locale files are embedded and tested; a broken one is a
		// programming error
		panic(e.err)
	}
	return e.s.clone(), ok
}

// ForSite returns the words for a language with a site's replacements
// (model.Site.Words) applied: those given under the tag that best matches
// lang. ok is as for For.
func (l *Locales) ForSite(lang string, site map[string]map[string]string) (s *Strings, ok bool, err error) {
	s, ok = l.For(lang)
	if len(site) == 0 {
		return s, ok, nil
	}
	tags := make([]string, 0, len(site))
	for t := range site {
		tags = append(tags, t)
	}
	sort.Strings(tags) // the matcher prefers earlier tags on a tie
	if best, found := newMatcher(tags).pick(lang); found {
		s, err = s.With(site[best])
	}
	return s, ok, err
}

// Match is Locales.Match for a one-off call.
func Match(tag string) (string, bool) { return NewLocales().Match(tag) }

// For is Locales.For for a one-off call; it reads the locale file each
// time, so an engine that makes many documents holds a Locales instead.
func For(tag string) (*Strings, bool) { return NewLocales().For(tag) }

// ForSite is Locales.ForSite for a one-off call.
func ForSite(lang string, site map[string]map[string]string) (*Strings, bool, error) {
	return NewLocales().ForSite(lang, site)
}

// matcher picks among a list of tags.
type matcher struct {
	have []string
	tags []language.Tag
	m    language.Matcher
}

// newMatcher returns a matcher over the tags in have; tags that do not
// parse are never picked.
func newMatcher(have []string) *matcher {
	mt := &matcher{}
	for _, h := range have {
		if t, err := language.Parse(h); err == nil {
			mt.have = append(mt.have, h)
			mt.tags = append(mt.tags, t)
		}
	}
	mt.m = language.NewMatcher(mt.tags)
	return mt
}

// pick returns the tag that best serves tag, and false when none does or
// tag does not parse.
func (mt *matcher) pick(tag string) (string, bool) {
	t, err := language.Parse(tag)
	if err != nil || len(mt.tags) == 0 {
		return "", false
	}
	_, i, conf := mt.m.Match(t)
	// The matcher also offers a language many speakers know (English for
	// Swahili); renderer words must be the reader's own language.
	want, _ := t.Base()
	got, _ := mt.tags[i].Base()
	if conf == language.No || want != got {
		return "", false
	}
	return mt.have[i], true
}
