package batch

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// Progress shows a run on standard error. On a terminal it keeps a live
// one-line bar (done/total, rate, time left, failures) and prints problems
// above it; elsewhere (a log file, a cron mail) it prints only the problems
// and the summary, so logs stay short. Each distinct problem or warning is
// printed once: a leaflet that fails for every site is reported once, and
// the report file lists every output it failed.
type Progress struct {
	mu    sync.Mutex
	w     io.Writer
	live  bool
	width int
	quiet bool

	total, done, failed int
	start, drawn        time.Time
	barShown            bool
	seen                map[string]bool
}

// redrawEvery limits how often the bar is drawn: a fast run finishes
// hundreds of outputs a second, and a terminal need not show each.
const redrawEvery = 100 * time.Millisecond

// NewProgress reports to w. live draws the bar (w is a terminal that many
// columns wide); quiet prints nothing but failures.
func NewProgress(w io.Writer, live bool, width int, quiet bool) *Progress {
	if width <= 0 {
		width = 80
	}
	return &Progress{w: w, live: live && !quiet, width: width, quiet: quiet, seen: map[string]bool{}}
}

// Start implements Observer.
func (p *Progress) Start(total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total, p.start = total, time.Now()
	if p.live {
		p.draw(p.start)
	}
}

// Done implements Observer.
func (p *Progress) Done(rec *Record) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	var lines []string
	if rec.Status == Failed {
		p.failed++
		lines = p.fresh(lines, rec.Errors)
	}
	if !p.quiet {
		lines = p.fresh(lines, rec.Warnings)
	}
	if len(lines) > 0 {
		p.clear()
		io.WriteString(p.w, strings.Join(lines, "\n")+"\n")
	}
	now := time.Now()
	if p.live && (len(lines) > 0 || p.done == p.total || now.Sub(p.drawn) >= redrawEvery) {
		p.draw(now)
	}
}

// Note prints a line of its own, such as the notice that an interrupt was
// received, above the bar.
func (p *Progress) Note(line string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	io.WriteString(p.w, line+"\n")
	if p.live {
		p.draw(time.Now())
	}
}

// Finish removes the bar and prints the summary unless quiet.
func (p *Progress) Finish(s Summary) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	if !p.quiet {
		io.WriteString(p.w, "handout: "+s.String()+"\n")
	}
}

// fresh appends the lines not printed before.
func (p *Progress) fresh(dst, lines []string) []string {
	for _, l := range lines {
		if !p.seen[l] {
			p.seen[l] = true
			dst = append(dst, l)
		}
	}
	return dst
}

func (p *Progress) clear() {
	if p.barShown {
		io.WriteString(p.w, "\r\033[K")
		p.barShown = false
	}
}

func (p *Progress) draw(now time.Time) {
	p.drawn = now
	io.WriteString(p.w, "\r\033[K"+p.bar(now.Sub(p.start)))
	p.barShown = true
}

// bar renders the progress line for the time elapsed so far, fitted to
// the terminal's width.
func (p *Progress) bar(elapsed time.Duration) string {
	rate := 0.0
	if secs := elapsed.Seconds(); secs > 0 {
		rate = float64(p.done) / secs
	}
	left := "--:--"
	if rate > 0 && p.done > 0 {
		left = clock(time.Duration(float64(p.total-p.done) / rate * float64(time.Second)))
	}
	pct := 100
	if p.total > 0 {
		pct = p.done * 100 / p.total
	}
	info := fmt.Sprintf(" %d/%d %3d%% %.0f/s %s left", p.done, p.total, pct, rate, left)
	if p.failed > 0 {
		info += fmt.Sprintf(" %d failed", p.failed)
	}
	cells := min(40, p.width-len(info)-3)
	if cells < 5 {
		return strings.TrimSpace(info)
	}
	fill := cells
	if p.total > 0 {
		fill = p.done * cells / p.total
	}
	return "[" + strings.Repeat("#", fill) + strings.Repeat(".", cells-fill) + "]" + info
}

// clock formats a duration as m:ss, or h:mm:ss from an hour.
func clock(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
