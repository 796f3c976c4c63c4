package safeio

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// TempSuffix ends the name of every temporary file, so leftovers from a
// killed process are recognisable (and never end in .pdf).
const TempSuffix = ".tmp"

// TempPrefix is the start of the temporary names for dest: hidden, and
// named after the file they will become.
func TempPrefix(dest string) string {
	return "." + filepath.Base(dest) + "."
}

// Temps tracks the temporary files being written, so that an interrupted
// process can remove them before it exits. The zero value is ready; a nil
// *Temps tracks nothing.
type Temps struct {
	mu     sync.Mutex
	names  map[string]bool
	closed bool
}

// ErrClosed is returned for a write started after Temps.RemoveAll.
var ErrClosed = errors.New("interrupted")

// create makes a new temporary file and records it in one step under the
// lock, so RemoveAll can never run between the two and miss a file that is
// created just after it.
func (t *Temps) create(name string) (*os.File, error) {
	open := func() (*os.File, error) { return os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666) }
	if t == nil {
		return open()
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return nil, ErrClosed
	}
	f, err := open()
	if err != nil {
		return nil, err
	}
	if t.names == nil {
		t.names = map[string]bool{}
	}
	t.names[name] = true
	return f, nil
}

func (t *Temps) forget(name string) {
	if t == nil {
		return
	}
	t.mu.Lock()
	delete(t.names, name)
	t.mu.Unlock()
}

// RemoveAll deletes every temporary file still being written, and makes
// any later write fail: called when the process is about to exit on a
// signal, it leaves nothing half-written behind.
func (t *Temps) RemoveAll() {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.closed = true
	for n := range t.names {
		os.Remove(n)
	}
	t.names = nil
}

// Output is a file being written. A regular file (or a new one) is written
// to a temporary file beside it and renamed into place by Commit, so an
// existing file is never left half-written; a device or a FIFO that already
// exists is written directly, since renaming over it would replace it with
// a regular file.
type Output struct {
	f       *os.File
	dest    string // where the data ends up: dest, or what its link points to
	tmp     string // "" when writing directly
	perm    fs.FileMode
	replace bool // an existing file's permissions are kept
	temps   *Temps
}

// Create starts writing dest.
func Create(dest string, temps *Temps) (*Output, error) {
	target, st, err := target(dest)
	if err != nil {
		return nil, err
	}
	if st != nil && !st.Mode().IsRegular() {
		return direct(dest, st)
	}
	o := &Output{dest: target, temps: temps, perm: 0o666}
	if st != nil {
		o.perm, o.replace = st.Mode().Perm(), true
	}
	if err := o.createTemp(); err != nil {
		return nil, err
	}
	return o, nil
}

// target resolves dest: what a symbolic link points to (so the link stays
// a link), and what is there now (nil for nothing).
func target(dest string) (string, fs.FileInfo, error) {
	lst, err := os.Lstat(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return dest, nil, nil
	}
	if err != nil {
		return "", nil, err
	}
	if lst.Mode()&fs.ModeSymlink == 0 {
		return dest, lst, nil
	}
	st, err := os.Stat(dest)
	if err != nil {
		return "", nil, fmt.Errorf("is a symbolic link to a file that does not exist")
	}
	if !st.Mode().IsRegular() {
		return dest, st, nil
	}
	real, err := filepath.EvalSymlinks(dest)
	if err != nil {
		// /dev/stdout redirected to a file: /proc's links do not resolve
		// to names, so write through the link
		return dest, &fakeSpecial{st}, nil
	}
	return real, st, nil
}

// fakeSpecial makes a regular file that can only be reached through a
// link be written directly.
type fakeSpecial struct{ fs.FileInfo }

func (f *fakeSpecial) Mode() fs.FileMode { return f.FileInfo.Mode() | fs.ModeIrregular }

// direct opens an existing non-regular file for writing, or refuses it.
func direct(dest string, st fs.FileInfo) (*Output, error) {
	m := st.Mode()
	switch {
	case m.IsDir():
		return nil, fmt.Errorf("is a folder")
	case m&fs.ModeSocket != 0:
		return nil, fmt.Errorf("is a socket; give a file, a device or - for standard output")
	}
	// do not wait for a FIFO's reader that may never come
	flag := directFlags(m&fs.ModeNamedPipe != 0)
	if m&fs.ModeIrregular != 0 {
		flag |= os.O_TRUNC
	}
	f, err := os.OpenFile(dest, flag, 0)
	if noReader(err) {
		return nil, fmt.Errorf("is a named pipe (FIFO) that nothing is reading")
	}
	if err != nil {
		return nil, err
	}
	return &Output{f: f, dest: dest}, nil
}

// createTemp makes the temporary file. Its mode is 0666 so the umask
// applies to new files as it does for any other program.
func (o *Output) createTemp() error {
	dir := filepath.Dir(o.dest)
	for range 100 {
		n, err := rand.Int(rand.Reader, big.NewInt(1e12))
		if err != nil {
			return err
		}
		name := filepath.Join(dir, TempPrefix(o.dest)+n.String()+TempSuffix)
		f, err := o.temps.create(name)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return err
		}
		o.f, o.tmp = f, name
		return nil
	}
	return fmt.Errorf("cannot create a temporary file in %s", dir)
}

// Write writes to the file.
func (o *Output) Write(b []byte) (int, error) { return o.f.Write(b) }

// Commit finishes the file: the temporary file is synced, given the
// replaced file's permissions and mtime (when not zero), and renamed into
// place. A direct write is just closed.
func (o *Output) Commit(mtime time.Time) error {
	if o.tmp == "" {
		return o.f.Close()
	}
	// Sync before the rename: after a power cut the new name must not point
	// at a file whose contents never reached the disk.
	err := errors.Join(o.f.Sync(), o.f.Close())
	if err == nil && o.replace {
		err = os.Chmod(o.tmp, o.perm)
	}
	if err == nil && !mtime.IsZero() {
		err = os.Chtimes(o.tmp, mtime, mtime)
	}
	if err == nil {
		err = os.Rename(o.tmp, o.dest)
	}
	if err != nil {
		os.Remove(o.tmp)
	}
	o.temps.forget(o.tmp)
	return err
}

// Abort discards a temporary file; a direct write is only closed.
func (o *Output) Abort() {
	o.f.Close()
	if o.tmp != "" {
		os.Remove(o.tmp)
		o.temps.forget(o.tmp)
	}
}

// WriteFile writes data to dest through Create and Commit.
func WriteFile(dest string, data []byte, mtime time.Time, temps *Temps) error {
	o, err := Create(dest, temps)
	if err != nil {
		return err
	}
	if _, err := o.Write(data); err != nil {
		o.Abort()
		return err
	}
	return o.Commit(mtime)
}
