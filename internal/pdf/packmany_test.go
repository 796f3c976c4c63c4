package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"handout/internal/pdftest"
)

// TestManyPackedObjectsSplitIntoStreams: more objects than one object
// stream holds go into several, each written as it fills, in the middle of
// the other objects; the cross-reference stream finds every one of them at
// its stream and index, and each reads back as it was put.
func TestManyPackedObjectsSplitIntoStreams(t *testing.T) {
	const n = 2*packLimit + 500
	refs := make([]Ref, n)
	path, _ := writePDF(t, func(d *Document) {
		for i := range refs {
			refs[i] = d.Alloc()
		}
		for i, r := range refs {
			if i%700 == 0 {
				// a page between the packed objects, as a combined job's
				// handouts come between their structure elements
				d.AddPage(PageSpec{Width: 200, Height: 200}).Content().Rect(0, 0, 10, 10)
			}
			o := Dict{"V": Int(i)}
			if i+1 < n {
				o["Next"] = refs[i+1]
			}
			d.PutPacked(r, o)
		}
		d.SetCatalog("First", refs[0])
	})
	checkValid(t, path)

	// every packed object is in an object stream, at consecutive indexes,
	// and the streams hold packLimit objects but the last
	xref := pdftest.Output(t, "qpdf", "--show-xref", path)
	row := regexp.MustCompile(`(?m)^(\d+)/0: compressed; stream = (\d+), index = (\d+)$`)
	where := map[int][2]int{}
	count := map[int]int{}
	for _, m := range row.FindAllStringSubmatch(xref, -1) {
		num, _ := strconv.Atoi(m[1])
		s, _ := strconv.Atoi(m[2])
		i, _ := strconv.Atoi(m[3])
		where[num] = [2]int{s, i}
		count[s]++
	}
	if len(where) != n {
		t.Fatalf("%d compressed objects in the cross-reference stream, want %d", len(where), n)
	}
	var sizes []int
	prev := [2]int{}
	for k, r := range refs {
		w := where[r.Num]
		switch {
		case k == 0:
		case w[0] == prev[0] && w[1] != prev[1]+1:
			t.Fatalf("object %d: index %d after %d in stream %d", r.Num, w[1], prev[1], w[0])
		case w[0] != prev[0] && w[1] != 0:
			t.Fatalf("object %d starts stream %d at index %d", r.Num, w[0], w[1])
		}
		if k == 0 || w[0] != prev[0] {
			sizes = append(sizes, count[w[0]])
		}
		prev = w
	}
	if fmt.Sprint(sizes) != fmt.Sprint([]int{packLimit, packLimit, 500}) {
		t.Errorf("object streams of %v objects, want %v", sizes, []int{packLimit, packLimit, 500})
	}

	// and qpdf reads each one back through them
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"` // a header, then the objects
	}
	var objs map[string]struct {
		Value map[string]any `json:"value"`
	}
	out := pdftest.Output(t, "qpdf", "--json", "--json-key=qpdf", path)
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.QPDF) < 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	if err := json.Unmarshal(doc.QPDF[1], &objs); err != nil {
		t.Fatalf("qpdf --json objects: %v", err)
	}
	for k, r := range refs {
		v := objs[fmt.Sprintf("obj:%d 0 R", r.Num)].Value
		if v["/V"] != float64(k) {
			t.Fatalf("object %d reads back as %v, want /V %d", r.Num, v, k)
		}
		if k+1 < n && v["/Next"] != fmt.Sprintf("%d 0 R", refs[k+1].Num) {
			t.Fatalf("object %d: /Next %v, want %d 0 R", r.Num, v["/Next"], refs[k+1].Num)
		}
	}
}

// Exactly one object stream's worth of objects makes one stream, not a
// second empty one.
func TestFullObjectStreamLeavesNoEmptyOne(t *testing.T) {
	_, data := writePDF(t, func(d *Document) {
		d.AddPage(PageSpec{Width: 200, Height: 200})
		for range packLimit {
			d.PutPacked(d.Alloc(), Dict{"V": Int(1)})
		}
	})
	if n := regexp.MustCompile(`/Type/ObjStm|/Type /ObjStm`).FindAll(data, -1); len(n) != 1 {
		t.Errorf("%d object streams for %d objects, want 1", len(n), packLimit)
	}
}

// An object packed that was never allocated, or given twice (packed or
// not, in either order), fails the document as Put does, instead of
// panicking or writing two objects of one number.
func TestPackedObjectGivenTwiceFails(t *testing.T) {
	for name, fill := range map[string]func(d *Document){
		"was never allocated":              func(d *Document) { d.PutPacked(Ref{Num: 9999}, Int(1)) },
		"written twice":                    func(d *Document) { r := d.Alloc(); d.PutPacked(r, Int(1)); d.PutPacked(r, Int(2)) },
		"written twice (put, then packed)": func(d *Document) { r := d.Alloc(); d.Put(r, Int(1)); d.PutPacked(r, Int(2)) },
		"written twice (packed, then put)": func(d *Document) { r := d.Alloc(); d.PutPacked(r, Int(1)); d.Put(r, Int(2)) },
	} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			d := NewDocument(&b, Options{})
			d.AddPage(PageSpec{Width: 10, Height: 10})
			fill(d)
			err := d.Close()
			want, _, _ := strings.Cut(name, " (")
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("Close: %v, want an error saying %q", err, want)
			}
		})
	}
}
