package cli

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// graceAfterSignal is how long the handouts in flight may take to finish
// after the first Ctrl-C or SIGTERM. A service manager sends SIGTERM and
// expects the process gone soon after; inputs are bounded, so a handout
// takes far less than this, and if one does not, it is dropped.
const graceAfterSignal = 5 * time.Second

// stopper turns Ctrl-C and SIGTERM into a way to stop: the first cancels
// ctx (stop taking new work, finish what is in flight); a second one, or
// the grace period running out, closes hard (stop now).
type stopper struct {
	ctx    context.Context
	hard   chan struct{}
	sigs   chan os.Signal
	closed chan struct{}
}

// newStopper starts watching for signals; onFirst is called when the first
// arrives. grace zero makes the first signal a hard stop.
func newStopper(grace time.Duration, onFirst func()) *stopper {
	ctx, cancel := context.WithCancel(context.Background())
	s := &stopper{ctx: ctx, hard: make(chan struct{}), sigs: make(chan os.Signal, 2), closed: make(chan struct{})}
	signal.Notify(s.sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		defer cancel()
		select {
		case <-s.sigs:
		case <-s.closed:
			return
		}
		cancel()
		if grace > 0 {
			if onFirst != nil {
				onFirst()
			}
			t := time.NewTimer(grace)
			defer t.Stop()
			select {
			case <-s.sigs:
			case <-t.C:
			case <-s.closed:
				return
			}
		}
		close(s.hard)
	}()
	return s
}

// close stops watching; signals get their default effect again.
func (s *stopper) close() {
	signal.Stop(s.sigs)
	close(s.closed)
}
