package pdf

// Rect is a rectangle in PDF coordinates: X, Y is its bottom-left corner.
type Rect struct{ X, Y, W, H float64 }

func (r Rect) array() Array {
	return Array{Real(r.X), Real(r.Y), Real(r.X + r.W), Real(r.Y + r.H)}
}

// PageSpec is a page's size in points and its optional trim and bleed
// boxes (PDF coordinates, inside the media box).
type PageSpec struct {
	Width, Height float64
	Trim, Bleed   *Rect
}

// Page is one page being drawn. Its content, annotations and dictionary
// are written when the next page starts or the document closes.
type Page struct {
	doc     *Document
	ref     Ref
	dict    Dict
	content *Content
	annots  Array
}

// AddPage finishes the current page, if any, and starts a new one.
func (d *Document) AddPage(s PageSpec) *Page {
	if d.page != nil {
		d.endPage()
	}
	// the previous page's buffer, already compressed and written, takes the
	// new page's operators: a page's stream grows to tens of kilobytes
	p := &Page{doc: d, ref: d.w.alloc(), content: &Content{buf: d.spare[:0]}}
	d.spare = nil
	p.dict = Dict{"MediaBox": Rect{0, 0, s.Width, s.Height}.array()}
	if s.Trim != nil {
		p.dict["TrimBox"] = s.Trim.array()
	}
	if s.Bleed != nil {
		p.dict["BleedBox"] = s.Bleed.array()
	}
	d.page = p
	d.pages = append(d.pages, p.ref)
	return p
}

// Ref is the page object's reference (for destinations and structure
// elements).
func (p *Page) Ref() Ref { return p.ref }

// Content is the page's content stream.
func (p *Page) Content() *Content { return p.content }

// Set sets an entry of the page dictionary, such as StructParents or Tabs.
func (p *Page) Set(key Name, v Object) { p.dict[key] = v }

// Link adds a link annotation over r (PDF coordinates) to uri; contents is
// its description for assistive technology. The annotation is an indirect
// object, so a structure tree can point at it.
func (p *Page) Link(r Rect, uri, contents string) Ref { return p.link(r, uri, contents, -1) }

// TaggedLink is Link for a tagged PDF: the annotation gets /StructParent
// key (its entry in the structure tree's ParentTree) and the page gets
// /Tabs /S, so keyboard navigation follows the structure order.
func (p *Page) TaggedLink(r Rect, uri, contents string, key int) Ref {
	p.dict["Tabs"] = Name("S")
	return p.link(r, uri, contents, key)
}

func (p *Page) link(r Rect, uri, contents string, key int) Ref {
	ref := p.doc.w.alloc()
	a := Dict{
		"Type": Name("Annot"), "Subtype": Name("Link"), "Rect": r.array(), "F": Int(4),
		"Border": Array{Int(0), Int(0), Int(0)}, "P": p.ref,
		"A": Dict{"S": Name("URI"), "URI": Bytes7(uri)},
	}
	if contents != "" {
		a["Contents"] = String(contents)
	}
	if key >= 0 {
		a["StructParent"] = Int(key)
	}
	p.doc.Put(ref, a)
	p.annots = append(p.annots, ref)
	return ref
}

// Annotate adds an annotation object the caller has put (or will put) at r.
func (p *Page) Annotate(r Ref) { p.annots = append(p.annots, r) }

// endPage writes the current page's content stream and dictionary.
func (d *Document) endPage() {
	p := d.page
	d.page = nil
	content := d.w.alloc()
	d.putStream(content, Dict{}, p.content.buf, true)
	dict := with(p.dict, "Type", Name("Page"))
	dict["Parent"] = d.pagesID
	dict["Resources"] = d.resID
	dict["Contents"] = content
	if len(p.annots) > 0 {
		dict["Annots"] = p.annots
	}
	d.Put(p.ref, dict)
	d.spare, p.content.buf = p.content.buf, nil
}

// Bytes7 is a URI: PDF wants it as a 7-bit ASCII byte string, so anything
// else is percent-encoded.
type Bytes7 string

func (u Bytes7) appendTo(b []byte) []byte {
	var s []byte
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= ' ' || c >= 0x7f {
			s = append(s, '%', hexDigits[c>>4], hexDigits[c&15])
			continue
		}
		s = append(s, c)
	}
	return appendLiteral(b, string(s))
}
