package batch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"handout/internal/render"
	"handout/internal/safeio"
	"handout/internal/source"
)

// Options control a run.
type Options struct {
	Jobs     int        // workers; 0 means one per CPU
	Force    bool       // render even outputs that are up to date
	FailFast bool       // stop taking new work at the first failure
	Epoch    *time.Time // the date written into every PDF, from SOURCE_DATE_EPOCH
	// Print is passed to every handout's render.Job. A change of print
	// options does not make outputs out of date: use Force.
	Print render.PrintOptions
	// Progress, when set, is told of each output as it finishes.
	Progress Observer
	// Report, when set, receives every output's record in plan order.
	Report *Report
	// Combiner, when set, receives every handout in plan order.
	Combiner Combiner
	// Temps, when set, tracks the temporary files being written, so an
	// interrupted process can remove them before it exits.
	Temps *safeio.Temps
	// Assets are library folders leaflets may take images from (--assets).
	Assets []string
	// Fonts are folders of font files for every handout (--fonts).
	Fonts []string
	// Catalog, when set, is the catalog the caller already filled (made
	// with the same Assets), so leaflets and sites are not read again.
	Catalog *Catalog
}

// Observer follows a run as it goes. Done is called from one goroutine, in
// the order outputs finish.
type Observer interface {
	Start(total int)
	Done(rec *Record)
}

// Summary counts what a run did.
type Summary struct {
	Total, Rendered, Failed, Skipped, NotStarted int
	Elapsed                                      time.Duration
	// Interrupted is true when the caller's context was cancelled (Ctrl-C).
	Interrupted bool
	// Stopped is true when the run stopped early on its own: --fail-fast
	// after a failure, or a report or combined file that could not be written.
	Stopped bool
}

// String is the one-line summary printed at the end of a run.
func (s Summary) String() string {
	var head string
	switch {
	case s.Interrupted:
		head = "interrupted: "
	case s.Stopped:
		head = "stopped early: "
	}
	line := fmt.Sprintf("%srendered %d, failed %d, skipped %d", head, s.Rendered, s.Failed, s.Skipped)
	if s.NotStarted > 0 {
		line += fmt.Sprintf(", not started %d", s.NotStarted)
	}
	line += fmt.Sprintf(" in %s", s.Elapsed.Round(time.Millisecond))
	if secs := s.Elapsed.Seconds(); s.Rendered > 0 && secs > 0 {
		line += fmt.Sprintf(" (%.0f handouts/s)", float64(s.Rendered)/secs)
	}
	return line
}

// windowPerWorker bounds how far ahead of the oldest unfinished output the
// workers may run. Records and combined handouts are passed on in plan
// order, so finished work waits for its predecessors; the window keeps that
// wait (and the memory it holds) small however long the job is.
const windowPerWorker = 4

// maxExistingPDF bounds what is read of an existing output to see whether
// it is up to date: a handout is well under a megabyte, so anything this
// large was not written by a run and is rendered again.
const maxExistingPDF = 64 << 20

// finished is one output's outcome, on its way from a worker to the
// collector.
type finished struct {
	pos   int // position in the run's outputs
	rec   *Record
	res   *render.Result // only for a combiner
	title string
}

// Run renders outs on a pool of workers sharing r. Cancelling ctx stops it
// taking new work; outputs in flight are finished and written, so every PDF
// on disk is complete. The error is for the run itself (a report or combined
// file that could not be written); each output's failure is in its record.
func Run(ctx context.Context, r *render.Renderer, outs []Output, opt Options) (Summary, error) {
	start := time.Now()
	jobs := opt.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	jobs = max(1, min(jobs, len(outs)))
	if opt.Jobs > 0 && opt.Jobs < runtime.NumCPU() {
		// -j N means N cores, not N renderers with the garbage collector
		// and the writes spread over the rest: a print server's other work
		// keeps its cores, and -j 1 is one core's worth
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(opt.Jobs))
	}
	obs := opt.Progress
	if obs == nil {
		obs = nopObserver{}
	}
	obs.Start(len(outs))

	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	cat := newCatalog(opt.Assets)
	if opt.Catalog != nil {
		cat = opt.Catalog.c
	}
	w := &worker{r: r, cat: cat, opt: opt}
	tokens := make(chan struct{}, windowPerWorker*jobs)
	work := make(chan int)
	done := make(chan finished, jobs)

	go func() {
		defer close(work)
		for i := range outs {
			select {
			case tokens <- struct{}{}:
			case <-runCtx.Done():
				return
			}
			if runCtx.Err() != nil {
				return
			}
			select {
			case work <- i:
			case <-runCtx.Done():
				return
			}
		}
	}()
	// Renderers hand finished PDFs to writers, so a core is never left
	// idle while its renderer waits for the disk: creating and syncing a
	// file can take as long as painting one. The writers mostly wait on
	// the disk and need no core of their own.
	writes := make(chan pending, jobs)
	var renderers, writers sync.WaitGroup
	for range jobs {
		renderers.Go(func() {
			for i := range work {
				if p, ok := w.do(i, outs[i]); ok {
					writes <- p
				} else {
					done <- p.finished
				}
			}
		})
		writers.Go(func() {
			for p := range writes {
				done <- w.finish(p)
			}
		})
	}
	go func() {
		renderers.Wait()
		close(writes)
		writers.Wait()
		close(done)
	}()

	sum := Summary{Total: len(outs)}
	var fatal error
	emit := func(f finished) {
		switch f.rec.Status {
		case Rendered:
			sum.Rendered++
		case Failed:
			sum.Failed++
		case Skipped:
			sum.Skipped++
		case NotStarted:
			sum.NotStarted++
		}
		if fatal != nil {
			return
		}
		if opt.Report != nil {
			if err := opt.Report.Add(f.rec); err != nil {
				fatal = fmt.Errorf("writing the report: %w", err)
			}
		}
		if opt.Combiner != nil && f.res != nil && fatal == nil {
			if err := opt.Combiner.Add(f.res, f.title); err != nil {
				fatal = fmt.Errorf("combining %s: %w", f.rec.Output, err)
			}
		}
		if fatal != nil {
			sum.Stopped = true
			stop()
		}
	}
	pending := map[int]finished{}
	next := 0
	for f := range done {
		obs.Done(f.rec)
		if f.rec.Status == Failed && opt.FailFast {
			sum.Stopped = true
			stop()
		}
		pending[f.pos] = f
		for g, ok := pending[next]; ok; g, ok = pending[next] {
			delete(pending, next)
			emit(g)
			next++
			<-tokens
		}
	}
	// Work is dispatched in order and everything dispatched has finished, so
	// what is left was never started.
	for ; next < len(outs); next++ {
		o := outs[next]
		emit(finished{rec: &Record{Index: o.Index, Output: o.Path, Status: NotStarted, Leaflet: o.Leaflet, Site: o.Site, Layout: o.Layout}})
	}
	sum.Interrupted = ctx.Err() != nil
	if opt.Combiner != nil {
		if sum.Interrupted || sum.Stopped {
			opt.Combiner.Abort()
		} else if err := opt.Combiner.Close(); err != nil && fatal == nil {
			fatal = fmt.Errorf("combining: %w", err)
			sum.Stopped = true // the report must not say the run went well
		}
	}
	sum.Elapsed = time.Since(start)
	return sum, fatal
}

