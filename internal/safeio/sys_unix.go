//go:build unix

package safeio

import (
	"errors"
	"os"
	"syscall"
)

// readFlags open an input without waiting for a FIFO's writer and without
// making a terminal the process's controlling terminal.
const readFlags = os.O_RDONLY | syscall.O_NONBLOCK | syscall.O_NOCTTY

// directFlags open an existing device or FIFO for writing; fifo adds not
// waiting for a reader.
func directFlags(fifo bool) int {
	if fifo {
		return os.O_WRONLY | syscall.O_NOCTTY | syscall.O_NONBLOCK
	}
	return os.O_WRONLY | syscall.O_NOCTTY
}

// noReader reports the error of opening a FIFO that nothing reads.
func noReader(err error) bool { return errors.Is(err, syscall.ENXIO) }

// identify is a file's device and inode, after following links.
func identify(path string) (fileID, bool) {
	st, err := os.Stat(path)
	if err != nil {
		return fileID{}, false
	}
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{dev: uint64(sys.Dev), ino: uint64(sys.Ino)}, true
}
