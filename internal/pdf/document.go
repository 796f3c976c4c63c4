package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// Options configure a Document.
type Options struct {
	// Compressors is the process's pool of zlib writers; nil makes a
	// private one.
	Compressors *Compressors
	// Version is the PDF version in the header; "1.7" when empty.
	Version string
}

// Document is one PDF being written. It is not safe for concurrent use;
// run one Document per goroutine.
type Document struct {
	w       *writer
	comp    *Compressors
	pagesID Ref
	pages   []Ref
	page    *Page // the page being drawn, written when the next one starts
	fonts   []*Font
	fontOf  map[*FontProgram]*Font
	images  []*Image
	imageOf map[*ImageData]*Image
	resID   Ref
	catalog Dict
	info    Dict
	xmp     *XMP
	infoVal Info
	intent  bool
	outline []OutlineEntry
	zbuf    bytes.Buffer
	spare   []byte // a finished page's content buffer, for the next page
	closed  bool
	pack    packer
}

// NewDocument starts a PDF on w.
func NewDocument(w io.Writer, opt Options) *Document {
	if opt.Compressors == nil {
		opt.Compressors = NewCompressors()
	}
	if opt.Version == "" {
		opt.Version = "1.7"
	}
	c := opt.Compressors
	d := &Document{w: newWriter(c.output(w)), comp: c, spare: c.buffer(), pack: packer{head: c.buffer(), body: c.buffer()}, fontOf: map[*FontProgram]*Font{},
		imageOf: map[*ImageData]*Image{}, catalog: Dict{}}
	d.zbuf = *bytes.NewBuffer(c.buffer())
	// the binary comment tells transfer programs the file is not text
	d.w.write([]byte("%PDF-" + opt.Version + "\n%\xE2\xE3\xCF\xD3\n"))
	d.pagesID = d.w.alloc()
	d.resID = d.w.alloc()
	return d
}

// Alloc reserves an object number for an object to be given with Put (a
// structure tree element, for example).
func (d *Document) Alloc() Ref { return d.w.alloc() }

// Put writes object o as r, which Alloc returned. Each object is put once.
func (d *Document) Put(r Ref, o Object) { d.w.object(r, o) }

// PutPacked writes object o as r inside an object stream, compressed with
// the others put so: for the many small objects of a structure tree. The
// object is serialised at once, so the document holds bytes, not maps, and
// each object stream is written as soon as it is full.
func (d *Document) PutPacked(r Ref, o Object) {
	if !d.w.pack(r) {
		return
	}
	p := &d.pack
	p.nums = append(p.nums, r.Num)
	p.head = strconv.AppendInt(p.head, int64(r.Num), 10)
	p.head = append(p.head, ' ')
	p.head = strconv.AppendInt(p.head, int64(len(p.body)), 10)
	p.head = append(p.head, ' ')
	p.body = appendObject(p.body, o)
	p.body = append(p.body, '\n')
	if len(p.nums) == packLimit {
		d.writePacked()
	}
}

// packLimit is the most objects one object stream holds.
const packLimit = 1000

// packer collects the objects of the object stream being filled: their
// numbers, the stream's header of number and offset pairs, and its body.
type packer struct {
	nums       []int
	head, body []byte
}

// writePacked writes the objects given to PutPacked since the last object
// stream, if any, as one object stream.
func (d *Document) writePacked() {
	p := &d.pack
	if len(p.nums) == 0 {
		return
	}
	first := len(p.head)
	p.head = append(p.head, p.body...)
	d.zbuf.Reset()
	d.comp.deflate(&d.zbuf, p.head)
	d.w.objectStream(d.w.alloc(), p.nums, first, d.zbuf.Bytes())
	p.nums, p.head, p.body = p.nums[:0], p.head[:0], p.body[:0]
}

// PutStream writes a stream object as r; compress runs it through
// FlateDecode.
func (d *Document) PutStream(r Ref, dict Dict, data []byte, compress bool) {
	d.putStream(r, dict, data, compress)
}

func (d *Document) putStream(r Ref, dict Dict, data []byte, compress bool) {
	if compress {
		d.zbuf.Reset()
		d.comp.deflate(&d.zbuf, data)
		data = d.zbuf.Bytes()
		dict = with(dict, "Filter", Name("FlateDecode"))
	}
	d.w.stream(r, dict, data)
}

// with returns a copy of d with one more entry.
func with(d Dict, k Name, v Object) Dict {
	out := make(Dict, len(d)+1)
	for key, val := range d {
		out[key] = val
	}
	out[k] = v
	return out
}

