package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// library is a folder of leaflets (two good, one broken) and two sites,
// all copied from the samples.
func library(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"leaflets/a.yaml":   "title: Alpha\nsections:\n  - body:\n      - Call {phone}.\n",
		"leaflets/b.yaml":   "title: Beta\nsections:\n  - body:\n      - Visit {website}.\n",
		"broken/bad.yaml":   "title: Bad\nsections:\n  - body:\n      - Call {fax}.\n",
		"sites/r/site.yaml": "name: R Clinic\nphone: 555-0100\nwebsite: https://r.example.org\n",
		"sites/h/site.yaml": "name: H Clinic\nphone: 555-0101\nwebsite: https://h.example.org\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func pdfs(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".pdf") {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	return out
}

func TestRenderManyLeafletsAndSites(t *testing.T) {
	dir := library(t)
	out := filepath.Join(dir, "out") + string(filepath.Separator)
	leaflets := filepath.Join(dir, "leaflets")
	code, _, stderr := run(t, nil, "render", filepath.Join(leaflets, "a.yaml"), filepath.Join(leaflets, "b.yaml"), "--site", filepath.Join(dir, "sites"), "-o", out)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if got := strings.Join(pdfs(t, out), " "); got != "h/a.pdf h/b.pdf r/a.pdf r/b.pdf" {
		t.Errorf("outputs %q", got)
	}
	if !strings.Contains(stderr, "handout: rendered 4, failed 0, skipped 0 in ") {
		t.Errorf("no summary: %q", stderr)
	}
	// Again: everything is up to date.
	if _, _, stderr := run(t, nil, "render", filepath.Join(leaflets, "*.yaml"), "--site", filepath.Join(dir, "sites"), "-o", out); !strings.Contains(stderr, "rendered 0, failed 0, skipped 4") {
		t.Errorf("second run: %q", stderr)
	}
	// Repeated --site and --layout; a broken leaflet fails alone.
	out2 := filepath.Join(dir, "out2")
	code, _, stderr = run(t, nil, "render", leaflets, filepath.Join(dir, "broken", "bad.yaml"),
		"--site", filepath.Join(dir, "sites", "r"), "--site", filepath.Join(dir, "sites", "h", "site.yaml"),
		"--layout", "letter", "--layout", "a4", "-o", out2, "-j", "1")
	if code != 1 {
		t.Errorf("a failure should exit 1, got %d\n%s", code, stderr)
	}
	want := "h/a4/a.pdf h/a4/b.pdf h/letter/a.pdf h/letter/b.pdf r/a4/a.pdf r/a4/b.pdf r/letter/a.pdf r/letter/b.pdf"
	if got := strings.Join(pdfs(t, out2), " "); got != want {
		t.Errorf("outputs %q\nwant %q", got, want)
	}
	if strings.Count(stderr, "bad.yaml:4:14: unknown placeholder {fax}") != 1 || !strings.Contains(stderr, "rendered 8, failed 4, skipped 0") {
		t.Errorf("stderr %q", stderr)
	}
}

func TestRenderManyUsage(t *testing.T) {
	dir := library(t)
	a, b := filepath.Join(dir, "leaflets", "a.yaml"), filepath.Join(dir, "leaflets", "b.yaml")
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{a, b, "-o", filepath.Join(dir, "x.pdf")}, 2, "names one file, but a folder, a pattern or several sites or layouts make a batch (2 outputs here)"},
		{[]string{a, b, "-o", "-"}, 2, "-o - writes one PDF to standard output"},
		{[]string{a, "--site", filepath.Join(dir, "sites"), "-o", "-"}, 2, "-o - writes one PDF"},
		{[]string{a, b, "--combine", filepath.Join(dir, "all.txt")}, 2, "--combine " + filepath.Join(dir, "all.txt") + ": the combined file must end in .pdf"},
		{[]string{a, b, "--shard", "0/2"}, 2, "shares are numbered 1/2 to 2/2"},
		{[]string{a, b, "-j", "-1"}, 2, "give a number of workers"},
		{[]string{a, b, "--bleed", "wide", "-o", filepath.Join(dir, "o") + "/"}, 2, `--bleed "wide" is not a length`},
		{[]string{a, b, "--site", filepath.Join(dir, "nowhere")}, 1, "nowhere: site folder or file does not exist"},
		{[]string{filepath.Join(dir, "leaflets", "z*.yaml"), b}, 1, "no leaflet file matches"},
	}
	for _, c := range cases {
		code, _, stderr := run(t, nil, append([]string{"render"}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, %q; want exit %d with %q", c.args, code, stderr, c.code, c.want)
		}
	}
}

