// Package i18n holds the words the renderer adds itself (page numbers,
// credit labels, the default footer, the fillers for placeholders without a
// site, dates, the "continued" markers of split boxes and the language-help
// tagline), one data file per language under locales/.
package i18n

import (
	"strconv"
	"strings"
	"time"
)

// Strings is one language's set of renderer words. A *Strings is never
// shared between callers of For, so one caller's overrides cannot reach
// another.
type Strings struct {
	Lang        string // the locale's BCP 47 tag, as its file is named ("zh-Hant")
	Name        string // the language's name in itself ("Tiếng Việt")
	EnglishName string // its name in English, for messages and docs
	Direction   string // "ltr" or "rtl"

	WrittenBy    string
	ReviewedBy   string
	PublishedBy  string
	LastModified string
	LastReviewed string
	// FooterText is the default footer when a site sets none; it may use
	// the site placeholders.
	FooterText string
	// Generic fills placeholders when rendering without a site, so a
	// leaflet still reads naturally ("call your care team"). Each filler is
	// written to fit the way the language's leaflets write that
	// placeholder (see docs/languages.md).
	Generic map[string]string
	// Continued marks the part of a split box on the next page;
	// ContinuedNext ends the part before the break.
	Continued     string
	ContinuedNext string
	// CallWords are words that tell a reader to get in touch ("call",
	// "emergency"), for check.
	CallWords []string

	page       string // "Page {n} of {total}"
	months     [12]string
	date       string // "{month} {day}, {year}"
	tagline    string // "... Call {phone}."
	taglineTTY string // "... Call {phone} (TTY: {tty})."
}

// PageOf returns "Page n of total" in the language.
func (s *Strings) PageOf(n, total int) string {
	return strings.NewReplacer("{n}", strconv.Itoa(n), "{total}", strconv.Itoa(total)).Replace(s.page)
}

// Date formats a calendar date the way the language usually writes it.
func (s *Strings) Date(d time.Time) string {
	return strings.NewReplacer("{day}", strconv.Itoa(d.Day()), "{month}", s.months[d.Month()-1],
		"{year}", strconv.Itoa(d.Year())).Replace(s.date)
}

// Month returns the name of a month as Date uses it (in some languages a
// genitive form, "января").
func (s *Strings) Month(m time.Month) string { return s.months[m-1] }

// Tagline returns the language-assistance sentence ("free language help is
// available; call ...") with the phone number, and the TTY number when tty
// is not "".
func (s *Strings) Tagline(phone, tty string) string {
	t := s.tagline
	if tty != "" {
		t = s.taglineTTY
	}
	return strings.NewReplacer("{phone}", phone, "{tty}", tty).Replace(t)
}

// RightToLeft reports whether the language is written right to left.
func (s *Strings) RightToLeft() bool { return s.Direction == "rtl" }

// clone returns a copy that shares nothing mutable with s.
func (s *Strings) clone() *Strings {
	c := *s
	c.Generic = make(map[string]string, len(s.Generic))
	for k, v := range s.Generic {
		c.Generic[k] = v
	}
	c.CallWords = append([]string(nil), s.CallWords...)
	return &c
}
