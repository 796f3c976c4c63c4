package serve

import (
	"bytes"
	"embed"
	"net/http"
)

// The page is plain HTML, CSS and JavaScript in the binary: no build step,
// and nothing fetched from another host, so it works on a hospital network
// cut off from the internet.
//
//go:embed web/index.html web/app.js web/style.css
var web embed.FS

func (s *Server) handlePage(w http.ResponseWriter, r *http.Request) {
	page, _ := web.ReadFile("web/index.html")
	css, _ := web.ReadFile("web/style.css")
	js, _ := web.ReadFile("web/app.js")
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	// Everything the page needs is inline or from this server; blob: is the
	// rendered PDF shown in the browser's own viewer.
	h.Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-src 'self' blob:; object-src 'self' blob:; img-src 'self' data: blob:; connect-src 'self' blob:")
	w.Write(fillPage(page, css, js))
}

// fillPage puts the style sheet and the script into the page, so the page
// is one response.
func fillPage(page, css, js []byte) []byte {
	out := bytes.Replace(page, []byte("/*STYLE*/"), css, 1)
	return bytes.Replace(out, []byte("/*SCRIPT*/"), js, 1)
}
