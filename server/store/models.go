package store

import (
	"time"

	"github.com/uptrace/bun"
)

// User is an account: a MINI ID with its profile and security settings.
type User struct {
	bun.BaseModel `bun:"table:users"`

	ID               int64      `bun:"id,pk,autoincrement"`
	Email            string     `bun:"email,notnull"`
	EmailConfirmedAt *time.Time `bun:"email_confirmed_at"`
	Phone            *string    `bun:"phone"`
	PhoneVerifiedAt  *time.Time `bun:"phone_verified_at"`
	// SecurityStamp changes with every change of a credential or of where
	// the account is reached (password, e-mail, Phone ID, second factors):
	// every link token and code carries the stamp it was issued under and
	// dies when it changes.
	SecurityStamp string `bun:"security_stamp,notnull"`
	// LegacyPasswordHash and LegacyTwoFactor are the columns the previous
	// release reads. They mirror the credentials (MirrorLegacy) and are
	// never read by this release; the next release drops them.
	LegacyPasswordHash string    `bun:"password_hash,notnull"`
	LegacyTwoFactor    bool      `bun:"two_factor,notnull"`
	Salutation         string    `bun:"salutation,notnull"`
	Title              string    `bun:"title,notnull"`
	FirstName          string    `bun:"first_name,notnull"`
	LastName           string    `bun:"last_name,notnull"`
	BirthDate          string    `bun:"birth_date,notnull"`
	Street             string    `bun:"street,notnull"`
	Postcode           string    `bun:"postcode,notnull"`
	City               string    `bun:"city,notnull"`
	Country            string    `bun:"country,notnull"`
	Language           string    `bun:"language,notnull"`
	LanguageChoice     string    `bun:"language_choice,notnull"` // "" = follow the country
	Version            int64     `bun:"version,notnull"`
	CreatedAt          time.Time `bun:"created_at,notnull"`
	UpdatedAt          time.Time `bun:"updated_at,notnull"`
}

// Session is a server-side session; the cookie holds only its random id, the
// table only the SHA-256 of it. Data is the typed session's own state (a
// JSON document only the session package reads); Version makes every save
// conditional, so a session ended elsewhere is never written back.
type Session struct {
	bun.BaseModel `bun:"table:sessions"`

	IDHash     string     `bun:"id_hash,pk"`
	UserID     *int64     `bun:"user_id"`
	State      string     `bun:"state,notnull"`
	CSRFToken  string     `bun:"csrf_token,notnull"`
	FlowID     string     `bun:"flow_id,notnull"` // read by the previous release only
	AuthAt     *time.Time `bun:"auth_at"`
	AMR        string     `bun:"amr,notnull"` // the methods proven, comma-separated
	Data       string     `bun:"data,notnull"`
	Version    int64      `bun:"version,notnull"`
	UserAgent  string     `bun:"user_agent,notnull"`
	IP         string     `bun:"ip,notnull"`
	CreatedAt  time.Time  `bun:"created_at,notnull"`
	LastSeenAt time.Time  `bun:"last_seen_at,notnull"`
	ExpiresAt  time.Time  `bun:"expires_at,notnull"`
}

// Credential is one way an account proves who it is: its password, the
// e-mailed code as second factor, and later passkeys, an authenticator app
// and recovery codes. Identifier tells apart several credentials of one type
// (a passkey's id); Config is the method's own data (the password's PHC
// hash, a passkey's public key), never shown to anyone.
type Credential struct {
	bun.BaseModel `bun:"table:credentials"`

	ID         int64      `bun:"id,pk,autoincrement"`
	UserID     int64      `bun:"user_id,notnull"`
	Type       string     `bun:"type,notnull"`
	Identifier string     `bun:"identifier,notnull"`
	Name       string     `bun:"name,notnull"`
	Config     string     `bun:"config,notnull"`
	CreatedAt  time.Time  `bun:"created_at,notnull"`
	UpdatedAt  time.Time  `bun:"updated_at,notnull"`
	LastUsedAt *time.Time `bun:"last_used_at"`
}

// KnownDevice is a browser (by its device cookie) that completed a sign-in
// to an account.
type KnownDevice struct {
	bun.BaseModel `bun:"table:known_devices"`

	UserID     int64     `bun:"user_id,pk"`
	DeviceHash string    `bun:"device_hash,pk"`
	UserAgent  string    `bun:"user_agent,notnull"`
	CreatedAt  time.Time `bun:"created_at,notnull"`
	LastSeenAt time.Time `bun:"last_seen_at,notnull"`
}

// Token is a single-use link token (confirmation, reset, e-mail change),
// stored only as a keyed hash.
type Token struct {
	bun.BaseModel `bun:"table:tokens"`

	ID          int64      `bun:"id,pk,autoincrement"`
	UserID      int64      `bun:"user_id,notnull"`
	Purpose     string     `bun:"purpose,notnull"`
	Hash        string     `bun:"hash,notnull"`
	Payload     string     `bun:"payload,notnull"`
	Stamp       string     `bun:"stamp,notnull"`       // the account's security stamp at issue
	Destination string     `bun:"destination,notnull"` // the address the link was sent to
	ExpiresAt   time.Time  `bun:"expires_at,notnull"`
	UsedAt      *time.Time `bun:"used_at"`
	CreatedAt   time.Time  `bun:"created_at,notnull"`
}

