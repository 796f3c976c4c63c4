package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/internal/model"
	"handout/internal/source"
)

const okLeaflet = `title: Test
sections:
  - body:
      - Hello.
`

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLeafletBadInput(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"empty", "", "x.yaml:1:1: file is empty"},
		{"only comments", "# nothing\n", "x.yaml:1:1: file is empty"},
		{"malformed", "title: [a, b\nsections: []\n", "x.yaml:1:1: invalid YAML: did not find expected ',' or ']'"},
		{"tab", "title: T\nsections:\n\t- body: [x]\n", "x.yaml:3:1: tab character in indentation"},
		{"not a mapping", "- a\n- b\n", "x.yaml:1:1: this is not a leaflet (no `title:` or `sections:` found)"},
		{"unknown field", okLeaflet + "subtitel: x\n", `x.yaml:5:1: unknown field "subtitel" in the leaflet (did you mean "subtitle"?)`},
		{"unknown field far", okLeaflet + "zebra: x\n", `x.yaml:5:1: unknown field "zebra" in the leaflet (known fields: title, sections`},
		{"duplicate", okLeaflet + "title: again\n", `x.yaml:5:1: field "title" given twice (first at line 1)`},
		{"missing title", "sections:\n  - body: [x]\n", `x.yaml:1:1: the leaflet is missing the required field "title"`},
		{"missing sections", "title: T\n", `x.yaml:1:1: the leaflet is missing the required field "sections"`},
		{"empty sections", "title: T\nsections: []\n", "x.yaml:2:11: sections is empty"},
		{"wrong type", "title: T\nsections: hello\n", `x.yaml:2:11: sections must be a list, not the text "hello"`},
		{"title is a list", "title: [a]\nsections:\n  - body: [x]\n", "x.yaml:1:8: title must be text, not a list"},
		{"second section without heading", "title: T\nsections:\n  - body: [x]\n  - body: [y]\n", "x.yaml:4:5: section 2 has no heading"},
		{"unknown block", "title: T\nsections:\n  - body:\n      - bulets: [a]\n", `x.yaml:4:9: unknown block type "bulets" (did you mean "bullets"?)`},
		{"two block types", "title: T\nsections:\n  - body:\n      - bullets: [a]\n        steps: [b]\n", "x.yaml:4:9: a block has exactly one type"},
		{"unknown placeholder", "title: T\nsections:\n  - body:\n      - Call {phon} now.\n", `x.yaml:4:14: unknown placeholder {phon} (did you mean {phone}?)`},
		{"lone brace", "title: T\nsections:\n  - body:\n      - \"a { b\"\n", "x.yaml:4:12: unmatched '{'"},
		{"bad date", "title: T\nsections:\n  - body: [x]\ncredits:\n  last_modified: 2009-13-45\n", `x.yaml:5:18: last_modified "2009-13-45" is not a date (write it as YYYY-MM-DD`},
		{"bad language", "title: T\nlanguage: english!\nsections:\n  - body: [x]\n", `x.yaml:2:11: language "english!" is not a BCP 47 tag`},
		{"bad note style", "title: T\nsections:\n  - body:\n      - note: {title: x, style: loud}\n", `x.yaml:4:33: unknown note style "loud" (use info, warning or urgent)`},
		{"image without alt", "title: T\nsections:\n  - body:\n      - image: {file: a.png}\n", `x.yaml:4:16: an image is missing the required field "alt"`},
		{"bad width", "title: T\nsections:\n  - body:\n      - image: {file: a.png, alt: x, width: 150%}\n", `x.yaml:4:45: width "150%" must be a percentage`},
		{"bad length", "title: T\nsections:\n  - body:\n      - image: {file: a.png, alt: x, width: 3 furlongs}\n", `x.yaml:4:45: width "3 furlongs" is not a length`},
		{"ragged table", "title: T\nsections:\n  - body:\n      - table: {header: [a, b], rows: [[1, 2], [3]]}\n", "x.yaml:4:48: this row has 1 cells but the table has 2 columns"},
		{"alias", "title: &t T\nsubtitle: *t\nsections:\n  - body: [x]\n", "x.yaml:2:11: YAML aliases are not supported"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseLeaflet("x.yaml", []byte(c.src))
			if err == nil {
				t.Fatalf("no error; want %q", c.want)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error:\n%v\nwant it to contain:\n%s", err, c.want)
			}
		})
	}
}

func TestLeafletCollectsEveryProblem(t *testing.T) {
	src := "title: T\nsubtitel: x\nsections:\n  - body:\n      - bulets: [a]\n      - Call {fone}.\n"
	_, err := ParseLeaflet("x.yaml", []byte(src))
	es, ok := err.(source.Errors)
	if !ok || len(es) != 3 {
		t.Fatalf("want 3 problems, got %v", err)
	}
}

