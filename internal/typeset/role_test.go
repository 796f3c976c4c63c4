package typeset

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

const roleLeaflet = `title: The Title
subtitle: A subtitle
sections:
  - heading: Heading one
    body:
      - A paragraph with a [link](https://example.org) inside it.
      - subheading: Sub one
      - bullets:
          - First item
          - text: Second item
            bullets: [Nested item]
      - note: {title: Note title, body: [Inside the note.]}
      - table:
          header: [Head A, Head B]
          rows: [[Cell a, Cell b]]
      - image: {file: pic.png, alt: A picture, caption: Caption text}
credits:
  written_by: Someone
`

// roleOfText finds the role of the first text item that contains s.
func roleOfText(t *testing.T, doc *Document, s string) Role {
	t.Helper()
	for _, p := range doc.Pages {
		for _, x := range texts(p) {
			if strings.Contains(x.Text, s) {
				return x.Role
			}
		}
	}
	t.Fatalf("no text item contains %q", s)
	return Role{}
}

func nodeOf(doc *Document, id int) Node {
	for _, n := range doc.Nodes {
		if n.ID == id {
			return n
		}
	}
	return Node{}
}

func TestEveryContentItemHasItsRole(t *testing.T) {
	doc, _ := setDoc(t, roleLeaflet, "letter")
	for text, want := range map[string]RoleKind{
		"The Title": H1, "A subtitle": P, "Heading one": H2, "Sub one": H3, "A paragraph": P,
		"First item": LBody, "Nested item": LBody, "Note title": NoteTitle, "Inside the note": P,
		"Head A": TH, "Cell a": TD, "Caption text": Caption, "Someone": Credits, "Page ": Artifact,
	} {
		r := roleOfText(t, doc, text)
		if r.Kind != want {
			t.Errorf("%q has role %v, want %v", text, r.Kind, want)
		}
		if want != Artifact && (r.Block == 0 || nodeOf(doc, r.Block).Kind != want) {
			t.Errorf("%q: block %d is not a %v node in Document.Nodes", text, r.Block, want)
		}
	}
	// the structure nests: a label and a body in a list item in a list,
	// a nested list in its item's body, a cell in a row in a table, a
	// paragraph in a note
	parentKind := func(id int) RoleKind { return nodeOf(doc, nodeOf(doc, id).Parent).Kind }
	body := roleOfText(t, doc, "First item")
	if parentKind(body.Block) != LI || nodeOf(doc, nodeOf(doc, body.Block).Parent).Parent == 0 ||
		parentKind(nodeOf(doc, body.Block).Parent) != L {
		t.Errorf("a list item's body must sit in an LI in an L")
	}
	nested := roleOfText(t, doc, "Nested item")
	li := nodeOf(doc, nested.Block).Parent
	if parentKind(nodeOf(doc, li).Parent) != LBody {
		t.Errorf("a nested list must sit in its item's body")
	}
	if cell := roleOfText(t, doc, "Cell a"); parentKind(cell.Block) != TR || parentKind(nodeOf(doc, cell.Block).Parent) != Table {
		t.Errorf("a cell must sit in a row in a table")
	}
	if p := roleOfText(t, doc, "Inside the note"); parentKind(p.Block) != Note {
		t.Errorf("a note's paragraph must sit in the note")
	}
	labels, pics, links := 0, 0, 0
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			switch v := it.(type) {
			case *Text:
				if v.Role.Kind == Lbl {
					labels++
					if nodeOf(doc, v.Role.Parent).Kind != LI {
						t.Errorf("label %q is not inside a list item", v.Text)
					}
				}
			case *Picture:
				if v.Path == "pic.png" && v.Role.Kind == Figure {
					pics++
				}
			case *Link:
				if v.Role.Kind == LinkArea && nodeOf(doc, v.Role.Parent).Kind == P {
					links++
				}
			}
		}
	}
	if labels != 3 || pics != 1 || links != 1 {
		t.Errorf("%d list labels, %d figures, %d links in a paragraph; want 3, 1, 1", labels, pics, links)
	}
	for i, n := range doc.Nodes {
		if n.ID != i+1 || n.Parent >= n.ID {
			t.Fatalf("node %d: %+v; ids must count from 1 with parents listed first", i, n)
		}
	}
}

func TestParagraphSplitKeepsOneBlock(t *testing.T) {
	doc, _ := setDoc(t, "title: T\nsections:\n  - body:\n      - "+tagged("p", 200)+"\n", "a5")
	blocks := map[int]bool{}
	lines := 0
	for _, p := range doc.Pages {
		for _, x := range texts(p) {
			if x.Role.Kind == P && strings.Contains(x.Text, "pw") {
				blocks[x.Role.Block] = true
				lines++
			}
		}
	}
	if lines < 3 || len(blocks) != 1 {
		t.Fatalf("a paragraph over %d lines has %d block ids, want 1", lines, len(blocks))
	}
}

func TestGlyphsMatchTheirText(t *testing.T) {
	doc, _ := setDoc(t, roleLeaflet, "letter")
	for _, p := range doc.Pages {
		for _, x := range texts(p) {
			sum := 0.0
			for i, g := range x.Glyphs {
				sum += g.XAdvance
				if g.Cluster < 0 || g.Cluster >= len(x.Text) || !utf8.RuneStart(x.Text[g.Cluster]) {
					t.Fatalf("%q: glyph %d has cluster %d, not a character start", x.Text, i, g.Cluster)
				}
				if g.ID == 0 {
					t.Errorf("%q: glyph %d is the missing glyph", x.Text, i)
				}
			}
			if len(x.Glyphs) == 0 || math.Abs(sum-x.Width) > 1e-6 {
				t.Errorf("%q: width %v, glyph advances sum to %v", x.Text, x.Width, sum)
			}
		}
	}
}
