package typeset

// paginateAll breaks the vertical list into pages. A folded leaflet's body
// is spread evenly over its panels: the panels are filled to the least
// common height that still holds everything, so a short leaflet does not
// crowd the first panels and leave the last ones empty.
func (ts *typesetter) paginateAll(elems []*element) (*Document, []*element) {
	if !ts.l.Folded() {
		return ts.paginate(elems)
	}
	try := func() (*Document, []*element) {
		return ts.paginate(append([]*element(nil), elems...))
	}
	doc, rest := try()
	if len(rest) > 0 {
		return doc, rest
	}
	lo, hi := 0.0, ts.frameHeight()
	for hi-lo > 1 {
		ts.panelCap = (lo + hi) / 2
		if _, r := try(); len(r) == 0 {
			hi = ts.panelCap
		} else {
			lo = ts.panelCap
		}
	}
	ts.panelCap = hi
	defer func() { ts.panelCap = 0 }()
	return try()
}
