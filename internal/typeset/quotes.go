package typeset

import (
	"regexp"

	"handout/internal/model"
	"handout/internal/typo"
)

// resolve fills a text's placeholders into runs, after making its quotes
// and apostrophes typographic in the leaflet's language.
func (ts *typesetter) resolve(t model.Text) []run {
	return resolveRuns(ts.quotes(t), ts.value)
}

// quotes returns the text with ' and " turned into the apostrophe and the
// quotation marks of the leaflet's language, unless the leaflet keeps them
// straight. Placeholders and web addresses are left as they are: a site's
// values are printed as the site wrote them, and a URL is typed by a reader.
func (ts *typesetter) quotes(t model.Text) model.Text {
	lf := ts.in.Leaflet
	if lf == nil || lf.StraightQuotes || !hasQuote(t) {
		return t
	}
	// each span is cut into pieces, web addresses apart, so that the
	// quotes are decided across the whole text but an address is kept
	var texts []string
	var literal []bool
	var owner []int
	for i, sp := range t.Spans {
		switch {
		case sp.Placeholder != "":
			texts, literal, owner = append(texts, "x"), append(literal, true), append(owner, -1) // a value reads as a word
		case sp.Link != "" && sp.Text == sp.Link:
			texts, literal, owner = append(texts, sp.Text), append(literal, true), append(owner, i)
		default:
			for _, part := range splitAddresses(sp.Text) {
				texts, literal, owner = append(texts, part), append(literal, isAddress(part)), append(owner, i)
			}
		}
	}
	conv := typo.Convert(typo.MarksFor(lf.Language), texts, literal)
	out := t
	out.Spans = append(out.Spans[:0:0], t.Spans...)
	for i := range out.Spans {
		if out.Spans[i].Placeholder == "" {
			out.Spans[i].Text = ""
		}
	}
	for k, i := range owner {
		if i >= 0 {
			out.Spans[i].Text += conv[k]
		}
	}
	return out
}

// addressRE finds web addresses in running text.
var addressRE = regexp.MustCompile(`(?i)(https?://|www\.)[^\s<>]+`)

// splitAddresses cuts text into pieces so that each web address is one.
func splitAddresses(s string) []string {
	locs := addressRE.FindAllStringIndex(s, -1)
	if len(locs) == 0 {
		return []string{s}
	}
	var out []string
	at := 0
	for _, l := range locs {
		if l[0] > at {
			out = append(out, s[at:l[0]])
		}
		out = append(out, s[l[0]:l[1]])
		at = l[1]
	}
	if at < len(s) {
		out = append(out, s[at:])
	}
	return out
}

func isAddress(s string) bool { return addressRE.FindString(s) == s }

func hasQuote(t model.Text) bool {
	for _, sp := range t.Spans {
		for _, r := range sp.Text {
			if r == '\'' || r == '"' {
				return true
			}
		}
	}
	return false
}
