package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"handout/internal/render"
)

func runRender(env *Env, args []string) int {
	fs := pflag.NewFlagSet("render", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	site := fs.String("site", "", "site folder or site.yaml for branding (default: plain, unbranded)")
	layout := fs.String("layout", "letter", "built-in layout name or path to a layout file")
	out := fs.StringP("output", "o", "", "output PDF path, or - for standard output (default: <leaflet>.pdf here)")
	help := fs.BoolP("help", "h", false, "show this help")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(env.Stderr, "handout render: %v\n", err)
		fmt.Fprint(env.Stderr, renderUsage(fs))
		return ExitUsage
	}
	if *help {
		fmt.Fprint(env.Stdout, renderUsage(fs))
		return ExitOK
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(env.Stderr, "handout render: give exactly one leaflet file\n")
		fmt.Fprint(env.Stderr, renderUsage(fs))
		return ExitUsage
	}
	leaflet := fs.Arg(0)
	epoch, err := sourceDateEpoch(env.Getenv)
	if err != nil {
		fmt.Fprintf(env.Stderr, "handout render: %v\n", err)
		return ExitUsage
	}
	r, err := render.New(env.Version)
	if err != nil {
		fmt.Fprintf(env.Stderr, "handout: %v\n", err)
		return ExitFail
	}
	res, err := r.Render(render.Job{Leaflet: leaflet, Site: *site, Layout: *layout, Epoch: epoch})
	if res != nil {
		for _, w := range res.Warnings {
			fmt.Fprintln(env.Stderr, w)
		}
	}
	if err != nil {
		for _, p := range render.Problems(err) {
			fmt.Fprintln(env.Stderr, p)
		}
		return ExitFail
	}
	dest := *out
	if dest == "" {
		dest = strings.TrimSuffix(filepath.Base(leaflet), filepath.Ext(leaflet)) + ".pdf"
	}
	if dest == "-" {
		if _, err := env.Stdout.Write(res.PDF); err != nil {
			fmt.Fprintf(env.Stderr, "handout: writing to standard output: %v\n", err)
			return ExitFail
		}
		return ExitOK
	}
	if err := writeAtomic(dest, res.PDF); err != nil {
		fmt.Fprintf(env.Stderr, "%s: cannot write: %v\n", dest, err)
		return ExitFail
	}
	return ExitOK
}

func renderUsage(fs *pflag.FlagSet) string {
	return "Usage: handout render LEAFLET.yaml [--site PATH] [--layout NAME|PATH] [-o OUT.pdf|-]\n\n" +
		"Renders one leaflet to PDF. Built-in layouts: see 'handout layouts'.\n\nFlags:\n" + fs.FlagUsages()
}

// sourceDateEpoch reads SOURCE_DATE_EPOCH, the reproducible-builds
// convention for the date to stamp into outputs.
func sourceDateEpoch(getenv func(string) string) (*time.Time, error) {
	s := getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return nil, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)
	}
	t := time.Unix(n, 0).UTC()
	return &t, nil
}

// writeAtomic writes to a temporary file next to dest and renames it into
// place, so a failure never leaves a half-written PDF and an existing file
// stays untouched until the new one is complete.
func writeAtomic(dest string, data []byte) error {
	dir := filepath.Dir(dest)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return err
	}
	name := tmp.Name()
	_, werr := tmp.Write(data)
	serr := tmp.Sync()
	cerr := tmp.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(name)
		return err
	}
	if err := os.Chmod(name, 0o644); err != nil {
		os.Remove(name)
		return err
	}
	if err := os.Rename(name, dest); err != nil {
		os.Remove(name)
		return err
	}
	return nil
}
