package suggest

import "testing"

func TestClosest(t *testing.T) {
	names := []string{"title", "subtitle", "sections", "language", "phone", "bullets", "letter"}
	cases := map[string]string{
		"subtitel": "subtitle", "phnoe": "phone", "bulets": "bullets", "leter": "letter",
		"zebra": "", "x": "", "langauge": "language", "title": "title",
	}
	for in, want := range cases {
		if got := Closest(in, names); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
	if d := Distance("phone", "phnoe"); d != 1 {
		t.Errorf("a swap costs %d, want 1", d)
	}
}

func TestDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"", "abc", 3}, {"abc", "", 3}, {"phone", "phone", 0},
		{"phnoe", "phone", 1}, {"fone", "phone", 2}, {"adress", "address", 1},
		{"kitten", "sitting", 3}, {"ca", "abc", 3},
	}
	for _, c := range cases {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
