package pdf

import (
	"bytes"
	"sync"

	"github.com/klauspost/compress/zlib"
)

// Compressors hands out zlib writers that are Reset and reused rather than
// made per stream: a fresh zlib writer costs about a megabyte of tables,
// which used to be most of what a document allocated. One Compressors
// serves a whole process (the engine makes it); it is safe for concurrent
// use.
type Compressors struct {
	pool sync.Pool
	// the sRGB profile, computed and compressed once
	srgb func() []byte
}

// NewCompressors returns an empty pool of compressors.
func NewCompressors() *Compressors {
	c := &Compressors{}
	c.srgb = sync.OnceValue(func() []byte { return c.Deflate(srgbProfile()) })
	return c
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
