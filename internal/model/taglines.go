package model

import "handout/internal/source"

// DefaultTaglines is what a site's `taglines: true` stands for: the 15
// languages other than English most often spoken in the United States by
// people who speak English less than very well, as in the U.S. Department
// of Health and Human Services' national list for Section 1557 notices
// (Chinese is written in traditional characters, as most of its US readers
// learned it). docs/site.md lists them.
var DefaultTaglines = []string{
	"es", "zh-Hant", "vi", "ko", "tl", "ru", "ar", "ht", "fr", "pl", "pt", "it", "de", "ja", "fa",
}

// Taglines is a site's language-assistance notice: the languages to print
// a line for, in order, and the lines the site words itself.
type Taglines struct {
	Langs []string
	// Pos holds where each language was named (for `taglines: true`, the
	// position of that value, for all of them).
	Pos []source.Pos
	// Text replaces the built-in line of a language, keyed by the tag as
	// written in Langs. {phone} and {tty} are replaced by the site's.
	Text map[string]string
	// TextPos holds where each replacement was written.
	TextPos map[string]source.Pos
}
