package render

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"handout/internal/typeset"
	"handout/layouts"
)

// TestEveryLayoutRendersEverySample renders each sample with each built-in
// layout and site. A folded leaflet cannot hold the long sample; it must
// say so clearly rather than cut text.
func TestEveryLayoutRendersEverySample(t *testing.T) {
	r := newRenderer(t)
	leaflets, _ := filepath.Glob(filepath.Join(repo, "content", "leaflets", "*.yaml"))
	for _, lay := range layouts.Names() {
		for _, leaf := range leaflets {
			for _, s := range []string{"riverside", "hillcrest"} {
				res, err := r.Render(Job{Leaflet: leaf, Site: site(s), Layout: lay})
				long := strings.Contains(leaf, "breastfeeding-first-weeks")
				if strings.Contains(lay, "trifold") && long {
					if err == nil || !strings.Contains(err.Error(), "does not fit the "+lay+" layout's panels") {
						t.Errorf("%s %s: want a clear overflow error, got %v", lay, leaf, err)
					}
					continue
				}
				if err != nil {
					t.Errorf("%s %s %s: %v", lay, filepath.Base(leaf), s, err)
					continue
				}
				if len(res.PDF) == 0 || res.Pages == 0 {
					t.Errorf("%s %s: empty result", lay, leaf)
				}
			}
		}
	}
}

func TestShrinkToFit(t *testing.T) {
	r := newRenderer(t)
	// The let-down sample fits a trifold at 10.5 pt; a smaller sheet would
	// not: make one by forcing the text larger and letting it shrink back.
	dir := t.TempDir()
	src, _ := os.ReadFile(filepath.Join(repo, "layouts", "trifold.yaml"))
	big := strings.Replace(string(src), "size: 10.5pt", "size: 16pt", 1)
	lay := filepath.Join(dir, "big-trifold.yaml")
	os.WriteFile(lay, []byte(big), 0o644)
	job := Job{Leaflet: sample("let-down-reflex"), Site: site("riverside"), Layout: lay}
	if _, err := r.Render(job); err == nil || !strings.Contains(err.Error(), "--shrink-to-fit") {
		t.Fatalf("want an overflow error suggesting --shrink-to-fit, got %v", err)
	}
	job.Print.ShrinkToFit = true
	res, err := r.Render(job)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Doc.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*typeset.Text); ok && tx.Size == 16 {
				t.Fatalf("%q is still set at the layout's 16 pt", tx.Text)
			}
		}
	}
	if res.Pages != 2 {
		t.Fatalf("a trifold has 2 sides, got %d", res.Pages)
	}
}

// TestBleedBoxes checks from the outside that the trim is the finished size
// and the media holds the bleed.
func TestBleedBoxes(t *testing.T) {
	r := newRenderer(t)
	bleed := 9.0 // 0.125 in
	pdf := renderTo(t, r, Job{Leaflet: sample("let-down-reflex"), Site: site("riverside"), Layout: "letter", Print: PrintOptions{Bleed: &bleed}})
	boxes := output(t, "pdfinfo", "-box", pdf)
	for _, want := range []string{
		"MediaBox: 0.00 0.00 630.00 810.00",
		"TrimBox: 9.00 9.00 621.00 801.00",
		"BleedBox: 0.00 0.00 630.00 810.00",
	} {
		if !hasLine(boxes, want) {
			t.Errorf("pdfinfo -box lacks %q:\n%s", want, boxes)
		}
	}
	marks := renderTo(t, r, Job{Leaflet: sample("let-down-reflex"), Site: site("riverside"), Layout: "a4", Print: PrintOptions{Bleed: &bleed, CropMarks: true}})
	boxes = output(t, "pdfinfo", "-box", marks)
	// A4 is 595.28 x 841.89; bleed 9 plus 21 pt of slug for the marks
	for _, want := range []string{"TrimBox: 30.00 30.00 625.28 871.89", "BleedBox: 21.00 21.00 634.28 880.89"} {
		if !hasLine(boxes, want) {
			t.Errorf("pdfinfo -box lacks %q:\n%s", want, boxes)
		}
	}
	if !strings.Contains(output(t, "qpdf", "--check", marks), "No syntax or stream encoding errors") {
		t.Error("qpdf finds problems")
	}
}

