package typo

import (
	"strings"
	"testing"
)

func TestQuotes(t *testing.T) {
	tests := []struct {
		lang string
		in   []string // runs of one paragraph
		want string
	}{
		{"en", []string{`Don't wait.`}, "Don\u2019t wait."},
		{"en", []string{`She said "rest" and 'drink water'.`}, "She said \u201crest\u201d and \u2018drink water\u2019."},
		{"en", []string{`the patients' rooms`}, "the patients\u2019 rooms"},
		{"en", []string{`back in the '90s`}, "back in the \u201990s"},
		{"en", []string{`"`, `Call us`, `" if unsure.`}, "\u201cCall us\u201d if unsure."},
		{"en", []string{`("quoted")`}, "(\u201cquoted\u201d)"},
		{"en-US", []string{`"It's fine," she said.`}, "\u201cIt\u2019s fine,\u201d she said."},
		{"fr", []string{`Il a dit "repos" et l'eau.`}, "Il a dit \u00ab\u202frepos\u202f\u00bb et l\u2019eau."},
		{"ru", []string{`Он сказал "отдых".`}, "Он сказал \u00abотдых\u00bb."},
		{"pl", []string{`Powiedział "odpoczynek".`}, "Powiedział \u201eodpoczynek\u201d."},
		{"ja", []string{`「」ではなく"休む"と`}, "「」ではなく\u300c休む\u300dと"},
		{"es-MX", []string{`Diga "sí".`}, "Diga \u201csí\u201d."},
		{"en", []string{`no quotes at all`}, "no quotes at all"},
	}
	for _, tc := range tests {
		got := ""
		for _, r := range Convert(MarksFor(tc.lang), tc.in, nil) {
			got += r
		}
		if got != tc.want {
			t.Errorf("%s %q:\n got %q\nwant %q", tc.lang, tc.in, got, tc.want)
		}
	}
}

// A literal run (a placeholder's value) is not converted, but what
// follows it knows it ended in a quote.
func TestSkip(t *testing.T) {
	runs := Convert(MarksFor("en"), []string{`Call `, `"Riverside"`, `'s desk`}, []bool{false, true, false})
	got := runs[0] + runs[1] + runs[2]
	if want := "Call \"Riverside\"\u2019s desk"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func FuzzConvert(f *testing.F) {
	f.Add("en", `"a 'b' c" d's`)
	f.Fuzz(func(t *testing.T, lang, s string) {
		out := String(MarksFor(lang), s)
		if strings.Count(out, "") < strings.Count(s, "") {
			t.Fatalf("lost characters of %q: %q", s, out)
		}
	})
}
