package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"handout/internal/i18n"
	"handout/internal/pdftest"
)

// repo is the repository root, where the samples live.
var repo = filepath.Join("..", "..")

func run(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &Env{Stdout: &out, Stderr: &errb, Version: "test", Getenv: func(k string) string { return env[k] }}
	code = Run(e, args)
	return code, out.String(), errb.String()
}

func tool(t *testing.T, name string) string { return pdftest.Tool(t, name) }

func output(t *testing.T, name string, args ...string) string {
	t.Helper()
	return pdftest.Output(t, name, args...)
}

func samples(t *testing.T) []string {
	leaflets, _ := filepath.Glob(filepath.Join(repo, "content", "leaflets", "*.yaml"))
	if len(leaflets) < 2 {
		t.Fatalf("want at least two sample leaflets, found %v", leaflets)
	}
	return leaflets
}

// TestRenderSamples renders every sample with every site and checks each
// PDF from the outside, as a print room would.
func TestRenderSamples(t *testing.T) {
	sites, _ := filepath.Glob(filepath.Join(repo, "content", "sites", "*"))
	sites = append(sites, "")
	dir := t.TempDir()
	for _, leaf := range samples(t) {
		for _, site := range sites {
			name := strings.TrimSuffix(filepath.Base(leaf), ".yaml") + "-" + filepath.Base(site) + ".pdf"
			out := filepath.Join(dir, name)
			args := []string{"render", leaf, "-o", out}
			if site != "" {
				args = append(args, "--site", site)
			}
			code, _, stderr := run(t, nil, args...)
			if code != 0 {
				t.Fatalf("%v: exit %d\n%s", args, code, stderr)
			}
			check := output(t, "qpdf", "--check", out)
			if !strings.Contains(check, "No syntax or stream encoding errors") {
				t.Errorf("%s: qpdf --check:\n%s", name, check)
			}
			fonts := output(t, "pdffonts", out)
			lines := strings.Split(strings.TrimSpace(fonts), "\n")[2:]
			if len(lines) == 0 {
				t.Errorf("%s: no fonts", name)
			}
			for _, l := range lines {
				f := strings.Fields(l)
				// emb, sub and uni are the three yes/no columns before the object id
				if n := len(f); n < 6 || f[n-5] != "yes" || f[n-4] != "yes" || f[n-3] != "yes" {
					t.Errorf("%s: font not embedded, subset and mapped to Unicode: %s", name, l)
				}
				if !strings.Contains(f[0], "+Noto") && !strings.Contains(f[0], "+Nanum") && !strings.Contains(f[0], "+DroidSans") {
					t.Errorf("%s: unexpected font name %s", name, f[0])
				}
			}
			text := output(t, "pdftotext", "-raw", out, "-")
			if rtlSample(leaf) {
				// pdftotext -raw gives right-to-left lines in visual order
				text = output(t, "pdftotext", out, "-")
			}
			checkText(t, name, leaf, site, text)
		}
	}
}

// rtlSample reports whether a sample leaflet is in Arabic.
func rtlSample(leaf string) bool { return strings.HasPrefix(filepath.Base(leaf), "ar-") }

// checkText asserts the words come back in reading order: the title first,
// the headings in source order, the page footers present.
func checkText(t *testing.T, name, leaf, site, text string) {
	t.Helper()
	src, _ := os.ReadFile(leaf)
	var headings []string
	for _, l := range strings.Split(string(src), "\n") {
		if h, ok := strings.CutPrefix(strings.TrimSpace(l), "- heading: "); ok {
			headings = append(headings, strings.Trim(h, `"`))
		}
	}
	flat := strings.Join(strings.Fields(text), " ")
	same := func(s string) string { return s }
	if rtlSample(leaf) || strings.HasPrefix(filepath.Base(leaf), "hi-") {
		// pdftotext guesses where the neutral characters and spaces of a
		// right-to-left line go, and sees a space after a mark drawn back
		// over its letter; the letters come back in order
		same = func(s string) string {
			return strings.Map(func(r rune) rune {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					return r
				}
				return -1
			}, s)
		}
		flat = same(flat)
	}
	pos := 0
	for _, h := range headings {
		h = same(h)
		i := strings.Index(flat[pos:], h)
		if i < 0 {
			t.Errorf("%s: heading %q missing or out of order in the text", name, h)
			continue
		}
		pos += i + len(h)
	}
	lang := "en"
	for _, l := range strings.Split(string(src), "\n") {
		if v, ok := strings.CutPrefix(l, "language: "); ok {
			lang = strings.TrimSpace(v)
		}
	}
	words, _ := i18n.For(lang)
	before, after, _ := strings.Cut(words.PageOf(1, 987654), "987654") // the total may come first ("9쪽 중 1쪽")
	for _, part := range []string{same(before), same(after)} {
		if !strings.Contains(flat, part) {
			t.Errorf("%s: no page numbers (%q) in the text", name, part)
		}
	}
	if site != "" && !strings.Contains(flat, same("555-01")) {
		t.Errorf("%s: the site's phone number is missing", name)
	}
}

