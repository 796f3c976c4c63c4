package render

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestPackageDependencies keeps the pipeline's layers apart: render
// refuses on validate's rules and never reaches into check, and preparing
// images does not depend on the PDF painter. go test puts its own go
// command first on PATH, so `go list` is always there.
func TestPackageDependencies(t *testing.T) {
	for _, c := range []struct{ pkg, forbidden string }{
		{"handout/internal/render", "handout/internal/check"},
		{"handout/internal/assets", "handout/internal/paint"},
		{"handout/internal/validate", "handout/internal/check"},
	} {
		out, err := exec.Command("go", "list", "-deps", c.pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", c.pkg, err)
		}
		deps := strings.Fields(string(out))
		if !slices.Contains(deps, c.pkg) {
			t.Fatalf("go list -deps %s does not list the package itself: %q", c.pkg, deps)
		}
		if slices.Contains(deps, c.forbidden) {
			t.Errorf("%s depends on %s", c.pkg, c.forbidden)
		}
	}
}
