package typeset

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"handout/internal/font"
)

// genLeaflet makes a leaflet whose every word says where it came from:
// headings "H<n>", paragraph words "p<n>w<k>", list items "l<n>w<k>".
func genLeaflet(seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 7))
	var b strings.Builder
	b.WriteString("title: Generated\nsections:\n")
	id := 0
	for s := 0; s < 6+r.IntN(4); s++ {
		fmt.Fprintf(&b, "  - heading: H%d heading\n    body:\n", s)
		for k := 0; k < 1+r.IntN(4); k++ {
			id++
			switch r.IntN(4) {
			case 0:
				if r.IntN(2) == 0 {
					fmt.Fprintf(&b, "      - \"%s:\"\n", tagged(fmt.Sprintf("p%d", id), 5+r.IntN(20)))
					id++
				}
				fmt.Fprintf(&b, "      - bullets:\n")
				for i := 0; i < 2+r.IntN(4); i++ {
					id++
					fmt.Fprintf(&b, "          - %s\n", tagged(fmt.Sprintf("l%d", id), 5+r.IntN(30)))
				}
			default:
				fmt.Fprintf(&b, "      - %s\n", tagged(fmt.Sprintf("p%d", id), 10+r.IntN(120)))
			}
		}
	}
	return b.String()
}

var tagRE = regexp.MustCompile(`\b([pl]\d+)w\d+`)

// lineTags returns, for each body line of a page (grouped by baseline),
// the block tag its words carry ("" for lines without tagged words).
func lineTags(p *Page) []string {
	var tags []string
	var ys []float64
	for _, tx := range texts(p) {
		if strings.HasPrefix(tx.Text, "Page ") {
			continue
		}
		tag := ""
		if m := tagRE.FindStringSubmatch(tx.Text); m != nil {
			tag = m[1]
		}
		if tx.Face.Name() == "NotoSans-Bold.ttf" && strings.HasPrefix(tx.Text, "H") {
			tag = "heading"
		}
		if n := len(ys); n > 0 && ys[n-1] == tx.Y {
			if tags[n-1] == "" {
				tags[n-1] = tag
			}
			continue
		}
		tags = append(tags, tag)
		ys = append(ys, tx.Y)
	}
	return tags
}

// TestPageBreakRules typesets many generated leaflets on small pages and
// checks the rules a reader relies on at every break.
func TestPageBreakRules(t *testing.T) {
	for seed := uint64(1); seed <= 40; seed++ {
		doc, lay := setDoc(t, genLeaflet(seed), "a5")
		perPage := map[string][]int{} // tag -> line count on each page it is on
		for pi, p := range doc.Pages {
			tags := lineTags(p)
			// a heading never ends a page
			for i := len(tags) - 1; i >= 0; i-- {
				if tags[i] == "" {
					continue
				}
				if tags[i] == "heading" {
					t.Errorf("seed %d page %d ends with a heading", seed, p.Number)
				}
				break
			}
			counts := map[string]int{}
			for _, tg := range tags {
				if tg != "" && tg != "heading" {
					counts[tg]++
				}
			}
			for tg, n := range counts {
				perPage[tg] = append(perPage[tg], n)
			}
			checkInside(t, seed, p, lay.PageWidth, pi)
			bottom := lay.PageHeight - lay.MarginBottom - lay.FooterHeight
			for _, tx := range texts(p) {
				if tx.Size != lay.SmallSize && tx.Y > bottom {
					t.Errorf("seed %d page %d: %q runs into the footer (baseline %.2f, text area ends at %.2f)", seed, p.Number, tx.Text, tx.Y, bottom)
				}
			}
		}
		// no widows or orphans: a split paragraph leaves two lines or more
		// on each page
		for tg, parts := range perPage {
			if len(parts) < 2 {
				continue
			}
			for _, n := range parts {
				if n < 2 {
					t.Errorf("seed %d: %s splits %v lines across pages", seed, tg, parts)
				}
			}
		}
	}
}

// checkInside asserts every text item lies inside the page's margins and
// the body's items keep clear of the header and footer bands.
func checkInside(t *testing.T, seed uint64, p *Page, pageW float64, index int) {
	t.Helper()
	for _, tx := range texts(p) {
		if tx.X < 39 || tx.X+tx.Width > pageW-39 {
			t.Errorf("seed %d page %d: %q leaves the margins (x %.2f..%.2f)", seed, p.Number, tx.Text, tx.X, tx.X+tx.Width)
		}
	}
}