// TestSafeZone checks every word keeps the safe distance from the trim, on
// every layout, read back from the PDF.
func TestSafeZone(t *testing.T) {
	r := newRenderer(t)
	for _, lay := range layouts.Names() {
		pdf := renderTo(t, r, Job{Leaflet: sample("let-down-reflex"), Site: site("hillcrest"), Layout: lay})
		ws, w, h := words(t, pdf)
		safe := 18.0 - 0.5 // 0.25 in, less rounding in pdftotext's boxes
		for _, wd := range ws {
			if wd.xMin < safe || wd.yMin < safe || wd.xMax > w-safe || wd.yMax > h-safe {
				t.Errorf("%s page %d: %q at (%.1f,%.1f)-(%.1f,%.1f) is inside the safe zone of a %.0fx%.0f page",
					lay, wd.page, wd.text, wd.xMin, wd.yMin, wd.xMax, wd.yMax, w, h)
				break
			}
		}
	}
}

func TestLayoutInsideSafeZoneIsRejected(t *testing.T) {
	r := newRenderer(t)
	lay := filepath.Join(t.TempDir(), "tight.yaml")
	os.WriteFile(lay, []byte("margins: {top: 0.1in}\n"), 0o644)
	_, err := r.Render(Job{Leaflet: sample("let-down-reflex"), Layout: lay})
	if err == nil || !strings.Contains(err.Error(), "tight.yaml:1:1: margins.top 0.1in puts text inside the 0.25in safe zone") {
		t.Fatalf("got %v", err)
	}
}

// numberedLeaflet writes a leaflet of numbered words w0001, w0002, ... so
// a test can read the reading order back from word positions.
func numberedLeaflet(t *testing.T, sections, paras, words int) (path string, n int) {
	var b strings.Builder
	b.WriteString("title: Numbered words in a long title that spans\nsections:\n")
	for s := 0; s < sections; s++ {
		fmt.Fprintf(&b, "  - heading: Part %d\n    body:\n", s)
		for p := 0; p < paras; p++ {
			b.WriteString("      - ")
			for k := 0; k < words; k++ {
				n++
				fmt.Fprintf(&b, "w%04d ", n)
			}
			b.WriteString("\n")
		}
	}
	path = filepath.Join(t.TempDir(), "numbered.yaml")
	os.WriteFile(path, []byte(b.String()), 0o644)
	return path, n
}

// wordOrder checks that word k+1 is never placed before word k, where
// rank orders the frames (page, column or panel) and y the lines in one.
func wordOrder(t *testing.T, ws []word, n int, rank func(word) int) map[int]bool {
	t.Helper()
	type place struct {
		rank int
		y    float64
	}
	at := map[int]place{}
	seen := map[int]bool{}
	for _, wd := range ws {
		var k int
		if _, err := fmt.Sscanf(wd.text, "w%04d", &k); err != nil {
			continue
		}
		r := rank(wd)
		seen[r] = true
		at[k] = place{r, wd.yMin}
	}
	for k := 2; k <= n; k++ {
		a, b := at[k-1], at[k]
		if b.rank < a.rank || (b.rank == a.rank && b.y < a.y-1) {
			t.Fatalf("w%04d (frame %d, y %.1f) is placed before w%04d (frame %d, y %.1f)", k, b.rank, b.y, k-1, a.rank, a.y)
		}
	}
	return seen
}

