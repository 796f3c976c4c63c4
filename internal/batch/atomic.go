package batch

import (
	"os"
	"path/filepath"
	"regexp"
	"time"

	"handout/internal/safeio"
)

// tmpSuffix ends the name of every temporary file this package writes, so
// leftovers from a killed process are recognisable (and never end in .pdf).
const tmpSuffix = safeio.TempSuffix

// WriteAtomic writes data to dest through safeio: a regular file goes to a
// temporary file next to dest and is renamed into place, so a failure or a
// kill never leaves a half-written file and an existing file stays
// untouched until the new one is complete; a device or FIFO is written
// directly. temps, when not nil, tracks the temporary file for an
// interrupted process to remove.
func WriteAtomic(dest string, data []byte, temps *safeio.Temps) error {
	return safeio.WriteFile(dest, data, time.Time{}, temps)
}

// tmpPrefix is the start of the temporary names for dest.
func tmpPrefix(dest string) string { return safeio.TempPrefix(dest) }

// staleTempAge is how old a temporary file must be before a later run
// treats it as left behind by a killed process. Writing one PDF takes
// milliseconds, so a minute is far beyond any write still in progress.
const staleTempAge = time.Minute

// leftTemp matches the temporary names of PDFs and reports: a hidden
// name, the file it was to become, the random part os.CreateTemp adds.
var leftTemp = regexp.MustCompile(`^\..+\.(pdf|json)\.[0-9]+\.tmp$`)

// RemoveStaleTemps removes what a killed run left in dir, for the callers
// that write there outside a run (the combined file).
func RemoveStaleTemps(dir string) { removeStaleTemps(dir, time.Now()) }

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
