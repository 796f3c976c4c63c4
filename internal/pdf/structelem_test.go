package pdf

import "testing"

func TestStructElemBytes(t *testing.T) {
	cases := []struct {
		e    StructElem
		want string
	}{
		{StructElem{S: "Document", P: Ref{3}},
			"<</Type/StructElem/S/Document/P 3 0 R>>"},
		{StructElem{S: "P", P: Ref{7}, Pg: Ref{4}, K: []Kid{{MCID: 0}, {Elem: Ref{9}}, {Pg: Ref{5}, MCID: 2}}},
			"<</Type/StructElem/S/P/P 7 0 R/Pg 4 0 R/K[0 9 0 R <</Type/MCR/Pg 5 0 R/MCID 2>>]>>"},
		{StructElem{S: "Link", P: Ref{7}, K: []Kid{{Annot: Ref{12}, Pg: Ref{4}}}, Lang: "es-US"},
			"<</Type/StructElem/S/Link/P 7 0 R/K[<</Type/OBJR/Obj 12 0 R/Pg 4 0 R>>]/Lang(es-US)>>"},
		{StructElem{S: "Figure", P: Ref{7}, Alt: "A (small) map", A: Dict{"O": Name("Layout"), "Placement": Name("Block")}},
			`<</Type/StructElem/S/Figure/P 7 0 R/Alt(A \(small\) map)/A<</O /Layout /Placement /Block>>>>`},
	}
	for _, c := range cases {
		if got := string(c.e.appendTo(nil)); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.e.S, got, c.want)
		}
	}
}
