package render

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"handout/internal/pdftest"
	"handout/internal/typeset"
)

// TestSamplesGiveBackTheirText renders every sample in every layout family
// and reads each page back with pdftotext: the characters that come back,
// in order, are exactly the text the typesetter set on that page (the
// source text with its placeholders filled), ligatures, kerned pairs and
// accents included. The PDF also draws with mutool and pdftoppm without a
// warning.
func TestSamplesGiveBackTheirText(t *testing.T) {
	pdftest.Tool(t, "pdftotext")
	mutool := pdftest.Tool(t, "mutool")
	pdftoppm := pdftest.Tool(t, "pdftoppm")
	r := newRenderer(t)
	leaflets, _ := filepath.Glob(filepath.Join(repo, "content", "leaflets", "*.yaml"))
	dir := t.TempDir()
	for _, lay := range []string{"letter", "a4-2col", "trifold", "booklet", "large-print"} {
		for _, leaf := range leaflets {
			name := lay + "-" + strings.TrimSuffix(filepath.Base(leaf), ".yaml")
			res, err := r.Render(Job{Leaflet: leaf, Site: site("riverside"), Layout: lay})
			if err != nil {
				if strings.Contains(err.Error(), "does not fit") {
					continue // a folded leaflet too long for its panels says so; tested elsewhere
				}
				t.Fatalf("%s: %v", name, err)
			}
			path := filepath.Join(dir, name+".pdf")
			if err := os.WriteFile(path, res.PDF, 0o644); err != nil {
				t.Fatal(err)
			}
			for i, p := range res.Doc.Pages {
				n := itoa(i + 1)
				got := squeeze(output(t, "pdftotext", "-f", n, "-l", n, "-raw", "-enc", "UTF-8", path, "-"))
				want := squeeze(pageText(p))
				if hasRTL(p) {
					// -raw gives the glyphs in drawing order, which in a
					// right-to-left line is visual (and pdftotext adds
					// embedding marks around it): compare the characters
					// as a multiset here; TestScriptSamplesGiveBackTheirText
					// checks their reading order
					got, want = sorted(bidiControls.Replace(got)), sorted(want)
				}
				if i == 0 && len(want) < 100 {
					t.Errorf("%s: page 1 sets only %q", name, want)
				}
				if got != want {
					t.Errorf("%s page %s: pdftotext gives back\n%q\nbut the page sets\n%q", name, n, got, want)
				}
			}
			for _, c := range [][]string{{mutool, "draw", "-q", "-o", os.DevNull, path}, {pdftoppm, "-r", "20", "-png", path, filepath.Join(dir, name)}} {
				out, err := exec.Command(c[0], c[1:]...).CombinedOutput()
				if msg := warnings(string(out)); err != nil || msg != "" {
					t.Errorf("%s: %s: %v %s", name, filepath.Base(c[0]), err, msg)
				}
			}
		}
	}
}

// hasRTL reports whether a page sets right-to-left text.
func hasRTL(p *typeset.Page) bool {
	for _, it := range p.Items {
		if x, ok := it.(*typeset.Text); ok && x.RTL {
			return true
		}
	}
	return false
}

// sorted returns the characters of s in code point order.
func sorted(s string) string {
	r := []rune(s)
	slices.Sort(r)
	return string(r)
}

// pageText is the text a page sets, in painting order.
func pageText(p *typeset.Page) string {
	var b strings.Builder
	for _, it := range p.Items {
		if x, ok := it.(*typeset.Text); ok {
			b.WriteString(x.Text)
		}
	}
	return b.String()
}

// squeeze drops white space, which pdftotext infers from gaps rather than
// reads, so only the characters and their order are compared.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\f' {
			return -1
		}
		return r
	}, s)
}

// warnings keeps what a PDF reader printed, less the note of a mutool
// built without colour management, which every file gets.
func warnings(out string) string {
	var keep []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l != "" && !strings.Contains(l, "ICC support is not available") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}
