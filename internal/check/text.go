package check

import (
	"fmt"
	"io"
	"strings"

	"handout/internal/readability"
)

// ANSI styles for a terminal.
const (
	ansiReset   = "\x1b[0m"
	ansiBold    = "\x1b[1m"
	ansiError   = "\x1b[1;31m"
	ansiWarning = "\x1b[1;35m"
	ansiNote    = "\x1b[1;36m"
)

// WriteText writes the report for people, file by file: each finding as
// path:line:col: severity: message (hint) [code], the places that explain
// it as note lines below it, then one summary line for the file with its
// reading level. Files are separated by a blank line, and a total follows
// when there are several. color adds ANSI colors for a terminal.
func WriteText(w io.Writer, r *Report, color bool) error {
	var b strings.Builder
	paint := func(style, s string) string {
		if !color {
			return s
		}
		return style + s + ansiReset
	}
	for i, f := range r.Files {
		if i > 0 {
			b.WriteByte('\n')
		}
		for _, x := range f.Findings {
			style := map[Severity]string{Error: ansiError, Warning: ansiWarning, Hint: ansiNote}[x.Severity]
			fmt.Fprintf(&b, "%s: %s %s", paint(ansiBold, x.Pos.String()), paint(style, x.Severity.String()+":"), x.Message)
			if x.Hint != "" {
				fmt.Fprintf(&b, " (%s)", x.Hint)
			}
			fmt.Fprintf(&b, " [%s]\n", x.Code)
			for _, rel := range x.Related {
				fmt.Fprintf(&b, "%s: %s %s\n", paint(ansiBold, rel.Pos.String()), paint(ansiNote, "note:"), rel.Message)
			}
		}
		fmt.Fprintf(&b, "%s %s\n", paint(ansiBold, f.Path+":"), summary(f, r.TargetGrade))
	}
	if len(r.Files) > 1 {
		fmt.Fprintf(&b, "\n%d files: %s\n", len(r.Files), counts(r.Count(Error), r.Count(Warning), r.Count(Hint)))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// summary is the one-line outcome of a file.
func summary(f *File, target float64) string {
	var parts []string
	switch {
	case f.Reading != nil:
		parts = append(parts, readingSummary(f.Reading, target))
	case f.Kind == KindLeaflet && f.Count(Error) == 0:
		parts = append(parts, "reading level not measured")
	case f.Kind != KindLeaflet:
		parts = append(parts, string(f.Kind))
	}
	parts = append(parts, counts(f.Count(Error), f.Count(Warning), f.Count(Hint)))
	return strings.Join(parts, "; ")
}

func readingSummary(r *Reading, target float64) string {
	st := r.Stats
	size := fmt.Sprintf("%d words in %d sentences", st.Words, st.Sentences)
	if r.Language == "en" {
		return fmt.Sprintf("grade %.1f (Flesch–Kincaid, target %g), reading ease %.1f, SMOG %.1f; %s",
			r.FleschKincaid, target, r.FleschReadingEase, r.SMOG, size)
	}
	b := readability.FernandezHuertaBand(r.FernandezHuerta)
	return fmt.Sprintf("Fernández-Huerta %.1f (%s, %s; target %g or more), INFLESZ %.1f (%s); %s",
		r.FernandezHuerta, b.Label, b.Grade, readability.FernandezHuertaMinimum(target), r.SzigrisztPazos,
		readability.Inflesz(r.SzigrisztPazos).Label, size)
}

func counts(errors, warnings, hints int) string {
	if errors+warnings+hints == 0 {
		return "ok"
	}
	var parts []string
	for _, c := range []struct {
		n    int
		name string
	}{{errors, "error"}, {warnings, "warning"}, {hints, "hint"}} {
		switch {
		case c.n == 1:
			parts = append(parts, "1 "+c.name)
		case c.n > 1:
			parts = append(parts, fmt.Sprintf("%d %ss", c.n, c.name))
		}
	}
	return strings.Join(parts, ", ")
}
