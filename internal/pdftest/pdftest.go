// Package pdftest runs the PDF tools (qpdf, and poppler's pdftotext,
// pdfinfo, pdffonts, pdfimages) for tests that check handouts from the
// outside, as a print room would.
package pdftest

import (
	"os"
	"os/exec"
	"testing"
)

// Tool returns the path of an external checker. In CI (the CI variable is
// set) a missing tool fails the test; elsewhere the test is skipped with a
// message saying what to install.
func Tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed; CI must install it (.ci/run installs the Debian packages)", name)
		}
		t.Skipf("%s not installed; install it (see .ci/run for the Debian packages) to run this test", name)
	}
	return p
}

// Output runs a tool and returns what it printed, failing the test if it
// fails.
func Output(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(Tool(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}
