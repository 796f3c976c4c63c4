package readability

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	en, _ := For("en")
	es, _ := For("es-MX")
	for _, c := range []struct {
		lang *Language
		text string
		want []string
	}{
		{en, "The cat sat on the mat.", []string{"The cat sat on the mat."}},
		{en, "Feed often. Rest when you can!  Is it working?", []string{"Feed often.", "Rest when you can!", "Is it working?"}},
		// a list item or heading without a full stop is still a sentence
		{en, "Stirring, stretching, or waking up", []string{"Stirring, stretching, or waking up"}},
		// abbreviations, initials, decimals, web addresses, times
		{en, "Call Dr. Lee or J. Smith today. Give 2.5 mL at 8 a.m. and see example.org for more.",
			[]string{"Call Dr. Lee or J. Smith today.", "Give 2.5 mL at 8 a.m. and see example.org for more."}},
		{en, "Rest, e.g. Naps help. Done.", []string{"Rest, e.g. Naps help.", "Done."}},
		// closing quotes and brackets stay with their sentence
		{en, `Many mothers say their milk "comes in." Your breasts may feel fuller.`,
			[]string{`Many mothers say their milk "comes in."`, "Your breasts may feel fuller."}},
		{en, "It is fine (really.) Go on... Then stop.", []string{"It is fine (really.)", "Go on...", "Then stop."}},
		// a sentence with no counted word is dropped
		{en, "Call us. (541) 555-0142.", []string{"Call us."}},
		{es, "¡No está sola! Si el dolor no mejora, llame a la Dra. Ruiz.", []string{"¡No está sola!", "Si el dolor no mejora, llame a la Dra. Ruiz."}},
	} {
		var got []string
		for _, s := range c.lang.Sentences(c.text) {
			got = append(got, s.Text)
			if c.text[s.Start:s.End] != s.Text {
				t.Errorf("%q: offsets %d:%d do not give the sentence", c.text, s.Start, s.End)
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", c.text, got, c.want)
		}
	}
}

func TestWordsLeaveOutNumbersAndAddresses(t *testing.T) {
	en, _ := For("en")
	for text, want := range map[string]string{
		"Feed 8 to 12 times in 24 hours.":                      "Feed to times in hours",
		"Visit https://www.example.org/a.pdf or example.org.":  "Visit or",
		"Write to help@example.org or www.example.org/help":    "Write to or",
		"Call (541) 555-0142 or 911 now.":                      "Call or now",
		"A 24-hour well-baby visit at 100.4 °F (38 °C) or 2nd": "A 24-hour well-baby visit at or",
		"Wet/dirty diapers and/or stools":                      "Wet dirty diapers and or stools",
		"“Quoted,” she said—then left":                         "Quoted she said then left",
		"{time, left or right side, minutes}":                  "time left or right side minutes",
	} {
		var got []string
		for _, w := range en.Words(text) {
			got = append(got, w.Text)
			if text[w.Start:w.End] != w.Text {
				t.Errorf("%q: offsets of %q are wrong", text, w.Text)
			}
		}
		if strings.Join(got, " ") != want {
			t.Errorf("Words(%q) = %q, want %q", text, strings.Join(got, " "), want)
		}
	}
	// digit parts of a word carry no syllables; acronyms are spelled out
	for text, want := range map[string]int{"24-hour": 1, "well-baby": 3, "PDF": 3, "TV": 2, "WWW": 9} {
		if ws := en.Words(text); len(ws) != 1 || ws[0].Syllables != want {
			t.Errorf("syllables of %q = %+v, want %d", text, ws, want)
		}
	}
}

// marked is text with each counted word followed by |N, its syllables as
// counted by hand; words without a mark must not be counted.
var mark = regexp.MustCompile(`\|(\d+)`)

func unmark(t *testing.T, marked string) (text string, want []int) {
	t.Helper()
	for _, m := range mark.FindAllStringSubmatch(marked, -1) {
		n, _ := strconv.Atoi(m[1])
		want = append(want, n)
	}
	return mark.ReplaceAllString(marked, ""), want
}

