package batch

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"time"
)

// tmpSuffix ends the name of every temporary file this package writes, so
// leftovers from a killed process are recognisable (and never end in .pdf).
const tmpSuffix = ".tmp"

// WriteAtomic writes data to a temporary file next to dest and renames it
// into place, so a failure or a kill never leaves a half-written file and an
// existing file stays untouched until the new one is complete.
func WriteAtomic(dest string, data []byte) error {
	return writeAtomic(dest, data, time.Time{})
}

// writeAtomic is WriteAtomic that also sets the file's modification time
// before the rename when mtime is not zero. A run stamps each PDF with the
// time its render started, so an input edited while the render was reading
// it is newer than the output and the next run renders it again.
func writeAtomic(dest string, data []byte, mtime time.Time) error {
	dir := filepath.Dir(dest)
	tmp, err := os.CreateTemp(dir, tmpPrefix(dest)+"*"+tmpSuffix)
	if err != nil {
		return err
	}
	name := tmp.Name()
	_, werr := tmp.Write(data)
	// Sync before the rename: after a power cut the new name must not point
	// at a file whose contents never reached the disk.
	serr := tmp.Sync()
	cerr := tmp.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(name)
		return err
	}
	if err := os.Chmod(name, 0o644); err != nil {
		os.Remove(name)
		return err
	}
	if !mtime.IsZero() {
		if err := os.Chtimes(name, mtime, mtime); err != nil {
			os.Remove(name)
			return err
		}
	}
	if err := os.Rename(name, dest); err != nil {
		os.Remove(name)
		return err
	}
	return nil
}

// tmpPrefix is the start of the temporary names for dest: hidden, and
// named after the file they will become.
func tmpPrefix(dest string) string {
	return "." + filepath.Base(dest) + "."
}

// staleTempAge is how old a temporary file must be before a later run
// treats it as left behind by a killed process. Writing one PDF takes
// milliseconds, so a minute is far beyond any write still in progress.
const staleTempAge = time.Minute

// leftTemp matches the temporary names of PDFs and reports: a hidden
// name, the file it was to become, the random part os.CreateTemp adds.
var leftTemp = regexp.MustCompile(`^\..+\.(pdf|json)\.[0-9]+\.tmp$`)

// removeStaleTemps deletes temporary PDFs and reports in dir that a killed
// run left behind (a SIGKILL or a power cut gives no chance to clean up).
func removeStaleTemps(dir string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !leftTemp.MatchString(n) {
			continue
		}
		info, err := e.Info()
		if err != nil || now.Sub(info.ModTime()) < staleTempAge {
			continue
		}
		os.Remove(filepath.Join(dir, n))
	}
}
