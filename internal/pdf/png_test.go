package pdf

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/internal/pdftest"
)

// chunk builds a PNG chunk.
func chunk(kind, body string) []byte {
	b := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
	b = append(b, kind...)
	b = append(b, body...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE([]byte(kind+body)))
}

// encodePNG encodes img and adds text and EXIF chunks after IHDR.
func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return withTextChunks(buf.Bytes())
}

func withTextChunks(p []byte) []byte {
	const ihdrEnd = 8 + 25
	var b []byte
	b = append(b, p[:ihdrEnd]...)
	b = append(b, chunk("tEXt", "Author\x00TEXT-SECRET")...)
	b = append(b, chunk("iTXt", "Comment\x00\x00\x00\x00\x00ITXT-SECRET")...)
	b = append(b, chunk("eXIf", "MM\x00*EXIF-SECRET")...)
	return append(b, p[ihdrEnd:]...)
}

// pattern fills an image with colours and alphas that differ per pixel,
// through set(x, y, r, g, b, a) with 16-bit values.
func pattern(w, h int, set func(x, y int, c color.NRGBA64)) {
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			set(x, y, color.NRGBA64{uint16(x * 8191), uint16(y * 9000), uint16((x + y) * 4000), uint16(0xFFFF - x*y*1000)})
		}
	}
}

func pngCases(t testing.TB) map[string]image.Image {
	const w, h = 8, 7
	opaque := func(c color.NRGBA64) color.NRGBA64 { c.A = 0xFFFF; return c }
	rgba := image.NewNRGBA(image.Rect(0, 0, w, h))
	rgba64 := image.NewNRGBA64(image.Rect(0, 0, w, h))
	rgb := image.NewNRGBA(image.Rect(0, 0, w, h))
	rgb16 := image.NewRGBA64(image.Rect(0, 0, w, h))
	gray := image.NewGray(image.Rect(0, 0, w, h))
	gray16 := image.NewGray16(image.Rect(0, 0, w, h))
	pattern(w, h, func(x, y int, c color.NRGBA64) {
		rgba.Set(x, y, c)
		rgba64.Set(x, y, c)
		rgb.Set(x, y, opaque(c))
		rgb16.Set(x, y, opaque(c))
		gray.Set(x, y, color.Gray{uint8(x*30 + y)})
		gray16.Set(x, y, color.Gray16{uint16(x*7000 + y*300)})
	})
	pal := color.Palette{color.NRGBA{255, 0, 0, 255}, color.NRGBA{0, 128, 0, 255}, color.NRGBA{0, 0, 255, 255}, color.NRGBA{10, 20, 30, 255}}
	paletted := image.NewPaletted(image.Rect(0, 0, w, h), pal)
	transPal := append(color.Palette{color.NRGBA{0, 0, 0, 0}, color.NRGBA{200, 100, 0, 128}}, pal...)
	palTrans := image.NewPaletted(image.Rect(0, 0, w, h), transPal)
	for i := range paletted.Pix {
		paletted.Pix[i] = uint8(i % 4)
		palTrans.Pix[i] = uint8(i % 6)
	}
	return map[string]image.Image{
		"rgba8": rgba, "rgba16": rgba64, "rgb8 (opaque rgba)": rgb, "rgb16": rgb16,
		"gray8": gray, "gray16": gray16, "palette": paletted, "palette+tRNS": palTrans,
	}
}

// Every kind of PNG embeds without its text chunks, renders as its pixels
// over white, and carries a soft mask exactly when it has transparency.
func TestPNGKinds(t *testing.T) {
	comp := NewCompressors()
	for name, img := range pngCases(t) {
		t.Run(name, func(t *testing.T) {
			src := encodePNG(t, img)
			im, err := PreparePNG(src, comp)
			if err != nil {
				t.Fatal(err)
			}
			_, _, _, a := img.At(7, 6).RGBA()
			if wantMask := a != 0xFFFF || strings.Contains(name, "tRNS"); im.HasAlpha() != wantMask {
				t.Errorf("soft mask: %v, want %v", im.HasAlpha(), wantMask)
			}
			checkPixels(t, im, img)
		})
	}
}

// An interlaced PNG is decoded and compressed again.
func TestPNGInterlaced(t *testing.T) {
	src, err := os.ReadFile("testdata/interlaced.png")
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	im, err := PreparePNG(withTextChunks(src), NewCompressors())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := im.dict["DecodeParms"]; ok {
		t.Error("an interlaced PNG cannot pass through with predictors")
	}
	checkPixels(t, im, img)
}

// Gray and RGB images pass through: the PDF holds the PNG's own
// compressed data.
func TestPNGPassthrough(t *testing.T) {
	for _, name := range []string{"gray8", "gray16", "rgb16", "palette"} {
		img := pngCases(t)[name]
		src := encodePNG(t, img)
		im, err := PreparePNG(src, NewCompressors())
		if err != nil {
			t.Fatal(err)
		}
		f, err := readPNG(src)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(im.data, f.idat) {
			t.Errorf("%s: the image data was re-encoded", name)
		}
	}
}

