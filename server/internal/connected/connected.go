// Package connected is "MINI Connected", a small web app of the brand that
// has no accounts of its own and logs in with the portal's OpenID Connect
// provider: golang.org/x/oauth2 for the code flow with PKCE, state and
// nonce, github.com/coreos/go-oidc/v3 to verify the ID token against the
// portal's JWKS. server/cmd/connected runs it beside the portal (make demo),
// and the browser tests use it as the real relying party.
package connected

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// Config is how the app is registered at the portal.
type Config struct {
	Issuer       string // the portal's BASE_URL
	ClientID     string
	ClientSecret string
	PublicURL    string // where the app is reached; /callback and /bye are registered below it
	Name         string // the app's name in its header ("MINI Connected")
}

// Cookies of the app (the portal's are "miniid…": no clash on one host).
const (
	cookieLogin   = "connected-login"
	cookieSession = "connected-session"
)

// App is the demo app.
type App struct {
	cfg      Config
	provider *oidc.Provider
	oauth    oauth2.Config
	verifier *oidc.IDTokenVerifier
	log      *slog.Logger

	mu       sync.Mutex
	pending  map[string]pending // logins under way, by their cookie
	sessions map[string]*User   // logged-in browsers, by their cookie
}

// pending is what a login keeps until the portal answers.
type pending struct {
	state, nonce, verifier string
	started                time.Time
}

// User is who logged in, as the ID token and userinfo say.
type User struct {
	Subject, Name, Email, ACR string
	AMR                       []string
	IDToken                   string // kept for the logout (id_token_hint)
}

// New discovers the portal at cfg.Issuer, waiting up to wait for it to
// answer (make demo starts both at once).
func New(ctx context.Context, cfg Config, wait time.Duration, log *slog.Logger) (*App, error) {
	deadline := time.Now().Add(wait)
	var p *oidc.Provider
	var err error
	for {
		if p, err = oidc.NewProvider(ctx, cfg.Issuer); err == nil || time.Now().After(deadline) {
			break
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
	}
	if err != nil {
		return nil, fmt.Errorf("connected: discover the portal at %s: %w", cfg.Issuer, err)
	}
	base := strings.TrimRight(cfg.PublicURL, "/")
	return &App{
		cfg: cfg, provider: p, log: log,
		oauth: oauth2.Config{
			ClientID: cfg.ClientID, ClientSecret: cfg.ClientSecret, Endpoint: p.Endpoint(),
			RedirectURL: base + "/callback", Scopes: []string{oidc.ScopeOpenID, "email", "profile"},
		},
		verifier: p.Verifier(&oidc.Config{ClientID: cfg.ClientID}),
		pending:  map[string]pending{},
		sessions: map[string]*User{},
	}, nil
}

// Handler serves the app's pages.
func (a *App) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", a.home)
	mux.HandleFunc("GET /login", a.login)
	mux.HandleFunc("GET /callback", a.callback)
	mux.HandleFunc("POST /logout", a.logout)
	mux.HandleFunc("GET /bye", a.bye)
	return mux
}

// login starts the code flow: a fresh state, nonce and PKCE verifier, kept
// under a cookie of this browser. ?level=2 asks for two factors.
func (a *App) login(w http.ResponseWriter, r *http.Request) {
	id, p := random(), pending{state: random(), nonce: random(), verifier: oauth2.GenerateVerifier(), started: time.Now()}
	opts := []oauth2.AuthCodeOption{oidc.Nonce(p.nonce), oauth2.S256ChallengeOption(p.verifier)}
	if r.URL.Query().Get("level") == "2" {
		opts = append(opts, oauth2.SetAuthURLParam("acr_values", "aal2"))
	}
	a.mu.Lock()
	a.pending[id] = p
	a.mu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: cookieLogin, Value: id, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode, MaxAge: 1800})
	http.Redirect(w, r, a.oauth.AuthCodeURL(p.state, opts...), http.StatusFound)
}

