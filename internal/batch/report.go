package batch

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"time"

	"handout/internal/safeio"
)

// ReportInfo heads a report: what ran, and when.
type ReportInfo struct {
	Handout string    `json:"handout"`         // the program's version
	Job     string    `json:"job,omitempty"`   // the job file, for handout batch
	Shard   string    `json:"shard,omitempty"` // I/N when the run was one shard
	Started time.Time `json:"started"`
}

// Report writes the --report file as the run goes: one record per output,
// in plan order, then the summary. Records stream to a temporary file that
// is renamed into place by Close, so a report on disk is always complete.
type Report struct {
	out *safeio.Output
	w   *bufio.Writer
	n   int
	err error
}

// NewReport starts a report that Close will write to dest. A report's
// temporary file left by a killed run is removed first. temps, when not
// nil, tracks the temporary file for an interrupted process to remove.
func NewReport(dest string, info ReportInfo, temps *safeio.Temps) (*Report, error) {
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return nil, err
	}
	removeStaleTemps(filepath.Dir(dest), time.Now())
	out, err := safeio.Create(dest, temps)
	if err != nil {
		return nil, err
	}
	r := &Report{out: out, w: bufio.NewWriter(out)}
	head, _ := json.MarshalIndent(info, "", "  ")
	// Reopen the header object to append the outputs list to it.
	r.w.Write(head[:len(head)-2])
	r.w.WriteString(",\n  \"outputs\": [")
	return r, nil
}

// Add appends one output's record.
func (r *Report) Add(rec *Record) error {
	if r.err != nil {
		return r.err
	}
	b, err := json.MarshalIndent(rec, "    ", "  ")
	if err != nil {
		r.err = err
		return err
	}
	if r.n > 0 {
		r.w.WriteByte(',')
	}
	r.w.WriteString("\n    ")
	_, r.err = r.w.Write(b)
	r.n++
	return r.err
}

// reportSummary is the summary as the report writes it.
type reportSummary struct {
	Total       int     `json:"total"`
	Rendered    int     `json:"rendered"`
	Failed      int     `json:"failed"`
	Skipped     int     `json:"skipped"`
	NotStarted  int     `json:"not_started"`
	Seconds     float64 `json:"seconds"`
	Interrupted bool    `json:"interrupted"`
	Stopped     bool    `json:"stopped"`
}

// Close writes the summary and puts the report in place.
func (r *Report) Close(s Summary) error {
	if r.err != nil {
		r.Abort()
		return r.err
	}
	if r.n > 0 {
		r.w.WriteString("\n  ")
	}
	tail, _ := json.MarshalIndent(struct {
		Summary  reportSummary `json:"summary"`
		Finished time.Time     `json:"finished"`
	}{reportSummary{
		Total: s.Total, Rendered: s.Rendered, Failed: s.Failed, Skipped: s.Skipped, NotStarted: s.NotStarted,
		Seconds: s.Elapsed.Seconds(), Interrupted: s.Interrupted, Stopped: s.Stopped,
	}, time.Now().UTC()}, "", "  ")
	r.w.WriteString("],")
	r.w.Write(tail[1:]) // the fields of the tail object, after its opening brace
	r.w.WriteByte('\n')
	if err := r.w.Flush(); err != nil {
		r.out.Abort()
		return err
	}
	return r.out.Commit(time.Time{})
}

// Abort discards the report.
func (r *Report) Abort() {
	r.out.Abort()
}
