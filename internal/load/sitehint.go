package load

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"handout/internal/source"
)

// missingSite reports a --site that names nothing, listing the sites found
// beside where it points (and in content/sites and sites, where samples
// and print rooms keep them), with the closest as "did you mean".
func missingSite(path string) error {
	e := source.Errorf(source.Pos{File: path}, "no site folder or file %s", path)
	found := sitesNear(path)
	if len(found) == 0 {
		return e.WithHint("give a folder holding site.yaml, or a site file")
	}
	// names are compared without their folders: "riversde" is meant to
	// be content/sites/riverside
	bases := make([]string, len(found))
	for i, f := range found {
		bases[i] = filepath.Base(f)
	}
	if c, ok := closest(filepath.Base(path), bases); ok {
		for i, b := range bases {
			if b == c {
				return e.WithHint("did you mean %s? sites found: %s", found[i], strings.Join(found, ", "))
			}
		}
	}
	return e.WithHint("sites found: %s", strings.Join(found, ", "))
}

// sitesNear lists the site folders in the folder the path is in, and in
// the usual places, as paths the user could type.
func sitesNear(path string) []string {
	seen := map[string]bool{}
	var out []string
	for _, dir := range []string{filepath.Dir(path), filepath.Join("content", "sites"), "sites"} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, en := range entries {
			p := filepath.Join(dir, en.Name())
			if en.IsDir() {
				if _, err := os.Stat(filepath.Join(p, "site.yaml")); err != nil {
					continue
				}
			} else if en.Name() != "site.yaml" && !strings.HasSuffix(en.Name(), ".site.yaml") {
				continue
			}
			if dir == "." {
				p = en.Name()
			}
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	sort.Strings(out)
	return out
}
