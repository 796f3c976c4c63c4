package pdf

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"hash"
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
	// packed places objects written into object streams, by object
	// number: the stream's object number and the index inside it; a zero
	// stream for an object that is not packed, -1 for one whose stream
	// is still being filled
	packed []packedAt
}

type packedAt struct{ stream, index int }

func newWriter(w *bufio.Writer) *writer {
	return &writer{w: w, offsets: []int64{0}, sum: sha256.New()}
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

// fresh reports whether r was allocated and not yet given, failing the
// document if not.
func (w *writer) fresh(r Ref) bool {
	if r.Num <= 0 || r.Num >= len(w.offsets) {
		w.fail(fmt.Errorf("pdf: object %d was never allocated", r.Num))
		return false
	}
	if w.offsets[r.Num] != 0 || w.isPacked(r.Num) {
		w.fail(fmt.Errorf("pdf: object %d written twice", r.Num))
		return false
	}
	return true
}

// pack claims r for the object stream being filled (objectStream says
// which it is), so that giving r again, packed or not, is caught.
func (w *writer) pack(r Ref) bool {
	if !w.fresh(r) {
		return false
	}
	if n := len(w.offsets); len(w.packed) < n {
		w.packed = append(w.packed, make([]packedAt, n-len(w.packed))...)
	}
	w.packed[r.Num] = packedAt{stream: -1}
	return true
}

// begin starts indirect object r.
func (w *writer) begin(r Ref) {
	if !w.fresh(r) {
		return
	}
	w.offsets[r.Num] = w.n
	w.buf = strconv.AppendInt(w.buf[:0], int64(r.Num), 10)
	w.buf = append(w.buf, " 0 obj\n"...)
	w.write(w.buf)
}

func (w *writer) isPacked(num int) bool {
	return num < len(w.packed) && w.packed[num].stream != 0
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

// finish writes the cross-reference table and the trailer: a
// cross-reference stream when objects sit in object streams, which a
// classic table cannot point into.
func (w *writer) finish(root, info Ref) error {
	for i := 1; i < len(w.offsets); i++ {
		if w.offsets[i] == 0 && !w.isPacked(i) {
			return fmt.Errorf("pdf: object %d was allocated but never written", i)
		}
	}
	id := Bytes(w.sum.Sum(nil)[:16])
	trailer := Dict{"Root": root, "ID": Array{id, id}}
	if info.Num != 0 {
		trailer["Info"] = info
	}
	if len(w.packed) > 0 {
		w.xrefStream(trailer)
	} else {
		w.xrefTable(trailer)
	}
	if w.err != nil {
		return w.err
	}
	return w.w.Flush()
}

func (w *writer) xrefTable(trailer Dict) {
	xref := w.n
	b := fmt.Appendf(nil, "xref\n0 %d\n0000000000 65535 f \n", len(w.offsets))
	for _, off := range w.offsets[1:] {
		b = fmt.Appendf(b, "%010d 00000 n \n", off)
	}
	trailer["Size"] = Int(len(w.offsets))
	b = append(b, "trailer\n"...)
	b = trailer.appendTo(b)
	b = fmt.Appendf(b, "\nstartxref\n%d\n%%%%EOF\n", xref)
	w.write(b)
}

// xrefStream writes the cross-reference as a stream object (PDF 1.5):
// rows of a type byte, a 4-byte offset or stream number, and a 2-byte
// generation or index.
func (w *writer) xrefStream(trailer Dict) {
	r := w.alloc()
	xref := w.n
	data := make([]byte, 0, 7*len(w.offsets))
	row := func(typ byte, a, b int64) {
		data = append(data, typ, byte(a>>24), byte(a>>16), byte(a>>8), byte(a), byte(b>>8), byte(b))
	}
	row(0, 0, 65535)
	for i := 1; i < len(w.offsets); i++ {
		if w.isPacked(i) {
			p := w.packed[i]
			row(2, int64(p.stream), int64(p.index))
			continue
		}
		if i == r.Num {
			row(1, xref, 0) // the stream being written
			continue
		}
		row(1, w.offsets[i], 0)
	}
	trailer["Type"] = Name("XRef")
	trailer["Size"] = Int(len(w.offsets))
	trailer["W"] = Array{Int(1), Int(4), Int(2)}
	w.stream(r, trailer, data)
	w.write(fmt.Appendf(nil, "startxref\n%d\n%%%%EOF\n", xref))
}

// objectStream writes an object stream as r: data is the compressed
// header (first bytes long) and bodies of the objects numbered nums,
// each claimed with pack.
func (w *writer) objectStream(r Ref, nums []int, first int, data []byte) {
	for i, n := range nums {
		w.packed[n] = packedAt{r.Num, i}
	}
	w.stream(r, Dict{"Type": Name("ObjStm"), "N": Int(len(nums)), "First": Int(first), "Filter": Name("FlateDecode")}, data)
}
