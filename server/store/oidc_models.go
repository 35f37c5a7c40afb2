package store

import (
	"time"

	"github.com/uptrace/bun"
)

// The tables of the OpenID Connect provider (server/oidc). Space-separated
// scope lists are stored as written in OAuth ("openid email profile").

// OIDCKey is one generation of the provider's signing key. The newest signs
// until RotateAt; each is published until RetireAt, when the last ID token
// it signed has run out. PrivateKey is sealed under the key ring.
type OIDCKey struct {
	bun.BaseModel `bun:"table:oidc_keys"`

	ID         string    `bun:"id,pk"`
	Generation int64     `bun:"generation,notnull"`
	Algorithm  string    `bun:"algorithm,notnull"`
	PrivateKey string    `bun:"private_key,notnull"`
	CreatedAt  time.Time `bun:"created_at,notnull"`
	RotateAt   time.Time `bun:"rotate_at,notnull"`
	RetireAt   time.Time `bun:"retire_at,notnull"`
}

// OIDCSubject is the random subject (sub) apps know an account by.
type OIDCSubject struct {
	bun.BaseModel `bun:"table:oidc_subjects"`

	UserID  int64  `bun:"user_id,pk"`
	Subject string `bun:"subject,notnull"`
}

// OIDCAuthRequest is an app's authorization request, from its arrival until
// a while after its code was exchanged. Browser is the device hash of the
// browser that brought it; Params is the request as the oidc package
// stores it (JSON).
type OIDCAuthRequest struct {
	bun.BaseModel `bun:"table:oidc_auth_requests"`

	ID            string     `bun:"id,pk"`
	ClientID      string     `bun:"client_id,notnull"`
	Browser       string     `bun:"browser,notnull"`
	Params        string     `bun:"params,notnull"`
	UserID        *int64     `bun:"user_id"`
	AuthTime      *time.Time `bun:"auth_time"`
	AMR           string     `bun:"amr,notnull"` // the methods of the sign-in, comma-separated
	ACR           string     `bun:"acr,notnull"`
	Consented     bool       `bun:"consented,notnull"`
	Denied        bool       `bun:"denied,notnull"`
	CodeHash      *string    `bun:"code_hash"`
	CodeExpiresAt *time.Time `bun:"code_expires_at"`
	CodeUsedAt    *time.Time `bun:"code_used_at"`
	GrantID       *string    `bun:"grant_id"`
	CreatedAt     time.Time  `bun:"created_at,notnull"`
	ExpiresAt     time.Time  `bun:"expires_at,notnull"`
}

// OIDCAuthorization is what a customer allowed an app: listed under
// "Connected apps" until "Remove access".
type OIDCAuthorization struct {
	bun.BaseModel `bun:"table:oidc_authorizations"`

	UserID     int64     `bun:"user_id,pk"`
	ClientID   string    `bun:"client_id,pk"`
	Scopes     string    `bun:"scopes,notnull"`
	CreatedAt  time.Time `bun:"created_at,notnull"`
	UpdatedAt  time.Time `bun:"updated_at,notnull"`
	LastUsedAt time.Time `bun:"last_used_at,notnull"`
}

// OIDCGrant is one exchanged code and every token that descends from it.
// ExpiresAt is when its last token runs out.
type OIDCGrant struct {
	bun.BaseModel `bun:"table:oidc_grants"`

	ID         string    `bun:"id,pk"`
	UserID     int64     `bun:"user_id,notnull"`
	ClientID   string    `bun:"client_id,notnull"`
	Scopes     string    `bun:"scopes,notnull"`
	AMR        string    `bun:"amr,notnull"`
	ACR        string    `bun:"acr,notnull"`
	AuthTime   time.Time `bun:"auth_time,notnull"`
	CreatedAt  time.Time `bun:"created_at,notnull"`
	LastUsedAt time.Time `bun:"last_used_at,notnull"`
	ExpiresAt  time.Time `bun:"expires_at,notnull"`
}

// OIDCAccessToken is an opaque access token's row: the token the app holds
// is this id (and the subject) sealed under the key ring.
type OIDCAccessToken struct {
	bun.BaseModel `bun:"table:oidc_access_tokens"`

	ID        string    `bun:"id,pk"`
	GrantID   string    `bun:"grant_id,notnull"`
	Scopes    string    `bun:"scopes,notnull"`
	CreatedAt time.Time `bun:"created_at,notnull"`
	ExpiresAt time.Time `bun:"expires_at,notnull"`
}

// OIDCRefreshToken is a refresh token by the SHA-256 of its random value.
type OIDCRefreshToken struct {
	bun.BaseModel `bun:"table:oidc_refresh_tokens"`

	Hash      string     `bun:"hash,pk"`
	GrantID   string     `bun:"grant_id,notnull"`
	CreatedAt time.Time  `bun:"created_at,notnull"`
	ExpiresAt time.Time  `bun:"expires_at,notnull"`
	UsedAt    *time.Time `bun:"used_at"`
}
