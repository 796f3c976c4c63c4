package engine

import (
	"sync"

	"handout/internal/load"
	"handout/internal/model"
	"handout/layouts"
)

// layoutCache parses each built-in layout once. Layout files are read on
// every call: they may change while a long-running process serves.
type layoutCache struct {
	mu      sync.Mutex
	entries map[string]*layoutEntry
}

type layoutEntry struct {
	once   sync.Once
	layout *model.Layout
	err    error
}

func newLayoutCache() *layoutCache { return &layoutCache{entries: map[string]*layoutEntry{}} }

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
	c := e.layouts
	c.mu.Lock()
	en := c.entries[nameOrPath]
	if en == nil {
		en = &layoutEntry{}
		c.entries[nameOrPath] = en
	}
	c.mu.Unlock()
	en.once.Do(func() { en.layout, en.err = load.Layout(nameOrPath) })
	if en.err != nil {
		return nil, en.err
	}
	return en.layout.Clone(), nil
}
