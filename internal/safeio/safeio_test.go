//go:build unix

package safeio

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestReadFileLimit(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small")
	os.WriteFile(small, []byte("title: x\n"), 0o644)
	if b, err := ReadFile(small, 100); err != nil || string(b) != "title: x\n" {
		t.Fatalf("small file: %q %v", b, err)
	}
	sparse := filepath.Join(dir, "sparse")
	f, _ := os.Create(sparse)
	if err := f.Truncate(64 << 30); err != nil {
		t.Skipf("no sparse files here: %v", err)
	}
	f.Close()
	_, err := ReadFile(sparse, TextLimit)
	var tl *TooLargeError
	if !errors.As(err, &tl) || err.Error() != sparse+": file is larger than 4 MB" {
		t.Fatalf("sparse file: %v", err)
	}
}

func TestReadFileRefusesSpecialFiles(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, p := range []string{fifo, "/dev/zero", "/dev/urandom", t.TempDir()} {
		done := make(chan error, 1)
		go func() { _, err := ReadFile(p, TextLimit); done <- err }()
		select {
		case err := <-done:
			var nr *NotRegularError
			if !errors.As(err, &nr) || !strings.Contains(err.Error(), "not a regular file") {
				t.Errorf("%s: %v", p, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: ReadFile hangs", p)
		}
	}
}

func TestWriteFileKeepsPermissionsAndFollowsUmask(t *testing.T) {
	dir := t.TempDir()
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	fresh := filepath.Join(dir, "new.pdf")
	if err := WriteFile(fresh, []byte("a"), time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(fresh); st.Mode().Perm() != 0o600 {
		t.Errorf("new file under umask 077 is %v", st.Mode().Perm())
	}
	kept := filepath.Join(dir, "kept.pdf")
	os.WriteFile(kept, []byte("old"), 0o640)
	os.Chmod(kept, 0o640)
	if err := WriteFile(kept, []byte("new"), time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(kept); st.Mode().Perm() != 0o640 {
		t.Errorf("replaced file is %v, was 0640", st.Mode().Perm())
	}
	if b, _ := os.ReadFile(kept); string(b) != "new" {
		t.Errorf("replaced file holds %q", b)
	}
	assertNoTemps(t, dir)
}

func TestWriteFileKeepsLinksAndDevices(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.pdf")
	os.WriteFile(real, []byte("old"), 0o644)
	link := filepath.Join(dir, "link.pdf")
	os.Symlink("real.pdf", link)
	if err := WriteFile(link, []byte("new"), time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&fs.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if b, _ := os.ReadFile(real); string(b) != "new" {
		t.Errorf("the link's target holds %q", b)
	}
	if err := WriteFile("/dev/null", []byte("x"), time.Time{}, nil); err != nil {
		t.Errorf("/dev/null: %v", err)
	}
	if st, _ := os.Stat("/dev/null"); st.Mode()&fs.ModeCharDevice == 0 {
		t.Fatal("/dev/null is no longer a device")
	}
	if err := WriteFile("/dev/full", []byte("x"), time.Time{}, nil); err == nil {
		t.Error("/dev/full: no error")
	}
	fifo := filepath.Join(dir, "fifo")
	syscall.Mkfifo(fifo, 0o644)
	if err := WriteFile(fifo, []byte("x"), time.Time{}, nil); err == nil || !strings.Contains(err.Error(), "nothing is reading") {
		t.Errorf("FIFO with no reader: %v", err)
	}
	if st, _ := os.Lstat(fifo); st.Mode()&fs.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced")
	}
	if err := WriteFile(dir, []byte("x"), time.Time{}, nil); err == nil {
		t.Error("a folder as output: no error")
	}
	assertNoTemps(t, dir)
}

func TestTempsRemoveAll(t *testing.T) {
	dir := t.TempDir()
	var temps Temps
	o, err := Create(filepath.Join(dir, "a.pdf"), &temps)
	if err != nil {
		t.Fatal(err)
	}
	o.Write([]byte("partial"))
	temps.RemoveAll()
	assertNoTemps(t, dir)
	if _, err := Create(filepath.Join(dir, "b.pdf"), &temps); !errors.Is(err, ErrClosed) {
		t.Errorf("write after RemoveAll: %v", err)
	}
}

func TestClashByIdentity(t *testing.T) {
	dir := t.TempDir()
	leaf := filepath.Join(dir, "leaf.yaml")
	os.WriteFile(leaf, []byte("title: x"), 0o644)
	hard := filepath.Join(dir, "hard.yaml")
	os.Link(leaf, hard)
	soft := filepath.Join(dir, "soft.pdf")
	os.Symlink("leaf.yaml", soft)
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	f := NewFiles()
	f.Input(leaf)
	for _, out := range []string{leaf, hard, soft, filepath.Join(sub, "..", "leaf.yaml")} {
		var ce *ClashError
		if err := f.Output(out); !errors.As(err, &ce) || !ce.Input || ce.Other != leaf {
			t.Errorf("%s: %v", out, err)
		}
	}
	if err := f.Output(filepath.Join(dir, "a.pdf")); err != nil {
		t.Fatal(err)
	}
	os.Symlink(".", filepath.Join(dir, "same"))
	if err := f.Output(filepath.Join(dir, "same", "a.pdf")); err == nil {
		t.Error("two spellings of one output: no clash")
	}
	if err := f.Output("/dev/null"); err != nil {
		t.Errorf("/dev/null: %v", err)
	}
	if err := f.Output("-"); err != nil {
		t.Errorf("-: %v", err)
	}
}

func assertNoTemps(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), TempSuffix) {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}
