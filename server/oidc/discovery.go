package oidc

import (
	"encoding/json"
	"net/http"
	"slices"

	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// claims are the claims the provider issues (ID token and userinfo).
var claims = []string{
	"sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr", "azp", "at_hash", "c_hash",
	"email", "email_verified", "name", "given_name", "family_name", "birthdate", "locale", "updated_at",
	"phone_number", "phone_number_verified", "address",
}

// discovery is the provider's metadata (OpenID Connect Discovery 1.0): the
// library's document, trimmed to what the portal offers — the code flow
// with S256 PKCE, answers in the query, refresh tokens, no introspection,
// request objects or device flow.
func (s *Service) discovery(w http.ResponseWriter, r *http.Request) {
	c := op.CreateDiscoveryConfig(r.Context(), s.op, s.storage)
	c.IntrospectionEndpoint, c.DeviceAuthorizationEndpoint, c.CheckSessionIframe = "", "", ""
	c.ResponseTypesSupported = []string{string(oidc.ResponseTypeCode)}
	c.ResponseModesSupported = []string{string(oidc.ResponseModeQuery)}
	c.GrantTypesSupported = []oidc.GrantType{oidc.GrantTypeCode, oidc.GrantTypeRefreshToken}
	c.ACRValuesSupported = slices.Clone(ACRValues)
	methods := []oidc.AuthMethod{oidc.AuthMethodBasic, oidc.AuthMethodPost, oidc.AuthMethodNone}
	c.TokenEndpointAuthMethodsSupported, c.RevocationEndpointAuthMethodsSupported = methods, methods
	c.IntrospectionEndpointAuthMethodsSupported = nil
	c.TokenEndpointAuthSigningAlgValuesSupported, c.RevocationEndpointAuthSigningAlgValuesSupported = nil, nil
	c.IntrospectionEndpointAuthSigningAlgValuesSupported, c.RequestObjectSigningAlgValuesSupported = nil, nil
	c.CodeChallengeMethodsSupported = []oidc.CodeChallengeMethod{oidc.CodeChallengeMethodS256}
	c.ClaimsSupported = slices.Clone(claims)
	c.ClaimsParameterSupported, c.RequestParameterSupported, c.RequestURIParameterSupported = false, false, false
	c.BackChannelLogoutSupported, c.BackChannelLogoutSessionSupported = false, false
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(c)
}

// userinfo is the library's userinfo endpoint with RFC 6750's answer to a
// bad token: 401 and a WWW-Authenticate challenge, where the library
// answers 403.
func (s *Service) userinfo(w http.ResponseWriter, r *http.Request) {
	code := "invalid_token"
	if r.Header.Get("Authorization") == "" && r.FormValue("access_token") == "" {
		code = "invalid_request" // no token at all
	}
	op.Userinfo(&bearerChallenge{ResponseWriter: w, code: code}, r, s.op)
}

// bearerChallenge turns the library's refusals of a token into 401 with
// WWW-Authenticate (RFC 6750 §3).
type bearerChallenge struct {
	http.ResponseWriter
	code string
}

func (b *bearerChallenge) WriteHeader(status int) {
	if status == http.StatusUnauthorized || status == http.StatusForbidden {
		b.Header().Set("WWW-Authenticate", `Bearer error="`+b.code+`"`)
		status = http.StatusUnauthorized
	}
	b.ResponseWriter.WriteHeader(status)
}
