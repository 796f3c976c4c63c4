// Package render runs the pipeline for one handout: load, validate,
// typeset, paint. A Renderer lays out through an engine.Engine, which
// holds what is shared by every document (parsed fonts, prepared images,
// layouts) and may serve check at the same time; it is safe for
// concurrent use.
package render

import (
	"fmt"
	"strings"
	"time"

	"handout/internal/engine"
	"handout/internal/i18n"
	"handout/internal/inline"
	"handout/internal/load"
	"handout/internal/model"
	"handout/internal/paint"
	"handout/internal/pdf"
	"handout/internal/source"
	"handout/internal/typeset"
	"handout/internal/validate"
)

// Renderer renders handouts. Create one per process and share it.
type Renderer struct {
	eng     *engine.Engine
	paint   *paint.Resources // parsed font programs and compressors
	version string
}

// New starts a renderer on an engine of its own; version goes into each
// PDF's creator.
func New(version string) (*Renderer, error) {
	eng, err := engine.New()
	if err != nil {
		return nil, err
	}
	return WithEngine(eng, version), nil
}

// WithEngine renders through an engine shared with other users, such as
// check.
func WithEngine(eng *engine.Engine, version string) *Renderer {
	return &Renderer{eng: eng, paint: paint.NewResources(eng.Images().Compressors()), version: version}
}

// Engine is the engine the renderer lays out with.
func (r *Renderer) Engine() *engine.Engine { return r.eng }

// Job names the inputs of one handout.
type Job struct {
	Leaflet string // path of the leaflet file
	Site    string // site folder or file; "" for the plain unbranded look
	Layout  string // built-in layout name or path; "" for letter
	// Epoch, when set, is the date written into the PDF (from
	// SOURCE_DATE_EPOCH), for reproducible builds.
	Epoch *time.Time
	Print PrintOptions
	// Assets are library folders the leaflet's images may come from
	// besides its own folder (--assets).
	Assets []string
	// Fonts are folders of font files that add or replace families
	// (--fonts); the layout's fonts: folder comes after them.
	Fonts []string
	// With is the path of a translation of the leaflet to print with it
	// in one bilingual handout; "" for one language.
	With string
}

// PrintOptions are the print-production choices that may override a
// layout's own.
type PrintOptions struct {
	Bleed       *float64 // points; nil keeps the layout's
	CropMarks   bool     // add crop marks (a layout may ask for them too)
	Duplex      bool     // pad to an even page count
	Grayscale   bool     // DeviceGray colors and gray images
	ShrinkToFit bool     // let a folded leaflet's text get smaller to fit
	PDFA        bool     // claim PDF/A-2a, for archiving (docs/accessibility.md)
}

// Result is a rendered handout.
type Result struct {
	PDF      []byte
	Pages    int
	Warnings []string
	Doc      *typeset.Document
	// Summary says what was made, for the line a single render prints:
	// "2 pages, Letter, riverside", or for a booklet what it costs.
	Summary string
}

// prepared is a job after every stage but painting.
type prepared struct {
	doc      *typeset.Document
	leaf     *model.Leaflet
	site     *model.Site
	layout   *model.Layout
	strings  *i18n.Strings
	warnings []string
}

// Typeset runs every stage but painting, for tests and checks.
func (r *Renderer) Typeset(job Job) (*typeset.Document, []string, error) {
	p, err := r.prepare(job)
	if p == nil {
		return nil, nil, err
	}
	return p.doc, p.warnings, err
}

func (r *Renderer) prepare(job Job) (p *prepared, err error) {
	// A bug must cost one handout, not a night's batch: turn a panic into
	// this job's error, with enough to report it.
	defer func() {
		if v := recover(); v != nil {
			p, err = nil, source.Errorf(source.Pos{File: job.Leaflet}, "internal error while laying out this leaflet (please report it with the leaflet): %v", v)
		}
	}()
	return r.prepareJob(job)
}