// TestRenderOneWithBatchFlags: a batch flag on a single render keeps the
// single render's output name.
func TestRenderOneWithBatchFlags(t *testing.T) {
	dir := library(t)
	wd, _ := os.Getwd()
	leaf := filepath.Join(dir, "leaflets", "a.yaml")
	os.Chdir(t.TempDir())
	defer os.Chdir(wd)
	code, _, stderr := run(t, nil, "render", leaf, "--report", "r.json", "-q")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d: %q", code, stderr)
	}
	if _, err := os.Stat("a.pdf"); err != nil {
		t.Error(err)
	}
	raw, _ := os.ReadFile("r.json")
	var rep struct {
		Outputs []struct{ Output, Status string }
	}
	if err := json.Unmarshal(raw, &rep); err != nil || len(rep.Outputs) != 1 || rep.Outputs[0].Output != "a.pdf" || rep.Outputs[0].Status != "rendered" {
		t.Errorf("report %v %s", err, raw)
	}
}

func TestBatchJobFile(t *testing.T) {
	dir := library(t)
	job := filepath.Join(dir, "job.yaml")
	os.WriteFile(job, []byte(`leaflets:
  - leaflets/*.yaml
  - broken
sites: sites
layouts: [a5]
output: print
options:
  jobs: 2
  report: print/report.json
`), 0o644)
	code, _, stderr := run(t, nil, "batch", job)
	if code != 1 || !strings.Contains(stderr, "rendered 4, failed 2, skipped 0") {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if got := strings.Join(pdfs(t, filepath.Join(dir, "print")), " "); got != "h/a.pdf h/b.pdf r/a.pdf r/b.pdf" {
		t.Errorf("outputs %q", got)
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "print", "report.json"))
	var rep struct {
		Job     string
		Outputs []struct{ Status string }
	}
	if err := json.Unmarshal(raw, &rep); err != nil || rep.Job != job || len(rep.Outputs) != 6 {
		t.Errorf("report: %v\n%s", err, raw)
	}
	// Flags win over the file: --force renders again, -o elsewhere.
	if _, _, stderr := run(t, nil, "batch", job, "--force", "-q"); stderr == "" || strings.Contains(stderr, "rendered") {
		t.Errorf("--quiet should print failures only: %q", stderr)
	}
	code, _, stderr = run(t, nil, "batch", job, "-o", filepath.Join(dir, "elsewhere"), "--report", "")
	if code != 1 || len(pdfs(t, filepath.Join(dir, "elsewhere"))) != 4 {
		t.Errorf("-o: exit %d, %q", code, stderr)
	}
}

func TestBatchUsageAndProblems(t *testing.T) {
	dir := t.TempDir()
	job := filepath.Join(dir, "job.yaml")
	os.WriteFile(job, []byte("leaflets: x.yaml\nsitez: y\n"), 0o644)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "give exactly one job file"},
		{[]string{"a.yaml", "b.yaml"}, 2, "give exactly one job file"},
		{[]string{filepath.Join(dir, "none.yaml")}, 1, "cannot read job file"},
		{[]string{job}, 1, `job.yaml:2:1: unknown field "sitez" in the job (did you mean "sites"?)`},
	}
	for _, c := range cases {
		code, _, stderr := run(t, nil, append([]string{"batch"}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, %q; want exit %d with %q", c.args, code, stderr, c.code, c.want)
		}
	}
	if code, out, _ := run(t, nil, "batch", "--help"); code != 0 || !strings.Contains(out, "Usage: handout batch") {
		t.Errorf("--help: %d %q", code, out)
	}
}

