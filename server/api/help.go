package api

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/help"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// HelpService is what the help endpoints need (implemented by *help.Service).
type HelpService interface {
	Tree(ctx context.Context, lang string) ([]api.HelpTopic, error)
	Article(ctx context.Context, slug, lang, visitor string) (api.HelpArticle, error)
	Search(ctx context.Context, lang, q string, limit int) ([]api.HelpSearchResult, error)
	MostRead(ctx context.Context, lang string, n int) ([]api.HelpArticleSummary, error)
	Vote(ctx context.Context, slug, visitor, network string, helpful bool) (api.HelpVoteResponse, error)
	CountRead(ctx context.Context, slug, visitor string) (bool, error)
	Ask(ctx context.Context, q, lang string) (api.AssistantAnswer, error)
}

var _ HelpService = (*help.Service)(nil)

func (s *Server) helpRoutes(mux *http.ServeMux) {
	if s.help == nil {
		return
	}
	mux.HandleFunc("GET "+api.PathHelpTree, s.throttle("help", s.helpTree))
	mux.HandleFunc("GET "+api.PathHelpMostRead, s.throttle("help", s.helpMostRead))
	mux.HandleFunc("GET "+api.PathHelpSearch, s.throttle("help", s.helpSearch))
	mux.HandleFunc("GET "+api.PathHelpArticle+"{slug}", s.throttle("help", s.withSession(s.helpArticle)))
	mux.HandleFunc("POST "+api.PathHelpVote, s.throttle("help", s.withSession(s.helpVote)))
	mux.HandleFunc("GET "+api.PathAssistant, s.throttle("help", s.assistant))
}

// helpLang is the language asked for with ?lang=, else the caller's.
func helpLang(r *http.Request) string {
	if l := r.URL.Query().Get("lang"); l != "" {
		return i18n.Lang(l)
	}
	return langOf(r)
}

// visitor identifies a reader for votes and read counts without storing
// anything personal: a keyed hash of the account, or of the session for an
// anonymous reader.
func (s *Server) visitor(sess *session.Session) string {
	if sess == nil || !sess.Exists() {
		return ""
	}
	if sess.Full() {
		return s.keys.MAC("help-visitor", "user", strconv.FormatInt(sess.UserID(), 10))
	}
	return s.keys.MAC("help-visitor", "session", sess.IDHash())
}

func (s *Server) helpTree(w http.ResponseWriter, r *http.Request) {
	tree, err := s.help.Tree(r.Context(), helpLang(r))
	if err != nil {
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return
	}
	writeJSON(w, http.StatusOK, tree)
}

func (s *Server) helpMostRead(w http.ResponseWriter, r *http.Request) {
	list, err := s.help.MostRead(r.Context(), helpLang(r), 5)
	if err != nil {
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return
	}
	writeJSON(w, http.StatusOK, list)
}

func (s *Server) helpSearch(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	if len([]rune(q)) > 200 {
		fail(w, r, http.StatusBadRequest, api.Error{Code: api.CodeInvalid, Message: i18n.T(langOf(r), i18n.HelpQuestionTooLong)}, nil)
		return
	}
	res, err := s.help.Search(r.Context(), helpLang(r), q, 10)
	if err != nil {
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return
	}
	if res == nil {
		res = []api.HelpSearchResult{}
	}
	writeJSON(w, http.StatusOK, res)
}

func (s *Server) helpArticle(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	slug := r.PathValue("slug")
	visitor := s.visitor(sess)
	a, err := s.help.Article(r.Context(), slug, helpLang(r), visitor)
	if errors.Is(err, help.ErrNotFound) {
		fail(w, r, http.StatusNotFound, api.Error{Code: api.CodeNotFound, Message: i18n.T(langOf(r), i18n.HelpNotFound)}, nil)
		return
	}
	if err != nil {
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return
	}
	if visitor != "" {
		if _, err := s.help.CountRead(r.Context(), slug, visitor); err != nil {
			s.log.Warn("help: count read", "err", err)
		}
	}
	writeJSON(w, http.StatusOK, a)
}

func (s *Server) helpVote(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.HelpVoteRequest
	if !decode(w, r, &req) {
		return
	}
	// Votes count per network, keyed so that no address is stored.
	network := s.keys.MAC("help-network", help.VoteNetwork(audit.ClientIP(r.Context())))
	res, err := s.help.Vote(r.Context(), r.PathValue("slug"), s.visitor(sess), network, req.Helpful)
	switch {
	case errors.Is(err, help.ErrNotFound):
		fail(w, r, http.StatusNotFound, api.Error{Code: api.CodeNotFound, Message: i18n.T(langOf(r), i18n.HelpNotFound)}, nil)
	case errors.Is(err, help.ErrNotRead), errors.Is(err, help.ErrNoVisitor):
		fail(w, r, http.StatusConflict, api.Error{Code: api.CodeConflict, Message: i18n.T(langOf(r), i18n.HelpVoteNeedsRead)}, nil)
	case err != nil:
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
	default:
		writeJSON(w, http.StatusOK, res)
	}
}

func (s *Server) assistant(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	ans, err := s.help.Ask(r.Context(), q, langOf(r))
	switch {
	case errors.Is(err, help.ErrQuestionEmpty):
		fail(w, r, http.StatusBadRequest, api.Error{Code: api.CodeInvalid, Message: i18n.T(langOf(r), i18n.HelpQuestionEmpty),
			Fields: map[string]api.FieldError{"q": {Code: "required", Message: i18n.T(langOf(r), i18n.HelpQuestionEmpty)}}}, nil)
	case errors.Is(err, help.ErrQuestionTooLong):
		fail(w, r, http.StatusBadRequest, api.Error{Code: api.CodeInvalid, Message: i18n.T(langOf(r), i18n.HelpQuestionTooLong),
			Fields: map[string]api.FieldError{"q": {Code: "too_long", Message: i18n.T(langOf(r), i18n.HelpQuestionTooLong)}}}, nil)
	case err != nil:
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
	default:
		writeJSON(w, http.StatusOK, ans)
	}
}
