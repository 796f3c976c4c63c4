package batch

import (
	"cmp"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"handout/internal/load"
	"handout/internal/source"
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
	// Fonts are font folders (the fonts: field), resolved against the job
	// file's folder, whose families join every handout's as --fonts does.
	Fonts []string
}

// The job file's fields, as documented in docs/batch.md.
var (
	jobFields     = []string{"leaflets", "bilingual", "sites", "layouts", "fonts", "output", "options"}
	optionsFields = []string{"jobs", "force", "fail_fast", "quiet", "report", "combine"}
)

// DefaultOutput is the output folder of a job file that names none,
// beside the job file.
const DefaultOutput = "out"

// LoadJob reads a job file. Relative paths in it resolve against its
// folder. Every problem is returned at once as a source.Errors, each at its
// file:line:col.
func LoadJob(path string) (*Job, error) {
	src, err := load.ReadText(path, "job file")
	if err != nil {
		return nil, source.Errors{err}
	}
	return ParseJob(path, src)
}

// ParseJob reads a job file's source; path places messages and anchors
// relative paths. It decodes with the loader's decoder, so a job file's
// problems read like a leaflet's.
func ParseJob(path string, src []byte) (*Job, error) {
	root, err := load.ParseYAML(path, src)
	if err != nil {
		return nil, source.Errors{err}
	}
	d := &jobDecoder{Decoder: load.NewDecoder(path, src), dir: filepath.Dir(path)}
	job := &Job{File: path, Spec: Spec{OutDir: filepath.Join(d.dir, DefaultOutput)}}
	if !d.Recognise(root, jobFields, "this is not a job file (no `leaflets:` found)") {
		return nil, d.Err()
	}
	f := d.Mapping(root, "job", jobFields, "the job")
	if f["leaflets"] == nil && f["bilingual"] == nil && f != nil {
		d.Fail(root, `the job is missing the required field "leaflets"`)
	}
	if n := f["bilingual"]; n != nil {
		job.Spec.Pairs = d.pairs(n)
	}
	if n := f["leaflets"]; n != nil {
		job.Spec.Leaflets = d.entries(n, "leaflets", d.resolve)
		if len(job.Spec.Leaflets) == 0 && n.Kind == yaml.SequenceNode {
			d.Fail(n, "leaflets is empty; list leaflet files, folders or patterns")
		}
	}
	if n := f["sites"]; n != nil {
		job.Spec.Sites = d.entries(n, "sites", d.resolve)
	}
	if n := f["layouts"]; n != nil {
		job.Spec.Layouts = d.entries(n, "layouts", d.resolveLayout)
	}
	if n := f["fonts"]; n != nil {
		job.Fonts = d.fontDirs(n)
	}
	if n := f["output"]; n != nil {
		if s, ok := d.path(n, "output"); ok {
			job.Spec.OutDir = d.resolve(s)
		}
	}
	if n := f["options"]; n != nil {
		o := d.Mapping(n, "options", optionsFields, "options")
		if v := o["jobs"]; v != nil {
			job.Jobs = d.count(v, "jobs")
		}
		for _, b := range []struct {
			name string
			dst  *bool
		}{{"force", &job.Force}, {"fail_fast", &job.FailFast}, {"quiet", &job.Quiet}} {
			if v := o[b.name]; v != nil {
				*b.dst = d.Boolean(v, b.name)
			}
		}
		for _, p := range []struct {
			name string
			dst  *string
		}{{"report", &job.Report}, {"combine", &job.Combine}} {
			if v := o[p.name]; v != nil {
				if s, ok := d.path(v, p.name); ok {
					*p.dst = d.resolve(s)
				}
			}
		}
	}
	if err := d.Err(); err != nil {
		// Fields are read in a fixed order, not the file's: sort the
		// problems back into file order.
		errs := err.(source.Errors)
		slices.SortStableFunc(errs, func(a, b error) int {
			pa, pb := errPos(a), errPos(b)
			return cmp.Or(cmp.Compare(pa.Line, pb.Line), cmp.Compare(pa.Col, pb.Col))
		})
		return nil, errs
	}
	return job, nil
}

// jobDecoder adds the job file's own kinds of value to the loader's
// decoder.
type jobDecoder struct {
	*load.Decoder
	dir string
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
		if s, ok := d.path(it, "each of "+what); ok {
			out = append(out, Entry{Path: resolve(s), Pos: d.Pos(it)})
		}
	}
	return out
}

// path reads a non-empty path.
func (d *jobDecoder) path(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" || n.Value == "" {
		d.Fail(n, "%s must be a path, not %s", what, load.KindName(n))
		return "", false
	}
	return n.Value, true
}

// fontDirs reads the fonts: folders (one or a list), each of which must
// be a folder.
func (d *jobDecoder) fontDirs(n *yaml.Node) []string {
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	var out []string
	for _, it := range items {
		p, ok := d.path(it, "each of fonts")
		if !ok {
			continue
		}
		p = d.resolve(p)
		if st, err := os.Stat(p); err != nil || !st.IsDir() {
			d.Fail(it, "fonts: %s is not a folder", p).WithHint("give a folder of .ttf files, relative to the job file")
			continue
		}
		out = append(out, p)
	}
	return out
}

func (d *jobDecoder) count(n *yaml.Node, what string) int {
	v, err := strconv.Atoi(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil || v < 1 {
		d.Fail(n, "%s must be a whole number of at least 1, not %s", what, load.KindName(n))
		return 0
	}
	return v
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

func errPos(e error) source.Pos {
	var se *source.Error
	if errors.As(e, &se) {
		return se.Pos
	}
	return source.Pos{}
}
