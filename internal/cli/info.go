package cli

import (
	"fmt"

	"handout/internal/load"
	"handout/layouts"
)

func runLayouts(env *Env, args []string) int {
	if len(args) > 0 {
		if args[0] == "-h" || args[0] == "--help" {
			fmt.Fprintln(env.Stdout, "Usage: handout layouts\n\nLists the built-in layouts for --layout, with their page size.")
			return ExitOK
		}
		fmt.Fprintln(env.Stderr, "handout layouts: takes no arguments")
		return ExitUsage
	}
	for _, name := range layouts.Names() {
		l, err := load.Layout(name)
		if err != nil {
			fmt.Fprintf(env.Stderr, "%v\n", err)
			return ExitFail
		}
		fmt.Fprintf(env.Stdout, "%-12s %s (%.0f x %.0f pt)\n", name, l.Description, l.PageWidth, l.PageHeight)
	}
	return ExitOK
}

func runVersion(env *Env, args []string) int {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
		fmt.Fprintln(env.Stdout, "Usage: handout version\n\nPrints the version of handout.")
		return ExitOK
	}
	fmt.Fprintf(env.Stdout, "handout %s\n", env.Version)
	return ExitOK
}