type nopObserver struct{}

func (nopObserver) Start(int)    {}
func (nopObserver) Done(*Record) {}

// worker does one output at a time; its fields are shared by all workers
// and safe for concurrent use.
type worker struct {
	r    *render.Renderer
	cat  *catalog
	opt  Options
	dirs sync.Map // output folders already created in this run
}

// pending is a rendered handout on its way to the disk.
type pending struct {
	finished
	pdf     []byte
	pages   int
	started time.Time
}

// do renders one output, or finds it up to date. ok means the PDF is ready
// to be written by finish; otherwise the outcome is final.
func (w *worker) do(pos int, o Output) (p pending, ok bool) {
	start := time.Now()
	rec := &Record{Index: o.Index, Output: o.Path, Leaflet: o.Leaflet, Site: o.Site, Layout: o.Layout}
	p = pending{finished: finished{pos: pos, rec: rec}, started: start}
	defer func() {
		// One leaflet that trips a bug must not take the other thousand
		// down with it.
		if r := recover(); r != nil {
			rec.Status, rec.Errors = Failed, []string{fmt.Sprintf("%s: internal error while rendering for %s: %v", o.Leaflet, o.Path, r)}
			p.res, ok = nil, false
		}
		if !ok {
			rec.took(time.Since(start))
		}
	}()
	if w.opt.Report != nil {
		rec.Inputs = w.cat.inputs(o, w.opt.Fonts)
	}
	fresh := !w.opt.Force && upToDate(o.Path, func() []string {
		if rec.Inputs == nil {
			rec.Inputs = w.cat.inputs(o, w.opt.Fonts)
		}
		return rec.Inputs
	})
	if fresh {
		data, err := safeio.ReadFile(o.Path, maxExistingPDF)
		// A file that is not a whole PDF (cut short by a power failure
		// before the disk caught up, or written by something else, or
		// larger than any handout) is rendered again rather than trusted
		// for its date.
		if err == nil && completePDF(data) {
			rec.Status = Skipped
			rec.describe(data, pageCount(data))
			if w.opt.Combiner == nil {
				return p, false
			}
		} else {
			fresh = false
		}
	}
	res, err := w.r.Render(render.Job{Leaflet: o.Leaflet, With: o.With, Site: o.Site, Layout: o.Layout, Epoch: w.opt.Epoch, Print: w.opt.Print, Assets: w.opt.Assets, Fonts: w.opt.Fonts})
	if res != nil {
		rec.Warnings = res.Warnings
	}
	if err != nil {
		rec.Status, rec.Errors = Failed, source.Lines(err)
		rec.Pages, rec.Bytes, rec.SHA256 = 0, 0, ""
		return p, false
	}
	if w.opt.Combiner != nil {
		p.res, p.title = res, w.cat.title(o)
	}
	if fresh {
		// Combining: the file on disk is already this handout.
		return p, false
	}
	p.pdf, p.pages = res.PDF, res.Pages
	return p, true
}

// finish writes a rendered handout and completes its record.
func (w *worker) finish(p pending) finished {
	rec := p.rec
	if err := w.write(rec.Output, p.pdf, p.started); err != nil {
		rec.Status, rec.Errors = Failed, []string{fmt.Sprintf("%s: cannot write: %v", rec.Output, err)}
		p.res = nil
	} else {
		rec.Status = Rendered
		rec.describe(p.pdf, p.pages)
	}
	rec.took(time.Since(p.started))
	return p.finished
}

// write puts one PDF in place, stamped with the time its render started.
func (w *worker) write(dest string, pdf []byte, started time.Time) error {
	dir := filepath.Dir(dest)
	if _, seen := w.dirs.Load(dir); !seen {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		removeStaleTemps(dir, time.Now())
		w.dirs.Store(dir, true)
	}
	return safeio.WriteFile(dest, pdf, started, w.opt.Temps)
}
