package batch

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"handout/internal/safeio"
)

// shardReport is a --report file as MergeReports reads it: the records are
// kept as they were written.
type shardReport struct {
	Handout  string            `json:"handout"`
	Job      string            `json:"job,omitempty"`
	Shard    string            `json:"shard,omitempty"`
	Started  time.Time         `json:"started"`
	Outputs  []json.RawMessage `json:"outputs"`
	Summary  reportSummary     `json:"summary"`
	Finished time.Time         `json:"finished"`
}

// MergedReport is the report of a whole job put together from its shards'
// reports: the same format as one unsharded run's, with the shards listed.
type MergedReport struct {
	Handout  string            `json:"handout"`
	Job      string            `json:"job,omitempty"`
	Shards   []string          `json:"shards"`
	Started  time.Time         `json:"started"`
	Outputs  []json.RawMessage `json:"outputs"`
	Summary  reportSummary     `json:"summary"`
	Finished time.Time         `json:"finished"`
}

// MergeReports reads the reports of the shards of one job and merges them:
// records in the job's plan order (their index), counts added up, seconds
// the longest shard's (they ran side by side). It refuses reports of
// different jobs, a shard given twice, a missing shard, and a record that
// two shards both claim.
func MergeReports(paths []string) (*MergedReport, error) {
	if len(paths) == 0 {
		return nil, fmt.Errorf("no reports to merge")
	}
	m := &MergedReport{Shards: []string{}, Outputs: []json.RawMessage{}}
	seenShard := map[string]string{}
	type keyed struct {
		index int
		rec   json.RawMessage
	}
	var recs []keyed
	count := 0
	for i, p := range paths {
		r, err := readShardReport(p)
		if err != nil {
			return nil, err
		}
		n := 1
		if r.Shard != "" {
			sh, err := ParseShard(r.Shard)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", p, err)
			}
			n = sh.Count
		}
		if i == 0 {
			m.Handout, m.Job, m.Started, m.Finished, count = r.Handout, r.Job, r.Started, r.Finished, n
		}
		if r.Job != m.Job || n != count {
			return nil, fmt.Errorf("%s: a report of another job or another split (job %q in %d shares, not %q in %d)", p, r.Job, n, m.Job, count)
		}
		if prev, dup := seenShard[r.Shard]; dup {
			return nil, fmt.Errorf("%s: shard %s was already given by %s", p, r.Shard, prev)
		}
		seenShard[r.Shard] = p
		if r.Shard != "" {
			m.Shards = append(m.Shards, r.Shard)
		}
		if r.Started.Before(m.Started) {
			m.Started = r.Started
		}
		if r.Finished.After(m.Finished) {
			m.Finished = r.Finished
		}
		addSummary(&m.Summary, r.Summary)
		for _, raw := range r.Outputs {
			var idx struct {
				Index int `json:"index"`
			}
			if err := json.Unmarshal(raw, &idx); err != nil {
				return nil, fmt.Errorf("%s: %v", p, err)
			}
			recs = append(recs, keyed{idx.Index, raw})
		}
	}
	if len(seenShard) != count {
		return nil, fmt.Errorf("%d of %d shards' reports given; each shard's report is needed", len(seenShard), count)
	}
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].index < recs[j].index })
	for i, r := range recs {
		if i > 0 && recs[i-1].index == r.index {
			return nil, fmt.Errorf("output %d is in two shards' reports", r.index)
		}
		m.Outputs = append(m.Outputs, r.rec)
	}
	sort.Strings(m.Shards)
	return m, nil
}

// maxReport bounds what is read of a shard's report: a record is well
// under a kilobyte, so this holds hundreds of thousands of outputs.
const maxReport = 256 << 20

func readShardReport(path string) (*shardReport, error) {
	b, err := safeio.ReadFile(path, maxReport)
	if err != nil {
		return nil, err
	}
	var r shardReport
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("%s: not a handout report: %v", path, err)
	}
	return &r, nil
}

func addSummary(to *reportSummary, s reportSummary) {
	to.Total += s.Total
	to.Rendered += s.Rendered
	to.Failed += s.Failed
	to.Skipped += s.Skipped
	to.NotStarted += s.NotStarted
	to.Seconds = max(to.Seconds, s.Seconds)
	to.Interrupted = to.Interrupted || s.Interrupted
	to.Stopped = to.Stopped || s.Stopped
}

// WriteMerged writes a merged report as indented JSON, atomically.
func WriteMerged(path string, m *MergedReport) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return WriteAtomic(path, append(b, '\n'), nil)
}
