package cli

import (
	"fmt"

	"github.com/spf13/pflag"
)

// addAssetsFlag adds --assets: library folders a leaflet's images may come
// from besides the leaflet's own folder. Images are confined to those
// folders (see docs/untrusted-input.md).
func addAssetsFlag(fs *pflag.FlagSet) *[]string {
	return fs.StringArray("assets", nil, "a library folder leaflets may take images from besides their own folder; repeat for several")
}

// checkAssets makes sure each --assets names a folder.
func checkAssets(dirs []string) error {
	for _, d := range dirs {
		if !isDir(d) {
			return fmt.Errorf("--assets %s is not a folder", d)
		}
	}
	return nil
}
