//go:build linux

package cli

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// hostile is the corpus of hostile inputs.
var hostile = filepath.Join("testdata", "hostile")

// copyHostile copies corpus files into a fresh folder, so tests can show
// that nothing was written beside them.
func copyHostile(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(hostile, n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// runLimited runs the command in-process and fails if it takes longer
// than a few seconds: a FIFO or a device must never make it hang. It
// returns the exit code and what was printed (stderr, then stdout).
func runLimited(t *testing.T, env map[string]string, args ...string) (int, string) {
	t.Helper()
	type result struct {
		code   int
		stderr string
	}
	done := make(chan result, 1)
	go func() {
		var out, errb bytes.Buffer
		e := &Env{Stdout: &out, Stderr: &errb, Version: "test", Getenv: func(k string) string { return env[k] }}
		code := Run(e, args)
		done <- result{code, errb.String() + out.String()}
	}()
	select {
	case r := <-done:
		return r.code, r.stderr
	case <-time.After(20 * time.Second):
		t.Fatalf("%v hangs", args)
		return 0, ""
	}
}

// onlyFiles lists the regular files in dir, to show nothing was written.
func onlyFiles(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			names = append(names, rel)
		}
		return nil
	})
	return names
}

// Each corpus file is refused with its one positioned message, exit 1, and
// nothing is written.
func TestHostileCorpus(t *testing.T) {
	cases := []struct {
		file, layout, want string
	}{
		{"second-document.yaml", "", "second-document.yaml:5:1: a second YAML document starts here"},
		{"deep-nesting.yaml", "", "deep-nesting.yaml:13:27: lists nest 4 levels deep at most"},
		{"javascript-link.yaml", "", `javascript-link.yaml:4:22: the link "javascript:alert(document.cookie)" is not a web, email or phone link`},
		{"file-link.yaml", "", `file-link.yaml:4:22: the link "file:///etc/passwd" is not`},
		{"data-link.yaml", "", `data-link.yaml:4:22: the link "data:text/html;base64,PHNjcmlwdD4=" is not`},
		{"empty-title.yaml", "", "empty-title.yaml:1:8: title is empty"},
		{"absolute-image.yaml", "", `absolute-image.yaml:4:23: the image "/etc/passwd" is outside the leaflet's folder`},
		{"dotdot-image.yaml", "", `dotdot-image.yaml:4:23: the image "../../../../../../etc/hostname" is outside`},
		{"shadow", "", "shadow:1:1: this is not a leaflet (no `title:` or `sections:` found)"},
		{"ok-leaflet.yaml", "zero-heading-layout.yaml", "zero-heading-layout.yaml:2:11: heading sizes must be between 4 pt and 144 pt"},
		{"ok-leaflet.yaml", "huge-heading-layout.yaml", "huge-heading-layout.yaml:2:11: heading sizes must be between 4 pt and 144 pt"},
		{"ok-leaflet.yaml", "no-room-layout.yaml", "no-room-layout.yaml:2:16: the no-room-layout layout's 0.03 in footer band cannot hold one line of its 9.5 pt small text"},
	}
	for _, c := range cases {
		t.Run(c.file+" "+c.layout, func(t *testing.T) {
			names := []string{c.file}
			if c.layout != "" {
				names = append(names, c.layout)
			}
			dir := copyHostile(t, names...)
			args := []string{"render", filepath.Join(dir, c.file), "-o", filepath.Join(dir, "out.pdf")}
			if c.layout != "" {
				args = append(args, "--layout", filepath.Join(dir, c.layout))
			}
			code, stderr := runLimited(t, nil, args...)
			if code != ExitFail || strings.Count(strings.TrimSpace(stderr), "\n") != 0 || !strings.Contains(stderr, c.want) {
				t.Fatalf("exit %d, want 1 and one line containing %q:\n%s", code, c.want, stderr)
			}
			if got := onlyFiles(t, dir); len(got) != len(names) {
				t.Errorf("files after the run: %v", got)
			}
		})
	}
}

