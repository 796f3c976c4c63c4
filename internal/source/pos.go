// Package source holds source positions and the positioned errors that every
// stage of the pipeline reports, so any problem can point at file:line:col.
package source

import "fmt"

// Pos is a place in an input file. Line and Col are 1-based; a zero Line
// means the position is unknown and only the file is reported.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position as file:line:col, the form editors jump to.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Error is a problem found in an input, tied to where it is.
type Error struct {
	Pos  Pos
	Msg  string
	Hint string // optional, e.g. "did you mean \"subtitle\"?"
}

// Errorf builds an Error at pos.
func Errorf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// WithHint returns e with a hint attached.
func (e *Error) WithHint(format string, args ...any) *Error {
	e.Hint = fmt.Sprintf(format, args...)
	return e
}

// Error renders the one-line message: "path:line:col: what is wrong (hint)".
func (e *Error) Error() string {
	s := e.Pos.String() + ": " + e.Msg
	if e.Hint != "" {
		s += " (" + e.Hint + ")"
	}
	return s
}
