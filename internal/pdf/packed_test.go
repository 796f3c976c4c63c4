package pdf

import (
	"bytes"
	"strings"
	"testing"

	"handout/internal/pdftest"
)

// TestPackedObjects: objects put with PutPacked go into a compressed
// object stream, found through a cross-reference stream, and read back
// whole; a document without them keeps the classic table.
func TestPackedObjects(t *testing.T) {
	path, data := writePDF(t, func(d *Document) {
		d.AddPage(PageSpec{Width: 200, Height: 200})
		a, b := d.Alloc(), d.Alloc()
		d.PutPacked(a, Dict{"Type": Name("StructElem"), "S": Name("P"), "K": Array{Int(0)}, "Next": b})
		d.PutPacked(b, Dict{"Type": Name("StructElem"), "S": Name("H1"), "Alt": String("héllo")})
		d.SetCatalog("Extra", a)
	})
	checkValid(t, path)
	if !bytes.Contains(data, []byte("/Type /ObjStm")) || !bytes.Contains(data, []byte("/Type /XRef")) ||
		bytes.Contains(data, []byte("\nxref\n")) {
		t.Fatal("packed objects need an object stream and a cross-reference stream instead of a table")
	}
	out := pdftest.Output(t, "qpdf", "--json", "--json-key=qpdf", path)
	for _, want := range []string{`"/S": "/P"`, `"/S": "/H1"`, `"/Alt": "u:héllo"`} {
		if !strings.Contains(out, want) {
			t.Errorf("qpdf does not read back %s from the object stream:\n%.2000s", want, out)
		}
	}
	_, plain := writePDF(t, func(d *Document) { d.AddPage(PageSpec{Width: 200, Height: 200}) })
	if !bytes.Contains(plain, []byte("\nxref\n")) || bytes.Contains(plain, []byte("/ObjStm")) {
		t.Error("a document without packed objects should keep the cross-reference table")
	}
}
