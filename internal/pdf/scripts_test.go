package pdf

import (
	"testing"

	"handout/fonts"
)

// Every family handout embeds for other scripts parses, subsets and draws;
// where one glyph per character is the right shaping (CJK, Hangul,
// Armenian, Ethiopic), the text also comes back out.
func TestCatalogFamiliesEmbed(t *testing.T) {
	samples := map[string]struct {
		text    string
		extract bool
	}{
		fonts.NaskhArabicName:       {"سلام", false},
		fonts.NastaliqUrduName:      {"سلام", false},
		fonts.DevanagariName:        {"नमस", false},
		fonts.BengaliName:           {"নমস", false},
		fonts.GujaratiName:          {"નમસ", false},
		fonts.GurmukhiName:          {"ਨਮਸ", false},
		fonts.ArmenianName:          {"Բարեւ", true},
		fonts.KhmerName:             {"សួស", false},
		fonts.EthiopicName:          {"ሰላም", true},
		fonts.HebrewName:            {"שלום", false},
		fonts.DroidSansFallbackName: {"宝宝发烧", true},
		fonts.NanumGothicName:       {"아기 잠", true},
	}
	cat := fonts.NewCatalog()
	for _, fam := range cat.Families() {
		s, ok := samples[fam.Name]
		if !ok {
			continue
		}
		t.Run(fam.Name, func(t *testing.T) {
			faces, err := cat.Faces(fam.Name)
			if err != nil {
				t.Fatal(err)
			}
			p, err := ParseFont(faces.Regular)
			if err != nil {
				t.Fatal(err)
			}
			path, _ := writePDF(t, func(d *Document) {
				f := d.Font(p)
				d.AddPage(PageSpec{Width: 200, Height: 50}).Content().Glyphs(f, 14, 10, 20, shapeSimple(t, f, 14, s.text))
			})
			checkValid(t, path)
			if got := pdfText(t, path); s.extract && got != s.text {
				t.Errorf("pdftotext = %q, want %q", got, s.text)
			}
		})
	}
}
