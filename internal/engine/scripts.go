package engine

import (
	"fmt"
	"sync"

	"github.com/go-text/typesetting/language"

	"handout/fonts"
	"handout/internal/font"
	"handout/internal/memo"
)

// families parses the catalog's families when a document first needs
// them, each at most once per engine.
type families struct {
	catalog *fonts.Catalog
	parsed  memo.Map[string, *font.Family]
}

// get returns the parsed family of the catalog's family name.
func (fs *families) get(name string) (*font.Family, error) {
	return fs.parsed.Get(name, func() (*font.Family, error) { return fs.parse(name) })
}

func (fs *families) parse(name string) (*font.Family, error) {
	data, err := fs.catalog.Faces(name)
	if err != nil {
		return nil, err
	}
	var faces [4]*font.Face
	for i, b := range [4][]byte{data.Regular, data.Bold, data.Italic, data.BoldItalic} {
		if b == nil {
			continue
		}
		if faces[i], err = font.Parse(name, b); err != nil {
			return nil, fmt.Errorf("font family %s: %w", name, err)
		}
	}
	return font.NewFamily(name, faces[0], faces[1], faces[2], faces[3]), nil
}

// langFonts is the font.Resolver of one document language: a script's
// family is the one the catalog chooses for that language (Han in a
// Japanese document takes the Japanese face), and digits, punctuation and
// marks that Noto Sans lacks come from the families of the language's own
// scripts. It remembers each answer; nothing is read before a script is
// first asked for.
type langFonts struct {
	lang string
	fams *families
	// replace holds families from a fonts folder that take the place of
	// the catalog's family of the same name
	replace map[string]*font.Family
	mu      sync.RWMutex
	memo    map[language.Script][]*font.Family
}

// Families implements font.Resolver.
func (r *langFonts) Families(s language.Script) []*font.Family {
	r.mu.RLock()
	v, ok := r.memo[s]
	r.mu.RUnlock()
	if ok {
		return v
	}
	var codes []string
	switch s {
	case language.Common, language.Inherited, language.Unknown:
		codes = fonts.Scripts(r.lang)
	default:
		codes = []string{s.String()}
	}
	seen := map[string]bool{}
	for _, code := range codes {
		fam, ok := r.fams.catalog.Choose(r.lang, code)
		if !ok || seen[fam.Name] || fam.Name == fonts.NotoSansName { // the base set's own family
			continue
		}
		seen[fam.Name] = true
		if f := r.replace[fam.Name]; f != nil {
			v = append(v, f)
		} else if f, err := r.fams.get(fam.Name); err == nil {
			v = append(v, f)
		}
	}
	r.mu.Lock()
	r.memo[s] = v
	r.mu.Unlock()
	return v
}

// fontSets holds a font set per document language, made on first use.
type fontSets struct {
	base *font.Set
	fams *families
	user *userFonts
	mu   sync.Mutex
	sets map[string]langSet // by language and font folders
}

// langSet is a language's set with the states of its font folders: a
// folder that changes replaces the set rather than add one.
type langSet struct {
	states string
	set    *font.Set
}

func newFontSets(base *font.Set, catalog *fonts.Catalog) *fontSets {
	return &fontSets{base: base, fams: &families{catalog: catalog},
		user: &userFonts{}, sets: map[string]langSet{}}
}

// forLang returns the set a document in lang is set in: the base set, with
// a resolver for the scripts it lacks, and the families of the font
// folders dirs: one named as a catalog family replaces it, any other
// comes before Noto Sans for every character it has (a brand face). Every
// set shares the base's shaping cache.
func (fs *fontSets) forLang(lang string, dirs []string) (*font.Set, error) {
	key, states := lang, ""
	found := make([]string, len(dirs))
	for i, dir := range dirs {
		// a folder's state, so that a font changed there makes a new set
		found[i] = folderState(dir)
		key += "\x00" + dir
		states += found[i] + "\x01"
	}
	fs.mu.Lock()
	cur := fs.sets[key]
	fs.mu.Unlock()
	if cur.set != nil && cur.states == states {
		return cur.set, nil
	}
	var adds []*font.Family
	replace := map[string]*font.Family{}
	for i, dir := range dirs {
		fams, err := fs.user.get(dir, found[i])
		if err != nil {
			return nil, err
		}
		for _, f := range fams {
			if _, err := fs.fams.catalog.Faces(f.Name); err == nil && f.Name != fonts.NotoSansName {
				replace[f.Name] = f
			} else {
				adds = append(adds, f)
			}
		}
	}
	s := fs.base.WithResolver(&langFonts{lang: lang, fams: fs.fams, replace: replace, memo: map[language.Script][]*font.Family{}})
	if len(adds) > 0 {
		s = s.WithFamilies(adds...)
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if cur := fs.sets[key]; cur.set != nil && cur.states == states {
		return cur.set, nil
	}
	fs.sets[key] = langSet{states: states, set: s}
	return s, nil
}
