package assets

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/color/palette"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handout/internal/pdf"
)

func encodePNG(t *testing.T, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func fill(m interface{ Set(int, int, color.Color) }, w, h int, c color.Color) {
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			m.Set(x, y, c)
		}
	}
}

// TestPreparedImagesEmbed prepares every kind of image a clinic might hand
// us and checks the PDF layer embeds the result without an error.
func TestPreparedImagesEmbed(t *testing.T) {
	rgba := image.NewNRGBA(image.Rect(0, 0, 30, 20))
	fill(rgba, 30, 20, color.NRGBA{200, 30, 30, 128}) // half transparent
	rgba64 := image.NewRGBA64(image.Rect(0, 0, 30, 20))
	fill(rgba64, 30, 20, color.RGBA64{0xffff, 0x8000, 0, 0xffff}) // 16-bit
	pal := image.NewPaletted(image.Rect(0, 0, 30, 20), color.Palette{color.Transparent, color.Black})
	gray := image.NewGray(image.Rect(0, 0, 30, 20))
	var jpg, gf bytes.Buffer
	jpeg.Encode(&jpg, rgba, nil)
	gif.Encode(&gf, image.NewPaletted(image.Rect(0, 0, 10, 10), palette.Plan9), nil)
	cases := map[string][]byte{
		"alpha.png":       encodePNG(t, rgba),
		"16bit.png":       encodePNG(t, rgba64),
		"transparent.png": encodePNG(t, pal),
		"gray.png":        encodePNG(t, gray),
		"photo.jpg":       jpg.Bytes(),
		"anim.gif":        gf.Bytes(),
		"interlaced.png":  interlaced(t, encodePNG(t, gray)),
	}
	for name, data := range cases {
		img, err := Prepare(name, data)
		if name == "interlaced.png" {
			// Go cannot decode our hand-made header flip, so it must be
			// rejected cleanly (a real interlaced file is decoded and
			// compressed again, as internal/pdf's tests show)
			if err == nil {
				t.Errorf("%s: a PNG whose data does not match its interlace flag was accepted", name)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if img.Width <= 0 || img.Height <= 0 {
			t.Fatalf("%s: size %dx%d", name, img.Width, img.Height)
		}
		d := pdf.NewDocument(&bytes.Buffer{}, pdf.Options{})
		d.AddPage(pdf.PageSpec{Width: 612, Height: 792}).Content().Image(d.Image(img.PDF), 10, 10, 100, 20)
		if err := d.Close(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if _, err := Decode(img); err != nil {
			t.Errorf("%s: prepared image does not decode: %v", name, err)
		}
	}
	if img, _ := Prepare("gray.png", cases["gray.png"]); img.PDF.HasAlpha() {
		t.Error("an opaque PNG needs no soft mask")
	}
	if img, _ := Prepare("alpha.png", cases["alpha.png"]); !img.PDF.HasAlpha() {
		t.Error("a PNG with alpha must keep it as a soft mask")
	}
}

// interlaced sets the interlace flag of a PNG header (with a fixed CRC).
func interlaced(t *testing.T, data []byte) []byte {
	d := bytes.Clone(data)
	d[28] = 1
	binary.BigEndian.PutUint32(d[29:], crc32.ChecksumIEEE(d[12:29]))
	return d
}

func TestBadImages(t *testing.T) {
	good := encodePNG(t, image.NewGray(image.Rect(0, 0, 8, 8)))
	huge := bytes.Clone(good)
	binary.BigEndian.PutUint32(huge[16:], 100000)
	binary.BigEndian.PutUint32(huge[20:], 100000)
	binary.BigEndian.PutUint32(huge[29:], crc32.ChecksumIEEE(huge[12:29]))
	cases := map[string]struct {
		data []byte
		want string
	}{
		"text":      {[]byte("hello"), "is not a PNG, JPEG or GIF file"},
		"truncated": {good[:len(good)/2], "corrupt"},
		"huge":      {huge, "megapixels"},
		"empty":     {nil, "is not a PNG, JPEG or GIF file"},
	}
	for name, c := range cases {
		_, err := Prepare(name, c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
	}
}

func TestCacheLoadsOnce(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.png")
	os.WriteFile(p, encodePNG(t, image.NewGray(image.Rect(0, 0, 4, 4))), 0o644)
	c := NewImages()
	a, err := c.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(p)
	b, err := c.Load(p)
	if err != nil || a != b {
		t.Fatal("second load did not come from the cache")
	}
	if _, err := c.Load(filepath.Join(dir, "missing.png")); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("missing: %v", err)
	}
}

// pngHeader is the start of a PNG file: signature and header chunk, all
// that DecodeConfig reads.
func pngHeader(w, h int, depth, colorType byte) []byte {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = depth, colorType
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	binary.Write(&b, binary.BigEndian, uint32(len(ihdr)))
	chunk := append([]byte("IHDR"), ihdr...)
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

// A small file that decodes to hundreds of megabytes is refused before it
// is decoded.
func TestDecodedSizeIsBounded(t *testing.T) {
	_, err := Prepare("big.png", pngHeader(6300, 6300, 16, 6))
	if err == nil || !strings.Contains(err.Error(), "once decoded") {
		t.Fatalf("16-bit RGBA 6300x6300: %v", err)
	}
	// 8-bit gray of the same size is fine by this rule (it fails later,
	// as the file is cut short)
	if _, err := Prepare("gray.png", pngHeader(6300, 6300, 8, 0)); err == nil || strings.Contains(err.Error(), "once decoded") {
		t.Fatalf("8-bit gray 6300x6300: %v", err)
	}
}

func TestCacheIsBoundedByBytes(t *testing.T) {
	dir := t.TempDir()
	c := NewImages()
	c.budget = 3000
	noise := image.NewGray(image.Rect(0, 0, 40, 40))
	for i := range noise.Pix {
		noise.Pix[i] = byte(i * 7919 >> 3)
	}
	data := encodePNG(t, noise)
	for i := range 10 {
		p := filepath.Join(dir, string(rune('a'+i))+".png")
		os.WriteFile(p, data, 0o644)
		if _, err := c.Load(p); err != nil {
			t.Fatal(err)
		}
		if c.size > c.budget && c.lru.Len() > 1 {
			t.Fatalf("after %d images the cache holds %d bytes, over its budget of %d", i+1, c.size, c.budget)
		}
	}
	if len(c.entries) == 10 || len(c.entries) != c.lru.Len() {
		t.Fatalf("cache keeps %d entries (%d in the LRU list)", len(c.entries), c.lru.Len())
	}
	// an evicted image is prepared again when asked for
	if img, err := c.Load(filepath.Join(dir, "a.png")); err != nil || img.Width != 40 {
		t.Fatalf("reload: %v", err)
	}
}

func TestSpecialFilesAreNotImages(t *testing.T) {
	done := make(chan error, 1)
	go func() { _, err := NewImages().Load("/dev/zero"); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Fatalf("/dev/zero: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("reading /dev/zero as an image hangs")
	}
}

// An image printed small is embedded at no more than MaxPPI.
func TestLoadPrintedDownsamples(t *testing.T) {
	dir := t.TempDir()
	g := image.NewGray(image.Rect(0, 0, 3000, 300))
	for i := range g.Pix {
		g.Pix[i] = byte(i % 251)
	}
	photo := image.NewRGBA(image.Rect(0, 0, 1500, 1000))
	fill(photo, 1500, 1000, color.RGBA{200, 100, 50, 255})
	var jpg bytes.Buffer
	jpeg.Encode(&jpg, photo, nil)
	os.WriteFile(filepath.Join(dir, "g.png"), encodePNG(t, g), 0o644)
	os.WriteFile(filepath.Join(dir, "p.jpg"), jpg.Bytes(), 0o644)
	c := NewImages()
	for _, tc := range []struct {
		name     string
		widthPt  float64
		gray     bool
		wantW    int
		wantType string
	}{
		{"g.png", 72, false, 600, "png"},    // 1 in: 600 pixels
		{"g.png", 720, false, 3000, "png"},  // 10 in: 300 ppi, kept
		{"p.jpg", 144, false, 1200, "jpeg"}, // 2 in
		{"p.jpg", 144, true, 1200, "jpeg"},  // gray too
		{"p.jpg", 0, false, 1500, "jpeg"},   // size unknown: kept
	} {
		img, err := c.LoadPrinted(filepath.Join(dir, tc.name), tc.widthPt, tc.gray)
		if err != nil {
			t.Fatal(err)
		}
		// what the PDF gets, not only what the cache says
		if img.Width != tc.wantW || img.PDF.Width != tc.wantW || img.format != tc.wantType || img.PDF.Height != img.Height {
			t.Errorf("%s at %gpt: %dx%d (PDF %dx%d) %s, want %d wide %s", tc.name, tc.widthPt, img.Width, img.Height, img.PDF.Width, img.PDF.Height, img.format, tc.wantW, tc.wantType)
		}
	}
}
