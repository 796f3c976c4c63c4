package pdf

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"hash"
	"io"
	"strconv"
)

// writer puts indirect objects into the file, remembering where each one
// starts for the cross-reference table, and hashes everything it writes for
// the file identifier.
type writer struct {
	w       *bufio.Writer
	n       int64     // bytes written so far
	offsets []int64   // by object number; 0 = not written yet
	sum     hash.Hash // of every byte, for /ID
	buf     []byte    // scratch for serialising one object
	err     error
}

func newWriter(w io.Writer) *writer {
	return &writer{w: bufio.NewWriterSize(w, 32<<10), offsets: []int64{0}, sum: sha256.New()}
}

// alloc reserves the next object number.
func (w *writer) alloc() Ref {
	w.offsets = append(w.offsets, 0)
	return Ref{Num: len(w.offsets) - 1}
}

func (w *writer) write(b []byte) {
	if w.err != nil {
		return
	}
	w.sum.Write(b)
	n, err := w.w.Write(b)
	w.n += int64(n)
	w.err = err
}

// begin starts indirect object r.
func (w *writer) begin(r Ref) {
	if r.Num <= 0 || r.Num >= len(w.offsets) {
		w.fail(fmt.Errorf("pdf: object %d was never allocated", r.Num))
		return
	}
	if w.offsets[r.Num] != 0 {
		w.fail(fmt.Errorf("pdf: object %d written twice", r.Num))
		return
	}
	w.offsets[r.Num] = w.n
	w.buf = strconv.AppendInt(w.buf[:0], int64(r.Num), 10)
	w.buf = append(w.buf, " 0 obj\n"...)
	w.write(w.buf)
}

func (w *writer) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

// object writes o as indirect object r.
func (w *writer) object(r Ref, o Object) {
	w.begin(r)
	w.buf = appendObject(w.buf[:0], o)
	w.buf = append(w.buf, "\nendobj\n"...)
	w.write(w.buf)
}

// stream writes a stream object whose data is already encoded as its
// dictionary says; /Length is filled in here.
func (w *writer) stream(r Ref, d Dict, data []byte) {
	w.begin(r)
	full := make(Dict, len(d)+1)
	for k, v := range d {
		full[k] = v
	}
	full["Length"] = Int(len(data))
	w.buf = full.appendTo(w.buf[:0])
	w.buf = append(w.buf, "\nstream\n"...)
	w.write(w.buf)
	w.write(data)
	w.write([]byte("\nendstream\nendobj\n"))
}

// finish writes the cross-reference table and the trailer.
func (w *writer) finish(root, info Ref) error {
	for i := 1; i < len(w.offsets); i++ {
		if w.offsets[i] == 0 {
			return fmt.Errorf("pdf: object %d was allocated but never written", i)
		}
	}
	id := Bytes(w.sum.Sum(nil)[:16])
	xref := w.n
	b := fmt.Appendf(nil, "xref\n0 %d\n0000000000 65535 f \n", len(w.offsets))
	for _, off := range w.offsets[1:] {
		b = fmt.Appendf(b, "%010d 00000 n \n", off)
	}
	trailer := Dict{"Size": Int(len(w.offsets)), "Root": root, "ID": Array{id, id}}
	if info.Num != 0 {
		trailer["Info"] = info
	}
	b = append(b, "trailer\n"...)
	b = trailer.appendTo(b)
	b = fmt.Appendf(b, "\nstartxref\n%d\n%%%%EOF\n", xref)
	w.write(b)
	if w.err != nil {
		return w.err
	}
	return w.w.Flush()
}
