package render

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"handout/internal/load"
	"handout/internal/paint"
	"handout/internal/pdftest"
)

// pikepdf is Debian's python3-pikepdf: it runs under the system Python,
// not whatever python3 comes first on PATH.
func pikepdf(t *testing.T) string {
	t.Helper()
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import pikepdf").Run(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("python3-pikepdf is not installed; CI must install it (.ci/run)")
		}
		t.Skip("python3-pikepdf not installed (apt-get install python3-pikepdf) to run the PDF/UA checks")
	}
	return py
}

// matterhorn runs testdata/matterhorn.py on pdf and returns its problems
// and its JSON summary line.
func matterhorn(t *testing.T, pdf []byte) (problems []string, summary string) {
	t.Helper()
	py := pikepdf(t)
	path := writeTemp(t, pdf)
	out, err := exec.Command(py, filepath.Join("testdata", "matterhorn.py"), path).CombinedOutput()
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	if len(lines) == 0 || !strings.HasPrefix(lines[len(lines)-1], "{") {
		t.Fatalf("matterhorn.py failed:\n%s", out)
	}
	return lines[:len(lines)-1], lines[len(lines)-1]
}

// tagJobs are the layout families: one column, two columns, a trifold,
// an imposed booklet, large print, with bleed and crop marks on one.
var tagJobs = []struct {
	name string
	job  Job
}{
	{"letter", Job{Leaflet: sample("breastfeeding-first-weeks"), Site: site("riverside")}},
	{"2col", Job{Leaflet: sample("breastfeeding-first-weeks"), Site: site("hillcrest"), Layout: "letter-2col"}},
	{"trifold", Job{Leaflet: sample("let-down-reflex"), Site: site("riverside"), Layout: "trifold",
		Print: PrintOptions{ShrinkToFit: true, CropMarks: true}}},
	{"booklet", Job{Leaflet: sample("breastfeeding-first-weeks"), Site: site("hillcrest"), Layout: "booklet"}},
	{"large-print", Job{Leaflet: sample("let-down-reflex"), Site: site("riverside"), Layout: "large-print",
		Print: PrintOptions{PDFA: true}}},
	// a QR code (a Figure drawn from shapes) and taglines in six languages
	{"westlake-trifold", Job{Leaflet: sample("newborn-jaundice"), Site: site("westlake"), Layout: "trifold",
		Print: PrintOptions{ShrinkToFit: true}}},
	{"bilingual", Job{Leaflet: sample("newborn-jaundice"), With: sample("ictericia-del-recien-nacido"), Site: site("westlake")}},
}

// TestTaggedPDFMeetsMatterhornChecks runs the machine-checkable PDF/UA
// conditions on every layout family, and reads each one's structure tree
// with pdfinfo -struct-text for the leaflet's text in reading order.
func TestTaggedPDFMeetsMatterhornChecks(t *testing.T) {
	r := newRenderer(t)
	for _, c := range tagJobs {
		t.Run(c.name, func(t *testing.T) {
			res, err := r.Render(c.job)
			if err != nil {
				t.Fatal(err)
			}
			problems, summary := matterhorn(t, res.PDF)
			for _, p := range problems {
				t.Error(p)
			}
			if c.job.Print.PDFA != strings.Contains(summary, `"pdfa": true`) {
				t.Errorf("PDF/A claim is %v, want %v: %s", !c.job.Print.PDFA, c.job.Print.PDFA, summary)
			}
			readsInOrder(t, res.PDF, c.job.Leaflet)
			if c.job.Site == site("westlake") && !strings.Contains(summary, `"es", "ja", "ko"`) {
				t.Errorf("the taglines' elements should carry their languages: %s", summary)
			}
		})
	}
}

// TestMatterhornChecksCanFail: the same checks on an untagged PDF find
// what is missing.
func TestMatterhornChecksCanFail(t *testing.T) {
	r := newRenderer(t)
	job := Job{Leaflet: sample("let-down-reflex"), Site: site("riverside")}
	p, err := r.prepare(job)
	if err != nil {
		t.Fatal(err)
	}
	meta := r.meta(p, job)
	meta.Untagged = true
	pdf, err := paint.Paint(p.doc, meta, r.printedImages(p.doc, false), r.paint)
	if err != nil {
		t.Fatal(err)
	}
	problems, _ := matterhorn(t, pdf)
	joined := strings.Join(problems, "\n")
	for _, want := range []string{"no /StructTreeRoot", "no /MarkInfo", "pdfuaid:part 1"} {
		if !strings.Contains(joined, want) {
			t.Errorf("an untagged PDF passes the check %q:\n%s", want, joined)
		}
	}
}

