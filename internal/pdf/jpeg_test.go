package pdf

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"strings"
	"testing"
)

// segment builds a JPEG marker segment.
func segment(marker byte, body string) []byte {
	b := []byte{0xFF, marker}
	b = binary.BigEndian.AppendUint16(b, uint16(len(body)+2))
	return append(b, body...)
}

func sampleJPEG(t testing.TB, gray bool) []byte {
	t.Helper()
	var img image.Image
	if gray {
		g := image.NewGray(image.Rect(0, 0, 16, 8))
		for i := range g.Pix {
			g.Pix[i] = uint8(i * 2)
		}
		img = g
	} else {
		c := image.NewRGBA(image.Rect(0, 0, 16, 8))
		for y := 0; y < 8; y++ {
			for x := 0; x < 16; x++ {
				c.Set(x, y, color.RGBA{uint8(x * 16), uint8(y * 32), 128, 255})
			}
		}
		img = c
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// withMetadata puts a comment, EXIF, XMP, an Adobe segment and an ICC
// profile after SOI, and junk after EOI.
func withMetadata(j []byte) []byte {
	var b []byte
	b = append(b, j[:2]...)
	b = append(b, segment(0xFE, "COMMENT-SECRET")...)
	b = append(b, segment(0xE1, "Exif\x00\x00GPS-SECRET")...)
	b = append(b, segment(0xE1, "http://ns.adobe.com/xap/1.0/\x00XMP-SECRET")...)
	b = append(b, segment(0xED, "Photoshop 3.0\x00IPTC-SECRET")...)
	b = append(b, segment(0xE2, "ICC_PROFILE\x00\x01\x01ICC-KEPT")...)
	b = append(b, segment(0xEE, "Adobe\x00\x64\x00\x00\x00\x00\x01")...)
	b = append(b, j[2:]...)
	return append(b, "TRAILING-SECRET"...)
}

// Comments, APPn metadata and bytes after the end of the image never reach
// the PDF; the Adobe and ICC segments and the image itself do.
func TestJPEGMetadataStripped(t *testing.T) {
	for _, gray := range []bool{false, true} {
		src := withMetadata(sampleJPEG(t, gray))
		im, err := PrepareJPEG(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, secret := range []string{"COMMENT-SECRET", "GPS-SECRET", "XMP-SECRET", "IPTC-SECRET", "TRAILING-SECRET", "JFIF"} {
			if bytes.Contains(im.data, []byte(secret)) {
				t.Errorf("prepared JPEG still holds %s", secret)
			}
		}
		for _, kept := range []string{"ICC-KEPT", "Adobe"} {
			if !bytes.Contains(im.data, []byte(kept)) {
				t.Errorf("prepared JPEG lost the %s segment", kept)
			}
		}
		if !bytes.HasSuffix(im.data, []byte{0xFF, 0xD9}) {
			t.Error("prepared JPEG does not end at EOI")
		}
		dec, err := jpeg.Decode(bytes.NewReader(im.data))
		if err != nil {
			t.Fatalf("prepared JPEG does not decode: %v", err)
		}
		if b := dec.Bounds(); b.Dx() != 16 || b.Dy() != 8 || im.Width != 16 || im.Height != 8 {
			t.Errorf("size %v / %dx%d, want 16x8", b, im.Width, im.Height)
		}
		wantCS := map[bool]Name{false: "DeviceRGB", true: "DeviceGray"}[gray]
		if im.dict["ColorSpace"] != wantCS {
			t.Errorf("colour space %v, want %v", im.dict["ColorSpace"], wantCS)
		}
		path, pdf := writePDF(t, func(d *Document) {
			d.AddPage(PageSpec{Width: 32, Height: 16}).Content().Image(d.Image(im), 0, 0, 32, 16)
		})
		checkValid(t, path)
		if bytes.Contains(pdf, []byte("SECRET")) {
			t.Error("the PDF holds JPEG metadata")
		}
	}
}

// An Adobe CMYK JPEG is written with the inverted Decode array that
// Adobe's inverted samples need.
func TestJPEGCMYK(t *testing.T) {
	src, err := os.ReadFile("testdata/cmyk.jpg")
	if err != nil {
		t.Fatal(err)
	}
	im, err := PrepareJPEG(src)
	if err != nil {
		t.Fatal(err)
	}
	if im.dict["ColorSpace"] != Name("DeviceCMYK") {
		t.Errorf("colour space %v", im.dict["ColorSpace"])
	}
	if d, _ := im.dict["Decode"].(Array); len(d) != 8 || d[0] != Int(1) || d[1] != Int(0) {
		t.Errorf("Decode = %v, want [1 0 1 0 1 0 1 0]", im.dict["Decode"])
	}
	path, _ := writePDF(t, func(d *Document) {
		d.AddPage(PageSpec{Width: 8, Height: 8}).Content().Image(d.Image(im), 0, 0, 8, 8)
	})
	checkValid(t, path)
}

// Damaged or unsupported JPEGs are refused with an error, never a panic.
func TestJPEGRefusesDamage(t *testing.T) {
	good := sampleJPEG(t, false)
	sos := bytes.Index(good, []byte{0xFF, 0xDA})
	cases := map[string][]byte{
		"empty":           nil,
		"not a jpeg":      []byte("GIF89a...."),
		"cut in a header": good[:30],
		"no EOI":          good[:len(good)-2],
		"no frame":        append([]byte{0xFF, 0xD8}, good[sos:]...),
		"arithmetic":      append([]byte{0xFF, 0xD8}, segment(0xC9, "\x08\x00\x08\x00\x08\x01\x01\x11\x00")...),
		"12-bit":          append([]byte{0xFF, 0xD8}, segment(0xC0, "\x0C\x00\x08\x00\x08\x01\x01\x11\x00")...),
		"zero size":       append([]byte{0xFF, 0xD8}, segment(0xC0, "\x08\x00\x00\x00\x08\x01\x01\x11\x00")...),
		"bad length":      {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01},
	}
	for name, data := range cases {
		if _, err := PrepareJPEG(data); err == nil {
			t.Errorf("%s: no error", name)
		} else if !strings.HasPrefix(err.Error(), "jpeg: ") {
			t.Errorf("%s: error %q does not say it is about the JPEG", name, err)
		}
	}
}

// A progressive JPEG (several scans, with tables between them) keeps every
// scan: it decodes to the same pixels as the original.
func TestJPEGProgressive(t *testing.T) {
	src, err := os.ReadFile("testdata/progressive.jpg")
	if err != nil {
		t.Fatal(err)
	}
	src = withMetadata(src)
	im, err := PrepareJPEG(src)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(im.data, []byte{0xFF, 0xDA}); n < 2 {
		t.Errorf("%d scans kept, want all of them", n)
	}
	want, err := jpeg.Decode(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	got, err := jpeg.Decode(bytes.NewReader(im.data))
	if err != nil {
		t.Fatal(err)
	}
	b := want.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if want.At(x, y) != got.At(x, y) {
				t.Fatalf("pixel %d,%d differs", x, y)
			}
		}
	}
	path, _ := writePDF(t, func(d *Document) {
		d.AddPage(PageSpec{Width: 24, Height: 16}).Content().Image(d.Image(im), 0, 0, 24, 16)
	})
	checkValid(t, path)
}
