package pdf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
)

var errPNG = errors.New("not a usable PNG")

// pngFile is what PreparePNG reads from the chunks; text and metadata
// chunks (tEXt, zTXt, iTXt, eXIf, tIME...) are never kept.
type pngFile struct {
	w, h                   int
	depth, colorType       byte
	interlaced             bool
	palette, trns, idat    []byte
	channels, bitsPerPixel int
}

// PreparePNG makes a PNG ready to embed, without decoding it where PDF's
// PNG predictors can take its compressed data as it is: gray, RGB and
// palette images of any bit depth pass straight through. Alpha channels are
// split off (still filtered, so still undecoded) into a soft mask, dropped
// when every pixel is opaque. A single transparent colour becomes a colour
// key mask, palette transparency a soft mask. Interlaced images are decoded
// and compressed again with c.
func PreparePNG(data []byte, c *Compressors) (*ImageData, error) {
	f, err := readPNG(data)
	if err != nil {
		return nil, err
	}
	if f.interlaced {
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("png: %w", err)
		}
		return prepareDecoded(img, f.depth == 16, f.colorType&2 == 0, c), nil
	}
	if f.colorType == 4 || f.colorType == 6 || (f.colorType == 3 && len(f.trns) > 0) {
		// the samples are needed: to split off alpha, or to read the
		// palette indices for the mask
		raw, err := f.inflate()
		if err != nil {
			return nil, err
		}
		if f.colorType == 3 {
			im := f.withPalette(f.image(f.idat, f.channels, colorSpace(f)), c)
			im.smask = f.paletteMask(raw, c)
			return im, nil
		}
		return f.splitAlpha(raw, c), nil
	}
	// passed through: only checked, without keeping the samples
	if err := f.decompress(&rowChecker{rowBytes: 1 + f.rowBytes(), rows: f.h}); err != nil {
		return nil, err
	}
	im := f.withPalette(f.image(f.idat, f.channels, colorSpace(f)), c)
	if len(f.trns) > 0 {
		im.dict["Mask"] = f.colorKey()
	}
	return im, nil
}

func readPNG(data []byte) (*pngFile, error) {
	if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
		return nil, fmt.Errorf("png: %w: bad signature", errPNG)
	}
	f := &pngFile{}
	var idat bytes.Buffer
	seenHeader := false
	for at := 8; ; {
		if at+12 > len(data) {
			return nil, fmt.Errorf("png: %w: no IEND chunk", errPNG)
		}
		n := int(binary.BigEndian.Uint32(data[at:]))
		if n > len(data)-at-12 {
			return nil, fmt.Errorf("png: %w: chunk runs past the end", errPNG)
		}
		kind, body := string(data[at+4:at+8]), data[at+8:at+8+n]
		if crc32.ChecksumIEEE(data[at+4:at+8+n]) != binary.BigEndian.Uint32(data[at+8+n:]) {
			return nil, fmt.Errorf("png: %w: %q chunk checksum mismatch", errPNG, kind)
		}
		at += 12 + n
		if !seenHeader && kind != "IHDR" {
			return nil, fmt.Errorf("png: %w: first chunk is not IHDR", errPNG)
		}
		switch kind {
		case "IHDR":
			if seenHeader {
				return nil, fmt.Errorf("png: %w: two IHDR chunks", errPNG)
			}
			if err := f.header(body); err != nil {
				return nil, err
			}
			seenHeader = true
		case "PLTE":
			f.palette = body
		case "tRNS":
			f.trns = body
		case "IDAT":
			idat.Write(body)
		case "IEND":
			f.idat = idat.Bytes()
			return f, f.check()
		}
	}
}

