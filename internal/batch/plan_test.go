package batch

import (
	"path/filepath"
	"strings"
	"testing"
)

func entries(paths ...string) []Entry {
	var e []Entry
	for _, p := range paths {
		e = append(e, Entry{Path: p})
	}
	return e
}

func rels(outs []Output) []string {
	var r []string
	for _, o := range outs {
		r = append(r, o.Rel)
	}
	return r
}

func TestPlanSitesFolderAndLayouts(t *testing.T) {
	dir := library(t)
	good := []string{filepath.Join(dir, "leaflets", "a.yaml"), filepath.Join(dir, "leaflets", "b.yaml")}
	cases := []struct {
		name string
		spec Spec
		want string
	}{
		{"folder of sites", Spec{Leaflets: entries(good...), Sites: entries(filepath.Join(dir, "sites"))},
			"north/a.pdf north/b.pdf south/a.pdf south/b.pdf"},
		{"one site by file", Spec{Leaflets: entries(good...), Sites: entries(filepath.Join(dir, "sites", "south", "site.yaml"))},
			"south/a.pdf south/b.pdf"},
		{"no site", Spec{Leaflets: entries(good...)}, "a.pdf b.pdf"},
		{"layouts", Spec{Leaflets: entries(good[0]), Sites: entries(filepath.Join(dir, "sites", "north")), Layouts: entries("letter", "a4")},
			"north/letter/a.pdf north/a4/a.pdf"},
		{"glob and dedupe", Spec{Leaflets: entries(filepath.Join(dir, "leaflets", "[ab].yaml"), good[0])}, "a.pdf b.pdf"},
		{"double star", Spec{Leaflets: entries(filepath.Join(dir, "**", "a.yaml"))}, "a.pdf"},
		{"site glob", Spec{Leaflets: entries(good[0]), Sites: entries(filepath.Join(dir, "sites", "s*"))}, "south/a.pdf"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.spec.OutDir = "out"
			outs, err := Plan(c.spec)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(rels(outs), " "); got != c.want {
				t.Errorf("outputs %q, want %q", got, c.want)
			}
			for i, o := range outs {
				if o.Index != i || o.Path != filepath.Join("out", filepath.FromSlash(o.Rel)) {
					t.Errorf("output %d: index %d, path %s", i, o.Index, o.Path)
				}
			}
		})
	}
}

func TestPlanFolderOfLeaflets(t *testing.T) {
	dir := library(t)
	outs, err := Plan(Spec{Leaflets: entries(filepath.Join(dir, "leaflets")), OutDir: "o"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rels(outs), " "); got != "a.pdf b.pdf bad-ph.pdf bad-yaml.pdf c.pdf" {
		t.Errorf("got %q", got)
	}
}

func TestPlanProblems(t *testing.T) {
	dir := library(t)
	a := filepath.Join(dir, "leaflets", "a.yaml")
	write(t, dir, map[string]string{"other/a.yaml": leaflet("Other A"), "other/north/site.yaml": "name: N\n", "empty/x.txt": ""})
	cases := []struct {
		spec Spec
		want string
	}{
		{Spec{}, "no leaflets given"},
		{Spec{Leaflets: entries(filepath.Join(dir, "nothing*.yaml"))}, "no leaflet file matches"},
		{Spec{Leaflets: entries(filepath.Join(dir, "empty"))}, "folder holds no leaflet files"},
		{Spec{Leaflets: entries(a, filepath.Join(dir, "other", "a.yaml"))}, "would both be written to"},
		{Spec{Leaflets: entries(a), Sites: entries(filepath.Join(dir, "nosuch"))}, "site folder or file does not exist"},
		{Spec{Leaflets: entries(a), Sites: entries(filepath.Join(dir, "empty"))}, "holds no site folders"},
		{Spec{Leaflets: entries(a), Sites: entries(filepath.Join(dir, "sites", "north"), filepath.Join(dir, "other", "north"))}, `two sites are named "north"`},
		{Spec{Leaflets: entries(a), Layouts: entries("leter")}, `unknown layout "leter" (did you mean "letter"?)`},
		{Spec{Leaflets: entries(a, filepath.Join(dir, "leaflets", "b.yaml")), OutFile: "x.pdf"}, "names one file but the job has 2 outputs"},
	}
	for _, c := range cases {
		_, err := Plan(c.spec)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: got %v, want %q", c.spec, err, c.want)
		}
	}
	// A leaflet that does not exist is that output's failure, not the plan's.
	if outs, err := Plan(Spec{Leaflets: entries(filepath.Join(dir, "missing.yaml"))}); err != nil || len(outs) != 1 {
		t.Errorf("missing leaflet: %v, %d outputs", err, len(outs))
	}
}

func TestHoldsSites(t *testing.T) {
	dir := library(t)
	if !HoldsSites(filepath.Join(dir, "sites")) || HoldsSites(filepath.Join(dir, "sites", "north")) || HoldsSites(filepath.Join(dir, "leaflets")) {
		t.Error("HoldsSites is wrong")
	}
}
