package pdf

import (
	"io"
	"runtime"
	"strings"
	"testing"
)

// Pages are written as the next one starts, so a long document keeps only
// its page references in memory, not its pages.
func TestLongDocumentMemoryStaysFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 1,500 pages")
	}
	d := NewDocument(io.Discard, Options{})
	f := d.Font(regular(t))
	gs := shapeSimple(t, f, 10, strings.Repeat("The same line of text, over and over. ", 3))
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	var at100 uint64
	for i := range 1500 {
		c := d.AddPage(PageSpec{Width: 612, Height: 792}).Content()
		for y := 50.0; y < 750; y += 70 {
			c.Glyphs(f, 10, 36, y, gs)
		}
		if i == 100 {
			at100 = heap()
		}
	}
	grown := int64(heap()) - int64(at100)
	if grown > 2<<20 {
		t.Errorf("memory grew by %d KB over 1,400 pages", grown>>10)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
}

// Marked content opens with BDC (with properties) or BMC and closes with
// EMC; ActualText is a Span with the text as a PDF text string.
func TestMarkedContentOperators(t *testing.T) {
	var c Content
	c.BeginMarked("Artifact", nil)
	c.EndMarked()
	c.BeginMarked("P", Dict{"MCID": Int(3)})
	c.BeginActualText("ﬁ (x)")
	c.EndMarked()
	c.EndMarked()
	want := "/Artifact BMC\nEMC\n/P <</MCID 3>> BDC\n/Span <</ActualText (\xfe\xff\xfb\x01\x00 \x00\\(\x00x\x00\\))>> BDC\nEMC\nEMC\n"
	if got := string(c.buf); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// Objects are written the same way every time: sorted keys, reals without
// exponents or trailing zeros, names and strings escaped.
func TestObjectSyntax(t *testing.T) {
	cases := []struct {
		o    Object
		want string
	}{
		{Dict{"b": Int(1), "a": Real(0.5), "c": Array{Bool(true), Null{}, Ref{7}}}, "<</a 0.5 /b 1 /c [true null 7 0 R]>>"},
		{Real(1e-9), "0"},
		{Real(-0.00001), "0"},
		{Real(123456789.123456), "123456789.1235"},
		{Real(-2.50), "-2.5"},
		{Name("A B#(x)"), "/A#20B#23#28x#29"},
		{String("a(b)\\c\r"), "(a\\(b\\)\\\\c\\r)"},
		{String("Grüße"), "(Gr\xfc\xdfe)"},
		{String("€"), "(\xfe\xff\x20\xac)"},
		{Bytes{0x00, 0xAB}, "<00AB>"},
	}
	for _, c := range cases {
		if got := string(appendObject(nil, c.o)); got != c.want {
			t.Errorf("%#v: got %q, want %q", c.o, got, c.want)
		}
	}
}

// A zero Compressors works, without its caches.
func TestZeroCompressors(t *testing.T) {
	d := NewDocument(io.Discard, Options{Compressors: &Compressors{}})
	d.OutputIntentSRGB()
	f := d.Font(regular(t))
	d.AddPage(PageSpec{Width: 10, Height: 10}).Content().Glyphs(f, 10, 0, 0, shapeSimple(t, f, 10, "ok"))
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
}
