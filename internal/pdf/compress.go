package pdf

import (
	"bufio"
	"bytes"
	"io"
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
	// scratch buffers and output buffers that documents hand back when
	// they close: a page's content, the object streams and the
	// compressed output each grow to tens of kilobytes per document
	bufs    sync.Pool // *[]byte
	writers sync.Pool // *bufio.Writer
	srgb    func() []byte

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

// buffer returns an empty scratch buffer, with room from an earlier
// document where one was handed back.
func (c *Compressors) buffer() []byte {
	if p, ok := c.bufs.Get().(*[]byte); ok {
		return (*p)[:0]
	}
	return nil
}

// recycle hands a buffer back for another document. Very large ones (a
// page full of images' worth of operators) are left to the collector, so
// that one odd document does not keep its memory for the process's life.
func (c *Compressors) recycle(b []byte) {
	if cap(b) == 0 || cap(b) > maxRecycled {
		return
	}
	c.bufs.Put(&b)
}

// maxRecycled is the largest buffer kept for reuse.
const maxRecycled = 1 << 20

// output returns a buffered writer of the pool's own on w. Never
// bufio.NewWriterSize(w, ...): given a big enough *bufio.Writer it returns
// that writer itself, which recycleOutput would then reset and hand to
// another document while the caller still writes through it.
func (c *Compressors) output(w io.Writer) *bufio.Writer {
	b, ok := c.writers.Get().(*bufio.Writer)
	if !ok {
		b = bufio.NewWriterSize(nil, 32<<10)
	}
	b.Reset(w)
	return b
}

// recycleOutput hands back a flushed buffered writer; it keeps no
// reference to the document's destination.
func (c *Compressors) recycleOutput(b *bufio.Writer) {
	b.Reset(nil)
	c.writers.Put(b)
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
