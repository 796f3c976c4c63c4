//go:build linux

package cli

import (
	"bufio"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeProcess starts the real command on a free loopback port, reads
// the address it states, renders a handout, and stops it with SIGTERM:
// it exits 0 after logging its shutdown.
func TestServeProcess(t *testing.T) {
	bin := buildHandout(t)
	cmd := exec.Command(bin, "serve", "--leaflets", filepath.Join(repo, "content", "leaflets"),
		"--sites", filepath.Join(repo, "content", "sites"), "--addr", "127.0.0.1:0", "--log-format", "json")
	stdout, _ := cmd.StdoutPipe()
	var logs strings.Builder
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	addr := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		addr <- regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(line)
		io.Copy(io.Discard, stdout)
	}()
	var url string
	select {
	case url = <-addr:
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not state its address")
	}
	if url == "" {
		t.Fatal("serve did not state a loopback address")
	}
	client := &http.Client{Timeout: 20 * time.Second}
	res, err := client.Get(url + "render?leaflet=let-down-reflex&site=hillcrest")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.HasPrefix(string(body), "%PDF-") {
		t.Fatalf("render: %d", res.StatusCode)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve after SIGTERM: %v\n%s", err, logs.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
	for _, want := range []string{`"msg":"request"`, `"route":"GET /render"`, `"msg":"stopped"`} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("the log lacks %s:\n%s", want, logs.String())
		}
	}
}

func TestServeUsage(t *testing.T) {
	if code, _, stderr := run(t, nil, "serve", "--sites", "x"); code != ExitUsage || !strings.Contains(stderr, "give --leaflets and --sites") {
		t.Errorf("exit %d %s", code, stderr)
	}
	if code, _, stderr := run(t, nil, "serve", "--leaflets", "nowhere", "--sites", "nowhere"); code != ExitFail || !strings.Contains(stderr, "leaflets folder") {
		t.Errorf("exit %d %s", code, stderr)
	}
	if code, _, stderr := run(t, nil, "serve", "--leaflets", "x", "--sites", "y", "--log-format", "xml"); code != ExitUsage {
		t.Errorf("exit %d %s", code, stderr)
	}
	if code, stdout, _ := run(t, nil, "serve", "--help"); code != ExitOK || !strings.Contains(stdout, "--leaflets") {
		t.Errorf("help: %d", code)
	}
}
