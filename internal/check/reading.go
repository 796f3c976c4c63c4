package check

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"

	"handout/internal/inline"
	"handout/internal/model"
	"handout/internal/readability"
	"handout/internal/source"
)

// Limits of the writing checks.
const (
	MaxSentenceWords      = 25
	MaxParagraphSentences = 6
	// MaxEmphasis is the share of a leaflet's running text that may be
	// bold or italic before emphasis stops standing out.
	MaxEmphasis = 0.10
	// minSectionWords is the length below which a section's grade is
	// reported but not warned about: formulas on a few dozen words swing
	// with every sentence.
	minSectionWords = 40
	maxHardest      = 3
)

// sent is one measured sentence of a leaflet.
type sent struct {
	pos     source.Pos
	text    string
	stats   readability.Stats
	section int
}

// reading measures a leaflet: its reading level as a whole and per
// section, and sentences, paragraphs and emphasis that make it harder.
func (c *checker) reading(f *File, l *model.Leaflet, w *walker) {
	// every language's sentences are counted with its script's
	// punctuation; only some have a reading-level formula
	lang := readability.Counting(l.Language)
	measured := lang.Measured()
	loc := newLocator(readSource(f.Path))
	value := c.valueFunc(l)
	var all []sent
	emphasized, words := 0, 0
	var mostEmph struct {
		n   int
		pos source.Pos
	}
	for _, u := range w.units {
		p := printed(u.text, value)
		if u.kind == unitParagraph || u.kind == unitItem {
			e, n := emphasis(p)
			emphasized += e
			words += n
			if e > mostEmph.n {
				mostEmph.n, mostEmph.pos = e, u.text.Pos
			}
		}
		ss := lang.Sentences(p.s)
		for _, s := range ss {
			pos := loc.pos(u.text, p.rawOffset(s.Start))
			if u.kind != unitCell { // cells are read as fragments, not measured for the grade
				all = append(all, sent{pos: pos, text: s.Text, stats: s.Stats, section: u.section})
			}
			// words written without spaces between them cannot be counted
			// by spaces; their sentences are not measured in words
			if s.Stats.Words > MaxSentenceWords && !lang.Unspaced {
				c.add(f, Finding{Severity: Warning, Pos: pos, Code: CodeLongSentence,
					Message: fmt.Sprintf("sentence of %d words: %s", s.Stats.Words, quote(s.Text)),
					Hint:    fmt.Sprintf("split it; aim for %d words or fewer", MaxSentenceWords)})
			}
		}
		if u.kind == unitParagraph && len(ss) > MaxParagraphSentences {
			c.add(f, Finding{Severity: Warning, Pos: u.text.Pos, Code: CodeLongParagraph,
				Message: fmt.Sprintf("paragraph of %d sentences", len(ss)),
				Hint:    fmt.Sprintf("break it up or turn steps into a list; aim for %d sentences or fewer", MaxParagraphSentences)})
		}
	}
	if words > 0 && float64(emphasized)/float64(words) > MaxEmphasis {
		c.add(f, Finding{Severity: Warning, Pos: mostEmph.pos, Code: CodeEmphasis,
			Message: fmt.Sprintf("%.0f%% of the running text (%d of %d words) is bold or italic, the most of it here; emphasis stands out only when it is rare",
				100*float64(emphasized)/float64(words), emphasized, words),
			Hint: fmt.Sprintf("keep it for the few things a reader must not miss, under %.0f%% of the words", 100*MaxEmphasis)})
	}
	if !measured {
		return
	}
	m := measure{lang: lang, target: c.opts.TargetGrade}
	r := &Reading{Language: lang.Code, Measure: m.of(all)}
	sectionWarned := false
	for i, s := range l.Sections {
		var ss []sent
		for _, x := range all {
			if x.section == i {
				ss = append(ss, x)
			}
		}
		sr := SectionReading{Heading: strings.Join(strings.Fields(printed(s.Heading, value).s), " "), Pos: s.Pos, Measure: m.of(ss)}
		if !s.Heading.IsZero() {
			sr.Pos = s.Heading.Pos
		}
		r.Sections = append(r.Sections, sr)
		if sr.AboveTarget && sr.Stats.Words >= minSectionWords {
			sectionWarned = true
			name := "the first section"
			if sr.Heading != "" {
				name = fmt.Sprintf("section %q", sr.Heading)
			}
			c.add(f, m.finding(sr.Pos, name, sr.Measure, true))
		}
	}
	f.Reading = r
	if r.AboveTarget {
		c.add(f, m.finding(l.Title.Pos, "the leaflet", r.Measure, !sectionWarned))
	}
}

// valueFunc fills placeholders as the leaflet prints: with the site's
// values, or the language's generic words without a site.
func (c *checker) valueFunc(l *model.Leaflet) func(string) string {
	strs := c.words(l)
	return func(name string) string {
		if v := c.site.Value(name); v != "" {
			return v
		}
		return strs.Generic[name]
	}
}