func TestPDFMetadataAndBookmarks(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ld.pdf")
	leaf := filepath.Join(repo, "content", "leaflets", "let-down-reflex.yaml")
	if code, _, stderr := run(t, nil, "render", leaf, "--site", filepath.Join(repo, "content", "sites", "riverside"), "-o", out); code != 0 {
		t.Fatal(stderr)
	}
	info := output(t, "pdfinfo", out)
	for _, want := range []string{"Title:           Let-Down Reflex (Milk Ejection Reflex)", "Creator:         handout test", "Author:          The clinical staff of Breastfeeding Support Team", "Page size:       612 x 792 pts (letter)"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	raw, _ := os.ReadFile(out)
	if !bytes.Contains(raw, []byte("/Lang (en)")) {
		t.Error("no /Lang in the catalog")
	}
	// the headings, as bookmarks, in order
	var outline struct {
		Outlines []struct {
			Title string `json:"title"`
		} `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(output(t, "qpdf", "--json", "--json-key=outlines", out)), &outline); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, o := range outline.Outlines {
		titles = append(titles, o.Title)
	}
	if want := "What is the let-down reflex?|What can make let-down slow?|How can I help my milk flow?|Are there medicines that can help?"; strings.Join(titles, "|") != want {
		t.Errorf("bookmarks %q, want the four headings in order", titles)
	}
	out2 := filepath.Join(t.TempDir(), "bf.pdf")
	if code, _, stderr := run(t, nil, "render", filepath.Join(repo, "content", "leaflets", "breastfeeding-first-weeks.yaml"), "-o", out2); code != 0 {
		t.Fatal(stderr)
	}
	raw, _ = os.ReadFile(out2)
	if !bytes.Contains(raw, []byte("/S /URI /URI (https://")) {
		t.Error("no link annotations in a leaflet with links")
	}
}

func TestDeterministic(t *testing.T) {
	dir := t.TempDir()
	leaf := filepath.Join(repo, "content", "leaflets", "breastfeeding-first-weeks.yaml")
	site := filepath.Join(repo, "content", "sites", "hillcrest")
	var outs [][]byte
	// several runs: map-order randomness shows only some of the time
	for i := 0; i < 8; i++ {
		out := filepath.Join(dir, "a.pdf")
		if code, _, stderr := run(t, nil, "render", leaf, "--site", site, "-o", out); code != 0 {
			t.Fatal(stderr)
		}
		b, _ := os.ReadFile(out)
		outs = append(outs, b)
	}
	for i := 1; i < len(outs); i++ {
		if !bytes.Equal(outs[0], outs[i]) {
			t.Fatalf("render %d of the same input differs from the first", i+1)
		}
	}
	// SOURCE_DATE_EPOCH sets the date; last_modified is the fallback
	out := filepath.Join(dir, "b.pdf")
	if code, _, stderr := run(t, map[string]string{"SOURCE_DATE_EPOCH": "1700000000"}, "render", leaf, "--site", site, "-o", out); code != 0 {
		t.Fatal(stderr)
	}
	b, _ := os.ReadFile(out)
	if !bytes.Contains(b, []byte("D:20231114221320")) {
		t.Error("SOURCE_DATE_EPOCH not used for the PDF dates")
	}
	if !bytes.Contains(outs[0], []byte("D:20240612")) {
		t.Error("last_modified not used for the PDF dates")
	}
}

func TestStdoutAndDefaultName(t *testing.T) {
	leaf, _ := filepath.Abs(filepath.Join(repo, "content", "leaflets", "let-down-reflex.yaml"))
	code, stdout, stderr := run(t, nil, "render", leaf, "-o", "-")
	if code != 0 || !strings.HasPrefix(stdout, "%PDF-") {
		t.Fatalf("-o - : exit %d, %q", code, stderr)
	}
	dir := t.TempDir()
	wd, _ := os.Getwd()
	os.Chdir(dir)
	defer os.Chdir(wd)
	if code, _, stderr := run(t, nil, "render", leaf); code != 0 {
		t.Fatal(stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "let-down-reflex.pdf")); err != nil {
		t.Fatal("default output name not used:", err)
	}
}

func TestUsageAndInfoCommands(t *testing.T) {
	cases := []struct {
		args []string
		code int
		out  string
	}{
		{nil, 2, ""},
		{[]string{"frobnicate"}, 2, ""},
		{[]string{"render"}, 2, ""},
		{[]string{"render", "--bogus", "x.yaml"}, 2, ""},
		{[]string{"render", "--help"}, 0, "Usage: handout render"},
		{[]string{"--help"}, 0, "Commands:"},
		{[]string{"version"}, 0, "handout test"},
		{[]string{"layouts"}, 0, "letter"},
		{[]string{"layouts", "--help"}, 0, "Usage: handout layouts"},
		{[]string{"version", "--help"}, 0, "Usage: handout version"},
	}
	for _, c := range cases {
		code, out, _ := run(t, nil, c.args...)
		if code != c.code || !strings.Contains(out, c.out) {
			t.Errorf("%v: exit %d, stdout %q; want exit %d with %q", c.args, code, out, c.code, c.out)
		}
	}
	if _, out, _ := run(t, nil, "layouts"); !strings.Contains(out, "a4") {
		t.Errorf("layouts does not list a4: %q", out)
	}
}