func TestListMarkersStayWithTheirLines(t *testing.T) {
	for seed := uint64(1); seed <= 20; seed++ {
		doc, _ := setDoc(t, genLeaflet(seed), "a5")
		for _, p := range doc.Pages {
			ts := texts(p)
			for i, tx := range ts {
				if tx.Text != "\u2022" {
					continue
				}
				if i+1 >= len(ts) || ts[i+1].Y != tx.Y || !tagRE.MatchString(ts[i+1].Text) {
					t.Fatalf("seed %d page %d: bullet without its text on the same line", seed, p.Number)
				}
			}
		}
	}
}

func TestNoteBoxOnEachPart(t *testing.T) {
	src := "title: T\nsections:\n  - body:\n      - note:\n          title: Long note\n          style: warning\n          body:\n"
	for i := 0; i < 14; i++ {
		src += "            - " + tagged(fmt.Sprintf("n%d", i), 40) + "\n"
	}
	doc, _ := setDoc(t, src, "a5")
	if len(doc.Pages) < 2 {
		t.Fatalf("note should span pages, got %d", len(doc.Pages))
	}
	for _, p := range doc.Pages {
		var boxes []*Rect
		for _, it := range p.Items {
			if r, ok := it.(*Rect); ok && r.Fill != nil && *r.Fill == tint(warnColor, 0.1) {
				boxes = append(boxes, r)
			}
		}
		if len(boxes) != 1 {
			t.Fatalf("page %d: want one note box, got %d", p.Number, len(boxes))
		}
		b := boxes[0]
		for _, tx := range texts(p) {
			if strings.HasPrefix(tx.Text, "n") || tx.Text == "Long note" {
				if tx.Y < b.Y || tx.Y > b.Y+b.H || tx.X < b.X || tx.X+tx.Width > b.X+b.W {
					t.Errorf("page %d: note text %q outside its box", p.Number, tx.Text)
				}
			}
		}
	}
}

func TestTableHeaderRepeatsAndRowsStayWhole(t *testing.T) {
	src := "title: T\nsections:\n  - body:\n      - table:\n          header: [Day, What you may notice]\n          rows:\n"
	for i := 0; i < 40; i++ {
		src += fmt.Sprintf("            - [Day %d, %s]\n", i, tagged(fmt.Sprintf("r%d", i), 12))
	}
	doc, _ := setDoc(t, src, "a5")
	if len(doc.Pages) < 2 {
		t.Fatalf("table should span pages, got %d", len(doc.Pages))
	}
	rowPages := map[string]map[int]bool{}
	for _, p := range doc.Pages {
		ts := texts(p)
		headerAt := -1
		for i, tx := range ts {
			if tx.Text == "Day" && tx.Face.Name() == "NotoSans-Bold.ttf" {
				headerAt = i
				break
			}
		}
		if headerAt < 0 {
			t.Errorf("page %d has no header row", p.Number)
		}
		for _, tx := range ts {
			if m := regexp.MustCompile(`\b(r\d+)w`).FindStringSubmatch(tx.Text); m != nil {
				if rowPages[m[1]] == nil {
					rowPages[m[1]] = map[int]bool{}
				}
				rowPages[m[1]][p.Number] = true
			}
		}
	}
	for r, pages := range rowPages {
		if len(pages) > 1 {
			t.Errorf("row %s split across pages %v", r, pages)
		}
	}
}

func TestEndMatterStaysTogether(t *testing.T) {
	src := genLeaflet(3) + "credits:\n  written_by: Staff\n  reviewed_by: Nurses\n  published_by: Clinic\n  last_modified: 2009-01-09\n  last_reviewed: 2009-11-22\ndisclaimer: " + tagged("d", 40) + "\ncopyright: © 2024 Clinic\n"
	for _, layout := range []string{"a5", "letter", "a4"} {
		doc, _ := setDoc(t, src, layout)
		pages := map[int]bool{}
		for _, p := range doc.Pages {
			for _, tx := range texts(p) {
				if strings.HasPrefix(tx.Text, "Written by") || strings.HasPrefix(tx.Text, "© 2024") || strings.HasPrefix(tx.Text, "Last reviewed") {
					pages[p.Number] = true
				}
			}
		}
		if len(pages) != 1 {
			t.Errorf("%s: credits spread over pages %v", layout, pages)
		}
	}
}

