// Command fpdfhandout renders handout's let-down sample with a bare fpdf
// program, as the yardstick for handout's own PDF writer (see the README's
// speed table). It lives in its own module so that fpdf stays out of
// handout's dependencies.
//
//	go build -o fpdfhandout . && ./fpdfhandout -n 1 -o /tmp/fpdf.pdf
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	root := flag.String("root", "..", "the handout repository root, where the dump's paths start")
	dump := flag.String("dump", "testdata/let-down.json", "the laid-out handout")
	n := flag.Int("n", 1, "render this many times in one process (a batch loop)")
	out := flag.String("o", "", "write the (last) PDF here")
	flag.Parse()
	in, err := Load(*root, *dump)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var buf bytes.Buffer
	for range *n {
		buf.Reset()
		if err := Render(in, &buf); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	if *out != "" {
		var w io.Writer = os.Stdout
		if *out != "-" {
			f, err := os.Create(*out)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			defer f.Close()
			w = f
		}
		if _, err := w.Write(buf.Bytes()); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