// TestColumnOrder reads word positions back: in a two-column layout the
// text runs down the left column before the right one, then on to the next
// page, and the title spans both columns.
func TestColumnOrder(t *testing.T) {
	r := newRenderer(t)
	leaf, n := numberedLeaflet(t, 10, 2, 60)
	pdf := renderTo(t, r, Job{Leaflet: leaf, Site: site("riverside"), Layout: "letter-2col"})
	ws, w, _ := words(t, pdf)
	mid := w / 2
	seen := wordOrder(t, ws, n, func(wd word) int {
		col := 0
		if wd.xMin > mid {
			col = 1
		}
		return 2*wd.page + col
	})
	if len(seen) < 4 {
		t.Errorf("the text should fill both columns of at least two pages, used frames %v", seen)
	}
	spans := false
	for _, wd := range ws {
		spans = spans || (wd.page == 1 && wd.text == "spans" && wd.xMax > mid)
	}
	if !spans {
		t.Error("the title does not span the columns")
	}
}

// TestTrifoldPanels reads word positions back: the cover carries the
// title, the back panel the clinic, and the body runs in the order a
// reader meets the panels of a roll fold: the cover's inside (inside
// left), the fold-in panel, then inside middle and right.
func TestTrifoldPanels(t *testing.T) {
	r := newRenderer(t)
	leaf, n := numberedLeaflet(t, 8, 2, 45)
	pdf := renderTo(t, r, Job{Leaflet: leaf, Site: site("riverside"), Layout: "trifold"})
	ws, _, _ := words(t, pdf)
	panel := func(wd word) int { // left to right on each side
		edges := []float64{261, 526.5} // outside: 3.625, 3.6875, 3.6875 in
		if wd.page == 2 {
			edges = []float64{265.5, 531} // inside: mirrored
		}
		switch {
		case wd.xMax <= edges[0]:
			return 0
		case wd.xMax <= edges[1]:
			return 1
		}
		return 2
	}
	find := func(text string) word {
		for _, wd := range ws {
			if wd.text == text {
				return wd
			}
		}
		t.Fatalf("%q not found", text)
		return word{}
	}
	if c := find("Numbered"); c.page != 1 || panel(c) != 2 {
		t.Errorf("title on page %d panel %d, want the front cover (page 1, right panel)", c.page, panel(c))
	}
	if b := find("(541)"); b.page != 1 || panel(b) != 1 {
		t.Errorf("phone on page %d panel %d, want the back panel (page 1, middle)", b.page, panel(b))
	}
	// reading order: inside left, fold-in panel, inside middle, right
	rank := map[[2]int]int{{2, 0}: 0, {1, 0}: 1, {2, 1}: 2, {2, 2}: 3}
	seen := wordOrder(t, ws, n, func(wd word) int {
		r, ok := rank[[2]int{wd.page, panel(wd)}]
		if !ok {
			t.Fatalf("body word %s on page %d panel %d", wd.text, wd.page, panel(wd))
		}
		return r
	})
	if len(seen) != 4 {
		t.Errorf("the body should run through all four text panels, used %v", seen)
	}
}

func hasLine(out, want string) bool {
	w := strings.Fields(want)
	for _, l := range strings.Split(out, "\n") {
		if strings.Join(strings.Fields(l), " ") == strings.Join(w, " ") {
			return true
		}
	}
	return false
}

