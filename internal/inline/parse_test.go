package inline

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseNilKnownAcceptsEveryName(t *testing.T) {
	spans, err := Parse("{anything_at_all9}", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := compact(spans, false); got != "P{anything_at_all9}" {
		t.Errorf("got %s", got)
	}
	if _, err := Parse("{Bad}", nil); err == nil {
		t.Error("{Bad} accepted")
	}
}

func TestParseNamesHints(t *testing.T) {
	names := []string{"phone", "department", "address", "name", "website"}
	cases := []struct {
		in    string
		names []string
		want  string
	}{
		{"{phone}", names, ""},
		{"Call {phnoe}", names, "offset 5: unknown placeholder {phnoe} (did you mean {phone}?)"},
		{"{fone}", names, "offset 0: unknown placeholder {fone} (did you mean {phone}?)"},
		{"{adress}", names, "offset 0: unknown placeholder {adress} (did you mean {address}?)"},
		{"{departement}", names, "offset 0: unknown placeholder {departement} (did you mean {department}?)"},
		{"{zip}", names, "offset 0: unknown placeholder {zip} (known placeholders: {address}, {department}, {name}, {phone}, {website})"},
		{"{x}", names, "offset 0: unknown placeholder {x} (known placeholders: {address}, {department}, {name}, {phone}, {website})"},
		{"{phone}", nil, "offset 0: unknown placeholder {phone} (no placeholders are defined)"},
		{"{Phnoe}", names, "offset 0: unmatched '{': write {{ for a literal brace (did you mean {phone}?)"},
		{"{Website}", names, "offset 0: unmatched '{': write {{ for a literal brace (did you mean {website}?)"},
		{"{n}", []string{"a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "b1", "b2", "a1"},
			"offset 0: unknown placeholder {n} (known placeholders: {a1}, {a2}, {a3}, {a4}, {a5}, {a6}, {a7}, {a8}, {a9}, {b1}, ...)"},
	}
	for _, c := range cases {
		_, err := ParseNames(c.in, c.names)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("%q\n got: %s\nwant: %s", c.in, got, c.want)
		}
	}
}

func TestErrorIsInlineError(t *testing.T) {
	_, err := Parse("ok {x} ok", func(string) bool { return false })
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %T is not *Error", err)
	}
	if e.Offset != 3 || e.Msg != "unknown placeholder {x}" || e.Hint != "" {
		t.Errorf("got %+v", *e)
	}
}

func TestPlain(t *testing.T) {
	spans, err := Parse(`**Call** [{department}](https://x) at {phone} \*24/7\* {{free}}`, nil)
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]string{"department": "Maternity", "phone": "555 0100"}
	if got, want := Plain(spans, func(n string) string { return values[n] }), "Call Maternity at 555 0100 *24/7* {free}"; got != want {
		t.Errorf("Plain = %q, want %q", got, want)
	}
	if got, want := Plain(spans, nil), "Call {department} at {phone} *24/7* {free}"; got != want {
		t.Errorf("Plain(nil) = %q, want %q", got, want)
	}
	if got := Plain(nil, nil); got != "" {
		t.Errorf("Plain of no spans = %q", got)
	}
}

// TestParenTableAgrees checks that the one-pass table links fall back to on
// hostile input reads every spec case as the direct scan does.
func TestParenTableAgrees(t *testing.T) {
	for _, sec := range spec {
		for _, c := range sec.cases {
			direct := parser{s: c.in, known: specKnown}
			table := parser{s: c.in, known: specKnown, scanned: 1 << 60}
			s1, e1 := direct.parse()
			s2, e2 := table.parse()
			if !reflect.DeepEqual(s1, s2) || !reflect.DeepEqual(e1, e2) {
				t.Errorf("%q: scan gives %s %v, table gives %s %v", c.in, compact(s1, true), e1, compact(s2, true), e2)
			}
		}
	}
}

// TestLinearTime feeds inputs shaped to make a naive parser quadratic; at
// this size quadratic work would take minutes.
func TestLinearTime(t *testing.T) {
	const n = 1 << 17
	inputs := map[string]string{
		"unclosed links":      strings.Repeat("[a](b", n/5),
		"links cut by spaces": strings.Repeat("[](a", n/4) + " ",
		"nested parens":       strings.Repeat("](", n/2),
		"open brackets":       strings.Repeat("[", n),
		"brackets then link":  strings.Repeat("[", n) + "a](b)" + strings.Repeat("]", n),
		"stars":               strings.Repeat("a*", n/2),
		"double stars":        strings.Repeat("a**b*", n/5),
		"openers then closer": strings.Repeat("*a ", n/3) + strings.Repeat("b** ", n/4),
		"nested emphasis":     strings.Repeat("*a ", n/6) + strings.Repeat("b* ", n/6),
		"escapes":             strings.Repeat(`\*`, n/2),
		"doubled braces":      strings.Repeat("{{a", n/3),
	}
	for name, in := range inputs {
		start := time.Now()
		if _, err := Parse(in, nil); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		d := time.Since(start)
		t.Logf("%s: %v", name, d)
		if d > 2*time.Second {
			t.Errorf("%s: %v for %d bytes", name, d, len(in))
		}
	}
}