// TestCombinedJobTagsOnePartPerHandout: a print job is one Document with a
// Part per handout, each in its own language.
func TestCombinedJobTagsOnePartPerHandout(t *testing.T) {
	r := newRenderer(t)
	var buf bytes.Buffer
	c := r.NewCombiner(&buf, PrintOptions{PDFA: true}, nil)
	for _, job := range []Job{
		{Leaflet: sample("let-down-reflex"), Site: site("riverside")},
		{Leaflet: sample("reflejo-de-bajada"), Site: site("hillcrest"), Layout: "booklet"},
	} {
		res, err := r.Render(job)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Add(res, filepath.Base(job.Leaflet)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.Close(); err != nil {
		t.Fatal(err)
	}
	pdf := buf.Bytes()
	problems, summary := matterhorn(t, pdf)
	for _, p := range problems {
		t.Error(p)
	}
	if !strings.Contains(summary, `"langs": ["es"]`) {
		t.Errorf("the Spanish handout's elements should carry /Lang (es), and only they: %s", summary)
	}
	if !strings.Contains(summary, `"pdfa": true`) {
		t.Errorf("a combined job asked for PDF/A makes no PDF/A claim: %s", summary)
	}
	st := structText(t, pdf)
	if n := strings.Count(st, "\n  Part"); n != 2 {
		t.Errorf("%d Parts, want 2:\n%s", n, st)
	}
}

// structText is pdfinfo -struct-text's reading of pdf.
func structText(t *testing.T, pdf []byte) string {
	t.Helper()
	return pdftest.Output(t, "pdfinfo", "-struct-text", writeTemp(t, pdf))
}

// readsInOrder reads pdf's structure tree with poppler and finds the
// leaflet's headings and the start of each paragraph in the leaflet's
// order, each paragraph whole in one element.
func readsInOrder(t *testing.T, pdf []byte, leaflet string) {
	t.Helper()
	quoted := regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)
	var read []string
	for _, m := range quoted.FindAllStringSubmatch(structText(t, pdf), -1) {
		read = append(read, m[1])
	}
	all := strings.Join(read, "\n")
	at := 0
	for _, want := range leafletText(t, leaflet) {
		i := strings.Index(all[at:], want)
		if i < 0 {
			if strings.Contains(all, want) {
				t.Fatalf("%q is read out of order", want)
			}
			t.Fatalf("%q is not in the structure tree's text as one element:\n%s", want, all)
		}
		at += i + len(want)
	}
}

// leafletText is the leaflet's headings and whole plain paragraphs (no
// markup, no placeholders), in order, read from the YAML source.
func leafletText(t *testing.T, path string) []string {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	line := regexp.MustCompile(`(?m)^\s*(?:- )?(?:title|heading|subheading): (.+)$|^\s{6}- ([A-Z][^*\[{:#\n]+)$`)
	var out []string
	for _, m := range line.FindAllSubmatch(src, -1) {
		s := string(m[1]) + string(m[2])
		s = strings.Trim(strings.TrimSpace(s), `"`)
		if s != "" && !strings.ContainsAny(s, "*[{\"'") {
			out = append(out, s)
		}
	}
	if len(out) < 5 {
		t.Fatalf("only %d headings and paragraphs found in %s", len(out), path)
	}
	return out
}

// TestTaggedOutputIsDeterministic: the structure tree adds no map order
// or other chance to the bytes.
func TestTaggedOutputIsDeterministic(t *testing.T) {
	job := tagJobs[3].job
	a, err := newRenderer(t).Render(job)
	if err != nil {
		t.Fatal(err)
	}
	b, err := newRenderer(t).Render(job)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.PDF, b.PDF) {
		t.Fatal("two renders of the same booklet differ")
	}
}