// TestBookletImposition renders a leaflet whose pages say their number and
// checks each sheet side holds the right pair, left and right.
func TestBookletImposition(t *testing.T) {
	r := newRenderer(t)
	pdf := renderTo(t, r, Job{Leaflet: sample("breastfeeding-first-weeks"), Site: site("riverside"), Layout: "booklet"})
	ws, w, _ := words(t, pdf)
	// footers say "Page N of M": N is the word after "Page"
	got := map[int][2]int{}
	for i := 0; i+1 < len(ws); i++ {
		if ws[i].text != "Page" {
			continue
		}
		var n int
		fmt.Sscan(ws[i+1].text, &n)
		side := got[ws[i].page]
		if ws[i].xMin < w/2 {
			side[0] = n
		} else {
			side[1] = n
		}
		got[ws[i].page] = side
	}
	sheets := output(t, "pdfinfo", pdf)
	pages := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(sheets)[1]
	var nSides int
	fmt.Sscan(pages, &nSides)
	n := nSides * 2 // logical pages, a multiple of 4
	if n%4 != 0 {
		t.Fatalf("%d logical pages is not a multiple of 4", n)
	}
	for s := 0; s < n/4; s++ {
		front := [2]int{n - 2*s, 2*s + 1}
		back := [2]int{2*s + 2, n - 2*s - 1}
		for k, want := range [][2]int{front, back} {
			side := 2*s + k + 1
			g := got[side]
			for h := 0; h < 2; h++ {
				if g[h] != 0 && g[h] != want[h] { // 0: a blank padding page has no footer
					t.Errorf("sheet side %d holds pages %v, want %v", side, g, want)
				}
			}
		}
	}
	if len(got) == 0 {
		t.Fatal("no page numbers found")
	}
}

// TestGrayscale checks no RGB color operator and no color image is left.
func TestGrayscale(t *testing.T) {
	r := newRenderer(t)
	pdf := renderTo(t, r, Job{Leaflet: sample("breastfeeding-first-weeks"), Site: site("hillcrest"), Layout: "letter", Print: PrintOptions{Grayscale: true}})
	qdf := filepath.Join(t.TempDir(), "q.pdf")
	output(t, "qpdf", "--qdf", "--object-streams=disable", pdf, qdf)
	raw, _ := os.ReadFile(qdf)
	if m := regexp.MustCompile(`(?m)^[^%\n]*\d \d?\.?\d+ \d?\.?\d+ (rg|RG)\b`).Find(raw); m != nil {
		t.Errorf("an RGB color operator is left: %q", m)
	}
	if !strings.Contains(string(raw), " g") {
		t.Error("no gray color operators at all")
	}
	images := output(t, "pdfimages", "-list", pdf)
	for _, l := range strings.Split(images, "\n")[2:] {
		f := strings.Fields(l)
		if len(f) > 5 && f[5] != "gray" {
			t.Errorf("image not gray: %s", l)
		}
	}
	// and a color render does use RGB, so the check above can fail
	color := renderTo(t, r, Job{Leaflet: sample("breastfeeding-first-weeks"), Site: site("hillcrest"), Layout: "letter"})
	output(t, "qpdf", "--qdf", "--object-streams=disable", color, qdf)
	raw, _ = os.ReadFile(qdf)
	if regexp.MustCompile(`(?m)\d \d?\.?\d+ \d?\.?\d+ (rg|RG)\b`).Find(raw) == nil {
		t.Error("the color render has no RGB operators; the grayscale check proves nothing")
	}
}

func TestDuplexPadsToEven(t *testing.T) {
	r := newRenderer(t)
	res, err := r.Render(Job{Leaflet: sample("breastfeeding-first-weeks"), Site: site("riverside"), Print: PrintOptions{Duplex: true}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages%2 != 0 {
		t.Fatalf("%d pages with --duplex", res.Pages)
	}
	plain, _ := r.Render(Job{Leaflet: sample("breastfeeding-first-weeks"), Site: site("riverside")})
	if plain.Pages%2 == 1 && res.Pages != plain.Pages+1 {
		t.Fatalf("padding added %d pages", res.Pages-plain.Pages)
	}
}

var _ = math.Abs

func TestTrifoldCoverTitleMustFit(t *testing.T) {
	r := newRenderer(t)
	leaf := filepath.Join(t.TempDir(), "long.yaml")
	title := strings.Repeat("A very long title that keeps going ", 24)
	os.WriteFile(leaf, []byte("title: "+title+"\nsections:\n  - body: [Short.]\n"), 0o644)
	_, err := r.Render(Job{Leaflet: leaf, Layout: "trifold"})
	if err == nil || !strings.Contains(err.Error(), "long.yaml:1:8: the title and subtitle are") {
		t.Fatalf("got %v", err)
	}
}
