package batch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"handout/internal/render"
)

func newRenderer(t testing.TB) *render.Renderer {
	r, err := render.New("test")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// plan plans the library's leaflets matching pattern for both sites.
func plan(t *testing.T, dir, pattern string) []Output {
	t.Helper()
	outs, err := Plan(Spec{
		Leaflets: entries(filepath.Join(dir, "leaflets", pattern)),
		Sites:    entries(filepath.Join(dir, "sites")),
		OutDir:   filepath.Join(dir, "out"),
	})
	if err != nil {
		t.Fatal(err)
	}
	return outs
}

// recorder keeps every record a run passes on, in order.
type recorder struct{ recs []*Record }

func (r *recorder) Start(int)        {}
func (r *recorder) Done(rec *Record) { r.recs = append(r.recs, rec) }

func statuses(recs []*Record) map[string]Status {
	m := map[string]Status{}
	for _, r := range recs {
		m[filepath.Base(filepath.Dir(r.Output))+"/"+filepath.Base(r.Output)] = r.Status
	}
	return m
}

// TestFailureIsolation renders good and broken leaflets together: the
// broken ones fail with their positioned messages, the rest are written.
func TestFailureIsolation(t *testing.T) {
	dir := library(t)
	outs := plan(t, dir, "*.yaml")
	var rec recorder
	var stderr bytes.Buffer
	prog := NewProgress(&stderr, false, 0, false)
	sum, err := Run(context.Background(), newRenderer(t), outs, Options{Jobs: 3, Progress: multi{&rec, prog}})
	prog.Finish(sum)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rendered != 6 || sum.Failed != 4 || sum.Skipped != 0 || sum.Total != 10 {
		t.Errorf("summary %+v", sum)
	}
	for name, st := range statuses(rec.recs) {
		_, statErr := os.Stat(filepath.Join(dir, "out", filepath.FromSlash(name)))
		if bad := strings.Contains(name, "bad"); bad != (st == Failed) || bad != (statErr != nil) {
			t.Errorf("%s: status %s, file: %v", name, st, statErr)
		}
	}
	log := stderr.String()
	for _, want := range []string{
		filepath.Join(dir, "leaflets", "bad-yaml.yaml") + ":1:1: invalid YAML",
		filepath.Join(dir, "leaflets", "bad-ph.yaml") + ":4:14: unknown placeholder {fax}",
		"handout: rendered 6, failed 4, skipped 0 in ",
	} {
		if strings.Count(log, want) != 1 {
			t.Errorf("stderr should hold %q once (a leaflet failing for two sites is reported once):\n%s", want, log)
		}
	}
	if strings.Contains(log, "\r") {
		t.Error("a progress bar was drawn on a writer that is not a terminal")
	}
	if leftovers(t, dir) != nil {
		t.Errorf("temporary files left: %v", leftovers(t, dir))
	}
}

type multi []Observer

func (m multi) Start(n int) {
	for _, o := range m {
		o.Start(n)
	}
}

func (m multi) Done(r *Record) {
	for _, o := range m {
		o.Done(r)
	}
}

func leftovers(t *testing.T, dir string) []string {
	var tmp []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, tmpSuffix) {
			tmp = append(tmp, p)
		}
		return nil
	})
	return tmp
}

func TestFailFast(t *testing.T) {
	dir := library(t)
	outs := plan(t, dir, "*.yaml")
	// Put a broken leaflet first so the stop comes early.
	outs[0], outs[2] = outs[2], outs[0]
	if !strings.Contains(outs[0].Leaflet, "bad") {
		t.Fatalf("expected a broken leaflet first, got %s", outs[0].Leaflet)
	}
	sum, err := Run(context.Background(), newRenderer(t), outs, Options{Jobs: 1, FailFast: true})
	if err != nil || !sum.Stopped || sum.Failed < 1 || sum.NotStarted < 5 || sum.Rendered+sum.Failed+sum.NotStarted != 10 {
		t.Errorf("fail-fast: %v %+v", err, sum)
	}
}

