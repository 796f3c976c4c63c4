// Command handout turns patient-education leaflets into print-ready PDFs.
// See the README and docs/ for the formats and commands.
package main

import (
	"os"
	"runtime/debug"

	"handout/internal/cli"
)

// version is set at build time with -ldflags "-X main.version=1.2.0";
// otherwise it is read from the build's version control stamp.
var version = ""

func main() {
	os.Exit(cli.Run(&cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Version: buildVersion()}, os.Args[1:]))
}

// buildVersion names this build: the release it was given, or the commit
// it was built from (with +dirty for uncommitted changes), or "dev".
func buildVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "dev"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "+dirty"
	}
	return "dev-" + rev
}
