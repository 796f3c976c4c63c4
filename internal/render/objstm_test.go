package render

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"handout/internal/pdftest"
)

// TestLargeCombinedJobSplitsObjectStreams: a print job with more
// structure elements than one object stream holds has them in several
// streams, written between the handouts' pages; qpdf finds nothing wrong,
// its cross-reference stream leads to every element, and pikepdf reads
// the whole structure tree (the PDF/UA checks walk all of it).
func TestLargeCombinedJobSplitsObjectStreams(t *testing.T) {
	r := newRenderer(t)
	leaflets, _ := filepath.Glob(filepath.Join(repo, "content", "leaflets", "*.yaml"))
	var jobs []Job
	for _, s := range []string{"riverside", "hillcrest"} {
		for _, l := range leaflets {
			jobs = append(jobs, Job{Leaflet: l, Site: site(s)})
		}
	}
	pdf := combined(t, r, jobs, false)
	path := writeTemp(t, pdf)
	check := pdftest.Output(t, "qpdf", "--check", path)
	if !strings.Contains(check, "No syntax or stream encoding errors") || strings.Contains(strings.ToLower(check), "warning") {
		t.Fatalf("qpdf --check:\n%s", check)
	}
	xref := pdftest.Output(t, "qpdf", "--show-xref", path)
	streams := map[string]int{}
	for _, m := range regexp.MustCompile(`compressed; stream = (\d+)`).FindAllStringSubmatch(xref, -1) {
		streams[m[1]]++
	}
	if len(streams) < 2 {
		t.Fatalf("%d object streams; the job should need several (%v)", len(streams), streams)
	}
	// a full stream is written at once, among the pages, not kept for the
	// end: before the page tree (object 1), which is written last
	offsets := regexp.MustCompile(`(?m)^(\d+)/0: uncompressed; offset = (\d+)$`).FindAllStringSubmatch(xref, -1)
	at := map[string]int{}
	for _, m := range offsets {
		at[m[1]], _ = strconv.Atoi(m[2])
	}
	early := false
	for s := range streams {
		if _, ok := at[s]; !ok {
			t.Errorf("object stream %s is not an uncompressed object of the file", s)
		}
		early = early || at[s] < at["1"]
	}
	if !early {
		t.Errorf("every object stream comes after the page tree: the structure elements were kept to the end")
	}
	problems, summary := matterhorn(t, pdf)
	for _, p := range problems {
		t.Error(p)
	}
	if !strings.Contains(summary, `"Part"`) {
		t.Errorf("pikepdf does not read the handouts' Parts: %s", summary)
	}
}