// Code is a 6-digit one-time code bound to an account, a purpose and a flow
// (a login attempt or a dialog), stored only as a keyed hash.
type Code struct {
	bun.BaseModel `bun:"table:codes"`

	ID          int64      `bun:"id,pk,autoincrement"`
	UserID      int64      `bun:"user_id,notnull"`
	Purpose     string     `bun:"purpose,notnull"`
	FlowID      string     `bun:"flow_id,notnull"`
	Hash        string     `bun:"hash,notnull"`
	Stamp       string     `bun:"stamp,notnull"`       // the account's security stamp at issue
	Destination string     `bun:"destination,notnull"` // the address or number it was sent to
	Attempts    int        `bun:"attempts,notnull"`
	Resend      bool       `bun:"resend,notnull"` // made by "Request a new one"
	ExpiresAt   time.Time  `bun:"expires_at,notnull"`
	UsedAt      *time.Time `bun:"used_at"`
	CreatedAt   time.Time  `bun:"created_at,notnull"`
}

// LoginFailure counts wrong passwords in a row for one typed identifier (kept
// as a keyed hash, so unknown addresses leave no readable trace).
type LoginFailure struct {
	bun.BaseModel `bun:"table:login_failures"`

	Key          string     `bun:"key,pk"`
	Count        int        `bun:"count,notnull"`
	BlockedUntil *time.Time `bun:"blocked_until"`
	UpdatedAt    time.Time  `bun:"updated_at,notnull"`
}

// SecurityEvent is one entry of an account's security history.
type SecurityEvent struct {
	bun.BaseModel `bun:"table:security_events"`

	ID        int64     `bun:"id,pk,autoincrement"`
	UserID    int64     `bun:"user_id,notnull"`
	Kind      string    `bun:"kind,notnull"`
	UserAgent string    `bun:"user_agent,notnull"`
	IP        string    `bun:"ip,notnull"`
	CreatedAt time.Time `bun:"created_at,notnull"`
}

// OutboxMail is a message waiting for (or done with) delivery. It is written
// in the same transaction as the change that causes it.
type OutboxMail struct {
	bun.BaseModel `bun:"table:outbox"`

	ID            int64      `bun:"id,pk,autoincrement"`
	Channel       string     `bun:"channel,notnull"` // "email" or "sms"
	To            string     `bun:"to_addr,notnull"`
	Subject       string     `bun:"subject,notnull"`
	Text          string     `bun:"text_body,notnull"`
	HTML          string     `bun:"html_body,notnull"`
	UserID        *int64     `bun:"user_id"`
	Attempts      int        `bun:"attempts,notnull"`
	NextAttemptAt time.Time  `bun:"next_attempt_at,notnull"`
	LockedUntil   *time.Time `bun:"locked_until"`
	SentAt        *time.Time `bun:"sent_at"`
	DeadAt        *time.Time `bun:"dead_at"`
	LastError     string     `bun:"last_error,notnull"`
	CreatedAt     time.Time  `bun:"created_at,notnull"`
}

// DevMail is a message delivered to the dev mailbox.
type DevMail struct {
	bun.BaseModel `bun:"table:dev_mails"`

	ID      int64     `bun:"id,pk,autoincrement"`
	Channel string    `bun:"channel,notnull"`
	To      string    `bun:"to_addr,notnull"`
	Subject string    `bun:"subject,notnull"`
	Text    string    `bun:"text_body,notnull"`
	HTML    string    `bun:"html_body,notnull"`
	SentAt  time.Time `bun:"sent_at,notnull"`
}

// HelpArticle is one help-centre article in one language, with its counters.
type HelpArticle struct {
	bun.BaseModel `bun:"table:help_articles"`

	Slug       string `bun:"slug,pk"`
	Lang       string `bun:"lang,pk"`
	Topic      string `bun:"topic,notnull"`
	Title      string `bun:"title,notnull"`
	Body       string `bun:"body,notnull"`
	Related    string `bun:"related,notnull"`
	Checksum   string `bun:"checksum,notnull"`
	Reads      int64  `bun:"reads,notnull"`
	HelpfulYes int64  `bun:"helpful_yes,notnull"`
	HelpfulNo  int64  `bun:"helpful_no,notnull"`
}

// HelpVote is one visitor's vote on one article (changeable), from a
// network.
type HelpVote struct {
	bun.BaseModel `bun:"table:help_votes"`

	Slug    string `bun:"slug,pk"`
	Visitor string `bun:"visitor,pk"`
	Helpful bool   `bun:"helpful,notnull"`
	// Network is an opaque key of the voter's network (/24, /64): the
	// counters count networks, not sessions.
	Network string `bun:"network,notnull"`
}

// HelpRead marks that a visitor read an article on a day (counted once).
type HelpRead struct {
	bun.BaseModel `bun:"table:help_reads"`

	Slug    string `bun:"slug,pk"`
	Visitor string `bun:"visitor,pk"`
	Day     string `bun:"day,pk"`
}
