package inline

import (
	"strconv"
	"strings"
	"testing"
)

// compact prints spans in the form the spec tables use: style letters (B
// bold, I italic, L(url) link) before a quoted text or P{name}, spans
// separated by spaces. With offsets, each span ends in @offset.
func compact(spans []Span, offsets bool) string {
	var b strings.Builder
	for i, sp := range spans {
		if i > 0 {
			b.WriteByte(' ')
		}
		if sp.Style&Bold != 0 {
			b.WriteByte('B')
		}
		if sp.Style&Italic != 0 {
			b.WriteByte('I')
		}
		if sp.Link != "" {
			b.WriteString("L(" + sp.Link + ")")
		}
		if sp.Placeholder != "" {
			b.WriteString("P{" + sp.Placeholder + "}")
		} else {
			b.WriteString(strconv.Quote(sp.Text))
		}
		if offsets {
			b.WriteString("@" + strconv.Itoa(sp.Offset))
		}
	}
	return b.String()
}

// specNames are the placeholders the spec tables know.
var specNames = []string{"phone", "address", "department", "name", "site_name", "email2"}

func specKnown(name string) bool {
	for _, n := range specNames {
		if n == name {
			return true
		}
	}
	return false
}

// outcome runs Parse and prints either the spans or "ERR " and the error.
func outcome(in string, offsets bool) string {
	spans, err := Parse(in, specKnown)
	if err != nil {
		return "ERR " + err.Error()
	}
	return compact(spans, offsets)
}

type specCase struct {
	in, want string
}

