package source

import (
	"errors"
	"strings"
)

// Errors is every problem found in one go, in the order found. It is the
// one multi-error type of the pipeline: the loader, the validator, the
// typesetter and the batch planner all return their problems as Errors,
// so a caller splits any of them the same way (Flatten).
type Errors []error

// Error joins the problems, one per line.
func (es Errors) Error() string {
	s := make([]string, len(es))
	for i, e := range es {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// Unwrap exposes the individual problems to errors.Is and errors.As.
func (es Errors) Unwrap() []error { return es }

// Err returns es as an error, or nil when it holds no problem, so that an
// empty list never reads as a failure.
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// Flatten splits an error into its single problems: every error that
// holds several (Errors, errors.Join), even wrapped in another, is opened,
// at any depth. A nil error gives none.
func Flatten(err error) []error {
	if err == nil {
		return nil
	}
	var many interface{ Unwrap() []error }
	if errors.As(err, &many) {
		var out []error
		for _, e := range many.Unwrap() {
			out = append(out, Flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// Lines splits an error into its one-line problems, as printed.
func Lines(err error) []string {
	var out []string
	for _, e := range Flatten(err) {
		out = append(out, e.Error())
	}
	return out
}
