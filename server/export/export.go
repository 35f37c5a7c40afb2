// Package export is "Download my data" (GDPR Art. 15 and 20): one JSON
// document with everything the portal keeps about an account, in a form a
// person and another service can read. It never holds a secret: no password
// hash, no code, no token, no session id, no security stamp, no answer to
// the security question.
package export

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/notify"
	"github.com/minicorp/miniid/server/secquestion"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// PerDay is how many exports an account may make in 24 hours: each is a
// copy of all its personal data, so a stolen session cannot pull it in a
// loop.
const PerDay = 3

// Errors the API maps to answers.
var (
	ErrReauthRequired = errors.New("export: re-authentication required")
	ErrTooOften       = errors.New("export: limit of the day reached")
)

// Format names the document's layout, so a reader knows what it holds.
const Format = "miniid-export/1"

// Service builds exports.
type Service struct {
	db     *bun.DB
	clock  clock.Clock
	auth   *auth.Service
	notify *notify.Notifier
	apps   Apps
}

// Apps lists the apps an account allowed to use its MINI ID (the OpenID
// Connect provider).
type Apps interface {
	Apps(ctx context.Context, userID int64) ([]api.ConnectedApp, error)
}

// New returns a Service; apps may be nil (no connected apps to list).
func New(db *bun.DB, clk clock.Clock, a *auth.Service, n *notify.Notifier, apps Apps) *Service {
	return &Service{db: db, clock: clk, auth: a, notify: n, apps: apps}
}

// Export builds the account's document after a fresh step-up for
// api.ActionExport, records the download as a security event and mails the
// owner. helpVisitor is the key the account's help votes are kept under.
func (s *Service) Export(ctx context.Context, sess *session.Session, helpVisitor string, m audit.Meta) (*Document, error) {
	now := s.clock.Now()
	n, err := store.CountEventsSince(ctx, s.db, sess.UserID(), audit.EventDataExported, now.Add(-24*time.Hour))
	if err != nil {
		return nil, err
	}
	if n >= PerDay {
		return nil, ErrTooOften
	}
	if !sess.TakeGrant(auth.ActionExport, now) {
		return nil, ErrReauthRequired
	}
	doc, err := s.build(ctx, sess, helpVisitor, m.Lang)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		u, err := store.UserByID(ctx, tx, sess.UserID())
		if err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, now, u.ID, audit.EventDataExported, m); err != nil {
			return err
		}
		return s.notify.Send(ctx, tx, u, u.Email, mail.KindDataExported, mail.Data{
			When: notify.FormatTime(now, u.Language), Device: audit.Device(m.UserAgent), Link: s.notify.Link("/forgot-password", ""),
		})
	})
	if err != nil {
		return nil, fmt.Errorf("export: record: %w", err)
	}
	s.notify.Kick()
	return doc, nil
}

