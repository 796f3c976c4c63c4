// Command handout turns patient-education leaflets into print-ready PDFs.
// See the README and docs/ for the formats and commands.
package main

import (
	"os"

	"handout/internal/cli"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	os.Exit(cli.Run(&cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Version: version}, os.Args[1:]))
}