// spec is the syntax, one rule per group, as input -> spans.
var spec = []struct {
	section string
	cases   []specCase
}{
	{"plain text", []specCase{
		{``, ``},
		{`hello`, `"hello"`},
		{"  two  spaces\n\tand a tab ", `"  two  spaces\n\tand a tab "`},
		{`Größe ändern, 😀 ok`, `"Größe ändern, 😀 ok"`},
		{`(a) "b" <c> & d # e _f_ ~g~ ` + "`h`", `"(a) \"b\" <c> & d # e _f_ ~g~ ` + "`h`" + `"`},
		{`)(`, `")("`},
	}},
	{"emphasis", []specCase{
		{`**bold**`, `B"bold"`},
		{`*italic*`, `I"italic"`},
		{`***both***`, `BI"both"`},
		{`**bold with *italic* inside**`, `B"bold with " BI"italic" B" inside"`},
		{`*italic with **bold** inside*`, `I"italic with " BI"bold" I" inside"`},
		{`a **b** c`, `"a " B"b" " c"`},
		{`**Note:**text`, `B"Note:" "text"`},
		{`**Pain.** If sore`, `B"Pain." " If sore"`},
		{`*(aside)*`, `I"(aside)"`},
		{`in*word*emphasis`, `"in" I"word" "emphasis"`},
		{"*cluster\nfeeding*", `I"cluster\nfeeding"`},
		{`*é*`, `I"é"`},
		{`**Größe**`, `B"Größe"`},
		{`****a****`, `B"a"`},
		{`**a** **b**`, `B"a" " " B"b"`},
	}},
	{"unmatched emphasis prints as written", []specCase{
		{`5 * 3`, `"5 * 3"`},
		{`a ** b`, `"a ** b"`},
		{`**unclosed`, `"**unclosed"`},
		{`unopened**`, `"unopened**"`},
		{`*`, `"*"`},
		{`**`, `"**"`},
		{`***`, `"***"`},
		{`****`, `"****"`},
		{`* * *`, `"* * *"`},
		{`* not*`, `"* not*"`},
		{`*not *`, `"*not *"`},
		{"*a\n*", `"*a\n*"`},
		{"*\u00a0a*", `"*\u00a0a*"`},
		{`2*3*4`, `"2" I"3" "4"`},
	}},
	{"uneven delimiter runs", []specCase{
		{`**a*`, `"*" I"a"`},
		{`*a**`, `I"a" "*"`},
		{`***a**`, `"*" B"a"`},
		{`**a***`, `B"a" "*"`},
		{`***a*`, `"**" I"a"`},
		{`*a***`, `I"a" "**"`},
		{`*a**b*`, `I"a**b"`},
		{`**a*b**`, `B"a*b"`},
		{`*a**b**c*`, `I"a" BI"b" I"c"`},
		{`**a*b*c**`, `B"a" BI"b" B"c"`},
		{`*a* *b*`, `I"a" " " I"b"`},
		{`*a**b**`, `"*a" B"b"`},
		{`***a* b**`, `BI"a" B" b"`},
	}},
	{"escapes", []specCase{
		{`\*not italic\*`, `"*not italic*"`},
		// The escaped '*' keeps the next one from being whitespace-led, so that
		// one can both open and close, and the rule of three stops it pairing
		// with "**": nothing matches.
		{`\**not bold**`, `"**not bold**"`},
		{`\\`, `"\\"`},
		{`\\*a*`, `"\\" I"a"`},
		{`\[not a link](https://x)`, `"[not a link](https://x)"`},
		{`[a\]b](https://x)`, `L(https://x)"a]b"`},
		{`\{phone\}`, `"{phone}"`},
		{`\{nope}`, `ERR offset 6: unmatched '}': write }} for a literal brace`},
		{`C:\Temp \n \(`, `"C:\\Temp \\n \\("`},
		{`trailing \`, `"trailing \\"`},
		{`*a\*`, `"*a*"`},
		{`\`, `"\\"`},
	}},
	{"links", []specCase{
		{`[link text](https://example.org)`, `L(https://example.org)"link text"`},
		{`see [the site](https://x.org) now`, `"see " L(https://x.org)"the site" " now"`},
		{`[the **big** site](https://x.org)`, `L(https://x.org)"the " BL(https://x.org)"big" L(https://x.org)" site"`},
		{`[*all*](https://x)`, `IL(https://x)"all"`},
		{`**[bold link](https://x)**`, `BL(https://x)"bold link"`},
		{`**see [here](https://x) now**`, `B"see " BL(https://x)"here" B" now"`},
		{`[wiki](https://en.wikipedia.org/wiki/Milk_(food))`, `L(https://en.wikipedia.org/wiki/Milk_(food))"wiki"`},
		{`[a](https://x)(more)`, `L(https://x)"a" "(more)"`},
		{`[a](https://x)[b](https://x)`, `L(https://x)"ab"`},
		{`[a](https://x)[b](https://y)`, `L(https://x)"a" L(https://y)"b"`},
		{"[two\nlines](https://x)", `L(https://x)"two\nlines"`},
		{`[{phone}](tel:5551234)`, `L(tel:5551234)P{phone}`},
		{`[call {phone}](tel:x)`, `L(tel:x)"call " L(tel:x)P{phone}`},
		{`[a](u{x})`, `L(u{x})"a"`},
		{`[a](https://x?q=\*)`, `L(https://x?q=\*)"a"`},
	}},
	{"brackets that form no link print as written", []specCase{
		{`[a]`, `"[a]"`},
		{`[a] (https://x)`, `"[a] (https://x)"`},
		{`[a](https://x`, `"[a](https://x"`},
		{`[a]()`, `"[a]()"`},
		{`[a](has space)`, `"[a](has space)"`},
		{"[a](x\ny)", `"[a](x\ny)"`},
		{"[a](x\u00a0y)", `"[a](x\u00a0y)"`},
		{`[a](x(y)`, `"[a](x(y)"`},
		{`[](https://x)`, `"[](https://x)"`},
		{`](x)`, `"](x)"`},
		{`[`, `"["`},
		{`]`, `"]"`},
		{`[[]]`, `"[[]]"`},
		{`[a *b](https://x)*`, `L(https://x)"a *b" "*"`},
		{`*[a*](https://x)`, `"*" L(https://x)"a*"`},
		{`[a [b](https://x) c](https://y)`, `"[a " L(https://x)"b" " c](https://y)"`},
		{`[a[b](https://x)`, `"[a" L(https://x)"b"`},
		{`[[b](https://x)](https://y)`, `"[" L(https://x)"b" "](https://y)"`},
		{`[a]({phone})x`, `L({phone})"a" "x"`},
		{`[a] ({phone})`, `"[a] (" P{phone} ")"`},
	}},
	{"placeholders", []specCase{
		{`{phone}`, `P{phone}`},
		{`Call {phone} now.`, `"Call " P{phone} " now."`},
		{`{department}, {name}. {phone}.`, `P{department} ", " P{name} ". " P{phone} "."`},
		{`{site_name} {email2}`, `P{site_name} " " P{email2}`},
		{`{phone}{phone}`, `P{phone} P{phone}`},
		{`**{phone}**`, `BP{phone}`},
		{`*call {phone}*`, `I"call " IP{phone}`},
		{`**call *{phone}* now**`, `B"call " BIP{phone} B" now"`},
	}},
	{"literal braces", []specCase{
		{`{{`, `"{"`},
		{`}}`, `"}"`},
		{`{{phone}}`, `"{phone}"`},
		{`{{{phone}`, `"{" P{phone}`},
		{`{phone}}}`, `P{phone} "}"`},
		{`{{time, left or right side, minutes}}`, `"{time, left or right side, minutes}"`},
		{`a {{ b }} c`, `"a { b } c"`},
		{`**{{**`, `B"{"`},
	}},
	{"brace errors", []specCase{
		{`{nope}`, `ERR offset 0: unknown placeholder {nope}`},
		{`**Call {phnoe}**`, `ERR offset 7: unknown placeholder {phnoe}`},
		{`{`, `ERR offset 0: unmatched '{': write {{ for a literal brace`},
		{`}`, `ERR offset 0: unmatched '}': write }} for a literal brace`},
		{`a } b`, `ERR offset 2: unmatched '}': write }} for a literal brace`},
		{`{phone`, `ERR offset 0: unmatched '{': write {{ for a literal brace`},
		{`{{phone}`, `ERR offset 7: unmatched '}': write }} for a literal brace`},
		{`}}}`, `ERR offset 2: unmatched '}': write }} for a literal brace`},
		{`{}`, `ERR offset 0: unmatched '{': write {{ for a literal brace (a placeholder name is lowercase letters, digits and _, starting with a letter)`},
		{`{2x}`, `ERR offset 0: unmatched '{': write {{ for a literal brace (a placeholder name is lowercase letters, digits and _, starting with a letter)`},
		{`x {Phone}`, `ERR offset 2: unmatched '{': write {{ for a literal brace (did you mean {phone}?)`},
		{`{ phone }`, `ERR offset 0: unmatched '{': write {{ for a literal brace (did you mean {phone}?)`},
		{`{Site Name}`, `ERR offset 0: unmatched '{': write {{ for a literal brace (did you mean {site_name}?)`},
		{`{Zip Code}`, `ERR offset 0: unmatched '{': write {{ for a literal brace (a placeholder name is lowercase letters, digits and _, starting with a letter)`},
		{"{phone\n}", `ERR offset 0: unmatched '{': write {{ for a literal brace`},
		{`Größe {x}`, `ERR offset 8: unknown placeholder {x}`},
		{`[a](https://x) }`, `ERR offset 15: unmatched '}': write }} for a literal brace`},
	}},
}

func TestSpec(t *testing.T) {
	for _, sec := range spec {
		for _, c := range sec.cases {
			if got := outcome(c.in, false); got != c.want {
				t.Errorf("%s: %q\n got: %s\nwant: %s", sec.section, c.in, got, c.want)
			}
		}
	}
}

// TestOffsets pins where each span's text starts in the source.
func TestOffsets(t *testing.T) {
	cases := []specCase{
		{`ab **cd** e`, `"ab "@0 B"cd"@5 " e"@9`},
		{`\*x {phone}`, `"*x "@0 P{phone}@4`},
		{`a \* b`, `"a * b"@0`},
		{`**a*`, `"*"@0 I"a"@2`},
		{`*a**`, `I"a"@1 "*"@3`},
		{`***a*`, `"**"@0 I"a"@3`},
		{`*a***`, `I"a"@1 "**"@3`},
		{`x [ab](https://x) y`, `"x "@0 L(https://x)"ab"@3 " y"@17`},
		{`[a](u)[b](u)`, `L(u)"ab"@1`},
		{`é **ü** {{`, `"é "@0 B"ü"@5 " {"@9`},
		{`{{a}}`, `"{a}"@0`},
	}
	for _, c := range cases {
		if got := outcome(c.in, true); got != c.want {
			t.Errorf("%q\n got: %s\nwant: %s", c.in, got, c.want)
		}
	}
}
