package readability

import (
	"math"
	"testing"
)

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 0.005 {
		t.Errorf("%s = %.4f, want %.4f", what, got, want)
	}
}

// TestFormulas checks each formula against values worked out by hand from
// the published coefficients.
func TestFormulas(t *testing.T) {
	// "The cat sat on the mat.": 1 sentence, 6 words, 6 syllables.
	cat := Stats{Sentences: 1, Words: 6, Syllables: 6}
	near(t, "FK(cat)", FleschKincaidGrade(cat), 0.39*6+11.8*1-15.59) // -1.45
	near(t, "FK(cat) by hand", FleschKincaidGrade(cat), -1.45)
	near(t, "FRE(cat)", FleschReadingEase(cat), 116.145) // 206.835 - 6.09 - 84.6
	near(t, "SMOG(cat)", SMOG(cat), 3.1291)              // no polysyllables

	// 100 words in 5 sentences, 150 syllables, 10 polysyllables:
	// 20 words a sentence, 1.5 syllables a word.
	s := Stats{Sentences: 5, Words: 100, Syllables: 150, Polysyllables: 10}
	near(t, "FK", FleschKincaidGrade(s), 9.91)             // 7.8 + 17.7 - 15.59
	near(t, "FRE", FleschReadingEase(s), 59.635)           // 206.835 - 20.3 - 126.9
	near(t, "SMOG", SMOG(s), 11.2081)                      // 1.043 × √60 + 3.1291
	near(t, "Fernández-Huerta", FernandezHuerta(s), 96.44) // 206.84 - 90 - 20.4
	near(t, "Szigriszt-Pazos", SzigrisztPazos(s), 93.385)  // 206.835 - 93.45 - 20

	// Typical Spanish: 150 words, 10 sentences, 300 syllables.
	es := Stats{Sentences: 10, Words: 150, Syllables: 300}
	near(t, "Fernández-Huerta(es)", FernandezHuerta(es), 71.54) // 206.84 - 120 - 15.3
	near(t, "Szigriszt-Pazos(es)", SzigrisztPazos(es), 67.235)  // 206.835 - 124.6 - 15

	// Shorter sentences must read easier on every scale (the misprinted
	// Fernández-Huerta formula fails this).
	short := Stats{Sentences: 20, Words: 150, Syllables: 300}
	if FernandezHuerta(short) <= FernandezHuerta(es) || SzigrisztPazos(short) <= SzigrisztPazos(es) ||
		FleschReadingEase(short) <= FleschReadingEase(es) || FleschKincaidGrade(short) >= FleschKincaidGrade(es) {
		t.Error("shorter sentences do not read easier")
	}

	var zero Stats
	if FleschKincaidGrade(zero) != 0 || FleschReadingEase(zero) != 0 || SMOG(zero) != 0 || FernandezHuerta(zero) != 0 || SzigrisztPazos(zero) != 0 {
		t.Error("empty text should score 0, not NaN")
	}
}

func TestStatsArithmetic(t *testing.T) {
	a := Stats{Sentences: 2, Words: 10, Syllables: 14, Polysyllables: 1}
	b := Stats{Sentences: 1, Words: 4, Syllables: 5, Polysyllables: 0}
	if got := a.Add(b).Sub(b); got != a {
		t.Errorf("Add then Sub = %+v, want %+v", got, a)
	}
	near(t, "words per sentence", a.WordsPerSentence(), 5)
	near(t, "syllables per word", a.SyllablesPerWord(), 1.4)
}

func TestBands(t *testing.T) {
	for _, c := range []struct {
		score       float64
		label, band string
	}{
		{95, "very easy", "grade 4"}, {85, "easy", "grade 5"}, {70, "fairly easy", "grade 6"},
		{64.9, "standard", "grades 7–8"}, {55, "fairly difficult", "secondary school"},
		{30, "difficult", "pre-university"}, {12, "very difficult", "university"},
	} {
		if b := FernandezHuertaBand(c.score); b.Label != c.label || b.Grade != c.band {
			t.Errorf("FernandezHuertaBand(%g) = %+v, want %s, %s", c.score, b, c.label, c.band)
		}
	}
	for score, want := range map[float64]string{85: "very easy", 70: "fairly easy", 60: "standard", 45: "somewhat difficult", 20: "very difficult"} {
		if got := Inflesz(score).Label; got != want {
			t.Errorf("Inflesz(%g) = %s, want %s", score, got, want)
		}
	}
	for grade, want := range map[float64]float64{4: 90, 5: 80, 6: 70, 7: 60, 8: 60, 10: 50, 14: 30} {
		if got := FernandezHuertaMinimum(grade); got != want {
			t.Errorf("FernandezHuertaMinimum(%g) = %g, want %g", grade, got, want)
		}
	}
	if FleschBand(65).Label != "standard" || FleschBand(92).Label != "very easy" {
		t.Error("Flesch bands")
	}
}
