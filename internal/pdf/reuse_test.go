package pdf

import (
	"bufio"
	"bytes"
	"testing"
)

// A caller's own buffered writer, big enough that bufio would hand it back
// unwrapped, stays the caller's: the document must not reset it or give it
// to the next document (the combined print job writes through one).
func TestCallersBufferedWriterIsNotRecycled(t *testing.T) {
	comp := NewCompressors()
	var dst bytes.Buffer
	own := bufio.NewWriterSize(&dst, 64<<10)
	d := NewDocument(own, Options{Compressors: comp})
	sampleDocument(t, comp)(d)
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	// the next document on the same compressors must not get own
	var other bytes.Buffer
	d2 := NewDocument(&other, Options{Compressors: comp})
	sampleDocument(t, comp)(d2)
	if _, err := own.WriteString("%trailing"); err != nil {
		t.Fatal(err)
	}
	if err := own.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := d2.Close(); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(dst.Bytes(), []byte("%PDF-")) || !bytes.HasSuffix(dst.Bytes(), []byte("%%EOF\n%trailing")) {
		t.Errorf("the caller's writer lost its destination or its bytes: %d bytes, ends %q", dst.Len(), tail(dst.Bytes()))
	}
	_, want := writePDF(t, sampleDocument(t, NewCompressors()))
	if !bytes.Equal(other.Bytes(), want) {
		t.Errorf("the second document came out different from the same document written alone")
	}
}

func tail(b []byte) []byte { return b[max(0, len(b)-20):] }

// A document used after Close, failed or not, writes nothing (its buffers
// belong to other documents by then) and does not panic.
func TestUseAfterCloseWritesNothing(t *testing.T) {
	comp := NewCompressors()
	for _, failed := range []bool{false, true} {
		var dst bytes.Buffer
		d := NewDocument(&dst, Options{Compressors: comp})
		if !failed {
			d.AddPage(PageSpec{Width: 100, Height: 100})
		}
		err := d.Close()
		if failed != (err != nil) {
			t.Fatalf("failed=%v: Close: %v", failed, err)
		}
		n := dst.Len()
		d.Put(d.Alloc(), Dict{"Late": Bool(true)})
		d.AddPage(PageSpec{Width: 100, Height: 100}).Content().Rect(0, 0, 1, 1)
		d.PutStream(d.Alloc(), Dict{}, []byte("late"), true)
		if err := d.Close(); err == nil {
			t.Errorf("failed=%v: a second Close succeeds", failed)
		}
		if dst.Len() != n {
			t.Errorf("failed=%v: %d bytes written after Close", failed, dst.Len()-n)
		}
	}
}
