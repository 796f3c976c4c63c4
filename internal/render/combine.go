package render

import (
	"fmt"
	"sync"
	"time"

	"handout/internal/paint"
	"handout/internal/typeset"
)

// Combiner gathers rendered handouts, in the order they are added, into one
// print-ready PDF: each starts on a right-hand page and has its own outline
// entry. It keeps the laid-out pages of every handout until PDF is called,
// so it suits a print job (hundreds of handouts), not a whole library.
type Combiner struct {
	r     *Renderer
	mu    sync.Mutex
	parts []typeset.Part
	gray  bool
	date  time.Time
}

// NewCombiner starts a combined document. date goes into the PDF.
func (r *Renderer) NewCombiner(grayscale bool, date *time.Time) *Combiner {
	c := &Combiner{r: r, gray: grayscale, date: fixedDate}
	if date != nil {
		c.date = date.UTC()
	}
	return c
}

// Add appends one rendered handout under the given outline title.
func (c *Combiner) Add(res *Result, title string) error {
	if res == nil || res.Doc == nil {
		return fmt.Errorf("nothing to combine for %q", title)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.parts = append(c.parts, typeset.Part{Title: title, Doc: res.Doc})
	return nil
}

// Len is how many handouts were added.
func (c *Combiner) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.parts)
}

// PDF paints the combined document.
func (c *Combiner) PDF() ([]byte, int, error) {
	c.mu.Lock()
	doc := typeset.Combine(c.parts)
	c.mu.Unlock()
	images := c.r.printedImages(doc, c.gray)
	meta := paint.Meta{
		Title:     fmt.Sprintf("%d handouts", len(c.parts)),
		Subject:   "combined print job",
		Keywords:  "patient education",
		Creator:   "handout " + c.r.version,
		Date:      c.date,
		Grayscale: c.gray,
	}
	pdf, err := paint.Paint(doc, meta, images, c.r.paint)
	return pdf, len(doc.Pages), err
}