// TestResume: a second run skips everything, --force renders everything
// again, and touching one input renders again just what uses it.
func TestResume(t *testing.T) {
	dir := library(t)
	outs := plan(t, dir, "[abc].yaml")
	r := newRenderer(t)
	run := func(opt Options) (Summary, map[string]Status) {
		t.Helper()
		var rec recorder
		opt.Progress = &rec
		sum, err := Run(context.Background(), r, outs, opt)
		if err != nil {
			t.Fatal(err)
		}
		return sum, statuses(rec.recs)
	}
	if sum, _ := run(Options{}); sum.Rendered != 6 {
		t.Fatalf("first run %+v", sum)
	}
	if sum, _ := run(Options{}); sum.Skipped != 6 || sum.Rendered != 0 {
		t.Errorf("second run should skip everything: %+v", sum)
	}
	if sum, _ := run(Options{Force: true}); sum.Rendered != 6 {
		t.Errorf("--force should render everything: %+v", sum)
	}
	touch := func(rel string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		// Now, as touch(1) does: later than the outputs, which are dated
		// when their render started.
		now := time.Now()
		if err := os.Chtimes(p, now, now); err != nil {
			t.Fatal(err)
		}
	}
	expect := func(what string, want ...string) {
		t.Helper()
		_, st := run(Options{})
		var got []string
		for name, s := range st {
			if s == Rendered {
				got = append(got, name)
			}
		}
		if strings.Join(sorted(got), " ") != strings.Join(sorted(want), " ") {
			t.Errorf("after touching %s rendered %v, want %v", what, got, want)
		}
	}
	touch("leaflets/b.yaml")
	expect("a leaflet", "north/b.pdf", "south/b.pdf")
	touch("sites/south/site.yaml")
	expect("a site file", "south/a.pdf", "south/b.pdf", "south/c.pdf")
	touch("sites/north/head.png")
	expect("a site image", "north/a.pdf", "north/b.pdf", "north/c.pdf")
	touch("leaflets/pic.png")
	expect("a leaflet image", "north/c.pdf", "south/c.pdf")
	expect("nothing")
	// A damaged output is rendered again even though it is newer.
	p := filepath.Join(dir, "out", "north", "a.pdf")
	os.WriteFile(p, []byte("%PDF-1.4\ncut short"), 0o644)
	expect("nothing but a damaged output", "north/a.pdf")
}

