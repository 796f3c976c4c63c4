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
