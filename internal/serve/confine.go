package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// root is a folder the server may read, held as its real path (symbolic
// links resolved), so that containment is a question about real paths.
type root struct {
	dir string
}

func newRoot(what, dir string) (root, error) {
	if dir == "" {
		return root{}, fmt.Errorf("give the %s folder", what)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return root{}, err
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return root{}, fmt.Errorf("%s folder: %w", what, err)
	}
	st, err := os.Stat(real)
	if err != nil {
		return root{}, fmt.Errorf("%s folder: %w", what, err)
	}
	if !st.IsDir() {
		return root{}, fmt.Errorf("%s folder: %s is not a folder", what, dir)
	}
	return root{dir: real}, nil
}

// lexicallyInside reports whether path, cleaned but not resolved, lies in
// the root. It touches no disk, so asking about a path outside tells
// nobody whether that path exists.
func (r root) lexicallyInside(path string) bool {
	if r.dir == "" || !filepath.IsAbs(path) {
		return false
	}
	rel, err := filepath.Rel(r.dir, filepath.Clean(path))
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// contains reports whether path is inside the root once every symbolic
// link in it is followed: a link that leads out is outside. A path that
// does not exist is not contained.
func (r root) contains(path string) bool {
	if !r.lexicallyInside(path) {
		return false
	}
	real, err := filepath.EvalSymlinks(path)
	return err == nil && r.lexicallyInside(real)
}

// trim turns a path inside the root into the form shown to users: relative,
// so messages never show where the server keeps its folders.
func (r root) trim(s string) string {
	if r.dir == "" {
		return s
	}
	return strings.ReplaceAll(s, r.dir+string(filepath.Separator), "")
}

// hidden reports names the library never lists: dot files, editors'
// backups and swap files, which are often half-written.
func hidden(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~")
}

// yamlName strips .yaml or .yml, and reports whether name had either.
func yamlName(name string) (string, bool) {
	for _, ext := range []string{".yaml", ".yml"} {
		if strings.HasSuffix(name, ext) {
			return strings.TrimSuffix(name, ext), true
		}
	}
	return name, false
}
