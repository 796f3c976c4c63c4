// Package assets loads the images a document uses, once per process, and
// shares them read-only across documents and goroutines. Each image is
// checked here and prepared for the PDF layer: JPEGs pass through with
// their metadata stripped, PNGs pass through undecoded where PDF's
// predictors allow, and anything else is decoded and compressed again.
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
	_ "image/png" // for DecodeConfig and gray conversion
	"os"
	"sync"

	"handout/internal/pdf"
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

// Image is a prepared image: its size in pixels and the image ready for
// the PDF layer.
type Image struct {
	Width, Height int
	PDF           *pdf.ImageData
	src           []byte // the file, for converting to gray
	format        string // as image.DecodeConfig names it
}

// Images is a concurrency-safe cache of prepared images by path. It holds
// at most budget bytes of prepared images, dropping the least recently used
// first: a run over a hundred sites, each with its own large header, must
// not keep every one of them.
type Images struct {
	comp    *pdf.Compressors
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
	return &Images{comp: pdf.NewCompressors(), entries: map[string]*entry{}, grays: map[string]*entry{}, budget: cacheBudget}
}

// Compressors is the pool of compressors the cache prepares images with,
// for the documents to share too.
func (c *Images) Compressors() *pdf.Compressors { return c.comp }

// Load prepares the image at path, or returns the cached result. Errors
// say what is wrong with the file, without a position: the caller knows
// which line named it.
func (c *Images) Load(path string) (*Image, error) {
	e := c.entry(c.entries, path)
	e.once.Do(func() {
		e.img, e.err = prepare(path, c.comp)
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
			e.img, e.err = toGray(path, color, c.comp)
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
		e.size = int64(len(e.img.src))
		if e.img.PDF != nil {
			e.size += int64(e.img.PDF.Size())
		}
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
// everything else keeps its transparency as a soft mask.
func toGray(path string, img *Image, comp *pdf.Compressors) (*Image, error) {
	m, _, err := image.Decode(bytes.NewReader(img.src))
	if err != nil {
		return nil, fmt.Errorf("image %s cannot be converted to gray: %v", path, err)
	}
	out := &Image{Width: img.Width, Height: img.Height, format: img.format}
	if img.format != "jpeg" {
		out.PDF = pdf.PrepareGray(m, comp)
		return out, nil
	}
	b := m.Bounds()
	g := image.NewGray(b)
	draw.Draw(g, b, m, b.Min, draw.Src)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, g, &jpeg.Options{Quality: 90}); err != nil {
		return nil, fmt.Errorf("image %s cannot be converted to gray: %v", path, err)
	}
	out.PDF, err = pdf.PrepareJPEG(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("image %s cannot be converted to gray: %v", path, err)
	}
	return out, nil
}

func prepare(path string, comp *pdf.Compressors) (*Image, error) {
	data, err := safeio.ReadFile(path, maxImageBytes)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("image file %s does not exist", path)
		}
		return nil, fmt.Errorf("cannot read image %s: %s", path, safeio.Describe(err))
	}
	return prepareData(path, data, comp)
}

// Prepare checks and converts image bytes; path is used in messages.
func Prepare(path string, data []byte) (*Image, error) {
	return prepareData(path, data, pdf.NewCompressors())
}

func prepareData(path string, data []byte, comp *pdf.Compressors) (img *Image, err error) {
	defer func() {
		// neither the standard decoders nor the PDF layer panic on bad
		// data, but an image must never take the process down, so be sure
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
	out := &Image{Width: cfg.Width, Height: cfg.Height, src: data, format: format}
	switch format {
	case "jpeg":
		// decoded in full once, so a damaged scan is refused here rather
		// than drawn as garbage; the file itself passes through
		if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
			return nil, fmt.Errorf("image %s is corrupt: %v", path, err)
		}
		out.PDF, err = pdf.PrepareJPEG(data)
	case "png":
		out.PDF, err = pdf.PreparePNG(data, comp)
	default:
		var m image.Image
		if m, _, err = image.Decode(bytes.NewReader(data)); err == nil {
			out.PDF = pdf.PrepareImage(m, comp)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("image %s is corrupt: %v", path, err)
	}
	return out, nil
}

// Decode is used by tests to check a prepared image's file decodes.
func Decode(img *Image) (image.Image, error) {
	m, _, err := image.Decode(bytes.NewReader(img.src))
	return m, err
}

// decodedBytes is what decoding an image costs, and converting it when it
// is not a gray, palette or JPEG image (an 8-bit RGBA copy).
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
