package i18n

import (
	"bytes"
	"embed"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

//go:embed locales/*.yaml
var localeFiles embed.FS

// locale is the form of a locales/<tag>.yaml file.
type locale struct {
	Language      string            `yaml:"language"`
	Name          string            `yaml:"name"`
	EnglishName   string            `yaml:"english_name"`
	Direction     string            `yaml:"direction"`
	Page          string            `yaml:"page"`
	WrittenBy     string            `yaml:"written_by"`
	ReviewedBy    string            `yaml:"reviewed_by"`
	PublishedBy   string            `yaml:"published_by"`
	LastModified  string            `yaml:"last_modified"`
	LastReviewed  string            `yaml:"last_reviewed"`
	Footer        string            `yaml:"footer"`
	Fillers       map[string]string `yaml:"fillers"`
	Months        []string          `yaml:"months"`
	Date          string            `yaml:"date"`
	Continued     string            `yaml:"continued"`
	ContinuedNext string            `yaml:"continued_next"`
	Tagline       string            `yaml:"tagline"`
	TaglineTTY    string            `yaml:"tagline_tty"`
	Check         struct {
		CallWords []string `yaml:"call_words"`
	} `yaml:"check"`
}

// fillerNames are the placeholders every locale must fill; they are the
// site fields (model.PlaceholderNames, which a test keeps in step).
var fillerNames = [...]string{"name", "department", "phone", "address", "website"}

// loadLocale reads and checks one embedded locale file.
func loadLocale(tag string) (*Strings, error) {
	data, err := localeFiles.ReadFile("locales/" + tag + ".yaml")
	if err != nil {
		return nil, err
	}
	var l locale
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&l); err != nil {
		return nil, fmt.Errorf("locales/%s.yaml: %w", tag, err)
	}
	if err := l.complete(tag); err != nil {
		return nil, fmt.Errorf("locales/%s.yaml: %w", tag, err)
	}
	s := &Strings{
		Lang: l.Language, Name: l.Name, EnglishName: l.EnglishName, Direction: l.Direction,
		WrittenBy: l.WrittenBy, ReviewedBy: l.ReviewedBy, PublishedBy: l.PublishedBy,
		LastModified: l.LastModified, LastReviewed: l.LastReviewed, FooterText: l.Footer,
		Generic: l.Fillers, Continued: l.Continued, ContinuedNext: l.ContinuedNext,
		CallWords: l.Check.CallWords, page: l.Page, date: l.Date, tagline: l.Tagline, taglineTTY: l.TaglineTTY,
	}
	copy(s.months[:], l.Months)
	for _, w := range words {
		if err := checkWord(w, *w.field(s)); err != nil {
			return nil, fmt.Errorf("locales/%s.yaml: %w", tag, err)
		}
	}
	return s, nil
}

// complete reports the first word a locale lacks or writes wrongly.
func (l *locale) complete(tag string) error {
	if l.Language != tag {
		return fmt.Errorf("language is %q, want %q (the file's name)", l.Language, tag)
	}
	if l.Direction != "ltr" && l.Direction != "rtl" {
		return fmt.Errorf("direction must be ltr or rtl, not %q", l.Direction)
	}
	if strings.TrimSpace(l.Name) == "" || strings.TrimSpace(l.EnglishName) == "" {
		return fmt.Errorf("name and english_name are both needed")
	}
	for _, name := range fillerNames {
		if strings.TrimSpace(l.Fillers[name]) == "" {
			return fmt.Errorf("fillers.%s is missing", name)
		}
	}
	if len(l.Fillers) != len(fillerNames) {
		return fmt.Errorf("fillers has %d entries, want exactly %v", len(l.Fillers), fillerNames)
	}
	if len(l.Months) != 12 {
		return fmt.Errorf("months has %d names, want 12", len(l.Months))
	}
	if len(l.Check.CallWords) == 0 {
		return fmt.Errorf("check.call_words is missing")
	}
	return nil
}
