package pdf

import (
	"bytes"
	"image/png"
	"io"
	"os"
	"testing"
)

// FuzzParseFont: any bytes as a font give a font or an error, never a
// panic, including when the font is subset and embedded.
func FuzzParseFont(f *testing.F) {
	good := regular(f).data
	f.Add(good)
	f.Add(good[:4096])
	f.Add([]byte("ttcf"))
	f.Add([]byte("OTTO\x00\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = subsetDocument(data)
	})
}

// FuzzPreparePNG: any bytes as a PNG give an image or an error; an image
// always embeds.
func FuzzPreparePNG(f *testing.F) {
	for _, img := range pngCases(f) {
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	if b, err := os.ReadFile("testdata/interlaced.png"); err == nil {
		f.Add(b)
	}
	comp := NewCompressors()
	f.Fuzz(func(t *testing.T, data []byte) {
		if cfg, err := png.DecodeConfig(bytes.NewReader(data)); err == nil && cfg.Width*cfg.Height > 1<<20 {
			return // valid but huge: memory, not robustness
		}
		im, err := PreparePNG(data, comp)
		if err == nil {
			embed(t, im)
		}
	})
}

// FuzzPrepareJPEG: any bytes as a JPEG give an image or an error.
func FuzzPrepareJPEG(f *testing.F) {
	f.Add(withMetadata(sampleJPEG(f, false)))
	f.Add(sampleJPEG(f, true))
	if b, err := os.ReadFile("testdata/cmyk.jpg"); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		im, err := PrepareJPEG(data)
		if err == nil {
			embed(t, im)
		}
	})
}

func embed(t *testing.T, im *ImageData) {
	d := NewDocument(io.Discard, Options{})
	d.AddPage(PageSpec{Width: 10, Height: 10}).Content().Image(d.Image(im), 0, 0, 10, 10)
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
}
