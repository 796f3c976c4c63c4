// Package assets loads the images a document uses, once per process, and
// shares them read-only across documents and goroutines. Every image is
// decoded here with Go's decoders before fpdf sees it: fpdf panics on some
// corrupt files and cannot read interlaced or 16-bit PNGs, so what it gets
// is always a file we wrote ourselves or a JPEG we have fully decoded.
package assets

import (
	"bytes"
	"container/list"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	_ "image/gif" // GIF is accepted and converted
	"image/jpeg"
	"image/png"
	"os"
	"sync"

	"handout/internal/safeio"
)

// Limits that keep a hostile or mistaken file from eating the machine. The
// file's size says little: a small PNG can decode to gigabytes, so what
// decoding will cost is bounded too.
const (
	maxImageBytes   = safeio.ImageLimit
	maxImagePixels  = 40_000_000
	maxDecodedBytes = 128 << 20
)

// Image is a prepared image: its size in pixels and the bytes for fpdf.
type Image struct {
	Width, Height int
	PDF           Encoded
}

// Encoded is an image ready for the PDF writer: already decoded, checked
// and, where needed, re-encoded here, so the writer never sees a file that
// could make it fail. It lives here, not in paint, so that preparing
// images does not depend on how they are written.
type Encoded struct {
	Data []byte
	Type string // "png" or "jpg"
}

// Images is a concurrency-safe cache of prepared images by path. It holds
// at most budget bytes of prepared images, dropping the least recently used
// first: a run over a hundred sites, each with its own large header, must
// not keep every one of them.
type Images struct {
	mu      sync.Mutex
	entries map[string]*entry
	grays   map[string]*entry
	lru     list.List // of *entry, most recently used first, once prepared
	size    int64     // bytes of prepared images in lru
	budget  int64
}

type entry struct {
	once sync.Once
	img  *Image
	err  error
	// key, home and elem place the entry for eviction; size is what it
	// costs, counted once it is prepared
	key  string
	home map[string]*entry
	elem *list.Element
	size int64
}

// cacheBudget is how many bytes of prepared images a cache keeps.
const cacheBudget = 64 << 20

// NewImages returns an empty cache.
func NewImages() *Images {
	return &Images{entries: map[string]*entry{}, grays: map[string]*entry{}, budget: cacheBudget}
}

// Load prepares the image at path, or returns the cached result. Errors
// say what is wrong with the file, without a position: the caller knows
// which line named it.
func (c *Images) Load(path string) (*Image, error) {
	e := c.entry(c.entries, path)
	e.once.Do(func() {
		e.img, e.err = prepare(path)
		c.keep(e)
	})
	return e.img, e.err
}

// LoadGray is Load for black-and-white printing: the image converted to
// shades of gray, cached separately.
func (c *Images) LoadGray(path string) (*Image, error) {
	e := c.entry(c.grays, path)
	e.once.Do(func() {
		color, err := c.Load(path)
		if err != nil {
			e.err = err
		} else {
			e.img, e.err = toGray(path, color)
		}
		c.keep(e)
	})
	return e.img, e.err
}

func (c *Images) entry(m map[string]*entry, path string) *entry {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := m[path]
	if e == nil {
		e = &entry{key: path, home: m}
		m[path] = e
	} else if e.elem != nil {
		c.lru.MoveToFront(e.elem)
	}
	return e
}

// keep counts a newly prepared entry and evicts the least recently used
// ones beyond the budget. An evicted image stays valid for whoever holds
// it; it is only prepared again when next asked for.
func (c *Images) keep(e *entry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e.img != nil {
		e.size = int64(len(e.img.PDF.Data))
	}
	e.size += 256 // an error, or the entry itself
	e.elem = c.lru.PushFront(e)
	c.size += e.size
	for c.size > c.budget && c.lru.Len() > 1 {
		old := c.lru.Remove(c.lru.Back()).(*entry)
		c.size -= old.size
		if old.home[old.key] == old {
			delete(old.home, old.key)
		}
	}
}

// toGray converts a prepared image to 8-bit gray: photographs stay JPEG,
// everything else becomes a gray PNG.
func toGray(path string, img *Image) (*Image, error) {
	m, err := Decode(img)
	if err != nil {
		return nil, fmt.Errorf("image %s cannot be converted to gray: %v", path, err)
	}
	b := m.Bounds()
	g := image.NewGray(b)
	draw.Draw(g, b, m, b.Min, draw.Src)
	var buf bytes.Buffer
	out := &Image{Width: img.Width, Height: img.Height}
	if img.PDF.Type == "jpg" {
		err = jpeg.Encode(&buf, g, &jpeg.Options{Quality: 90})
		out.PDF = Encoded{Data: buf.Bytes(), Type: "jpg"}
	} else {
		err = png.Encode(&buf, g)
		out.PDF = Encoded{Data: buf.Bytes(), Type: "png"}
	}
	if err != nil {
		return nil, fmt.Errorf("image %s cannot be converted to gray: %v", path, err)
	}
	return out, nil
}

func prepare(path string) (*Image, error) {
	data, err := safeio.ReadFile(path, maxImageBytes)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("image file %s does not exist", path)
		}
		return nil, fmt.Errorf("cannot read image %s: %s", path, safeio.Describe(err))
	}
	return Prepare(path, data)
}

