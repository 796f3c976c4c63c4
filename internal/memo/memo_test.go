package memo

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

// Many goroutines asking for the same keys at once compute each key
// exactly once and all see its value or its error.
func TestGetComputesOncePerKey(t *testing.T) {
	var m Map[string, int]
	var calls [3]atomic.Int32
	bad := errors.New("bad")
	var wg sync.WaitGroup
	for g := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			k := g % 3
			v, err := m.Get(string(rune('a'+k)), func() (int, error) {
				calls[k].Add(1)
				if k == 2 {
					return 0, bad
				}
				return 10 * (k + 1), nil
			})
			switch {
			case k == 2 && err != bad:
				t.Errorf("key c: err %v, want %v", err, bad)
			case k < 2 && (err != nil || v != 10*(k+1)):
				t.Errorf("key %c: %d, %v", 'a'+k, v, err)
			}
		}()
	}
	wg.Wait()
	if m.Len() != 3 || !m.Has("a") || m.Has("d") {
		t.Errorf("Len %d, Has(a) %v, Has(d) %v", m.Len(), m.Has("a"), m.Has("d"))
	}
	for k := range calls {
		if n := calls[k].Load(); n != 1 {
			t.Errorf("key %c computed %d times", 'a'+k, n)
		}
	}
}

// Computing one key does not hold up another: a compute that asks for a
// second key finishes (it would deadlock under one lock).
func TestGetDoesNotHoldTheLockWhileComputing(t *testing.T) {
	var m Map[int, int]
	v, err := m.Get(1, func() (int, error) {
		inner, err := m.Get(2, func() (int, error) { return 2, nil })
		return inner + 1, err
	})
	if v != 3 || err != nil {
		t.Errorf("got %d, %v", v, err)
	}
}

// A compute that panics passes the panic to its caller, and every later
// caller gets an error, not a zero value passed off as good.
func TestPanicLeavesAnError(t *testing.T) {
	var m Map[string, *int]
	func() {
		defer func() {
			if recover() == nil {
				t.Error("the first caller does not see the panic")
			}
		}()
		m.Get("k", func() (*int, error) { panic("corrupt table") })
	}()
	v, err := m.Get("k", func() (*int, error) { t.Error("computed twice"); return nil, nil })
	if err == nil || v != nil {
		t.Fatalf("after a panic: %v, %v; want an error", v, err)
	}
}

// TestForgetComputesAgain: a forgotten key is computed again on its next
// Get; other keys keep their values.
func TestForgetComputesAgain(t *testing.T) {
	var m Map[string, int]
	calls := 0
	get := func(k string) int {
		v, _ := m.Get(k, func() (int, error) { calls++; return calls, nil })
		return v
	}
	a, b := get("a"), get("b")
	m.Forget("a")
	if m.Has("a") || m.Len() != 1 {
		t.Fatalf("after Forget: has a %v, len %d", m.Has("a"), m.Len())
	}
	if again := get("a"); again == a || get("b") != b {
		t.Errorf("a: %d then %d, b: %d then %d", a, again, b, get("b"))
	}
}
