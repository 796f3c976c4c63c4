package batch

import (
	"fmt"
	"strings"
	"testing"
)

// TestShardsDisjointAndCovering splits a job every way from 1 to 9 shares
// and checks each output lands in exactly one share.
func TestShardsDisjointAndCovering(t *testing.T) {
	var outs []Output
	for s := 0; s < 7; s++ {
		for l := 0; l < 150; l++ {
			outs = append(outs, Output{Index: len(outs), Rel: fmt.Sprintf("site%d/leaflet-%03d.pdf", s, l)})
		}
	}
	for n := 1; n <= 9; n++ {
		owner := make([]int, len(outs))
		for i := 1; i <= n; i++ {
			sh := Shard{Index: i, Count: n}
			mine := sh.Filter(outs)
			if n > 1 && (len(mine) < len(outs)/n/2 || len(mine) > 2*len(outs)/n) {
				t.Errorf("shard %v holds %d of %d outputs: badly balanced", sh, len(mine), len(outs))
			}
			prev := -1
			for _, o := range mine {
				if owner[o.Index] != 0 {
					t.Fatalf("%s is in shards %d and %d of %d", o.Rel, owner[o.Index], i, n)
				}
				owner[o.Index] = i
				if o.Index <= prev {
					t.Fatalf("shard %v is not in plan order", sh)
				}
				prev = o.Index
			}
		}
		for i, w := range owner {
			if w == 0 {
				t.Fatalf("%s is in no shard of %d", outs[i].Rel, n)
			}
		}
	}
}

// TestShardStable pins the assignment: hosts running different builds of
// handout must still split a job the same way.
func TestShardStable(t *testing.T) {
	var got []string
	for _, rel := range []string{"riverside/let-down-reflex.pdf", "hillcrest/let-down-reflex.pdf", "riverside/a4/reflejo-de-bajada.pdf", "a.pdf", "b.pdf", "c.pdf"} {
		for i := 1; i <= 4; i++ {
			if (Shard{Index: i, Count: 4}).Has(Output{Rel: rel}) {
				got = append(got, fmt.Sprint(i))
			}
		}
	}
	if s := strings.Join(got, " "); s != "1 4 1 1 2 3" {
		t.Errorf("shards of 4 are %q; the hash changed, and hosts on different versions would disagree", s)
	}
}

func TestParseShard(t *testing.T) {
	for _, s := range []string{"0/4", "5/4", "1/0", "x", "1-4", "a/b"} {
		if _, err := ParseShard(s); err == nil {
			t.Errorf("%q accepted", s)
		}
	}
	if sh, err := ParseShard("3/4"); err != nil || sh != (Shard{3, 4}) || sh.String() != "3/4" {
		t.Errorf("3/4: %v %v", sh, err)
	}
}
