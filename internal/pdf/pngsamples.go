package pdf

import (
	"bytes"
	"fmt"
	"io"

	"github.com/klauspost/compress/zlib"
)

// decompress inflates the image data into w, which checks it has exactly
// one filter byte and one row's samples per row, so a damaged file is
// refused here rather than drawn wrongly.
func (f *pngFile) decompress(w sampleSink) error {
	zr, err := zlib.NewReader(bytes.NewReader(f.idat))
	if err != nil {
		return fmt.Errorf("png: %w: %v", errPNG, err)
	}
	var buf [32 << 10]byte
	for {
		n, err := zr.Read(buf[:])
		if werr := w.take(buf[:n]); werr != nil {
			return werr
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("png: %w: %v", errPNG, err)
		}
	}
	if !w.done() {
		return fmt.Errorf("png: %w: image data too short", errPNG)
	}
	return nil
}

type sampleSink interface {
	take(b []byte) error
	done() bool
}

// rowChecker follows the decompressed rows, checking each filter byte and
// that no more than the image's rows arrive.
type rowChecker struct {
	rowBytes, rows int // rowBytes counts the filter byte
	at, row        int // offset in the current row; rows seen
}

func (r *rowChecker) take(b []byte) error {
	for len(b) > 0 {
		if r.row == r.rows {
			return fmt.Errorf("png: %w: image data too long", errPNG)
		}
		if r.at == 0 && b[0] > 4 {
			return fmt.Errorf("png: %w: unknown filter type in row %d", errPNG, r.row)
		}
		n := min(len(b), r.rowBytes-r.at)
		b = b[n:]
		r.at += n
		if r.at == r.rowBytes {
			r.at = 0
			r.row++
		}
	}
	return nil
}

func (r *rowChecker) done() bool { return r.row == r.rows }

// collector is a rowChecker that keeps the samples too.
type collector struct {
	rowChecker
	raw []byte
}

func (c *collector) take(b []byte) error {
	if err := c.rowChecker.take(b); err != nil {
		return err
	}
	c.raw = append(c.raw, b...)
	return nil
}

// unfilter undoes the PNG filters in place; raw keeps its filter bytes,
// which are left as they were.
func unfilter(raw []byte, h, rowBytes, bpp int) {
	var prev []byte
	for y := 0; y < h; y++ {
		row := raw[y*(1+rowBytes):][:1+rowBytes]
		kind, cur := row[0], row[1:]
		for i := range cur {
			var a, b, c byte
			if i >= bpp {
				a = cur[i-bpp]
			}
			if prev != nil {
				b = prev[i]
				if i >= bpp {
					c = prev[i-bpp]
				}
			}
			switch kind {
			case 1:
				cur[i] += a
			case 2:
				cur[i] += b
			case 3:
				cur[i] += byte((int(a) + int(b)) / 2)
			case 4:
				cur[i] += paeth(a, b, c)
			}
		}
		prev = cur
	}
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// allOnes reports whether every sample of an unfiltered plane is 0xFF.
func allOnes(plane []byte, h, rowBytes int) bool {
	for y := 0; y < h; y++ {
		for _, v := range plane[y*(1+rowBytes)+1:][:rowBytes] {
			if v != 0xFF {
				return false
			}
		}
	}
	return true
}

func slicesClone(b []byte) []byte { return append([]byte(nil), b...) }
