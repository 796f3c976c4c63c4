package validate

import (
	"errors"
	"strings"
	"testing"
	"time"

	"handout/internal/font"
	"handout/internal/load"
	"handout/internal/model"
	"handout/internal/source"
)

func check(t *testing.T, leaflet string, site *model.Site, images func(string) error) []*Problem {
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
	return Check(Input{Leaflet: l, Site: site, Fonts: font.NewSet(fam), Images: images, AsOf: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)})
}

// messages lists the problems as "rule: message", one a line.
func messages(ps []*Problem) string {
	var s []string
	for _, p := range ps {
		s = append(s, string(p.Rule)+": "+p.Error())
	}
	return strings.Join(s, "\n")
}

func TestCheckFindsEveryProblem(t *testing.T) {
	site := &model.Site{File: "site.yaml", Name: "Clinic", Phone: "555 ☎", FieldPos: map[string]source.Pos{"phone": {File: "site.yaml", Line: 3, Col: 8}}}
	leaflet := "title: T\nsections:\n  - body:\n      - Call {phone} or see {website}.\n      - \"Tab\\u4e2d here\"\n      - image: {file: gone.png, alt: A picture}\n" +
		"      - table: {rows: [[\"a \\u4e2d\", \"{address}\"]]}\n      - image: {file: ok.png, alt: \" \"}\n" +
		"credits: {last_modified: 2025-05-31, last_reviewed: 2025-06-02}\n"
	errs := check(t, leaflet, site, func(p string) error {
		if p == "ok.png" {
			return nil
		}
		return errors.New("image file " + p + " does not exist")
	})
	got := messages(errs)
	for _, want := range []string{
		"placeholder: l.yaml:4:29: {website} is used here but the site site.yaml sets no website",
		"glyph: l.yaml:5:9: 2 characters in Han script cannot be drawn (first: U+4E2D (中))",
		"image: l.yaml:6:16: image file gone.png does not exist",
		"placeholder: l.yaml:7:38: {address} is used here",
		"alt-missing: l.yaml:8:16: the image has no alt text",
		"future-date: l.yaml:9:53: last_reviewed 2025-06-02 is in the future (checked as of 2025-06-01)",
		"glyph: site.yaml:3:8: character U+260E (☎)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if len(errs) != 7 {
		t.Errorf("%d problems, want 7:\n%s", len(errs), got)
	}
	if err := Err(errs); len(source.Flatten(err)) != 7 {
		t.Errorf("Err gives %d problems", len(source.Flatten(err)))
	}
	if Err(nil) != nil {
		t.Error("no problems must give a nil error")
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

// A leaflet in a script no font draws gets one error per script, at its
// first character, not one per character.
func TestOneGlyphErrorPerScript(t *testing.T) {
	site := &model.Site{File: "site.yaml", Name: "Clinic", Builtin: true}
	leaflet := "title: 发烧\nsections:\n  - body:\n      - 宝宝发烧了怎么办？请致电。\n      - 아기 열 😀 😀\n"
	errs := check(t, leaflet, site, nil)
	got := messages(errs)
	for _, want := range []string{
		"glyph: l.yaml:1:8: 13 characters in Han script cannot be drawn (first: U+53D1 (发))",
		"glyph: l.yaml:4:17: 4 characters in punctuation and symbols cannot be drawn (first: U+FF1F (？))", // ？。 and the two emoji
		"glyph: l.yaml:5:9: 3 characters in Hangul script cannot be drawn (first: U+C544 (아))",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if len(errs) != 3 {
		t.Errorf("%d problems, want 3 (Han, punctuation and symbols, Hangul):\n%s", len(errs), got)
	}
}
