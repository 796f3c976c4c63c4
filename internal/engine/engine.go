// Package engine holds what every command shares across the documents it
// makes: the parsed fonts, the prepared images and the built-in layouts,
// each loaded once per process. render, check and batch (through render)
// all lay leaflets out through one Engine, so what check measures is what
// render prints, and a print room's batch parses nothing twice.
//
// An Engine is safe for concurrent use. Fonts never change after New;
// images and layouts fill their caches once per key and are read-only
// after that.
package engine

import (
	"fmt"
	"time"

	"handout/fonts"
	"handout/internal/assets"
	"handout/internal/font"
	"handout/internal/i18n"
	"handout/internal/load"
	"handout/internal/model"
	"handout/internal/typeset"
	"handout/internal/validate"
)

// Engine lays out leaflets with shared fonts, images and layouts.
type Engine struct {
	fonts   *font.Set
	sets    *fontSets // fonts.Set per document language, loading other scripts' families lazily
	images  *assets.Images
	layouts *layoutCache
	locales *i18n.Locales           // each language's words, read once
	catalog *fonts.Catalog          // the families for other scripts, read when first asked for
	extra   map[string]extraTagline // taglines of languages without renderer words
}

// New parses the built-in fonts and starts empty image and layout caches.
func New() (*Engine, error) {
	fam, err := font.LoadNotoSans()
	if err != nil {
		return nil, fmt.Errorf("built-in fonts: %w", err)
	}
	base, catalog := font.NewSet(fam), fonts.NewCatalog()
	return &Engine{fonts: base, sets: newFontSets(base, catalog), images: assets.NewImages(), layouts: newLayoutCache(),
		locales: i18n.NewLocales(), catalog: catalog, extra: extraTaglines()}, nil
}

// Catalog is the embedded font families per script (package fonts). It
// reads a family's files only when asked for them, so holding it costs an
// English document nothing.
func (e *Engine) Catalog() *fonts.Catalog { return e.catalog }

// Fonts is the font set every document starts from: Noto Sans, without
// the other scripts' families.
func (e *Engine) Fonts() *font.Set { return e.fonts }

// FontsFor is the font set a document in the language tag lang is set
// in: Noto Sans first, then for each character it lacks the catalog's
// family for that character's script, as the language prefers it. The
// families are read and parsed only when a document first uses their
// script.
func (e *Engine) FontsFor(lang string) *font.Set {
	s, _ := e.sets.forLang(lang, nil) // without folders nothing can fail
	return s
}

// FontsIn is FontsFor with the families of font folders added (--fonts,
// a layout's fonts:); docs/languages.md says how they combine. A folder
// is read once per engine; an unreadable folder or a font that cannot be
// embedded is an error.
func (e *Engine) FontsIn(lang string, dirs []string) (*font.Set, error) {
	return e.sets.forLang(lang, dirs)
}

// Images is the cache of prepared images, in color and in gray.
func (e *Engine) Images() *assets.Images { return e.images }

// ImageErr loads an image through the cache and says why it cannot be
// used, for the validator.
func (e *Engine) ImageErr(path string) error {
	_, err := e.images.Load(path)
	return err
}

// ImageSize is an image's size in pixels; ok is false when it cannot be
// loaded (the validator has said why).
func (e *Engine) ImageSize(path string) (w, h int, ok bool) {
	img, err := e.images.Load(path)
	if err != nil {
		return 0, 0, false
	}
	return img.Width, img.Height, true
}

// PlainSite is the unbranded look used without a site: placeholders read
// generically.
func PlainSite() *model.Site {
	return &model.Site{Builtin: true, Accent: load.DefaultAccent, File: "(no site)"}
}

// Site loads a site folder or file, or gives the plain site for "".
func (e *Engine) Site(path string) (*model.Site, error) {
	if path == "" {
		return PlainSite(), nil
	}
	return load.Site(path)
}

// Validate applies the rules that refuse a render (package validate),
// with the engine's fonts and images. Dates are judged as of asOf; the
// zero time skips that rule.
func (e *Engine) Validate(l *model.Leaflet, s *model.Site, asOf time.Time) []*validate.Problem {
	return validate.Check(validate.Input{Leaflet: l, Site: s, Fonts: e.FontsFor(l.Language), Images: e.ImageErr, AsOf: asOf})
}

// ValidateIn is Validate with the families of font folders added, so a
// character only a print room's font draws is not refused.
func (e *Engine) ValidateIn(l *model.Leaflet, s *model.Site, dirs []string, asOf time.Time) ([]*validate.Problem, error) {
	set, err := e.FontsIn(l.Language, dirs)
	if err != nil {
		return nil, err
	}
	return validate.Check(validate.Input{Leaflet: l, Site: s, Fonts: set, Images: e.ImageErr, AsOf: asOf}), nil
}

// Doc is one document to lay out.
type Doc struct {
	Leaflet *model.Leaflet
	Site    *model.Site
	Layout  *model.Layout
	// Second is the translation printed with the leaflet in a bilingual
	// handout; nil for one language.
	Second *model.Leaflet
	// PadDuplex and ShrinkToFit are typeset.Input's.
	PadDuplex, ShrinkToFit bool
	// FontDirs are font folders whose families join the document's fonts
	// (--fonts); the layout's own fonts: folder is added to them.
	FontDirs []string
}

// FontDirs are the font folders a document is set with: the given ones,
// then its layout's.
func FontDirs(dirs []string, l *model.Layout) []string {
	if l != nil && l.Fonts != "" {
		return append(append([]string{}, dirs...), l.Fonts)
	}
	return dirs
}

// Words returns the renderer words a leaflet is printed with: those of its
// language (English, with ok false, when it has none), with the site's
// replacements (its words: field). The loader checks a site's words, so an
// error means a site that was not loaded through it.
func (e *Engine) Words(l *model.Leaflet, s *model.Site) (strs *i18n.Strings, ok bool, err error) {
	if s == nil {
		strs, ok = e.locales.For(l.Language)
		return strs, ok, nil
	}
	strs, ok, err = e.locales.ForSite(l.Language, s.Words)
	if err != nil {
		return nil, ok, fmt.Errorf("%s: words: %w", s.File, err)
	}
	return strs, ok, nil
}

// Typeset lays a document out with the engine's fonts and image sizes, in
// the words of the leaflet's language (English when it has none) with the
// site's replacements.
func (e *Engine) Typeset(d Doc) (*typeset.Document, error) {
	strs, _, err := e.Words(d.Leaflet, d.Site)
	if err != nil {
		return nil, err
	}
	set, err := e.FontsIn(d.Leaflet.Language, FontDirs(d.FontDirs, d.Layout))
	if err != nil {
		return nil, err
	}
	in := typeset.Input{
		Leaflet: d.Leaflet, Site: d.Site, Layout: d.Layout, Fonts: set, Strings: strs, ImageSize: e.ImageSize,
		PadDuplex: d.PadDuplex, ShrinkToFit: d.ShrinkToFit,
	}
	// each tagline is set in the document's fonts with its own language's
	// faces preferred, which leaves the document's own text as it was
	lineFonts := func(tag string) (*font.Set, error) { return e.fontsFor(in.Fonts, []string{tag}) }
	if in.Taglines, err = taglines(d.Site, e.taglineWordsFor, lineFonts); err != nil {
		return nil, err
	}
	if d.Second != nil {
		in.Second = d.Second
		if in.SecondStrings, _, err = e.Words(d.Second, d.Site); err != nil {
			return nil, err
		}
	}
	return typeset.Typeset(in)
}
