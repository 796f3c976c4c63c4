package batch

import (
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// Garbage-collector settings for a run. Painting one handout allocates
// about 20 MB that is garbage as soon as the PDF is written, while what
// stays live (fonts, images, the handouts in flight) is a few tens of MB.
// With Go's default (collect each time the heap doubles) a run spends a
// large share of its CPU collecting, and on a machine whose every core
// renders, that time comes straight out of throughput. Collecting only when
// the heap reaches a fixed budget keeps memory flat and collects far less
// often.
const (
	// RunBudget is a batch's: its workers keep handouts in flight.
	RunBudget = 100 << 20
	// OneBudget is a single render's, which holds one handout: it keeps a
	// whole `handout render` process under 30 MB while collecting about
	// never (the default collector cost such a process a third of its CPU).
	OneBudget = 24 << 20
)

// TuneGC applies collector settings for a memory budget unless the user
// chose their own with GOGC or GOMEMLIMIT, and returns a function that
// restores the previous ones.
//
// While the settings are in force, a watcher raises the budget to twice
// the live heap whenever the live heap passes half of it: a run whose live
// data is large (a library of many big photographs, all decoded once and
// kept) would otherwise collect almost without pause.
func TuneGC(getenv func(string) string, budget int64) (restore func()) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	pct := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(budget)
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if sample[0].Value.Kind() != metrics.KindUint64 {
				continue
			}
			if live := int64(sample[0].Value.Uint64()); live > budget/2 {
				budget = 2 * live
				debug.SetMemoryLimit(budget)
			}
		}
	}()
	return func() {
		close(stop)
		<-done
		debug.SetGCPercent(pct)
		debug.SetMemoryLimit(limit)
	}
}
