package load

import (
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"handout/internal/source"
)

// Messages are read by people other than a file's author (a print room's
// terminal, a job's report), and any file at all can be passed by mistake,
// so messages quote as little of an input as will still find the place.

// quoteShort quotes s, cut to a length that can be shown in any message.
func quoteShort(s string) string {
	if r := []rune(s); len(r) > maxQuoted {
		s = string(r[:maxQuoted]) + "…"
	}
	return strconv.Quote(s)
}

// plausibleField matches what could be a mistyped field name, the only
// kind of unknown key a message quotes.
var plausibleField = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]{0,39}$`)

// maxQuoted is how much of an input's text a message may quote: enough to
// find the place, too little to copy a file out through error messages.
const maxQuoted = 40

// shortenQuoted cuts the string arguments that format quotes (%q) to
// maxQuoted characters. Values come from files anyone may have written.
func shortenQuoted(format string, args []any) []any {
	out := args
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i >= len(format) || format[i] == '%' {
			continue
		}
		if arg < len(args) && format[i] == 'q' {
			if s, ok := args[arg].(string); ok && len([]rune(s)) > maxQuoted {
				if &out[0] == &args[0] {
					out = append([]any(nil), args...)
				}
				out[arg] = string([]rune(s)[:maxQuoted]) + "…"
			}
		}
		arg++
	}
	return out
}

// recognise checks that a file is the kind it should be: a mapping with
// at least one of obj's fields. Otherwise it records msg, once, quoting
// nothing: any file at all can be passed by mistake (a password file
// given as a leaflet, or matched by a job's pattern), and its lines must
// not come back as a list of "unknown field" names.
func (d *decoder) recognise(root *yaml.Node, known []string, msg string) bool {
	if root.Kind == yaml.MappingNode {
		if len(root.Content) == 0 {
			return true // {}: nothing to echo, and the required fields say the rest
		}
		for i := 0; i < len(root.Content); i += 2 {
			if contains(known, root.Content[i].Value) {
				return true
			}
		}
	}
	d.errs = append(d.errs, source.Errorf(source.Pos{File: d.file, Line: 1, Col: 1}, "%s", msg))
	return false
}

// cutMessage bounds a message built from an input's text (an unknown
// placeholder's name) to what any message may quote: each {name} to
// maxQuoted characters, the whole to twice that and the message's words.
func cutMessage(msg string) string {
	msg = longName.ReplaceAllStringFunc(msg, func(m string) string {
		return string([]rune(m)[:maxQuoted+1]) + "…}"
	})
	if r := []rune(msg); len(r) > 3*maxQuoted {
		return string(r[:3*maxQuoted]) + "…"
	}
	return msg
}

// longName matches a {name} longer than a message may quote.
var longName = regexp.MustCompile(`\{[^{}]{41,}\}`)
