// Package memo computes a value once per key, however many goroutines ask
// for it at the same time: the first caller computes it, the others wait
// for that result, and later callers get it at once. The engine's fonts
// and layouts and a batch run's reading of each leaflet and site go
// through it.
package memo

import (
	"fmt"
	"sync"
)

// Map holds one value, or the error computing it gave, per key. The zero
// Map is ready to use; it must not be copied after first use. Nothing is
// evicted unless Forget is called: keys are few (fonts, layouts, the files
// of one run).
type Map[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]*entry[V]
}

type entry[V any] struct {
	once sync.Once
	v    V
	err  error
}

// Get returns the value for k, calling compute to make it if no call has
// yet. compute runs outside the Map's lock, so computing one key never
// holds up callers asking for another.
func (m *Map[K, V]) Get(k K, compute func() (V, error)) (V, error) {
	m.mu.Lock()
	if m.m == nil {
		m.m = map[K]*entry[V]{}
	}
	e := m.m[k]
	if e == nil {
		e = &entry[V]{}
		m.m[k] = e
	}
	m.mu.Unlock()
	e.once.Do(func() { e.fill(compute) })
	return e.v, e.err
}

// fill runs compute for e; if it panics, the panic goes on to this
// caller (render turns it into one handout's error), but e keeps an error
// saying so. Otherwise sync.Once, which counts a panic as done, would give
// every later caller a zero value and a nil error: a nil font program or
// layout used as if it were good.
func (e *entry[V]) fill(compute func() (V, error)) {
	defer func() {
		if p := recover(); p != nil {
			e.err = fmt.Errorf("internal error computing this once: %v", p)
			panic(p)
		}
	}()
	e.v, e.err = compute()
}

// Forget drops k's value: the next Get for k computes it again.
func (m *Map[K, V]) Forget(k K) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.m, k)
}

// Len is how many keys have been asked for.
func (m *Map[K, V]) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.m)
}

// Has reports whether k has been asked for.
func (m *Map[K, V]) Has(k K) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.m[k]
	return ok
}
