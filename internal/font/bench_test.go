package font

import (
	"strings"
	"testing"

	"handout/fonts"
)

func BenchmarkParse(b *testing.B) {
	regular, _, _, _ := fonts.NotoSans()
	b.SetBytes(int64(len(regular)))
	for b.Loop() {
		if _, err := Parse("NotoSans-Regular", regular); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadNotoSans(b *testing.B) {
	for b.Loop() {
		if _, err := LoadNotoSans(); err != nil {
			b.Fatal(err)
		}
	}
}

// benchText returns about as much text as a two-page leaflet holds.
func benchText() string {
	return strings.Repeat("Let-down reflex — ‘quoted’ 303-555-0100. Feed your baby "+
		"8–12 times a day; call us if the temperature is ≥ 38 °C. ", 120)
}

// BenchmarkShape shapes a leaflet's worth of words without the cache, as
// the first document of a process does.
func BenchmarkShape(b *testing.B) {
	f := loadNoto(b).Face(Regular)
	words := strings.Fields(benchText())
	b.SetBytes(int64(len(benchText())))
	for b.Loop() {
		w := NewShaper(1).workers.New().(*worker)
		for _, s := range words {
			w.shape(Run{Face: f, Text: s, Lang: "en"})
		}
	}
}

// BenchmarkShapeCached shapes the same words through a warm cache, as every
// later document of a process does.
func BenchmarkShapeCached(b *testing.B) {
	f := loadNoto(b).Face(Regular)
	words := strings.Fields(benchText())
	sh := NewShaper(4096)
	b.SetBytes(int64(len(benchText())))
	for b.Loop() {
		for _, s := range words {
			sh.Shape(Run{Face: f, Text: s, Lang: "en"})
		}
	}
}
