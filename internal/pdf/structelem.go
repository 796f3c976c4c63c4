package pdf

import "strconv"

// StructElem is one structure element of a tagged PDF (PDF 32000-1,
// 14.7.2), written straight to bytes with its keys in a fixed order. A
// handout's tree has hundreds of elements; a Dict (a map, its keys sorted
// on every write, each value boxed) per element cost more than the rest of
// tagging together.
type StructElem struct {
	S    Name  // the structure type: P, H1, LI...
	P    Ref   // the parent element
	Pg   Ref   // the page of its marked content; zero for none
	K    []Kid // its kids in reading order
	Lang string
	Alt  string
	A    Dict // attributes (O and the owner's keys); nil for none
}

// Kid is one kid of a structure element: another element (Elem set), an
// annotation (Annot and its page Pg set), or a marked-content sequence:
// MCID alone when it is on the element's page, with Pg when it is not.
type Kid struct {
	Elem  Ref
	Annot Ref
	Pg    Ref
	MCID  int
}

func (e *StructElem) appendTo(b []byte) []byte {
	b = append(b, "<</Type/StructElem/S"...)
	b = e.S.appendTo(b)
	b = append(b, "/P "...)
	b = e.P.appendTo(b)
	if e.Pg.Num != 0 {
		b = append(b, "/Pg "...)
		b = e.Pg.appendTo(b)
	}
	if len(e.K) > 0 {
		b = append(b, "/K["...)
		for i, k := range e.K {
			if i > 0 {
				b = append(b, ' ')
			}
			b = k.appendTo(b)
		}
		b = append(b, ']')
	}
	if e.Lang != "" {
		b = append(b, "/Lang"...)
		b = String(e.Lang).appendTo(b)
	}
	if e.Alt != "" {
		b = append(b, "/Alt"...)
		b = String(e.Alt).appendTo(b)
	}
	if e.A != nil {
		b = append(b, "/A"...)
		b = e.A.appendTo(b)
	}
	return append(b, ">>"...)
}

func (k Kid) appendTo(b []byte) []byte {
	switch {
	case k.Elem.Num != 0:
		return k.Elem.appendTo(b)
	case k.Annot.Num != 0:
		b = append(b, "<</Type/OBJR/Obj "...)
		b = k.Annot.appendTo(b)
		b = append(b, "/Pg "...)
		b = k.Pg.appendTo(b)
		return append(b, ">>"...)
	case k.Pg.Num != 0:
		b = append(b, "<</Type/MCR/Pg "...)
		b = k.Pg.appendTo(b)
		b = append(b, "/MCID "...)
		b = strconv.AppendInt(b, int64(k.MCID), 10)
		return append(b, ">>"...)
	}
	return strconv.AppendInt(b, int64(k.MCID), 10)
}
