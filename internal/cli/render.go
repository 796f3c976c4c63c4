package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"handout/internal/batch"
	"handout/internal/render"
	"handout/internal/safeio"
	"handout/internal/source"
)

func runRender(env *Env, args []string) int {
	fs := pflag.NewFlagSet("render", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	sites := fs.StringArray("site", nil, "site folder, site.yaml, or a folder of site folders for branding; repeat for several (default: plain, unbranded)")
	lays := fs.StringArray("layout", nil, "built-in layout name or path to a layout file; repeat for several (default: letter)")
	with := fs.String("with", "", "a translation of the leaflet to print with it, side by side or after it (one leaflet only)")
	out := fs.StringP("output", "o", "", "output PDF, - for standard output, or a folder ending in / (default: <leaflet>.pdf here)")
	rf := addRunFlags(fs)
	pf := addPrintFlags(fs)
	assets := addAssetsFlag(fs)
	fontDirs := addFontsFlag(fs)
	help := fs.BoolP("help", "h", false, "show this help")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(env.Stderr, "handout render: %v\n", err)
		fmt.Fprint(env.Stderr, renderUsage(fs))
		return ExitUsage
	}
	if *help {
		fmt.Fprint(env.Stdout, renderUsage(fs))
		return ExitOK
	}
	if fs.NArg() == 0 {
		fmt.Fprintf(env.Stderr, "handout render: give at least one leaflet file\n")
		fmt.Fprint(env.Stderr, renderUsage(fs))
		return ExitUsage
	}
	epoch, err := sourceDateEpoch(env.Getenv)
	if err != nil {
		fmt.Fprintf(env.Stderr, "handout render: %v\n", err)
		return ExitUsage
	}
	printOpts, err := pf.options()
	if err == nil {
		err = checkAssets(*assets)
	}
	if err == nil {
		err = checkFonts(*fontDirs)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "handout render: %v\n", err)
		return ExitUsage
	}
	site, layout := "", "letter"
	if len(*sites) == 1 {
		site = (*sites)[0]
	}
	if len(*lays) == 1 {
		layout = (*lays)[0]
	}
	leaflet := fs.Arg(0)
	many := fs.NArg() > 1 || len(*sites) > 1 || len(*lays) > 1 || batch.HoldsSites(site) ||
		isDir(leaflet) || (batch.IsPattern(leaflet) && !isFile(leaflet)) ||
		(site != "" && batch.IsPattern(site) && !isFile(site) && !isDir(site))
	folder := isFolderArg(*out)
	if !many && !folder && !rf.changed(fs) {
		return renderOne(env, render.Job{Leaflet: leaflet, With: *with, Site: site, Layout: layout, Epoch: epoch, Print: printOpts, Assets: *assets, Fonts: *fontDirs}, *out, rf.quiet)
	}
	if *with != "" {
		fmt.Fprintln(env.Stderr, "handout render: --with prints one bilingual handout: give one leaflet, one site and one layout")
		return ExitUsage
	}
	if *out == "-" {
		fmt.Fprintln(env.Stderr, "handout render: -o - writes one PDF to standard output: give one leaflet, one site and one layout, and no batch flags")
		return ExitUsage
	}
	set, code := rf.settings(env, "render")
	if code != ExitOK {
		return code
	}
	set.print, set.assets, set.fonts = printOpts, *assets, *fontDirs
	spec := batch.Spec{OutDir: "."}
	for _, a := range fs.Args() {
		spec.Leaflets = append(spec.Leaflets, batch.Entry{Path: a})
	}
	for _, s := range *sites {
		spec.Sites = append(spec.Sites, batch.Entry{Path: s})
	}
	for _, l := range *lays {
		spec.Layouts = append(spec.Layouts, batch.Entry{Path: l})
	}
	if folder {
		spec.OutDir = *out
	}
	outs, err := batch.Plan(spec)
	if err != nil {
		printProblems(env, err)
		return ExitFail
	}
	switch {
	case folder:
	case len(outs) == 1 && !many:
		// One output named like a single render: -o FILE, or <leaflet>.pdf here.
		dest := *out
		if dest == "" {
			dest = strings.TrimSuffix(filepath.Base(outs[0].Leaflet), filepath.Ext(outs[0].Leaflet)) + ".pdf"
		}
		outs[0].Path, outs[0].Rel = dest, filepath.ToSlash(filepath.Base(dest))
	case *out != "":
		if strings.EqualFold(filepath.Ext(*out), ".pdf") || isFile(*out) {
			fmt.Fprintf(env.Stderr, "handout render: -o %s names one file, but a folder, a pattern or several sites or layouts make a batch (%d outputs here); give a folder, e.g. -o out/\n", *out, len(outs))
			return ExitUsage
		}
		for i := range outs {
			outs[i].Path = filepath.Join(*out, filepath.FromSlash(outs[i].Rel))
		}
	}
	return runOutputs(env, "render", outs, set, batch.ReportInfo{})
}

