package batch

import "handout/internal/render"

// Combiner builds one print file from every handout of a run (--combine).
// The runner calls Add for each output that has a handout (rendered, or
// skipped because the file on disk is up to date: it is rendered again for
// the combiner but not rewritten), in plan order, from one goroutine.
// Failed outputs are left out; the summary and the report say so.
type Combiner interface {
	// Add appends one handout; title is the text for its bookmark.
	Add(res *render.Result, title string) error
	// Close finishes the combined file. It is called once, after the last
	// Add, when the run went to its end.
	Close() error
	// Abort discards whatever was combined. It is called instead of Close
	// when the run was interrupted or stopped early, so no partial combined
	// file is left to be printed by mistake.
	Abort()
}
