package paint

import (
	"fmt"
	"sync"

	"handout/internal/font"
	"handout/internal/pdf"
)

// Resources is what every document of a process shares: each face's font
// program, parsed once, and the pool of compressors. It is safe for
// concurrent use.
type Resources struct {
	comp  *pdf.Compressors
	mu    sync.Mutex
	fonts map[*font.Face]*fontEntry
}

type fontEntry struct {
	once sync.Once
	prog *pdf.FontProgram
	err  error
}

// NewResources returns an empty set sharing comp (nil makes a pool).
func NewResources(comp *pdf.Compressors) *Resources {
	if comp == nil {
		comp = pdf.NewCompressors()
	}
	return &Resources{comp: comp, fonts: map[*font.Face]*fontEntry{}}
}

// Compressors is the pool the documents compress with.
func (r *Resources) Compressors() *pdf.Compressors { return r.comp }

// program returns face's parsed font, parsing it on first use.
func (r *Resources) program(face *font.Face) (*pdf.FontProgram, error) {
	r.mu.Lock()
	e := r.fonts[face]
	if e == nil {
		e = &fontEntry{}
		r.fonts[face] = e
	}
	r.mu.Unlock()
	e.once.Do(func() {
		e.prog, e.err = pdf.ParseFont(face.Data())
		if e.err != nil {
			e.err = fmt.Errorf("font %s: %w", face.Name(), e.err)
		}
	})
	return e.prog, e.err
}
