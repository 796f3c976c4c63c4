package serve

import (
	"log/slog"
	"runtime"
	"time"
)

// Config says what a Server serves and how much load it takes.
type Config struct {
	Leaflets string // folder of leaflet YAML files (required)
	Sites    string // folder of site folders (required)
	Layouts  string // optional folder of layout YAML files, beside the built-ins

	// Jobs is how many renders and checks run at once; the number of CPUs
	// when zero. Requests beyond it wait for a slot until their timeout.
	Jobs int
	// Timeout bounds one request, waiting for a slot included; 30 s when zero.
	Timeout time.Duration
	// MaxBody bounds a POST body in bytes; 1 MiB when zero.
	MaxBody int64
	// Logger receives the access log and the server's own messages;
	// slog.Default() when nil.
	Logger *slog.Logger
	// Version names the program in PDFs and /healthz.
	Version string
}

// Defaults.
const (
	DefaultTimeout = 30 * time.Second
	DefaultMaxBody = 1 << 20
	DefaultAddr    = "127.0.0.1:8080"
)

func (c Config) withDefaults() Config {
	if c.Jobs <= 0 {
		c.Jobs = runtime.NumCPU()
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.MaxBody <= 0 {
		c.MaxBody = DefaultMaxBody
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return c
}