// A password file matched by a job's pattern does not end up in the
// report or on the terminal.
func TestHostileFileInReport(t *testing.T) {
	dir := copyHostile(t, "ok-leaflet.yaml")
	shadow, _ := os.ReadFile(filepath.Join(hostile, "shadow"))
	os.WriteFile(filepath.Join(dir, "shadow.yaml"), shadow, 0o644)
	report := filepath.Join(t.TempDir(), "report.json")
	code, stderr := runLimited(t, nil, "render", dir, "-o", filepath.Join(t.TempDir(), "out")+"/", "--report", report, "-q")
	if code != ExitFail {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	rep, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	for _, leak := range []string{"$6$", "root", "99999", "daemon"} {
		if bytes.Contains(rep, []byte(leak)) || strings.Contains(stderr, leak) {
			t.Errorf("%q leaked:\nreport: %s\nstderr: %s", leak, rep, stderr)
		}
	}
	var r struct {
		Summary struct{ Rendered, Failed int }
	}
	json.Unmarshal(rep, &r)
	if r.Summary.Rendered != 1 || r.Summary.Failed != 1 {
		t.Errorf("summary %+v, want one rendered and one failed", r.Summary)
	}
}

// Outputs that are inputs are refused before anything is written, by file
// identity: through a link or a hard link as well as by name.
func TestOutputIsInput(t *testing.T) {
	dir := copyHostile(t, "ok-leaflet.yaml")
	leaf := filepath.Join(dir, "ok-leaflet.yaml")
	site := filepath.Join(dir, "site")
	os.MkdirAll(site, 0o755)
	os.WriteFile(filepath.Join(site, "site.yaml"), []byte("name: Clinic\nheader_image: header.png\n"), 0o644)
	os.WriteFile(filepath.Join(site, "header.png"), pngBytes(t), 0o644)
	os.WriteFile(filepath.Join(dir, "layout.yaml"), []byte("page: {size: a4}\n"), 0o644)
	os.Symlink("ok-leaflet.yaml", filepath.Join(dir, "link.pdf"))
	os.Link(leaf, filepath.Join(dir, "hard.pdf"))
	job := filepath.Join(dir, "job.yaml")
	os.WriteFile(job, []byte("leaflets: [ok-leaflet.yaml]\nsites: [site]\noutput: out\noptions: {report: job.yaml}\n"), 0o644)
	before := snapshot(t, dir)
	for _, args := range [][]string{
		{"render", leaf, "-o", leaf},
		{"render", leaf, "-o", filepath.Join(dir, "link.pdf")},
		{"render", leaf, "-o", filepath.Join(dir, "hard.pdf")},
		{"render", leaf, "--site", site, "-o", filepath.Join(site, "site.yaml")},
		{"render", leaf, "--site", site, "-o", filepath.Join(site, "header.png")},
		{"render", leaf, "--layout", filepath.Join(dir, "layout.yaml"), "-o", filepath.Join(dir, "layout.yaml")},
		{"render", leaf, "--report", leaf, "-o", filepath.Join(dir, "out.pdf")},
		{"render", leaf, "--site", site, "-o", filepath.Join(dir, "out") + "/", "--combine", filepath.Join(dir, "out", "site", "ok-leaflet.pdf")},
		{"batch", job},
	} {
		code, stderr := runLimited(t, nil, args...)
		if code != ExitUsage || !strings.Contains(stderr, "would destroy the input") && !strings.Contains(stderr, "are the same file") {
			t.Errorf("%v: exit %d, want 2\n%s", args[1:], code, stderr)
		}
	}
	if after := snapshot(t, dir); after != before {
		t.Errorf("files changed:\nbefore %s\nafter  %s", before, after)
	}
}

// snapshot describes every file under dir: name, type, size and mode.
func snapshot(t *testing.T, dir string) string {
	var b strings.Builder
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		st, _ := os.Lstat(p)
		rel, _ := filepath.Rel(dir, p)
		b.WriteString(rel + " " + st.Mode().String() + " " + string(rune('0'+st.Size()%10)) + "; ")
		return nil
	})
	return b.String()
}

