package typeset

import (
	"strconv"

	"handout/internal/model"
)

// bulletFor is the marker for each nesting depth of a bulleted list.
var bulletFor = []string{"\u2022", "\u2013", "\u2022"}

// list sets a bulleted or numbered list with hanging indents: the marker
// sits in the indent and every line of the item starts at the same x.
// The marker is part of the item's first line, so they never part.
func (ts *typesetter) list(f *flow, l *model.List, b box, depth int) {
	st := ts.body()
	labels := make([]string, len(l.Items))
	widest := 0.0
	for i := range l.Items {
		if l.Ordered || ts.l.NumberedBullets {
			labels[i] = orderedLabel(i, depth)
		} else {
			labels[i] = bulletFor[min(depth, len(bulletFor)-1)]
		}
		_, w := ts.label(0, 0, st.base, st.size, ts.accent, labels[i], Role{})
		widest = max(widest, w)
	}
	gap := st.size * 0.55
	indent := max(widest+gap, st.size*1.25)
	list := ts.open(L)
	for i, it := range l.Items {
		if i > 0 {
			f.addSpace(st.size * itemGap)
		}
		item := ts.childOf(list, LI)
		label, body := ts.childOf(item, Lbl), ts.childOf(item, LBody)
		lines := ts.stamp(ts.setText(it.Text, st, b.w-indent), body)
		els := linesToElements(lines, b.x+indent)
		if len(els) > 0 {
			first := els[0]
			baseline := 0.0
			for _, itm := range first.items {
				if t, ok := itm.(*Text); ok {
					baseline = t.Y
					break
				}
			}
			marker, w := ts.label(0, baseline, st.base, st.size, ts.accent, labels[i], label)
			x := b.x + indent - gap - w // numbers align on their right edge
			if !l.Ordered && !ts.l.NumberedBullets {
				x = b.x + (indent-gap-w)/2
			}
			for k := range marker {
				marker[k] = shift(marker[k], x, 0)
			}
			first.items = append(marker, first.items...)
		}
		for _, e := range els {
			f.add(e)
		}
		if len(it.Children) > 0 {
			f.keepLast() // an item that opens a sub-list stays with it
		}
		for _, c := range it.Children {
			if sub, ok := c.(*model.List); ok {
				f.addSpace(st.size * itemGap)
				ts.within(body, func() { ts.list(f, sub, box{b.x + indent, b.w - indent}, depth+1) })
			}
		}
		// widow and orphan control for lists: a break leaves at least two
		// items on each side, so no page starts or ends with a lone item
		// the first item stays with the second when it is one line, and
		// the last item never starts a page alone: it keeps the end of
		// the item before it
		if n := len(l.Items); (n >= 3 && i == 0 && len(els) == 1) || (n >= 2 && i == n-2) {
			f.keepLast()
		}
	}
}

// orderedLabel numbers top-level steps 1. 2. 3. and nested ones a. b. c.
func orderedLabel(i, depth int) string {
	if depth%2 == 1 {
		s := ""
		for n := i; ; n = n/26 - 1 {
			s = string(rune('a'+n%26)) + s
			if n < 26 {
				break
			}
		}
		return s + "."
	}
	return strconv.Itoa(i+1) + "."
}
