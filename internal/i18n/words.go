package i18n

import (
	"fmt"
	"sort"
	"strings"
)

// word is one renderer word a locale must give and a site may override:
// its key in the files and the tokens its value must hold.
type word struct {
	key   string
	need  []string
	field func(*Strings) *string
}

// words lists the single-string renderer words. Fillers, months and
// check's call words are lists or maps, checked on their own.
var words = [...]word{
	{"page", []string{"{n}"}, func(s *Strings) *string { return &s.page }},
	{"written_by", nil, func(s *Strings) *string { return &s.WrittenBy }},
	{"reviewed_by", nil, func(s *Strings) *string { return &s.ReviewedBy }},
	{"published_by", nil, func(s *Strings) *string { return &s.PublishedBy }},
	{"last_modified", nil, func(s *Strings) *string { return &s.LastModified }},
	{"last_reviewed", nil, func(s *Strings) *string { return &s.LastReviewed }},
	{"footer", nil, func(s *Strings) *string { return &s.FooterText }},
	{"date", []string{"{day}", "{month}", "{year}"}, func(s *Strings) *string { return &s.date }},
	{"continued", nil, func(s *Strings) *string { return &s.Continued }},
	{"continued_next", nil, func(s *Strings) *string { return &s.ContinuedNext }},
	{"tagline", []string{"{phone}"}, func(s *Strings) *string { return &s.tagline }},
	{"tagline_tty", []string{"{phone}", "{tty}"}, func(s *Strings) *string { return &s.taglineTTY }},
}

func checkWord(w word, v string) error {
	if strings.TrimSpace(v) == "" {
		return fmt.Errorf("%s is missing", w.key)
	}
	for _, tok := range w.need {
		if !strings.Contains(v, tok) {
			return fmt.Errorf("%s %q does not hold %s", w.key, v, tok)
		}
	}
	return nil
}

// WordKeys lists the renderer words a site may override, sorted: every
// single-string word of a locale file, and "months".
func WordKeys() []string {
	keys := []string{"months"}
	for _, w := range words {
		keys = append(keys, w.key)
	}
	sort.Strings(keys)
	return keys
}

// With returns a copy of s with some words replaced, as a site's words:
// section gives them. Keys are those of WordKeys; "months" is the twelve
// names separated by commas. s itself is not changed.
func (s *Strings) With(overrides map[string]string) (*Strings, error) {
	c := s.clone()
	keys := make([]string, 0, len(overrides))
	for k := range overrides {
		keys = append(keys, k)
	}
	sort.Strings(keys) // the first error is the same on every run
	for _, k := range keys {
		v := overrides[k]
		if k == "months" {
			names := strings.Split(v, ",")
			if len(names) != 12 {
				return nil, fmt.Errorf("months: %d names, want 12 separated by commas", len(names))
			}
			for i, n := range names {
				c.months[i] = strings.TrimSpace(n)
			}
			continue
		}
		w, ok := wordFor(k)
		if !ok {
			return nil, fmt.Errorf("%s is not a renderer word (one of %s)", k, strings.Join(WordKeys(), ", "))
		}
		if err := checkWord(w, v); err != nil {
			return nil, err
		}
		*w.field(c) = v
	}
	return c, nil
}

func wordFor(key string) (word, bool) {
	for _, w := range words {
		if w.key == key {
			return w, true
		}
	}
	return word{}, false
}