func TestPageNumbersCountAllPages(t *testing.T) {
	doc, _ := setDoc(t, genLeaflet(5), "a5")
	n := len(doc.Pages)
	for _, p := range doc.Pages {
		want := fmt.Sprintf("Page %d of %d", p.Number, n)
		found := false
		for _, tx := range texts(p) {
			found = found || tx.Text == want
		}
		if !found {
			t.Errorf("page %d lacks %q", p.Number, want)
		}
	}
}

func TestHeadingsBecomeBookmarks(t *testing.T) {
	doc, _ := setDoc(t, "title: T\nsections:\n  - heading: First **one**\n    body: [a]\n  - heading: Second\n    body:\n      - b\n      - subheading: Inner\n", "letter")
	var got []string
	for _, b := range doc.Outline {
		got = append(got, fmt.Sprintf("%d:%s", b.Level, b.Title))
	}
	if strings.Join(got, "|") != "0:First one|0:Second|1:Inner" {
		t.Fatalf("bookmarks %v", got)
	}
	// a subheading before any heading cannot hang under nothing
	doc, _ = setDoc(t, "title: T\nsections:\n  - body:\n      - subheading: Before\n      - a\n      - subheading: During\n  - heading: Then\n    body:\n      - subheading: Inner\n", "letter")
	got = nil
	for _, b := range doc.Outline {
		got = append(got, fmt.Sprintf("%d:%s", b.Level, b.Title))
	}
	if strings.Join(got, "|") != "0:Before|1:During|0:Then|1:Inner" {
		t.Fatalf("bookmarks %v", got)
	}
}

func TestBookletOutlineKeepsReadingOrder(t *testing.T) {
	doc, _ := setDoc(t, genLeaflet(7), "booklet")
	var pages []int
	var titles []string
	for _, o := range doc.Outline {
		if o.Level == 0 {
			titles = append(titles, o.Title)
			pages = append(pages, o.Page)
		}
	}
	for i := 1; i < len(titles); i++ {
		if titles[i] < titles[i-1] { // headings are H0, H1, ... in reading order
			t.Fatalf("outline out of reading order: %v", titles)
		}
	}
	if len(titles) < 4 {
		t.Fatalf("too few headings: %v", titles)
	}
	// and each entry points at the sheet side that holds its heading
	for _, o := range doc.Outline {
		found := false
		for _, tx := range texts(doc.Pages[o.Page-1]) {
			found = found || strings.HasPrefix(o.Title, tx.Text) && tx.Y > o.Y && tx.Y < o.Y+40
		}
		if !found {
			t.Errorf("outline entry %q points at sheet side %d y=%.1f, where the heading is not", o.Title, o.Page, o.Y)
		}
	}
}

func TestMissingGlyphIsAnError(t *testing.T) {
	_, _, err := trySet(t, "title: T\nsections:\n  - body:\n      - \"Smile \U0001F600 and 中\"\n", "letter", testSite())
	if err == nil {
		t.Fatal("no error for characters the font lacks")
	}
	for _, want := range []string{"t.yaml:4:16: character U+1F600", "t.yaml:4:22: character U+4E2D (中)"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %v\nwant %q", err, want)
		}
	}
}

var _ = font.Bold

// TestListsKeepTwoItemsEachSide moves a page break through every gap of a
// list of one-line items: no page may hold just one of its items.
func TestListsKeepTwoItemsEachSide(t *testing.T) {
	for words := 200; words < 420; words += 6 {
		src := "title: T\nsections:\n  - body:\n      - " + tagged("p", words) + "\n      - bullets: [item0, item1, item2, item3, item4, item5]\n"
		doc, _ := setDoc(t, src, "a5")
		for _, p := range doc.Pages {
			n := 0
			for _, tx := range texts(p) {
				if strings.HasPrefix(tx.Text, "item") {
					n++
				}
			}
			if n == 1 {
				t.Fatalf("%d words before the list: page %d holds a lone list item", words, p.Number)
			}
		}
	}
}