// emphasis counts the words of a printed text, and those in bold or
// italic.
func emphasis(p plain) (emphasized, words int) {
	for _, sg := range p.segs {
		n := 0
		for _, f := range strings.Fields(p.s[sg.at : sg.at+sg.length]) {
			if strings.ContainsFunc(f, unicode.IsLetter) {
				n++
			}
		}
		words += n
		if sg.style&(inline.Bold|inline.Italic) != 0 && !sg.fixed {
			emphasized += n
		}
	}
	return emphasized, words
}

// quote shortens a sentence to its first words for a message.
func quote(s string) string {
	const n = 8
	f := strings.Fields(s)
	if len(f) <= n {
		return fmt.Sprintf("%q", strings.Join(f, " "))
	}
	return fmt.Sprintf("%q", strings.Join(f[:n], " ")+" …")
}

// measure applies a language's formulas and the target grade.
type measure struct {
	lang   *readability.Language
	target float64
}

func (m measure) english() bool { return m.lang.Code == "en" }

// of measures a stretch of sentences.
func (m measure) of(ss []sent) Measure {
	var st readability.Stats
	for _, s := range ss {
		st = st.Add(s.stats)
	}
	out := Measure{Stats: st}
	if st.Words == 0 {
		return out
	}
	if m.english() {
		out.FleschKincaid = readability.FleschKincaidGrade(st)
		out.FleschReadingEase = readability.FleschReadingEase(st)
		out.SMOG = readability.SMOG(st)
		out.AboveTarget = round1(out.FleschKincaid) > m.target
	} else {
		out.FernandezHuerta = readability.FernandezHuerta(st)
		out.SzigrisztPazos = readability.SzigrisztPazos(st)
		out.AboveTarget = round1(out.FernandezHuerta) < readability.FernandezHuertaMinimum(m.target)
	}
	out.Hardest = m.hardest(ss, st)
	return out
}

// effect is how much a part of a text makes it harder: the fall in grade
// (English) or rise in Fernández-Huerta score (Spanish) without it.
func (m measure) effect(total, part readability.Stats) float64 {
	rest := total.Sub(part)
	if m.english() {
		return readability.FleschKincaidGrade(total) - readability.FleschKincaidGrade(rest)
	}
	return readability.FernandezHuerta(rest) - readability.FernandezHuerta(total)
}

// hardest picks the sentences whose removal would lower the level most.
func (m measure) hardest(ss []sent, total readability.Stats) []Hard {
	if total.Sentences < 2 {
		return nil
	}
	minEffect := 0.05
	if !m.english() {
		minEffect = 0.5 // the score runs about ten times the grade's range
	}
	var out []Hard
	for _, s := range ss {
		if e := m.effect(total, s.stats); e >= minEffect {
			out = append(out, Hard{Pos: s.pos, Text: s.text, Stats: s.stats, Effect: e})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Effect > out[j].Effect })
	if len(out) > maxHardest {
		out = out[:maxHardest]
	}
	return out
}

// finding words a reading-level warning for a leaflet or a section.
func (m measure) finding(pos source.Pos, what string, x Measure, related bool) Finding {
	f := Finding{Severity: Warning, Pos: pos, Code: CodeReadingLevel}
	if m.english() {
		f.Message = fmt.Sprintf("%s reads at grade %.1f (Flesch–Kincaid), above the target of grade %g; Flesch Reading Ease %.1f (%s), SMOG %.1f",
			what, x.FleschKincaid, m.target, x.FleschReadingEase, readability.FleschBand(x.FleschReadingEase).Label, x.SMOG)
	} else {
		b := readability.FernandezHuertaBand(x.FernandezHuerta)
		f.Message = fmt.Sprintf("%s scores %.1f on Fernández-Huerta (%s, %s), below %g, the score for grade %g; INFLESZ %.1f (%s)",
			what, x.FernandezHuerta, b.Label, b.Grade, readability.FernandezHuertaMinimum(m.target), m.target,
			x.SzigrisztPazos, readability.Inflesz(x.SzigrisztPazos).Label)
	}
	f.Hint = "use shorter sentences and everyday words"
	if !related || len(x.Hardest) == 0 {
		return f
	}
	f.Hint += "; these sentences raise the level most"
	for _, h := range x.Hardest {
		change := fmt.Sprintf("raises the grade by %.1f", h.Effect)
		if !m.english() {
			change = fmt.Sprintf("lowers the score by %.1f", h.Effect)
		}
		f.Related = append(f.Related, Related{Pos: h.Pos, Message: fmt.Sprintf("%d words, %.1f syllables a word; %s: %s",
			h.Stats.Words, h.Stats.SyllablesPerWord(), change, quote(h.Text))})
	}
	return f
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