// TestReferenceParagraphs measures paragraphs whose every word, syllable
// and sentence was counted by hand, and checks the formulas on them
// against values worked out by hand from those counts.
func TestReferenceParagraphs(t *testing.T) {
	for _, c := range []struct {
		name, lang, marked string
		stats              Stats
		scores             map[string]float64
	}{
		{
			name: "let-down sample, first paragraph", lang: "en",
			marked: `When|1 your|1 baby|2 sucks|1 at|1 the|1 breast,|1 the|1 nerves|1 in|1 your|1 nipple|2 send|1 a|1
				signal|2 to|1 your|1 brain.|1 Your|1 brain|1 answers|2 by|1 releasing|3 a|1 hormone|2 called|1
				oxytocin|4 into|2 your|1 blood.|1 When|1 oxytocin|4 reaches|2 your|1 breasts,|1 it|1 makes|1 the|1
				small|1 muscles|2 around|2 the|1 milk-making|3 glands|1 tighten.|2 This|1 pushes|2 milk|1 out|1 of|1
				the|1 glands|1 and|1 into|2 the|1 ducts|1 that|1 lead|1 to|1 your|1 nipple.|2 This|1 is|1 called|1
				the|1 let-down|2 reflex,|2 or|1 the|1 milk|1 ejection|3 reflex.|2`,
			// 18+12+15+16+11 words; 21+20+24+19+16 syllables; releasing,
			// oxytocin ×2, milk-making and ejection have 3 or more
			stats: Stats{Sentences: 5, Words: 72, Syllables: 100, Polysyllables: 5},
			scores: map[string]float64{
				"fk":   6.4149,  // 0.39 × 14.4 + 11.8 × 100/72 − 15.59
				"fre":  74.7190, // 206.835 − 1.015 × 14.4 − 84.6 × 100/72
				"smog": 8.8418,  // 1.043 × √(5 × 30 / 5) + 3.1291
			},
		},
		{
			name: "numbers, a phone number and a URL left out", lang: "en",
			marked: `Call|1 Dr.|2 Lee|1 at|1 (541) 555-0142 if|1 your|1 baby's|2 temperature|4 is|1 100.4 °F or|1
				higher.|2 Don't|1 wait!|1 Visit|2 https://www.example.org/fever for|1 more.|1`,
			stats: Stats{Sentences: 3, Words: 16, Syllables: 23, Polysyllables: 1},
			scores: map[string]float64{
				"fk":  3.4525,  // 0.39 × 16/3 + 11.8 × 23/16 − 15.59
				"fre": 79.8092, // 206.835 − 1.015 × 16/3 − 84.6 × 23/16
			},
		},
		{
			name: "Spanish sample, first paragraph", lang: "es",
			marked: `Cuando|2 su|1 bebé|2 succiona|3 el|1 pecho,|2 los|1 nervios|2 del|1 pezón|2 envían|3 una|2 señal|2
				al|1 cerebro.|3 El|1 cerebro|3 responde|3 liberando|4 una|2 hormona|3 llamada|3 oxitocina.|5 Esta|2
				hormona|3 hace|2 que|1 los|1 pequeños|3 músculos|3 alrededor|4 de|1 las|1 glándulas|3 del|1 pecho|2
				se|1 aprieten|3 y|1 empujen|3 la|1 leche|2 hacia|2 el|1 pezón.|2 A|1 esto|2 se|1 le|1 llama|2
				reflejo|3 de|1 bajada|3 o|1 reflejo|3 de|1 eyección|3 de|1 la|1 leche.|2`,
			// 15+8+22+15 words; 28+24+43+26 syllables; 3+6+7+4 words of three or more
			stats: Stats{Sentences: 4, Words: 60, Syllables: 121, Polysyllables: 20},
			scores: map[string]float64{
				"fh": 70.54,   // 206.84 − 60 × 121/60 − 1.02 × 15
				"sp": 66.1967, // 206.835 − 62.3 × 121/60 − 15
			},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			lang, _ := For(c.lang)
			text, want := unmark(t, c.marked)
			var got Stats
			var syl []int
			for _, s := range lang.Sentences(text) {
				got = got.Add(s.Stats)
				for _, w := range s.Words {
					syl = append(syl, w.Syllables)
				}
			}
			if len(syl) != len(want) {
				t.Fatalf("counted %d words, want %d", len(syl), len(want))
			}
			words := lang.Words(text)
			for i := range want {
				if syl[i] != want[i] {
					t.Errorf("word %d %q: %d syllables, want %d", i+1, words[i].Text, syl[i], want[i])
				}
			}
			if got != c.stats {
				t.Errorf("stats %+v, want %+v", got, c.stats)
			}
			for name, v := range c.scores {
				f := map[string]func(Stats) float64{"fk": FleschKincaidGrade, "fre": FleschReadingEase, "smog": SMOG,
					"fh": FernandezHuerta, "sp": SzigrisztPazos}[name]
				near(t, name, f(got), v)
			}
		})
	}
}

func TestFor(t *testing.T) {
	for tag, want := range map[string]string{"en": "en", "en-GB": "en", "ES": "es", "es-419": "es"} {
		if l, ok := For(tag); !ok || l.Code != want {
			t.Errorf("For(%q) = %v, %v", tag, l, ok)
		}
	}
	if _, ok := For("fr"); ok {
		t.Error("French is not measured")
	}
}