func (r *Renderer) prepareJob(job Job) (*prepared, error) {
	leaf, err := load.Leaflet(job.Leaflet, job.Assets...)
	if err != nil {
		return nil, err
	}
	site, err := r.eng.Site(job.Site)
	if err != nil {
		return nil, err
	}
	layout, err := r.eng.Layout(job.Layout)
	if err != nil {
		return nil, err
	}
	if job.Print.Bleed != nil {
		layout.Bleed = *job.Print.Bleed
	}
	layout.CropMarks = layout.CropMarks || job.Print.CropMarks
	var warnings []string
	strs, ok, err := r.eng.Words(leaf, site)
	if err != nil {
		return nil, err
	}
	if !ok {
		pos := leaf.LangPos
		warnings = append(warnings, fmt.Sprintf("%s: warning: no renderer words for language %q; page numbers and labels are in English (supported: %s)",
			pos, leaf.Language, strings.Join(i18n.Supported(), ", ")))
	}
	// the rules that refuse a render are check's errors too, so a leaflet
	// check rejects is never printed
	problems, err := r.eng.ValidateIn(leaf, site, engine.FontDirs(job.Fonts, layout), validate.Today())
	if err != nil {
		return &prepared{warnings: warnings}, err
	}
	if len(problems) > 0 {
		return &prepared{warnings: warnings}, validate.Err(problems)
	}
	second, paired, err := r.translation(job, leaf, site)
	warnings = append(warnings, paired...)
	if err != nil {
		return &prepared{warnings: warnings}, err
	}
	doc, err := r.eng.Typeset(engine.Doc{Leaflet: leaf, Second: second, Site: site, Layout: layout, PadDuplex: job.Print.Duplex, ShrinkToFit: job.Print.ShrinkToFit,
		FontDirs: job.Fonts})
	if err != nil {
		return &prepared{warnings: warnings}, err
	}
	// what handout check would warn about this handout is said here too
	for _, w := range r.eng.Warnings(doc, leaf.File, layout) {
		warnings = append(warnings, w.String())
	}
	return &prepared{doc: doc, leaf: leaf, site: site, layout: layout, strings: strs, warnings: warnings}, nil
}

// Render produces the PDF for one job.
func (r *Renderer) Render(job Job) (*Result, error) {
	p, err := r.prepare(job)
	if err != nil {
		res := &Result{}
		if p != nil {
			res.Warnings = p.warnings
		}
		return res, err
	}
	out, err := paint.Paint(p.doc, r.meta(p, job), r.printedImages(p.doc, job.Print.Grayscale), r.paint)
	if err != nil {
		return &Result{Warnings: p.warnings}, source.Errorf(source.Pos{File: job.Leaflet}, "%v", err)
	}
	return &Result{PDF: out, Pages: len(p.doc.Pages), Warnings: p.warnings, Doc: p.doc, Summary: summary(p)}, nil
}

// printedImages gives the painter each image of doc at no more than
// assets.MaxPPI at the widest it is printed, so a photograph used as a
// small picture does not carry all its pixels into every PDF.
func (r *Renderer) printedImages(doc *typeset.Document, gray bool) func(string) (*pdf.ImageData, bool) {
	widest := map[string]float64{}
	for _, pg := range doc.Pages {
		for _, it := range pg.Items {
			if pic, ok := it.(*typeset.Picture); ok {
				widest[pic.Path] = max(widest[pic.Path], pic.W)
			}
		}
	}
	return func(path string) (*pdf.ImageData, bool) {
		img, err := r.eng.Images().LoadPrinted(path, widest[path], gray)
		if err != nil {
			return nil, false
		}
		return img.PDF, true
	}
}

// fixedDate is the PDF date when nothing else gives one, so output is
// reproducible.
var fixedDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// meta gathers the PDF document information.
func (r *Renderer) meta(p *prepared, job Job) paint.Meta {
	l := p.leaf
	value := func(name string) string {
		if v := p.site.Value(name); v != "" || !p.site.Builtin {
			return v
		}
		return p.strings.Generic[name]
	}
	plain := func(t model.Text) string {
		return strings.Join(strings.Fields(inline.Plain(t.Spans, value)), " ")
	}
	date := fixedDate
	switch {
	case job.Epoch != nil:
		date = job.Epoch.UTC()
	case !l.Credits.LastModified.IsZero():
		date = l.Credits.LastModified.Time
	}
	subject := plain(l.Subtitle)
	if subject == "" {
		subject = plain(l.Title)
	}
	var keywords []string
	for _, s := range l.Sections {
		if h := plain(s.Heading); h != "" {
			keywords = append(keywords, h)
		}
	}
	return paint.Meta{
		Title:     plain(l.Title),
		Author:    plain(l.Credits.WrittenBy),
		Subject:   subject,
		Keywords:  strings.Join(append([]string{"patient education"}, keywords...), "; "),
		Lang:      l.Language,
		Creator:   "handout " + r.version,
		Date:      date,
		Grayscale: job.Print.Grayscale,
		PDFA:      job.Print.PDFA,
	}
}