// TestBatchPrintOptions: print flags reach every handout of a batch.
func TestBatchPrintOptions(t *testing.T) {
	dir := library(t)
	report := filepath.Join(dir, "r.json")
	code, _, stderr := run(t, nil, "render", filepath.Join(dir, "leaflets"), "--site", filepath.Join(dir, "sites"), "--duplex", "-o", filepath.Join(dir, "out")+"/", "--report", report)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	raw, _ := os.ReadFile(report)
	var rep struct {
		Outputs []struct {
			Output string
			Pages  int
		}
	}
	if err := json.Unmarshal(raw, &rep); err != nil || len(rep.Outputs) != 4 {
		t.Fatalf("report %v\n%s", err, raw)
	}
	for _, o := range rep.Outputs {
		if o.Pages != 2 {
			t.Errorf("%s: %d pages; --duplex should pad a one-page handout to two", o.Output, o.Pages)
		}
	}
}

// TestCombineJob renders two leaflets for two sites into one print file
// and reads back its page count, its right-hand starts and its outline.
func TestCombineJob(t *testing.T) {
	dir := t.TempDir()
	all := filepath.Join(dir, "print", "job.pdf")
	leaves := []string{filepath.Join(repo, "content", "leaflets", "let-down-reflex.yaml"), filepath.Join(repo, "content", "leaflets", "reflejo-de-bajada.yaml")}
	args := append([]string{"render"}, leaves...)
	args = append(args, "--site", twoSites(t), "-o", filepath.Join(dir, "out")+"/", "--combine", all, "--quiet", "--pdfa")
	if code, _, stderr := run(t, nil, args...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(output(t, "qpdf", "--check", all), "No syntax or stream encoding errors") {
		t.Fatal("qpdf finds problems in the combined file")
	}
	if meta := output(t, "pdfinfo", "-meta", all); !strings.Contains(meta, "<pdfaid:part>2</pdfaid:part>") {
		t.Errorf("--pdfa --combine: the combined file makes no PDF/A claim:\n%s", meta)
	}
	var outline struct {
		Outlines []struct {
			Title string `json:"title"`
			Page  int    `json:"destpageposfrom1"`
		} `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(output(t, "qpdf", "--json", "--json-key=outlines", all)), &outline); err != nil {
		t.Fatal(err)
	}
	if len(outline.Outlines) != 4 {
		t.Fatalf("want 4 handouts in the outline, got %+v", outline.Outlines)
	}
	for _, o := range outline.Outlines {
		if o.Page%2 != 1 {
			t.Errorf("%q starts on page %d, a left-hand page", o.Title, o.Page)
		}
	}
	// each handout's outputs were written too, and the combined pages add up
	pdfs, _ := filepath.Glob(filepath.Join(dir, "out", "*", "*.pdf"))
	if len(pdfs) != 4 {
		t.Fatalf("want 4 handouts written, got %v", pdfs)
	}
}

// TestSameSiteTwoWays: one site written as a folder, its site.yaml and an
// absolute path is one site, not a collision.
func TestSameSiteTwoWays(t *testing.T) {
	dir := t.TempDir()
	riverside := filepath.Join(repo, "content", "sites", "riverside")
	abs, _ := filepath.Abs(riverside)
	leaf := filepath.Join(repo, "content", "leaflets", "let-down-reflex.yaml")
	code, _, stderr := run(t, nil, "render", leaf, "--site", riverside, "--site", abs, "--site", filepath.Join(abs, "site.yaml"), "-o", dir+"/", "--quiet")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	pdfs, _ := filepath.Glob(filepath.Join(dir, "*", "*.pdf"))
	if len(pdfs) != 1 {
		t.Fatalf("want one handout, got %v", pdfs)
	}
}

// twoSites makes a folder of sites holding copies of the two branded
// sample sites, for tests that count handouts per site; the samples'
// folder may hold more.
func twoSites(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "sites")
	for _, name := range []string{"riverside", "hillcrest"} {
		src := filepath.Join(repo, "content", "sites", name)
		files, _ := os.ReadDir(src)
		if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			data, err := os.ReadFile(filepath.Join(src, f.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name, f.Name()), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}
