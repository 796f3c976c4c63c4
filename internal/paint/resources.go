package paint

import (
	"fmt"
	"runtime"
	"weak"

	"handout/internal/font"
	"handout/internal/memo"
	"handout/internal/pdf"
)

// Resources is what every document of a process shares: each face's font
// program, parsed once, and the pool of compressors. It is safe for
// concurrent use.
type Resources struct {
	comp *pdf.Compressors
	// by face, held weakly: a face the engine lets go of (a server's fonts
	// folder parsed again after a change) takes its program with it
	fonts memo.Map[weak.Pointer[font.Face], *pdf.FontProgram]
}

// NewResources returns an empty set sharing comp (nil makes a pool).
func NewResources(comp *pdf.Compressors) *Resources {
	if comp == nil {
		comp = pdf.NewCompressors()
	}
	return &Resources{comp: comp}
}

// Compressors is the pool the documents compress with.
func (r *Resources) Compressors() *pdf.Compressors { return r.comp }

// program returns face's parsed font, parsing it on first use.
func (r *Resources) program(face *font.Face) (*pdf.FontProgram, error) {
	k := weak.Make(face)
	return r.fonts.Get(k, func() (*pdf.FontProgram, error) {
		runtime.AddCleanup(face, r.fonts.Forget, k)
		prog, err := pdf.ParseFont(face.Data())
		if err != nil {
			return nil, fmt.Errorf("font %s: %w", face.Name(), err)
		}
		return prog, nil
	})
}
