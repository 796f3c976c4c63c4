package render

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/internal/typeset"
	"handout/layouts"
)

// richLeaflet makes a random leaflet with every block type, notes inside
// notes, tables, pictures, nested lists and long words.
func richLeaflet(seed uint64, imagePath string) string {
	r := rand.New(rand.NewPCG(seed, 11))
	words := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = []string{"baby", "feeding", "milk", "call", "nurse", "breast", "comfortable", "sleep", "**warm**", "*gently*", "https://example.org/a/very/long/path/to/a/page"}[r.IntN(11)]
		}
		return strings.Join(w, " ")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "title: %q\nsubtitle: %q\nsections:\n", words(3+r.IntN(6)), words(5))
	for s := 0; s < 2+r.IntN(4); s++ {
		fmt.Fprintf(&b, "  - heading: %q\n    body:\n", words(2+r.IntN(4)))
		for k := 0; k < 1+r.IntN(5); k++ {
			switch r.IntN(7) {
			case 0:
				fmt.Fprintf(&b, "      - bullets:\n          - %q\n          - {text: %q, steps: [%q, %q]}\n", words(8), words(4), words(6), words(3))
			case 1:
				fmt.Fprintf(&b, "      - note:\n          title: %q\n          style: %s\n          body:\n            - %q\n            - bullets: [%q, %q]\n", words(4), []string{"info", "warning", "urgent"}[r.IntN(3)], words(20+r.IntN(60)), words(5), words(7))
			case 2:
				fmt.Fprintf(&b, "      - table:\n          header: [%q, %q]\n          rows:\n", words(1), words(2))
				for i := 0; i < 2+r.IntN(12); i++ {
					fmt.Fprintf(&b, "            - [%q, %q]\n", words(1+r.IntN(3)), words(2+r.IntN(12)))
				}
			case 3:
				fmt.Fprintf(&b, "      - image: {file: %q, alt: a picture, caption: %q, width: %d%%}\n", imagePath, words(6), 30+r.IntN(71))
			case 4:
				fmt.Fprintf(&b, "      - subheading: %q\n", words(3))
			default:
				fmt.Fprintf(&b, "      - %q\n", words(10+r.IntN(120)))
			}
		}
	}
	fmt.Fprintf(&b, "credits:\n  written_by: %q\n  last_modified: 2024-01-02\ndisclaimer: %q\ncopyright: %q\n", words(6), words(30), words(5))
	return b.String()
}

// TestRandomLeafletsStayInsideThePage renders random leaflets with every
// layout and checks what a print room relies on: no failure but a clear
// one, and no text or picture within the safe zone of the trim.
func TestRandomLeafletsStayInsideThePage(t *testing.T) {
	r := newRenderer(t)
	dir := t.TempDir()
	// images must sit inside the leaflet's folder: copy the picture there
	png, err := os.ReadFile(filepath.Join(repo, "content", "leaflets", "images", "latch.png"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "latch.png"), png, 0o644)
	img := "latch.png"
	seeds := 12
	if testing.Short() {
		seeds = 3
	}
	for seed := uint64(1); seed <= uint64(seeds); seed++ {
		leaf := filepath.Join(dir, fmt.Sprintf("r%d.yaml", seed))
		os.WriteFile(leaf, []byte(richLeaflet(seed, img)), 0o644)
		for _, lay := range layouts.Names() {
			res, err := r.Render(Job{Leaflet: leaf, Site: site("riverside"), Layout: lay})
			if err != nil {
				msg := err.Error()
				if strings.Contains(msg, "does not fit") || strings.Contains(msg, "too tall") {
					continue // a clear refusal (a trifold cannot hold everything)
				}
				t.Fatalf("seed %d %s: %v", seed, lay, err)
			}
			for _, p := range res.Doc.Pages {
				checkNoOverlap(t, fmt.Sprintf("seed %d %s page %d", seed, lay, p.Number), p)
				trim := p.Trim
				if trim.IsZero() {
					trim = typeset.Box{W: p.Width, H: p.Height}
				}
				for _, it := range p.Items {
					var x0, y0, x1, y1 float64
					switch v := it.(type) {
					case *typeset.Text:
						x0, x1, y0, y1 = v.X, v.X+v.Width, v.Y-v.Size*0.8, v.Y+v.Size*0.2
					case *typeset.Picture:
						x0, x1, y0, y1 = v.X, v.X+v.W, v.Y, v.Y+v.H
					default:
						continue
					}
					const safe = 18 - 0.01
					if x0 < trim.X+safe || y0 < trim.Y+safe || x1 > trim.X+trim.W-safe || y1 > trim.Y+trim.H-safe {
						t.Fatalf("seed %d %s page %d: %T at (%.1f,%.1f)-(%.1f,%.1f) is inside the safe zone", seed, lay, p.Number, it, x0, y0, x1, y1)
					}
				}
			}
		}
	}
}

// checkNoOverlap fails when two runs of text, or text and a picture,
// cover the same spot: printed over each other, neither can be read.
func checkNoOverlap(t *testing.T, where string, p *typeset.Page) {
	t.Helper()
	type box struct {
		x0, y0, x1, y1 float64
		what           string
	}
	var boxes []box
	for _, it := range p.Items {
		switch v := it.(type) {
		case *typeset.Text:
			if strings.TrimSpace(v.Text) == "" {
				continue
			}
			boxes = append(boxes, box{v.X, v.Y - v.Size*0.7, v.X + v.Width, v.Y + v.Size*0.15, fmt.Sprintf("%q", v.Text)})
		case *typeset.Picture:
			boxes = append(boxes, box{v.X, v.Y, v.X + v.W, v.Y + v.H, "picture " + filepath.Base(v.Path)})
		}
	}
	const eps = 0.5
	for i := range boxes {
		for j := i + 1; j < len(boxes); j++ {
			a, b := boxes[i], boxes[j]
			if a.x0 < b.x1-eps && b.x0 < a.x1-eps && a.y0 < b.y1-eps && b.y0 < a.y1-eps {
				t.Fatalf("%s: %s overlaps %s", where, a.what, b.what)
			}
		}
	}
}
