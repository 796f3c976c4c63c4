//go:build !unix

package safeio

import "os"

// readFlags: systems without FIFOs in the file system need no care.
const readFlags = os.O_RDONLY

func directFlags(bool) int { return os.O_WRONLY }

func noReader(error) bool { return false }

// identify has no device and inode to go by here: the resolved name stands
// in for them.
func identify(path string) (fileID, bool) {
	if _, err := os.Stat(path); err != nil {
		return fileID{}, false
	}
	return fileID{name: canonical(path)}, true
}
