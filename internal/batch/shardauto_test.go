package batch

import (
	"strings"
	"testing"
)

// TestAutoShardReadsTheIndexedJobEnvironment: a Kubernetes Indexed Job
// sets JOB_COMPLETION_INDEX from 0; shards count from 1.
func TestAutoShardReadsTheIndexedJobEnvironment(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	for _, c := range []struct {
		env   func(string) string
		count int
		want  string
		err   string
	}{
		{env("JOB_COMPLETION_INDEX", "0", "HANDOUT_SHARDS", "4"), 0, "1/4", ""},
		{env("JOB_COMPLETION_INDEX", "3", "HANDOUT_SHARDS", "4"), 0, "4/4", ""},
		{env("JOB_COMPLETION_INDEX", "2"), 3, "3/3", ""},
		{env("JOB_COMPLETION_INDEX", "1", "HANDOUT_SHARDS", "9"), 2, "2/2", ""}, // the flag wins
		{env("JOB_COMPLETION_INDEX", "4", "HANDOUT_SHARDS", "4"), 0, "", "out of range"},
		{env("HANDOUT_SHARDS", "4"), 0, "", "needs JOB_COMPLETION_INDEX"},
		{env("JOB_COMPLETION_INDEX", "1"), 0, "", "--shards N, or HANDOUT_SHARDS"},
		{env("JOB_COMPLETION_INDEX", "-1", "HANDOUT_SHARDS", "4"), 0, "", "not an index"},
		{env("JOB_COMPLETION_INDEX", "1", "HANDOUT_SHARDS", "zero"), 0, "", "not a number of shards"},
	} {
		sh, err := AutoShard(c.env, c.count)
		switch {
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("want an error with %q, got %v (%v)", c.err, err, sh)
		case c.err == "" && (err != nil || sh.String() != c.want):
			t.Errorf("got %v %v, want %s", sh, err, c.want)
		}
	}
}
