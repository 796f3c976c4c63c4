package batch

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
)

// Shard is one of N disjoint shares of a job, numbered from 1. Which share
// an output falls in depends only on its path relative to the output
// folder, so every host that plans the same job agrees without talking to
// the others, and the N shares together cover the job exactly.
type Shard struct {
	Index int // 1..Count
	Count int
}

// ParseShard reads "I/N", as --shard takes it.
func ParseShard(s string) (Shard, error) {
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(strings.TrimSpace(a))
	n, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil || n < 1 {
		return Shard{}, fmt.Errorf("shard %q is not I/N, e.g. 1/4 for the first of four shares", s)
	}
	if i < 1 || i > n {
		return Shard{}, fmt.Errorf("shard %q is out of range: shares are numbered 1/%d to %d/%d", s, n, n, n)
	}
	return Shard{Index: i, Count: n}, nil
}

// String formats the shard as I/N.
func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.Index, s.Count) }

// Has reports whether the output belongs to this shard. The zero Shard
// holds everything.
func (s Shard) Has(o Output) bool {
	if s.Count <= 1 {
		return true
	}
	h := fnv.New64a()
	h.Write([]byte(o.Rel))
	return int(h.Sum64()%uint64(s.Count)) == s.Index-1
}

// Filter returns the outputs in this shard, in plan order.
func (s Shard) Filter(outs []Output) []Output {
	if s.Count <= 1 {
		return outs
	}
	var mine []Output
	for _, o := range outs {
		if s.Has(o) {
			mine = append(mine, o)
		}
	}
	return mine
}