func TestLayoutFileIsAnInput(t *testing.T) {
	dir := library(t)
	write(t, dir, map[string]string{"wide.yaml": "page: {size: a4}\n"})
	outs, err := Plan(Spec{Leaflets: entries(filepath.Join(dir, "leaflets", "a.yaml")), Layouts: entries(filepath.Join(dir, "wide.yaml")), OutDir: filepath.Join(dir, "out")})
	if err != nil {
		t.Fatal(err)
	}
	r := newRenderer(t)
	if sum, err := Run(context.Background(), r, outs, Options{}); err != nil || sum.Rendered != 1 {
		t.Fatalf("%v %+v", err, sum)
	}
	now := time.Now()
	os.Chtimes(filepath.Join(dir, "wide.yaml"), now, now)
	if sum, _ := Run(context.Background(), r, outs, Options{}); sum.Rendered != 1 {
		t.Errorf("a newer layout file should make the output stale: %+v", sum)
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// TestReportMatchesFiles checks each record against the file on disk:
// sha256 and bytes, and pages as pdfinfo counts them.
func TestReportMatchesFiles(t *testing.T) {
	pdfinfo := tool(t, "pdfinfo")
	dir := library(t)
	outs := plan(t, dir, "*.yaml")
	outs = append(outs, Output{Index: len(outs), Leaflet: filepath.Join(repo, "content", "leaflets", "breastfeeding-first-weeks.yaml"),
		Site: filepath.Join(repo, "content", "sites", "riverside"), Layout: "a4", Path: filepath.Join(dir, "out", "long.pdf"), Rel: "long.pdf"})
	r := newRenderer(t)
	for round, force := range []bool{true, false} { // rendered, then skipped
		rp := filepath.Join(dir, "report.json")
		rep, err := NewReport(rp, ReportInfo{Handout: "test", Started: time.Now()}, nil)
		if err != nil {
			t.Fatal(err)
		}
		sum, err := Run(context.Background(), r, outs, Options{Force: force, Report: rep})
		if err != nil {
			t.Fatal(err)
		}
		if err := rep.Close(sum); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Handout string
			Outputs []Record
			Summary struct{ Total, Rendered, Failed, Skipped int }
		}
		raw, _ := os.ReadFile(rp)
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatalf("report is not JSON: %v\n%s", err, raw)
		}
		if len(doc.Outputs) != len(outs) || doc.Summary.Total != len(outs) || doc.Summary.Failed != 4 || doc.Handout != "test" {
			t.Fatalf("round %d: %d records, summary %+v", round, len(doc.Outputs), doc.Summary)
		}
		for i, rec := range doc.Outputs {
			if rec.Index != i || rec.Output != outs[i].Path {
				t.Errorf("record %d is for %s (index %d): not in plan order", i, rec.Output, rec.Index)
			}
			if rec.Status == Failed {
				if len(rec.Errors) == 0 || !strings.Contains(rec.Errors[0], rec.Leaflet) || rec.SHA256 != "" {
					t.Errorf("failed record %+v", rec)
				}
				continue
			}
			want := Rendered
			if round == 1 {
				want = Skipped
			}
			if rec.Status != want {
				t.Errorf("round %d: %s is %s", round, rec.Output, rec.Status)
			}
			data, err := os.ReadFile(rec.Output)
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(data)
			if rec.SHA256 != hex.EncodeToString(sum[:]) || rec.Bytes != int64(len(data)) {
				t.Errorf("%s: report says %d bytes, sha256 %s; the file has %d", rec.Output, rec.Bytes, rec.SHA256, len(data))
			}
			out, err := exec.Command(pdfinfo, rec.Output).CombinedOutput()
			if err != nil {
				t.Fatalf("pdfinfo %s: %v\n%s", rec.Output, err, out)
			}
			m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
			if pages, _ := strconv.Atoi(string(m[1])); m == nil || pages != rec.Pages {
				t.Errorf("%s: report says %d pages, pdfinfo %s", rec.Output, rec.Pages, m)
			}
			if len(rec.Inputs) == 0 || rec.Inputs[0] != rec.Leaflet {
				t.Errorf("%s: inputs %v", rec.Output, rec.Inputs)
			}
		}
		if long := doc.Outputs[len(doc.Outputs)-1]; long.Pages < 5 || len(long.Inputs) != 6 {
			t.Errorf("long sample: %d pages, inputs %v", long.Pages, long.Inputs)
		}
	}
}

// TestInterruptedRun cancels a run part-way: work in flight is finished,
// nothing new starts, every PDF on disk is whole, and no temporary file is
// left.
func TestInterruptedRun(t *testing.T) {
	dir := library(t)
	var outs []Output
	for i := range 200 {
		outs = append(outs, Output{Index: i, Leaflet: filepath.Join(dir, "leaflets", "a.yaml"),
			Path: filepath.Join(dir, "out", strconv.Itoa(i)+".pdf"), Rel: strconv.Itoa(i) + ".pdf"})
	}
	ctx, cancel := context.WithCancel(context.Background())
	stopper := &cancelAfter{n: 20, cancel: cancel}
	sum, err := Run(ctx, newRenderer(t), outs, Options{Jobs: 2, Progress: stopper})
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Interrupted || sum.NotStarted == 0 || sum.Rendered < 20 || sum.Rendered+sum.NotStarted != 200 {
		t.Errorf("summary %+v", sum)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "out", "*.pdf"))
	if len(files) != sum.Rendered {
		t.Errorf("%d files for %d rendered", len(files), sum.Rendered)
	}
	for _, f := range files {
		if data, _ := os.ReadFile(f); !completePDF(data) {
			t.Errorf("%s is not a whole PDF", f)
		}
	}
	if l := leftovers(t, dir); l != nil {
		t.Errorf("temporary files left: %v", l)
	}
}

type cancelAfter struct {
	n, done int
	cancel  func()
}

func (c *cancelAfter) Start(int) {}
func (c *cancelAfter) Done(*Record) {
	if c.done++; c.done == c.n {
		c.cancel()
	}
}

