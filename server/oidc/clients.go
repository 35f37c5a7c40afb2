package oidc

import (
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// ClientConfig is one app as the OIDC_CLIENTS file lists it (SPEC §7).
type ClientConfig struct {
	ID                     string   `json:"id"`
	Name                   string   `json:"name"`
	RedirectURIs           []string `json:"redirect_uris"`
	PostLogoutRedirectURIs []string `json:"post_logout_redirect_uris"`
	Public                 bool     `json:"public"`
	Secret                 string   `json:"secret"`
	FirstParty             bool     `json:"first_party"`
}

// minSecret is the shortest secret a confidential app may have: 128 bits
// written as hex, so a secret cannot be guessed at the token endpoint.
const minSecret = 32

// Client is a registered app. It implements op.Client: the code flow only,
// opaque access tokens, redirect URIs compared exactly.
type Client struct {
	cfg     ClientConfig
	secret  [32]byte // SHA-256 of the secret, compared in constant time
	idTTL   time.Duration
	native  bool // a public app with a custom-scheme redirect (a phone app)
	hasHTTP bool // a redirect to an http loopback address (development)
}

var _ op.Client = (*Client)(nil)

// Clients are the registered apps by id.
type Clients map[string]*Client

// LoadClients reads and checks the OIDC_CLIENTS file at path ("" means no
// apps). The error is one line naming the file, the app and the problem.
func LoadClients(path string, idTokenTTL time.Duration) (Clients, error) {
	if path == "" {
		return Clients{}, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: OIDC_CLIENTS: cannot read %s: %w", path, err)
	}
	cs, err := ParseClients(b, idTokenTTL)
	if err != nil {
		return nil, fmt.Errorf("config: OIDC_CLIENTS %s: %w", path, err)
	}
	return cs, nil
}

// ParseClients reads and checks the JSON of an OIDC_CLIENTS file.
func ParseClients(b []byte, idTokenTTL time.Duration) (Clients, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var list []ClientConfig
	if err := dec.Decode(&list); err != nil {
		return nil, fmt.Errorf("cannot read it as a JSON array of apps: %s", strings.ReplaceAll(err.Error(), "json: ", ""))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("more than one JSON value")
	}
	out := Clients{}
	for i, c := range list {
		if err := c.check(); err != nil {
			return nil, fmt.Errorf("app %d (%q): %w", i+1, c.ID, err)
		}
		if _, dup := out[c.ID]; dup {
			return nil, fmt.Errorf("app %d: the id %q is listed twice", i+1, c.ID)
		}
		cl := &Client{cfg: c, secret: sha256.Sum256([]byte(c.Secret)), idTTL: idTokenTTL}
		for _, u := range c.RedirectURIs {
			cl.native = cl.native || !strings.HasPrefix(u, "http")
			cl.hasHTTP = cl.hasHTTP || strings.HasPrefix(u, "http://")
		}
		out[c.ID] = cl
	}
	return out, nil
}

// check reports the first thing wrong with c.
func (c ClientConfig) check() error {
	switch {
	case c.ID == "" || strings.TrimSpace(c.ID) != c.ID || len(c.ID) > 100:
		return errors.New(`"id" must be set, at most 100 characters, without spaces around it`)
	case strings.TrimSpace(c.Name) == "":
		return errors.New(`"name" must be set: the customer sees it`)
	case len(c.RedirectURIs) == 0:
		return errors.New(`"redirect_uris" must list at least one address`)
	case c.Public && c.Secret != "":
		return errors.New(`a public app has no "secret" (it could not keep it)`)
	case !c.Public && len(c.Secret) < minSecret:
		return fmt.Errorf(`a confidential app needs a "secret" of at least %d characters`, minSecret)
	}
	for _, u := range c.RedirectURIs {
		if err := checkRedirect(u, c.Public); err != nil {
			return fmt.Errorf(`redirect_uris: %q %w`, u, err)
		}
	}
	for _, u := range c.PostLogoutRedirectURIs {
		if err := checkRedirect(u, c.Public); err != nil {
			return fmt.Errorf(`post_logout_redirect_uris: %q %w`, u, err)
		}
	}
	return nil
}

// checkRedirect accepts https addresses, http only on a loopback host, and
// — for public apps — a custom scheme (a phone app's "com.example.app:/cb").
func checkRedirect(raw string, public bool) error {
	u, err := url.Parse(raw)
	switch {
	case err != nil || u.Scheme == "":
		return errors.New("is not an absolute address")
	case u.Fragment != "" || strings.Contains(raw, "#"):
		return errors.New("must not have a fragment (#…)")
	case u.Scheme == "https" && u.Host != "":
		return nil
	case u.Scheme == "http" && isLoopback(u.Hostname()):
		return nil
	case u.Scheme == "http":
		return errors.New("uses http on a host that is not loopback: use https")
	case public && u.Scheme != "https" && strings.Contains(u.Scheme, "."):
		return nil
	}
	return errors.New("must be https (http only for localhost; a reverse-domain custom scheme only for public apps)")
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Get returns the app with id, or nil.
func (cs Clients) Get(id string) *Client {
	if c, ok := cs[id]; ok {
		return c
	}
	return nil
}

// Name is the app's name as the customer sees it.
func (c *Client) Name() string { return c.cfg.Name }

// FirstParty reports whether the app is the brand's own: it is not asked
// for consent.
func (c *Client) FirstParty() bool { return c.cfg.FirstParty }

// Public reports whether the app cannot keep a secret (it must use PKCE).
func (c *Client) Public() bool { return c.cfg.Public }

// HasRedirect reports whether uri is one of the app's redirect URIs,
// character for character.
func (c *Client) HasRedirect(uri string) bool { return slices.Contains(c.cfg.RedirectURIs, uri) }

// CheckSecret compares secret with the app's in constant time.
func (c *Client) CheckSecret(secret string) bool {
	sum := sha256.Sum256([]byte(secret))
	return !c.cfg.Public && subtle.ConstantTimeCompare(sum[:], c.secret[:]) == 1
}

// GetID implements op.Client.
func (c *Client) GetID() string { return c.cfg.ID }

// RedirectURIs implements op.Client.
func (c *Client) RedirectURIs() []string { return slices.Clone(c.cfg.RedirectURIs) }

// PostLogoutRedirectURIs implements op.Client.
func (c *Client) PostLogoutRedirectURIs() []string { return slices.Clone(c.cfg.PostLogoutRedirectURIs) }

// ApplicationType implements op.Client: a confidential app is a web
// server; a public one runs in the browser, or is native when it redirects
// to a custom scheme.
func (c *Client) ApplicationType() op.ApplicationType {
	switch {
	case !c.cfg.Public:
		return op.ApplicationTypeWeb
	case c.native:
		return op.ApplicationTypeNative
	}
	return op.ApplicationTypeUserAgent
}

// AuthMethod implements op.Client.
func (c *Client) AuthMethod() oidc.AuthMethod {
	if c.cfg.Public {
		return oidc.AuthMethodNone
	}
	return oidc.AuthMethodBasic
}

// ResponseTypes implements op.Client: the code flow only.
func (c *Client) ResponseTypes() []oidc.ResponseType {
	return []oidc.ResponseType{oidc.ResponseTypeCode}
}

// GrantTypes implements op.Client.
func (c *Client) GrantTypes() []oidc.GrantType {
	return []oidc.GrantType{oidc.GrantTypeCode, oidc.GrantTypeRefreshToken}
}

// LoginURL implements op.Client: the portal's continuation of the request,
// which sends the browser to the login, the consent or back to the app.
func (c *Client) LoginURL(id string) string { return ContinuePath + "?id=" + url.QueryEscape(id) }

// AccessTokenType implements op.Client: opaque tokens, looked up on every
// use, so "Remove access" takes effect at once.
func (c *Client) AccessTokenType() op.AccessTokenType { return op.AccessTokenTypeBearer }

// IDTokenLifetime implements op.Client.
func (c *Client) IDTokenLifetime() time.Duration { return c.idTTL }

// DevMode implements op.Client. The library lets a browser app redirect to
// http only in dev mode; the client file allows http only for loopback
// hosts, and every redirect is compared exactly before the library sees it.
func (c *Client) DevMode() bool { return c.hasHTTP }

// RestrictAdditionalIdTokenScopes implements op.Client.
func (c *Client) RestrictAdditionalIdTokenScopes() func([]string) []string {
	return func(s []string) []string { return s }
}

// RestrictAdditionalAccessTokenScopes implements op.Client.
func (c *Client) RestrictAdditionalAccessTokenScopes() func([]string) []string {
	return func(s []string) []string { return s }
}

// IsScopeAllowed implements op.Client: only the standard scopes exist.
func (c *Client) IsScopeAllowed(string) bool { return false }

// IDTokenUserinfoClaimsAssertion implements op.Client: the profile claims
// come from the userinfo endpoint, the ID token carries who and how.
func (c *Client) IDTokenUserinfoClaimsAssertion() bool { return false }

// ClockSkew implements op.Client.
func (c *Client) ClockSkew() time.Duration { return 0 }
