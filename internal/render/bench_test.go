package render

import (
	"path/filepath"
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
// typeset and paint): each iteration renders the handout tagged and then
// untagged, timing each, so both see the same machine load. It reports
// the time of each, their ratio, and the size of each PDF:
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
	var spent [2]time.Duration
	var size [2]int
	n := 0
	for b.Loop() {
		for i, untagged := range []bool{false, true} {
			start := time.Now()
			p, err := r.prepare(job)
			if err != nil {
				b.Fatal(err)
			}
			meta := r.meta(p, job)
			meta.Untagged = untagged
			pdf, err := paint.Paint(p.doc, meta, r.printedImages(p.doc, false), r.paint)
			if err != nil {
				b.Fatal(err)
			}
			spent[i] += time.Since(start)
			size[i] = len(pdf)
		}
		n++
	}
	b.ReportMetric(float64(spent[0].Nanoseconds())/float64(n), "tagged-ns/doc")
	b.ReportMetric(float64(spent[1].Nanoseconds())/float64(n), "untagged-ns/doc")
	b.ReportMetric(float64(spent[0])/float64(spent[1]), "time-ratio")
	b.ReportMetric(float64(size[0]), "tagged-bytes")
	b.ReportMetric(float64(size[1]), "untagged-bytes")
	b.ReportMetric(float64(size[0])/float64(size[1]), "bytes-ratio")
}
