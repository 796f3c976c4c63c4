package font

import (
	"testing"

	"handout/fonts"
)

func TestWithCmapKeepsOnlyGivenRunes(t *testing.T) {
	reg, _, _, _ := fonts.NotoSans()
	f, err := Parse("NotoSans-Regular.ttf", reg)
	if err != nil {
		t.Fatal(err)
	}
	keep := []rune("Let-down reflex: 303-555-0100 ‘ok’ é ñ •")
	sub, err := Parse("sub", f.WithCmap(append(keep, '中'))) // a rune the face lacks is dropped
	if err != nil {
		t.Fatalf("rewritten font does not parse: %v", err)
	}
	for _, r := range keep {
		if r == ' ' {
			continue
		}
		if !sub.Has(r) || sub.gid[r] != f.gid[r] {
			t.Errorf("%q: has %v gid %d/%d", r, sub.Has(r), sub.gid[r], f.gid[r])
		}
	}
	for _, r := range "ZQz中" {
		if sub.Has(r) {
			t.Errorf("%q should not be mapped in the rewritten font", r)
		}
	}
	if len(sub.Data()) > len(f.Data()) {
		t.Errorf("rewritten font grew: %d > %d", len(sub.Data()), len(f.Data()))
	}
}
