package serve

import (
	"encoding/json"
	"net/http"
)

// problem is an RFC 9457 problem document: every error the server answers
// is one, so a portal or an EHR can read it as easily as a person.
type problem struct {
	Type     string   `json:"type"`
	Title    string   `json:"title"`
	Status   int      `json:"status"`
	Detail   string   `json:"detail,omitempty"`
	Problems []string `json:"problems,omitempty"` // file:line:col messages
}

// writeProblem answers with a problem document.
func writeProblem(w http.ResponseWriter, p problem) {
	if p.Type == "" {
		p.Type = "about:blank"
	}
	if p.Title == "" {
		p.Title = http.StatusText(p.Status)
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(p.Status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(p)
}

// notFound is the one answer to every unknown ID, a traversal attempt
// included: it never repeats the ID or says anything about the folders.
func notFound(w http.ResponseWriter, what string) {
	writeProblem(w, problem{Status: http.StatusNotFound, Title: "Not found", Detail: "There is no " + what + " with that id."})
}

// noRoute answers a path the API does not have.
func noRoute(w http.ResponseWriter) {
	writeProblem(w, problem{Status: http.StatusNotFound, Title: "Not found", Detail: "There is nothing at this address; the API is described in docs/serve.md."})
}

func badRequest(w http.ResponseWriter, detail string) {
	writeProblem(w, problem{Status: http.StatusBadRequest, Title: "Bad request", Detail: detail})
}

// writeJSON answers 200 with a JSON value.
func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}
