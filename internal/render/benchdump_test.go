package render

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"handout/internal/model"
	"handout/internal/paint"
	"handout/internal/typeset"
)

var benchDump = flag.Bool("bench-dump", false, "rewrite bench/testdata/let-down.json from the current layout")

// The bench module's bare fpdf program draws the let-down sample from a
// dump of its laid-out pages, so the comparison in the README's speed
// table is of the same handout. This test keeps the dump in step with the
// typesetter: run it with -bench-dump after a layout change.
func TestBenchDump(t *testing.T) {
	r := newRenderer(t)
	job := Job{
		Leaflet: filepath.Join(repo, "content", "leaflets", "let-down-reflex.yaml"),
		Site:    filepath.Join(repo, "content", "sites", "riverside"),
	}
	p, err := r.prepare(job)
	if err != nil {
		t.Fatal(err)
	}
	d := dumpForBench(p.doc, r.meta(p, job))
	path := filepath.Join(repo, "bench", "testdata", "let-down.json")
	if *benchDump {
		data, err := json.MarshalIndent(d, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var old benchDoc
	if err := json.Unmarshal(data, &old); err != nil {
		t.Fatal(err)
	}
	// the words must match; positions may move a little (kerning) without
	// changing what the comparison measures
	if !slices.Equal(old.texts(), d.texts()) || len(old.Pages) != len(d.Pages) {
		t.Errorf("%s is out of date: run go test ./internal/render -run BenchDump -bench-dump", path)
	}
}

// benchDoc is the bench module's input format (bench/display.go).
type benchDoc struct {
	Title, Author, Subject, Keywords, Lang, Creator string
	Date                                            string
	Fonts                                           []string // paths from the repository root
	Pages                                           []benchPage
	Outline                                         []typeset.OutlineEntry
}

type benchPage struct {
	W, H  float64
	Items []benchItem
}

type benchItem struct {
	Kind                     string // text, rect, rule, image, link
	X, Y, W, H, X2, Y2, Size float64
	Font                     int    `json:",omitempty"`
	Text                     string `json:",omitempty"`
	Color                    *[3]uint8
	Fill                     *[3]uint8 `json:",omitempty"`
	Path                     string    `json:",omitempty"`
}

func (d *benchDoc) texts() []string {
	var out []string
	for _, p := range d.Pages {
		for _, it := range p.Items {
			if it.Kind == "text" {
				out = append(out, it.Text)
			}
		}
	}
	return out
}

func rgb(c model.Color) *[3]uint8 { return &[3]uint8{c.R, c.G, c.B} }

func dumpForBench(doc *typeset.Document, meta paint.Meta) *benchDoc {
	d := &benchDoc{Title: meta.Title, Author: meta.Author, Subject: meta.Subject, Keywords: meta.Keywords,
		Lang: meta.Lang, Creator: meta.Creator, Date: meta.Date.Format("2006-01-02T15:04:05Z07:00"), Outline: doc.Outline}
	for _, f := range doc.Faces {
		d.Fonts = append(d.Fonts, "fonts/"+f.Name())
	}
	for _, p := range doc.Pages {
		bp := benchPage{W: p.Width, H: p.Height}
		for _, it := range p.Items {
			switch v := it.(type) {
			case *typeset.Text:
				bp.Items = append(bp.Items, benchItem{Kind: "text", X: v.X, Y: v.Y, Size: v.Size,
					Font: slices.Index(doc.Faces, v.Face), Text: v.Text, Color: rgb(v.Color)})
			case *typeset.Rect:
				b := benchItem{Kind: "rect", X: v.X, Y: v.Y, W: v.W, H: v.H, Size: v.LineWidth}
				if v.Fill != nil {
					b.Fill = rgb(*v.Fill)
				}
				if v.Stroke != nil {
					b.Color = rgb(*v.Stroke)
				}
				bp.Items = append(bp.Items, b)
			case *typeset.Rule:
				bp.Items = append(bp.Items, benchItem{Kind: "rule", X: v.X1, Y: v.Y1, X2: v.X2, Y2: v.Y2, Size: v.Width, Color: rgb(v.Color)})
			case *typeset.Picture:
				rel, _ := filepath.Rel(repo, v.Path)
				bp.Items = append(bp.Items, benchItem{Kind: "image", X: v.X, Y: v.Y, W: v.W, H: v.H, Path: filepath.ToSlash(rel)})
			case *typeset.Link:
				bp.Items = append(bp.Items, benchItem{Kind: "link", X: v.X, Y: v.Y, W: v.W, H: v.H, Path: v.URL})
			}
		}
		d.Pages = append(d.Pages, bp)
	}
	return d
}
