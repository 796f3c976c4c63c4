package main

import (
	"bytes"
	"testing"
)

// BenchmarkFpdfDocument is one let-down handout rendered by the bare fpdf
// program in a warm process (inputs read once), the per-document
// yardstick for handout's BenchmarkRenderLetDown:
//
//	cd bench && go test -run '^$' -bench . -benchmem
func BenchmarkFpdfDocument(b *testing.B) {
	in, err := Load("..", "testdata/let-down.json")
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Render(in, &buf); err != nil {
			b.Fatal(err)
		}
	}
}

// The program's output is a complete PDF.
func TestRender(t *testing.T) {
	in, err := Load("..", "testdata/let-down.json")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Render(in, &buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) || !bytes.Contains(buf.Bytes(), []byte("%%EOF")) {
		t.Error("not a PDF")
	}
}
