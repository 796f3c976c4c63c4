package check

import (
	"fmt"

	"handout/internal/source"
	"handout/internal/validate"
)

// Severity says how much a finding matters.
type Severity int

// Severities, from most to least serious.
const (
	// Error is something rendering rejects or a patient must never get.
	Error Severity = iota
	// Warning makes a handout harder to use; --strict fails on it.
	Warning
	// Hint is a suggestion that never fails a check.
	Hint
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "hint"
}

// Finding is one problem, tied to the place that causes it.
type Finding struct {
	Severity Severity
	Pos      source.Pos
	Code     string // stable identifier of the check, e.g. "reading-level"
	Message  string
	Hint     string // what to do about it, when the message does not say
	// Related points at what explains the finding, such as the sentences
	// that raise a reading level most.
	Related []Related
}

// Related is a place that explains a finding.
type Related struct {
	Pos     source.Pos
	Message string
}

// String formats the finding as one line: path:line:col: severity: message.
func (f Finding) String() string {
	s := fmt.Sprintf("%s: %s: %s", f.Pos, f.Severity, f.Message)
	if f.Hint != "" {
		s += " (" + f.Hint + ")"
	}
	return s
}

// The codes of the checks; docs/check.md describes each.
const (
	CodeInvalid         = "invalid"                        // the loader rejects the file
	CodeGlyph           = string(validate.RuleGlyph)       // a character no font can draw
	CodePlaceholder     = string(validate.RulePlaceholder) // a placeholder the site has no value for
	CodeImage           = string(validate.RuleImage)       // an image that is missing or unreadable
	CodeLayout          = "layout"                         // the leaflet cannot be laid out in the layout (too long for a trifold, a table row taller than a page)
	CodeAltMissing      = string(validate.RuleAltMissing)  // an image without a description
	CodeFutureDate      = string(validate.RuleFutureDate)  // last_reviewed or last_modified after today
	CodeSafeZone        = "safe-zone"                      // text inside the trim safe zone
	CodeReadingLevel    = "reading-level"                  // above the target grade
	CodeReviewMissing   = "review-missing"                 // no last_reviewed date
	CodeReviewOverdue   = "review-overdue"                 // last reviewed longer ago than the review period
	CodeLongSentence    = "long-sentence"                  // over 25 words
	CodeLongParagraph   = "long-paragraph"                 // over 6 sentences
	CodeEmphasis        = "emphasis"                       // too much bold or italic
	CodeAltText         = "alt-text"                       // alt text that describes nothing
	CodeSmallText       = "small-text"                     // body text under 12 pt
	CodeContrast        = "contrast"                       // accent color under 4.5:1 against the page
	CodeImageResolution = "image-resolution"               // under 150 ppi at its printed size
	CodeNoPhone         = "no-phone"                       // a site without a phone number
	CodeLanguage        = "language"                       // a language without renderer words or readability formulas
	CodeCallForHelp     = "call-for-help"                  // never says when to call for help
	CodeBilingual       = "bilingual"                      // a translation that does not pair with its leaflet (render --with)
	CodeURL             = "url"                            // a leaflet url that is not a usable https address
)
