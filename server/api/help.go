package api

import "net/http"

// HelpService is what the help endpoints need (implemented by server/help).
type HelpService interface{}

func (s *Server) helpRoutes(mux *http.ServeMux) {}
