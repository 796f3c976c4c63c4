package batch

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestParseJob(t *testing.T) {
	src := `# the morning's print job
leaflets:
  - leaflets/*.yaml
  - extra/one.yaml
sites: sites
layouts: [letter, custom/wide.yaml]
output: print/today
options:
  jobs: 3
  force: true
  fail_fast: true
  quiet: false
  report: print/today/report.json
  combine: print/today.pdf
`
	dir := filepath.Join("jobs", "ward")
	job, err := ParseJob(filepath.Join(dir, "job.yaml"), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	at := func(p string) string { return filepath.Join(dir, filepath.FromSlash(p)) }
	if len(job.Spec.Leaflets) != 2 || job.Spec.Leaflets[0].Path != at("leaflets/*.yaml") || job.Spec.Leaflets[1].Path != at("extra/one.yaml") {
		t.Errorf("leaflets %+v", job.Spec.Leaflets)
	}
	if job.Spec.Leaflets[1].Pos.Line != 4 || job.Spec.Leaflets[1].Pos.Col != 5 {
		t.Errorf("leaflet position %v", job.Spec.Leaflets[1].Pos)
	}
	if len(job.Spec.Sites) != 1 || job.Spec.Sites[0].Path != at("sites") {
		t.Errorf("sites %+v", job.Spec.Sites)
	}
	if len(job.Spec.Layouts) != 2 || job.Spec.Layouts[0].Path != "letter" || job.Spec.Layouts[1].Path != at("custom/wide.yaml") {
		t.Errorf("layouts %+v", job.Spec.Layouts)
	}
	if job.Spec.OutDir != at("print/today") || job.Report != at("print/today/report.json") || job.Combine != at("print/today.pdf") {
		t.Errorf("paths: %q %q %q", job.Spec.OutDir, job.Report, job.Combine)
	}
	if job.Jobs != 3 || !job.Force || !job.FailFast || job.Quiet {
		t.Errorf("options %+v", job)
	}
	// Absolute paths stay as they are; output defaults to out/ beside the job.
	job, err = ParseJob("j.yaml", []byte("leaflets: /abs/x.yaml\n"))
	if err != nil || job.Spec.Leaflets[0].Path != filepath.FromSlash("/abs/x.yaml") || job.Spec.OutDir != DefaultOutput {
		t.Errorf("%v %+v", err, job)
	}
}

func TestParseJobProblems(t *testing.T) {
	cases := []struct{ src, want string }{
		{"", "job.yaml:1:1: file is empty"},
		{"leaflets: [\n", "job.yaml:1:1: invalid YAML"},
		{"leaflets: a\nsites: b\n  c: d\n", "job.yaml:3:3: invalid YAML: mapping values are not allowed"},
		{"leaflets: x\n\tsites: y\n", "job.yaml:2:1: tab character in indentation"},
		{"- a\n", "job.yaml:1:1: this is not a job file (no `leaflets:` found)"},
		{"sites: s\n", `job.yaml:1:1: the job is missing the required field "leaflets"`},
		{"leaflets: []\n", "job.yaml:1:11: leaflets is empty"},
		{"leaflets: a\nsite: s\n", `job.yaml:2:1: unknown field "site" in the job (did you mean "sites"?)`},
		{"leaflets: a\nleaflets: b\n", `job.yaml:2:1: field "leaflets" given twice (first at line 1)`},
		{"leaflets: [a, [b]]\n", "job.yaml:1:15: each of leaflets must be a path, not a list"},
		{"leaflets: a\noutput: {x: 1}\n", "job.yaml:2:9: output must be a path, not a mapping"},
		{"leaflets: a\noptions:\n  jobs: many\n", `job.yaml:3:9: jobs must be a whole number of at least 1, not the text "many"`},
		{"leaflets: a\noptions:\n  jobs: 0\n", "job.yaml:3:9: jobs must be a whole number of at least 1, not the number 0"},
		{"leaflets: a\noptions:\n  force: yes please\n", "job.yaml:3:10: force must be true or false"},
		{"leaflets: a\noptions:\n  fail-fast: true\n", `job.yaml:3:3: unknown field "fail-fast" in options (did you mean "fail_fast"?)`},
		{"leaflets: a\nlayouts: &l [letter]\nsites: *l\n", "job.yaml:3:8: YAML aliases are not supported"},
	}
	for _, c := range cases {
		_, err := ParseJob("job.yaml", []byte(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v\nwant %q", c.src, err, c.want)
		}
	}
	// Every problem at once, in file order.
	_, err := ParseJob("job.yaml", []byte("options:\n  jobs: x\nleaflets: a\nsitez: s\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "job.yaml:2:9: jobs") || !strings.Contains(err.Error(), "\njob.yaml:4:1: unknown field") {
		t.Errorf("problems not all reported in file order: %v", err)
	}
}

func TestLoadJobMissing(t *testing.T) {
	_, err := LoadJob(filepath.Join(t.TempDir(), "none.yaml"))
	if err == nil || !strings.Contains(err.Error(), "cannot read job file: no such file or directory") {
		t.Errorf("got %v", err)
	}
}