// renderOne is the plain single render: one leaflet, one site, one layout,
// to a file or to standard output, with every problem printed as it is
// and, unless quiet, its warnings and a line saying what was written.
// Ctrl-C or SIGTERM stops it at once, leaving no temporary file.
func renderOne(env *Env, job render.Job, out string, quiet bool) int {
	dest := out
	if dest == "" {
		dest = strings.TrimSuffix(filepath.Base(job.Leaflet), filepath.Ext(job.Leaflet)) + ".pdf"
	}
	outs := []batch.Output{{Leaflet: job.Leaflet, Site: job.Site, Layout: job.Layout, Path: dest}}
	if err := checkClashes(batch.NewCatalog(job.Assets), outs, job.Fonts, nil); err != nil {
		fmt.Fprintf(env.Stderr, "handout render: %v\n", err)
		return ExitUsage
	}
	temps := &safeio.Temps{}
	st := newStopper(0, nil)
	defer st.close()
	defer batch.TuneGC(env.Getenv, batch.OneBudget)()
	done := make(chan int, 1)
	go func() { done <- renderTo(env, job, dest, temps, quiet) }()
	select {
	case code := <-done:
		return code
	case <-st.hard:
		temps.RemoveAll()
		fmt.Fprintln(env.Stderr, "handout: interrupted; nothing written")
		return ExitInterrupted
	}
}

// renderTo renders one job and writes it to dest ("-": standard output).
func renderTo(env *Env, job render.Job, dest string, temps *safeio.Temps, quiet bool) int {
	r, err := render.New(env.Version)
	if err != nil {
		fmt.Fprintf(env.Stderr, "handout: %v\n", err)
		return ExitFail
	}
	res, err := r.Render(job)
	if res != nil && !quiet {
		for _, w := range res.Warnings {
			fmt.Fprintln(env.Stderr, w)
		}
	}
	if err != nil {
		printProblems(env, err)
		return ExitFail
	}
	if dest == "-" {
		if _, err := env.Stdout.Write(res.PDF); err != nil {
			fmt.Fprintf(env.Stderr, "handout: writing to standard output: %v\n", err)
			return ExitFail
		}
	} else {
		if dir := filepath.Dir(dest); !isDir(dir) {
			// the temporary file's name would say nothing useful
			fmt.Fprintf(env.Stderr, "%s: cannot write: the folder %s does not exist (create it, or give -o a path in an existing folder)\n", dest, dir)
			return ExitFail
		}
		if err := batch.WriteAtomic(dest, res.PDF, temps); err != nil {
			fmt.Fprintf(env.Stderr, "%s: cannot write: %v\n", dest, err)
			return ExitFail
		}
	}
	if !quiet {
		name := dest
		if dest == "-" {
			name = "standard output"
		}
		fmt.Fprintf(env.Stderr, "wrote %s: %s\n", name, res.Summary)
	}
	return ExitOK
}

func printProblems(env *Env, err error) {
	for _, p := range source.Lines(err) {
		fmt.Fprintln(env.Stderr, p)
	}
}

func renderUsage(fs *pflag.FlagSet) string {
	return "Usage: handout render LEAFLET.yaml... [--site PATH]... [--layout NAME|PATH]... [-o OUT.pdf|-|DIR/]\n\n" +
		"Renders leaflets to PDF. With one leaflet, site and layout it writes one file (-o - for standard\n" +
		"output). With several, or a folder of site folders, or -o DIR/, it writes DIR/<site>/<leaflet>.pdf\n" +
		"(DIR/<site>/<layout>/<leaflet>.pdf with several layouts) in parallel, skipping outputs newer than\n" +
		"all their inputs; see docs/batch.md. Built-in layouts: see 'handout layouts'.\n\nFlags:\n" + fs.FlagUsages()
}

// isFolderArg reports whether -o names a folder: it ends in a separator or
// is an existing folder.
func isFolderArg(out string) bool {
	if out == "" || out == "-" {
		return false
	}
	return strings.HasSuffix(out, "/") || strings.HasSuffix(out, string(filepath.Separator)) || isDir(out)
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// sourceDateEpoch reads SOURCE_DATE_EPOCH, the reproducible-builds
// convention for the date to stamp into outputs.
func sourceDateEpoch(getenv func(string) string) (*time.Time, error) {
	s := getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return nil, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", quoteShort(s))
	}
	// a PDF date has four digits for the year
	if n > maxEpoch {
		return nil, fmt.Errorf("SOURCE_DATE_EPOCH=%s is after the year 9999; give seconds since 1970 up to %d", quoteShort(s), maxEpoch)
	}
	t := time.Unix(n, 0).UTC()
	return &t, nil
}

// maxEpoch is 9999-12-31 23:59:59 UTC, the last moment a PDF date can hold.
const maxEpoch = 253402300799

// quoteShort cuts a value from the environment to what a message may show.
func quoteShort(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