func TestLeafletModel(t *testing.T) {
	src := `title: Let-Down Reflex
subtitle: What to expect
language: es-MX
sections:
  - heading: First
    body:
      - A **bold** start with {phone}.
      - bullets: [one, {text: two, steps: [a, b]}]
      - steps: [go]
      - note: short
      - note: {title: "Call {phone}", style: urgent, body: [now]}
      - image: {file: images/x.png, alt: A picture, caption: Cap, width: 60%}
      - image: {file: y.jpg, alt: B, width: 2in}
      - table: {header: [A, B], rows: [[1, 2]]}
      - subheading: Sub
credits:
  written_by: Staff
  last_modified: 2009-01-09
`
	l, err := ParseLeaflet("dir/x.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if l.Language != "es-MX" || l.Title.Raw != "Let-Down Reflex" || l.Subtitle.Raw != "What to expect" {
		t.Fatalf("header fields wrong: %+v", l)
	}
	body := l.Sections[0].Body
	if len(body) != 9 {
		t.Fatalf("want 9 blocks, got %d", len(body))
	}
	list := body[1].(*model.List)
	if list.Ordered || len(list.Items) != 2 || len(list.Items[1].Children) != 1 || !list.Items[1].Children[0].(*model.List).Ordered {
		t.Fatalf("bullets wrong: %+v", list)
	}
	if !body[2].(*model.List).Ordered {
		t.Fatal("steps should be ordered")
	}
	if n := body[4].(*model.Note); n.Style != model.NoteUrgent || n.Title.Raw != "Call {phone}" || len(n.Body) != 1 {
		t.Fatalf("note wrong: %+v", n)
	}
	img := body[5].(*model.Image)
	if img.Path != filepath.Join("dir", "images", "x.png") || img.Width.Percent != 60 || img.Alt != "A picture" {
		t.Fatalf("image wrong: %+v", img)
	}
	if w := body[6].(*model.Image).Width.Points; w != 144 {
		t.Fatalf("2in = %v pt, want 144", w)
	}
	if tb := body[7].(*model.Table); len(tb.Header) != 2 || len(tb.Rows) != 1 {
		t.Fatalf("table wrong: %+v", tb)
	}
	if got := l.Credits.LastModified.Time.Format("2006-01-02"); got != "2009-01-09" {
		t.Fatalf("date = %s", got)
	}
	if p := body[0].Position(); p.Line != 7 || p.Col != 9 {
		t.Fatalf("paragraph position = %v, want line 7 col 9", p)
	}
}

func TestSiteAndErrors(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "site.yaml", "name: Clinic\nphone: 555-0100\naccent_color: \"#7A1F5C\"\nheader_image: h.png\nfooter_text: Call {phone}.\n")
	s, err := Site(dir)
	if err != nil {
		t.Fatal(err)
	}
	if s.Name != "Clinic" || s.Accent.Hex() != "#7a1f5c" || s.HeaderImage != filepath.Join(dir, "h.png") || s.FooterText.Raw != "Call {phone}." {
		t.Fatalf("site wrong: %+v", s)
	}
	bad := writeFile(t, dir, "bad.yaml", "name: Clinic\naccent_color: purple\nphonne: 1\n")
	_, err = Site(bad)
	for _, want := range []string{`bad.yaml:2:15: accent_color "purple" is not a color`, `bad.yaml:3:1: unknown field "phonne" in the site (did you mean "phone"?)`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v; want %q", err, want)
		}
	}
	if _, err := Site(filepath.Join(dir, "missing")); err == nil || !strings.Contains(err.Error(), "no site folder or file") {
		t.Errorf("missing site: %v", err)
	}
}

// TestMistypedSiteListsTheSites checks a --site that names nothing lists
// the site folders beside it and suggests the closest.
func TestMistypedSiteListsTheSites(t *testing.T) {
	dir := t.TempDir()
	for _, s := range []string{"riverside", "hillcrest"} {
		if err := os.MkdirAll(filepath.Join(dir, s), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, s), "site.yaml", "name: "+s+"\n")
	}
	_, err := Site(filepath.Join(dir, "riversde"))
	want := "did you mean " + filepath.Join(dir, "riverside") + "? sites found: " + filepath.Join(dir, "hillcrest") + ", " + filepath.Join(dir, "riverside")
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v; want %q", err, want)
	}
}

// TestYAMLSyntaxErrorAtTheMistake checks a syntax error points at the line
// of the mistake, not where the parser's construct began, with a hint.
func TestYAMLSyntaxErrorAtTheMistake(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"title: T\nsections:\n  - heading: One\n    body:\n      - First.\n     - Second.\n", "t.yaml:6:6: invalid YAML: did not find expected key (check the indentation"},
		{"title: T\nsections:\n  - heading: One\n    body: [x]\n  - heading: Step 1: wash\n    body: [x]\n", `t.yaml:5:3: invalid YAML: mapping values are not allowed in this context (a value that holds ": " must be quoted`},
		{"title: T\nsections:\n  - heading: One\n    body:\n      - First.\n      Second.\n      - Third.\n", "t.yaml:6:7: invalid YAML: could not find expected ':' (a list item starts with"},
	} {
		_, err := ParseLeaflet("t.yaml", []byte(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v; want %q", c.src, err, c.want)
		}
	}
}