// checkPixels embeds im on a page of its size, renders it at ten pixels
// per point and compares the middle of each image pixel with want
// composited over white.
func checkPixels(t *testing.T, im *ImageData, want image.Image) {
	t.Helper()
	b := want.Bounds()
	path, pdf := writePDF(t, func(d *Document) {
		d.AddPage(PageSpec{Width: float64(b.Dx()), Height: float64(b.Dy())}).Content().
			Image(d.Image(im), 0, 0, float64(b.Dx()), float64(b.Dy()))
	})
	if bytes.Contains(pdf, []byte("SECRET")) {
		t.Error("the PDF holds PNG text chunks")
	}
	checkValid(t, path)
	out := filepath.Join(t.TempDir(), "r")
	pdftest.Output(t, "pdftoppm", "-r", "720", "-png", "-singlefile", path, out)
	f, err := os.Open(out + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBA64Model.Convert(want.At(x, y)).(color.NRGBA64)
			over := func(v uint16) int { return int((uint32(v)*uint32(c.A) + 0xFFFF*(0xFFFF-uint32(c.A))) / 0xFFFF >> 8) }
			gr, gg, gb, _ := got.At(10*x+5, 10*y+5).RGBA()
			if d := max(absDiff(over(c.R), int(gr>>8)), absDiff(over(c.G), int(gg>>8)), absDiff(over(c.B), int(gb>>8))); d > 2 {
				t.Fatalf("pixel %d,%d: got %d,%d,%d want %d,%d,%d", x, y, gr>>8, gg>>8, gb>>8, over(c.R), over(c.G), over(c.B))
			}
		}
	}
}

func absDiff(a, b int) int {
	if a > b {
		return a - b
	}
	return b - a
}

// Damaged PNGs are refused with an error, never a panic.
func TestPNGRefusesDamage(t *testing.T) {
	good := encodePNG(t, pngCases(t)["rgba8"])
	badCRC := bytes.Clone(good)
	badCRC[len(badCRC)-5] ^= 1

	cut := bytes.Index(good, []byte("IDAT"))
	huge := bytes.Clone(good[:8])
	huge = append(huge, chunk("IHDR", "\x00\x01\x00\x00\x00\x01\x00\x00\x08\x06\x00\x00\x00")...)
	badFilter := append(bytes.Clone(good[:8]), chunk("IHDR", "\x00\x00\x00\x01\x00\x00\x00\x01\x08\x00\x00\x00\x00")...)
	badFilter = append(badFilter, chunk("IDAT", string(NewCompressors().Deflate([]byte{9, 0})))...)
	badFilter = append(badFilter, chunk("IEND", "")...)
	short := append(bytes.Clone(good[:8]), chunk("IHDR", "\x00\x00\x00\x02\x00\x00\x00\x01\x08\x00\x00\x00\x00")...)
	short = append(short, chunk("IDAT", string(NewCompressors().Deflate([]byte{0, 0})))...)
	short = append(short, chunk("IEND", "")...)
	cases := map[string][]byte{
		"empty": nil, "signature only": good[:8], "bad checksum": badCRC, "cut in the data": good[:cut+20],
		"too large": huge, "bad filter byte": badFilter, "short data": short,
		"no IEND": good[:len(good)-12], "zlib garbage": append(good[:cut-4:cut-4], chunk("IDAT", "garbage")...),
	}
	for name, data := range cases {
		if _, err := PreparePNG(data, NewCompressors()); err == nil {
			t.Errorf("%s: no error", name)
		} else if !strings.HasPrefix(err.Error(), "png: ") {
			t.Errorf("%s: error %q does not say it is about the PNG", name, err)
		}
	}
}

// A palette image whose pixels name entries the palette does not have
// draws them black, without warnings and without being decoded.
func TestPNGShortPalette(t *testing.T) {
	// 17 entries make the encoder write 8 bits per pixel
	pal := color.Palette{color.NRGBA{255, 0, 0, 255}, color.NRGBA{0, 0, 255, 255}}
	for len(pal) < 17 {
		pal = append(pal, color.NRGBA{0, 200, 0, 255})
	}
	img := image.NewPaletted(image.Rect(0, 0, 4, 2), pal)
	copy(img.Pix, []uint8{0, 1, 17, 200, 1, 0, 16, 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	im, err := PreparePNG(buf.Bytes(), NewCompressors())
	if err != nil {
		t.Fatal(err)
	}
	if im.hival != 255 {
		t.Errorf("lookup covers indices up to %d, want 255", im.hival)
	}
	want := image.NewNRGBA(img.Rect)
	for i, p := range img.Pix {
		c := color.NRGBA{A: 255}
		if int(p) < len(img.Palette) {
			c = img.Palette[p].(color.NRGBA)
		}
		want.Set(i%4, i/4, c)
	}
	checkPixels(t, im, want)
}
