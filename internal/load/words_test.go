package load

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"handout/internal/i18n"
)

func TestSiteWords(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.yaml", "name: C\nwords:\n  es:\n    page: \"Pág. {n} de {total}\"\n    written_by: Redactado por\n")
	s, err := Site(good)
	if err != nil {
		t.Fatal(err)
	}
	strs, ok, err := i18n.ForSite("es-MX", s.Words)
	if err != nil || !ok || strs.PageOf(1, 2) != "Pág. 1 de 2" || strs.WrittenBy != "Redactado por" {
		t.Fatalf("ForSite(es-MX) = %q, %q, %v, %v", strs.PageOf(1, 2), strs.WrittenBy, ok, err)
	}
	if other, _, _ := i18n.ForSite("vi", s.Words); other.PageOf(1, 2) != "Trang 1/2" {
		t.Errorf("Spanish words reached Vietnamese: %q", other.PageOf(1, 2))
	}

	bad := writeFile(t, dir, "bad.yaml", "name: C\nwords:\n  es:\n    pgae: x\n    page: Pág.\n  not_a_tag!:\n    page: \"{n}\"\n  vi:\n    footer: \"Gọi {fone}\"\n")
	_, err = Site(bad)
	if err == nil {
		t.Fatal("bad words were accepted")
	}
	for _, want := range []string{
		"bad.yaml:4:5: words.es: pgae is not a renderer word", "did you mean page?",
		`bad.yaml:5:5: words.es: page "Pág." does not hold {n}`,
		`bad.yaml:6:3: words: "not_a_tag!" is not a BCP 47 language tag`,
		`bad.yaml:9:13: words.vi.footer: `,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

// A leaflet typed in decomposed form (a letter, then its combining
// accents) is read as composed text, so the accents print on the letters.
func TestLeafletIsReadAsNFC(t *testing.T) {
	dir := t.TempDir()
	nfd := norm.NFD.String("title: Vàng da ở trẻ sơ sinh\nlanguage: vi\nsections:\n  - body: [Gọi bác sĩ.]\n")
	path := writeFile(t, dir, "nfd.yaml", nfd)
	l, err := Leaflet(path)
	if err != nil {
		t.Fatal(err)
	}
	if l.Title.Raw != "Vàng da ở trẻ sơ sinh" || !norm.NFC.IsNormalString(l.Title.Raw) {
		t.Errorf("title %q is not the composed text", l.Title.Raw)
	}
	if p, err := ParseLeaflet("mem.yaml", []byte(nfd)); err != nil || p.Title.Raw != l.Title.Raw {
		t.Errorf("ParseLeaflet: %v, %q", err, p.Title.Raw)
	}
}
