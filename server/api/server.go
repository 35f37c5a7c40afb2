// Package api is the portal's JSON API under /api/v1: plain net/http
// handlers, registered in one place, each reading decode → validate → use
// case → respond.
package api

import (
	"log/slog"
	"net/http"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/account"
	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/config"
	"github.com/minicorp/miniid/server/export"
	"github.com/minicorp/miniid/server/httpx"
	"github.com/minicorp/miniid/server/keyring"
	"github.com/minicorp/miniid/server/metrics"
	"github.com/minicorp/miniid/server/oidc"
	"github.com/minicorp/miniid/server/profile"
	"github.com/minicorp/miniid/server/ratelimit"
	"github.com/minicorp/miniid/server/secquestion"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/support"
	"github.com/minicorp/miniid/shared/api"
)

// Server holds what the handlers need.
type Server struct {
	cfg      config.Config
	db       *bun.DB
	clock    clock.Clock
	auth     *auth.Service
	sessions *session.Store
	guard    *httpx.Guard
	log      *slog.Logger
	help     HelpService
	keys     keyring.Ring
	account  *account.Service
	oidc     *oidc.Service
	metrics  *metrics.Metrics
	care
}

// care are the services of customer care and self-service.
type care struct {
	support   *support.Service
	questions *secquestion.Service
	export    *export.Service
	pictures  *profile.Service
}

// Deps are the use cases the API is built on.
type Deps struct {
	Config   config.Config
	DB       *bun.DB
	Clock    clock.Clock
	Auth     *auth.Service
	Sessions *session.Store
	Help     HelpService
	Keys     keyring.Ring
	Account  *account.Service
	OIDC     *oidc.Service // the OpenID Connect provider: consent, connected apps, return addresses
	Log      *slog.Logger
	Metrics  *metrics.Metrics // nil counts nothing
	// Customer care and self-service.
	Support   *support.Service
	Questions *secquestion.Service
	Export    *export.Service
	Pictures  *profile.Service
	// Limits are the per-IP budgets (in the database, shared with the HTML
	// forms and every other process); nil makes one on DB.
	Limits *ratelimit.Limiter
}

// New returns the API server.
func New(d Deps) *Server {
	if d.Limits == nil {
		d.Limits = ratelimit.New(d.DB, d.Keys, d.Clock.Now)
	}
	return &Server{
		cfg: d.Config, db: d.DB, clock: d.Clock, auth: d.Auth, sessions: d.Sessions, log: d.Log,
		help: d.Help, keys: d.Keys, account: d.Account, oidc: d.OIDC,
		guard:   &httpx.Guard{Sessions: d.Sessions, Base: d.Config.BaseURL, Secure: d.Config.Secure(), Limits: d.Limits},
		metrics: d.Metrics,
		care:    care{support: d.Support, questions: d.Questions, export: d.Export, pictures: d.Pictures},
	}
}

// Routes registers every API endpoint on mux.
func (s *Server) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET "+api.PathSession, s.throttle("session", s.withSession(s.getSession)))
	mux.HandleFunc("POST "+api.PathRegister, s.throttle("register", s.withSession(s.register)))
	mux.HandleFunc("POST "+api.PathRegisterResend, s.throttle("mail", s.withSession(s.resendConfirmation)))
	mux.HandleFunc("POST "+api.PathConfirm, s.throttle("reset", s.withSession(s.countLogin(s.confirm))))
	mux.HandleFunc("POST "+api.PathLogin, s.throttle("login", s.withSession(s.countLogin(s.login))))
	mux.HandleFunc("POST "+api.PathLoginCode, s.throttle("code", s.withSession(s.countLogin(s.loginCode))))
	mux.HandleFunc("POST "+api.PathLoginResend, s.throttle("mail", s.withSession(s.loginResend)))
	mux.HandleFunc("POST "+api.PathLogout, s.withSession(s.logout))
	mux.HandleFunc("POST "+api.PathForgot, s.throttle("mail", s.withSession(s.forgot)))
	mux.HandleFunc("POST "+api.PathReset, s.throttle("reset", s.withSession(s.reset)))
	mux.HandleFunc("POST "+api.PathStrength, s.throttle("help", s.withSession(s.strength)))
	mux.HandleFunc("GET "+api.PathMe, s.full(s.me))

	mux.HandleFunc("POST "+api.PathTwoFactorStart, s.throttle("login", s.full(s.twoFactorStart)))
	mux.HandleFunc("POST "+api.PathTwoFactorResend, s.throttle("mail", s.full(s.twoFactorResend)))
	mux.HandleFunc("POST "+api.PathTwoFactorConfirm, s.throttle("code", s.full(s.twoFactorConfirm)))

	s.accountRoutes(mux)
	s.factorRoutes(mux)
	s.helpRoutes(mux)
	s.oidcRoutes(mux)
	s.careRoutes(mux)

	// Anything else under the API is a JSON 404, not the app's HTML page.
	mux.HandleFunc(api.Prefix+"/", func(w http.ResponseWriter, r *http.Request) {
		fail(w, r, http.StatusNotFound, api.Error{Code: api.CodeNotFound, Message: "There is no such API endpoint."}, nil)
	})
}