// fakeCombiner records what a run hands it.
type fakeCombiner struct {
	titles         []string
	closed, failed bool
	failAt         int
}

func (f *fakeCombiner) Add(res *render.Result, title string) error {
	if res == nil || res.Pages == 0 {
		return errors.New("empty result")
	}
	f.titles = append(f.titles, title)
	if len(f.titles) == f.failAt {
		return errors.New("disk full")
	}
	return nil
}
func (f *fakeCombiner) Close() error { f.closed = true; return nil }
func (f *fakeCombiner) Abort()       { f.failed = true }

func TestCombinerGetsHandoutsInOrder(t *testing.T) {
	dir := library(t)
	outs := plan(t, dir, "*.yaml")
	r := newRenderer(t)
	want := "Alpha|Beta North Clinic|Gamma|Alpha|Beta South Clinic|Gamma"
	for round := range 2 { // the second round finds everything up to date
		c := &fakeCombiner{}
		sum, err := Run(context.Background(), r, outs, Options{Jobs: 3, Combiner: c})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(c.titles, "|"); got != want || !c.closed || c.failed {
			t.Errorf("round %d: titles %q (want %q), closed %v, aborted %v; %+v", round, got, want, c.closed, c.failed, sum)
		}
	}
	c := &fakeCombiner{failAt: 2}
	sum, err := Run(context.Background(), r, outs, Options{Jobs: 2, Combiner: c, Force: true})
	if err == nil || !strings.Contains(err.Error(), "disk full") || !sum.Stopped || c.closed || !c.failed {
		t.Errorf("a failing combiner should stop the run and be aborted: %v %+v %+v", err, sum, c)
	}
}

func TestProgressBar(t *testing.T) {
	var b bytes.Buffer
	p := NewProgress(&b, true, 100, false)
	p.Start(4)
	p.Done(&Record{Status: Rendered})
	p.Done(&Record{Status: Failed, Errors: []string{"x.yaml:1:1: broken"}})
	p.Done(&Record{Status: Skipped, Warnings: []string{"x.yaml:2:1: warning: odd"}})
	p.Done(&Record{Status: Rendered})
	p.Finish(Summary{Total: 4, Rendered: 2, Failed: 1, Skipped: 1, Elapsed: time.Second})
	out := b.String()
	for _, want := range []string{"\r\033[K[", " 4/4 100% ", " 1 failed", "\r\033[Kx.yaml:1:1: broken\n", "x.yaml:2:1: warning: odd\n", "handout: rendered 2, failed 1, skipped 1 in 1s (2 handouts/s)\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("progress output lacks %q:\n%q", want, out)
		}
	}
	b.Reset()
	q := NewProgress(&b, true, 100, true)
	q.Start(2)
	q.Done(&Record{Status: Failed, Errors: []string{"y.yaml:1:1: broken"}})
	q.Done(&Record{Status: Rendered, Warnings: []string{"w"}})
	q.Finish(Summary{})
	if b.String() != "y.yaml:1:1: broken\n" {
		t.Errorf("quiet should print failures only: %q", b.String())
	}
}

func TestRemoveStaleTemps(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	for _, n := range []string{".a.pdf.123.tmp", ".b.pdf.456.tmp", "keep.tmp", ".report.json.1.tmp", ".notes.txt.1.tmp"} {
		p := filepath.Join(dir, n)
		os.WriteFile(p, nil, 0o644)
		if n != ".b.pdf.456.tmp" {
			os.Chtimes(p, old, old)
		}
	}
	removeStaleTemps(dir, time.Now())
	left, _ := filepath.Glob(filepath.Join(dir, "*"))
	var names []string
	for _, p := range left {
		names = append(names, filepath.Base(p))
	}
	// Only old temporary PDFs and reports go; a young one may be a write in
	// progress, and other files are not ours.
	if got := strings.Join(sorted(names), " "); got != ".b.pdf.456.tmp .notes.txt.1.tmp keep.tmp" {
		t.Errorf("left %q", got)
	}
}

