package serve

import "context"

// pool bounds how many renders and checks run at once: each holds a slot.
// Painting a handout makes about 20 MB of short-lived garbage, so the
// slots are what keeps memory flat under a burst of requests.
type pool chan struct{}

func newPool(n int) pool { return make(pool, n) }

// acquire waits for a slot until ctx ends; release must follow a nil error.
func (p pool) acquire(ctx context.Context) error {
	select {
	case p <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (p pool) release() { <-p }

// busy is how many slots are taken.
func (p pool) busy() int { return len(p) }
