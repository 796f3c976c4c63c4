package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckSamples runs the command on the shipped samples as a clinic
// author would, with a quoted glob.
func TestCheckSamples(t *testing.T) {
	pattern := filepath.Join(repo, "content", "leaflets", "*.yaml")
	leaflets, _ := filepath.Glob(pattern)
	code, out, stderr := run(t, nil, "check", pattern, "--as-of", "2026-12-01", "--site", filepath.Join(repo, "content", "sites", "hillcrest"))
	if code != ExitOK || stderr != "" {
		t.Fatalf("exit %d\n%s%s", code, out, stderr)
	}
	for _, want := range []string{
		"let-down-reflex.yaml: grade ", "breastfeeding-first-weeks.yaml: grade ", "reflejo-de-bajada.yaml: Fernández-Huerta ",
		"hillcrest/site.yaml: site; ok", fmt.Sprintf("%d files: ", len(leaflets)+1), "vang-da-so-sinh.yaml: reading level not measured", "incision-care.yaml: grade ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colors in output that is not a terminal")
	}
	// the samples pass, but not against a grade-3 target, and strict fails then
	if code, _, _ := run(t, nil, "check", pattern, "--as-of", "2026-12-01", "--strict"); code != ExitOK {
		t.Errorf("--strict on clean samples: exit %d, want 0", code)
	}
	if code, _, _ := run(t, nil, "check", pattern, "--as-of", "2026-12-01", "--grade", "3", "--strict"); code != ExitFail {
		t.Errorf("--strict with warnings: exit %d, want 1", code)
	}
	// today the samples' reviews are overdue; the dates are checked as of
	// --as-of, so the outcome above does not depend on the day tests run
	_, out, _ = run(t, nil, "check", pattern, "--as-of", "2030-01-01")
	if strings.Count(out, "[review-overdue]") != len(leaflets) {
		t.Errorf("reviews as of 2030:\n%s", out)
	}
}

func TestCheckErrorsExitOne(t *testing.T) {
	dir := t.TempDir()
	leaf := filepath.Join(dir, "leaf.yaml")
	os.WriteFile(leaf, []byte("title: T\nsubtitel: x\nsections:\n  - body:\n      - Smile Ꭰ now.\n"), 0o644)
	code, out, _ := run(t, nil, "check", leaf)
	if code != ExitFail || !strings.Contains(out, `leaf.yaml:2:1: error: unknown field "subtitel"`) {
		t.Errorf("exit %d\n%s", code, out)
	}
	os.WriteFile(leaf, []byte("title: T\nsections:\n  - body:\n      - Smile Ꭰ now.\ncredits: {last_reviewed: 2999-01-01}\n"), 0o644)
	code, out, _ = run(t, nil, "check", leaf)
	if code != ExitFail || !strings.Contains(out, "leaf.yaml:4:15: error: character U+13A0 (Ꭰ)") ||
		!strings.Contains(out, "leaf.yaml:5:26: error: last_reviewed 2999-01-01 is in the future") {
		t.Errorf("exit %d\n%s", code, out)
	}
}

func TestCheckJSON(t *testing.T) {
	leaf := filepath.Join(repo, "content", "leaflets", "let-down-reflex.yaml")
	code, out, _ := run(t, nil, "check", leaf, "--format", "json", "--as-of", "2026-12-01", "--grade", "4")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	var doc struct {
		Schema  string `json:"schema"`
		Summary struct {
			Files, Errors, Warnings int
			Failed                  bool
		} `json:"summary"`
		Files []struct {
			Path     string `json:"path"`
			Findings []struct {
				Code    string `json:"code"`
				Line    int    `json:"line"`
				Related []struct {
					Line int `json:"line"`
				} `json:"related"`
			} `json:"findings"`
			Readability struct {
				Grade float64 `json:"flesch_kincaid_grade"`
			} `json:"readability"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if doc.Schema != "handout-check/1" || doc.Summary.Files != 1 || doc.Summary.Failed || len(doc.Files) != 1 {
		t.Errorf("report: %+v", doc)
	}
	if g := doc.Files[0].Readability.Grade; g < 4.5 || g > 5 {
		t.Errorf("grade %v", g)
	}
	levels := 0
	for _, f := range doc.Files[0].Findings {
		if f.Code == "reading-level" {
			levels++
		}
	}
	if levels == 0 {
		t.Errorf("--grade 4 should flag the let-down sample's grade:\n%s", out)
	}
}

func TestCheckUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"check"},
		{"check", "x.yaml", "--format", "xml"},
		{"check", "x.yaml", "--as-of", "1/2/2025"},
		{"check", "x.yaml", "--grade", "0"},
		{"check", "x.yaml", "--review-months", "-3"},
		{"check", "x.yaml", "--colour"},
		{"check", filepath.Join(dir, "*.yaml")},
	} {
		if code, _, stderr := run(t, nil, args...); code != ExitUsage || !strings.Contains(stderr, "Usage: handout check") {
			t.Errorf("%v: exit %d, want 2 with usage\n%s", args, code, stderr)
		}
	}
	code, out, _ := run(t, nil, "check", "--help")
	if code != ExitOK || !strings.Contains(out, "--review-months") || !strings.Contains(out, "docs/check.md") {
		t.Errorf("--help: exit %d\n%s", code, out)
	}
	if _, out, _ := run(t, nil, "--help"); !strings.Contains(out, "check ") {
		t.Error("check is not listed in the commands")
	}
}

func TestCheckMissingFile(t *testing.T) {
	code, out, _ := run(t, nil, "check", filepath.Join(t.TempDir(), "nope.yaml"))
	if code != ExitFail || !strings.Contains(out, "nope.yaml: error: cannot read file") {
		t.Errorf("exit %d\n%s", code, out)
	}
}

func TestCheckFolderOfSites(t *testing.T) {
	code, out, stderr := run(t, nil, "check", filepath.Join(repo, "content", "sites"))
	if code != ExitOK || !strings.Contains(out, "riverside/site.yaml: site; ok") || !strings.Contains(out, "hillcrest/site.yaml: site; ok") {
		t.Fatalf("exit %d\n%s%s", code, out, stderr)
	}
}
