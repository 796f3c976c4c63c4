package pdf

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"handout/internal/pdftest"
)

// sampleDocument uses every feature of the writer once, so the tests below
// can look at one file from several sides.
func sampleDocument(t testing.TB, comp *Compressors) func(d *Document) {
	return func(d *Document) {
		ps, err := noto()
		if err != nil {
			t.Fatal(err)
		}
		d.SetInfo(Info{Title: "Let-down (reflex) — “quotes”", Author: "Riverside Clinic", Subject: "Breastfeeding",
			Keywords: "milk, let-down", Creator: "handout test", Producer: "handout test",
			Date: time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)})
		d.SetLang("en-US")
		d.SetXMP(XMP{PDFUA: true, PDFAPart: 2, PDFAConformance: "A"})
		d.OutputIntentSRGB()
		d.SetCatalog("MarkInfo", Dict{"Marked": Bool(true)})
		d.SetCatalog("ViewerPreferences", Dict{"DisplayDocTitle": Bool(true)})
		for i, text := range []string{"First page", "Second page: bold"} {
			p := d.AddPage(PageSpec{Width: 612, Height: 792,
				Trim: &Rect{9, 9, 594, 774}, Bleed: &Rect{0, 0, 612, 792}})
			p.Set("Tabs", Name("S"))
			p.Set("StructParents", Int(i))
			c := p.Content()
			c.BeginMarked("Artifact", nil)
			c.FillRGB(0.2, 0.4, 0.6)
			c.Rect(36, 700, 540, 40)
			c.Fill()
			c.StrokeGray(0.5)
			c.LineWidth(0.75)
			c.MoveTo(36, 690)
			c.LineTo(576, 690)
			c.Stroke()
			c.EndMarked()
			c.BeginMarked("P", Dict{"MCID": Int(0)})
			c.FillGray(0)
			f := d.Font(ps[i])
			c.Glyphs(f, 14, 36, 650, shapeSimple(t, f, 14, text))
			c.EndMarked()
			p.Link(Rect{36, 640, 100, 20}, "https://example.org/a b?x=ü", "Example site")
		}
		d.Outline([]OutlineEntry{
			{Title: "First", Level: 0, Page: 0, Y: 700},
			{Title: "Inside first", Level: 1, Page: 0, Y: 650},
			{Title: "Second — ü", Level: 0, Page: 1, Y: 700},
			{Title: "nowhere", Level: 0, Page: 7, Y: 0},
		})
		// an object put through the generic interface, as a structure tree will be
		r := d.Alloc()
		d.Put(r, Dict{"Type": Name("StructTreeRoot")})
		d.SetCatalog("StructTreeRoot", r)
	}
}

func TestDocumentIsValid(t *testing.T) {
	path, pdf := writePDF(t, sampleDocument(t, nil))
	checkValid(t, path)
	if got := pdfText(t, path); got != "First page\nSecond page: bold" {
		t.Errorf("text = %q", got)
	}
	fonts := pdftest.Output(t, "pdffonts", path)
	if n := len(regexp.MustCompile(`(?m)^[A-Z]{6}\+NotoSans-\w+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes`).FindAllString(fonts, -1)); n != 2 {
		t.Errorf("want 2 embedded subset CID TrueType fonts:\n%s", fonts)
	}
	for _, want := range []string{"/Lang (en-US)", "/MarkInfo <</Marked true>>", "/Tabs /S", "/StructParents 1",
		"/Type /StructTreeRoot", "/S /GTS_PDFA1", "/PageMode /UseOutlines"} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("the file lacks %s", want)
		}
	}
}

func TestPageBoxes(t *testing.T) {
	path, _ := writePDF(t, sampleDocument(t, nil))
	out := squeeze(pdftest.Output(t, "pdfinfo", "-box", "-f", "1", "-l", "2", path))
	for _, want := range []string{
		"Page 1 MediaBox: 0.00 0.00 612.00 792.00",
		"Page 1 BleedBox: 0.00 0.00 612.00 792.00",
		"Page 2 TrimBox: 9.00 9.00 603.00 783.00",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("pdfinfo -box lacks %q:\n%s", want, out)
		}
	}
}

func TestLinks(t *testing.T) {
	path, pdf := writePDF(t, sampleDocument(t, nil))
	out := pdftest.Output(t, "pdfinfo", "-url", path)
	if n := strings.Count(out, "https://example.org/a%20b?x=%C3%BC"); n != 2 {
		t.Errorf("pdfinfo -url shows the link %d times, want 2:\n%s", n, out)
	}
	// each annotation is an indirect object with a description
	annot := regexp.MustCompile(`\d+ 0 obj\n<</A <</S /URI /URI \([^)]*\)>> /Border \[0 0 0\] /Contents \(Example site\) /F 4 /P \d+ 0 R /Rect \[36 640 136 660\] /Subtype /Link /Type /Annot>>`)
	if n := len(annot.FindAll(pdf, -1)); n != 2 {
		t.Errorf("found %d indirect link annotations, want 2", n)
	}
}

func TestOutline(t *testing.T) {
	path, _ := writePDF(t, sampleDocument(t, nil))
	out := pdftest.Output(t, "mutool", "show", path, "outline")
	// mutool counts y from the top: 792-700 = 92
	want := "-\t\"First\"\t#page=1&zoom=nan,nan,92\n|\t\t\"Inside first\"\t#page=1&zoom=nan,nan,142\n|\t\"Second — ü\"\t#page=2&zoom=nan,nan,92\n"
	if out != want {
		t.Errorf("outline:\n%q\nwant\n%q", out, want)
	}
}

func TestMetadata(t *testing.T) {
	path, _ := writePDF(t, sampleDocument(t, nil))
	info := squeeze(pdftest.Output(t, "pdfinfo", "-isodates", path))
	for _, want := range []string{"Title: Let-down (reflex) — “quotes”", "Author: Riverside Clinic",
		"Subject: Breastfeeding", "Keywords: milk, let-down", "Producer: handout test",
		"CreationDate: 2026-03-04T05:06:07Z", "Tagged: yes", "Page size: 612 x 792 pts (letter)", "PDF version: 1.7"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	meta := pdftest.Output(t, "pdfinfo", "-meta", path)
	for _, want := range []string{"<rdf:li xml:lang=\"x-default\">Let-down (reflex) — “quotes”</rdf:li>",
		"<pdfuaid:part>1</pdfuaid:part>", "<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>A</pdfaid:conformance>",
		"<xmp:CreateDate>2026-03-04T05:06:07+00:00</xmp:CreateDate>", "<rdf:li>en-US</rdf:li>"} {
		if !strings.Contains(meta, want) {
			t.Errorf("XMP lacks %q:\n%s", want, meta)
		}
	}
}

// Identical input gives identical bytes, whichever compressor pool and
// goroutine writes it.
func TestDeterministic(t *testing.T) {
	shared := NewCompressors()
	_, first := writePDF(t, sampleDocument(t, shared))
	results := make(chan []byte, 4)
	for range 4 {
		go func() {
			var buf bytes.Buffer
			d := NewDocument(&buf, Options{Compressors: shared})
			sampleDocument(t, shared)(d)
			if err := d.Close(); err != nil {
				t.Error(err)
			}
			results <- buf.Bytes()
		}()
	}
	for range 4 {
		if got := <-results; !bytes.Equal(got, first) {
			t.Fatal("the same document came out different")
		}
	}
}
