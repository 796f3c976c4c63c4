package batch

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"handout/internal/load"
	"handout/internal/source"
	"handout/internal/suggest"
)

// Job is a job file: what to render and how, for handout batch.
type Job struct {
	File string
	Spec Spec
	// Options as the file gives them; flags on the command line win.
	Jobs     int
	Force    bool
	FailFast bool
	Quiet    bool
	Report   string // path, resolved against the job file's folder
	Combine  string
}

// The job file's fields, as documented in docs/batch.md.
var (
	jobFields     = []string{"leaflets", "sites", "layouts", "output", "options"}
	optionsFields = []string{"jobs", "force", "fail_fast", "quiet", "report", "combine"}
)

// DefaultOutput is the output folder of a job file that names none,
// beside the job file.
const DefaultOutput = "out"

// LoadJob reads a job file. Relative paths in it resolve against its
// folder. Every problem is returned at once as a load.Errors, each at its
// file:line:col.
func LoadJob(path string) (*Job, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, load.Errors{source.Errorf(source.Pos{File: path}, "cannot read job file: %v", unwrapPath(err))}
	}
	return ParseJob(path, src)
}

// ParseJob reads a job file's source; path places messages and anchors
// relative paths.
func ParseJob(path string, src []byte) (*Job, error) {
	d := &jobDecoder{file: path, dir: filepath.Dir(path)}
	root, err := d.parse(src)
	if err != nil {
		return nil, load.Errors{err}
	}
	job := &Job{File: path, Spec: Spec{OutDir: filepath.Join(d.dir, DefaultOutput)}}
	f := d.mapping(root, jobFields, "the job")
	if f["leaflets"] == nil && f != nil {
		d.fail(root, `the job is missing the required field "leaflets"`)
	}
	if n := f["leaflets"]; n != nil {
		job.Spec.Leaflets = d.entries(n, "leaflets", d.resolve)
		if len(job.Spec.Leaflets) == 0 && n.Kind == yaml.SequenceNode {
			d.fail(n, "leaflets is empty; list leaflet files, folders or patterns")
		}
	}
	if n := f["sites"]; n != nil {
		job.Spec.Sites = d.entries(n, "sites", d.resolve)
	}
	if n := f["layouts"]; n != nil {
		job.Spec.Layouts = d.entries(n, "layouts", d.resolveLayout)
	}
	if n := f["output"]; n != nil {
		if s, ok := d.text(n, "output"); ok {
			job.Spec.OutDir = d.resolve(s)
		}
	}
	if n := f["options"]; n != nil {
		o := d.mapping(n, optionsFields, "options")
		if v := o["jobs"]; v != nil {
			job.Jobs = d.count(v, "jobs")
		}
		for _, b := range []struct {
			name string
			dst  *bool
		}{{"force", &job.Force}, {"fail_fast", &job.FailFast}, {"quiet", &job.Quiet}} {
			if v := o[b.name]; v != nil {
				*b.dst = d.boolean(v, b.name)
			}
		}
		for _, p := range []struct {
			name string
			dst  *string
		}{{"report", &job.Report}, {"combine", &job.Combine}} {
			if v := o[p.name]; v != nil {
				if s, ok := d.text(v, p.name); ok {
					*p.dst = d.resolve(s)
				}
			}
		}
	}
	if len(d.errs) > 0 {
		// Fields are read in a fixed order, not the file's: sort the
		// problems back into file order.
		slices.SortStableFunc(d.errs, func(a, b error) int {
			pa, pb := errPos(a), errPos(b)
			return cmp.Or(cmp.Compare(pa.Line, pb.Line), cmp.Compare(pa.Col, pb.Col))
		})
		return nil, d.errs
	}
	return job, nil
}

// jobDecoder walks a job file's nodes, collecting every problem, in the
// manner of the loader's decoder for leaflets and sites.
type jobDecoder struct {
	file, dir string
	errs      load.Errors
}

func (d *jobDecoder) pos(n *yaml.Node) source.Pos {
	return source.Pos{File: d.file, Line: n.Line, Col: n.Column}
}

