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

func BenchmarkWidth(b *testing.B) {
	f := loadNoto(b).Face(Regular)
	text := benchText()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		f.Width(text, 11)
	}
}

func BenchmarkAdvance(b *testing.B) {
	f := loadNoto(b).Face(Regular)
	runes := []rune(benchText())
	for b.Loop() {
		n := 0
		for _, r := range runes {
			n += f.Advance(r)
		}
		_ = n
	}
}
