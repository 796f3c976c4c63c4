package batch

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"time"
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
	dest string
	tmp  *os.File
	w    *bufio.Writer
	n    int
	err  error
}

// NewReport starts a report that Close will write to dest.
func NewReport(dest string, info ReportInfo) (*Report, error) {
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(dest), tmpPrefix(dest)+"*"+tmpSuffix)
	if err != nil {
		return nil, err
	}
	r := &Report{dest: dest, tmp: tmp, w: bufio.NewWriter(tmp)}
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
	err := errors.Join(r.w.Flush(), r.tmp.Sync(), r.tmp.Close())
	if err == nil {
		err = os.Chmod(r.tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(r.tmp.Name(), r.dest)
	}
	if err != nil {
		os.Remove(r.tmp.Name())
	}
	return err
}

// Abort discards the report.
func (r *Report) Abort() {
	r.tmp.Close()
	os.Remove(r.tmp.Name())
}