// callback finishes the login: the state must be this browser's, the code
// is exchanged with the verifier, the ID token verified (signature against
// the JWKS, issuer, audience, expiry, nonce) and userinfo read.
func (a *App) callback(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie(cookieLogin)
	a.mu.Lock()
	p, ok := pending{}, false
	if err == nil {
		p, ok = a.pending[c.Value]
		delete(a.pending, c.Value)
	}
	a.mu.Unlock()
	q := r.URL.Query()
	switch {
	case !ok || q.Get("state") != p.state:
		a.page(w, r, http.StatusBadRequest, view{Error: "state"})
		return
	case q.Get("error") != "":
		a.page(w, r, http.StatusOK, view{Error: q.Get("error")})
		return
	}
	u, err := a.finish(r.Context(), q.Get("code"), p)
	if err != nil {
		a.log.Warn("connected: login failed", "err", err)
		a.page(w, r, http.StatusBadGateway, view{Error: "token"})
		return
	}
	sid := random()
	a.mu.Lock()
	a.sessions[sid] = u
	a.mu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: cookieSession, Value: sid, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (a *App) finish(ctx context.Context, code string, p pending) (*User, error) {
	tok, err := a.oauth.Exchange(ctx, code, oauth2.VerifierOption(p.verifier))
	if err != nil {
		return nil, fmt.Errorf("exchange: %w", err)
	}
	raw, _ := tok.Extra("id_token").(string)
	id, err := a.verifier.Verify(ctx, raw)
	if err != nil {
		return nil, fmt.Errorf("verify the ID token: %w", err)
	}
	var claims struct {
		Nonce string   `json:"nonce"`
		AMR   []string `json:"amr"`
		ACR   string   `json:"acr"`
	}
	if err := id.Claims(&claims); err != nil {
		return nil, err
	}
	if claims.Nonce != p.nonce {
		return nil, fmt.Errorf("the ID token's nonce is not this login's")
	}
	if err := id.VerifyAccessToken(tok.AccessToken); err != nil {
		return nil, err
	}
	info, err := a.provider.UserInfo(ctx, oauth2.StaticTokenSource(tok))
	if err != nil {
		return nil, fmt.Errorf("userinfo: %w", err)
	}
	var profile struct {
		Name string `json:"name"`
	}
	if err := info.Claims(&profile); err != nil {
		return nil, err
	}
	return &User{Subject: id.Subject, Name: profile.Name, Email: info.Email, AMR: claims.AMR, ACR: claims.ACR, IDToken: raw}, nil
}

// logout forgets the browser here and asks the portal to log it out too
// (RP-initiated logout with the ID token as proof), coming back to /bye.
func (a *App) logout(w http.ResponseWriter, r *http.Request) {
	u := a.user(r)
	a.forget(w, r)
	if u == nil {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	var end struct {
		EndSession string `json:"end_session_endpoint"`
	}
	if err := a.provider.Claims(&end); err != nil || end.EndSession == "" {
		http.Redirect(w, r, "/bye", http.StatusSeeOther)
		return
	}
	q := url.Values{"id_token_hint": {u.IDToken}, "post_logout_redirect_uri": {strings.TrimRight(a.cfg.PublicURL, "/") + "/bye"}}
	http.Redirect(w, r, end.EndSession+"?"+q.Encode(), http.StatusSeeOther)
}

// bye is where the portal sends the browser back after the logout.
func (a *App) bye(w http.ResponseWriter, r *http.Request) {
	a.forget(w, r)
	a.page(w, r, http.StatusOK, view{LoggedOut: true})
}

func (a *App) home(w http.ResponseWriter, r *http.Request) {
	a.page(w, r, http.StatusOK, view{User: a.user(r)})
}

func (a *App) user(r *http.Request) *User {
	c, err := r.Cookie(cookieSession)
	if err != nil {
		return nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.sessions[c.Value]
}

func (a *App) forget(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(cookieSession); err == nil {
		a.mu.Lock()
		delete(a.sessions, c.Value)
		a.mu.Unlock()
	}
	http.SetCookie(w, &http.Cookie{Name: cookieSession, Value: "", Path: "/", MaxAge: -1})
}

func random() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}
