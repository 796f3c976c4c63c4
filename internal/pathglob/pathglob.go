// Package pathglob expands the file patterns handout's commands accept:
// the shell's * ? [..], and ** for any depth of folders, so a quoted
// pattern works the same in render, batch jobs and check.
package pathglob

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// IsPattern reports whether p holds a wildcard.
func IsPattern(p string) bool { return strings.ContainsAny(p, "*?[") }

// Glob returns the paths matching pattern, sorted. A ** segment matches any
// depth of folders ("content/**/*.yaml"); the part before it may hold
// wildcards too ("sites-*/**/site.yaml").
func Glob(pattern string) ([]string, error) {
	slash := filepath.ToSlash(pattern)
	i := strings.Index(slash, "**")
	if i < 0 {
		m, err := filepath.Glob(pattern)
		sort.Strings(m)
		return m, err
	}
	if (i > 0 && slash[i-1] != '/') || (i+2 < len(slash) && slash[i+2] != '/') {
		return nil, fmt.Errorf("** must be a whole path segment, as in dir/**/*.yaml")
	}
	rootPat := strings.TrimSuffix(slash[:i], "/")
	rest := strings.TrimPrefix(slash[i+2:], "/")
	if strings.Contains(rest, "**") {
		return nil, fmt.Errorf("only one ** is supported")
	}
	if rest == "" {
		rest = "*"
	}
	if _, err := path.Match(rest, ""); err != nil {
		return nil, err
	}
	roots := []string{rootPat}
	if rootPat == "" {
		roots = []string{"."}
	} else if IsPattern(rootPat) {
		m, err := filepath.Glob(filepath.FromSlash(rootPat))
		if err != nil {
			return nil, err
		}
		roots = m
	}
	var out []string
	for _, root := range roots {
		out = append(out, walk(filepath.FromSlash(root), rest)...)
	}
	sort.Strings(out)
	return out, nil
}

// walk finds the paths below root whose tail matches rest: "*.yaml"
// matches a file at any depth, "en/*.yaml" one in any folder named en.
func walk(root, rest string) []string {
	var out []string
	segs := strings.Count(rest, "/") + 1
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable folders are skipped, as a shell's ** does
		}
		rel, rerr := filepath.Rel(root, p)
		if rerr != nil || rel == "." {
			return nil
		}
		parts := strings.Split(filepath.ToSlash(rel), "/")
		if len(parts) < segs {
			return nil
		}
		if ok, _ := path.Match(rest, strings.Join(parts[len(parts)-segs:], "/")); ok {
			out = append(out, p)
		}
		return nil
	})
	return out
}
