package batch

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"time"
)

// Status is what became of one output.
type Status string

// The statuses of an output.
const (
	Rendered   Status = "rendered"    // rendered and written
	Skipped    Status = "skipped"     // already newer than all its inputs
	Failed     Status = "failed"      // an input is wrong, or rendering or writing failed
	NotStarted Status = "not started" // the run was interrupted or stopped first
)

// Record is the report's entry for one output. The JSON field names are the
// report format documented in docs/batch.md.
type Record struct {
	Index   int    `json:"index"` // position in the whole job, before sharding
	Output  string `json:"output"`
	Status  Status `json:"status"`
	Leaflet string `json:"leaflet"`
	Site    string `json:"site,omitempty"`
	Layout  string `json:"layout"`
	// Inputs are the files the output is made from: the leaflet, the site
	// file and images, the leaflet's images and a layout file.
	Inputs []string `json:"inputs,omitempty"`
	// Pages, Bytes and SHA256 describe the file on disk: the one written,
	// or for a skipped output the one already there.
	Pages      int      `json:"pages,omitempty"`
	Bytes      int64    `json:"bytes,omitempty"`
	SHA256     string   `json:"sha256,omitempty"`
	DurationMS float64  `json:"duration_ms"`
	Warnings   []string `json:"warnings,omitempty"`
	Errors     []string `json:"errors,omitempty"`
}

// describe fills in the file facts of a PDF's bytes.
func (r *Record) describe(pdf []byte, pages int) {
	sum := sha256.Sum256(pdf)
	r.SHA256 = hex.EncodeToString(sum[:])
	r.Bytes = int64(len(pdf))
	r.Pages = pages
}

func (r *Record) took(d time.Duration) {
	r.DurationMS = float64(d.Microseconds()) / 1000
}

// pageCount reads the page count of a PDF that handout wrote: the /Count of
// its page tree. It returns 0 when it cannot tell; the report then leaves
// pages out rather than guess.
func pageCount(pdf []byte) int {
	i := bytes.Index(pdf, []byte("/Type /Pages"))
	if i < 0 {
		return 0
	}
	// the page tree's dictionary holds no other dictionary, so it runs
	// from the "<<" before its /Type to the ">>" after it
	start := bytes.LastIndex(pdf[:i], []byte("<<"))
	end := bytes.Index(pdf[i:], []byte(">>"))
	if start < 0 || end < 0 {
		return 0
	}
	dict := pdf[start : i+end]
	j := bytes.Index(dict, []byte("/Count "))
	if j < 0 {
		return 0
	}
	num := dict[j+len("/Count "):]
	k := 0
	for k < len(num) && num[k] >= '0' && num[k] <= '9' {
		k++
	}
	n, err := strconv.Atoi(string(num[:k]))
	if err != nil {
		return 0
	}
	return n
}

// completePDF reports whether data looks like a whole PDF: the header at
// the start and the end-of-file marker at the end.
func completePDF(data []byte) bool {
	return bytes.HasPrefix(data, []byte("%PDF-")) && bytes.HasSuffix(bytes.TrimRight(data, "\r\n \t"), []byte("%%EOF"))
}
