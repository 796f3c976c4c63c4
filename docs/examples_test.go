// Package docs holds the user documentation. Its test runs every example in
// it, so that an example a reader copies works as written.
//
// How a page's fenced blocks are run:
//
//   - A `yaml` block is an input of the kind the page documents (leaflet.md:
//     a leaflet, site.md: a site, layout.md: a layout, batch.md: a job file).
//     A complete document is used as it is; a fragment (one field, a list of
//     blocks, a section's body) is set into a small valid document first. A
//     leaflet is rendered with a sample site, a site renders a sample
//     leaflet, a layout renders a sample leaflet, a job file is loaded and
//     run.
//   - A `sh` block's commands run in a scratch folder that holds copies of
//     content/ and layouts, laid out as the pages assume (content/, and a
//     print room's library/ and sites/ folders), with `handout` on PATH.
//     They must exit 0.
//
// An HTML comment on the line before a block changes that:
//
//	<!-- example: KIND [file=NAME] [fails="TEXT"] -->
//
// KIND is leaflet, site, layout, job, yaml (only parsed: not a handout
// input, such as a Kubernetes manifest) or skip (shown, not run: it needs
// something this machine does not have; the comment says what). file=NAME
// saves the block under that name in the scratch folder, for the page's
// commands to use. fails="TEXT" says the example shows a mistake: it must
// fail, with TEXT in the message.
package docs

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// example is one fenced block of a page.
type example struct {
	page  string // docs/NAME.md
	line  int    // the fence's line
	lang  string // the fence's info string
	kind  string // what it is run as
	file  string // file=NAME, if given
	fails string // fails="TEXT", if given
	text  string
}

func (e example) String() string { return fmt.Sprintf("%s:%d", e.page, e.line) }

// pageKinds is what a yaml block on each page is, unless it says otherwise.
var pageKinds = map[string]string{
	"leaflet.md": "leaflet",
	"site.md":    "site",
	"layout.md":  "layout",
	"batch.md":   "job",
}

var directive = regexp.MustCompile(`^<!--\s*example:\s*(\w+)(:?)(.*?)\s*-->$`)
var option = regexp.MustCompile(`(\w+)=("[^"]*"|\S+)`)

// examples reads the fenced blocks of one page.
func examples(t *testing.T, path string) []example {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	page := filepath.Base(path)
	var out []example
	var cur *example
	var body strings.Builder
	prev, prevPrev := "", ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case cur == nil && strings.HasPrefix(line, "```"):
			cur = &example{page: page, line: n, lang: strings.TrimSpace(strings.TrimPrefix(line, "```"))}
			cur.kind = defaultKind(page, cur.lang)
			d := prev
			if strings.TrimSpace(d) == "" {
				d = prevPrev
			}
			if m := directive.FindStringSubmatch(strings.TrimSpace(d)); m != nil {
				cur.kind = m[1]
				if cur.kind == "skip" && strings.TrimSpace(m[3]) == "" {
					t.Errorf("%s:%d: a skipped example says why: <!-- example: skip: REASON -->", page, n-1)
				}
				for _, o := range option.FindAllStringSubmatch(m[3], -1) {
					if cur.kind == "skip" {
						break
					}
					v := strings.Trim(o[2], `"`)
					switch o[1] {
					case "file":
						cur.file = v
					case "fails":
						cur.fails = v
					default:
						t.Errorf("%s:%d: unknown example option %q", page, n-1, o[1])
					}
				}
			} else if strings.Contains(d, "example:") {
				t.Errorf("%s:%d: malformed example comment %q", page, n-1, d)
			}
			body.Reset()
		case cur != nil && strings.HasPrefix(line, "```"):
			cur.text = body.String()
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			body.WriteString(line)
			body.WriteByte('\n')
		}
		prevPrev, prev = prev, line
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// defaultKind is how a block is run when no comment says.
func defaultKind(page, lang string) string {
	switch lang {
	case "yaml", "yml":
		if k, ok := pageKinds[page]; ok {
			return k
		}
		return "yaml"
	case "sh", "bash", "shell":
		return "sh"
	}
	return "skip" // output, JSON shown for reading, pictures of text
}

