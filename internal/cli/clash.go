package cli

import (
	"handout/internal/batch"
	"handout/internal/safeio"
)

// checkClashes makes sure no output of a run is one of its inputs, or
// another of its outputs, before anything is written: compared by file
// identity after links, not by spelling. cat lists the outputs' inputs,
// fonts being the run's font folders; inputs are files read besides them
// (a job file); extra are outputs besides the PDFs (the report, the
// combined file).
func checkClashes(cat *batch.Catalog, outs []batch.Output, fonts, inputs []string, extra ...string) error {
	files := safeio.NewFiles()
	for _, p := range append(inputs, cat.InputFiles(outs, fonts)...) {
		files.Input(p)
	}
	for _, o := range outs {
		if err := files.Output(o.Path); err != nil {
			return err
		}
	}
	for _, p := range extra {
		if err := files.Output(p); err != nil {
			return err
		}
	}
	return nil
}
