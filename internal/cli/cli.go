// Package cli is the command line of handout: it parses flags with pflag,
// runs the pipeline and maps outcomes to exit codes (0 success, 1 bad input
// or failed render, 2 usage error).
package cli

import (
	"fmt"
	"io"
	"strings"
)

// Exit codes.
const (
	ExitOK    = 0
	ExitFail  = 1
	ExitUsage = 2
)

// Env is what a command may use from the outside world, so tests can run
// commands in-process.
type Env struct {
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Version        string
}

type command struct {
	name, summary string
	run           func(env *Env, args []string) int
}

func commands() []command {
	return []command{
		{"render", "render leaflets to print-ready PDF", runRender},
		{"batch", "render a job file: many leaflets for many sites", runBatch},
		{"check", "check leaflets, sites and layouts before anything is printed", runCheck},
		{"merge-reports", "merge the --report files of a job's shards into one", runMergeReports},
		{"serve", "serve the front desk: a web page and an HTTP API for handouts", runServe},
		{"layouts", "list the built-in layouts", runLayouts},
		{"version", "print the version", runVersion},
	}
}

// Run runs the command line and returns the exit code.
func Run(env *Env, args []string) int {
	if len(args) == 0 {
		usage(env.Stderr)
		return ExitUsage
	}
	switch args[0] {
	case "-h", "--help", "help":
		usage(env.Stdout)
		return ExitOK
	case "--version":
		return runVersion(env, nil)
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(env, args[1:])
		}
	}
	fmt.Fprintf(env.Stderr, "handout: unknown command %q\n", args[0])
	usage(env.Stderr)
	return ExitUsage
}

func usage(w io.Writer) {
	var b strings.Builder
	b.WriteString("handout turns a YAML leaflet, a site's branding and a layout into a print-ready PDF.\n\nUsage:\n  handout <command> [flags]\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.summary)
	}
	b.WriteString("\nRun 'handout <command> --help' for a command's flags.\n")
	io.WriteString(w, b.String())
}
