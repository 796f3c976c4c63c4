package check

import (
	"encoding/json"
	"io"
	"math"

	"handout/internal/readability"
	"handout/internal/source"
)

// SchemaVersion names the JSON format; it changes only when a field is
// removed or changes meaning (fields may be added).
const SchemaVersion = "handout-check/1"

// The JSON document, as documented in docs/check.md. Fields are never
// left out: arrays are empty rather than null, and only the scores of the
// other language, related places and hints are omitted when they do not
// apply.
type jsonReport struct {
	Schema       string      `json:"schema"`
	AsOf         string      `json:"as_of"`
	TargetGrade  float64     `json:"target_grade"`
	ReviewMonths int         `json:"review_months"`
	Site         *string     `json:"site"`
	Layout       string      `json:"layout"`
	Summary      jsonSummary `json:"summary"`
	Files        []jsonFile  `json:"files"`
}

type jsonSummary struct {
	Files    int  `json:"files"`
	Errors   int  `json:"errors"`
	Warnings int  `json:"warnings"`
	Hints    int  `json:"hints"`
	Failed   bool `json:"failed"`
}

type jsonFile struct {
	Path        string        `json:"path"`
	Kind        Kind          `json:"kind"`
	Errors      int           `json:"errors"`
	Warnings    int           `json:"warnings"`
	Hints       int           `json:"hints"`
	Findings    []jsonFinding `json:"findings"`
	Readability *jsonReading  `json:"readability"`
}

type jsonPos struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

type jsonFinding struct {
	Severity string `json:"severity"`
	Code     string `json:"code"`
	jsonPos
	Message string        `json:"message"`
	Hint    string        `json:"hint,omitempty"`
	Related []jsonRelated `json:"related,omitempty"`
}

type jsonRelated struct {
	jsonPos
	Message string `json:"message"`
}

type jsonMeasure struct {
	Sentences          int        `json:"sentences"`
	Words              int        `json:"words"`
	Syllables          int        `json:"syllables"`
	Polysyllables      int        `json:"polysyllables"`
	FleschKincaidGrade *float64   `json:"flesch_kincaid_grade,omitempty"`
	FleschReadingEase  *float64   `json:"flesch_reading_ease,omitempty"`
	SMOG               *float64   `json:"smog,omitempty"`
	FernandezHuerta    *float64   `json:"fernandez_huerta,omitempty"`
	SzigrisztPazos     *float64   `json:"szigriszt_pazos,omitempty"`
	Inflesz            string     `json:"inflesz,omitempty"`
	Level              string     `json:"level"`
	AboveTarget        bool       `json:"above_target"`
	Hardest            []jsonHard `json:"hardest"`
}

type jsonReading struct {
	Language string `json:"language"`
	jsonMeasure
	Sections []jsonSection `json:"sections"`
}

type jsonSection struct {
	Heading string `json:"heading"`
	jsonPos
	jsonMeasure
}

type jsonHard struct {
	jsonPos
	Text          string  `json:"text"`
	Words         int     `json:"words"`
	Syllables     int     `json:"syllables"`
	Polysyllables int     `json:"polysyllables"`
	Effect        float64 `json:"effect"`
}

// WriteJSON writes the report as one JSON document in the documented
// schema. strict says whether warnings fail, for summary.failed.
func WriteJSON(w io.Writer, r *Report, strict bool) error {
	out := jsonReport{
		Schema: SchemaVersion, AsOf: day(r.AsOf), TargetGrade: r.TargetGrade, ReviewMonths: r.ReviewMonths,
		Layout: r.Layout, Files: []jsonFile{},
		Summary: jsonSummary{Files: len(r.Files), Errors: r.Count(Error), Warnings: r.Count(Warning), Hints: r.Count(Hint), Failed: r.Failed(strict)},
	}
	if r.Site != "" {
		s := r.Site
		out.Site = &s
	}
	for _, f := range r.Files {
		jf := jsonFile{Path: f.Path, Kind: f.Kind, Errors: f.Count(Error), Warnings: f.Count(Warning), Hints: f.Count(Hint), Findings: []jsonFinding{}}
		for _, x := range f.Findings {
			jx := jsonFinding{Severity: x.Severity.String(), Code: x.Code, jsonPos: pos(x.Pos), Message: x.Message, Hint: x.Hint}
			for _, rel := range x.Related {
				jx.Related = append(jx.Related, jsonRelated{pos(rel.Pos), rel.Message})
			}
			jf.Findings = append(jf.Findings, jx)
		}
		if rd := f.Reading; rd != nil {
			jr := &jsonReading{Language: rd.Language, jsonMeasure: measureJSON(rd.Language, rd.Measure), Sections: []jsonSection{}}
			for _, s := range rd.Sections {
				jr.Sections = append(jr.Sections, jsonSection{Heading: s.Heading, jsonPos: pos(s.Pos), jsonMeasure: measureJSON(rd.Language, s.Measure)})
			}
			jf.Readability = jr
		}
		out.Files = append(out.Files, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func pos(p source.Pos) jsonPos { return jsonPos{File: p.File, Line: p.Line, Column: p.Col} }

func measureJSON(lang string, m Measure) jsonMeasure {
	j := jsonMeasure{Sentences: m.Stats.Sentences, Words: m.Stats.Words, Syllables: m.Stats.Syllables,
		Polysyllables: m.Stats.Polysyllables, AboveTarget: m.AboveTarget, Hardest: []jsonHard{}}
	if lang == "en" {
		j.FleschKincaidGrade, j.FleschReadingEase, j.SMOG = round2(m.FleschKincaid), round2(m.FleschReadingEase), round2(m.SMOG)
		j.Level = readability.FleschBand(m.FleschReadingEase).Label
	} else {
		j.FernandezHuerta, j.SzigrisztPazos = round2(m.FernandezHuerta), round2(m.SzigrisztPazos)
		j.Level = readability.FernandezHuertaBand(m.FernandezHuerta).Label
		j.Inflesz = readability.Inflesz(m.SzigrisztPazos).Label
	}
	if m.Stats.Words == 0 {
		j.Level, j.Inflesz = "", ""
	}
	for _, h := range m.Hardest {
		j.Hardest = append(j.Hardest, jsonHard{jsonPos: pos(h.Pos), Text: h.Text, Words: h.Stats.Words,
			Syllables: h.Stats.Syllables, Polysyllables: h.Stats.Polysyllables, Effect: *round2(h.Effect)})
	}
	return j
}

func round2(x float64) *float64 {
	v := math.Round(x*100) / 100
	return &v
}
