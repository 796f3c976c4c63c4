package pdf

import (
	"bytes"
	"sync"

	"github.com/klauspost/compress/zlib"
)

// Compressors is what a process's documents share to write streams
// quickly: zlib writers that are Reset and reused rather than made per
// stream (a fresh zlib writer costs about a megabyte of tables, which used
// to be most of what a document allocated), the sRGB profile compressed
// once, and a bounded cache of compressed font subsets, since a print run
// sets the same leaflet, and so the same glyphs, for many sites. One
// Compressors serves a whole process (the engine makes it); it is safe for
// concurrent use. Output does not depend on what is cached.
type Compressors struct {
	pool sync.Pool
	srgb func() []byte

	mu         sync.Mutex
	subsets    map[subsetKey]*subsetFile
	cached     int // bytes held by subsets
	cacheLimit int
}

// defaultSubsetCache is the default bound on cached font subsets: a few
// hundred subsets of a Latin text face.
const defaultSubsetCache = 8 << 20

// NewCompressors returns an empty pool of compressors with a subset cache
// of the default size.
func NewCompressors() *Compressors {
	c := &Compressors{subsets: map[subsetKey]*subsetFile{}, cacheLimit: defaultSubsetCache}
	c.srgb = sync.OnceValue(func() []byte { return c.Deflate(srgbProfile()) })
	return c
}

// SetSubsetCache bounds the bytes of compressed font subsets kept for
// reuse; 0 turns the cache off.
func (c *Compressors) SetSubsetCache(bytes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cacheLimit = bytes
	if c.cached > bytes {
		clear(c.subsets)
		c.cached = 0
	}
}

// srgbProfile returns the compressed sRGB profile.
func (c *Compressors) srgbProfile() []byte {
	if c.srgb == nil {
		return c.Deflate(srgbProfile()) // a zero Compressors
	}
	return c.srgb()
}

// deflate appends the zlib-compressed form of data to dst.
func (c *Compressors) deflate(dst *bytes.Buffer, data []byte) {
	z, _ := c.pool.Get().(*zlib.Writer)
	if z == nil {
		// the level cannot be wrong, so the error is always nil
		z, _ = zlib.NewWriterLevel(dst, zlib.DefaultCompression)
	} else {
		z.Reset(dst)
	}
	// writes to a bytes.Buffer cannot fail
	_, _ = z.Write(data)
	_ = z.Close()
	c.pool.Put(z)
}

// Deflate returns data compressed with zlib (FlateDecode), for callers that
// prepare streams ahead of a document.
func (c *Compressors) Deflate(data []byte) []byte {
	var b bytes.Buffer
	c.deflate(&b, data)
	return b.Bytes()
}

// subsetKey names a subset: the program and the hash of its glyph list.
type subsetKey struct {
	prog *FontProgram
	sum  [32]byte
}

// subsetFile is a finished subset: its tag, its uncompressed length and
// its compressed bytes. It is never changed once made.
type subsetFile struct {
	tag    string
	length int
	z      []byte
}

func (c *Compressors) subset(k subsetKey) *subsetFile {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.subsets[k]
}

// keep caches a subset; when the cache is full it starts again empty,
// which is simple and, with a print run's repetition, as good as LRU.
func (c *Compressors) keep(k subsetKey, f *subsetFile) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.subsets == nil || len(f.z) > c.cacheLimit {
		return // a zero Compressors caches nothing
	}
	if c.cached+len(f.z) > c.cacheLimit {
		clear(c.subsets)
		c.cached = 0
	}
	c.subsets[k] = f
	c.cached += len(f.z)
}