func TestLayouts(t *testing.T) {
	for _, name := range []string{"letter", "a4", "legal", "a5"} {
		l, err := Layout(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if l.PageWidth <= 0 || l.BodySize <= 0 {
			t.Fatalf("%s: empty layout %+v", name, l)
		}
	}
	l, _ := Layout("a4")
	if int(l.PageWidth*100) != 59528 || int(l.PageHeight*100) != 84189 {
		t.Fatalf("a4 = %v x %v", l.PageWidth, l.PageHeight)
	}
	if _, err := Layout("leter"); err == nil || !strings.Contains(err.Error(), `unknown layout "leter" (did you mean "letter"?)`) {
		t.Fatalf("unknown layout: %v", err)
	}
	cases := []struct{ src, want string }{
		{"page: {size: a4, orientation: landscape}\n", ""},
		{"page: {width: 5in, height: 7in}\n", ""},
		{"page: {size: tabloid}\n", `l.yaml:1:14: unknown page size "tabloid"`},
		{"margins: {top: 1 inch}\n", `l.yaml:1:16: top "1 inch" is not a length`},
		{"margins: {inside: 4in, outside: 4in}\n", "the text column is only"},
		{"text: {align: center}\n", `l.yaml:1:15: align must be left or justify, not "center"`},
		{"text: {leading: 7}\n", "leading 7 is outside 1 to 3"},
		{"page: {width: 5in}\n", "give both width and height"},
		{"columns: {count: 2, gutter: 0.3in}\n", ""},
		{"columns: {count: 7}\n", "columns count must be a whole number from 1 to 4"},
		{"columns: {gutter: 1in}\n", `l.yaml:1:10: columns is missing the required field "count"`},
		{"page: {size: letter, orientation: landscape}\nfold: {panels: [3.625in, 3.6875in, 3.6875in]}\n", ""},
		{"page: {size: letter, orientation: landscape}\nfold: {panels: [3in, 3in]}\n", "a folded leaflet has 3 panels per side, not 2"},
		{"page: {size: letter, orientation: landscape}\nfold: {panels: [3in, 3in, 3in]}\n", "the panels add up to 9in but the sheet is 11in wide"},
		{"page: {width: 5.5in, height: 8.5in}\nimposition: {type: booklet, sheet: letter}\n", ""},
		{"imposition: {type: perfect, sheet: letter}\n", `imposition type must be booklet, not "perfect"`},
		{"imposition: {type: booklet, sheet: tabloid}\n", `unknown sheet size "tabloid"`},
		{"print: {bleed: 3mm, crop_marks: true}\n", ""},
		{"print: {bleed: 2in}\n", "bleed 2in is more than 1 in"},
		{"print: {crop_marks: maybe}\n", `crop_marks must be true or false, not "maybe"`},
		{"margins: {top: 0.2in}\n", "margins.top 0.2in puts text inside the 0.25in safe zone from the trim"},
		{"margins: {top: 0.2in}\nprint: {safe_zone: 0.125in}\n", ""},
		{"text: {size: 200pt}\n", "l.yaml:1:7: text sizes must be between 4 pt and 72 pt"},
		{"page: {size: a5}\ncolumns: {count: 4, gutter: 1in}\n", "l.yaml:2:10: each column is only"},
		{"page: {size: letter, orientation: landscape}\nfold: {panels: [3.625in, 3.6875in, 3.6875in], panel_margin: 1.7in}\n", "l.yaml:2:7: the text in a panel is only"},
		{"margins: {top: 5in, bottom: 5in}\n", "l.yaml:1:10: the text area is only"},
		{"page: {size: letter}\nimposition: {type: booklet, sheet: letter}\n", "l.yaml:2:13: two 8.5in x 11in pages do not fit side by side on a 11in x 8.5in sheet"},
		{"text: {bullets: stars}\n", `bullets must be bullets or numbers, not "stars"`},
		{"text: {max_line: 6in, bullets: numbers}\n", ""},
	}
	for _, c := range cases {
		l, err := ParseLayout("l", "l.yaml", []byte(c.src))
		if c.want == "" {
			if err != nil {
				t.Errorf("%q: %v", c.src, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v; want %q", c.src, err, c.want)
		}
		_ = l
	}
	land, _ := ParseLayout("l", "l.yaml", []byte("page: {size: a4, orientation: landscape}\n"))
	if land.PageWidth < land.PageHeight {
		t.Errorf("landscape not applied: %v x %v", land.PageWidth, land.PageHeight)
	}
}

func TestHeaderGapMustLeaveRoomForTheImage(t *testing.T) {
	_, err := ParseLayout("g", "g.yaml", []byte("header_height: 0.5in\nheader_gap: 0.5in\n"))
	if err == nil || !strings.Contains(err.Error(), "g.yaml:2:13: header_gap 0.5in leaves no room for the header image") {
		t.Errorf("error %v", err)
	}
	l, err := ParseLayout("g", "g.yaml", []byte("header_gap: 20pt\n"))
	if err != nil || l.HeaderGap != 20 {
		t.Errorf("header_gap 20pt: %v, %v", l, err)
	}
}
