package cli

import (
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"handout/internal/batch"
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
			"counts added up. It fails if a shard's report is missing or given twice.\n\nFlags:\n" + fs.FlagUsages()
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
	m, err := batch.MergeReports(fs.Args())
	if err == nil {
		err = batch.WriteMerged(*out, m)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "handout merge-reports: %v\n", err)
		return ExitFail
	}
	return ExitOK
}
