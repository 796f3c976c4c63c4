package inline

import "strconv"

// Error is a problem at a byte offset of the parsed string. Callers that know
// where the string came from turn Offset into a file position.
type Error struct {
	Offset int
	Msg    string
	Hint   string // optional, e.g. "did you mean {phone}?"
}

// Error renders "offset N: message (hint)".
func (e *Error) Error() string {
	s := "offset " + strconv.Itoa(e.Offset) + ": " + e.Msg
	if e.Hint != "" {
		s += " (" + e.Hint + ")"
	}
	return s
}

const (
	msgUnmatchedOpen  = "unmatched '{': write {{ for a literal brace"
	msgUnmatchedClose = "unmatched '}': write }} for a literal brace"
	hintNameForm      = "a placeholder name is lowercase letters, digits and _, starting with a letter"
)
