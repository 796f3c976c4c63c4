package readability

import "math"

// Stats are the counts the formulas need. They add up, so a section's or a
// leaflet's stats are the sums of its sentences'.
type Stats struct {
	Sentences     int
	Words         int
	Syllables     int
	Polysyllables int // words of three or more syllables, for SMOG
}

// Add returns the sum of two sets of counts.
func (s Stats) Add(t Stats) Stats {
	return Stats{s.Sentences + t.Sentences, s.Words + t.Words, s.Syllables + t.Syllables, s.Polysyllables + t.Polysyllables}
}

// Sub returns s without t, to ask how a text would score without a part.
func (s Stats) Sub(t Stats) Stats {
	return Stats{s.Sentences - t.Sentences, s.Words - t.Words, s.Syllables - t.Syllables, s.Polysyllables - t.Polysyllables}
}

// ok reports whether the ratios the formulas use are defined.
func (s Stats) ok() bool { return s.Sentences > 0 && s.Words > 0 }

// WordsPerSentence is the average sentence length.
func (s Stats) WordsPerSentence() float64 {
	if !s.ok() {
		return 0
	}
	return float64(s.Words) / float64(s.Sentences)
}

// SyllablesPerWord is the average word length in syllables.
func (s Stats) SyllablesPerWord() float64 {
	if !s.ok() {
		return 0
	}
	return float64(s.Syllables) / float64(s.Words)
}

// FleschKincaidGrade is the US school grade of Kincaid et al. (1975):
// 0.39 × words/sentences + 11.8 × syllables/words − 15.59.
func FleschKincaidGrade(s Stats) float64 {
	if !s.ok() {
		return 0
	}
	return 0.39*s.WordsPerSentence() + 11.8*s.SyllablesPerWord() - 15.59
}

// FleschReadingEase is Flesch's (1948) score, higher is easier:
// 206.835 − 1.015 × words/sentences − 84.6 × syllables/words.
func FleschReadingEase(s Stats) float64 {
	if !s.ok() {
		return 0
	}
	return 206.835 - 1.015*s.WordsPerSentence() - 84.6*s.SyllablesPerWord()
}

// SMOG is McLaughlin's (1969) grade from words of three or more syllables,
// in the formula form 1.0430 × √(polysyllables × 30 / sentences) + 3.1291.
// It was built on samples of 30 sentences; on fewer it is scaled to 30 and
// is less reliable.
func SMOG(s Stats) float64 {
	if s.Sentences <= 0 {
		return 0
	}
	return 1.0430*math.Sqrt(float64(s.Polysyllables)*30/float64(s.Sentences)) + 3.1291
}

// FernandezHuerta is Fernández Huerta's (1959) Spanish adaptation of the
// Flesch Reading Ease, higher is easier: 206.84 − 60 × syllables/words −
// 1.02 × words/sentences. It is often printed with sentences per 100 words
// in the last term, which makes shorter sentences score harder; this uses
// words per sentence, as in Law's (2011) correction, which is the form that
// agrees with Flesch's.
func FernandezHuerta(s Stats) float64 {
	if !s.ok() {
		return 0
	}
	return 206.84 - 60*s.SyllablesPerWord() - 1.02*s.WordsPerSentence()
}

// SzigrisztPazos is Szigriszt-Pazos's (1993) perspicuity index for Spanish,
// higher is easier: 206.835 − 62.3 × syllables/words − words/sentences. The
// INFLESZ scale (Barrio-Cantalejo et al., 2008) reads it; see Inflesz.
func SzigrisztPazos(s Stats) float64 {
	if !s.ok() {
		return 0
	}
	return 206.835 - 62.3*s.SyllablesPerWord() - s.WordsPerSentence()
}

// Band is one step of a published scale.
type Band struct {
	Min   float64 // lowest score in the band
	Label string  // the scale's own words, in English
	Grade string  // the school level the scale gives, if any
}

// fernandezHuertaBands is Fernández Huerta's table, easiest first.
var fernandezHuertaBands = []Band{
	{90, "very easy", "grade 4"},
	{80, "easy", "grade 5"},
	{70, "fairly easy", "grade 6"},
	{60, "standard", "grades 7–8"},
	{50, "fairly difficult", "secondary school"},
	{30, "difficult", "pre-university"},
	{math.Inf(-1), "very difficult", "university"},
}

// inflesz is the INFLESZ scale for the Szigriszt-Pazos index, easiest first.
var inflesz = []Band{
	{80, "very easy", ""},
	{65, "fairly easy", ""},
	{55, "standard", ""},
	{40, "somewhat difficult", ""},
	{math.Inf(-1), "very difficult", ""},
}

// fleschBands is Flesch's own table for the Reading Ease, easiest first.
var fleschBands = []Band{
	{90, "very easy", "grade 5"},
	{80, "easy", "grade 6"},
	{70, "fairly easy", "grade 7"},
	{60, "standard", "grades 8–9"},
	{50, "fairly difficult", "grades 10–12"},
	{30, "difficult", "college"},
	{math.Inf(-1), "very difficult", "college graduate"},
}

func band(bands []Band, score float64) Band {
	for _, b := range bands {
		if score >= b.Min {
			return b
		}
	}
	return bands[len(bands)-1]
}

// FernandezHuertaBand places a Fernández-Huerta score on its table.
func FernandezHuertaBand(score float64) Band { return band(fernandezHuertaBands, score) }

// Inflesz places a Szigriszt-Pazos score on the INFLESZ scale.
func Inflesz(score float64) Band { return band(inflesz, score) }

// FleschBand places a Flesch Reading Ease score on Flesch's table.
func FleschBand(score float64) Band { return band(fleschBands, score) }

// FernandezHuertaMinimum is the lowest Fernández-Huerta score whose band
// in Fernández Huerta's table is at or below a school grade: 60 for grades
// 7 and 8, 70 for grade 6, and so on.
func FernandezHuertaMinimum(grade float64) float64 {
	switch {
	case grade < 5:
		return 90
	case grade < 6:
		return 80
	case grade < 7:
		return 70
	case grade < 9:
		return 60
	case grade < 13:
		return 50
	}
	return 30
}