// TestHeaderAltTagsTheHeaderImage: with header_alt the first page's header
// image is a Figure read first, with the site's text as its /Alt; the
// same image on later pages stays an artifact.
func TestHeaderAltTagsTheHeaderImage(t *testing.T) {
	dir := t.TempDir()
	src := site("riverside")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "site.yaml" {
			b = append(b, "\nheader_alt: Riverside Family Birth Center logo\n"...)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := newRenderer(t)
	for _, layout := range []string{"letter", "trifold"} {
		res, err := r.Render(Job{Leaflet: sample("let-down-reflex"), Site: dir, Layout: layout,
			Print: PrintOptions{ShrinkToFit: true}})
		if err != nil {
			t.Fatal(err)
		}
		problems, summary := matterhorn(t, res.PDF)
		for _, p := range problems {
			t.Error(p)
		}
		st := pdftest.Output(t, "pdfinfo", "-struct", writeTemp(t, res.PDF))
		if !regexp.MustCompile(`^Document\n  Figure`).MatchString(st) {
			t.Errorf("%s: the header Figure is not read first:\n%.300s", layout, st)
		}
		if strings.Count(st, "Figure") != 1 || !strings.Contains(summary, "Figure") {
			t.Errorf("%s: want exactly one Figure (the first page's header):\n%s", layout, summary)
		}
	}
}

func writeTemp(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestNoteTitleIsStrong: a call-out's title is a P holding strong text,
// Strong being role-mapped to Span for PDF 1.7 readers, which is how
// poppler shows it.
func TestNoteTitleIsStrong(t *testing.T) {
	path := renderTo(t, newRenderer(t), Job{Leaflet: sample("breastfeeding-first-weeks"), Site: site("riverside")})
	tree := pdftest.Output(t, "pdfinfo", "-struct", path)
	if n := len(regexp.MustCompile(`(?m)^(\s*)Div\n\s+P \(block\)\n\s+Span \(inline\)$`).FindAllString(tree, -1)); n < 3 {
		t.Errorf("%d notes have their title as P > Strong, want 3 or more:\n%s", n, tree)
	}
}

// TestScriptSamplesReadFromTheStructureTree: the structure tree gives each
// sample's text back whole (poppler's -struct-text reads no ActualText, so
// this is each glyph's own text, in drawing order), and each sample passes
// the PDF/UA checks. Left-to-right scripts come back exactly, Devanagari's
// reordered vowel signs included; an Arabic line is read in the order its
// glyphs are drawn, left to right (docs/languages.md), so Arabic is checked
// for every letter, counted, and not for order.
func TestScriptSamplesReadFromTheStructureTree(t *testing.T) {
	r := newRenderer(t)
	s, err := load.Site(site("riverside"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range scriptSamples {
		t.Run(name, func(t *testing.T) {
			res, err := r.Render(Job{Leaflet: sample(name), Site: site("riverside")})
			if err != nil {
				t.Fatal(err)
			}
			got := checkedTreeText(t, res.PDF)
			wants := sourceTexts(t, sample(name), s)
			if name == "ar-engorgement" {
				if g, w := letterCounts(got), letterCounts(strings.Join(wants, " ")); !countsCover(g, w) {
					t.Errorf("the structure tree's text lacks letters of the source:\n%s", got)
				}
				return
			}
			for _, want := range wants {
				if !strings.Contains(got, want) {
					t.Errorf("%q does not come back from the structure tree:\n%s", want, got)
				}
			}
		})
	}
}

// letterCounts counts each letter and digit of s.
func letterCounts(s string) map[rune]int {
	n := map[rune]int{}
	for _, r := range lettersOnly(s) {
		n[r]++
	}
	return n
}

// countsCover reports whether got has every letter of want as often.
func countsCover(got, want map[rune]int) bool {
	for r, n := range want {
		if got[r] < n {
			return false
		}
	}
	return true
}

// checkedTreeText runs the PDF/UA checks on pdf, failing t for each
// problem, and returns the text poppler reads from its structure tree, all
// of it in one line.
func checkedTreeText(t *testing.T, pdf []byte) string {
	t.Helper()
	problems, _ := matterhorn(t, pdf)
	for _, p := range problems {
		t.Error(p)
	}
	quoted := regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)
	var read strings.Builder
	for _, m := range quoted.FindAllStringSubmatch(structText(t, pdf), -1) {
		read.WriteString(m[1])
	}
	return flatten(read.String())
}
