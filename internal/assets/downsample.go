package assets

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"

	"handout/internal/pdf"
)

// MaxPPI is the most pixels per inch an image is embedded at. Presses and
// laser printers gain nothing beyond it, and a photograph from a phone
// printed as a 2-inch logo would otherwise carry ten times the data.
const MaxPPI = 600

// LoadPrinted is Load (or LoadGray) for an image printed at most widthPt
// points wide: one with more than MaxPPI pixels across at that width is
// scaled down to MaxPPI. Scaled images are cached like the others, by
// their pixel width.
func (c *Images) LoadPrinted(path string, widthPt float64, gray bool) (*Image, error) {
	load := c.Load
	if gray {
		load = c.LoadGray
	}
	img, err := c.Load(path)
	if err != nil || widthPt <= 0 {
		return load(path)
	}
	maxW := int(math.Ceil(widthPt / 72 * MaxPPI))
	if img.Width <= maxW {
		return load(path)
	}
	key := fmt.Sprintf("%s\x00%d\x00%t", path, maxW, gray)
	e := c.entry(c.entries, key)
	e.once.Do(func() {
		small, err := downsample(path, img, maxW, c.comp)
		if err == nil && gray {
			small, err = toGray(path, small, c.comp)
		}
		e.img, e.err = small, err
		c.keep(e)
	})
	return e.img, e.err
}

// downsample scales a prepared image to w pixels across, keeping its shape,
// averaging the pixels each new one covers, and prepares the result as it
// would a file: photographs stay JPEG, anything else becomes a PNG.
func downsample(path string, img *Image, w int, comp *pdf.Compressors) (*Image, error) {
	src, err := Decode(img)
	if err != nil {
		return nil, fmt.Errorf("image %s cannot be scaled: %v", path, err)
	}
	h := max(1, int(math.Round(float64(img.Height)*float64(w)/float64(img.Width))))
	dst := boxScale(src, w, h)
	var buf bytes.Buffer
	if img.format == "jpeg" {
		err = jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 90})
	} else {
		err = png.Encode(&buf, dst)
	}
	if err != nil {
		return nil, fmt.Errorf("image %s cannot be scaled: %v", path, err)
	}
	return prepareData(path, buf.Bytes(), comp)
}

// boxScale scales src down to w x h by averaging. Gray stays gray; every
// other image becomes RGBA, transparency kept.
func boxScale(src image.Image, w, h int) image.Image {
	b := src.Bounds()
	sw, sh := b.Dx(), b.Dy()
	gray, isGray := src.(*image.Gray)
	var dstGray *image.Gray
	var dstRGBA *image.RGBA
	if isGray {
		dstGray = image.NewGray(image.Rect(0, 0, w, h))
	} else {
		dstRGBA = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	for y := range h {
		y0, y1 := y*sh/h, max((y+1)*sh/h, y*sh/h+1)
		for x := range w {
			x0, x1 := x*sw/w, max((x+1)*sw/w, x*sw/w+1)
			var r, g, bl, a, n uint64
			for sy := y0; sy < y1; sy++ {
				for sx := x0; sx < x1; sx++ {
					if isGray {
						r += uint64(gray.Pix[(sy)*gray.Stride+sx])
					} else {
						// premultiplied, so averaging keeps transparency right
						cr, cg, cb, ca := src.At(b.Min.X+sx, b.Min.Y+sy).RGBA()
						r, g, bl, a = r+uint64(cr>>8), g+uint64(cg>>8), bl+uint64(cb>>8), a+uint64(ca>>8)
					}
					n++
				}
			}
			if isGray {
				dstGray.Pix[y*dstGray.Stride+x] = uint8(r / n)
			} else {
				dstRGBA.SetRGBA(x, y, color.RGBA{uint8(r / n), uint8(g / n), uint8(bl / n), uint8(a / n)})
			}
		}
	}
	if isGray {
		return dstGray
	}
	return dstRGBA
}
