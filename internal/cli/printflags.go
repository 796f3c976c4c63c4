package cli

import (
	"fmt"

	"github.com/spf13/pflag"

	"handout/internal/load"
	"handout/internal/render"
)

// printFlags are the print-production flags shared by render and batch.
type printFlags struct {
	bleed       string
	cropMarks   bool
	duplex      bool
	grayscale   bool
	shrinkToFit bool
}

func addPrintFlags(fs *pflag.FlagSet) *printFlags {
	p := &printFlags{}
	fs.StringVar(&p.bleed, "bleed", "", "grow each page by this bleed on every side, e.g. 0.125in or 3mm (overrides the layout's)")
	fs.BoolVar(&p.cropMarks, "crop-marks", false, "draw crop marks outside the trim")
	fs.BoolVar(&p.duplex, "duplex", false, "pad each handout to an even page count for duplex printing")
	fs.BoolVar(&p.grayscale, "grayscale", false, "write every color as gray and convert images, for black-and-white printers")
	fs.BoolVar(&p.shrinkToFit, "shrink-to-fit", false, "let a folded leaflet's text get smaller to fit its panels (not below 10 pt), or a booklet's leading and size tighten to save a sheet")
	return p
}

// options turns the flags into render options; a bad --bleed is a usage
// error.
func (p *printFlags) options() (render.PrintOptions, error) {
	o := render.PrintOptions{CropMarks: p.cropMarks, Duplex: p.duplex, Grayscale: p.grayscale, ShrinkToFit: p.shrinkToFit}
	if p.bleed != "" {
		pt, ok := load.ParseLength(p.bleed)
		if !ok || pt < 0 || pt > 72 {
			return o, fmt.Errorf("--bleed %q is not a length from 0 to 1in (e.g. 0.125in or 3mm)", p.bleed)
		}
		o.Bleed = &pt
	}
	return o, nil
}
