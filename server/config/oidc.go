package config

import (
	"fmt"
	"strings"
	"time"
)

// OIDC configures the OpenID Connect provider (server/oidc): which apps may
// use the portal's login, and how long what they get lives.
type OIDC struct {
	ClientsFile     string        // OIDC_CLIENTS: path of the JSON file listing the apps; empty = none
	AccessTokenTTL  time.Duration // OIDC_ACCESS_TOKEN_LIFETIME: an access token's life
	IDTokenTTL      time.Duration // OIDC_ID_TOKEN_LIFETIME: an ID token's life
	RefreshTokenTTL time.Duration // OIDC_REFRESH_TOKEN_LIFETIME: a refresh token's life, sliding (each refresh gives a new one)
	KeyRotation     time.Duration // OIDC_KEY_ROTATION: how long one signing key signs before the next takes over
}

// DefaultOIDC is the OIDC of an environment that sets none of its
// variables.
func DefaultOIDC() OIDC {
	var o OIDC
	for _, v := range o.vars() {
		*v.dst = v.def
	}
	return o
}

// vars lists the periods of o with their defaults and bounds. The upper
// bounds keep a stolen token's worth small; the rotation must outlast the
// ID tokens, or a key would retire before the tokens it signed.
func (o *OIDC) vars() []struct {
	name          string
	def, min, max time.Duration
	dst           *time.Duration
} {
	const day = 24 * time.Hour
	return []struct {
		name          string
		def, min, max time.Duration
		dst           *time.Duration
	}{
		{"OIDC_ACCESS_TOKEN_LIFETIME", 10 * time.Minute, 10 * time.Second, day, &o.AccessTokenTTL},
		{"OIDC_ID_TOKEN_LIFETIME", 10 * time.Minute, 10 * time.Second, day, &o.IDTokenTTL},
		{"OIDC_REFRESH_TOKEN_LIFETIME", 30 * day, time.Minute, 365 * day, &o.RefreshTokenTTL},
		{"OIDC_KEY_ROTATION", 30 * day, time.Minute, 365 * day, &o.KeyRotation},
	}
}

// read fills o from the environment.
func (o *OIDC) read(getenv func(string) string) error {
	o.ClientsFile = strings.TrimSpace(getenv("OIDC_CLIENTS"))
	for _, v := range o.vars() {
		d, err := readPeriod(getenv, v.name, v.def, v.min, v.max)
		if err != nil {
			return err
		}
		*v.dst = d
	}
	if o.KeyRotation < o.IDTokenTTL {
		return fmt.Errorf("config: OIDC_KEY_ROTATION (%s) must be at least OIDC_ID_TOKEN_LIFETIME (%s)", formatPeriod(o.KeyRotation), formatPeriod(o.IDTokenTTL))
	}
	return nil
}
