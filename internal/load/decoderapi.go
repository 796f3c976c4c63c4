package load

import (
	"go.yaml.in/yaml/v3"

	"handout/internal/source"
)

// Decoder offers the loader's YAML decoding to the tool's other input
// formats (job files): values keep their positions, unknown and repeated
// fields are reported with a did-you-mean hint, and every problem is
// collected rather than the first one stopping the rest.
type Decoder struct{ d *decoder }

// ParseYAML parses a file's source into its root node, reporting an empty
// file, tabs in indentation and syntax errors at their file:line:col.
func ParseYAML(path string, src []byte) (*yaml.Node, error) { return parseYAML(path, src) }

// NewDecoder starts decoding one file; src is its source.
func NewDecoder(file string, src []byte) *Decoder { return &Decoder{newDecoder(file, src)} }

// Pos is where a node stands in the file.
func (x *Decoder) Pos(n *yaml.Node) source.Pos { return x.d.pos(n) }

// Fail records a problem at a node; the returned error can take a hint.
func (x *Decoder) Fail(n *yaml.Node, format string, args ...any) *source.Error {
	return x.d.fail(n, format, args...)
}

// Mapping checks that n is a mapping of the given fields, each at most
// once, and returns the values by field name.
func (x *Decoder) Mapping(n *yaml.Node, name string, fields []string, what string) map[string]*yaml.Node {
	return x.d.mapping(n, Object{Name: name, Fields: opt(fields...)}, what)
}

// Recognise checks that root is a mapping with at least one of fields;
// otherwise it records msg at the file's start, quoting nothing of it.
func (x *Decoder) Recognise(root *yaml.Node, fields []string, msg string) bool {
	return x.d.recognise(root, fields, msg)
}

// Boolean reads true or false.
func (x *Decoder) Boolean(n *yaml.Node, what string) bool { return x.d.boolean(n, what) }

// Err returns every problem recorded, as source.Errors in the order found, or nil.
func (x *Decoder) Err() error { return x.d.err() }

// KindName names what a node holds the way an author thinks of it, for
// messages such as "must be a list, not the text "x"".
func KindName(n *yaml.Node) string { return kindName(n) }

// ReadError is the positioned error for a file that cannot be read.
func ReadError(path, what string, err error) error {
	return source.Errors{source.Errorf(source.Pos{File: path}, "cannot read %s: %v", what, unwrapPathError(err))}
}
