package pdf

import (
	"image"
	"image/color"
)

// ImageData is an image ready to embed: encoded once, shared read-only by
// every document that shows it.
type ImageData struct {
	Width, Height int
	dict          Dict // everything but /Type, /Subtype, /Length and /SMask
	data          []byte
	smask         *ImageData // soft mask (alpha), or nil
	// an indexed image's compressed RGB lookup table and highest index;
	// the document writes it as a stream of its own
	lookup []byte
	hival  int
}

// HasAlpha reports whether the image carries a soft mask.
func (im *ImageData) HasAlpha() bool { return im.smask != nil }

// Size is the number of bytes the image adds to a document.
func (im *ImageData) Size() int {
	n := len(im.data)
	if im.smask != nil {
		n += len(im.smask.data)
	}
	return n
}

// maxPixels bounds the images that are decoded: beyond it decoding alone
// would cost hundreds of megabytes.
const maxPixels = 25_000_000

// PrepareGray embeds img as 8-bit DeviceGray, compressed with c, for
// grayscale output: the caller has already converted it. Alpha, if the
// image has any, becomes a soft mask.
func PrepareGray(img image.Image, c *Compressors) *ImageData {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	gray := make([]byte, 0, w*h)
	alpha := make([]byte, 0, w*h)
	opaque := true
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			px := img.At(x, y)
			a := color.NRGBAModel.Convert(px).(color.NRGBA)
			g := color.GrayModel.Convert(color.NRGBA{R: a.R, G: a.G, B: a.B, A: 255}).(color.Gray)
			gray = append(gray, g.Y)
			alpha = append(alpha, a.A)
			opaque = opaque && a.A == 255
		}
	}
	im := flateImage(c, w, h, "DeviceGray", 8, gray)
	if !opaque {
		im.smask = flateImage(c, w, h, "DeviceGray", 8, alpha)
	}
	return im
}

// flateImage makes an image of raw samples, compressed.
func flateImage(c *Compressors, w, h int, cs Name, bpc int, samples []byte) *ImageData {
	return &ImageData{Width: w, Height: h, data: c.Deflate(samples), dict: Dict{
		"Width": Int(w), "Height": Int(h), "ColorSpace": cs, "BitsPerComponent": Int(bpc),
		"Filter": Name("FlateDecode"),
	}}
}

// Image is an ImageData placed in one document.
type Image struct {
	data *ImageData
	res  Name
	ref  Ref
}

// Data is the prepared image this one embeds.
func (im *Image) Data() *ImageData { return im.data }
