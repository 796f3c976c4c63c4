package batch

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestTuneGC(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	env := func(set map[string]string) func(string) string { return func(k string) string { return set[k] } }

	restore := TuneGC(env(nil), RunBudget)
	if got := debug.SetMemoryLimit(-1); got != RunBudget {
		t.Errorf("memory limit %d, want %d", got, RunBudget)
	}
	// A large live heap raises the budget instead of collecting nonstop.
	big := make([]byte, RunBudget*3/4)
	for i := range big {
		big[i] = 1
	}
	runtime.GC()
	deadline := time.Now().Add(5 * time.Second)
	for debug.SetMemoryLimit(-1) == RunBudget && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := debug.SetMemoryLimit(-1); got < int64(len(big))*2 {
		t.Errorf("memory limit %d with %d bytes live, want at least twice that", got, len(big))
	}
	runtime.KeepAlive(big)
	restore()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GC percent %d after restore, want 100", got)
	}
	if got := debug.SetMemoryLimit(-1); got == RunBudget {
		t.Error("memory limit not restored")
	}

	// The user's own settings win.
	TuneGC(env(map[string]string{"GOGC": "50"}), RunBudget)()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC set by the user was overridden: %d", got)
	}
}
