package inline

import (
	"strings"
	"testing"
)

// paragraph is a typical leaflet paragraph of about 300 characters.
const paragraph = "Most newborns feed **8 to 12 times in 24 hours**. Some feeds will be " +
	"close together, especially in the evening. This is called *cluster feeding*. " +
	"It does not mean you have too little milk. Call {department} at {phone} or see " +
	"[our **free** classes](https://example.org/classes) if you have questions about *latching*."

func BenchmarkParse(b *testing.B) {
	b.SetBytes(int64(len(paragraph)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(paragraph, specKnown); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseNames(b *testing.B) {
	b.SetBytes(int64(len(paragraph)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseNames(paragraph, specNames); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParsePlainText is the floor: a string with no markup at all.
func BenchmarkParsePlainText(b *testing.B) {
	s := strings.Repeat("Feeding often is the best way to ease it. ", 7)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(s, nil); err != nil {
			b.Fatal(err)
		}
	}
}
