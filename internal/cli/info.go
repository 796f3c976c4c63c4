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
		size := fmt.Sprintf("%.0f x %.0f pt", l.PageWidth, l.PageHeight)
		if l.Booklet {
			size = fmt.Sprintf("%.0f x %.0f pt pages on %.0f x %.0f pt sheets", l.PageWidth, l.PageHeight, l.SheetWidth, l.SheetHeight)
		}
		fmt.Fprintf(env.Stdout, "%-12s %s (%s)\n", name, l.Description, size)
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