// Devices, FIFOs, huge and sparse files as inputs: a clear error at once,
// for every kind of input and for check.
func TestSpecialAndHugeInputs(t *testing.T) {
	dir := copyHostile(t, "ok-leaflet.yaml")
	leaf := filepath.Join(dir, "ok-leaflet.yaml")
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	sparse := filepath.Join(dir, "sparse.yaml")
	f, _ := os.Create(sparse)
	if err := f.Truncate(2 << 30); err != nil {
		t.Skipf("no sparse files: %v", err)
	}
	f.Close()
	// link makes a link named name in a new folder to p
	link := func(p, name string) string {
		l := filepath.Join(t.TempDir(), name)
		os.Symlink(p, l)
		return l
	}
	// imageLeaf is a leaflet whose image is p, beside it: a FIFO and a
	// sparse file are made there, a device can only be linked (and the
	// link leads out of the folder)
	imageLeaf := func(p string) string {
		d := t.TempDir()
		pic := filepath.Join(d, "pic.png")
		switch p {
		case fifo:
			syscall.Mkfifo(pic, 0o644)
		case sparse:
			f, _ := os.Create(pic)
			f.Truncate(2 << 30)
			f.Close()
		default:
			os.Symlink(p, pic)
		}
		l := filepath.Join(d, "l.yaml")
		os.WriteFile(l, []byte("title: T\nsections:\n  - body:\n      - image: {file: pic.png, alt: x}\n"), 0o644)
		return l
	}
	out := filepath.Join(dir, "out.pdf")
	for _, bad := range []struct{ path, want string }{
		{"/dev/zero", "is a character device, not a regular file"},
		{"/dev/urandom", "is a character device, not a regular file"},
		{fifo, "is a named pipe (FIFO), not a regular file"},
		{sparse, "file is larger than 4 MB"},
	} {
		img := imageLeaf(bad.path)
		imgWant := strings.Replace(bad.want, "4 MB", "32 MB", 1)
		if strings.HasPrefix(bad.path, "/dev/") {
			imgWant = `the image "pic.png" is outside the leaflet's folder`
		}
		for _, c := range []struct {
			args []string
			want string
		}{
			{[]string{"render", bad.path, "-o", out}, bad.want},
			{[]string{"render", leaf, "--site", filepath.Dir(link(bad.path, "site.yaml")), "-o", out}, bad.want},
			{[]string{"render", leaf, "--layout", link(bad.path, "layout.yaml"), "-o", out}, bad.want},
			{[]string{"render", img, "-o", out}, imgWant},
			{[]string{"batch", bad.path}, bad.want},
			{[]string{"check", bad.path}, bad.want},
		} {
			code, msgs := runLimited(t, nil, c.args...)
			if code != ExitFail || !strings.Contains(msgs, c.want) {
				t.Errorf("%v: exit %d, want 1 and %q:\n%s", c.args, code, c.want, msgs)
			}
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("an output was written")
	}
}

// One bad file in a folder of leaflets fails its own job; the rest are
// rendered and the report is written.
func TestSparseFileInBatch(t *testing.T) {
	dir := t.TempDir()
	good, _ := os.ReadFile(filepath.Join(hostile, "ok-leaflet.yaml"))
	for _, n := range []string{"a.yaml", "b.yaml", "d.yaml"} {
		os.WriteFile(filepath.Join(dir, n), good, 0o644)
	}
	f, _ := os.Create(filepath.Join(dir, "c.yaml"))
	if err := f.Truncate(64 << 30); err != nil {
		t.Skipf("no sparse files: %v", err)
	}
	f.Close()
	syscall.Mkfifo(filepath.Join(dir, "e.yaml"), 0o644)
	out := t.TempDir()
	report := filepath.Join(out, "report.json")
	code, stderr := runLimited(t, nil, "render", dir, "-o", out+"/", "--report", report, "-q")
	if code != ExitFail {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "c.yaml: file is larger than 4 MB") || !strings.Contains(stderr, "e.yaml: is a named pipe") {
		t.Errorf("stderr:\n%s", stderr)
	}
	if n := len(pdfs(t, out)); n != 3 {
		t.Errorf("%d PDFs, want 3", n)
	}
	if _, err := os.Stat(report); err != nil {
		t.Errorf("no report: %v", err)
	}
	if tmp := temps(t, out); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}

// Permissions: a replaced output keeps its mode, a new one follows the
// umask (report included).
func TestOutputPermissions(t *testing.T) {
	dir := copyHostile(t, "ok-leaflet.yaml")
	leaf := filepath.Join(dir, "ok-leaflet.yaml")
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	fresh := filepath.Join(dir, "fresh.pdf")
	kept := filepath.Join(dir, "kept.pdf")
	os.WriteFile(kept, []byte("old"), 0o664)
	os.Chmod(kept, 0o664)
	report := filepath.Join(dir, "report.json")
	for _, args := range [][]string{
		{"render", leaf, "-o", fresh},
		{"render", leaf, "-o", kept},
		{"render", leaf, "-o", filepath.Join(dir, "out") + "/", "--report", report},
	} {
		if code, stderr := runLimited(t, nil, args...); code != ExitOK {
			t.Fatalf("%v: exit %d\n%s", args, code, stderr)
		}
	}
	for p, want := range map[string]fs.FileMode{fresh: 0o600, kept: 0o664, report: 0o600} {
		if st, err := os.Stat(p); err != nil || st.Mode().Perm() != want {
			t.Errorf("%s: %v %v, want %v", filepath.Base(p), st.Mode().Perm(), err, want)
		}
	}
}

// Devices as outputs are written to, never replaced. Only root can replace
// /dev/null, so only root can show it is not.
func TestDeviceOutputs(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root could replace /dev/null; run as root to test it is left alone")
	}
	leaf := filepath.Join(hostile, "ok-leaflet.yaml")
	if code, stderr := runLimited(t, nil, "render", leaf, "-o", "/dev/null"); code != ExitOK {
		t.Errorf("-o /dev/null: exit %d\n%s", code, stderr)
	}
	if code, _ := runLimited(t, nil, "render", leaf, "-o", "/dev/full"); code != ExitFail {
		t.Errorf("-o /dev/full: exit %d, want 1", code)
	}
	for _, dev := range []string{"/dev/null", "/dev/full"} {
		if st, err := os.Lstat(dev); err != nil || st.Mode()&fs.ModeCharDevice == 0 {
			t.Fatalf("%s is no longer a device: %v %v", dev, st.Mode(), err)
		}
	}
}