// TestExamples runs every example on every page of docs/.
func TestExamples(t *testing.T) {
	bin := buildHandout(t)
	pages, err := filepath.Glob("*.md")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages found: %v", err)
	}
	for _, page := range pages {
		t.Run(page, func(t *testing.T) {
			t.Parallel()
			exs := examples(t, page)
			ws := workspace(t)
			// named files first: the page's commands may use them
			for _, ex := range exs {
				if ex.file != "" && ex.kind != "sh" {
					write(t, filepath.Join(ws, ex.file), ex.text)
				}
			}
			for _, ex := range exs {
				runExample(t, bin, ws, ex)
			}
		})
	}
}

// runExample runs one block and reports a failure at its place in the page.
func runExample(t *testing.T, bin, ws string, ex example) {
	t.Helper()
	switch ex.kind {
	case "skip":
		return
	case "sh":
		for _, cmd := range commands(ex.text) {
			expect(t, ex, cmd, run(bin, ws, cmd))
		}
		return
	case "yaml":
		var v any
		if err := yaml.Unmarshal([]byte(ex.text), &v); err != nil {
			t.Errorf("%s: not YAML: %v", ex, err)
		}
		return
	}
	var v any
	if err := yaml.Unmarshal([]byte(ex.text), &v); err != nil {
		expect(t, ex, "(parse)", result{out: err.Error(), err: err})
		return
	}
	name := fmt.Sprintf("example-%s-%d", strings.TrimSuffix(ex.page, ".md"), ex.line)
	out := filepath.Join("out", name+".pdf")
	var cmd string
	switch ex.kind {
	case "leaflet":
		path := ex.file
		if path == "" {
			path = filepath.Join("content", "leaflets", name+".yaml")
			write(t, filepath.Join(ws, path), document(ex.text, v, leafletDoc))
		}
		cmd = fmt.Sprintf("handout render %s --site content/sites/hillcrest -o %s", path, out)
	case "site":
		dir := filepath.Join("content", "sites", name)
		for _, img := range []string{"header.png", "footer.png"} {
			copyFile(t, filepath.Join(ws, "content", "sites", "hillcrest", img), filepath.Join(ws, dir, img))
		}
		write(t, filepath.Join(ws, dir, "site.yaml"), document(ex.text, v, siteDoc))
		cmd = fmt.Sprintf("handout render content/leaflets/let-down-reflex.yaml --site %s -o %s", dir, out)
	case "layout":
		path := ex.file
		if path == "" {
			path = name + ".yaml"
			write(t, filepath.Join(ws, path), document(ex.text, v, layoutDoc))
		}
		cmd = fmt.Sprintf("handout render content/leaflets/let-down-reflex.yaml --site content/sites/hillcrest --layout ./%s -o %s", path, out)
	case "job":
		path := ex.file
		if path == "" {
			path = name + ".yaml"
			write(t, filepath.Join(ws, path), document(ex.text, v, jobDoc(name)))
		}
		cmd = "handout batch " + path + " -q"
	default:
		t.Errorf("%s: unknown example kind %q", ex, ex.kind)
		return
	}
	expect(t, ex, cmd, run(bin, ws, cmd))
}

// result is what a command did.
type result struct {
	out string
	err error
}

// expect checks a command's result against what the example says.
func expect(t *testing.T, ex example, cmd string, r result) {
	t.Helper()
	switch {
	case ex.fails == "" && r.err != nil:
		t.Errorf("%s: %s failed: %v\n%s", ex, cmd, r.err, r.out)
	case ex.fails != "" && r.err == nil:
		t.Errorf("%s: %s should fail with %q but succeeded", ex, cmd, ex.fails)
	case ex.fails != "" && !strings.Contains(r.out, ex.fails):
		t.Errorf("%s: %s should fail with %q; it said:\n%s", ex, cmd, ex.fails, r.out)
	}
}

