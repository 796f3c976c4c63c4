package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"handout/internal/batch"
	"handout/internal/check"
)

func runCheck(env *Env, args []string) int {
	fs := pflag.NewFlagSet("check", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	site := fs.String("site", "", "site folder or site.yaml the leaflets are printed with (checked too)")
	layout := fs.String("layout", check.DefaultLayout, "built-in layout name or layout file the leaflets are printed with")
	asOf := fs.String("as-of", "", "date to measure review periods and future dates against, YYYY-MM-DD (default: today)")
	grade := fs.Float64("grade", check.DefaultGrade, "target reading grade (US school grade)")
	months := fs.Int("review-months", check.DefaultReviewMonths, "months a review stays current")
	with := fs.String("with", "", "a translation of the one leaflet checked, as render --with prints them together: sections must pair")
	allowHTTP := fs.Bool("allow-http", false, "accept a leaflet url that uses http (only https by default)")
	strict := fs.Bool("strict", false, "exit 1 on warnings too, not only on errors")
	format := fs.String("format", "text", "output: text, or json for scripts (schema in docs/check.md)")
	assets := addAssetsFlag(fs)
	fontDirs := addFontsFlag(fs)
	help := fs.BoolP("help", "h", false, "show this help")
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(env.Stderr, "handout check: "+format+"\n", a...)
		fmt.Fprint(env.Stderr, checkUsage(fs))
		return ExitUsage
	}
	if err := fs.Parse(args); err != nil {
		return usageErr("%v", err)
	}
	if *help {
		fmt.Fprint(env.Stdout, checkUsage(fs))
		return ExitOK
	}
	if fs.NArg() == 0 {
		return usageErr("give at least one file to check")
	}
	if *format != "text" && *format != "json" {
		return usageErr("--format must be text or json, not %q", *format)
	}
	if *grade <= 0 || *grade > 20 {
		return usageErr("--grade must be a school grade between 1 and 20, not %g", *grade)
	}
	if *months <= 0 {
		return usageErr("--review-months must be a positive number of months, not %d", *months)
	}
	if *site != "" && batch.HoldsSites(*site) {
		return usageErr("--site %s is a folder of sites; check takes one site at a time (run it once per site, e.g. for s in %s/*/; do handout check ... --site \"$s\"; done)", *site, strings.TrimSuffix(*site, "/"))
	}
	if err := checkAssets(*assets); err != nil {
		return usageErr("%v", err)
	}
	if err := checkFonts(*fontDirs); err != nil {
		return usageErr("%v", err)
	}
	opts := check.Options{TargetGrade: *grade, ReviewMonths: *months, Site: *site, Layout: *layout, Assets: *assets, Fonts: *fontDirs, AllowHTTP: *allowHTTP, With: *with}
	if *asOf != "" {
		t, err := time.Parse("2006-01-02", *asOf)
		if err != nil {
			return usageErr("--as-of %q is not a date; write it as YYYY-MM-DD", *asOf)
		}
		opts.AsOf = t
	}
	files, err := check.Expand(fs.Args())
	if err != nil {
		return usageErr("%v", err)
	}
	if *with != "" && len(files) != 1 {
		return usageErr("--with pairs one leaflet with its translation; give one leaflet, not %d files", len(files))
	}
	report, err := check.Run(files, opts)
	if err != nil {
		fmt.Fprintf(env.Stderr, "handout: %v\n", err)
		return ExitFail
	}
	if *format == "json" {
		err = check.WriteJSON(env.Stdout, report, *strict)
	} else {
		err = check.WriteText(env.Stdout, report, colorful(env, env.Stdout))
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "handout: writing the report: %v\n", err)
		return ExitFail
	}
	if report.Failed(*strict) {
		return ExitFail
	}
	return ExitOK
}

// colorful reports whether w is a terminal that wants color: not when
// NO_COLOR is set or TERM is dumb, and never into a file or a pipe.
func colorful(env *Env, w io.Writer) bool {
	if env.Getenv("NO_COLOR") != "" || env.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func checkUsage(fs *pflag.FlagSet) string {
	return "Usage: handout check FILE... [--site PATH] [--layout NAME|PATH] [--grade N] [--review-months N] [--as-of DATE] [--strict] [--format text|json] [--fonts DIR]\n\n" +
		"Checks leaflets, sites and layouts without rendering: everything 'handout render' would\n" +
		"reject (errors), and what makes a handout hard to read or out of date (warnings).\n" +
		"FILE may be a leaflet, a site folder or site.yaml, a layout file, a folder of YAML files,\n" +
		"or a glob pattern such as 'content/leaflets/*.yaml'.\n\n" +
		"Exit status: 0 with no errors (warnings allowed unless --strict), 1 with errors, 2 for a usage error.\n" +
		"What each check means: docs/check.md.\n\nFlags:\n" + fs.FlagUsages()
}