func at(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func atPtr(t *time.Time) string {
	if t == nil {
		return ""
	}
	return at(*t)
}

// build reads every part of the document.
func (s *Service) build(ctx context.Context, sess *session.Session, helpVisitor, lang string) (*Document, error) {
	u, err := store.UserByID(ctx, s.db, sess.UserID())
	if err != nil {
		return nil, err
	}
	now := s.clock.Now()
	d := &Document{Format: Format, ExportedAt: at(now), ConnectedApps: []ConnectedApp{}}
	d.Account = Account{ID: u.ID, Email: u.Email, EmailConfirmedAt: atPtr(u.EmailConfirmedAt), PhoneVerifiedAt: atPtr(u.PhoneVerifiedAt),
		Language: u.Language, LanguageChoice: u.LanguageChoice, CreatedAt: at(u.CreatedAt), UpdatedAt: at(u.UpdatedAt), Roles: []string{}}
	if u.Phone != nil {
		d.Account.Phone = *u.Phone
	}
	if ok, err := store.HasRole(ctx, s.db, u.ID, store.RoleAgent); err != nil {
		return nil, err
	} else if ok {
		d.Account.Roles = append(d.Account.Roles, store.RoleAgent)
	}
	d.PersonalData = api.PersonalData{Salutation: u.Salutation, Title: u.Title, FirstName: u.FirstName, LastName: u.LastName,
		BirthDate: u.BirthDate, Street: u.Street, Postcode: u.Postcode, City: u.City, Country: u.Country, Language: u.LanguageChoice}
	if err := s.factors(ctx, d, u.ID); err != nil {
		return nil, err
	}
	if err := s.activity(ctx, d, sess, u.ID, now); err != nil {
		return nil, err
	}
	if err := s.choices(ctx, d, u.ID, helpVisitor, lang); err != nil {
		return nil, err
	}
	return d, nil
}

// factors lists how the account signs in: names and dates, no secret.
func (s *Service) factors(ctx context.Context, d *Document, userID int64) error {
	creds, err := store.CredentialsOf(ctx, s.db, userID)
	if err != nil {
		return err
	}
	d.Factors = []Factor{}
	for _, c := range creds {
		d.Factors = append(d.Factors, Factor{Type: c.Type, Name: c.Name, CreatedAt: at(c.CreatedAt), UpdatedAt: at(c.UpdatedAt), LastUsedAt: atPtr(c.LastUsedAt)})
	}
	return nil
}

// activity lists sessions, devices and security events.
func (s *Service) activity(ctx context.Context, d *Document, sess *session.Session, userID int64, now time.Time) error {
	rows, err := store.UserSessions(ctx, s.db, userID, now)
	if err != nil {
		return err
	}
	d.Sessions = []Session{}
	for _, r := range rows {
		d.Sessions = append(d.Sessions, Session{Device: audit.Device(r.UserAgent), UserAgent: r.UserAgent, IP: r.IP,
			CreatedAt: at(r.CreatedAt), LastUsedAt: at(r.LastSeenAt), ExpiresAt: at(r.ExpiresAt), Current: r.IDHash == sess.IDHash()})
	}
	devices, err := store.DevicesOf(ctx, s.db, userID)
	if err != nil {
		return err
	}
	d.Devices = []Device{}
	for _, v := range devices {
		d.Devices = append(d.Devices, Device{Device: audit.Device(v.UserAgent), UserAgent: v.UserAgent, FirstSeenAt: at(v.CreatedAt), LastSeenAt: at(v.LastSeenAt)})
	}
	events, err := store.AllEvents(ctx, s.db, userID)
	if err != nil {
		return err
	}
	d.SecurityEvents = []Event{}
	for _, e := range events {
		d.SecurityEvents = append(d.SecurityEvents, Event{Kind: e.Kind, At: at(e.CreatedAt), UserAgent: e.UserAgent, IP: e.IP})
	}
	return nil
}

// choices lists what the customer chose: consents, help votes, the
// security question (never its answer) and the picture.
func (s *Service) choices(ctx context.Context, d *Document, userID int64, helpVisitor, lang string) error {
	consents, err := store.ConsentsOf(ctx, s.db, userID)
	if err != nil {
		return err
	}
	d.Consents = []Consent{}
	for _, c := range consents {
		d.Consents = append(d.Consents, Consent{Document: c.Document, Version: c.Version, AcceptedAt: at(c.AcceptedAt)})
	}
	if s.apps != nil {
		apps, err := s.apps.Apps(ctx, userID)
		if err != nil {
			return err
		}
		for _, a := range apps {
			d.ConnectedApps = append(d.ConnectedApps, ConnectedApp{Client: a.ID, Name: a.Name, Scopes: a.Scopes, GrantedAt: a.Since, LastUsed: a.LastUsed})
		}
	}
	d.HelpVotes = []HelpVote{}
	if helpVisitor != "" {
		votes, err := store.HelpVotesOf(ctx, s.db, helpVisitor)
		if err != nil {
			return err
		}
		for _, v := range votes {
			d.HelpVotes = append(d.HelpVotes, HelpVote{Article: v.Slug, Helpful: v.Helpful})
		}
	}
	q, err := store.SecurityQuestionOf(ctx, s.db, userID)
	switch {
	case err == nil:
		d.SecurityQuestion = &SecurityQuestion{Question: secquestion.Text(lang, q.Question), SetAt: at(q.UpdatedAt)}
	case !errors.Is(err, store.ErrNotFound):
		return err
	}
	p, err := store.ProfilePictureOf(ctx, s.db, userID)
	switch {
	case err == nil:
		d.ProfilePicture = &Picture{ContentType: "image/jpeg", Size: 256, Base64: base64.StdEncoding.EncodeToString(p.Large), SetAt: at(p.UpdatedAt)}
	case !errors.Is(err, store.ErrNotFound):
		return err
	}
	return nil
}