func (d *jobDecoder) fail(n *yaml.Node, format string, args ...any) *source.Error {
	e := source.Errorf(d.pos(n), format, args...)
	d.errs = append(d.errs, e)
	return e
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func (d *jobDecoder) parse(src []byte) (*yaml.Node, error) {
	at := func(line, col int) source.Pos { return source.Pos{File: d.file, Line: line, Col: col} }
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, source.Errorf(at(1, 1), "job file is empty")
	}
	for i, l := range bytes.Split(src, []byte("\n")) {
		if t := bytes.TrimLeft(l, " "); len(t) > 0 && t[0] == '\t' {
			return nil, source.Errorf(at(i+1, len(l)-len(t)+1), "tab character in indentation; YAML needs spaces")
		}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		// The parser knows only the line; point at its first character.
		msg := err.Error()
		line, col := 1, 1
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
			if lines := bytes.Split(src, []byte("\n")); line >= 1 && line <= len(lines) {
				col = len(lines[line-1]) - len(bytes.TrimLeft(lines[line-1], " ")) + 1
			}
		}
		return nil, source.Errorf(at(line, col), "invalid YAML: %s", strings.TrimPrefix(msg, "yaml: "))
	}
	if len(doc.Content) == 0 || doc.Content[0].Tag == "!!null" {
		return nil, source.Errorf(at(1, 1), "job file is empty")
	}
	return doc.Content[0], nil
}

// mapping checks n is a mapping of known fields, each given once.
func (d *jobDecoder) mapping(n *yaml.Node, known []string, what string) map[string]*yaml.Node {
	if n.Kind != yaml.MappingNode {
		d.fail(n, "%s must be a mapping of fields, not %s", what, kindName(n))
		return nil
	}
	vals := map[string]*yaml.Node{}
	lines := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case k.Kind != yaml.ScalarNode:
			d.fail(k, "field names must be plain words")
		case !contains(known, k.Value):
			e := d.fail(k, "unknown field %q in %s", k.Value, what)
			if c := suggest.Closest(k.Value, known); c != "" {
				e.WithHint("did you mean %q?", c)
			} else {
				e.WithHint("known fields: %s", strings.Join(known, ", "))
			}
		case lines[k.Value] > 0:
			d.fail(k, "field %q given twice (first at line %d)", k.Value, lines[k.Value])
		case v.Kind == yaml.AliasNode:
			d.fail(v, "YAML aliases are not supported; write the value out")
		default:
			lines[k.Value] = k.Line
			vals[k.Value] = v
		}
	}
	return vals
}

// entries reads a list of paths (or one path), each made absolute by
// resolve.
func (d *jobDecoder) entries(n *yaml.Node, what string, resolve func(string) string) []Entry {
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	var out []Entry
	for _, it := range items {
		if s, ok := d.text(it, "each of "+what); ok {
			out = append(out, Entry{Path: resolve(s), Pos: d.pos(it)})
		}
	}
	return out
}

func (d *jobDecoder) text(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" || n.Value == "" {
		d.fail(n, "%s must be a path, not %s", what, kindName(n))
		return "", false
	}
	return n.Value, true
}

func (d *jobDecoder) count(n *yaml.Node, what string) int {
	v, err := strconv.Atoi(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil || v < 1 {
		d.fail(n, "%s must be a whole number of at least 1, not %s", what, kindName(n))
		return 0
	}
	return v
}

func (d *jobDecoder) boolean(n *yaml.Node, what string) bool {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		return n.Value == "true"
	}
	d.fail(n, "%s must be true or false, not %s", what, kindName(n))
	return false
}

// resolve makes a path from the job file relative to its folder.
func (d *jobDecoder) resolve(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(d.dir, p)
}

// resolveLayout keeps a built-in layout's name as it is; anything that
// looks like a file (a folder separator, a .yaml ending) is a path.
func (d *jobDecoder) resolveLayout(p string) string {
	if !strings.ContainsAny(p, `/\`) && !strings.HasSuffix(p, ".yaml") && !strings.HasSuffix(p, ".yml") {
		return p
	}
	return d.resolve(p)
}

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
		return "the number " + n.Value
	case "!!bool":
		return "the boolean " + n.Value
	}
	return fmt.Sprintf("the text %q", n.Value)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func errPos(e error) source.Pos {
	var se *source.Error
	if errors.As(e, &se) {
		return se.Pos
	}
	return source.Pos{}
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
