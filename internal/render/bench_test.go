package render

import (
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"handout/internal/paint"
)

// Benchmarks for one whole handout (load, validate, typeset, paint) in a
// process that has already parsed its fonts, as a print-room batch does:
//
//	go test ./internal/render -run '^$' -bench . -benchmem
func benchmarkRender(b *testing.B, leaflet string) {
	r := newRenderer(b)
	job := Job{
		Leaflet: filepath.Join(repo, "content", "leaflets", leaflet),
		Site:    filepath.Join(repo, "content", "sites", "riverside"),
	}
	if _, err := r.Render(job); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := r.Render(job); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderLetDown(b *testing.B)    { benchmarkRender(b, "let-down-reflex.yaml") }
func BenchmarkRenderLongSample(b *testing.B) { benchmarkRender(b, "breastfeeding-first-weeks.yaml") }

// The Chinese sample beside the let-down sample: both are two Letter
// pages with the riverside site, so the pair compares a Chinese handout
// with an English one of the same length (the target: at most 2x).
func BenchmarkRenderChinese(b *testing.B) { benchmarkRender(b, "zh-Hans-fever.yaml") }

// The other scripts' samples, for the same comparison.
func BenchmarkRenderKorean(b *testing.B) { benchmarkRender(b, "ko-safe-sleep.yaml") }
func BenchmarkRenderArabic(b *testing.B) { benchmarkRender(b, "ar-engorgement.yaml") }
func BenchmarkRenderHindi(b *testing.B)  { benchmarkRender(b, "hi-ors.yaml") }

// BenchmarkNewRenderer is the per-process start-up cost: parsing the fonts.
func BenchmarkNewRenderer(b *testing.B) {
	for b.Loop() {
		newRenderer(b)
	}
}

// BenchmarkPaintLetDown is the painting alone: the laid-out let-down
// sample written as a PDF, fonts and images already prepared.
func BenchmarkPaintLetDown(b *testing.B) { benchmarkPaint(b, true) }

// BenchmarkPaintLetDownUncached is the same without the cache of
// compressed font subsets, as for a handout the process has not set before.
func BenchmarkPaintLetDownUncached(b *testing.B) { benchmarkPaint(b, false) }

func benchmarkPaint(b *testing.B, cache bool) {
	r := newRenderer(b)
	if !cache {
		r.eng.Images().Compressors().SetSubsetCache(0)
	}
	job := Job{
		Leaflet: filepath.Join(repo, "content", "leaflets", "let-down-reflex.yaml"),
		Site:    filepath.Join(repo, "content", "sites", "riverside"),
	}
	p, err := r.prepare(job)
	if err != nil {
		b.Fatal(err)
	}
	meta := r.meta(p, job)
	images := r.printedImages(p.doc, false)
	if _, err := paint.Paint(p.doc, meta, images, r.paint); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := paint.Paint(p.doc, meta, images, r.paint); err != nil {
			b.Fatal(err)
		}
	}
}

// benchmarkTypeset is one handout's load, validate and typeset without
// painting, in a warm process: the stages shaping changes.
func benchmarkTypeset(b *testing.B, leaflet string) {
	r := newRenderer(b)
	job := Job{
		Leaflet: filepath.Join(repo, "content", "leaflets", leaflet),
		Site:    filepath.Join(repo, "content", "sites", "riverside"),
	}
	if _, _, err := r.Typeset(job); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := r.Typeset(job); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTypesetLetDown(b *testing.B)    { benchmarkTypeset(b, "let-down-reflex.yaml") }
func BenchmarkTypesetLongSample(b *testing.B) { benchmarkTypeset(b, "breastfeeding-first-weeks.yaml") }

// BenchmarkColdTypesetLetDown is a whole process's typesetting work: a new
// renderer (fonts parsed, nothing shaped yet) setting one handout.
func BenchmarkColdTypesetLetDown(b *testing.B) {
	job := Job{
		Leaflet: filepath.Join(repo, "content", "leaflets", "let-down-reflex.yaml"),
		Site:    filepath.Join(repo, "content", "sites", "riverside"),
	}
	for b.Loop() {
		if _, _, err := newRenderer(b).Typeset(job); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTagging measures what tagging costs a whole document (load,
// typeset and paint): each iteration renders the handout tagged and
// untagged, one right after the other and in turns, so both see the same
// machine load. It reports the wall time of each and the process CPU time
// of each (garbage collection on other threads included), and as the
// ratios the median over the pairs of tagged to untagged: on a shared
// machine a burst of other work lands in a few pairs, which the median
// leaves out and a ratio of sums does not. It also reports each PDF's size:
//
//	go test ./internal/render -run '^$' -bench Tagging -count 3
func BenchmarkTagging(b *testing.B) {
	for _, leaflet := range []string{"let-down-reflex", "breastfeeding-first-weeks"} {
		b.Run(leaflet, func(b *testing.B) { benchmarkTagging(b, leaflet) })
	}
}

func benchmarkTagging(b *testing.B, leaflet string) {
	r := newRenderer(b)
	job := Job{
		Leaflet: filepath.Join(repo, "content", "leaflets", leaflet+".yaml"),
		Site:    filepath.Join(repo, "content", "sites", "riverside"),
	}
	var wall, cpu [2]time.Duration
	var wallRatios, cpuRatios []float64
	var size [2]int
	n := 0
	for b.Loop() {
		var pairWall, pairCPU [2]time.Duration
		// alternate which goes first, so that neither always pays for the
		// other's garbage
		for k := range 2 {
			i := (n + k) % 2 // 0 tagged, 1 untagged
			start, startCPU := time.Now(), processCPU(b)
			p, err := r.prepare(job)
			if err != nil {
				b.Fatal(err)
			}
			meta := r.meta(p, job)
			meta.Untagged = i == 1
			pdf, err := paint.Paint(p.doc, meta, r.printedImages(p.doc, false), r.paint)
			if err != nil {
				b.Fatal(err)
			}
			pairWall[i], pairCPU[i] = time.Since(start), processCPU(b)-startCPU
			size[i] = len(pdf)
		}
		for i := range 2 {
			wall[i] += pairWall[i]
			cpu[i] += pairCPU[i]
		}
		wallRatios = append(wallRatios, float64(pairWall[0])/float64(pairWall[1]))
		if pairCPU[1] > 0 {
			cpuRatios = append(cpuRatios, float64(pairCPU[0])/float64(pairCPU[1]))
		}
		n++
	}
	b.ReportMetric(float64(wall[0].Nanoseconds())/float64(n), "tagged-ns/doc")
	b.ReportMetric(float64(wall[1].Nanoseconds())/float64(n), "untagged-ns/doc")
	b.ReportMetric(median(wallRatios), "time-ratio")
	b.ReportMetric(float64(cpu[0])/float64(cpu[1]), "cpu-ratio")
	b.ReportMetric(float64(size[0]), "tagged-bytes")
	b.ReportMetric(float64(size[1]), "untagged-bytes")
	b.ReportMetric(float64(size[0])/float64(size[1]), "bytes-ratio")
}

// median is the middle value of xs (which it sorts), 0 for none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	slices.Sort(xs)
	if n := len(xs); n%2 == 0 {
		return (xs[n/2-1] + xs[n/2]) / 2
	}
	return xs[len(xs)/2]
}

// processCPU is the CPU time the whole process has used, user and system.
func processCPU(b *testing.B) time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		b.Fatal(err)
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
