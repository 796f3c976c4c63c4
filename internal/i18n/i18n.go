// Package i18n holds the words the renderer adds itself (page numbers,
// credit labels, the default footer) and the usual date form per language.
package i18n

import (
	"fmt"
	"strings"
	"time"
)

// Strings is one language's set of renderer words.
type Strings struct {
	Lang         string // the language these strings are in
	page         string // "Page %d of %d"
	WrittenBy    string
	ReviewedBy   string
	PublishedBy  string
	LastModified string
	LastReviewed string
	// FooterText is the default footer when a site sets none; it may use
	// the site placeholders.
	FooterText string
	// Generic fills placeholders when rendering without a site, so a
	// leaflet still reads naturally ("call your care team").
	Generic map[string]string
	months  [12]string
	date    func(d time.Time, months [12]string) string
}

// PageOf returns "Page n of total".
func (s *Strings) PageOf(n, total int) string { return fmt.Sprintf(s.page, n, total) }

// Date formats a calendar date the way the language usually writes it.
func (s *Strings) Date(d time.Time) string { return s.date(d, s.months) }

var english = Strings{
	Lang:         "en",
	page:         "Page %d of %d",
	WrittenBy:    "Written by",
	ReviewedBy:   "Reviewed by",
	PublishedBy:  "Published by",
	LastModified: "Last modified",
	LastReviewed: "Last reviewed",
	FooterText:   "Questions? Call {name} at {phone}.",
	Generic: map[string]string{
		"name": "your care team", "department": "your care team",
		"phone": "your clinic's phone number", "address": "your clinic",
		"website": "your clinic's website",
	},
	months: [12]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"},
	date: func(d time.Time, m [12]string) string {
		return fmt.Sprintf("%s %d, %d", m[d.Month()-1], d.Day(), d.Year())
	},
}

var spanish = Strings{
	Lang:         "es",
	page:         "Página %d de %d",
	WrittenBy:    "Escrito por",
	ReviewedBy:   "Revisado por",
	PublishedBy:  "Publicado por",
	LastModified: "Última modificación",
	LastReviewed: "Última revisión",
	FooterText:   "¿Preguntas? Llame a {name} al {phone}.",
	Generic: map[string]string{
		"name": "su equipo de atención", "department": "su equipo de atención",
		"phone": "el teléfono de su clínica", "address": "su clínica",
		"website": "el sitio web de su clínica",
	},
	months: [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
		"agosto", "septiembre", "octubre", "noviembre", "diciembre"},
	date: func(d time.Time, m [12]string) string {
		return fmt.Sprintf("%d de %s de %d", d.Day(), m[d.Month()-1], d.Year())
	},
}

// For returns the strings for a BCP 47 tag, matching on the primary
// language ("es-MX" uses Spanish). ok is false when the language is not
// supported and English is returned instead.
func For(tag string) (s *Strings, ok bool) {
	primary, _, _ := strings.Cut(strings.ToLower(tag), "-")
	switch primary {
	case "en":
		return &english, true
	case "es":
		return &spanish, true
	}
	return &english, false
}

// Supported lists the languages with their own strings.
func Supported() []string { return []string{"en", "es"} }
