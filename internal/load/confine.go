package load

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Images are confined: a site's to the site's folder, a leaflet's to the
// leaflet's folder or a library folder the user names (--assets). A file
// written by someone else must not be able to pull /etc/passwd or another
// clinic's logo into a PDF, through an absolute path, a ".." or a link.

// confined reports whether p (already joined to its file's folder) stays
// inside one of roots, lexically and after every link is followed. Nothing
// about what lies outside is reported, so a hostile file learns nothing
// about the machine from the message.
func confined(p string, roots []string) bool {
	written, real := false, false
	for _, root := range roots {
		written = written || within(p, root)
		real = real || withinResolved(p, root)
	}
	// both may hold through different roots: a link in the leaflet's
	// folder to a picture in the library is fine
	return written && real
}

func within(p, root string) bool {
	ap, err1 := filepath.Abs(p)
	ar, err2 := filepath.Abs(root)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(ar, ap)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// withinResolved follows links. A path that does not exist is resolved as
// far as it exists: the rest cannot be a link. A link that leads nowhere
// counts as outside, since where it leads cannot be checked.
func withinResolved(p, root string) bool {
	realRoot, err := resolveExisting(root)
	if err != nil {
		return false
	}
	real, err := resolveExisting(p)
	if err != nil {
		return false
	}
	return within(real, realRoot)
}

// resolveExisting is filepath.EvalSymlinks for a path whose last parts
// may not exist yet.
func resolveExisting(p string) (string, error) {
	p, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for {
		real, err := filepath.EvalSymlinks(p)
		if err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if _, lerr := os.Lstat(p); lerr == nil {
			return "", err // a dangling link
		}
		parent := filepath.Dir(p)
		if parent == p {
			return "", err
		}
		rest = append([]string{filepath.Base(p)}, rest...)
		p = parent
	}
}

// imagePath resolves an image path written in the file and checks that it
// stays inside the decoder's roots.
func (d *decoder) imagePath(n *yaml.Node, p string) string {
	full := resolve(filepath.Dir(d.file), p)
	if p == "" || (!filepath.IsAbs(p) && confined(full, d.roots)) {
		return full
	}
	d.fail(n, "the image %s is outside %s", quoteShort(p), d.where).
		WithHint("images must be inside %s; absolute paths, .. and links that lead out are not allowed", d.where)
	return ""
}
