package inline

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// FuzzParse checks invariants that hold for any input. Inputs the fuzzer
// found failing are kept in testdata/fuzz/FuzzParse and rerun by go test.
func FuzzParse(f *testing.F) {
	for _, sec := range spec {
		for _, c := range sec.cases {
			f.Add(c.in)
		}
	}
	for _, s := range []string{
		paragraph,
		`**a *b [c **d** e](https://x) f* g**`,
		`*[*a*](b)*`,
		`[*a](b)*`,
		`***a***b***c***`,
		`*a **b *c** d*`,
		`[a](b(c)d)(e)`,
		"\xff*\xfe*",
		"*\u2003a*",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		spans, err := Parse(s, nil)
		again, err2 := Parse(s, nil)
		if !reflect.DeepEqual(spans, again) || !reflect.DeepEqual(err, err2) {
			t.Fatalf("Parse is not deterministic on %q", s)
		}
		named, nerr := ParseNames(s, specNames)
		if err != nil {
			checkError(t, s, err)
			if nerr == nil {
				t.Fatalf("%q: Parse fails (%v) but ParseNames does not", s, err)
			}
			return
		}
		if nerr != nil {
			checkError(t, s, nerr)
			if !strings.Contains(nerr.Error(), "unknown placeholder") {
				t.Fatalf("%q: only ParseNames fails, and not on a name: %v", s, nerr)
			}
		} else if !reflect.DeepEqual(spans, named) {
			t.Fatalf("%q: Parse and ParseNames disagree:\n%s\n%s", s, compact(spans, true), compact(named, true))
		}
		checkSpans(t, s, spans)
		checkEscapedRoundTrip(t, s, spans)
		if !strings.ContainsAny(s, "*[]\\{}") {
			if want := []Span{{Text: s}}; s != "" && !reflect.DeepEqual(spans, want) || s == "" && len(spans) != 0 {
				t.Fatalf("%q has no markup but parses to %s", s, compact(spans, true))
			}
		}
	})
}

// checkError checks that err is an *Error pointing at a brace of s.
func checkError(t *testing.T, s string, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("%q: error %T is not *Error", s, err)
	}
	if e.Offset < 0 || e.Offset >= len(s) || (s[e.Offset] != '{' && s[e.Offset] != '}') || e.Msg == "" {
		t.Fatalf("%q: bad error %+v", s, *e)
	}
}

// checkSpans checks the shape of a successful parse of s.
func checkSpans(t *testing.T, s string, spans []Span) {
	t.Helper()
	last := -1
	for i, sp := range spans {
		if (sp.Text == "") == (sp.Placeholder == "") {
			t.Fatalf("%q: span %d has both or neither of Text and Placeholder: %+v", s, i, sp)
		}
		if sp.Style&^(Bold|Italic) != 0 {
			t.Fatalf("%q: span %d has style %d", s, i, sp.Style)
		}
		// Every span comes from at least one byte of s, so offsets strictly grow.
		if sp.Offset <= last || sp.Offset >= len(s) {
			t.Fatalf("%q: span %d offset %d after %d", s, i, sp.Offset, last)
		}
		last = sp.Offset
		at := s[sp.Offset:]
		if sp.Placeholder != "" {
			if !strings.HasPrefix(at, "{"+sp.Placeholder+"}") || !validName(sp.Placeholder) {
				t.Fatalf("%q: placeholder span %d %+v does not match the source", s, i, sp)
			}
		} else if at[0] != sp.Text[0] && !(at[0] == '\\' && len(at) > 1 && at[1] == sp.Text[0]) {
			t.Fatalf("%q: text span %d %+v does not start where it says", s, i, sp)
		}
		if sp.Link != "" {
			if !strings.Contains(s, "]("+sp.Link+")") || strings.IndexFunc(sp.Link, unicode.IsSpace) >= 0 {
				t.Fatalf("%q: span %d has a link %q not written in the source", s, i, sp.Link)
			}
		}
		if i > 0 {
			prev := spans[i-1]
			if prev.Text != "" && sp.Text != "" && prev.Style == sp.Style && prev.Link == sp.Link {
				t.Fatalf("%q: spans %d and %d should have merged", s, i-1, i)
			}
		}
	}
	plain := Plain(spans, nil)
	if !isSubsequence(plain, s) {
		t.Fatalf("%q: plain text %q is not drawn from the source", s, plain)
	}
	// Emphasis consumes the same number of '*' on each side of what it
	// covers, so the markup that matched holds an even number of them.
	// (Only checked when no URL, which is taken whole, holds a '*'.)
	urlStars := false
	for _, sp := range spans {
		urlStars = urlStars || strings.Contains(sp.Link, "*")
	}
	if !urlStars {
		if used := strings.Count(s, "*") - strings.Count(plain, "*"); used < 0 || used%2 != 0 {
			t.Fatalf("%q: %d '*' used as markup", s, used)
		}
	}
}

// checkEscapedRoundTrip writes the parsed text back with every markup
// character escaped and checks it parses to the same text, unstyled.
func checkEscapedRoundTrip(t *testing.T, s string, spans []Span) {
	t.Helper()
	var b strings.Builder
	for _, sp := range spans {
		if sp.Placeholder != "" {
			b.WriteString("{" + sp.Placeholder + "}")
			continue
		}
		for i := 0; i < len(sp.Text); i++ {
			if escapable(sp.Text[i]) {
				b.WriteByte('\\')
			}
			b.WriteByte(sp.Text[i])
		}
	}
	escaped := b.String()
	back, err := Parse(escaped, nil)
	if err != nil {
		t.Fatalf("%q: escaped form %q fails: %v", s, escaped, err)
	}
	for _, sp := range back {
		if sp.Style != 0 || sp.Link != "" {
			t.Fatalf("%q: escaped form %q still has markup: %s", s, escaped, compact(back, false))
		}
	}
	if got, want := Plain(back, nil), Plain(spans, nil); got != want {
		t.Fatalf("%q: escaped form %q reads %q, want %q", s, escaped, got, want)
	}
}

// isSubsequence reports whether the bytes of sub appear in s in order.
func isSubsequence(sub, s string) bool {
	j := 0
	for i := 0; i < len(s) && j < len(sub); i++ {
		if s[i] == sub[j] {
			j++
		}
	}
	return j == len(sub)
}
