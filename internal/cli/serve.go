package cli

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/pflag"

	"handout/internal/serve"
)

func runServe(env *Env, args []string) int {
	fs := pflag.NewFlagSet("serve", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cfg := serve.Config{Version: env.Version}
	fs.StringVar(&cfg.Leaflets, "leaflets", "", "folder of leaflets (required)")
	fs.StringVar(&cfg.Sites, "sites", "", "folder of site folders (required)")
	fs.StringVar(&cfg.Layouts, "layouts", "", "folder of layout files, offered beside the built-in layouts")
	addr := fs.String("addr", serve.DefaultAddr, "address to listen on; keep it on localhost unless a proxy in front handles who may connect")
	fs.IntVarP(&cfg.Jobs, "jobs", "j", 0, "renders at once (default: the number of CPUs)")
	fs.DurationVar(&cfg.Timeout, "timeout", serve.DefaultTimeout, "longest a request may take, waiting for a free renderer included")
	fs.Int64Var(&cfg.MaxBody, "max-body", serve.DefaultMaxBody, "largest leaflet POST /api/check accepts, in bytes")
	logFormat := fs.String("log-format", "text", "access log format: text or json")
	help := fs.BoolP("help", "h", false, "show this help")
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(env.Stderr, "handout serve: "+format+"\n", a...)
		fmt.Fprint(env.Stderr, serveUsage(fs))
		return ExitUsage
	}
	if err := fs.Parse(args); err != nil {
		return usageErr("%v", err)
	}
	if *help {
		fmt.Fprint(env.Stdout, serveUsage(fs))
		return ExitOK
	}
	if fs.NArg() > 0 {
		return usageErr("unexpected argument %q", fs.Arg(0))
	}
	if cfg.Leaflets == "" || cfg.Sites == "" {
		return usageErr("give --leaflets and --sites")
	}
	if cfg.Jobs < 0 || cfg.Timeout <= 0 || cfg.MaxBody <= 0 {
		return usageErr("-j, --timeout and --max-body must be positive")
	}
	switch *logFormat {
	case "text":
		cfg.Logger = slog.New(slog.NewTextHandler(env.Stderr, nil))
	case "json":
		cfg.Logger = slog.New(slog.NewJSONHandler(env.Stderr, nil))
	default:
		return usageErr("--log-format must be text or json, not %q", *logFormat)
	}
	srv, err := serve.New(cfg)
	if err != nil {
		fmt.Fprintf(env.Stderr, "handout serve: %v\n", err)
		return ExitFail
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(env.Stderr, "handout serve: %v\n", err)
		return ExitFail
	}
	if a, ok := ln.Addr().(*net.TCPAddr); ok && !a.IP.IsLoopback() {
		fmt.Fprintf(env.Stderr, "handout serve: warning: listening on %s, beyond this machine; the server has no logins, so let a proxy in front decide who may connect\n", ln.Addr())
	}
	fmt.Fprintf(env.Stdout, "handout serve: the front desk is at http://%s/ (Ctrl-C or SIGTERM to stop)\n", ln.Addr())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Serve(ctx, ln); err != nil {
		fmt.Fprintf(env.Stderr, "handout serve: %v\n", err)
		return ExitFail
	}
	return ExitOK
}

func serveUsage(fs *pflag.FlagSet) string {
	return "Usage: handout serve --leaflets DIR --sites DIR [--layouts DIR] [--addr 127.0.0.1:8080] [-j N]\n\n" +
		"Serves the front desk: a web page to pick, preview, print and check handouts, and an\n" +
		"HTTP API for other systems. Edited leaflets and sites are picked up without a restart.\n" +
		"Endpoints and examples: docs/serve.md.\n\nFlags:\n" + fs.FlagUsages()
}
