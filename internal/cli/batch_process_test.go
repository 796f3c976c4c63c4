//go:build linux

package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildHandout builds the command into a temporary folder, for tests that
// need a real process to signal or measure.
func buildHandout(t *testing.T) string {
	t.Helper()
	goTool := tool(t, "go")
	bin := filepath.Join(t.TempDir(), "handout")
	out, err := exec.Command(goTool, "build", "-o", bin, filepath.Join(repo, "cmd", "handout")).CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// bigJob writes n copies of the let-down sample and a job file rendering
// them for both sample sites.
func bigJob(t *testing.T, n int) (job, out string) {
	t.Helper()
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join(repo, "content", "leaflets", "let-down-reflex.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "leaflets"), 0o755)
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, "leaflets", fmt.Sprintf("ld-%05d.yaml", i)), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sites, _ := filepath.Abs(twoSites(t))
	job = filepath.Join(dir, "job.yaml")
	os.WriteFile(job, []byte("leaflets: leaflets/*.yaml\nsites: "+strconv.Quote(sites)+"\noutput: out\n"), 0o644)
	return job, filepath.Join(dir, "out")
}

// waitForPDFs waits until at least n PDFs are in dir.
func waitForPDFs(t *testing.T, dir string, n int) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if len(pdfs(t, dir)) >= n {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("fewer than %d PDFs after a minute", n)
}

func temps(t *testing.T, dir string) []string {
	var tmp []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".tmp") {
			tmp = append(tmp, p)
		}
		return nil
	})
	return tmp
}

// checkPDFs runs qpdf --check on every PDF under dir.
func checkPDFs(t *testing.T, dir string) int {
	t.Helper()
	files := pdfs(t, dir)
	for _, f := range files {
		out := output(t, "qpdf", "--check", filepath.Join(dir, f))
		if !strings.Contains(out, "No syntax or stream encoding errors") {
			t.Errorf("%s: qpdf --check:\n%s", f, out)
		}
	}
	return len(files)
}

// TestKilledBatchLeavesOnlyWholePDFs interrupts a large batch twice: with
// SIGTERM, which it handles (in-flight handouts finish, the summary is
// printed, exit 130, no temporary file left), and with SIGKILL, which it
// cannot see. Either way every PDF left must pass qpdf --check, and a
// second run finishes the job.
func TestKilledBatchLeavesOnlyWholePDFs(t *testing.T) {
	tool(t, "qpdf")
	bin := buildHandout(t)
	const leaflets = 250 // 500 outputs: a few seconds of work
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			job, out := bigJob(t, leaflets)
			cmd := exec.Command(bin, "batch", job, "-j", "2")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			waitForPDFs(t, out, 20)
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			n := checkPDFs(t, out)
			if n >= 2*leaflets {
				t.Fatalf("the batch finished before the signal; make it larger")
			}
			if sig == syscall.SIGTERM {
				if code := cmd.ProcessState.ExitCode(); code != ExitInterrupted {
					t.Errorf("exit %d (%v), want %d\n%s", code, err, ExitInterrupted, stderr.String())
				}
				if !strings.Contains(stderr.String(), "handout: interrupted: rendered ") || !strings.Contains(stderr.String(), "not started") {
					t.Errorf("no summary of the interrupted run:\n%s", stderr.String())
				}
				if tmp := temps(t, out); len(tmp) > 0 {
					t.Errorf("temporary files left: %v", tmp)
				}
			} else {
				// A killed process cannot clean up: at most one temporary
				// file per worker may be left, hidden and never named .pdf.
				// A later run removes them once they are clearly abandoned.
				tmp := temps(t, out)
				if len(tmp) > 2 {
					t.Errorf("%d temporary files left by two workers: %v", len(tmp), tmp)
				}
				old := time.Now().Add(-2 * time.Minute)
				for _, p := range tmp {
					if !strings.HasPrefix(filepath.Base(p), ".") {
						t.Errorf("temporary file %s is not hidden", p)
					}
					os.Chtimes(p, old, old)
				}
			}
			// Resume: only what is left is rendered, and the job completes.
			stderr.Reset()
			again := exec.Command(bin, "batch", job)
			again.Stderr = &stderr
			if err := again.Run(); err != nil {
				t.Fatalf("second run: %v\n%s", err, stderr.String())
			}
			if want := fmt.Sprintf("rendered %d, failed 0, skipped %d", 2*leaflets-n, n); !strings.Contains(stderr.String(), want) {
				t.Errorf("second run should render only what was left (%s):\n%s", want, stderr.String())
			}
			if strings.Contains(stderr.String(), "interrupted") {
				t.Errorf("a run that was not interrupted says it was:\n%s", stderr.String())
			}
			if got := len(pdfs(t, out)); got != 2*leaflets {
				t.Errorf("%d PDFs after the second run, want %d", got, 2*leaflets)
			}
			if tmp := temps(t, out); len(tmp) > 0 {
				t.Errorf("temporary files left after the second run: %v", tmp)
			}
		})
	}
}

