package batch

import (
	"fmt"
	"strconv"
	"strings"
)

// The environment that --shard auto reads. A Kubernetes Indexed Job sets
// the index in every pod (0 to completions-1); the count comes from
// --shards, or from ShardsEnv, which the Job's pod template sets.
const (
	IndexEnv  = "JOB_COMPLETION_INDEX"
	ShardsEnv = "HANDOUT_SHARDS"
)

// AutoShard works out this host's shard, numbered from 1, from the index
// the orchestrator sets (counted from 0) and the number of shards: count
// when it is above zero, otherwise ShardsEnv.
func AutoShard(getenv func(string) string, count int) (Shard, error) {
	idx := strings.TrimSpace(getenv(IndexEnv))
	if idx == "" {
		return Shard{}, fmt.Errorf("--shard auto needs %s (a Kubernetes Indexed Job sets it in each pod); elsewhere give --shard I/N", IndexEnv)
	}
	i, err := strconv.Atoi(idx)
	if err != nil || i < 0 {
		return Shard{}, fmt.Errorf("%s=%q is not an index from 0", IndexEnv, idx)
	}
	if count <= 0 {
		n := strings.TrimSpace(getenv(ShardsEnv))
		if n == "" {
			return Shard{}, fmt.Errorf("--shard auto needs the number of shards: --shards N, or %s in the environment (the Job's completions)", ShardsEnv)
		}
		if count, err = strconv.Atoi(n); err != nil || count < 1 {
			return Shard{}, fmt.Errorf("%s=%q is not a number of shards", ShardsEnv, n)
		}
	}
	if i >= count {
		return Shard{}, fmt.Errorf("%s=%d is out of range for %d shards (0 to %d)", IndexEnv, i, count, count-1)
	}
	return Shard{Index: i + 1, Count: count}, nil
}
