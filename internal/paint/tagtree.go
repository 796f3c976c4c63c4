package paint

import (
	"slices"

	"handout/internal/pdf"
	"handout/internal/typeset"
)

// elem is one element of the structure tree being written: a typesetter
// node, or a grouping the PDF standard asks for that the typesetter has no
// node for (Document, Part, a table's THead and TBody, the credits' Div).
type elem struct {
	ref  pdf.Ref
	s    pdf.Name
	node int // index into tagger.nodes plus one; 0 for a grouping
	lang string
	kids []*elem
}

// finish writes this handout's elements, under a Part of its own when it
// is one handout of a print job (part), else right under the Document.
func (t *tagger) finish(part bool, lang string) {
	top := &elem{ref: t.doc1.top, s: "Document"}
	parent := t.doc1.top
	if part {
		top = &elem{ref: t.doc.Alloc(), s: "Part", lang: lang}
	}
	// one array of elements, and one of kids that each element's kids
	// are cut from, instead of an allocation per element and per append
	elems := make([]elem, len(t.nodes))
	parents := make([]*elem, len(t.nodes))
	count := make([]int, len(t.nodes)+1) // kids of each element; the last is top's
	for i, n := range t.nodes {
		elems[i] = elem{ref: t.refs[i], s: tagName(n.Kind), node: i + 1}
		parents[i] = top
		at, ok := t.at(n.Parent)
		if ok && n.Parent != 0 {
			parents[i] = &elems[at]
		} else {
			at = len(t.nodes)
		}
		count[at]++
	}
	kids := make([]*elem, len(t.nodes))
	top.kids, kids = kids[:0:count[len(t.nodes)]], kids[count[len(t.nodes)]:]
	for i := range elems {
		elems[i].kids, kids = kids[:0:count[i]], kids[count[i]:]
	}
	for i := range elems {
		kid := &elems[i]
		if t.nodes[i].Kind == typeset.NoteTitle {
			// a call-out's title is a paragraph of strong text: its
			// content is the Strong's, inside a P of its own
			kid = &elem{ref: t.doc.Alloc(), s: "P", kids: []*elem{kid}}
		}
		parents[i].kids = append(parents[i].kids, kid)
	}
	t.sortOwned()
	t.group(top)
	if !part {
		for _, k := range top.kids {
			t.write(k, parent)
			t.doc1.kids = append(t.doc1.kids, k.ref)
		}
		return
	}
	t.write(top, parent)
	t.doc1.kids = append(t.doc1.kids, top.ref)
}

