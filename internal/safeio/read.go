package safeio

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Size limits for the kinds of input handout reads. A leaflet, site, layout
// or job file is a few kilobytes; an image a few megabytes.
const (
	TextLimit  = 4 << 20
	ImageLimit = 32 << 20
)

// TooLargeError is returned for a file over its limit.
type TooLargeError struct {
	Path  string
	Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s: file is larger than %d MB", e.Path, e.Limit>>20)
}

// NotRegularError is returned for an input that is not a regular file: a
// folder, a FIFO, a device or a socket. Reading those could block forever
// or never end.
type NotRegularError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s: %s, not a regular file", e.Path, kindOf(e.Mode))
}

// kindOf names a file type the way a user would.
func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "is a folder"
	case m&fs.ModeNamedPipe != 0:
		return "is a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "is a socket"
	case m&fs.ModeCharDevice != 0:
		return "is a character device"
	case m&fs.ModeDevice != 0:
		return "is a device"
	}
	return "is a special file"
}

// OpenRegular opens path for reading if, after following symbolic links,
// it is a regular file. The open itself does not block: a FIFO with no
// writer would otherwise hang it.
func OpenRegular(path string) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(path, readFlags, 0)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, nil, &NotRegularError{Path: path, Mode: st.Mode()}
	}
	return f, st, nil
}

// ReadFile reads a regular file of at most limit bytes. The limit holds
// while reading, so a file that grows, or lies about its size, costs no
// more than limit bytes of memory.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, st, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st.Size() > limit {
		return nil, &TooLargeError{Path: path, Limit: limit}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &TooLargeError{Path: path, Limit: limit}
	}
	return data, nil
}

// Describe is the message for a read error, without the path when the
// caller puts it in front already: "file is larger than 4 MB", "is a
// named pipe (FIFO), not a regular file", "file does not exist".
func Describe(err error) string {
	var tl *TooLargeError
	if errors.As(err, &tl) {
		return fmt.Sprintf("file is larger than %d MB", tl.Limit>>20)
	}
	var nr *NotRegularError
	if errors.As(err, &nr) {
		return kindOf(nr.Mode) + ", not a regular file"
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "file does not exist"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
