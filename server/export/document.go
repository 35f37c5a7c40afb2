package export

import "github.com/minicorp/miniid/shared/api"

// Document is the whole export. Times are RFC 3339 in UTC; an empty time
// means "never" or "not yet".
type Document struct {
	Format           string            `json:"format"`
	ExportedAt       string            `json:"exported_at"`
	Account          Account           `json:"account"`
	PersonalData     api.PersonalData  `json:"personal_data"`
	Factors          []Factor          `json:"factors"`
	Sessions         []Session         `json:"sessions"`
	Devices          []Device          `json:"devices"`
	SecurityEvents   []Event           `json:"security_events"`
	Consents         []Consent         `json:"consents"`
	ConnectedApps    []ConnectedApp    `json:"connected_apps"`
	HelpVotes        []HelpVote        `json:"help_votes"`
	SecurityQuestion *SecurityQuestion `json:"security_question"`
	ProfilePicture   *Picture          `json:"profile_picture"`
}

// Account is the login and its state.
type Account struct {
	ID               int64    `json:"id"`
	Email            string   `json:"email"`
	EmailConfirmedAt string   `json:"email_confirmed_at"`
	Phone            string   `json:"phone"`
	PhoneVerifiedAt  string   `json:"phone_verified_at"`
	Language         string   `json:"language"`
	LanguageChoice   string   `json:"language_choice"`
	Roles            []string `json:"roles"`
	CreatedAt        string   `json:"created_at"`
	UpdatedAt        string   `json:"updated_at"`
}

// Factor is a way the account signs in: its type and dates, never its
// secret.
type Factor struct {
	Type       string `json:"type"`
	Name       string `json:"name"`
	CreatedAt  string `json:"created_at"`
	UpdatedAt  string `json:"updated_at"`
	LastUsedAt string `json:"last_used_at"`
}

// Session is a signed-in browser, without its id.
type Session struct {
	Device     string `json:"device"`
	UserAgent  string `json:"user_agent"`
	IP         string `json:"ip"`
	CreatedAt  string `json:"created_at"`
	LastUsedAt string `json:"last_used_at"`
	ExpiresAt  string `json:"expires_at"`
	Current    bool   `json:"current"`
}

// Device is a browser that signed in to the account before.
type Device struct {
	Device      string `json:"device"`
	UserAgent   string `json:"user_agent"`
	FirstSeenAt string `json:"first_seen_at"`
	LastSeenAt  string `json:"last_seen_at"`
}

// Event is one security event.
type Event struct {
	Kind      string `json:"kind"`
	At        string `json:"at"`
	UserAgent string `json:"user_agent"`
	IP        string `json:"ip"`
}

// Consent is an accepted version of the terms of use or privacy notice.
type Consent struct {
	Document   string `json:"document"`
	Version    string `json:"version"`
	AcceptedAt string `json:"accepted_at"`
}

// ConnectedApp is a service the account signed in to with its ID (OpenID
// Connect); the list is empty while the portal connects none.
type ConnectedApp struct {
	Client    string   `json:"client"`
	Name      string   `json:"name"`
	Scopes    []string `json:"scopes"`
	GrantedAt string   `json:"granted_at"`
	LastUsed  string   `json:"last_used"`
}

// HelpVote is a "Was this article helpful?" answer.
type HelpVote struct {
	Article string `json:"article"`
	Helpful bool   `json:"helpful"`
}

// SecurityQuestion is the question picked, never its answer.
type SecurityQuestion struct {
	Question string `json:"question"`
	SetAt    string `json:"set_at"`
}

// Picture is the profile picture as stored (256 pixels square).
type Picture struct {
	ContentType string `json:"content_type"`
	Size        int    `json:"size"`
	Base64      string `json:"base64"`
	SetAt       string `json:"set_at"`
}
