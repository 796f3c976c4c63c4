package safeio

import (
	"fmt"
	"os"
	"path/filepath"
)

// fileID is what makes two names the same file: device and inode where
// the system has them, else the resolved name.
type fileID struct {
	dev, ino uint64
	name     string
}

// canonical is a name for a path that may not exist yet: its folder with
// links resolved, and its base name. Two outputs with the same canonical
// name would overwrite each other.
func canonical(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

// ClashError says an output would overwrite an input, or another output.
type ClashError struct {
	Output, Other string
	Input         bool // Other is an input, not another output
}

func (e *ClashError) Error() string {
	if e.Input {
		return fmt.Sprintf("the output %s is the input %s; writing it would destroy the input", e.Output, e.Other)
	}
	return fmt.Sprintf("the outputs %s and %s are the same file", e.Output, e.Other)
}

// Files is a set of inputs and outputs, compared by identity: inputs by
// device and inode after following links, outputs (which may not exist
// yet) also by their resolved name. Special files such as /dev/null are
// not compared: writing to them cannot destroy anything.
type Files struct {
	inputs  map[fileID]string
	outputs map[string]string
	outIDs  map[fileID]string
}

// NewFiles returns an empty set.
func NewFiles() *Files {
	return &Files{inputs: map[fileID]string{}, outputs: map[string]string{}, outIDs: map[fileID]string{}}
}

// Input adds an input file; one that does not exist is ignored.
func (f *Files) Input(path string) {
	if path == "" || !regularOrMissing(path) {
		return
	}
	if id, ok := identify(path); ok {
		if _, seen := f.inputs[id]; !seen {
			f.inputs[id] = path
		}
	}
}

// Output adds an output and reports the first clash it has with an input
// or an earlier output, or nil. "-" (standard output) never clashes.
func (f *Files) Output(path string) error {
	if path == "" || path == "-" || !regularOrMissing(path) {
		return nil
	}
	id, exists := identify(path)
	if exists {
		if in, ok := f.inputs[id]; ok {
			return &ClashError{Output: path, Other: in, Input: true}
		}
		if other, ok := f.outIDs[id]; ok {
			return &ClashError{Output: path, Other: other}
		}
		f.outIDs[id] = path
	}
	c := canonical(path)
	if other, ok := f.outputs[c]; ok {
		return &ClashError{Output: path, Other: other}
	}
	f.outputs[c] = path
	return nil
}

func regularOrMissing(path string) bool {
	st, err := os.Stat(path)
	return err != nil || st.Mode().IsRegular()
}
