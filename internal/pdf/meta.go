package pdf

import (
	"fmt"
	"strings"
	"time"
)

// Info is the document information, written to the Info dictionary and,
// when SetXMP is called, to the XMP metadata too.
type Info struct {
	Title, Author, Subject, Keywords string
	Creator                          string // the program that made the content
	Producer                         string // the program that wrote the PDF
	Date                             time.Time
}

// XMP chooses the conformance claims the XMP metadata makes.
type XMP struct {
	PDFUA           bool   // pdfuaid:part 1
	PDFAPart        int    // pdfaid:part, 0 for none
	PDFAConformance string // pdfaid:conformance, such as "A", "B" or "U"
}

// SetInfo sets the document information. Dates outside years 1–9999, which
// PDF cannot write, are left out.
func (d *Document) SetInfo(in Info) {
	d.info = Dict{}
	d.infoVal = in
	for k, v := range map[Name]string{"Title": in.Title, "Author": in.Author, "Subject": in.Subject,
		"Keywords": in.Keywords, "Creator": in.Creator, "Producer": in.Producer} {
		if v != "" {
			d.info[k] = String(v)
		}
	}
	if validYear(in.Date) {
		d.info["CreationDate"] = String(pdfDate(in.Date))
		d.info["ModDate"] = String(pdfDate(in.Date))
	}
}

// SetXMP asks for an XMP metadata stream that repeats the Info and makes
// the given claims.
func (d *Document) SetXMP(x XMP) { d.xmp = &x }

func validYear(t time.Time) bool { return !t.IsZero() && t.Year() >= 1 && t.Year() <= 9999 }

// pdfDate formats t as a PDF date, D:YYYYMMDDHHmmSS+HH'mm'.
func pdfDate(t time.Time) string {
	_, off := t.Zone()
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("D:%s%c%02d'%02d'", t.Format("20060102150405"), sign, off/3600, off/60%60)
}

// writeMetadata puts the XMP stream and output intents into the catalog.
func (d *Document) writeMetadata(cat Dict) {
	if d.intent {
		cat["OutputIntents"] = Array{d.writeOutputIntent()}
	}
	if d.xmp == nil {
		return
	}
	r := d.Alloc()
	// uncompressed, so that tools that scan files for XMP packets find it
	d.putStream(r, Dict{"Type": Name("Metadata"), "Subtype": Name("XML")}, []byte(d.xmpPacket()), false)
	cat["Metadata"] = r
}

func (d *Document) xmpPacket() string {
	in, x := d.infoVal, d.xmp
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
		"<rdf:Description rdf:about=\"\"\n xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n" +
		" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"")
	if x.PDFUA {
		b.WriteString("\n xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"")
	}
	if x.PDFAPart > 0 {
		b.WriteString("\n xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"")
	}
	b.WriteString(">\n")
	b.WriteString("<dc:format>application/pdf</dc:format>\n")
	if in.Title != "" {
		fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", xmlEscape(in.Title))
	}
	if in.Author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", xmlEscape(in.Author))
	}
	if in.Subject != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", xmlEscape(in.Subject))
	}
	if lang, ok := d.catalog["Lang"].(String); ok {
		fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", xmlEscape(string(lang)))
	}
	if in.Keywords != "" {
		fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", xmlEscape(in.Keywords))
	}
	if in.Producer != "" {
		fmt.Fprintf(&b, "<pdf:Producer>%s</pdf:Producer>\n", xmlEscape(in.Producer))
	}
	if in.Creator != "" {
		fmt.Fprintf(&b, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n", xmlEscape(in.Creator))
	}
	if validYear(in.Date) {
		ts := in.Date.Format("2006-01-02T15:04:05-07:00")
		fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n", ts, ts, ts)
	}
	if x.PDFUA {
		b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n")
	}
	if x.PDFAPart > 0 {
		fmt.Fprintf(&b, "<pdfaid:part>%d</pdfaid:part>\n", x.PDFAPart)
		if x.PDFAConformance != "" {
			fmt.Fprintf(&b, "<pdfaid:conformance>%s</pdfaid:conformance>\n", xmlEscape(x.PDFAConformance))
		}
	}
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return b.String()
}

// xmlEscape escapes text for XML and drops the control characters XML 1.0
// cannot hold at all.
func xmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&quot;")
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