func (f *pngFile) header(b []byte) error {
	if len(b) != 13 {
		return fmt.Errorf("png: %w: bad IHDR", errPNG)
	}
	f.w, f.h = int(binary.BigEndian.Uint32(b)), int(binary.BigEndian.Uint32(b[4:]))
	f.depth, f.colorType = b[8], b[9]
	if b[10] != 0 || b[11] != 0 || b[12] > 1 {
		return fmt.Errorf("png: %w: unknown compression, filter or interlace method", errPNG)
	}
	f.interlaced = b[12] == 1
	if f.w <= 0 || f.h <= 0 || f.w > 1<<24 || f.h > 1<<24 || int64(f.w)*int64(f.h) > maxPixels {
		return fmt.Errorf("png: %dx%d pixels is too large an image", f.w, f.h)
	}
	f.channels = map[byte]int{0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[f.colorType]
	ok := map[byte][]byte{0: {1, 2, 4, 8, 16}, 2: {8, 16}, 3: {1, 2, 4, 8}, 4: {8, 16}, 6: {8, 16}}[f.colorType]
	if f.channels == 0 || bytes.IndexByte(ok, f.depth) < 0 {
		return fmt.Errorf("png: %w: colour type %d with bit depth %d", errPNG, f.colorType, f.depth)
	}
	f.bitsPerPixel = f.channels * int(f.depth)
	return nil
}

func (f *pngFile) check() error {
	if len(f.idat) == 0 {
		return fmt.Errorf("png: %w: no image data", errPNG)
	}
	if f.colorType == 3 && (len(f.palette) == 0 || len(f.palette)%3 != 0 || len(f.palette) > 3*256) {
		return fmt.Errorf("png: %w: palette missing or malformed", errPNG)
	}
	want := map[byte]int{0: 2, 2: 6, 3: len(f.palette) / 3}[f.colorType]
	if len(f.trns) > 0 && (f.colorType >= 4 || (f.colorType == 3 && len(f.trns) > want) || (f.colorType != 3 && len(f.trns) != want)) {
		return fmt.Errorf("png: %w: malformed tRNS chunk", errPNG)
	}
	return nil
}

func (f *pngFile) rowBytes() int { return (f.w*f.bitsPerPixel + 7) / 8 }

// inflate decompresses the image data, still filtered, checking it as
// decompress does.
func (f *pngFile) inflate() ([]byte, error) {
	c := &collector{rowChecker: rowChecker{rowBytes: 1 + f.rowBytes(), rows: f.h}, raw: make([]byte, 0, f.h*(1+f.rowBytes()))}
	if err := f.decompress(c); err != nil {
		return nil, err
	}
	return c.raw, nil
}

// withPalette gives a palette image its colour lookup, padded to every
// index the bit depth can hold: a pixel naming an entry the file left out
// draws black instead of making viewers complain, and the image need not
// be decoded to find out. Compressed, the padding costs nothing.
func (f *pngFile) withPalette(im *ImageData, c *Compressors) *ImageData {
	if f.colorType != 3 {
		return im
	}
	pal := make([]byte, 3<<f.depth)
	copy(pal, f.palette)
	im.lookup = c.Deflate(pal)
	im.hival = 1<<f.depth - 1
	return im
}

func colorSpace(f *pngFile) Object {
	switch f.colorType {
	case 0, 4:
		return Name("DeviceGray")
	case 3:
		// Document.Image writes the palette as a lookup stream
		return Name("DeviceRGB")
	}
	return Name("DeviceRGB")
}

// image wraps PNG-filtered zlib data as a PDF image using the PNG
// predictors.
func (f *pngFile) image(data []byte, colors int, cs Object) *ImageData {
	return &ImageData{Width: f.w, Height: f.h, data: data, dict: Dict{
		"Width": Int(f.w), "Height": Int(f.h), "ColorSpace": cs, "BitsPerComponent": Int(f.depth),
		"Filter":      Name("FlateDecode"),
		"DecodeParms": Dict{"Predictor": Int(15), "Colors": Int(colors), "BitsPerComponent": Int(f.depth), "Columns": Int(f.w)},
	}}
}

// splitAlpha separates the colour and alpha samples of every row without
// undoing the filters: PNG filters work on each channel separately (they
// look one pixel back and one row up), so each part stays a valid filtered
// image.
func (f *pngFile) splitAlpha(raw []byte, c *Compressors) *ImageData {
	sample := int(f.depth) / 8
	pixel := f.channels * sample
	colorN := (f.channels - 1) * sample
	rb := f.rowBytes()
	col := make([]byte, 0, f.h*(1+f.w*colorN))
	alpha := make([]byte, 0, f.h*(1+f.w*sample))
	for y := 0; y < f.h; y++ {
		row := raw[y*(1+rb):][:1+rb]
		col, alpha = append(col, row[0]), append(alpha, row[0])
		for x := 1; x < len(row); x += pixel {
			col = append(col, row[x:x+colorN]...)
			alpha = append(alpha, row[x+colorN:x+pixel]...)
		}
	}
	cs := Name("DeviceRGB")
	if f.channels == 2 {
		cs = "DeviceGray"
	}
	im := f.image(c.Deflate(col), f.channels-1, cs)
	plane := slicesClone(alpha)
	unfilter(plane, f.h, f.w*sample, sample)
	if !allOnes(plane, f.h, f.w*sample) {
		im.smask = f.image(c.Deflate(alpha), 1, Name("DeviceGray"))
	}
	return im
}

// paletteMask turns palette transparency into a soft mask, or nil when no
// pixel uses a transparent entry.
func (f *pngFile) paletteMask(raw []byte, c *Compressors) *ImageData {
	rb := f.rowBytes()
	unfilter(raw, f.h, rb, 1)
	alpha := make([]byte, 0, f.w*f.h)
	opaque := true
	for y := 0; y < f.h; y++ {
		row := raw[y*(1+rb)+1:][:rb]
		for x := 0; x < f.w; x++ {
			bit := x * int(f.depth)
			idx := int(row[bit/8]>>(8-int(f.depth)-bit%8)) & (1<<f.depth - 1)
			a := byte(255)
			if idx < len(f.trns) {
				a = f.trns[idx]
			}
			opaque = opaque && a == 255
			alpha = append(alpha, a)
		}
	}
	if opaque {
		return nil
	}
	return flateImage(c, f.w, f.h, "DeviceGray", 8, alpha)
}

// colorKey turns a gray or RGB tRNS colour into a /Mask colour-key range.
func (f *pngFile) colorKey() Array {
	var a Array
	for i := 0; i+1 < len(f.trns); i += 2 {
		v := Int(binary.BigEndian.Uint16(f.trns[i:]) & (1<<f.depth - 1))
		a = append(a, v, v)
	}
	return a
}

// PrepareImage embeds an already decoded image (a GIF, say) as 8-bit RGB,
// or gray when its colour model is gray, with alpha as a soft mask unless
// every pixel is opaque.
func PrepareImage(img image.Image, c *Compressors) *ImageData {
	m := img.ColorModel()
	return prepareDecoded(img, false, m == color.GrayModel || m == color.Gray16Model, c)
}

// prepareDecoded embeds a decoded image as raw samples, 8 or 16 bits, gray
// or RGB, with its alpha as a soft mask unless it is fully opaque.
func prepareDecoded(img image.Image, deep, gray bool, c *Compressors) *ImageData {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	var col, alpha []byte
	opaque := true
	put := func(dst []byte, v uint16) []byte {
		if deep {
			return append(dst, byte(v>>8), byte(v))
		}
		return append(dst, byte(v>>8))
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			p := color.NRGBA64Model.Convert(img.At(x, y)).(color.NRGBA64)
			if gray {
				col = put(col, p.R) // a gray PNG decodes with R = G = B
			} else {
				col = put(put(put(col, p.R), p.G), p.B)
			}
			alpha = put(alpha, p.A)
			opaque = opaque && p.A == 0xFFFF
		}
	}
	bpc := 8
	if deep {
		bpc = 16
	}
	cs := Name("DeviceRGB")
	if gray {
		cs = "DeviceGray"
	}
	im := flateImage(c, w, h, cs, bpc, col)
	if !opaque {
		im.smask = flateImage(c, w, h, "DeviceGray", bpc, alpha)
	}
	return im
}
