package batch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"handout/internal/render"
)

// Throughput of whole runs (plan already made; load, validate, typeset,
// paint, write atomically) on the let-down sample for two sites, one
// handout per b.N:
//
//	go test ./internal/batch -run '^$' -bench Run -benchtime 2000x
//
// handouts/s is the figure to compare; j=2 against j=1 shows how close to
// linear the pool scales.
func benchmarkRun(b *testing.B, jobs int) {
	r, err := render.New("bench")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	outs := letDownOutputs(dir, b.N)
	// Decode the sites' images before timing, as a long run would have.
	if _, err := Run(context.Background(), r, letDownOutputs(b.TempDir(), 2), Options{Jobs: 1}); err != nil {
		b.Fatal(err)
	}
	defer TuneGC(os.Getenv, RunBudget)()
	b.ResetTimer()
	sum, err := Run(context.Background(), r, outs, Options{Jobs: jobs, Force: true})
	b.StopTimer()
	if err != nil || sum.Rendered != b.N {
		b.Fatalf("%v: %+v", err, sum)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "handouts/s")
}

func BenchmarkRunJ1(b *testing.B) { benchmarkRun(b, 1) }
func BenchmarkRunJ2(b *testing.B) { benchmarkRun(b, 2) }

// letDownOutputs is n outputs of the let-down sample, alternating between
// the two sample sites, each to its own file under dir.
func letDownOutputs(dir string, n int) []Output {
	leaf := filepath.Join(repo, "content", "leaflets", "let-down-reflex.yaml")
	sites := []string{"riverside", "hillcrest"}
	outs := make([]Output, n)
	for i := range outs {
		site := sites[i%2]
		rel := fmt.Sprintf("%s/let-down-%d.pdf", site, i)
		outs[i] = Output{
			Index: i, Leaflet: leaf, Site: filepath.Join(repo, "content", "sites", site), SiteName: site,
			Layout: "letter", LayoutName: "letter", Path: filepath.Join(dir, filepath.FromSlash(rel)), Rel: rel,
		}
	}
	return outs
}
