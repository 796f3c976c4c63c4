package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestShardsMergeToTheUnshardedRun renders the samples (and one broken
// leaflet) for both sample sites once unsharded, and once as three shards
// picked with --shard auto from the environment a Kubernetes Indexed Job
// sets; the merged shard reports must equal the unsharded report, record
// for record, and the PDFs must be the same bytes.
func TestShardsMergeToTheUnshardedRun(t *testing.T) {
	dir := t.TempDir()
	leaflets := filepath.Join(dir, "leaflets")
	os.MkdirAll(leaflets, 0o755)
	for _, name := range []string{"let-down-reflex.yaml", "reflejo-de-bajada.yaml"} {
		b, err := os.ReadFile(filepath.Join(repo, "content", "leaflets", name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(leaflets, name), b, 0o644)
	}
	os.WriteFile(filepath.Join(leaflets, "broken.yaml"), []byte("title: Broken\nsections:\n  - body:\n      - Call {fax}.\n"), 0o644)
	sites := twoSites(t)

	whole := filepath.Join(dir, "whole")
	code, _, stderr := run(t, nil, "render", leaflets, "--site", sites, "-o", whole+"/", "--report", filepath.Join(dir, "whole.json"), "-q")
	if code != ExitFail { // the broken leaflet fails, twice
		t.Fatalf("unsharded run: exit %d\n%s", code, stderr)
	}
	shared := filepath.Join(dir, "shared")
	var reports []string
	for i := range 3 {
		env := map[string]string{"JOB_COMPLETION_INDEX": strconv.Itoa(i), "HANDOUT_SHARDS": "3"}
		args := []string{"render", leaflets, "--site", sites, "-o", shared + "/", "--shard", "auto", "-q"}
		if i == 2 { // the count from the flag instead
			delete(env, "HANDOUT_SHARDS")
			args = append(args, "--shards", "3")
		}
		rep := filepath.Join(dir, "report-"+strconv.Itoa(i+1)+".json")
		reports = append(reports, rep)
		code, _, stderr := run(t, env, append(args, "--report", rep)...)
		if code != ExitOK && code != ExitFail {
			t.Fatalf("shard %d: exit %d\n%s", i+1, code, stderr)
		}
		var head struct{ Shard string }
		b, _ := os.ReadFile(rep)
		json.Unmarshal(b, &head)
		if head.Shard != strconv.Itoa(i+1)+"/3" {
			t.Errorf("shard %d's report says shard %q", i+1, head.Shard)
		}
	}
	merged := filepath.Join(dir, "merged.json")
	// a pattern, as a step with no shell gives it
	if code, _, stderr := run(t, nil, "merge-reports", "-o", merged, filepath.Join(dir, "report-*.json")); code != ExitOK {
		t.Fatalf("merge-reports: exit %d\n%s", code, stderr)
	}
	want, got := readReport(t, filepath.Join(dir, "whole.json"), whole), readReport(t, merged, shared)
	if len(got.Outputs) != 6 || len(want.Outputs) != 6 {
		t.Fatalf("%d merged records, %d unsharded; want 6 each", len(got.Outputs), len(want.Outputs))
	}
	for i := range want.Outputs {
		if got.Outputs[i] != want.Outputs[i] {
			t.Errorf("record %d differs:\nsharded   %s\nunsharded %s", i, got.Outputs[i], want.Outputs[i])
		}
	}
	if got.Summary != want.Summary {
		t.Errorf("summary %s, want %s", got.Summary, want.Summary)
	}
	if strings.Join(pdfs(t, shared), " ") != strings.Join(pdfs(t, whole), " ") {
		t.Errorf("the shards wrote %v, the unsharded run %v", pdfs(t, shared), pdfs(t, whole))
	}

	// a missing shard, or one given twice, is refused
	if code, _, stderr := run(t, nil, "merge-reports", "-o", merged, reports[0], reports[1]); code != ExitFail || !strings.Contains(stderr, "2 of 3 shards") {
		t.Errorf("a missing shard: exit %d %s", code, stderr)
	}
	if code, _, stderr := run(t, nil, "merge-reports", "-o", merged, reports[0], reports[1], reports[1]); code != ExitFail || !strings.Contains(stderr, "already given") {
		t.Errorf("a shard twice: exit %d %s", code, stderr)
	}
	if code, _, _ := run(t, map[string]string{"JOB_COMPLETION_INDEX": "0"}, "render", leaflets, "--site", sites, "-o", shared+"/", "--shard", "auto"); code != ExitUsage {
		t.Errorf("--shard auto without a count: exit %d, want %d", code, ExitUsage)
	}
	if code, _, _ := run(t, nil, "render", leaflets, "--site", sites, "-o", shared+"/", "--shard", "1/3", "--shards", "3"); code != ExitUsage {
		t.Errorf("--shards without auto: exit %d, want %d", code, ExitUsage)
	}
}

// comparable is a report with what differs between runs taken out: the
// time each output took, and the output folder.
type comparable struct {
	Outputs []string
	Summary string
}

func readReport(t *testing.T, path, outDir string) comparable {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Outputs []map[string]any `json:"outputs"`
		Summary map[string]any   `json:"summary"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	var c comparable
	for _, o := range r.Outputs {
		delete(o, "duration_ms")
		o["output"] = strings.TrimPrefix(o["output"].(string), outDir)
		s, _ := json.Marshal(o)
		c.Outputs = append(c.Outputs, string(s))
	}
	delete(r.Summary, "seconds")
	s, _ := json.Marshal(r.Summary)
	c.Summary = string(s)
	return c
}
