package i18n

import (
	"testing"
	"time"
)

func TestDatesAndPages(t *testing.T) {
	d := time.Date(2009, 1, 9, 0, 0, 0, 0, time.UTC)
	cases := []struct{ tag, date, page string }{
		{"en", "January 9, 2009", "Page 2 of 3"},
		{"en-US", "January 9, 2009", "Page 2 of 3"},
		{"es", "9 de enero de 2009", "Página 2 de 3"},
		{"es-MX", "9 de enero de 2009", "Página 2 de 3"},
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

func TestUnknownLanguageFallsBackToEnglish(t *testing.T) {
	s, ok := For("fr")
	if ok || s.Lang != "en" {
		t.Fatalf("For(fr) = %s, %v; want English fallback with ok=false", s.Lang, ok)
	}
}
