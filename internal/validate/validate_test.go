package validate

import (
	"errors"
	"strings"
	"testing"

	"handout/internal/font"
	"handout/internal/load"
	"handout/internal/model"
	"handout/internal/source"
)

func check(t *testing.T, leaflet string, site *model.Site, images func(string) error) []error {
	t.Helper()
	l, err := load.ParseLeaflet("l.yaml", []byte(leaflet))
	if err != nil {
		t.Fatal(err)
	}
	fam, err := font.LoadNotoSans()
	if err != nil {
		t.Fatal(err)
	}
	if images == nil {
		images = func(string) error { return nil }
	}
	return Check(Input{Leaflet: l, Site: site, Fonts: font.NewSet(fam), Images: images})
}

func messages(errs []error) string {
	var s []string
	for _, e := range errs {
		s = append(s, e.Error())
	}
	return strings.Join(s, "\n")
}

func TestCheckFindsEveryProblem(t *testing.T) {
	site := &model.Site{File: "site.yaml", Name: "Clinic", Phone: "555 ☎", FieldPos: map[string]source.Pos{"phone": {File: "site.yaml", Line: 3, Col: 8}}}
	leaflet := "title: T\nsections:\n  - body:\n      - Call {phone} or see {website}.\n      - \"Tab\\u4e2d here\"\n      - image: {file: gone.png, alt: A picture}\n"
	errs := check(t, leaflet, site, func(p string) error { return errors.New("image file " + p + " does not exist") })
	got := messages(errs)
	for _, want := range []string{
		"l.yaml:4:29: {website} is used here but the site site.yaml sets no website",
		"l.yaml:5:9: character U+4E2D",
		"l.yaml:6:16: image file gone.png does not exist",
		"site.yaml:3:8: character U+260E (☎)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}

func TestCheckPassesGoodInput(t *testing.T) {
	site := &model.Site{File: "site.yaml", Name: "Clinic", Phone: "555-0100", Website: "https://example.org"}
	if errs := check(t, "title: Ünïcödé — “quotes”\nsections:\n  - body:\n      - Call {phone} at {website}.\n", site, nil); len(errs) > 0 {
		t.Fatalf("unexpected problems:\n%s", messages(errs))
	}
	// without a site, placeholders read generically and are fine
	if errs := check(t, "title: T\nsections:\n  - body:\n      - See {address}.\n", &model.Site{Builtin: true}, nil); len(errs) > 0 {
		t.Fatalf("unexpected problems:\n%s", messages(errs))
	}
}