// sortOwned sorts the marks out by element, each element's in painting
// order, as slices of one array.
func (t *tagger) sortOwned() {
	start := make([]int, len(t.nodes)+1)
	for _, m := range t.marks {
		start[m.node+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	sorted := make([]mark, len(t.marks))
	next := slices.Clone(start[:len(t.nodes)])
	for _, m := range t.marks {
		sorted[next[m.node]] = m
		next[m.node]++
	}
	t.owned = make([][]mark, len(t.nodes))
	for i := range t.owned {
		t.owned[i] = sorted[start[i]:start[i+1]:start[i+1]]
	}
}

// finish writes the Document element, the structure tree root and the
// catalog entries of a tagged PDF.
func (s *docTags) finish() {
	root := s.doc.Alloc()
	s.doc.PutPacked(s.top, pdf.Dict{"Type": pdf.Name("StructElem"), "S": pdf.Name("Document"), "P": root, "K": s.kids})
	tree := s.doc.Alloc()
	s.doc.PutPacked(tree, pdf.Dict{"Nums": s.parentNums()})
	s.doc.PutPacked(root, pdf.Dict{"Type": pdf.Name("StructTreeRoot"), "K": s.top,
		"ParentTree": tree, "ParentTreeNextKey": pdf.Int(s.nextKey),
		// Strong is standard from PDF 2.0 on; a PDF 1.7 reader takes it
		// as the Span it is mapped to
		"RoleMap": pdf.Dict{"Strong": pdf.Name("Span")}})
	s.doc.SetCatalog("StructTreeRoot", root)
	s.doc.SetCatalog("MarkInfo", pdf.Dict{"Marked": pdf.Bool(true)})
}

// group adds the groupings inside elements: a table's header rows in
// THead and the rest in TBody, and consecutive credit lines in a Div.
func (t *tagger) group(e *elem) {
	if e.node != 0 && t.nodes[e.node-1].Kind == typeset.Table {
		e.kids = t.tableSections(e.kids)
	}
	if !slices.ContainsFunc(e.kids, func(k *elem) bool { return t.kind(k) == typeset.Credits }) {
		// nothing to group at this level: the kids stay as they are
		for _, k := range e.kids {
			t.group(k)
		}
		return
	}
	var out []*elem
	for _, k := range e.kids {
		if t.kind(k) == typeset.Credits {
			if n := len(out); n == 0 || out[n-1].s != "Div" || out[n-1].node != 0 {
				out = append(out, &elem{ref: t.doc.Alloc(), s: "Div"})
			}
			d := out[len(out)-1]
			d.kids = append(d.kids, k)
			continue
		}
		out = append(out, k)
		t.group(k)
	}
	e.kids = out
}

// tableSections puts rows of header cells in a THead and the others in a
// TBody.
func (t *tagger) tableSections(rows []*elem) []*elem {
	var head, body []*elem
	for _, r := range rows {
		isHead := len(r.kids) > 0
		for _, c := range r.kids {
			if t.kind(c) != typeset.TH {
				isHead = false
			}
		}
		if isHead {
			head = append(head, r)
		} else {
			body = append(body, r)
		}
	}
	var out []*elem
	if len(head) > 0 {
		out = append(out, &elem{ref: t.doc.Alloc(), s: "THead", kids: head})
	}
	if len(body) > 0 {
		out = append(out, &elem{ref: t.doc.Alloc(), s: "TBody", kids: body})
	}
	return out
}

// kind is an element's typesetter role; Artifact for a grouping.
func (t *tagger) kind(e *elem) typeset.RoleKind {
	if e.node == 0 {
		return typeset.Artifact
	}
	return t.nodes[e.node-1].Kind
}

// write puts e and everything beneath it, and returns where its content
// starts, for ordering it among its siblings' content. The element is
// serialised at once, so one StructElem value serves the whole tree.
func (t *tagger) write(e *elem, parent pdf.Ref) (first key, has bool) {
	var own []mark
	if e.node != 0 {
		own = t.owned[e.node-1]
		sortMarks(own)
	}
	kidKeys := make([]key, len(e.kids))
	var last key
	for i, k := range e.kids {
		kk, ok := t.write(k, e.ref)
		if ok {
			last = kk
		}
		kidKeys[i] = last
	}
	se := &t.elem
	*se = pdf.StructElem{S: e.s, P: parent, K: se.K[:0]}
	if len(own) > 0 {
		se.Pg = own[0].page
	}
	i, j := 0, 0
	for i < len(own) || j < len(e.kids) {
		if j < len(e.kids) && (i == len(own) || kidKeys[j].less(keyOf(own[i]))) {
			se.K = append(se.K, pdf.Kid{Elem: e.kids[j].ref})
			j++
			continue
		}
		se.K = append(se.K, markKid(own[i], se.Pg))
		i++
	}
	t.attributes(e, se)
	t.doc.PutPacked(e.ref, se)
	if len(own) > 0 {
		first, has = keyOf(own[0]), true
	}
	for _, k := range kidKeys {
		if k != (key{}) && (!has || k.less(first)) {
			first, has = k, true
		}
	}
	return first, has
}

// attributes adds what an element needs beyond its kids: alt text,
// language, table header scope, list numbering.
func (t *tagger) attributes(e *elem, se *pdf.StructElem) {
	se.Lang = e.lang
	if e.node == 0 {
		return
	}
	i := e.node - 1
	if t.lang[i] != "" {
		se.Lang = t.lang[i]
	}
	switch t.nodes[i].Kind {
	case typeset.Figure:
		se.Alt = t.alt[i]
	case typeset.TH:
		se.A = pdf.Dict{"O": pdf.Name("Table"), "Scope": pdf.Name("Column")}
	case typeset.L:
		if n := numbering(t.label[i]); n != "" {
			se.A = pdf.Dict{"O": pdf.Name("List"), "ListNumbering": n}
		}
	}
}

// markKid is a piece of content as a structure element's kid: a bare
// MCID on the element's own page, a marked-content reference on another,
// or an object reference to an annotation.
func markKid(m mark, pg pdf.Ref) pdf.Kid {
	switch {
	case m.isAnnot:
		return pdf.Kid{Annot: m.annot, Pg: m.page}
	case m.page == pg:
		return pdf.Kid{MCID: m.mcid}
	}
	return pdf.Kid{Pg: m.page, MCID: m.mcid}
}

// key orders content in reading order: by logical page, then as painted.
type key struct{ order, seq int }

func keyOf(m mark) key { return key{m.order, m.seq} }

func (a key) less(b key) bool {
	if a.order != b.order {
		return a.order < b.order
	}
	return a.seq < b.seq
}

func sortMarks(ms []mark) {
	// insertion sort: the marks are nearly always in order already
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && keyOf(ms[j]).less(keyOf(ms[j-1])); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// parentNums is the ParentTree's /Nums array, sorted by key as a number
// tree must be (a page's links take keys before the page's own entry is
// complete).
func (s *docTags) parentNums() pdf.Array {
	slices.SortFunc(s.nums, func(a, b parentEntry) int { return a.key - b.key })
	out := make(pdf.Array, 0, 2*len(s.nums))
	for _, e := range s.nums {
		out = append(out, pdf.Int(e.key), e.val)
	}
	return out
}
