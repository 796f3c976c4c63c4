// Package serve is the front desk: an HTTP server that lists the leaflets,
// sites and layouts of three folders, renders handouts on request, runs
// check on a leaflet, and serves one embedded web page for clinic staff.
//
// One file per concern: config.go (settings), server.go (routes and the
// http.Server), library.go and confine.go (what may be read, by ID),
// fresh.go (never rendering a half-written file), pipeline.go (the one
// adapter to the rendering pipeline), pool.go (bounded concurrency),
// problem.go (JSON errors), metrics.go, accesslog.go, and the handlers in
// api.go, render.go, check.go and page.go.
package serve