// SetCatalog sets an entry of the document catalog (StructTreeRoot,
// MarkInfo, ViewerPreferences...). Type, Pages, Outlines, Metadata, Lang
// and OutputIntents are the writer's own, set through their methods.
func (d *Document) SetCatalog(key Name, v Object) { d.catalog[key] = v }

// SetLang sets the document's natural language (BCP 47), as /Lang.
func (d *Document) SetLang(lang string) {
	if lang == "" {
		delete(d.catalog, "Lang")
		return
	}
	d.catalog["Lang"] = String(lang)
}

// Font returns the document's subset of p, made on first use.
func (d *Document) Font(p *FontProgram) *Font {
	if f, ok := d.fontOf[p]; ok {
		return f
	}
	f := newFont(p, Name("F"+strconv.Itoa(len(d.fonts)+1)), d.w.alloc())
	d.fontOf[p] = f
	d.fonts = append(d.fonts, f)
	return f
}

// Image returns the document's copy of img, written into the file at once
// (each image is written once however often it is drawn).
func (d *Document) Image(img *ImageData) *Image {
	if im, ok := d.imageOf[img]; ok {
		return im
	}
	im := &Image{data: img, res: Name("Im" + strconv.Itoa(len(d.images)+1)), ref: d.w.alloc()}
	d.imageOf[img] = im
	d.images = append(d.images, im)
	dict := with(img.dict, "Type", Name("XObject"))
	dict["Subtype"] = Name("Image")
	if img.lookup != nil {
		lookup := d.w.alloc()
		d.w.stream(lookup, Dict{"Filter": Name("FlateDecode")}, img.lookup)
		dict["ColorSpace"] = Array{Name("Indexed"), Name("DeviceRGB"), Int(img.hival), lookup}
	}
	if img.smask != nil {
		mask := d.w.alloc()
		dict["SMask"] = mask
		md := with(img.smask.dict, "Type", Name("XObject"))
		md["Subtype"] = Name("Image")
		d.w.stream(mask, md, img.smask.data)
	}
	d.w.stream(im.ref, dict, img.data)
	return im
}

// Close finishes the last page, writes the fonts, the shared resources,
// the outline, the catalog, the metadata and the cross-reference table.
// The Document cannot be used afterwards.
func (d *Document) Close() error {
	if d.closed {
		return errors.New("pdf: document closed twice")
	}
	d.closed = true
	defer d.recycle()
	if d.page != nil {
		d.endPage()
	}
	if len(d.pages) == 0 {
		return errors.New("pdf: a document needs at least one page")
	}
	for _, f := range d.fonts {
		if err := f.write(d); err != nil {
			return err
		}
	}
	d.writeResources()
	kids := make(Array, len(d.pages))
	for i, p := range d.pages {
		kids[i] = p
	}
	d.Put(d.pagesID, Dict{"Type": Name("Pages"), "Kids": kids, "Count": Int(len(d.pages))})
	cat := with(d.catalog, "Type", Name("Catalog"))
	cat["Pages"] = d.pagesID
	if o := d.writeOutline(); o.Num != 0 {
		cat["Outlines"] = o
		if _, set := cat["PageMode"]; !set {
			cat["PageMode"] = Name("UseOutlines")
		}
	}
	d.writeMetadata(cat)
	root, info := d.Alloc(), Ref{}
	if len(d.info) > 0 {
		info = d.Alloc()
		d.Put(info, d.info)
	}
	d.Put(root, cat)
	d.writePacked()
	if err := d.w.finish(root, info); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// recycle hands the document's buffers back to its Compressors for the
// next document. Everything written has been flushed or failed by now.
func (d *Document) recycle() {
	c := d.comp
	c.recycle(d.spare)
	c.recycle(d.pack.head)
	c.recycle(d.pack.body)
	c.recycle(d.zbuf.Bytes())
	if d.w.err == nil {
		c.recycleOutput(d.w.w)
	}
	d.spare, d.pack, d.zbuf, d.w.w = nil, packer{}, bytes.Buffer{}, nil
	// the writer's buffer may be another document's by now: anything
	// written after Close goes nowhere, rather than into a nil writer
	d.w.fail(errClosed)
}

var errClosed = errors.New("pdf: document closed")

// writeResources writes the one resource dictionary all pages share: every
// font and image of the document.
func (d *Document) writeResources() {
	res := Dict{}
	if len(d.fonts) > 0 {
		fonts := Dict{}
		for _, f := range d.fonts {
			fonts[f.res] = f.ref
		}
		res["Font"] = fonts
	}
	if len(d.images) > 0 {
		xo := Dict{}
		for _, im := range d.images {
			xo[im.res] = im.ref
		}
		res["XObject"] = xo
	}
	d.Put(d.resID, res)
}
