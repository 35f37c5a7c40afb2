// Package auth owns getting into an account: registration and confirmation,
// the password and code steps of a login, sessions, the temporary block,
// password recovery and two-factor authentication. It owns the transactions;
// the store owns the queries.
package auth

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/i18n"
)

// Rules with numbers (SPEC §3).
const (
	MaxWrongPasswords = 5
	BlockDuration     = 15 * time.Minute
	CodeLifetime      = 10 * time.Minute
	MaxCodeAttempts   = 5
	ResendCooldown    = 30 * time.Second
	MaxResendsPerHour = 5
	ConfirmLifetime   = 24 * time.Hour
	ResetLifetime     = time.Hour
	ReauthWindow      = 5 * time.Minute
)

// Errors the API maps to responses.
var (
	ErrInvalidLogin   = errors.New("auth: invalid login")
	ErrNotConfirmed   = errors.New("auth: e-mail address not confirmed")
	ErrInvalidCode    = errors.New("auth: invalid code")
	ErrCodeVoid       = errors.New("auth: code void, request a new one")
	ErrInvalidToken   = errors.New("auth: invalid or expired link")
	ErrWrongPassword  = errors.New("auth: wrong password")
	ErrNoSecondStep   = errors.New("auth: no login waiting for a code")
	ErrWeakPassword   = errors.New("auth: password too weak")
	ErrNothingPending = errors.New("auth: nothing waiting for a code")
)

// BlockedError says the identifier is temporarily blocked until Until.
type BlockedError struct{ Until time.Time }

func (e *BlockedError) Error() string {
	return "auth: temporarily blocked until " + e.Until.Format(time.RFC3339)
}

// RateError says a limit was hit; try again after RetryAfter.
type RateError struct{ RetryAfter time.Duration }

func (e *RateError) Error() string { return "auth: rate limited for " + e.RetryAfter.String() }

// Meta describes the request behind a use case (for events and mails).
type Meta struct {
	IP        string
	UserAgent string
	Lang      string
}

// Notifier wakes the mail worker after a commit.
type Notifier interface{ Kick() }

// Deps are what the Service is built from.
type Deps struct {
	DB       *bun.DB
	Clock    clock.Clock
	Rand     io.Reader
	Keys     Keys
	Hasher   *Hasher
	Sessions *SessionStore
	Mail     Notifier
	BaseURL  *url.URL
	Brand    string
	Log      *slog.Logger
}

// Service is the account-access use cases.
type Service struct{ Deps }

// New returns a Service.
func New(d Deps) *Service { return &Service{Deps: d} }

// identifierKey is the keyed hash under which wrong passwords are counted for
// what was typed: nothing readable is stored for unknown addresses.
func (s *Service) identifierKey(normalized string) string {
	return s.Keys.MAC("login-identifier", normalized)
}

func (s *Service) link(path, token string) string {
	u := *s.BaseURL
	u.Path = path
	if token != "" {
		u.RawQuery = url.Values{"token": {token}}.Encode()
	}
	return u.String()
}

// Notify writes a mail of kind to the outbox inside tx (for the other use-case
// packages).
func (s *Service) Notify(ctx context.Context, tx bun.IDB, u *store.User, to string, kind mail.Kind, d mail.Data) error {
	return s.sendMail(ctx, tx, u, to, kind, d)
}

// Event records a security event inside tx (for the other use-case packages).
func (s *Service) Event(ctx context.Context, tx bun.IDB, userID int64, kind string, m Meta) error {
	return s.event(ctx, tx, userID, kind, m)
}

// Kick wakes the mail worker after a commit.
func (s *Service) Kick() { s.kick() }

// Link builds an absolute link to path with a token.
func (s *Service) Link(path, token string) string { return s.link(path, token) }

// IssueToken makes a single-use link token inside tx.
func (s *Service) IssueToken(ctx context.Context, tx bun.IDB, userID int64, purpose string, ttl time.Duration, payload string) (string, error) {
	return s.issueToken(ctx, tx, userID, purpose, ttl, payload)
}

// IssueCode makes a code for (user, purpose, flow) inside tx.
func (s *Service) IssueCode(ctx context.Context, tx bun.IDB, userID int64, purpose, flowID string, resend bool) (string, error) {
	return s.issueCode(ctx, tx, userID, purpose, flowID, resend)
}

// CheckCode verifies and consumes a code.
func (s *Service) CheckCode(ctx context.Context, userID int64, purpose, flowID, code string) error {
	return s.checkCode(ctx, userID, purpose, flowID, code)
}

// UserKeys are the wrong-password counter keys of everything that logs into u.
func (s *Service) UserKeys(u *store.User) []string { return s.userKeys(u) }

// sendMail composes kind in the user's language and writes it to the outbox
// inside tx.
func (s *Service) sendMail(ctx context.Context, tx bun.IDB, u *store.User, to string, kind mail.Kind, d mail.Data) error {
	d.Brand = s.Brand
	if d.Name == "" && u != nil {
		d.Name = displayName(u)
	}
	lang := i18n.English
	if u != nil {
		lang = u.Language
	}
	subject, text, html, err := mail.Compose(kind, lang, d)
	if err != nil {
		return fmt.Errorf("auth: compose %s: %w", kind, err)
	}
	var uid *int64
	if u != nil && u.ID != 0 {
		id := u.ID
		uid = &id
	}
	channel := mail.ChannelEmail
	if kind.Channel() == mail.ChannelSMS {
		channel = mail.ChannelSMS
	}
	return mail.Enqueue(ctx, tx, s.Clock.Now(), mail.Message{Channel: channel, To: to, Subject: subject, Text: text, HTML: html, UserID: uid})
}

func (s *Service) kick() {
	if s.Mail != nil {
		s.Mail.Kick()
	}
}

// event records a security event for the user inside tx.
func (s *Service) event(ctx context.Context, tx bun.IDB, userID int64, kind string, m Meta) error {
	return store.AddEvent(ctx, tx, &store.SecurityEvent{
		UserID: userID, Kind: kind, IP: m.IP, UserAgent: truncate(m.UserAgent, 300), CreatedAt: s.Clock.Now(),
	})
}

func displayName(u *store.User) string {
	if u.FirstName == "" {
		return u.LastName
	}
	if u.LastName == "" {
		return u.FirstName
	}
	return u.FirstName + " " + u.LastName
}

// FormatTime formats t for a reader of lang in the portal's time zone
// (Europe/Berlin when available, else UTC).
func FormatTime(t time.Time, lang string) string {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		loc = time.UTC
	}
	t = t.In(loc)
	if i18n.Lang(lang) == i18n.German {
		return t.Format("02.01.2006, 15:04 Uhr (MST)")
	}
	return t.Format("2 Jan 2006, 15:04 (MST)")
}

// Security event kinds.
const (
	EventRegistered      = "registered"
	EventEmailConfirmed  = "email_confirmed"
	EventLogin           = "login"
	EventLoginFailed     = "login_failed"
	EventBlocked         = "blocked"
	EventPasswordReset   = "password_reset"
	EventPasswordChanged = "password_changed"
	EventTwoFactorOn     = "two_factor_on"
	EventTwoFactorOff    = "two_factor_off"
	EventLogout          = "logout"
	EventLogoutOthers    = "logout_others"
	EventEmailChanged    = "email_changed"
	EventPhoneVerified   = "phone_verified"
	EventPhoneRemoved    = "phone_removed"
	EventProfileChanged  = "profile_changed"
	EventCodeFailed      = "code_failed"
)
