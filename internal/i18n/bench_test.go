package i18n

import "testing"

// BenchmarkLocalesFor measures what a renderer pays for a document's
// words once the locale has been read: matching the tag and a copy.
func BenchmarkLocalesFor(b *testing.B) {
	l := NewLocales()
	for i := 0; i < b.N; i++ {
		if _, ok := l.For("es-MX"); !ok {
			b.Fatal("no Spanish")
		}
	}
}

// BenchmarkFirstFor measures the first document's cost in a process: one
// locale file read and parsed.
func BenchmarkFirstFor(b *testing.B) {
	for i := 0; i < b.N; i++ {
		NewLocales().For("en")
	}
}
