package check

import (
	"sort"
	"time"

	"handout/internal/readability"
	"handout/internal/source"
)

// Kind is what an input file is.
type Kind string

// The kinds of input.
const (
	KindLeaflet Kind = "leaflet"
	KindSite    Kind = "site"
	KindLayout  Kind = "layout"
)

// Report is the outcome of checking some files.
type Report struct {
	AsOf         time.Time
	TargetGrade  float64
	ReviewMonths int
	Site         string // the site file leaflets were checked with, "" for none
	Layout       string // the layout file leaflets were checked with
	Files        []*File
}

// File is what was found in one input file.
type File struct {
	Path     string
	Kind     Kind
	Findings []Finding
	// Reading is the readability of a leaflet in a measured language.
	Reading *Reading
	seen    map[string]bool
}

// Count returns how many findings of a severity the file has.
func (f *File) Count(s Severity) int {
	n := 0
	for _, x := range f.Findings {
		if x.Severity == s {
			n++
		}
	}
	return n
}

// Count returns how many findings of a severity all files have.
func (r *Report) Count(s Severity) int {
	n := 0
	for _, f := range r.Files {
		n += f.Count(s)
	}
	return n
}

// Failed reports whether the check fails: on any error, and with strict
// on any warning too.
func (r *Report) Failed(strict bool) bool {
	return r.Count(Error) > 0 || strict && r.Count(Warning) > 0
}

// add records a finding once: checking many leaflets with one site would
// otherwise repeat the site's own problems.
func (f *File) add(x Finding) {
	key := x.String()
	if f.seen == nil {
		f.seen = map[string]bool{}
	}
	if f.seen[key] {
		return
	}
	f.seen[key] = true
	f.Findings = append(f.Findings, x)
}

// sortFindings orders findings by place, so the list reads top to bottom
// like the file.
func (f *File) sortFindings() {
	sort.SliceStable(f.Findings, func(i, j int) bool {
		a, b := f.Findings[i].Pos, f.Findings[j].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Reading is a leaflet's readability as a whole and per section.
type Reading struct {
	Language string // "en" or "es"
	Measure
	Sections []SectionReading
}

// SectionReading is one section's readability.
type SectionReading struct {
	Heading string // "" for a first section without one
	Pos     source.Pos
	Measure
}

// Measure is the counts and scores of a stretch of text, whether it is
// above the target, and the sentences that make it hardest.
type Measure struct {
	Stats readability.Stats
	// Scores for English
	FleschKincaid, FleschReadingEase, SMOG float64
	// Scores for Spanish
	FernandezHuerta, SzigrisztPazos float64
	AboveTarget                     bool
	Hardest                         []Hard
}

// Hard is a sentence that raises the reading level, with how much.
type Hard struct {
	Pos   source.Pos
	Text  string
	Stats readability.Stats
	// Effect is how far the grade would fall (English, Flesch–Kincaid) or
	// the Fernández-Huerta score rise (Spanish) without this sentence.
	Effect float64
}
