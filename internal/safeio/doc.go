// Package safeio is how handout touches files it did not write and files
// it is about to replace: inputs are read only when they are regular files
// and only up to a size limit that is enforced while reading; outputs are
// checked against the inputs by file identity before anything is written,
// and written so that a device, a pipe or a symbolic link is never
// replaced by a regular file.
package safeio
