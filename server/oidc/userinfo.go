package oidc

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
	"golang.org/x/text/language"

	"github.com/minicorp/miniid/server/store"
)

// SetUserinfoFromRequest implements op.CanSetUserinfoFromRequest: the ID
// token's claims. With an access token beside it (always, in the code
// flow) the library passes only "openid", so the ID token says who and how,
// and the profile comes from the userinfo endpoint.
func (s *storage) SetUserinfoFromRequest(ctx context.Context, info *oidc.UserInfo, req op.IDTokenRequest, scopes []string) error {
	uid, err := store.UserIDBySubject(ctx, s.db, req.GetSubject())
	if err != nil {
		return err
	}
	u, err := store.UserByID(ctx, s.db, uid)
	if err != nil {
		return err
	}
	fillUserinfo(info, u, req.GetSubject(), scopes)
	return nil
}

// SetUserinfoFromToken implements op.Storage: the userinfo endpoint. The
// token must be alive, its grant not revoked, and the subject the grant's.
func (s *storage) SetUserinfoFromToken(ctx context.Context, info *oidc.UserInfo, tokenID, subject, _ string) error {
	now := s.clock.Now()
	at, err := store.OIDCAccessTokenByID(ctx, s.db, tokenID, now)
	if err != nil {
		return errInvalidToken(err)
	}
	g, err := store.OIDCGrantByID(ctx, s.db, at.GrantID)
	if err != nil {
		return errInvalidToken(err)
	}
	sub, err := s.subjectOf(ctx, s.db, g.UserID)
	if err != nil {
		return err
	}
	if sub != subject {
		return errInvalidToken(errors.New("subject does not match"))
	}
	u, err := store.UserByID(ctx, s.db, g.UserID)
	if err != nil {
		return errInvalidToken(err)
	}
	fillUserinfo(info, u, sub, splitList(at.Scopes, " "))
	return store.TouchOIDCAuthorization(ctx, s.db, g.UserID, g.ClientID, now, now.Add(-time.Minute))
}

// errInvalidToken is the userinfo endpoint's refusal of a token that is
// unknown, expired or revoked (RFC 6750 invalid_token).
func errInvalidToken(cause error) error {
	return &oidc.Error{ErrorType: "invalid_token", Description: "the access token is unknown, expired or revoked", Parent: cause}
}

// fillUserinfo puts the claims of scopes about u into info (OpenID Connect
// Core §5.4). A Phone ID counts only once verified.
func fillUserinfo(info *oidc.UserInfo, u *store.User, subject string, scopes []string) {
	info.Subject = subject
	if slices.Contains(scopes, oidc.ScopeEmail) {
		info.Email = u.Email
		info.EmailVerified = oidc.Bool(u.EmailConfirmedAt != nil)
	}
	if slices.Contains(scopes, oidc.ScopeProfile) {
		info.Name = strings.TrimSpace(u.FirstName + " " + u.LastName)
		info.GivenName, info.FamilyName = u.FirstName, u.LastName
		info.Birthdate = u.BirthDate
		info.Locale = oidc.NewLocale(language.Make(u.Language))
		info.UpdatedAt = oidc.FromTime(u.UpdatedAt)
	}
	if slices.Contains(scopes, oidc.ScopePhone) && u.Phone != nil && u.PhoneVerifiedAt != nil {
		info.PhoneNumber = *u.Phone
		info.PhoneNumberVerified = true
	}
	if slices.Contains(scopes, oidc.ScopeAddress) && (u.Street != "" || u.City != "") {
		info.Address = &oidc.UserInfoAddress{
			StreetAddress: u.Street, PostalCode: u.Postcode, Locality: u.City, Country: u.Country,
			Formatted: strings.TrimSpace(u.Street + "\n" + strings.TrimSpace(u.Postcode+" "+u.City) + "\n" + u.Country),
		}
	}
}
