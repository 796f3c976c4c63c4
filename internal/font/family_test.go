package font

import "testing"

func TestLoadNotoSans(t *testing.T) {
	fam := loadNoto(t)
	seen := map[*Face]Style{}
	for s := Regular; s <= BoldItalic; s++ {
		f := fam.Face(s)
		if f == nil {
			t.Fatalf("Face(%v) is nil", s)
		}
		if prev, dup := seen[f]; dup {
			t.Fatalf("Face(%v) is the same face as Face(%v)", s, prev)
		}
		seen[f] = s
	}
	sh := NewShaper(8)
	if sh.Shape(Run{Face: fam.Face(Bold), Text: "Hello"}).Advance <= sh.Shape(Run{Face: fam.Face(Regular), Text: "Hello"}).Advance {
		t.Error("bold is not wider than regular")
	}
	if fam.Face(Italic).Name() != "NotoSans-Italic.ttf" {
		t.Errorf("Italic face is named %q", fam.Face(Italic).Name())
	}
}

func TestNewFamilyFallbacks(t *testing.T) {
	r, b, i := &Face{name: "r"}, &Face{name: "b"}, &Face{name: "i"}
	cases := []struct {
		given [4]*Face
		want  [4]string
	}{
		{[4]*Face{r, nil, nil, nil}, [4]string{"r", "r", "r", "r"}},
		{[4]*Face{r, b, nil, nil}, [4]string{"r", "b", "r", "b"}},
		{[4]*Face{r, nil, i, nil}, [4]string{"r", "r", "i", "i"}},
		{[4]*Face{nil, b, nil, nil}, [4]string{"b", "b", "b", "b"}},
	}
	for _, c := range cases {
		fam := NewFamily("x", c.given[0], c.given[1], c.given[2], c.given[3])
		for s := Regular; s <= BoldItalic; s++ {
			if got := fam.Face(s).Name(); got != c.want[s] {
				t.Errorf("given %v: Face(%v) = %s, want %s", c.want, s, got, c.want[s])
			}
		}
	}
	if NewFamily("none", nil, nil, nil, nil).Face(Bold) != nil {
		t.Error("empty family returned a face")
	}
}

func TestStyle(t *testing.T) {
	want := map[Style]string{Regular: "Regular", Bold: "Bold", Italic: "Italic", BoldItalic: "BoldItalic"}
	for s, w := range want {
		if s.String() != w {
			t.Errorf("%d: %q, want %q", s, s.String(), w)
		}
	}
}