// TestJobsLimitsCores: -j N uses N cores while the run lasts, and the
// process's setting comes back afterwards.
func TestJobsLimitsCores(t *testing.T) {
	if runtime.NumCPU() < 2 {
		t.Skip("needs two CPUs")
	}
	dir := library(t)
	outs := plan(t, dir, "*.yaml")[:2]
	before := runtime.GOMAXPROCS(0)
	seen := 0
	obs := &procsObserver{seen: &seen}
	if _, err := Run(context.Background(), newRenderer(t), outs, Options{Jobs: 1, Progress: obs}); err != nil {
		t.Fatal(err)
	}
	if seen != 1 {
		t.Errorf("during -j 1 GOMAXPROCS was %d, want 1", seen)
	}
	if after := runtime.GOMAXPROCS(0); after != before {
		t.Errorf("GOMAXPROCS is %d after the run, was %d", after, before)
	}
}

// procsObserver records GOMAXPROCS while a run is under way.
type procsObserver struct{ seen *int }

func (o *procsObserver) Start(int)    { *o.seen = runtime.GOMAXPROCS(0) }
func (o *procsObserver) Done(*Record) {}

// TestFontFilesAreInputs: a font replaced, added or touched in the run's
// fonts folder, or in a layout's fonts: folder, makes the outputs drawn
// with it stale.
func TestFontFilesAreInputs(t *testing.T) {
	dir := library(t)
	armenian, err := os.ReadFile(filepath.Join(repo, "fonts", "NotoSansArmenian-Regular.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, map[string]string{
		"runfonts/Brand.ttf":    string(armenian),
		"house/fonts/Brand.ttf": string(armenian),
		"house/house.yaml":      "page: {size: a4}\nfonts: fonts\n",
	})
	leaf := entries(filepath.Join(dir, "leaflets", "a.yaml"))
	hourAgo := time.Now().Add(-time.Hour)
	for _, p := range []string{"runfonts/Brand.ttf", "runfonts", "house/fonts/Brand.ttf", "house/fonts", "house/house.yaml"} {
		if err := os.Chtimes(filepath.Join(dir, p), hourAgo, hourAgo); err != nil {
			t.Fatal(err)
		}
	}
	r := newRenderer(t)
	for _, c := range []struct {
		name, layout, fonts string
	}{
		{"the run's fonts folder", "", filepath.Join(dir, "runfonts")},
		{"a layout's fonts folder", filepath.Join(dir, "house", "house.yaml"), filepath.Join(dir, "house", "fonts")},
	} {
		t.Run(c.name, func(t *testing.T) {
			spec := Spec{Leaflets: leaf, OutDir: filepath.Join(dir, "out", c.name)}
			opt := Options{}
			if c.layout != "" {
				spec.Layouts = entries(c.layout)
			} else {
				opt.Fonts = []string{c.fonts}
			}
			outs, err := Plan(spec)
			if err != nil {
				t.Fatal(err)
			}
			rendered := func() int {
				t.Helper()
				sum, err := Run(context.Background(), r, outs, opt)
				if err != nil || sum.Failed != 0 {
					t.Fatalf("%v %+v", err, sum)
				}
				return sum.Rendered
			}
			if n := rendered(); n != 1 {
				t.Fatalf("first run rendered %d", n)
			}
			if n := rendered(); n != 0 {
				t.Fatalf("second run rendered %d, want it skipped", n)
			}
			now := time.Now() // later than the output, as touch(1) does
			if err := os.Chtimes(filepath.Join(c.fonts, "Brand.ttf"), now, now); err != nil {
				t.Fatal(err)
			}
			if n := rendered(); n != 1 {
				t.Errorf("a replaced font: rendered %d, want 1", n)
			}
			if n := rendered(); n != 0 {
				t.Errorf("nothing changed: rendered %d, want 0", n)
			}
			// a new file dates its folder (here by the precise clock: the
			// kernel's file times come from a coarser one, which can date
			// a file written just after the last render before it)
			if err := os.WriteFile(filepath.Join(c.fonts, "Extra.ttf"), armenian, 0o644); err != nil {
				t.Fatal(err)
			}
			now = time.Now()
			if err := os.Chtimes(c.fonts, now, now); err != nil {
				t.Fatal(err)
			}
			if n := rendered(); n != 1 {
				t.Errorf("a font added: rendered %d, want 1", n)
			}
		})
	}
}
