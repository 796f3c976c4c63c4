package pdf

// OutlineEntry is a bookmark: Level 0 is the top level, Page counts from 0
// in the order pages were added, and Y is the PDF y coordinate the view
// scrolls to.
type OutlineEntry struct {
	Title string
	Level int
	Page  int
	Y     float64
}

// Outline sets the document's bookmarks, in reading order. An entry more
// than one level deeper than the one before it is treated as one level
// deeper; entries pointing at pages that do not exist are dropped at Close.
func (d *Document) Outline(entries []OutlineEntry) {
	d.outline = append([]OutlineEntry(nil), entries...)
}

type outlineNode struct {
	entry                   OutlineEntry
	ref                     Ref
	parent                  int // index, -1 for the root
	first, last, prev, next int // indices, -1 for none
	count                   int // descendants, all shown open
}

// writeOutline writes the outline tree and returns its root, or a zero Ref
// when there is none.
func (d *Document) writeOutline() Ref {
	var nodes []outlineNode
	for _, e := range d.outline {
		if e.Page >= 0 && e.Page < len(d.pages) {
			nodes = append(nodes, outlineNode{entry: e, parent: -1, first: -1, last: -1, prev: -1, next: -1})
		}
	}
	if len(nodes) == 0 {
		return Ref{}
	}
	root := d.Alloc()
	rootFirst, rootLast := -1, -1
	var stack []int // open ancestors of the next entry
	for i := range nodes {
		level := max(nodes[i].entry.Level, 0)
		if level > len(stack) {
			level = len(stack)
		}
		stack = stack[:level]
		nodes[i].ref = d.Alloc()
		first, last := &rootFirst, &rootLast
		if level > 0 {
			p := stack[level-1]
			nodes[i].parent = p
			first, last = &nodes[p].first, &nodes[p].last
		}
		if *last >= 0 {
			nodes[*last].next = i
			nodes[i].prev = *last
		} else {
			*first = i
		}
		*last = i
		for _, a := range stack {
			nodes[a].count++
		}
		stack = append(stack, i)
	}
	ref := func(i int) Ref { return nodes[i].ref }
	for i, n := range nodes {
		o := Dict{
			"Title": String(n.entry.Title),
			"Dest":  Array{d.pages[n.entry.Page], Name("XYZ"), Null{}, Real(n.entry.Y), Null{}},
		}
		o["Parent"] = root
		if n.parent >= 0 {
			o["Parent"] = ref(n.parent)
		}
		for _, l := range []struct {
			key Name
			at  int
		}{{"First", n.first}, {"Last", n.last}, {"Prev", n.prev}, {"Next", n.next}} {
			if l.at >= 0 {
				o[l.key] = ref(l.at)
			}
		}
		if n.count > 0 {
			o["Count"] = Int(n.count)
		}
		d.Put(nodes[i].ref, o)
	}
	d.Put(root, Dict{"Type": Name("Outlines"), "First": ref(rootFirst), "Last": ref(rootLast), "Count": Int(len(nodes))})
	return root
}
