package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"handout/internal/safeio"
	"handout/internal/source"
)

// maxFileSize bounds what we read: a leaflet is a few kilobytes, so anything
// this large is a mistake (a PDF or an image passed by accident).
const maxFileSize = safeio.TextLimit

// readYAML reads and parses one YAML file into its root mapping node.
func readYAML(path string) (*yaml.Node, []byte, error) {
	data, err := ReadText(path, "file")
	if err != nil {
		return nil, nil, err
	}
	data = NFC(data)
	root, err := parseYAML(path, data)
	return root, data, err
}

// ReadText reads a leaflet, site, layout or job file: a regular file, and
// no more of it than maxFileSize, so a device, a FIFO or a huge file is an
// error at once instead of a hang or a crash. what names the file in
// messages ("layout", "job file").
func ReadText(path, what string) ([]byte, error) {
	data, err := safeio.ReadFile(path, maxFileSize)
	if err == nil {
		return data, nil
	}
	var tl *safeio.TooLargeError
	var nr *safeio.NotRegularError
	if errors.As(err, &tl) || errors.As(err, &nr) {
		return nil, source.Errorf(source.Pos{File: path}, "%s", safeio.Describe(err))
	}
	return nil, source.Errorf(source.Pos{File: path}, "cannot read %s: %v", what, unwrapPathError(err))
}

// NFC returns source text in Unicode's composed form (NFC). Text typed as
// a letter plus combining accents (NFD, as some editors and macOS file
// names give Vietnamese) would otherwise print its accents beside the
// letters, since the fonts' composed glyphs are the ones drawn. Positions
// in messages refer to the composed text; an NFC file is returned as is.
func NFC(src []byte) []byte {
	if norm.NFC.IsNormal(src) {
		return src
	}
	return norm.NFC.Bytes(src)
}

// parseYAML parses YAML source; errors carry path:line:col.
func parseYAML(path string, data []byte) (*yaml.Node, error) {
	if len(data) > maxFileSize {
		return nil, source.Errorf(source.Pos{File: path}, "file is larger than %d MB", maxFileSize>>20)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, source.Errorf(source.Pos{File: path, Line: 1, Col: 1}, "file is empty")
	}
	if e := findTab(path, data); e != nil {
		return nil, e
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, yamlError(path, data, err)
	}
	// A second document would be silently dropped: say where it starts.
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		return nil, source.Errorf(source.Pos{File: path, Line: next.Line, Col: 1},
			"a second YAML document starts here; a file holds one document, and everything from here on would be lost").
			WithHint("remove the --- line, or split the file")
	} else if !errors.Is(err, io.EOF) {
		return nil, yamlError(path, data, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, source.Errorf(source.Pos{File: path, Line: 1, Col: 1}, "file is empty")
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, source.Errorf(source.Pos{File: path, Line: 1, Col: 1}, "file is empty")
	}
	return root, nil
}

// findTab reports a tab in a line's indentation. YAML forbids them, and the
// parser's own message ("found character that cannot start any token") does
// not say so.
func findTab(path string, data []byte) error {
	line := 1
	for _, l := range bytes.Split(data, []byte("\n")) {
		for col, c := range l {
			if c == '\t' {
				return source.Errorf(source.Pos{File: path, Line: line, Col: col + 1},
					"tab character in indentation; YAML needs spaces")
			}
			if c != ' ' {
				break
			}
		}
		line++
	}
	return nil
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns the parser's message into path:line:col form. The parser
// only knows the line, so the column points at the line's first character.
func yamlError(path string, data []byte, err error) error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	line, col := 1, 1
	if m := yamlLineRE.FindStringSubmatch("yaml: " + msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		// the parser names the line where the construct it was reading
		// began; the mistake is at the first line that cannot be parsed
		if at := firstBadLine(data); at > line {
			line = at
		}
		col = firstColumn(data, line)
	}
	e := source.Errorf(source.Pos{File: path, Line: line, Col: col}, "invalid YAML: %s", msg)
	if h := syntaxHint(data, line, msg); h != "" {
		e.WithHint("%s", h)
	}
	return e
}

// firstColumn is the 1-based column of the first non-blank character of a line.
func firstColumn(data []byte, line int) int {
	lines := bytes.Split(data, []byte("\n"))
	if line < 1 || line > len(lines) {
		return 1
	}
	l := lines[line-1]
	return len(l) - len(bytes.TrimLeft(l, " ")) + 1
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// kindName names a node's kind the way an author thinks of it.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.Tag {
	case "!!null":
		return "nothing (null)"
	case "!!int", "!!float":
		return fmt.Sprintf("the number %s", n.Value)
	case "!!bool":
		return fmt.Sprintf("the boolean %s", n.Value)
	}
	v := n.Value
	if r := []rune(v); len(r) > 30 {
		v = string(r[:30]) + "…"
	}
	return fmt.Sprintf("the text %q", v)
}
