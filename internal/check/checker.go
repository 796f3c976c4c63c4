package check

import (
	"errors"
	"time"

	"handout/internal/engine"
	"handout/internal/load"
	"handout/internal/model"
	"handout/internal/safeio"
	"handout/internal/source"
	"handout/internal/validate"
	"handout/layouts"
)

// Defaults of the options.
const (
	DefaultGrade        = 8
	DefaultReviewMonths = 24
	DefaultLayout       = "letter"
)

// Options say what to check against.
type Options struct {
	// AsOf is the date review periods and future dates are measured
	// against; today when zero.
	AsOf time.Time
	// TargetGrade is the highest acceptable reading grade; DefaultGrade
	// when zero.
	TargetGrade float64
	// ReviewMonths is how long a review stays current; DefaultReviewMonths
	// when zero.
	ReviewMonths int
	// Site is the site folder or file leaflets are printed with; "" for the
	// plain unbranded look.
	Site string
	// Layout is a built-in layout name or a layout file; DefaultLayout when
	// empty.
	Layout string
	// With is a translation of the (one) leaflet checked, to be printed
	// with it (render --with): the two are paired as render pairs them.
	With string
	// AllowHTTP accepts a leaflet url that uses http; otherwise only
	// https is accepted.
	AllowHTTP bool
	// Engine lays leaflets out, with the fonts, images and layouts it has
	// loaded; a render in the same process may share it. Nil starts one.
	Engine *engine.Engine
	// Assets are library folders leaflets may take images from besides
	// their own (--assets).
	Assets []string
	// Fonts are font folders whose families join the built-in ones
	// (--fonts), as render takes them; the layout's fonts: folder is
	// added, so a character only a print room's font has is not refused.
	Fonts []string
}

// checker holds what is shared while checking a set of files.
type checker struct {
	opts   Options
	eng    *engine.Engine
	site   *model.Site   // the unbranded site when none was given or it failed to load
	layout *model.Layout // nil when the layout failed to load
	files  map[string]*File
	report *Report
}

// Run checks files of any kind (leaflets, sites, layouts; see Detect) with
// the site and layout of opts, which are checked too. The error is only for
// a failure of the checker itself, never for a problem in the inputs.
func Run(paths []string, opts Options) (*Report, error) {
	if opts.AsOf.IsZero() {
		opts.AsOf = validate.Today()
	}
	y, m, d := opts.AsOf.Date()
	opts.AsOf = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if opts.TargetGrade == 0 {
		opts.TargetGrade = DefaultGrade
	}
	if opts.ReviewMonths == 0 {
		opts.ReviewMonths = DefaultReviewMonths
	}
	if opts.Layout == "" {
		opts.Layout = DefaultLayout
	}
	eng := opts.Engine
	if eng == nil {
		var err error
		if eng, err = engine.New(); err != nil {
			return nil, err
		}
	}
	c := &checker{opts: opts, eng: eng, files: map[string]*File{}}
	c.report = &Report{AsOf: opts.AsOf, TargetGrade: opts.TargetGrade, ReviewMonths: opts.ReviewMonths}

	var todo []*File
	for _, p := range paths {
		if f, isNew := c.file(Detect(p)); isNew {
			todo = append(todo, f)
		}
	}
	// The site and layout the leaflets are checked with are inputs too;
	// their groups exist before the leaflets are checked, so findings in
	// them land there whichever file exposed them.
	var siteFile, layoutFile *File
	if opts.Site != "" {
		siteFile, _ = c.file(KindSite, load.SiteFile(opts.Site))
		c.report.Site = siteFile.Path
	}
	if opts.Layout != DefaultLayout {
		layoutFile, _ = c.file(KindLayout, layoutPath(opts.Layout))
	}
	c.report.Layout = layoutPath(opts.Layout)
	c.loadContext(siteFile, layoutFile)

	for _, f := range todo {
		switch f.Kind {
		case KindLeaflet:
			c.leaflet(f)
		case KindSite:
			if f != siteFile {
				c.siteFile(f)
			}
		case KindLayout:
			if f != layoutFile {
				c.layoutFile(f)
			}
		}
	}
	if siteFile != nil && c.site != nil && !c.site.Builtin {
		c.siteChecks(siteFile, c.site)
	}
	if layoutFile != nil && c.layout != nil {
		c.layoutChecks(layoutFile, c.layout)
	}
	c.pair(todo)
	for _, f := range c.report.Files {
		f.sortFindings()
	}
	return c.report, nil
}

// file returns the group of an input, adding it if it is new.
func (c *checker) file(kind Kind, path string) (f *File, isNew bool) {
	if f := c.files[path]; f != nil {
		return f, false
	}
	f = &File{Path: path, Kind: kind}
	c.files[path] = f
	c.report.Files = append(c.report.Files, f)
	return f, true
}

// add records a finding in the group of the file it points at, or in f.
func (c *checker) add(f *File, x Finding) {
	if g := c.files[x.Pos.File]; g != nil {
		g.add(x)
		return
	}
	f.add(x)
}

// loadContext loads the site and layout leaflets are checked with,
// reporting their load errors in their own groups.
func (c *checker) loadContext(siteFile, layoutFile *File) {
	c.site = engine.PlainSite()
	if siteFile != nil {
		if s, err := load.Site(c.opts.Site); err != nil {
			c.loadErrors(siteFile, err)
		} else {
			c.site = s
		}
	}
	l, err := c.eng.Layout(c.opts.Layout)
	if err != nil {
		f := layoutFile
		if f == nil {
			f, _ = c.file(KindLayout, layoutPath(c.opts.Layout))
		}
		c.loadErrors(f, err)
		return
	}
	c.layout = l
}

// layoutPath is the file a layout name or path stands for, as the loader
// names it in messages.
func layoutPath(nameOrPath string) string {
	if _, ok := layouts.Open(nameOrPath); ok {
		return load.BuiltinLayoutFile(nameOrPath)
	}
	return nameOrPath
}

// loadErrors turns the loader's errors into findings.
func (c *checker) loadErrors(f *File, err error) {
	for _, e := range source.Flatten(err) {
		c.add(f, errorFinding(f.Path, e, CodeInvalid))
	}
}

// errorFinding makes a finding from a positioned error.
func errorFinding(path string, err error, code string) Finding {
	var se *source.Error
	if errors.As(err, &se) {
		return Finding{Severity: Error, Pos: se.Pos, Code: code, Message: se.Msg, Hint: se.Hint}
	}
	return Finding{Severity: Error, Pos: source.Pos{File: path}, Code: code, Message: err.Error()}
}

// readSource reads a file for mapping positions; nil when it cannot be
// read, in which case positions fall back to where each text starts.
func readSource(path string) []byte {
	b, err := safeio.ReadFile(path, safeio.TextLimit)
	if err != nil {
		return nil
	}
	return load.NFC(b) // as the loader read it, so positions agree
}

// fontDirs are the font folders leaflets are checked with: --fonts, then
// the layout's fonts: folder, as render uses them.
func (c *checker) fontDirs() []string {
	return engine.FontDirs(c.opts.Fonts, c.layout)
}
