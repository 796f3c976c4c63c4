package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"handout/internal/batch"
	"handout/internal/safeio"
)

func runMergeReports(env *Env, args []string) int {
	fs := pflag.NewFlagSet("merge-reports", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.StringP("output", "o", "", "the merged report to write (required)")
	help := fs.BoolP("help", "h", false, "show this help")
	usage := func() string {
		return "Usage: handout merge-reports -o REPORT.json SHARD_REPORT.json...\n\n" +
			"Merges the --report files of every shard of one job (handout batch --shard) into\n" +
			"the report one unsharded run would have written: records in the job's order,\n" +
			"counts added up. It fails if a shard's report is missing or given twice.\n" +
			"A quoted pattern such as 'print/report-*.json' is expanded here, for callers with no shell.\n\nFlags:\n" + fs.FlagUsages()
	}
	if err := fs.Parse(args); err != nil || (!*help && (*out == "" || fs.NArg() == 0)) {
		if err == nil {
			err = fmt.Errorf("give -o and the shards' reports")
		}
		fmt.Fprintf(env.Stderr, "handout merge-reports: %v\n%s", err, usage())
		return ExitUsage
	}
	if *help {
		fmt.Fprint(env.Stdout, usage())
		return ExitOK
	}
	paths, err := expandReports(fs.Args())
	if err != nil {
		fmt.Fprintf(env.Stderr, "handout merge-reports: %v\n", err)
		return ExitFail
	}
	files := safeio.NewFiles()
	for _, p := range paths {
		files.Input(p)
	}
	if err := files.Output(*out); err != nil {
		fmt.Fprintf(env.Stderr, "handout merge-reports: %v\n", err)
		return ExitUsage
	}
	m, err := batch.MergeReports(paths)
	if err == nil {
		err = batch.WriteMerged(*out, m)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "handout merge-reports: %v\n", err)
		return ExitFail
	}
	return ExitOK
}

// expandReports expands glob patterns itself, so a container with no shell
// (a Kubernetes step) can name every shard's report with one pattern.
func expandReports(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if !strings.ContainsAny(a, "*?[") {
			out = append(out, a)
			continue
		}
		m, err := filepath.Glob(a)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", a, err)
		}
		if len(m) == 0 {
			return nil, fmt.Errorf("%s matches no report", a)
		}
		out = append(out, m...)
	}
	return out, nil
}
