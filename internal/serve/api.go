package serve

import "net/http"

func (s *Server) handleLeaflets(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, s.lib.Leaflets())
}

func (s *Server) handleSites(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, s.lib.Sites())
}

func (s *Server) handleLayouts(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, s.lib.Layouts())
}
