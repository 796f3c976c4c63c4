package i18n

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"handout/internal/model"
)

// baseline is every language issue 10 asks for, plus English.
var baseline = []string{"en", "es", "zh-Hans", "zh-Hant", "vi", "ko", "tl", "ru", "ar", "ht", "pt", "fr",
	"pl", "ja", "hi", "fa", "ur", "bn", "gu", "pa", "hy", "km", "am", "ne", "so"}

func TestEveryBaselineLanguageHasALocale(t *testing.T) {
	got := Supported()
	for _, tag := range baseline {
		if !slices.Contains(got, tag) {
			t.Errorf("no locale for %s", tag)
		}
	}
	if got[0] != "en" {
		t.Errorf("Supported()[0] = %s, want en", got[0])
	}
}

// keys returns the dotted keys of a YAML mapping, recursively.
func keys(t *testing.T, data []byte) []string {
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(prefix string, m *yaml.Node)
	walk = func(prefix string, m *yaml.Node) {
		for i := 0; i+1 < len(m.Content); i += 2 {
			k, v := prefix+m.Content[i].Value, m.Content[i+1]
			out = append(out, k)
			if v.Kind == yaml.MappingNode {
				walk(k+".", v)
			}
		}
	}
	walk("", n.Content[0])
	slices.Sort(out)
	return out
}

