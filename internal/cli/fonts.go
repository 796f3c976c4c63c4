package cli

import (
	"fmt"

	"github.com/spf13/pflag"
)

// addFontsFlag adds --fonts, the print room's font folders, which render,
// batch and check all take.
func addFontsFlag(fs *pflag.FlagSet) *[]string {
	return fs.StringArray("fonts", nil, "a folder of TrueType fonts that add or replace families (docs/languages.md); repeat for several")
}

// checkFonts makes sure each --fonts names a folder.
func checkFonts(dirs []string) error {
	for _, d := range dirs {
		if !isDir(d) {
			return fmt.Errorf("--fonts %s is not a folder", d)
		}
	}
	return nil
}
