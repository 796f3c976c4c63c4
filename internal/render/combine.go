package render

import (
	"fmt"
	"io"
	"sync"
	"time"

	"handout/internal/paint"
)

// Combiner paints rendered handouts, in the order they are added, into one
// print-ready PDF: each starts on a right-hand page and has its own outline
// entry. Each handout is painted as it is added and its pages are written
// out at once, so a print job of any size takes flat memory.
type Combiner struct {
	r    *Renderer
	mu   sync.Mutex
	w    *paint.Writer
	n    int
	gray bool
}

// NewCombiner starts a combined document written to out. Of the print
// options, grayscale and PDF/A apply to the whole document (the others are
// each handout's, applied as it is laid out). date goes into the PDF.
func (r *Renderer) NewCombiner(out io.Writer, opts PrintOptions, date *time.Time) *Combiner {
	grayscale := opts.Grayscale
	d := fixedDate
	if date != nil {
		d = date.UTC()
	}
	meta := paint.Meta{
		Subject:   "combined print job",
		Keywords:  "patient education",
		Creator:   "handout " + r.version,
		Date:      d,
		Grayscale: grayscale,
		PDFA:      opts.PDFA,
	}
	return &Combiner{r: r, w: paint.NewWriter(out, meta, r.paint), gray: grayscale}
}

// Add paints one rendered handout under the given outline title.
func (c *Combiner) Add(res *Result, title string) error {
	if res == nil || res.Doc == nil {
		return fmt.Errorf("nothing to combine for %q", title)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.w.Add(res.Doc, c.r.printedImages(res.Doc, c.gray), title); err != nil {
		return err
	}
	c.n++
	return nil
}

// Len is how many handouts were added.
func (c *Combiner) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// Close finishes the combined PDF and returns its page count.
func (c *Combiner) Close() (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.w.SetTitle(fmt.Sprintf("%d handouts", c.n))
	return c.w.Pages(), c.w.Close()
}