// run runs one shell command in the scratch folder, with the built handout
// first on PATH.
func run(bin, ws, cmd string) result {
	c := exec.Command("bash", "-c", cmd)
	c.Dir = ws
	c.Env = append(os.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"))
	out, err := c.CombinedOutput()
	return result{out: string(out), err: err}
}

// commands splits a sh block into commands, joining continued lines and
// dropping comments; `go run ./cmd/handout` becomes the built handout.
func commands(text string) []string {
	var out []string
	cur := ""
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if cur == "" && (line == "" || strings.HasPrefix(line, "#")) {
			continue
		}
		if strings.HasSuffix(line, `\`) {
			cur += strings.TrimSuffix(line, `\`) + " "
			continue
		}
		cur += line
		out = append(out, strings.Replace(cur, "go run ./cmd/handout", "handout", 1))
		cur = ""
	}
	return out
}

// document is the file an example is run as: a complete document as
// written (its line numbers then match the page), a fragment set into a
// small valid document.
func document(text string, v any, complete func(any) (any, bool)) string {
	doc, whole := complete(v)
	if whole {
		return text
	}
	b, err := yaml.Marshal(dates(doc))
	if err != nil {
		panic(err)
	}
	return string(b)
}

// leafletDoc completes a leaflet fragment: top-level fields, a list of
// blocks, or a section (heading and body).
func leafletDoc(v any) (any, bool) {
	doc := map[string]any{"title": "An example", "sections": []any{map[string]any{"body": []any{"A paragraph."}}}}
	switch x := v.(type) {
	case []any:
		doc["sections"] = []any{map[string]any{"body": x}}
	case map[string]any:
		if _, ok := x["title"]; ok {
			if _, ok := x["sections"]; ok {
				return x, true
			}
		}
		if _, ok := x["body"]; ok {
			doc["sections"] = []any{x}
			break
		}
		for k, val := range x {
			doc[k] = val
		}
	}
	return doc, false
}

// siteDoc completes a site fragment with the fields the sample leaflets'
// placeholders ask for.
func siteDoc(v any) (any, bool) {
	x, _ := v.(map[string]any)
	if _, ok := x["name"]; ok && len(x) > 2 {
		return x, true
	}
	doc := map[string]any{"name": "An Example Clinic", "department": "Family Medicine", "phone": "(555) 555-0100"}
	for k, val := range x {
		doc[k] = val
	}
	return doc, false
}

// layoutDoc takes a layout fragment as it is, since every layout field has
// a default, except that a fold needs a landscape duplex sheet and an
// imposition pages half the sheet's width.
func layoutDoc(v any) (any, bool) {
	x, _ := v.(map[string]any)
	if len(x) > 3 {
		return x, true
	}
	doc := map[string]any{}
	for k, val := range x {
		doc[k] = val
	}
	if _, ok := x["page"]; !ok {
		if _, ok := x["fold"]; ok {
			doc["page"] = map[string]any{"size": "letter", "orientation": "landscape", "duplex": true}
		}
		if _, ok := x["imposition"]; ok {
			doc["page"] = map[string]any{"width": "5.5in", "height": "8.5in"}
		}
	}
	return doc, false
}

// dates writes back as YAML dates the dates the YAML reader turned into
// times, which would otherwise come out as timestamps.
func dates(v any) any {
	switch x := v.(type) {
	case time.Time:
		return x.Format(time.DateOnly)
	case map[string]any:
		for k, val := range x {
			x[k] = dates(val)
		}
	case []any:
		for i, val := range x {
			x[i] = dates(val)
		}
	}
	return v
}

// jobDoc completes a job fragment with a leaflet and its own output folder.
func jobDoc(name string) func(any) (any, bool) {
	return func(v any) (any, bool) {
		x, _ := v.(map[string]any)
		if _, ok := x["leaflets"]; ok {
			return x, true
		}
		doc := map[string]any{"leaflets": []any{"content/leaflets/let-down-reflex.yaml"}, "output": "out/" + name}
		for k, val := range x {
			doc[k] = val
		}
		return doc, false
	}
}

// workspace makes the scratch folder a page's examples run in: the
// samples as content/, and a print room's library/ and sites/ folders.
func workspace(t *testing.T) string {
	ws := t.TempDir()
	copyDir(t, filepath.Join("..", "content"), filepath.Join(ws, "content"))
	copyDir(t, filepath.Join("..", "content", "leaflets"), filepath.Join(ws, "library"))
	copyDir(t, filepath.Join("..", "content", "sites"), filepath.Join(ws, "sites"))
	if err := os.MkdirAll(filepath.Join(ws, "out"), 0o755); err != nil {
		t.Fatal(err)
	}
	return ws
}

// buildHandout builds the command once for the run.
func buildHandout(t *testing.T) string {
	bin := filepath.Join(t.TempDir(), "handout")
	cmd := exec.Command("go", "build", "-o", bin, "../cmd/handout")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	write(t, to, string(b))
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		copyFile(t, path, filepath.Join(to, rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
