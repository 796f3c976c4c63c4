package pdf

import (
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"handout/fonts"
	"handout/internal/pdftest"
)

// noto parses the embedded Noto Sans faces once for all tests, as the
// engine does once per process.
var noto = sync.OnceValues(func() ([]*FontProgram, error) {
	r, b, i, bi := fonts.NotoSans()
	var out []*FontProgram
	for _, data := range [][]byte{r, b, i, bi} {
		p, err := ParseFont(data)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
})

func regular(t testing.TB) *FontProgram {
	t.Helper()
	ps, err := noto()
	if err != nil {
		t.Fatal(err)
	}
	return ps[0]
}

// cmap maps a character to its glyph through the font's format 4 subtable;
// the tests need it because shaping is not this package's job.
func cmap(t testing.TB, p *FontProgram, r rune) uint16 {
	t.Helper()
	c := p.tables["cmap"]
	n := int(binary.BigEndian.Uint16(c[2:]))
	for i := 0; i < n; i++ {
		off := int(binary.BigEndian.Uint32(c[4+8*i+4:]))
		if binary.BigEndian.Uint16(c[off:]) != 4 {
			continue
		}
		sub := c[off:]
		segs := int(binary.BigEndian.Uint16(sub[6:])) / 2
		ends, starts := sub[14:], sub[16+2*segs:]
		deltas, ranges := sub[16+4*segs:], sub[16+6*segs:]
		for s := 0; s < segs; s++ {
			end, start := rune(binary.BigEndian.Uint16(ends[2*s:])), rune(binary.BigEndian.Uint16(starts[2*s:]))
			if r < start || r > end {
				continue
			}
			delta, ro := binary.BigEndian.Uint16(deltas[2*s:]), int(binary.BigEndian.Uint16(ranges[2*s:]))
			if ro == 0 {
				return uint16(r) + delta
			}
			g := binary.BigEndian.Uint16(ranges[2*s+ro+2*int(r-start):])
			if g == 0 {
				break
			}
			return g + delta
		}
	}
	t.Fatalf("no glyph for %q", r)
	return 0
}

// shapeSimple turns text into one glyph per character at the font's own
// advances, with the ToUnicode text recorded.
func shapeSimple(t testing.TB, f *Font, size float64, text string) []Glyph {
	t.Helper()
	var gs []Glyph
	for _, r := range text {
		id := cmap(t, f.prog, r)
		f.Use(id, string(r))
		gs = append(gs, Glyph{ID: id, XAdvance: f.prog.width(id) * size / 1000})
	}
	return gs
}

// writePDF writes a document built by fill to a temporary file.
func writePDF(t testing.TB, fill func(d *Document)) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	d := NewDocument(&buf, Options{})
	fill(d)
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, buf.Bytes()
}

// checkValid runs qpdf --check and both renderers, failing on any warning.
func checkValid(t testing.TB, path string) {
	t.Helper()
	out := pdftest.Output(t, "qpdf", "--check", path)
	if !strings.Contains(out, "No syntax or stream encoding errors found") || strings.Contains(strings.ToLower(out), "warning") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	dir := t.TempDir()
	for _, cmd := range [][]string{
		{"mutool", "draw", "-q", "-r", "36", "-o", filepath.Join(dir, "m%d.png"), path},
		{"pdftoppm", "-r", "36", "-png", path, filepath.Join(dir, "p")},
	} {
		c := exec.Command(pdftest.Tool(t, cmd[0]), cmd[1:]...)
		var stderr bytes.Buffer
		c.Stderr = &stderr
		err := c.Run()
		// this mutool build says so for every file; it is not about ours
		msg := strings.ReplaceAll(stderr.String(), "warning: ICC support is not available\n", "")
		if err != nil || msg != "" {
			t.Errorf("%s: %v\n%s", cmd[0], err, msg)
		}
	}
}

// pdfText is what pdftotext extracts, without page breaks.
func pdfText(t testing.TB, path string) string {
	t.Helper()
	out := pdftest.Output(t, "pdftotext", "-enc", "UTF-8", path, "-")
	out = regexp.MustCompile(`\n*\f\n*`).ReplaceAllString(out, "\n")
	return strings.TrimRight(out, "\n")
}

// squeeze collapses runs of spaces, for comparing tools' tabular output.
func squeeze(s string) string {
	return regexp.MustCompile(` +`).ReplaceAllString(s, " ")
}
