// Package oidc makes the portal an OpenID Connect provider for the brand's
// apps (github.com/zitadel/oidc's op package over the portal's database):
// the authorization code flow with PKCE, refresh tokens that rotate, the
// userinfo endpoint, RP-initiated logout, and signing keys that rotate on a
// schedule. The login itself is the portal's own: an authorization request
// waits while the browser goes through the app's login (server/auth's
// funnel decides the factors), then continues to the consent screen or
// straight back to the app.
package oidc

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"

	"github.com/uptrace/bun"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
	"golang.org/x/text/language"

	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/config"
	"github.com/minicorp/miniid/server/keyring"
	"github.com/minicorp/miniid/server/session"
)

// The provider's endpoints. Discovery is where SPEC §7 fixes it; the rest
// live under /oidc/, apart from the app's pages.
const (
	DiscoveryPath  = "/.well-known/openid-configuration"
	AuthorizePath  = "/oidc/authorize"
	ContinuePath   = "/oidc/continue"
	TokenPath      = "/oidc/token"
	UserinfoPath   = "/oidc/userinfo"
	RevokePath     = "/oidc/revoke"
	EndSessionPath = "/oidc/end_session"
	KeysPath       = "/oidc/keys"
)

// Scopes are the scopes the provider knows, in the order the consent
// screen lists them.
var Scopes = []string{oidc.ScopeOpenID, oidc.ScopeEmail, oidc.ScopeProfile, oidc.ScopePhone, oidc.ScopeAddress, oidc.ScopeOfflineAccess}

// Pages serves one of the app's pages with a status: the error page of a
// request that cannot go back to its app.
type Pages interface {
	ServePage(w http.ResponseWriter, r *http.Request, path string, status int)
}

// Deps are what the Service is built from.
type Deps struct {
	Config   config.Config
	DB       *bun.DB
	Clock    clock.Clock
	Rand     io.Reader
	Keys     keyring.Ring
	Clients  Clients
	Sessions *session.Store
	Auth     *auth.Service
	Pages    Pages
	Log      *slog.Logger
}

// Service is the OpenID Connect provider: its HTTP endpoints, and the use
// cases the app's consent screen and "Connected apps" call.
type Service struct {
	db       *bun.DB
	clock    clock.Clock
	rand     io.Reader
	clients  Clients
	sessions *session.Store
	auth     *auth.Service
	pages    Pages
	log      *slog.Logger
	issuer   string
	storage  *storage
	op       *provider
}

// New builds the provider with issuer BASE_URL.
func New(d Deps) (*Service, error) {
	st := newStorage(d.DB, d.Clock, d.Rand, d.Keys, d.Clients, d.Config.OIDC, d.Log)
	s := &Service{
		db: d.DB, clock: d.Clock, rand: d.Rand, clients: d.Clients, sessions: d.Sessions, auth: d.Auth,
		pages: d.Pages, log: d.Log, issuer: d.Config.BaseURL.String(), storage: st,
	}
	cfg := &op.Config{
		DefaultLogoutRedirectURI: "/",
		CodeMethodS256:           true,
		AuthMethodPost:           true,
		GrantTypeRefreshToken:    true,
		SupportedUILocales:       []language.Tag{language.English, language.German},
		SupportedScopes:          slices.Clone(Scopes),
	}
	opts := []op.Option{
		op.WithCustomEndpoints(op.NewEndpoint(AuthorizePath), op.NewEndpoint(TokenPath), op.NewEndpoint(UserinfoPath),
			op.NewEndpoint(RevokePath), op.NewEndpoint(EndSessionPath), op.NewEndpoint(KeysPath)),
		op.WithCrypto(tokenCrypto(d.Keys)),
	}
	if d.Config.BaseURL.Scheme == "http" {
		opts = append(opts, op.WithAllowInsecure()) // a development BASE_URL
	}
	p, err := op.NewProvider(cfg, st, op.StaticIssuer(s.issuer), opts...)
	if err != nil {
		return nil, fmt.Errorf("oidc: provider for issuer %s: %w", s.issuer, err)
	}
	s.op = &provider{Provider: p, s: s}
	return s, nil
}

// Start makes the first signing key if there is none yet (the first start
// with apps configured), so the first login does not wait for it.
func (s *Service) Start(ctx context.Context) error {
	if len(s.clients) == 0 {
		return nil
	}
	_, err := s.storage.keys.active(ctx)
	return err
}

// Client returns the registered app with id, or nil.
func (s *Service) Client(id string) *Client { return s.clients.Get(id) }

// tokenCrypto seals access tokens and codes (AES-256-GCM, JWE) under the
// newest key of the ring and opens them under any, so a SECRET_KEY rotation
// keeps the tokens out there working.
func tokenCrypto(ring keyring.Ring) op.Crypto {
	var decrypters []op.Decrypter
	var first op.Crypto
	for i, k := range ring.DeriveAll("oidc-token") {
		c := op.NewAES256GCMCrypto([32]byte(k), fmt.Sprintf("k%d", i))
		if first == nil {
			first = c
		}
		decrypters = append(decrypters, c)
	}
	return op.NewCompositeCrypto(first, decrypters)
}

// provider is the library's provider with the portal's own checks of an
// authorization request, and without the grants the portal does not offer.
type provider struct {
	*op.Provider
	s *Service
}

var _ op.AuthorizeValidator = (*provider)(nil)

// GrantTypeJWTAuthorizationSupported turns the JWT bearer grant off: no
// app signs assertions.
func (p *provider) GrantTypeJWTAuthorizationSupported() bool { return false }

// ValidateAuthRequest implements op.AuthorizeValidator: the library's
// checks, then the portal's — openid is required, the code comes back in
// the query (form_post's page would need inline script, which the CSP
// forbids), PKCE uses S256 and is required of public apps.
func (p *provider) ValidateAuthRequest(ctx context.Context, r *oidc.AuthRequest, _ op.Storage, v *op.IDTokenHintVerifier) (string, error) {
	c := p.s.clients.Get(r.ClientID)
	if c == nil || !c.HasRedirect(r.RedirectURI) {
		return "", oidc.ErrInvalidRequestRedirectURI().WithDescription("unknown app or redirect_uri")
	}
	sub, err := op.ValidateAuthRequestClient(ctx, r, c, v)
	if err != nil {
		return "", err
	}
	switch {
	case ctx.Value(requestURIKey) != nil:
		return "", &oidc.Error{ErrorType: "request_uri_not_supported", Description: "request_uri is not supported"}
	case !slices.Contains(r.Scopes, oidc.ScopeOpenID):
		return "", oidc.ErrInvalidScope().WithDescription("the scope must include openid")
	case r.ResponseMode != "" && r.ResponseMode != oidc.ResponseModeQuery:
		return "", oidc.ErrInvalidRequest().WithDescription("only response_mode=query is supported")
	case r.CodeChallenge != "" && r.CodeChallengeMethod != oidc.CodeChallengeMethodS256:
		return "", oidc.ErrInvalidRequest().WithDescription("code_challenge_method must be S256")
	case c.Public() && r.CodeChallenge == "":
		return "", oidc.ErrInvalidRequest().WithDescription("a public app must send a PKCE code_challenge (S256)")
	}
	return sub, nil
}
