package typeset

import (
	"strings"
	"sync"
	"testing"

	"handout/fonts"
	"handout/internal/font"
	"handout/internal/i18n"
	"handout/internal/load"
)

var (
	scriptSetOnce sync.Once
	scriptSet     *font.Set
)

// scriptFonts is Noto Sans with the catalog's Chinese, Korean and Arabic
// families as fallbacks.
func scriptFonts(t testing.TB) *font.Set {
	scriptSetOnce.Do(func() {
		c := fonts.NewCatalog()
		var fams []*font.Family
		for _, name := range []string{fonts.DroidSansFallbackName, fonts.NanumGothicName, fonts.NaskhArabicName} {
			data, err := c.Faces(name)
			if err != nil {
				panic(err)
			}
			reg, err := font.Parse(name, data.Regular)
			if err != nil {
				panic(err)
			}
			fams = append(fams, font.NewFamily(name, reg, nil, nil, nil))
		}
		noto, err := font.LoadNotoSans()
		if err != nil {
			panic(err)
		}
		scriptSet = font.NewSet(noto, fams...)
	})
	return scriptSet
}

// scriptTS is a typesetter for a document in lang, set in scriptFonts.
func scriptTS(t *testing.T, lang string) *typesetter {
	ts := newTS(t)
	ts.fonts, ts.lang = scriptFonts(t), lang
	ts.rtl, ts.wordBreaks, ts.closeSet = rtlLanguage(lang), wordBreaking(lang), closeSet(lang)
	return ts
}

func wordTexts(ws []word) []string {
	var out []string
	for _, w := range ws {
		var b strings.Builder
		for _, p := range w.pieces {
			b.WriteString(p.text)
		}
		out = append(out, b.String())
	}
	return out
}

// TestChineseBreaksBetweenIdeographsWithKinsoku: a line may end after any
// ideograph, but never before a closing mark nor after an opening one.
func TestChineseBreaksBetweenIdeographsWithKinsoku(t *testing.T) {
	ts := scriptTS(t, "zh-Hans")
	ws := wordTexts(ts.words(resolveRuns(textOf("宝宝发烧了（体温38°C），请多喝水。不要用“捂汗”的方法、也不要吃药！"), ts.value), ts.body()))
	if len(ws) < 20 {
		t.Fatalf("only %d break opportunities in %v; want one between most ideographs", len(ws), ws)
	}
	for _, w := range ws {
		if strings.ContainsAny(w[:len(string([]rune(w)[0]))], "、。，）」！”") {
			t.Errorf("a line could start with %q", w)
		}
		if r := []rune(w); strings.ContainsRune("（「“", r[len(r)-1]) {
			t.Errorf("a line could end with %q", w)
		}
	}
	// and a narrow column keeps the rules
	for _, width := range []float64{40, 55, 70, 100} {
		for _, ln := range ts.setText(textOf("宝宝发烧了（体温38°C），请多喝水。不要用“捂汗”的方法、也不要吃药！"), ts.body(), width) {
			var b strings.Builder
			for _, it := range ln.items {
				if tx, ok := it.(*Text); ok {
					b.WriteString(tx.Text)
				}
			}
			r := []rune(b.String())
			if len(r) > 0 && (strings.ContainsRune("、。，）」！”", r[0]) || strings.ContainsRune("（「“", r[len(r)-1])) {
				t.Errorf("width %g: line %q breaks a kinsoku rule", width, string(r))
			}
		}
	}
}

// TestKoreanBreaksAtSpaces: a Korean line breaks between words only.
func TestKoreanBreaksAtSpaces(t *testing.T) {
	ts := scriptTS(t, "ko")
	got := wordTexts(ts.words(resolveRuns(textOf("아기를 똑바로 눕혀서 재우세요(SIDS 예방)."), ts.value), ts.body()))
	want := []string{"아기를", "똑바로", "눕혀서", "재우세요(SIDS", "예방)."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("words %q, want %q", got, want)
	}
	// Chinese, for contrast, may break inside
	if ws := scriptTS(t, "zh-Hans").words(resolveRuns(textOf("아기를 똑바로"), ts.value), ts.body()); len(ws) < 3 {
		t.Errorf("outside Korean, Hangul breaks by UAX #14; got %d words", len(ws))
	}
}

// TestArabicLineIsRightToLeftWithLTRIslands: in an Arabic paragraph the
// first word is the rightmost, the runs are right to left except a Latin
// word and a number, which read left to right, and the line is flush
// right once the page is mirrored.
func TestArabicLineIsRightToLeftWithLTRIslands(t *testing.T) {
	leaf, err := load.ParseLeaflet("t.yaml", []byte("title: عنوان\nlanguage: ar\nsections:\n  - body:\n      - أرضعي طفلك Baby من 8 إلى 12 مرة.\n"))
	if err != nil {
		t.Fatal(err)
	}
	lay, err := load.Layout("letter")
	if err != nil {
		t.Fatal(err)
	}
	strs, _ := i18n.For("ar")
	doc, err := Typeset(Input{Leaflet: leaf, Site: testSite(), Layout: lay, Fonts: scriptFonts(t), Strings: strs,
		ImageSize: func(string) (int, int, bool) { return 1, 1, true }})
	if err != nil {
		t.Fatal(err)
	}
	var line []*Text
	for _, tx := range texts(doc.Pages[0]) {
		if strings.Contains(tx.Text, "طفلك") || tx.Text == "Baby" || strings.Contains(tx.Text, "12") {
			line = append(line, tx)
		}
	}
	var first, latin, number *Text
	right := 0.0
	for _, tx := range line {
		right = max(right, tx.X+tx.Width)
		switch {
		case strings.HasPrefix(tx.Text, "أرضعي"):
			first = tx
		case strings.Contains(tx.Text, "Baby"):
			latin = tx
		case strings.Contains(tx.Text, "12"):
			number = tx
		}
	}
	if first == nil || latin == nil {
		t.Fatalf("runs %v", line)
	}
	if !first.RTL || latin.RTL {
		t.Errorf("directions: %q RTL=%v, %q RTL=%v", first.Text, first.RTL, latin.Text, latin.RTL)
	}
	if first.X <= latin.X {
		t.Errorf("the first word (x=%.1f) is not right of the Latin one (x=%.1f)", first.X, latin.X)
	}
	if number != nil && number.RTL && strings.TrimSpace(number.Text) == "12" {
		t.Errorf("the number is set right to left")
	}
	if margin := lay.PageWidth - lay.MarginOutside; right < margin-0.5 || right > margin+0.5 {
		t.Errorf("the line ends at %.1f, want the right margin %.1f", right, margin)
	}
}

func TestVisualOrder(t *testing.T) {
	cases := []struct {
		levels []uint8
		want   []int
	}{
		{[]uint8{0, 0, 0}, []int{0, 1, 2}},
		{[]uint8{1, 1, 1}, []int{2, 1, 0}},
		{[]uint8{1, 2, 2, 1}, []int{3, 1, 2, 0}},
		{[]uint8{0, 1, 1, 0}, []int{0, 2, 1, 3}},
	}
	for _, c := range cases {
		if got := visualOrder(c.levels); fmtInts(got) != fmtInts(c.want) {
			t.Errorf("visualOrder(%v) = %v, want %v", c.levels, got, c.want)
		}
	}
}

func fmtInts(v []int) string {
	var b strings.Builder
	for i, x := range v {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte(byte('0' + x))
	}
	return b.String()
}
