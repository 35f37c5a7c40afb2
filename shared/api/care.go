package api

// Paths of customer care and self-service: the support console, the
// security question, "Download my data", the profile picture, consents,
// the undo of a deletion, and Mailgun's delivery webhook.
const (
	PathSupportFind     = Prefix + "/support/customers"      // GET ?q=
	PathSupportCustomer = Prefix + "/support/customers/{id}" // GET
	PathSupportAction   = Prefix + "/support/customers/{id}/actions"
	PathSupportCheck    = Prefix + "/support/customers/{id}/security-question"
	PathSupportLog      = Prefix + "/support/log"
	PathSupportMe       = Prefix + "/support/me"

	PathSecurityQuestion  = Prefix + "/me/security-question"
	PathSecurityQuestions = Prefix + "/security-questions"
	PathExport            = Prefix + "/me/export"
	PathPicture           = Prefix + "/me/picture"
	PathConsents          = Prefix + "/me/consents"
	PathRestore           = Prefix + "/account/restore"

	PathMailgunWebhook = "/webhooks/mailgun"
)

// Step-up actions of self-service (see ReauthRequest).
const (
	ActionExport           = "export"
	ActionSecurityQuestion = "security_question"
)

// Support actions an agent can take on a customer's account.
const (
	SupportEndBlock         = "end_block"
	SupportResendConfirm    = "resend_confirmation"
	SupportEndSessions      = "end_sessions"
	SupportSendPasswordLink = "send_reset"
)

// MaxPictureBytes is the largest profile picture upload (multipart body).
const MaxPictureBytes = 5 << 20

// SupportAgent is the signed-in agent, as the console greets them.
type SupportAgent struct {
	Email string `json:"email"`
	Name  string `json:"name"`
	// Until is when the agent's console session ends (at most 8 hours
	// after the sign-in).
	Until string `json:"until"`
}

// SupportCustomer is one hit of a customer search.
type SupportCustomer struct {
	ID        int64  `json:"id"`
	Email     string `json:"email"`
	Name      string `json:"name"`
	Phone     string `json:"phone,omitempty"`
	Confirmed bool   `json:"confirmed"`
}

// SupportStatus is what an agent sees of a customer: state, never secrets.
type SupportStatus struct {
	SupportCustomer
	City          string `json:"city"`
	Country       string `json:"country"`
	CreatedAt     string `json:"created_at"`
	PhoneVerified bool   `json:"phone_verified"`
	// BlockedUntil is set while wrong passwords block the login.
	BlockedUntil string `json:"blocked_until,omitempty"`
	// Factors are the second factors set up, by method name.
	Factors  []string `json:"factors"`
	Sessions int      `json:"sessions"`
	// HasSecurityQuestion tells whether the agent can verify the caller;
	// Question is the question to ask (never the answer), and
	// QuestionLockedUntil is set after 3 misses.
	HasSecurityQuestion bool   `json:"has_security_question"`
	Question            string `json:"question,omitempty"`
	QuestionLockedUntil string `json:"question_locked_until,omitempty"`
	// DeletionAfter is set while the account waits for its deletion.
	DeletionAfter string `json:"deletion_after,omitempty"`
	// Undeliverable is "bounced" or "complained" when mail to the address
	// does not arrive.
	Undeliverable string          `json:"undeliverable,omitempty"`
	Events        []SecurityEvent `json:"events"`
}

// SupportActionRequest is an agent's action with the reason they typed.
type SupportActionRequest struct {
	Action string `json:"action"`
	Reason string `json:"reason"`
}

// SupportCheckRequest is what the caller answered to the security question.
type SupportCheckRequest struct {
	Answer string `json:"answer"`
}

// SupportCheckResult says only whether the answer matched.
type SupportCheckResult struct {
	Match bool `json:"match"`
	// LockedUntil is set when this miss was the third: the check is locked.
	LockedUntil string `json:"locked_until,omitempty"`
}

// AgentLogEntry is one line of the agents' audit log.
type AgentLogEntry struct {
	At            string `json:"at"`
	Agent         string `json:"agent"`
	CustomerID    int64  `json:"customer_id"`
	CustomerEmail string `json:"customer_email"`
	Action        string `json:"action"`
	Reason        string `json:"reason"`
}

// SecurityQuestionChoice is one question a customer can pick.
type SecurityQuestionChoice struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// SecurityQuestionState tells whether a question is set, and which.
type SecurityQuestionState struct {
	Set         bool   `json:"set"`
	Question    string `json:"question,omitempty"`
	UpdatedAt   string `json:"updated_at,omitempty"`
	LockedUntil string `json:"locked_until,omitempty"`
}

// SecurityQuestionRequest sets the question and its answer (needs a fresh
// step-up for ActionSecurityQuestion).
type SecurityQuestionRequest struct {
	Question string `json:"question"`
	Answer   string `json:"answer"`
}

// ConsentDue is a document the customer must accept (again) before going on.
type ConsentDue struct {
	Document string `json:"document"` // "terms" or "privacy"
	Version  string `json:"version"`
}

// DocumentsRequest accepts the documents named (new terms of use or
// privacy notice).
type DocumentsRequest struct {
	Accept []ConsentDue `json:"accept"`
}

// Consent documents.
const (
	DocumentTerms   = "terms"
	DocumentPrivacy = "privacy"
)

// Error codes of customer care and self-service.
const (
	CodeForbidden          = "forbidden"              // not an agent
	CodeSecondFactor       = "second_factor_required" // the console needs a sign-in with two factors
	CodeLocked             = "locked"                 // the security question is locked (Until says until when)
	CodeNoQuestion         = "no_security_question"
	CodeUnsupportedPicture = "unsupported_picture"
	CodeConsentRequired    = "consent_required" // accept the current terms first (GET /me lists them)
	CodeUnavailable        = "unavailable"      // the portal cannot offer this (Phone ID without an SMS provider)
	CodeDeletionPending    = "deletion_pending" // the account waits for its deletion (Until says when)
)
