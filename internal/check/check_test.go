package check

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handout/internal/model"
	"handout/layouts"
)

var repo = filepath.Join("..", "..")

var asOf = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)

// samplesAsOf is a day within the samples' review period, so tests of the
// samples do not depend on the day they run.
var samplesAsOf = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// write creates files in a temporary folder and returns its path.
func write(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func writePNG(t *testing.T, path string, w, h int) {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func run(t *testing.T, paths []string, opts Options) *Report {
	t.Helper()
	if opts.AsOf.IsZero() {
		opts.AsOf = asOf
	}
	r, err := Run(paths, opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// findings returns the findings with a code, in every file.
func findings(r *Report, code string) []Finding {
	var out []Finding
	for _, f := range r.Files {
		for _, x := range f.Findings {
			if x.Code == code {
				out = append(out, x)
			}
		}
	}
	return out
}

func want(t *testing.T, r *Report, code string, n int, contains ...string) []Finding {
	t.Helper()
	got := findings(r, code)
	if len(got) != n {
		t.Fatalf("%d %s findings, want %d:\n%s", len(got), code, n, dump(r))
	}
	for _, c := range contains {
		found := false
		for _, x := range got {
			if strings.Contains(x.String(), c) {
				found = true
			}
		}
		if !found {
			t.Errorf("no %s finding contains %q:\n%s", code, c, dump(r))
		}
	}
	return got
}

func dump(r *Report) string {
	var b bytes.Buffer
	WriteText(&b, r, false)
	return b.String()
}

func leafletFile(r *Report, suffix string) *File {
	for _, f := range r.Files {
		if strings.HasSuffix(f.Path, suffix) {
			return f
		}
	}
	return nil
}

// TestSamples checks the shipped samples: no errors, and the readability
// counts that were verified by hand (docs/check.md).
func TestSamples(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(repo, "content", "leaflets", "*.yaml"))
	r := run(t, paths, Options{AsOf: samplesAsOf})
	if n := r.Count(Error); n != 0 {
		t.Fatalf("%d errors in the samples:\n%s", n, dump(r))
	}
	for _, f := range r.Files {
		for _, x := range f.Findings {
			unmeasured := x.Code == CodeLanguage && x.Severity == Hint && f.Reading == nil
			if x.Code != CodeLongSentence && !unmeasured {
				t.Errorf("unexpected finding in a sample: %s", x)
			}
		}
	}
	for _, c := range []struct {
		file                       string
		words, sentences, syllable int
		grade                      float64 // Flesch–Kincaid, or Fernández-Huerta for Spanish
	}{
		{"let-down-reflex.yaml", 608, 48, 796, 4.8},
		{"breastfeeding-first-weeks.yaml", 1371, 129, 1801, 4.06},
		{"reflejo-de-bajada.yaml", 288, 26, 543, 82.4},
	} {
		f := leafletFile(r, c.file)
		if f == nil || f.Reading == nil {
			t.Fatalf("%s not measured", c.file)
		}
		st := f.Reading.Stats
		if st.Words != c.words || st.Sentences != c.sentences || st.Syllables != c.syllable {
			t.Errorf("%s: %+v, want %d words, %d sentences, %d syllables", c.file, st, c.words, c.sentences, c.syllable)
		}
		got := f.Reading.FleschKincaid
		if f.Reading.Language == "es" {
			got = f.Reading.FernandezHuerta
		}
		if math.Abs(got-c.grade) > 0.05 {
			t.Errorf("%s: level %.2f, want %.1f", c.file, got, c.grade)
		}
		if f.Reading.AboveTarget || len(f.Reading.Sections) == 0 {
			t.Errorf("%s: above target or no sections", c.file)
		}
	}
}

func TestAllLoadErrorsAtOnce(t *testing.T) {
	dir := write(t, map[string]string{"leaf.yaml": "title: T\nsubtitel: x\nsections:\n  - body: [Hello.]\n    colour: red\ncredits: {last_reviewed: 22/11/2009}\n"})
	r := run(t, []string{filepath.Join(dir, "leaf.yaml")}, Options{})
	want(t, r, CodeInvalid, 3, `leaf.yaml:2:1: error: unknown field "subtitel" in the leaflet (did you mean "subtitle"?)`,
		`leaf.yaml:5:5: error: unknown field "colour"`, `leaf.yaml:6:26: error: last_reviewed "22/11/2009" is not a date`)
	if !r.Failed(false) {
		t.Error("errors must fail the check")
	}
}

func TestRendererErrors(t *testing.T) {
	dir := write(t, map[string]string{
		"leaf.yaml": `title: T
sections:
  - body:
      - Smile Ꭰ now. Call us at {phone}.
      - See {website}.
      - image: {file: nope.png, alt: " "}
credits:
  last_modified: 2025-07-01
  last_reviewed: 2025-05-01
`,
		"site/site.yaml": "name: C\nphone: 555-0100\n",
	})
	r := run(t, []string{filepath.Join(dir, "leaf.yaml")}, Options{Site: filepath.Join(dir, "site")})
	want(t, r, CodeGlyph, 1, "leaf.yaml:4:15: error: character U+13A0 (Ꭰ) cannot be drawn")
	want(t, r, CodePlaceholder, 1, "leaf.yaml:5:13: error: {website} is used here but the site")
	want(t, r, CodeImage, 1, "leaf.yaml:6:16: error: image file")
	want(t, r, CodeAltMissing, 1, "leaf.yaml:6:16: error: the image has no alt text")
	want(t, r, CodeFutureDate, 1, "leaf.yaml:8:18: error: last_modified 2025-07-01 is in the future (checked as of 2025-06-01)")
	if r.Count(Error) != 5 {
		t.Errorf("want 5 errors:\n%s", dump(r))
	}
}

func TestReview(t *testing.T) {
	body := "title: T\nsections:\n  - body: [Call us if you are worried.]\n"
	dir := write(t, map[string]string{
		"none.yaml":  body,
		"old.yaml":   body + "credits:\n  last_reviewed: 2023-01-15\n",
		"fresh.yaml": body + "credits:\n  last_reviewed: 2024-01-15\n",
	})
	paths := []string{filepath.Join(dir, "none.yaml"), filepath.Join(dir, "old.yaml"), filepath.Join(dir, "fresh.yaml")}
	r := run(t, paths, Options{})
	want(t, r, CodeReviewMissing, 1, "none.yaml:1:8: warning: the leaflet has no last_reviewed date")
	want(t, r, CodeReviewOverdue, 1, "old.yaml:5:18: warning: last reviewed 2023-01-15, 28 months before 2025-06-01; the review period is 24 months, so it was due on 2025-01-15")
	r = run(t, paths, Options{ReviewMonths: 12})
	want(t, r, CodeReviewOverdue, 2, "fresh.yaml:5:18: warning: last reviewed 2024-01-15, 16 months before 2025-06-01")
	if r.Failed(false) || !r.Failed(true) {
		t.Error("warnings fail only with strict")
	}
}

func TestWriting(t *testing.T) {
	dir := write(t, map[string]string{"leaf.yaml": `title: Fever
sections:
  - heading: What to do
    body:
      - >-
        Take the temperature. Write it down. Keep the baby cool. Offer the
        breast often. Dress the baby lightly. Check again in an hour. Call us
        if it goes up.
      - Give plenty of fluids, and if your baby will not feed, seems floppy or
        unusually sleepy, or has a rash that does not fade under a glass, call us
        at once.
      - "**Never give aspirin to a baby. Never shake a baby. Always check the dose.**"
credits:
  last_reviewed: 2025-01-01
`})
	r := run(t, []string{filepath.Join(dir, "leaf.yaml")}, Options{})
	want(t, r, CodeLongParagraph, 1, "leaf.yaml:5:9: warning: paragraph of 7 sentences")
	want(t, r, CodeLongSentence, 1, `leaf.yaml:9:9: warning: sentence of 31 words: "Give plenty of fluids, and if your baby …"`)
	// 14 bold words of 29 + 31 + 14 in the paragraphs and list items
	want(t, r, CodeEmphasis, 1, "leaf.yaml:12:10: warning: 19% of the running text (14 of 74 words) is bold or italic")
}

func TestSentencePositionsInFoldedText(t *testing.T) {
	dir := write(t, map[string]string{"leaf.yaml": `title: T
sections:
  - body:
      - >-
        One two three. Four five six seven eight nine ten eleven twelve
        thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty
        twentyone twentytwo twentythree twentyfour twentyfive twentysix.
      - First words here. Then a sentence that runs on and on, well past the twenty-five
        words that a reader can hold in mind at once, until it finally ends here at last.
      - 'Quoted one. A second sentence that is long enough to warn about, because
        it goes on and on and on without an end or a pause for breath, at least for a while.'
`})
	r := run(t, []string{filepath.Join(dir, "leaf.yaml")}, Options{})
	// Four..twentysix: 23 words; Then..last: 29; A second..while: 31
	want(t, r, CodeLongSentence, 2, "leaf.yaml:8:27: warning: sentence of 29", "leaf.yaml:10:22: warning: sentence of 31")
	at := map[string]string{}
	for _, h := range leafletFile(r, "leaf.yaml").Reading.Hardest {
		at[strings.Fields(h.Text)[0]] = fmt.Sprintf("%d:%d", h.Pos.Line, h.Pos.Col)
	}
	if at["Four"] != "5:24" || at["Then"] != "8:27" {
		t.Errorf("sentences inside folded and multi-line text: %v", at)
	}
}

func TestReadingLevel(t *testing.T) {
	hard := `title: Postpartum Thyroiditis
sections:
  - heading: Understanding the condition
    body:
      - >-
        Postpartum thyroiditis is an inflammatory autoimmune condition affecting the thyroid gland
        during the first postpartum year. Hyperthyroid symptoms, including palpitations, irritability
        and unexplained weight reduction, characteristically precede a hypothyroid phase.
        Biochemical monitoring facilitates appropriate therapeutic intervention.
        Most women recover thyroid function within twelve to eighteen months.
  - heading: Easy part
    body:
      - Rest when you can. Eat well. Ask for help.
credits:
  last_reviewed: 2025-01-01
`
	dir := write(t, map[string]string{"hard.yaml": hard})
	r := run(t, []string{filepath.Join(dir, "hard.yaml")}, Options{})
	fs := want(t, r, CodeReadingLevel, 2, "hard.yaml:1:8: warning: the leaflet reads at grade",
		`hard.yaml:3:14: warning: section "Understanding the condition" reads at grade`)
	var section Finding
	for _, x := range fs {
		if strings.Contains(x.Message, "section") {
			section = x
		} else if len(x.Related) != 0 {
			t.Error("the leaflet-level warning repeats the sentences the section warning lists")
		}
	}
	if len(section.Related) < 2 || section.Related[0].Pos.Line != 9 || section.Related[0].Pos.Col != 9 ||
		section.Related[1].Pos.Line != 7 || section.Related[1].Pos.Col != 43 {
		t.Errorf("section warning should point at the hardest sentences, 9:9 and 7:43 first: %+v", section.Related)
	}
	f := leafletFile(r, "hard.yaml")
	if s := f.Reading.Sections; len(s) != 2 || !s[0].AboveTarget || s[1].AboveTarget {
		t.Errorf("sections: %+v", s)
	}
	// a generous target accepts it
	r = run(t, []string{filepath.Join(dir, "hard.yaml")}, Options{TargetGrade: 19})
	want(t, r, CodeReadingLevel, 0)
}

func TestSpanishReadingLevel(t *testing.T) {
	path := filepath.Join(repo, "content", "leaflets", "reflejo-de-bajada.yaml")
	r := run(t, []string{path}, Options{TargetGrade: 4})
	want(t, r, CodeReadingLevel, 4, "reflejo-de-bajada.yaml:1:8: warning: the leaflet scores 82.4 on Fernández-Huerta (easy, grade 5), below 90, the score for grade 4; INFLESZ 78.3 (fairly easy)")
}

func TestSiteChecks(t *testing.T) {
	dir := write(t, map[string]string{
		"pale/site.yaml": "name: Pale Clinic\naccent_color: \"#99BBDD\"\nheader_image: head.png\n",
		"good/site.yaml": "name: Good Clinic\nphone: 555-0100\naccent_color: \"#0E5E63\"\n",
	})
	writePNG(t, filepath.Join(dir, "pale", "head.png"), 200, 20)
	r := run(t, []string{filepath.Join(dir, "pale"), filepath.Join(dir, "good", "site.yaml")}, Options{})
	want(t, r, CodeNoPhone, 1, "pale/site.yaml:1:1: warning: the site has no phone number")
	want(t, r, CodeContrast, 1, "pale/site.yaml:2:15: warning: accent color #99bbdd has a contrast ratio of 2.0:1")
	// 200 pixels across the 7 in column of letter: 28 ppi
	want(t, r, CodeImageResolution, 1, "pale/site.yaml:3:15: warning: the header image prints 7.0 in wide, so its 200 pixels give 28 ppi")
	if f := r.Files[1]; f.Kind != KindSite || len(f.Findings) != 0 {
		t.Errorf("good site: %+v", f)
	}
}

func TestLayoutChecks(t *testing.T) {
	dir := write(t, map[string]string{
		"small.yaml":  "text:\n  size: 10pt\n",
		"tight.yaml":  "margins: {bottom: 0.3in}\nfooter_height: 0.1in\n",
		"leaf.yaml":   "title: T\nsections:\n  - body: [Call us.]\ncredits: {last_reviewed: 2025-01-01}\n",
		"broken.yaml": "margins: {top: wide}\n",
	})
	r := run(t, []string{filepath.Join(dir, "small.yaml"), filepath.Join(dir, "tight.yaml"), filepath.Join(dir, "broken.yaml")}, Options{})
	want(t, r, CodeSmallText, 1, "small.yaml:2:9: warning: body text is 10 pt")
	want(t, r, CodeSafeZone, 1, "tight.yaml:2:16: error: the tight layout's 0.10 in footer band cannot hold one line of its 9.5 pt small text (the page number) (make footer_height at least 0.31in, or text.small smaller)")
	want(t, r, CodeInvalid, 1, `broken.yaml:1:16: error: top "wide" is not a length`)
	// a built-in layout is named by its name, and its small text is its
	// design, not a finding
	r = run(t, []string{filepath.Join(dir, "leaf.yaml")}, Options{Layout: "a5"})
	want(t, r, CodeSmallText, 0)
	if r.Layout != "a5 (built-in layout)" || r.Files[1].Path != "a5 (built-in layout)" {
		t.Errorf("layout group: %q %v", r.Layout, r.Files[1].Path)
	}
	// an unknown layout is an error of its own
	r = run(t, []string{filepath.Join(dir, "leaf.yaml")}, Options{Layout: "tabloid"})
	want(t, r, CodeInvalid, 1, `unknown layout "tabloid"`)
}

func TestImages(t *testing.T) {
	dir := write(t, map[string]string{"leaf.yaml": `title: T
sections:
  - body:
      - Call us.
      - image: {file: small.png, alt: image, width: 100%}
      - image: {file: small.png, alt: A small gray square.}
      - note:
          body:
            - image: {file: wide.png, alt: A wide gray band., width: 100%}
credits: {last_reviewed: 2025-01-01}
`})
	writePNG(t, filepath.Join(dir, "small.png"), 300, 200)
	writePNG(t, filepath.Join(dir, "wide.png"), 940, 100)
	r := run(t, []string{filepath.Join(dir, "leaf.yaml")}, Options{})
	want(t, r, CodeAltText, 1, `leaf.yaml:5:16: warning: the alt text "image" does not say what the image shows`)
	// at 100% of the 504 pt column 300 pixels give 42 ppi; at natural
	// size they give 150; in the note the column is 504 - 3.6 - 21.6 pt
	// = 6.65 in, so 940 pixels give 141 ppi
	want(t, r, CodeImageResolution, 2, "leaf.yaml:5:16: warning: the image prints 7.0 in wide, so its 300 pixels give 42 ppi",
		"(use a version at least 1050 pixels wide, or 2100 for the recommended 300 ppi)",
		"leaf.yaml:9:22: warning: the image prints 6.6 in wide, so its 940 pixels give 141 ppi")
}

func TestLanguageAndCallForHelp(t *testing.T) {
	dir := write(t, map[string]string{
		"de.yaml":    "title: Stillen\nlanguage: de\nsections:\n  - body: [Rufen Sie uns an.]\ncredits: {last_reviewed: 2025-01-01}\n",
		"quiet.yaml": "title: Sleep\nsections:\n  - body: [Babies sleep a lot.]\ncredits: {last_reviewed: 2025-01-01}\n",
		"urgent.yaml": "title: Sleep\nsections:\n  - body:\n      - note: {style: urgent, body: [Go to the hospital if the baby is blue.]}\n" +
			"credits: {last_reviewed: 2025-01-01}\n",
	})
	r := run(t, []string{filepath.Join(dir, "de.yaml"), filepath.Join(dir, "quiet.yaml"), filepath.Join(dir, "urgent.yaml")}, Options{})
	want(t, r, CodeLanguage, 2, `de.yaml:2:11: warning: no renderer words for language "de"`, `de.yaml:2:11: hint: the reading level is not measured`)
	want(t, r, CodeCallForHelp, 2, "quiet.yaml:1:8: hint: the leaflet never says when to call for help")
	if r := run(t, []string{filepath.Join(dir, "quiet.yaml")}, Options{}); r.Count(Hint) != 1 || r.Failed(true) {
		t.Error("hints never fail, even with strict")
	}
	if f := leafletFile(r, "de.yaml"); f.Reading != nil {
		t.Error("German should not be measured")
	}
}

func TestSiteFindingsReportedOnce(t *testing.T) {
	dir := write(t, map[string]string{
		"a.yaml":         "title: A\nsections:\n  - body: [Call us.]\ncredits: {last_reviewed: 2025-01-01}\n",
		"b.yaml":         "title: B\nsections:\n  - body: [Call us.]\ncredits: {last_reviewed: 2025-01-01}\n",
		"site/site.yaml": "name: C\nphone: \"☎ 555\"\n",
	})
	r := run(t, []string{filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")}, Options{Site: filepath.Join(dir, "site")})
	want(t, r, CodeGlyph, 1, "site.yaml:2:8: error: character U+260E")
	if len(r.Files) != 3 || r.Files[2].Kind != KindSite || r.Files[2].Count(Error) != 1 {
		t.Errorf("the site's problem belongs to the site's group:\n%s", dump(r))
	}
}

func TestDetectAndExpand(t *testing.T) {
	dir := write(t, map[string]string{
		"leaflets/a.yaml":  "title: A\nsections: []\n",
		"leaflets/b.yaml":  "title: B\nsections: []\n",
		"clinic/site.yaml": "name: C\n",
		"other.yaml":       "name: Other clinic\nphone: 1\n",
		"page.yaml":        "page: {size: a4}\n",
		"junk.yaml":        "hello: world\n",
	})
	got, err := Expand([]string{filepath.Join(dir, "leaflets", "*.yaml"), filepath.Join(dir, "clinic"), filepath.Join(dir, "leaflets")})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || !strings.HasSuffix(got[0], "a.yaml") || !strings.HasSuffix(got[1], "b.yaml") || !strings.HasSuffix(got[2], "clinic") {
		t.Errorf("Expand = %v", got)
	}
	if _, err := Expand([]string{filepath.Join(dir, "*.yml")}); err == nil {
		t.Error("a pattern that matches nothing is an error")
	}
	for name, kind := range map[string]Kind{"leaflets/a.yaml": KindLeaflet, "clinic": KindSite, "clinic/site.yaml": KindSite,
		"other.yaml": KindSite, "page.yaml": KindLayout, "junk.yaml": KindLeaflet, "missing.yaml": KindLeaflet} {
		if k, _ := Detect(filepath.Join(dir, name)); k != kind {
			t.Errorf("Detect(%s) = %s, want %s", name, k, kind)
		}
	}
}

func TestContrastRatio(t *testing.T) {
	for _, c := range []struct {
		color model.Color
		want  float64
	}{
		{model.Color{}, 21},
		{white, 1},
		{model.Color{R: 0x77, G: 0x77, B: 0x77}, 4.48}, // the classic just-too-light gray
		{model.Color{R: 0x1F, G: 0x4E, B: 0x79}, 8.66}, // the default accent
	} {
		if got := ContrastRatio(c.color, white); math.Abs(got-c.want) > 0.01 {
			t.Errorf("ContrastRatio(%s) = %.3f, want %.2f", c.color.Hex(), got, c.want)
		}
	}
}

func TestJSON(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(repo, "content", "leaflets", "*.yaml"))
	r := run(t, paths, Options{Site: filepath.Join(repo, "content", "sites", "riverside"), AsOf: samplesAsOf})
	var b bytes.Buffer
	if err := WriteJSON(&b, r, true); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"schema", "as_of", "target_grade", "review_months", "site", "layout", "summary", "files"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("no %q in the report", k)
		}
	}
	if doc["schema"] != SchemaVersion || doc["as_of"] != "2026-12-01" || doc["layout"] != "letter (built-in layout)" {
		t.Errorf("header: %v %v %v", doc["schema"], doc["as_of"], doc["layout"])
	}
	sum := doc["summary"].(map[string]any)
	if sum["files"] != float64(len(paths)+1) || sum["errors"] != 0.0 || sum["failed"] != false {
		t.Errorf("summary: %v", sum)
	}
	files := doc["files"].([]any)
	for _, f := range files {
		f := f.(map[string]any)
		if _, ok := f["findings"].([]any); !ok {
			t.Errorf("%v: findings must be an array", f["path"])
		}
		rd, _ := f["readability"].(map[string]any)
		if f["kind"] != "leaflet" {
			if f["readability"] != nil {
				t.Errorf("%v: only leaflets have readability", f["path"])
			}
			continue
		}
		if rd == nil && hasCode(f, CodeLanguage) {
			continue // a language whose reading level is not measured
		}
		keys := []string{"flesch_kincaid_grade", "flesch_reading_ease", "smog"}
		if rd["language"] == "es" {
			keys = []string{"fernandez_huerta", "szigriszt_pazos", "inflesz"}
		}
		for _, k := range append(keys, "sentences", "words", "syllables", "polysyllables", "level", "above_target", "hardest", "sections") {
			if _, ok := rd[k]; !ok {
				t.Errorf("%v: readability has no %q", f["path"], k)
			}
		}
	}
	for _, x := range files[0].(map[string]any)["findings"].([]any) {
		x := x.(map[string]any)
		for _, k := range []string{"severity", "code", "file", "line", "column", "message"} {
			if _, ok := x[k]; !ok {
				t.Errorf("finding without %q: %v", k, x)
			}
		}
	}
}

func TestTextOutput(t *testing.T) {
	dir := write(t, map[string]string{"leaf.yaml": "title: T\nsections:\n  - body: [Call us.]\n"})
	r := run(t, []string{filepath.Join(dir, "leaf.yaml")}, Options{})
	var plainOut, colored bytes.Buffer
	WriteText(&plainOut, r, false)
	WriteText(&colored, r, true)
	lines := strings.Split(strings.TrimSpace(plainOut.String()), "\n")
	if len(lines) != 2 || !strings.HasSuffix(lines[0], "add credits: last_reviewed: YYYY-MM-DD when a clinician has checked it) [review-missing]") ||
		!strings.Contains(lines[1], "leaf.yaml: grade") || !strings.HasSuffix(lines[1], "; 3 words in 2 sentences; 1 warning") {
		t.Errorf("text output:\n%s", plainOut.String())
	}
	if strings.Contains(plainOut.String(), "\x1b[") || !strings.Contains(colored.String(), "\x1b[1;35mwarning:\x1b[0m") {
		t.Error("colors only when asked for")
	}
}

// TestFooterRule checks the footer rule the typesetter refuses a layout
// on, found by laying a probe out.
func TestFooterRule(t *testing.T) {
	dir := write(t, map[string]string{"tight.yaml": "footer_height: 0\n"})
	// the footer rule: a band too short for the page number is refused
	r := run(t, []string{filepath.Join(dir, "tight.yaml")}, Options{})
	want(t, r, CodeSafeZone, 1, "tight.yaml:1:16: error: the tight layout's 0.00 in footer band cannot hold one line")
	for _, name := range layouts.Names() {
		if r := run(t, []string{filepath.Join(repo, "layouts", name+".yaml")}, Options{}); r.Count(Error) != 0 {
			t.Errorf("built-in %s: %d errors", name, r.Count(Error))
		}
	}
}

// TestImagesInColumns measures an image in a column of a two-column
// layout, which is narrower than the text area.
func TestImagesInColumns(t *testing.T) {
	dir := write(t, map[string]string{
		"leaf.yaml": "title: T\nsections:\n  - body:\n      - Call us.\n      - image: {file: a.png, alt: A gray square., width: 100%}\ncredits: {last_reviewed: 2025-01-01}\n",
		"two.yaml":  "columns: {count: 2, gutter: 0.5in}\n",
	})
	// two columns of (504 - 36) / 2 = 234 pt = 3.25 in: 450 pixels give 138 ppi
	writePNG(t, filepath.Join(dir, "a.png"), 450, 450)
	r := run(t, []string{filepath.Join(dir, "leaf.yaml")}, Options{Layout: filepath.Join(dir, "two.yaml")})
	want(t, r, CodeImageResolution, 1, "leaf.yaml:5:16: warning: the image prints 3.2 in wide, so its 450 pixels give 138 ppi")
}

// hasCode reports whether a JSON file record has a finding with a code.
func hasCode(f map[string]any, code string) bool {
	xs, _ := f["findings"].([]any)
	for _, x := range xs {
		if x.(map[string]any)["code"] == code {
			return true
		}
	}
	return false
}

// TestBuiltinLayoutsPassCheck checks every built-in layout, by name, with
// every sample leaflet and site: no warnings and no errors.
func TestBuiltinLayoutsPassCheck(t *testing.T) {
	root := filepath.Join("..", "..", "content")
	leaves, _ := filepath.Glob(filepath.Join(root, "leaflets", "*.yaml"))
	for _, name := range layouts.Names() {
		for _, site := range []string{"riverside", "hillcrest"} {
			r := run(t, leaves, Options{Layout: name, Site: filepath.Join(root, "sites", site), AsOf: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
			for _, f := range r.Files {
				for _, x := range f.Findings {
					// the long sample is six pages: it is meant not to fit a trifold
					long := strings.Contains(f.Path, "breastfeeding-first-weeks") && strings.Contains(name, "trifold") && x.Code == CodeLayout
					if x.Severity != Hint && x.Code != CodeReviewOverdue && !long {
						t.Errorf("%s with %s: %s", name, site, x)
					}
				}
				if strings.Contains(f.Path, "layouts/") {
					t.Errorf("%s: named by a path the user does not have: %s", name, f.Path)
				}
			}
		}
	}
}
