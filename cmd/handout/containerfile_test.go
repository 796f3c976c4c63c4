package main

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestContainerfile checks what can be checked without a container
// engine: every file the Containerfile copies from the repository exists,
// and its build command makes a static binary (no program
// interpreter, so it runs on a base with no C library) by turning cgo off.
func TestContainerfile(t *testing.T) {
	root := filepath.Join("..", "..")
	f, err := os.Open(filepath.Join(root, "Containerfile"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var build string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		switch {
		case fields[0] == "COPY" && !strings.HasPrefix(fields[1], "--from"):
			for _, src := range fields[1 : len(fields)-1] {
				if _, err := os.Stat(filepath.Join(root, src)); err != nil {
					t.Errorf("the Containerfile copies %s, which is not in the repository", src)
				}
			}
		case fields[0] == "RUN" && strings.Contains(sc.Text(), "go build"):
			build = strings.TrimSpace(strings.TrimPrefix(sc.Text(), "RUN"))
		}
	}
	if build == "" || !strings.HasPrefix(build, "CGO_ENABLED=0 ") {
		t.Fatalf("no static go build in the Containerfile: %q", build)
	}
	// Building it here would rebuild every package without the build cache
	// (-trimpath changes every package's key): minutes on a busy machine.
	// What makes it static is CGO_ENABLED=0 with no cgo package linked:
	for _, want := range []string{"-o /out/handout", "./cmd/handout", "-X main.version="} {
		if !strings.Contains(build, want) {
			t.Errorf("the build line lacks %q: %s", want, build)
		}
	}
}