// A FIFO as output is written to directly when something reads it.
func TestFIFOOutput(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "out.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got := make(chan []byte, 1)
	r, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		var b bytes.Buffer
		for {
			buf := make([]byte, 1<<16)
			n, err := r.Read(buf)
			b.Write(buf[:n])
			if err != nil && b.Len() > 0 {
				break
			}
			if err != nil {
				time.Sleep(10 * time.Millisecond)
			}
		}
		got <- b.Bytes()
	}()
	code, stderr := runLimited(t, nil, "render", filepath.Join(hostile, "ok-leaflet.yaml"), "-o", fifo)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	select {
	case b := <-got:
		if !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Errorf("read %.20q from the FIFO", b)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("nothing came down the FIFO")
	}
	if st, _ := os.Lstat(fifo); st.Mode()&fs.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced")
	}
}

// A report's temporary file left by a killed run is removed by the next.
func TestStaleReportTempRemoved(t *testing.T) {
	dir := copyHostile(t, "ok-leaflet.yaml")
	stale := filepath.Join(dir, ".report.json.123456.tmp")
	os.WriteFile(stale, []byte("{"), 0o644)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(stale, old, old)
	code, stderr := runLimited(t, nil, "render", filepath.Join(dir, "ok-leaflet.yaml"), "-o", filepath.Join(dir, "out")+"/", "--report", filepath.Join(dir, "report.json"), "-q")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the stale report temp is still there")
	}
}

