//go:build linux

package cli

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// bigPNG writes a valid 16-bit RGBA PNG of w x h pixels, all zero: a few
// hundred kilobytes on disk, w*h*8 bytes once decoded. The rows are
// compressed as they are made, so the test itself stays small.
func bigPNG(t *testing.T, path string, w, h int) {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(kind string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		c := append([]byte(kind), data...)
		b.Write(c)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(c))
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 16, 6
	chunk("IHDR", ihdr)
	var idat bytes.Buffer
	z, _ := zlib.NewWriterLevel(&idat, zlib.BestSpeed)
	row := make([]byte, 1+w*8)
	for range h {
		z.Write(row)
	}
	z.Close()
	chunk("IDAT", idat.Bytes())
	chunk("IEND", nil)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestHostileMemoryCeiling runs the real program on inputs that used to
// take gigabytes (a small PNG that decodes to 317 MB, two of them at once,
// /dev/zero and a sparse file as leaflets, a folder holding all of them)
// and asserts through getrusage that none of them costs 300 MB.
func TestHostileMemoryCeiling(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program and makes 300 MB images; not in -short")
	}
	bin := buildHandout(t)
	dir := t.TempDir()
	lib := filepath.Join(dir, "leaflets")
	os.MkdirAll(lib, 0o755)
	for _, n := range []string{"a", "b"} {
		bigPNG(t, filepath.Join(lib, n+".png"), 6300, 6300)
		os.WriteFile(filepath.Join(lib, n+".yaml"), []byte("title: T\nsections:\n  - body:\n      - image: {file: "+n+".png, alt: x}\n"), 0o644)
	}
	sparse := filepath.Join(lib, "sparse.yaml")
	f, _ := os.Create(sparse)
	if err := f.Truncate(64 << 30); err != nil {
		t.Skipf("no sparse files: %v", err)
	}
	f.Close()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"render", filepath.Join(lib, "a.yaml"), "-o", filepath.Join(dir, "a.pdf")}, "once decoded"},
		{[]string{"render", lib, "-o", filepath.Join(dir, "out") + "/", "-j", "2", "-q"}, "once decoded"},
		{[]string{"render", "/dev/zero", "-o", filepath.Join(dir, "z.pdf")}, "not a regular file"},
		{[]string{"render", sparse, "-o", filepath.Join(dir, "s.pdf")}, "file is larger than 4 MB"},
		{[]string{"check", lib}, "file is larger than 4 MB"},
	} {
		cmd := exec.Command(bin, c.args...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		timer := time.AfterFunc(60*time.Second, func() { cmd.Process.Kill() })
		cmd.Wait()
		timer.Stop()
		peak := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux
		if code := cmd.ProcessState.ExitCode(); code != ExitFail || !strings.Contains(out.String(), c.want) {
			t.Errorf("%v: exit %d, want 1 and %q:\n%s", c.args, code, c.want, out.String())
		}
		if peak > 300*1024 {
			t.Errorf("%v: peak RSS %.0f MB, want under 300 MB", c.args, float64(peak)/1024)
		}
		t.Logf("%v: peak RSS %.0f MB", c.args[:2], float64(peak)/1024)
	}
}
