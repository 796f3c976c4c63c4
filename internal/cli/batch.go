package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/pflag"
	"golang.org/x/term"

	"handout/internal/batch"
	"handout/internal/render"
	"handout/internal/safeio"
)

// ExitInterrupted is the exit code of a run stopped by Ctrl-C or SIGTERM:
// 128 + SIGINT, as shells report it.
const ExitInterrupted = 130

func runBatch(env *Env, args []string) int {
	fs := pflag.NewFlagSet("batch", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.StringP("output", "o", "", "output folder (default: the job file's output)")
	rf := addRunFlags(fs)
	pf := addPrintFlags(fs)
	assets := addAssetsFlag(fs)
	fontDirs := addFontsFlag(fs)
	help := fs.BoolP("help", "h", false, "show this help")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(env.Stderr, "handout batch: %v\n", err)
		fmt.Fprint(env.Stderr, batchUsage(fs))
		return ExitUsage
	}
	if *help {
		fmt.Fprint(env.Stdout, batchUsage(fs))
		return ExitOK
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(env.Stderr, "handout batch: give exactly one job file")
		fmt.Fprint(env.Stderr, batchUsage(fs))
		return ExitUsage
	}
	job, err := batch.LoadJob(fs.Arg(0))
	if err != nil {
		printProblems(env, err)
		return ExitFail
	}
	// The job file's options, unless a flag says otherwise.
	if !fs.Changed("jobs") && job.Jobs > 0 {
		rf.jobs = job.Jobs
	}
	if !fs.Changed("force") {
		rf.force = job.Force
	}
	if !fs.Changed("fail-fast") {
		rf.failFast = job.FailFast
	}
	if !fs.Changed("quiet") {
		rf.quiet = job.Quiet
	}
	if !fs.Changed("report") {
		rf.report = job.Report
	}
	if !fs.Changed("combine") {
		rf.combine = job.Combine
	}
	if *out != "" {
		job.Spec.OutDir = *out
	}
	set, code := rf.settings(env, "batch")
	if code != ExitOK {
		return code
	}
	// --fonts replaces the job file's fonts: folders
	set.fonts = job.Fonts
	if fs.Changed("fonts") {
		set.fonts = *fontDirs
	}
	if set.print, err = pf.options(); err == nil {
		err = checkAssets(*assets)
	}
	if err == nil {
		err = checkFonts(set.fonts)
	}
	set.assets = *assets
	if err != nil {
		fmt.Fprintf(env.Stderr, "handout batch: %v\n", err)
		return ExitUsage
	}
	outs, err := batch.Plan(job.Spec)
	if err != nil {
		printProblems(env, err)
		return ExitFail
	}
	return runOutputs(env, "batch", outs, set, batch.ReportInfo{Job: job.File})
}

func batchUsage(fs *pflag.FlagSet) string {
	return "Usage: handout batch JOB.yaml [-j N] [--shard I/N] [--report FILE] [--force] [--fail-fast] [--quiet] [--fonts DIR]\n\n" +
		"Renders every leaflet of a job file for every site and layout it lists, in parallel,\n" +
		"skipping outputs newer than all their inputs. The job file format, the report and\n" +
		"sharding are described in docs/batch.md.\n\nFlags:\n" + fs.FlagUsages()
}

// runFlags are the flags of a run of many handouts, shared by render and
// batch.
type runFlags struct {
	jobs                   int
	force, failFast, quiet bool
	report, combine, shard string
	shards                 int
}

func addRunFlags(fs *pflag.FlagSet) *runFlags {
	f := &runFlags{}
	fs.IntVarP(&f.jobs, "jobs", "j", 0, "handouts rendered at once (default: the number of CPUs)")
	fs.BoolVar(&f.force, "force", false, "render outputs even when they are newer than all their inputs")
	fs.BoolVar(&f.failFast, "fail-fast", false, "stop at the first failure instead of rendering the rest")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "print nothing but failures: no progress, warnings or summary")
	fs.StringVar(&f.report, "report", "", "write a JSON record of every output to this file")
	fs.StringVar(&f.combine, "combine", "", "also write one print-ready PDF of every handout, each starting on a right-hand page")
	fs.StringVar(&f.shard, "shard", "", "render only share I of N of the outputs, e.g. 2/4, or auto: from JOB_COMPLETION_INDEX (see docs/batch.md)")
	fs.IntVar(&f.shards, "shards", 0, "with --shard auto: the number of shards (default: HANDOUT_SHARDS from the environment)")
	return f
}