// TestBatchMemory is the memory harness: it renders a large job in a child
// process and reports its peak resident memory and throughput. It runs only
// when asked, since 10,000 handouts take about a minute:
//
//	HANDOUT_MEMORY_HANDOUTS=10000 go test ./internal/cli -run BatchMemory -v
func TestBatchMemory(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("HANDOUT_MEMORY_HANDOUTS"))
	if n <= 0 {
		t.Skip("set HANDOUT_MEMORY_HANDOUTS=10000 to measure peak memory of a large batch")
	}
	bin := buildHandout(t)
	job, out := bigJob(t, (n+1)/2)
	cmd := exec.Command(bin, "batch", job, "-j", "2")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	elapsed := time.Since(start)
	peak := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux
	got := len(pdfs(t, out))
	t.Logf("%d handouts in %s (%.0f handouts/s), peak RSS %.1f MB", got, elapsed.Round(time.Millisecond),
		float64(got)/elapsed.Seconds(), float64(peak)/1024)
	t.Log(strings.TrimSpace(stderr.String()))
	if got != 2*((n+1)/2) {
		t.Errorf("%d PDFs written", got)
	}
	if peak > 150*1024 {
		t.Errorf("peak RSS %.1f MB, want under 150 MB", float64(peak)/1024)
	}
}

// TestSecondSignalStopsAtOnce: a second SIGTERM does not wait for the
// handouts in flight; the process ends within moments, removes its
// temporary files, and every PDF on disk is whole.
func TestSecondSignalStopsAtOnce(t *testing.T) {
	tool(t, "qpdf")
	bin := buildHandout(t)
	job, out := bigJob(t, 250)
	cmd := exec.Command(bin, "batch", job, "-j", "2")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitForPDFs(t, out, 10)
	cmd.Process.Signal(syscall.SIGTERM)
	time.Sleep(20 * time.Millisecond)
	sent := time.Now()
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()
	if took := time.Since(sent); took > 3*time.Second {
		t.Errorf("the process took %s to end after the second signal", took)
	}
	if code := cmd.ProcessState.ExitCode(); code != ExitInterrupted {
		t.Errorf("exit %d, want %d\n%s", code, ExitInterrupted, stderr.String())
	}
	if tmp := temps(t, out); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
	checkPDFs(t, out)
}

// TestSignalStopsSingleRender: Ctrl-C or SIGTERM ends a single render at
// once, with nothing half-written.
func TestSignalStopsSingleRender(t *testing.T) {
	bin := buildHandout(t)
	dir := t.TempDir()
	leaf := filepath.Join(repo, "content", "leaflets", "breastfeeding-first-weeks.yaml")
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		cmd := exec.Command(bin, "render", leaf, "--site", filepath.Join(repo, "content", "sites", "riverside"), "-o", filepath.Join(dir, "out.pdf"))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
		sent := time.Now()
		cmd.Process.Signal(sig)
		cmd.Wait()
		if took := time.Since(sent); took > 2*time.Second {
			t.Errorf("%v: the render took %s to end", sig, took)
		}
		if code := cmd.ProcessState.ExitCode(); code != ExitInterrupted && code != ExitOK && code != -1 {
			t.Errorf("%v: exit %d", sig, code)
		}
		if tmp := temps(t, dir); len(tmp) > 0 {
			t.Errorf("%v: temporary files left: %v", sig, tmp)
		}
	}
}

// TestDevStdout: -o /dev/stdout sends the PDF down the pipe and leaves the
// link alone (it used to be replaced by a regular file).
func TestDevStdout(t *testing.T) {
	bin := buildHandout(t)
	before, err := os.Readlink("/dev/stdout")
	if err != nil {
		t.Skipf("/dev/stdout is not a link here: %v", err)
	}
	cmd := exec.Command(bin, "render", filepath.Join("testdata", "hostile", "ok-leaflet.yaml"), "-o", "/dev/stdout")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	if !bytes.HasPrefix(stdout.Bytes(), []byte("%PDF-")) || !bytes.Contains(stdout.Bytes(), []byte("%%EOF")) {
		t.Errorf("standard output holds %d bytes, not a PDF", stdout.Len())
	}
	if after, err := os.Readlink("/dev/stdout"); err != nil || after != before {
		t.Errorf("/dev/stdout is now %q (%v), was a link to %q", after, err, before)
	}
}

// combinePeak runs a job of 2n handouts with --combine in a child process
// and returns its peak resident memory in MB and the combined page count.
func combinePeak(t *testing.T, bin string, n int) (float64, string) {
	t.Helper()
	job, out := bigJob(t, n)
	combined := filepath.Join(filepath.Dir(out), "job.pdf")
	cmd := exec.Command(bin, "batch", job, "-j", "2", "-q", "--combine", combined)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	peak := float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) / 1024 // KiB on Linux
	return peak, combined
}

// TestCombineMemoryIsFlat: the combined file is painted as handouts come,
// so five times the handouts take about the same memory (before, every
// handout's pages were kept until the end: about 0.1 MB each).
func TestCombineMemoryIsFlat(t *testing.T) {
	tool(t, "qpdf")
	bin := buildHandout(t)
	small, _ := combinePeak(t, bin, 40)
	large, combined := combinePeak(t, bin, 200)
	t.Logf("peak RSS: %.1f MB for 80 handouts, %.1f MB for 400", small, large)
	if large > small+15 {
		t.Errorf("memory grows with the job: %.1f MB for 80 handouts, %.1f MB for 400", small, large)
	}
	if large > 150 {
		t.Errorf("peak RSS %.1f MB, want under 150 MB", large)
	}
	if out, err := exec.Command("qpdf", "--check", combined).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check on the combined file: %v\n%s", err, out)
	}
}