func TestEveryLocaleHasEveryKey(t *testing.T) {
	ref, err := localeFiles.ReadFile("locales/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := keys(t, ref)
	for _, tag := range Supported() {
		data, err := localeFiles.ReadFile("locales/" + tag + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		if got := keys(t, data); !slices.Equal(got, want) {
			t.Errorf("%s.yaml keys differ from en.yaml:\n got %v\nwant %v", tag, got, want)
		}
		if _, err := loadLocale(tag); err != nil {
			t.Error(err)
		}
	}
}

func TestFillersAreThePlaceholders(t *testing.T) {
	if !slices.Equal(fillerNames[:], model.PlaceholderNames) {
		t.Fatalf("fillerNames %v != model.PlaceholderNames %v", fillerNames, model.PlaceholderNames)
	}
}

func TestALocaleMissingAWordIsRejected(t *testing.T) {
	var l locale
	if err := yaml.Unmarshal([]byte("language: xx\ndirection: ltr\nname: X\nenglish_name: X\n"), &l); err != nil {
		t.Fatal(err)
	}
	if err := l.complete("xx"); err == nil || !strings.Contains(err.Error(), "fillers") {
		t.Fatalf("complete() = %v, want a missing fillers error", err)
	}
	if err := checkWord(words[0], "Seite"); err == nil {
		t.Fatal(`page "Seite" without {n} was accepted`)
	}
}

// englishWords are the renderer's English words; none may appear in
// another language's words. "Page" is also French, so fr is exempt from
// that one word.
var englishWords = regexp.MustCompile(`\b(Page|Written by|Reviewed by|Published by|Last reviewed|Last modified|Questions\? Call|continued|your clinic|your care team|January|February|March|April|June|July|August|September|October|November|December)\b`)

func TestNoEnglishInOtherLocales(t *testing.T) {
	d := time.Date(2025, 5, 10, 0, 0, 0, 0, time.UTC)
	for _, tag := range Supported() {
		if tag == "en" {
			continue
		}
		s, ok := For(tag)
		if !ok || s.Lang != tag {
			t.Fatalf("For(%s) = %s, %v", tag, s.Lang, ok)
		}
		texts := []string{s.PageOf(1, 2), s.WrittenBy, s.ReviewedBy, s.PublishedBy, s.LastModified, s.LastReviewed,
			s.FooterText, s.Date(d), s.Continued, s.ContinuedNext, s.Tagline("555-0100", "711")}
		for m := time.January; m <= time.December; m++ {
			texts = append(texts, s.Month(m))
		}
		for _, v := range s.Generic {
			texts = append(texts, v)
		}
		for _, text := range texts {
			found := englishWords.FindString(text)
			if found != "" && !(tag == "fr" && found == "Page") {
				t.Errorf("%s: English %q in %q", tag, found, text)
			}
		}
	}
}

func TestDatesAndPages(t *testing.T) {
	d := time.Date(2009, 1, 9, 0, 0, 0, 0, time.UTC)
	cases := []struct{ tag, date, page string }{
		{"en", "January 9, 2009", "Page 2 of 3"},
		{"en-US", "January 9, 2009", "Page 2 of 3"},
		{"es", "9 de enero de 2009", "Página 2 de 3"},
		{"es-MX", "9 de enero de 2009", "Página 2 de 3"},
		{"vi", "ngày 9 tháng 1 năm 2009", "Trang 2/3"},
		{"zh-Hans", "2009年1月9日", "第2页，共3页"},
		{"ko", "2009년 1월 9일", "3쪽 중 2쪽"},
		{"ru", "9 января 2009 г.", "Страница 2 из 3"},
		{"hy", "2009 թ. հունվարի 9", "Էջ 2 / 3"},
		{"km", "ថ្ងៃទី9 ខែមករា ឆ្នាំ2009", "ទំព័រ 2 នៃ 3"},
	}
	for _, c := range cases {
		s, ok := For(c.tag)
		if !ok {
			t.Fatalf("%s: not supported", c.tag)
		}
		if got := s.Date(d); got != c.date {
			t.Errorf("%s: Date = %q, want %q", c.tag, got, c.date)
		}
		if got := s.PageOf(2, 3); got != c.page {
			t.Errorf("%s: PageOf = %q, want %q", c.tag, got, c.page)
		}
	}
}

func TestBCP47Matching(t *testing.T) {
	cases := map[string]string{
		"pt-BR": "pt", "pt-PT": "pt", "zh-TW": "zh-Hant", "zh-HK": "zh-Hant", "zh-Hant": "zh-Hant",
		"zh": "zh-Hans", "zh-CN": "zh-Hans", "zh-Hans-SG": "zh-Hans", "es-419": "es", "es-MX": "es",
		"fil": "tl", "tl": "tl", "fr-CA": "fr", "en-GB": "en", "ar-EG": "ar", "fa-IR": "fa", "pa-Guru": "pa",
		"ko-KR": "ko", "ja-JP": "ja", "vi-VN": "vi", "ht": "ht", "so-SO": "so",
	}
	for tag, want := range cases {
		got, ok := Match(tag)
		if !ok || got != want {
			t.Errorf("Match(%q) = %q, %v; want %q", tag, got, ok, want)
		}
	}
	for _, tag := range []string{"de", "sw", "yi", "not a tag", ""} {
		if got, ok := Match(tag); ok {
			t.Errorf("Match(%q) = %q, true; want no locale", tag, got)
		}
	}
	s, ok := For("de")
	if ok || s.Lang != "en" {
		t.Fatalf("For(de) = %s, %v; want English fallback with ok=false", s.Lang, ok)
	}
}

// The Spanish fillers fit after "a", "al", "de", "del" and "en" without
// a doubled article ("al el", "de el"), in the footer and the way the
// sample leaflets write them.
func TestSpanishFillersDoNotDoubleArticles(t *testing.T) {
	s, _ := For("es")
	fill := func(text string) string {
		for name, v := range s.Generic {
			text = strings.ReplaceAll(text, "{"+name+"}", v)
		}
		return text
	}
	bad := regexp.MustCompile(`(?:^|\s)(?:(?:al|del|a|de) (?:el|al|del)|en (?:al|del))(?:\s|$)`)
	for _, text := range []string{s.FooterText, "llame a {department} al {phone}", "visite {website}",
		"en {website}", "vaya a {address}", "el personal de {department}, {name}", "llame al {phone}"} {
		if got := fill(text); bad.MatchString(got) || strings.Contains(got, "{") {
			t.Errorf("%q fills as %q", text, got)
		}
	}
	if got := fill("Llame al {phone}."); got != "Llame al número de teléfono de su clínica." {
		t.Errorf("al {phone} = %q", got)
	}
}

func TestTagline(t *testing.T) {
	for _, tag := range Supported() {
		s, _ := For(tag)
		plain, tty := s.Tagline("1-800-555-0100", ""), s.Tagline("1-800-555-0100", "711")
		if !strings.Contains(plain, "1-800-555-0100") || strings.Contains(plain, "711") || strings.Contains(plain, "{") {
			t.Errorf("%s: Tagline = %q", tag, plain)
		}
		if !strings.Contains(tty, "1-800-555-0100") || !strings.Contains(tty, "711") {
			t.Errorf("%s: TTY tagline = %q", tag, tty)
		}
	}
}

func TestDirection(t *testing.T) {
	for _, tag := range Supported() {
		s, _ := For(tag)
		rtl := tag == "ar" || tag == "fa" || tag == "ur"
		if s.RightToLeft() != rtl {
			t.Errorf("%s: RightToLeft = %v", tag, s.RightToLeft())
		}
	}
}

func TestWithOverrides(t *testing.T) {
	s, _ := For("es")
	o, err := s.With(map[string]string{"page": "Pág. {n}/{total}", "written_by": "Autoría",
		"months": "ene, feb, mar, abr, may, jun, jul, ago, sep, oct, nov, dic"})
	if err != nil {
		t.Fatal(err)
	}
	if o.PageOf(1, 2) != "Pág. 1/2" || o.WrittenBy != "Autoría" || o.Date(time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)) != "5 de mar de 2024" {
		t.Errorf("override not applied: %q %q", o.PageOf(1, 2), o.WrittenBy)
	}
	if s.PageOf(1, 2) != "Página 1 de 2" {
		t.Error("With changed the original")
	}
	for _, bad := range []map[string]string{{"pgae": "x"}, {"page": "Pág."}, {"months": "a, b"}, {"tagline": "Llame"}} {
		if _, err := s.With(bad); err == nil {
			t.Errorf("With(%v) gave no error", bad)
		}
	}
}

func TestLocaleFilesAreNFC(t *testing.T) {
	// decomposed accents print beside their letters; the data must be NFC
	for _, tag := range Supported() {
		data, _ := localeFiles.ReadFile("locales/" + tag + ".yaml")
		if !bytes.Equal(data, nfc(data)) {
			t.Errorf("%s.yaml is not NFC", tag)
		}
	}
}

func nfc(b []byte) []byte { return norm.NFC.Bytes(b) }

func TestLocalesReadsEachFileOnce(t *testing.T) {
	l := NewLocales()
	a, _ := l.For("vi")
	b, _ := l.For("vi-VN")
	if a == b {
		t.Error("For returned the same *Strings twice; callers could change each other's words")
	}
	if l.entries["vi"].s == nil || l.entries["ko"].s != nil {
		t.Error("Locales read the wrong files")
	}
	a.Generic["phone"] = "changed"
	if c, _ := l.For("vi"); c.Generic["phone"] == "changed" {
		t.Error("a caller's change reached the cache")
	}
}