// changed reports whether any run flag was given, which makes render treat
// even a single leaflet as a batch.
func (f *runFlags) changed(fs *pflag.FlagSet) bool {
	for _, name := range []string{"jobs", "force", "fail-fast", "report", "combine", "shard", "shards"} { // -q quiets a single render too
		if fs.Changed(name) {
			return true
		}
	}
	return false
}

// runSettings are the run flags, checked.
type runSettings struct {
	flags runFlags
	shard batch.Shard
	// print is passed to every handout's render.Job.
	print render.PrintOptions
	// assets are the --assets library folders.
	assets []string
	// fonts are the --fonts folders.
	fonts []string
}

// settings checks the run flags; a bad one is a usage error.
func (f *runFlags) settings(env *Env, cmd string) (runSettings, int) {
	s := runSettings{flags: *f}
	if f.jobs < 0 {
		fmt.Fprintf(env.Stderr, "handout %s: -j %d: give a number of workers of at least 1\n", cmd, f.jobs)
		return s, ExitUsage
	}
	if f.shards != 0 && f.shard != "auto" {
		fmt.Fprintf(env.Stderr, "handout %s: --shards goes with --shard auto; --shard I/N names the count itself\n", cmd)
		return s, ExitUsage
	}
	if f.shard == "auto" {
		sh, err := batch.AutoShard(env.Getenv, f.shards)
		if err != nil {
			fmt.Fprintf(env.Stderr, "handout %s: %v\n", cmd, err)
			return s, ExitUsage
		}
		s.shard = sh
	} else if f.shard != "" {
		sh, err := batch.ParseShard(f.shard)
		if err != nil {
			fmt.Fprintf(env.Stderr, "handout %s: --shard: %v\n", cmd, err)
			return s, ExitUsage
		}
		s.shard = sh
	}
	return s, ExitOK
}

// openCombiner returns the batch.Combiner for --combine: it paints every
// handout of the run, in plan order, into one print-ready PDF written
// through a temporary file that becomes path when the run closes it
// (nothing, if the run is aborted).
func openCombiner(r *render.Renderer, path string, opts render.PrintOptions, epoch *time.Time, temps *safeio.Temps) (batch.Combiner, error) {
	if filepath.Ext(path) != ".pdf" {
		return nil, fmt.Errorf("the combined file must end in .pdf")
	}
	// make the folder now, so a bad path fails before hours of rendering
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	batch.RemoveStaleTemps(filepath.Dir(path))
	return &fileCombiner{r: r, opts: opts, epoch: epoch, path: path, temps: temps}, nil
}

// fileCombiner streams a render.Combiner's PDF into a file. The file is
// opened at the first handout, so a run with none (a shard that got none
// of the job) writes nothing, and that is not a failure.
type fileCombiner struct {
	r     *render.Renderer
	opts  render.PrintOptions // grayscale and PDF/A apply to the combined file
	epoch *time.Time
	path  string
	temps *safeio.Temps
	out   *safeio.Output
	buf   *bufio.Writer
	c     *render.Combiner
}

func (f *fileCombiner) Add(res *render.Result, title string) error {
	if f.c == nil {
		out, err := safeio.Create(f.path, f.temps)
		if err != nil {
			return fmt.Errorf("%s: %w", f.path, err)
		}
		f.out, f.buf = out, bufio.NewWriterSize(out, 1<<16)
		f.c = f.r.NewCombiner(f.buf, f.opts, f.epoch)
	}
	return f.c.Add(res, title)
}

// Close finishes the combined file and puts it in place.
func (f *fileCombiner) Close() error {
	if f.c == nil {
		return nil
	}
	_, err := f.c.Close()
	if err == nil {
		err = f.buf.Flush()
	}
	if err != nil {
		f.out.Abort()
		return err
	}
	return f.out.Commit(time.Time{})
}

// Abort removes the part of the combined file written so far.
func (f *fileCombiner) Abort() {
	if f.out != nil {
		f.out.Abort()
	}
}

func unwrapPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// runOutputs renders the planned outputs and returns the exit code: 0 when
// everything was rendered or up to date, 1 when anything failed, 130 when
// interrupted.
func runOutputs(env *Env, cmd string, outs []batch.Output, set runSettings, info batch.ReportInfo) int {
	f := set.flags
	epoch, err := sourceDateEpoch(env.Getenv)
	if err != nil {
		fmt.Fprintf(env.Stderr, "handout %s: %v\n", cmd, err)
		return ExitUsage
	}
	if set.shard.Count > 1 {
		outs = set.shard.Filter(outs)
		info.Shard = set.shard.String()
	}
	r, err := render.New(env.Version)
	if err != nil {
		fmt.Fprintf(env.Stderr, "handout: %v\n", err)
		return ExitFail
	}
	var inputs []string
	if info.Job != "" {
		inputs = append(inputs, info.Job)
	}
	cat := batch.NewCatalog(set.assets)
	if err := checkClashes(cat, outs, set.fonts, inputs, f.report, f.combine); err != nil {
		fmt.Fprintf(env.Stderr, "handout %s: %v\n", cmd, err)
		return ExitUsage
	}
	temps := &safeio.Temps{}
	var combiner batch.Combiner
	if f.combine != "" {
		combiner, err = openCombiner(r, f.combine, set.print, epoch, temps)
		if err != nil {
			fmt.Fprintf(env.Stderr, "handout %s: --combine %s: %v\n", cmd, f.combine, unwrapPathErr(err))
			return ExitUsage
		}
	}
	abortCombine := func() {
		if combiner != nil {
			combiner.Abort()
		}
	}
	var report *batch.Report
	if f.report != "" {
		info.Handout = env.Version
		info.Started = time.Now().UTC()
		report, err = batch.NewReport(f.report, info, temps)
		if err != nil {
			fmt.Fprintf(env.Stderr, "%s: cannot write the report: %v\n", f.report, err)
			abortCombine()
			return ExitFail
		}
	}
	live, width := terminal(env.Stderr)
	progress := batch.NewProgress(env.Stderr, live, width, f.quiet)

	// The first Ctrl-C (or SIGTERM) stops new work and lets what is in
	// flight finish; a second one, or a handout that takes too long to
	// finish, stops the process at once, removing what was half-written.
	st := newStopper(graceAfterSignal, func() {
		progress.Note("handout: interrupted; finishing the handouts in progress (interrupt again to stop at once)")
	})
	defer st.close()

	defer batch.TuneGC(env.Getenv, batch.RunBudget)()
	type outcome struct {
		sum batch.Summary
		err error
	}
	ran := make(chan outcome, 1)
	go func() {
		sum, err := batch.Run(st.ctx, r, outs, batch.Options{
			Jobs: f.jobs, Force: f.force, FailFast: f.failFast, Epoch: epoch, Print: set.print, Assets: set.assets, Fonts: set.fonts, Catalog: cat,
			Progress: progress, Report: report, Combiner: combiner, Temps: temps,
		})
		ran <- outcome{sum, err}
	}()
	var sum batch.Summary
	var runErr error
	select {
	case o := <-ran:
		sum, runErr = o.sum, o.err
	case <-st.hard:
		temps.RemoveAll()
		fmt.Fprintln(env.Stderr, "handout: stopped; the handouts in progress were discarded")
		return ExitInterrupted
	}
	progress.Finish(sum)
	if report != nil {
		if err := report.Close(sum); err != nil && runErr == nil {
			runErr = fmt.Errorf("%s: cannot write the report: %w", f.report, err)
		}
	}
	switch {
	case sum.Interrupted:
		if runErr != nil {
			fmt.Fprintf(env.Stderr, "handout: %v\n", runErr)
		}
		return ExitInterrupted
	case runErr != nil:
		fmt.Fprintf(env.Stderr, "handout: %v\n", runErr)
		return ExitFail
	case sum.Failed > 0 || sum.Stopped:
		return ExitFail
	}
	return ExitOK
}

// terminal reports whether w is a terminal, and its width, to decide
// between a live progress bar and plain lines.
func terminal(w io.Writer) (bool, int) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return false, 0
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		width = 80
	}
	return true, width
}
