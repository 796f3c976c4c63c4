package validate

import "handout/internal/source"

// Rule names a rule that refuses a render. The names are check's codes for
// the same problems (docs/check.md).
type Rule string

// The rules.
const (
	RuleGlyph       Rule = "glyph"       // a character no font can draw
	RulePlaceholder Rule = "placeholder" // a placeholder the site has no value for
	RuleImage       Rule = "image"       // an image that is missing or unreadable
	RuleAltMissing  Rule = "alt-missing" // an image without a description
	RuleFutureDate  Rule = "future-date" // last_modified or last_reviewed after today
)

// Problem is one refusal: the rule it breaks, and where and why.
type Problem struct {
	Rule Rule
	Err  *source.Error
}

// Error is the positioned one-line message.
func (p *Problem) Error() string { return p.Err.Error() }

// Unwrap gives the positioned error to errors.As.
func (p *Problem) Unwrap() error { return p.Err }

// Err returns problems as one error, a source.Errors, or nil when there
// are none.
func Err(ps []*Problem) error {
	var es source.Errors
	for _, p := range ps {
		es = append(es, p)
	}
	return es.Err()
}
