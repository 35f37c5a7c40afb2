package oidc

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"

	"github.com/minicorp/miniid/server/store"
)

// params is what the provider keeps of an authorization request (the
// params column, JSON).
type params struct {
	RedirectURI         string   `json:"redirect_uri"`
	Scopes              []string `json:"scopes"`
	State               string   `json:"state,omitempty"`
	Nonce               string   `json:"nonce,omitempty"`
	ResponseType        string   `json:"response_type"`
	ResponseMode        string   `json:"response_mode,omitempty"`
	CodeChallenge       string   `json:"code_challenge,omitempty"`
	CodeChallengeMethod string   `json:"code_challenge_method,omitempty"`
	Prompt              []string `json:"prompt,omitempty"`
	MaxAge              *uint    `json:"max_age,omitempty"`
	LoginHint           string   `json:"login_hint,omitempty"`
	// HintSubject is the subject of a valid id_token_hint: prompt=none
	// answers login_required when someone else is signed in.
	HintSubject string `json:"hint_subject,omitempty"`
	// Factors is the least number of distinct factors acr_values asks for.
	Factors int `json:"factors,omitempty"`
}

// authRequest is a stored authorization request; it implements
// op.AuthRequest.
type authRequest struct {
	row     *store.OIDCAuthRequest
	p       params
	subject string // the signed-in account's subject, once done
}

var _ op.AuthRequest = (*authRequest)(nil)

func newParams(r *oidc.AuthRequest, hintSubject string) params {
	return params{
		RedirectURI: r.RedirectURI, Scopes: slices.Clone([]string(r.Scopes)), State: r.State, Nonce: r.Nonce,
		ResponseType: string(r.ResponseType), ResponseMode: string(r.ResponseMode),
		CodeChallenge: r.CodeChallenge, CodeChallengeMethod: string(r.CodeChallengeMethod),
		Prompt: slices.Clone([]string(r.Prompt)), MaxAge: r.MaxAge, LoginHint: r.LoginHint,
		HintSubject: hintSubject, Factors: factorsAsked(r.ACRValues),
	}
}

func decodeRequest(row *store.OIDCAuthRequest, subject string) (*authRequest, error) {
	a := &authRequest{row: row, subject: subject}
	if err := json.Unmarshal([]byte(row.Params), &a.p); err != nil {
		return nil, fmt.Errorf("oidc: read request %s…: %w", row.ID[:6], err)
	}
	return a, nil
}

func (a *authRequest) hasPrompt(p string) bool { return slices.Contains(a.p.Prompt, p) }

func (a *authRequest) hasScope(sc string) bool { return slices.Contains(a.p.Scopes, sc) }

// GetID implements op.AuthRequest.
func (a *authRequest) GetID() string { return a.row.ID }

// GetACR implements op.AuthRequest.
func (a *authRequest) GetACR() string { return a.row.ACR }

// GetAMR implements op.AuthRequest: RFC 8176 values of the sign-in.
func (a *authRequest) GetAMR() []string { return splitList(a.row.AMR, ",") }

// GetAudience implements op.AuthRequest.
func (a *authRequest) GetAudience() []string { return []string{a.row.ClientID} }

// GetAuthTime implements op.AuthRequest.
func (a *authRequest) GetAuthTime() time.Time {
	if a.row.AuthTime == nil {
		return time.Time{}
	}
	return *a.row.AuthTime
}

// GetClientID implements op.AuthRequest.
func (a *authRequest) GetClientID() string { return a.row.ClientID }

// GetCodeChallenge implements op.AuthRequest.
func (a *authRequest) GetCodeChallenge() *oidc.CodeChallenge {
	if a.p.CodeChallenge == "" {
		return nil
	}
	return &oidc.CodeChallenge{Challenge: a.p.CodeChallenge, Method: oidc.CodeChallengeMethod(a.p.CodeChallengeMethod)}
}

// GetNonce implements op.AuthRequest.
func (a *authRequest) GetNonce() string { return a.p.Nonce }

// GetRedirectURI implements op.AuthRequest.
func (a *authRequest) GetRedirectURI() string { return a.p.RedirectURI }

// GetResponseType implements op.AuthRequest.
func (a *authRequest) GetResponseType() oidc.ResponseType { return oidc.ResponseType(a.p.ResponseType) }

// GetResponseMode implements op.AuthRequest.
func (a *authRequest) GetResponseMode() oidc.ResponseMode { return oidc.ResponseMode(a.p.ResponseMode) }

// GetScopes implements op.AuthRequest.
func (a *authRequest) GetScopes() []string { return slices.Clone(a.p.Scopes) }

// GetState implements op.AuthRequest.
func (a *authRequest) GetState() string { return a.p.State }

// GetSubject implements op.AuthRequest.
func (a *authRequest) GetSubject() string { return a.subject }

// Done implements op.AuthRequest: someone signed in for it.
func (a *authRequest) Done() bool { return a.row.UserID != nil && a.row.AuthTime != nil }

// refreshRequest is a refresh token's grant; it implements
// op.RefreshTokenRequest.
type refreshRequest struct {
	grant   *store.OIDCGrant
	subject string
	scopes  []string
}

var _ op.RefreshTokenRequest = (*refreshRequest)(nil)

// GetAMR implements op.RefreshTokenRequest.
func (r *refreshRequest) GetAMR() []string { return splitList(r.grant.AMR, ",") }

// GetAudience implements op.RefreshTokenRequest.
func (r *refreshRequest) GetAudience() []string { return []string{r.grant.ClientID} }

// GetAuthTime implements op.RefreshTokenRequest: the original sign-in.
func (r *refreshRequest) GetAuthTime() time.Time { return r.grant.AuthTime }

// GetClientID implements op.RefreshTokenRequest.
func (r *refreshRequest) GetClientID() string { return r.grant.ClientID }

// GetScopes implements op.RefreshTokenRequest.
func (r *refreshRequest) GetScopes() []string { return slices.Clone(r.scopes) }

// GetSubject implements op.RefreshTokenRequest.
func (r *refreshRequest) GetSubject() string { return r.subject }

// SetCurrentScopes implements op.RefreshTokenRequest: a refresh may ask
// for fewer scopes than the grant has (the library checks the subset).
func (r *refreshRequest) SetCurrentScopes(scopes []string) { r.scopes = slices.Clone(scopes) }

func splitList(s, sep string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, sep)
}
