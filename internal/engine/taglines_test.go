package engine

import (
	"strings"
	"testing"

	"handout/internal/font"
	"handout/internal/model"
	"handout/internal/source"
)

type fakeWords struct {
	line string
	rtl  bool
}

func (f fakeWords) Tagline(phone, tty string) string {
	s := strings.ReplaceAll(f.line, "{phone}", phone)
	if tty != "" {
		s += " TTY " + tty
	}
	return s
}
func (f fakeWords) RightToLeft() bool { return f.rtl }

func fakeLocales(tag string) (taglineWords, bool) {
	switch tag {
	case "es":
		return fakeWords{line: "Llame al {phone}."}, true
	case "ar":
		return fakeWords{line: "Ittasil {phone}", rtl: true}, true
	case "zh":
		return fakeWords{line: "請致電 {phone}"}, true
	}
	return fakeWords{line: "Call {phone}."}, false
}

func TestTaglinesFromSite(t *testing.T) {
	s := &model.Site{Name: "Clinic", Phone: "555-0100", TTY: "711", Taglines: model.Taglines{
		Langs:   []string{"es", "xx"},
		Pos:     []source.Pos{{Line: 1}, {Line: 3}},
		Text:    map[string]string{"xx": "Xx {phone} xx."},
		TextPos: map[string]source.Pos{"xx": {Line: 9}},
	}}
	tl, err := taglines(s, fakeLocales, setFor(t))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"es: Llame al 555-0100. TTY 711", "xx: Xx 555-0100 xx."}
	for i, l := range tl.Lines {
		got := l.Lang + ": " + l.Text
		if l.RTL {
			got += " rtl"
		}
		if got != want[i] {
			t.Errorf("line %d: %q, want %q", i, got, want[i])
		}
	}
	if !strings.HasPrefix(tl.Nondiscrimination.Text, "Clinic follows") || tl.Nondiscrimination.Lang != "en" {
		t.Errorf("nondiscrimination sentence %+v", tl.Nondiscrimination)
	}

	s.Taglines.Text = map[string]string{"es": "Sin número."}
	s.Taglines.TextPos = map[string]source.Pos{"es": {Line: 7}}
	_, err = taglines(s, fakeLocales, setFor(t))
	if err == nil || !strings.Contains(err.Error(), ":7: the tagline for es does not give the phone number") ||
		!strings.Contains(err.Error(), "no built-in tagline for xx") {
		t.Errorf("want errors for a line without the phone and a language without a line, got %v", err)
	}
}

// setFor gives every language the same set: Noto Sans alone.
func setFor(t *testing.T) func(string) (*font.Set, error) {
	fam, err := font.LoadNotoSans()
	if err != nil {
		t.Fatal(err)
	}
	set := font.NewSet(fam)
	return func(string) (*font.Set, error) { return set, nil }
}

// TestTaglineUndrawable: a line in a script the fonts lack is one error
// naming the language, not one per character.
func TestTaglineUndrawable(t *testing.T) {
	s := &model.Site{Name: "Clinic", Phone: "555-0100", Taglines: model.Taglines{
		Langs: []string{"zh"}, Pos: []source.Pos{{File: "site.yaml", Line: 4, Col: 11}},
	}}
	_, err := taglines(s, fakeLocales, setFor(t))
	if err == nil || len(source.Lines(err)) != 1 || !strings.Contains(err.Error(), "site.yaml:4:11: the tagline for zh cannot be drawn: 3 of its characters (first: U+8ACB 請, Han script)") {
		t.Errorf("want one error for the Chinese line, got %v", err)
	}
}

// TestTaglineRightToLeft: a right-to-left language's line is kept, marked
// right to left, with the phone and TTY numbers as the stretches that
// read left to right.
func TestTaglineRightToLeft(t *testing.T) {
	s := &model.Site{Name: "Clinic", Phone: "(503) 555-0100", TTY: "711", Taglines: model.Taglines{
		Langs: []string{"ar", "es"}, Pos: []source.Pos{{File: "site.yaml", Line: 4, Col: 15}, {File: "site.yaml", Line: 4, Col: 19}},
	}}
	tl, err := taglines(s, fakeLocales, setFor(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(tl.Lines) != 2 || !tl.Lines[0].RTL || tl.Lines[1].RTL {
		t.Fatalf("want the Arabic line right to left and the Spanish one not, got %+v", tl.Lines)
	}
	if got := strings.Join(tl.Lines[0].LTR, "|"); got != "(503) 555-0100|711" {
		t.Errorf("left-to-right stretches %q, want the phone and TTY numbers", got)
	}
	if tl.Lines[0].Fonts == nil {
		t.Errorf("the line has no fonts of its own")
	}
}
