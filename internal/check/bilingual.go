package check

import (
	"handout/internal/bilingual"
	"handout/internal/load"
	"handout/internal/model"
	"handout/internal/source"
)

// pair checks the leaflet and its translation (Options.With) as render
// --with pairs them: a different number of sections is an error in the
// first file, a section whose blocks do not pair one to one a warning in
// the translation. The translation is checked as a leaflet too.
func (c *checker) pair(todo []*File) {
	if c.opts.With == "" {
		return
	}
	var first *File
	for _, f := range todo {
		if f.Kind == KindLeaflet && f.Path != c.opts.With {
			first = f
			break
		}
	}
	second, isNew := c.file(KindLeaflet, c.opts.With)
	if isNew {
		c.leaflet(second)
	}
	if first == nil {
		return
	}
	a, errA := load.Leaflet(first.Path, c.opts.Assets...)
	b, errB := load.Leaflet(second.Path, c.opts.Assets...)
	if errA != nil || errB != nil {
		return // reported with each file
	}
	c.reportPair(a, b, first, second)
}

// reportPair reports what pairing a with b as a bilingual handout finds: an
// error against errs, the warnings against warns.
func (c *checker) reportPair(a, b *model.Leaflet, errs, warns *File) {
	warnings, err := bilingual.Pair(a, b)
	if err != nil {
		c.add(errs, errorFinding(errs.Path, err, CodeBilingual))
	}
	for _, w := range warnings {
		x := errorFinding(warns.Path, w, CodeBilingual)
		x.Severity = Warning
		c.add(warns, x)
	}
}

// translations pairs a leaflet with each translation it lists, as a
// bilingual handout would: a translation that cannot be loaded or has a
// different number of sections is an error, a section aligned as a whole
// a warning.
func (c *checker) translations(f *File, l *model.Leaflet) {
	for i, path := range l.Translations {
		second, err := load.Leaflet(path, c.opts.Assets...)
		if err != nil {
			c.add(f, Finding{Severity: Error, Pos: l.TranslationsPos[i], Code: CodeBilingual,
				Message: "the translation " + path + " cannot be used: " + firstProblem(err)})
			continue
		}
		c.reportPair(l, second, f, f)
	}
}

// firstProblem is the first line of a load error.
func firstProblem(err error) string {
	if lines := source.Lines(err); len(lines) > 0 {
		return lines[0]
	}
	return err.Error()
}
