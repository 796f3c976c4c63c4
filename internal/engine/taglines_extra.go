package engine

import (
	_ "embed"
	"strings"

	"go.yaml.in/yaml/v3"
)

//go:embed taglines.yaml
var extraTaglinesYAML []byte

// extraTagline is the line of a language without renderer words.
type extraTagline struct {
	Direction string `yaml:"direction"`
	Line      string `yaml:"tagline"`
	LineTTY   string `yaml:"tagline_tty"`
}

func (x extraTagline) Tagline(phone, tty string) string {
	t := x.Line
	if tty != "" {
		t = x.LineTTY
	}
	return strings.NewReplacer("{phone}", phone, "{tty}", tty).Replace(t)
}

func (x extraTagline) RightToLeft() bool { return x.Direction == "rtl" }

// extraTaglines reads taglines.yaml; the file is embedded and tested, so
// a failure is a programming error.
func extraTaglines() map[string]extraTagline {
	var m map[string]extraTagline
	if err := yaml.Unmarshal(extraTaglinesYAML, &m); err != nil {
		panic("engine/taglines.yaml: " + err.Error())
	}
	return m
}

// taglineWordsFor returns a language's tagline from its renderer words,
// or from taglines.yaml for a language without them.
func (e *Engine) taglineWordsFor(tag string) (taglineWords, bool) {
	if s, ok := e.locales.For(tag); ok {
		return s, true
	}
	primary, _, _ := strings.Cut(strings.ToLower(tag), "-")
	if x, ok := e.extra[primary]; ok {
		return x, true
	}
	return nil, false
}