func TestSourceDateEpochRange(t *testing.T) {
	leaf := filepath.Join(hostile, "ok-leaflet.yaml")
	for _, v := range []string{"253402300800", "99999999999999", "-1"} {
		code, stderr := runLimited(t, map[string]string{"SOURCE_DATE_EPOCH": v}, "render", leaf, "-o", filepath.Join(t.TempDir(), "x.pdf"))
		if code != ExitUsage || !strings.Contains(stderr, "SOURCE_DATE_EPOCH") {
			t.Errorf("%s: exit %d\n%s", v, code, stderr)
		}
	}
	code, stderr := runLimited(t, map[string]string{"SOURCE_DATE_EPOCH": "253402300799"}, "render", leaf, "-o", filepath.Join(t.TempDir(), "x.pdf"))
	if code != ExitOK {
		t.Errorf("the last second of 9999: exit %d\n%s", code, stderr)
	}
}

// A leaflet may take images from a library folder named with --assets,
// and from nowhere else outside its own folder.
func TestAssetsFolder(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "leaflets"), 0o755)
	os.MkdirAll(filepath.Join(dir, "library"), 0o755)
	os.WriteFile(filepath.Join(dir, "library", "logo.png"), pngBytes(t), 0o644)
	leaf := filepath.Join(dir, "leaflets", "l.yaml")
	os.WriteFile(leaf, []byte("title: T\nsections:\n  - body:\n      - image: {file: ../library/logo.png, alt: a logo}\n"), 0o644)
	lib := filepath.Join(dir, "library")
	out := filepath.Join(dir, "out")
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"render", leaf, "-o", filepath.Join(dir, "a.pdf")}, ExitFail},
		{[]string{"render", leaf, "-o", filepath.Join(dir, "a.pdf"), "--assets", lib}, ExitOK},
		{[]string{"render", leaf, "-o", out + "/", "--assets", lib, "-q"}, ExitOK},
		{[]string{"check", leaf, "--assets", lib, "--as-of", "2025-01-01"}, ExitOK},
		{[]string{"check", leaf, "--as-of", "2025-01-01"}, ExitFail},
		{[]string{"render", leaf, "--assets", filepath.Join(dir, "nope"), "-o", filepath.Join(dir, "a.pdf")}, ExitUsage},
	} {
		code, msgs := runLimited(t, nil, c.args...)
		if code != c.code {
			t.Errorf("%v: exit %d, want %d\n%s", c.args, code, c.code, msgs)
		}
		if c.code == ExitFail && !strings.Contains(msgs, `the image "../library/logo.png" is outside the leaflet's folder`) {
			t.Errorf("%v:\n%s", c.args, msgs)
		}
	}
}

// merge-reports refuses to write its result over one of the reports it
// merges.
func TestMergeReportsOutputIsInput(t *testing.T) {
	dir := t.TempDir()
	rep := filepath.Join(dir, "report-1.json")
	os.WriteFile(rep, []byte(`{"handout": "test", "outputs": []}`), 0o644)
	before, _ := os.ReadFile(rep)
	code, msgs := runLimited(t, nil, "merge-reports", "-o", rep, filepath.Join(dir, "report-*.json"))
	if code != ExitUsage || !strings.Contains(msgs, "would destroy the input") {
		t.Errorf("exit %d, want 2:\n%s", code, msgs)
	}
	if after, _ := os.ReadFile(rep); !bytes.Equal(before, after) {
		t.Error("the report was overwritten")
	}
}

// A layout whose footer band cannot hold one line is the layout's fault,
// even with a site whose footer text would also not fit: the message names
// the layout file, not site.yaml.
func TestNoRoomLayoutBlamedWithASite(t *testing.T) {
	dir := copyHostile(t, "ok-leaflet.yaml", "no-room-layout.yaml")
	site := filepath.Join(repo, "content", "sites", "riverside")
	code, stderr := runLimited(t, nil, "render", filepath.Join(dir, "ok-leaflet.yaml"), "--site", site,
		"--layout", filepath.Join(dir, "no-room-layout.yaml"), "-o", filepath.Join(dir, "out.pdf"))
	if code != ExitFail || !strings.Contains(stderr, "no-room-layout.yaml:2:16: the no-room-layout layout's 0.03 in footer band") || strings.Contains(stderr, "site.yaml") {
		t.Fatalf("exit %d; want the layout file blamed, not the site:\n%s", code, stderr)
	}
}
