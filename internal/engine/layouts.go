package engine

import (
	"handout/internal/load"
	"handout/internal/memo"
	"handout/internal/model"
	"handout/layouts"
)

// layoutCache parses each built-in layout once. Layout files are read on
// every call: they may change while a long-running process serves.
type layoutCache struct {
	parsed memo.Map[string, *model.Layout]
}

func newLayoutCache() *layoutCache { return &layoutCache{} }

// Layout loads a layout by built-in name or path ("" is letter). Each call
// gets its own copy, which the caller may change (bleed, crop marks)
// without touching anyone else's.
func (e *Engine) Layout(nameOrPath string) (*model.Layout, error) {
	if nameOrPath == "" {
		nameOrPath = "letter"
	}
	if _, builtin := layouts.Open(nameOrPath); !builtin {
		return load.Layout(nameOrPath)
	}
	l, err := e.layouts.parsed.Get(nameOrPath, func() (*model.Layout, error) { return load.Layout(nameOrPath) })
	if err != nil {
		return nil, err
	}
	return l.Clone(), nil
}