// Prepare checks and converts image bytes; path is used in messages.
func Prepare(path string, data []byte) (img *Image, err error) {
	defer func() {
		// the standard decoders do not panic on bad data, but an image
		// must never take the process down, so be sure
		if r := recover(); r != nil {
			img, err = nil, fmt.Errorf("image %s is corrupt (%v)", path, r)
		}
	}()
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("image %s is not a PNG, JPEG or GIF file, or it is corrupt: %v", path, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxImagePixels {
		return nil, fmt.Errorf("image %s is %dx%d pixels; images must be at most %d megapixels", path, cfg.Width, cfg.Height, maxImagePixels/1_000_000)
	}
	if need := decodedBytes(cfg, format); need > maxDecodedBytes {
		return nil, fmt.Errorf("image %s is %dx%d pixels of %d bytes each, %d MB once decoded; images may take at most %d MB (scale it down, or save it with 8 bits per channel)",
			path, cfg.Width, cfg.Height, bytesPerPixel(cfg.ColorModel), need>>20, maxDecodedBytes>>20)
	}
	m, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("image %s is corrupt: %v", path, err)
	}
	b := m.Bounds()
	out := &Image{Width: b.Dx(), Height: b.Dy()}
	if format == "jpeg" && cfg.ColorModel != color.CMYKModel {
		// a fully decoded baseline or progressive JPEG embeds as it is
		out.PDF = Encoded{Data: data, Type: "jpg"}
		return out, nil
	}
	if format == "png" && plainPNG(data) {
		// already what fpdf reads best, and fully decoded above: keep it
		out.PDF = Encoded{Data: data, Type: "png"}
		return out, nil
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&buf, flatten(m)); err != nil {
		return nil, fmt.Errorf("image %s cannot be converted: %v", path, err)
	}
	out.PDF = Encoded{Data: buf.Bytes(), Type: "png"}
	return out, nil
}

// plainPNG reports whether a PNG is 8-bit gray, RGB or palette, not
// interlaced, with no transparency: the kind fpdf embeds without
// re-compressing its pixels, and the kind print-ready artwork usually is.
func plainPNG(data []byte) bool {
	const sig = "\x89PNG\r\n\x1a\n"
	if len(data) < 33 || string(data[:8]) != sig || string(data[12:16]) != "IHDR" {
		return false
	}
	depth, colorType, interlace := data[24], data[25], data[28]
	if depth != 8 || interlace != 0 || (colorType != 0 && colorType != 2 && colorType != 3) {
		return false
	}
	return !bytes.Contains(data, []byte("tRNS"))
}

// flatten composites the image over white paper and drops transparency:
// print has no alpha, and an opaque 8-bit PNG is what fpdf reads without
// re-compressing it for every document.
func flatten(m image.Image) image.Image {
	switch v := m.(type) {
	case *image.Paletted:
		p := &image.Paletted{Pix: v.Pix, Stride: v.Stride, Rect: v.Rect, Palette: make(color.Palette, len(v.Palette))}
		for i, c := range v.Palette {
			p.Palette[i] = overWhite(c)
		}
		return p
	case *image.Gray:
		return v
	}
	b := m.Bounds()
	dst := image.NewRGBA(b)
	draw.Draw(dst, b, image.White, image.Point{}, draw.Src)
	draw.Draw(dst, b, m, b.Min, draw.Over)
	return dst
}

func overWhite(c color.Color) color.Color {
	r, g, b, a := c.RGBA()
	mix := func(v uint32) uint8 { return uint8((v + (0xffff - a)) >> 8) }
	return color.RGBA{R: mix(r), G: mix(g), B: mix(b), A: 0xff}
}

// Decode is used by tests to check a prepared image round-trips.
func Decode(img *Image) (image.Image, error) {
	if img.PDF.Type == "jpg" {
		return jpeg.Decode(bytes.NewReader(img.PDF.Data))
	}
	return png.Decode(bytes.NewReader(img.PDF.Data))
}

// decodedBytes is what decoding an image costs, and converting it when it
// cannot be embedded as it is (flatten's 8-bit RGBA copy: gray and palette
// images and JPEGs are kept as they are).
func decodedBytes(cfg image.Config, format string) int64 {
	px := int64(cfg.Width) * int64(cfg.Height)
	need := px * bytesPerPixel(cfg.ColorModel)
	_, paletted := cfg.ColorModel.(color.Palette)
	kept := paletted || cfg.ColorModel == color.GrayModel || (format == "jpeg" && cfg.ColorModel != color.CMYKModel)
	if !kept {
		need += px * 4
	}
	return need
}

// bytesPerPixel is what the standard decoders allocate per pixel for a
// color model (YCbCr counted as if not subsampled).
func bytesPerPixel(m color.Model) int64 {
	switch m {
	case color.GrayModel, color.AlphaModel:
		return 1
	case color.Gray16Model, color.Alpha16Model:
		return 2
	case color.YCbCrModel:
		return 3
	case color.RGBAModel, color.NRGBAModel, color.CMYKModel:
		return 4
	case color.RGBA64Model, color.NRGBA64Model:
		return 8
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 8
}
