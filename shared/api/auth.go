package api

// Paths of the session and account-access endpoints.
const (
	PathSession        = Prefix + "/session"
	PathRegister       = Prefix + "/register"
	PathRegisterResend = Prefix + "/register/resend"
	PathConfirm        = Prefix + "/confirm"
	PathLogin          = Prefix + "/login"
	PathLoginCode      = Prefix + "/login/code"
	PathLoginResend    = Prefix + "/login/code/resend"
	PathLogout         = Prefix + "/logout"
	PathForgot         = Prefix + "/password/forgot"
	PathReset          = Prefix + "/password/reset"
	PathStrength       = Prefix + "/password/strength"
	PathMe             = Prefix + "/me"
)

// Session states.
const (
	StateNone       = "none"        // no one logged in
	StateSecondStep = "second_step" // password right, code still to come
	StateFull       = "full"        // logged in
)

// Session describes the caller's session. Every client reads it first: it
// carries the CSRF token that state-changing requests must send back.
type Session struct {
	State     string `json:"state"`
	CSRFToken string `json:"csrf_token"`
	// MaskedEmail is where a second-step code went (j•••@example.com).
	MaskedEmail string `json:"masked_email,omitempty"`
	Language    string `json:"language,omitempty"`
	// Confirmed says what a confirmation link confirmed: "confirm" (a new
	// registration), "email_change" or "email_undo".
	Confirmed string `json:"confirmed,omitempty"`
	// NeedsPassword says the link is good but this browser must set a
	// password before it is carried out (Purpose says which link it is): a
	// registration opened outside the browser that registered, or an undo of
	// an e-mail change. Send ConfirmRequest again with the password.
	NeedsPassword bool   `json:"needs_password,omitempty"`
	Purpose       string `json:"purpose,omitempty"`
	// SignedIn says the link signed this browser in (a registration's
	// link, opened in the browser that registered).
	SignedIn bool `json:"signed_in,omitempty"`
	// ResendAfter is how many seconds "Request a new one" must wait (the
	// second step of a login).
	ResendAfter int `json:"resend_after,omitempty"`
	// Methods are the sign-in methods the session proved ("password",
	// "email_code", …) and Level what they amount to: "one_factor",
	// "two_factors" (the e-mailed code counts as a second factor here, but
	// it is not a NIST AAL2 authenticator) or "phishing_resistant" (a
	// user-verified passkey).
	Methods []string `json:"methods,omitempty"`
	Level   string   `json:"level,omitempty"`
	// Return is where to go once signed in, when an app waits for this
	// login (OpenID Connect); the app then leaves its own pages for it.
	Return *Return `json:"return,omitempty"`
	// Leave is where an app that logged out waits for the browser, while
	// the sign-out page asks whether to log out of the portal too.
	Leave *Return `json:"leave,omitempty"`
	// EmailUndeliverable answers a login (after the password): mail to the
	// account's address does not arrive ("bounced" or "complained"), so the
	// login page suggests checking it, and a code may not come.
	EmailUndeliverable string `json:"email_undeliverable,omitempty"`
	// Factors are the second step's: the factor asked, and the others the
	// account can give instead.
	Factors
	// PasskeysAvailable says this portal can use passkeys (its address has
	// a host name; browsers refuse passkeys for an IP address).
	PasskeysAvailable bool `json:"passkeys_available,omitempty"`
}

// RegisterRequest creates a MINI ID: login data, the personal data (the
// same fields /profile/personal edits, flattened into this object), an
// optional mobile number and the consents.
type RegisterRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
	PersonalData
	Phone         string `json:"phone"`
	AcceptTerms   bool   `json:"accept_terms"`
	AcceptPrivacy bool   `json:"accept_privacy"`
}

// EmailRequest names an address (resend confirmation, forgot password).
type EmailRequest struct {
	Email string `json:"email"`
}

// TokenRequest carries a token from an e-mailed link.
type TokenRequest struct {
	Token string `json:"token"`
}

// ConfirmRequest opens a confirmation or undo link. Password is empty on the
// first try; when the answer says NeedsPassword, the page asks for a new
// password and sends it here with the same token.
type ConfirmRequest struct {
	Token    string `json:"token"`
	Password string `json:"password,omitempty"`
}

// LoginRequest is the password step of a login.
type LoginRequest struct {
	Identifier string `json:"identifier"`
	Password   string `json:"password"`
}

// CodeRequest carries a 6-digit code.
type CodeRequest struct {
	Code string `json:"code"`
}

// ResetRequest sets a new password with a reset link's token.
type ResetRequest struct {
	Token    string `json:"token"`
	Password string `json:"password"`
}

// PasswordRequest carries a password (strength check, re-authentication).
type PasswordRequest struct {
	Password string `json:"password"`
}

// StrengthRequest asks how strong a password is. UserInputs are words the
// password must not lean on (the address, the name); the server reads the
// first five.
type StrengthRequest struct {
	Password   string   `json:"password"`
	UserInputs []string `json:"user_inputs"`
}

// Strength is a password's estimated strength, 0 (guessable) to 4.
type Strength struct {
	Score      int    `json:"score"`
	Acceptable bool   `json:"acceptable"`
	Reason     string `json:"reason,omitempty"` // i18n key suffix, e.g. "common"
}

// Me is the logged-in customer's profile.
type Me struct {
	ID    int64  `json:"id"`
	Email string `json:"email"`
	// PendingEmail is the new address an e-mail change waits to be
	// confirmed at; Email stays the login until its link is opened.
	PendingEmail  string `json:"pending_email,omitempty"`
	Phone         string `json:"phone,omitempty"`
	PhoneVerified bool   `json:"phone_verified"`
	Salutation    string `json:"salutation"`
	Title         string `json:"title"`
	FirstName     string `json:"first_name"`
	LastName      string `json:"last_name"`
	BirthDate     string `json:"birth_date"`
	Street        string `json:"street"`
	Postcode      string `json:"postcode"`
	City          string `json:"city"`
	Country       string `json:"country"`
	Language      string `json:"language"`
	// LanguageChoice is "" when the language follows the country.
	LanguageChoice string `json:"language_choice"`
	TwoFactor      bool   `json:"two_factor"`
	// SecondFactors are the second factors that switch two-factor
	// authentication on (MethodEmailCode, MethodTOTP); RecoveryCodes how
	// many unused recovery codes are left, Passkeys how many passkeys the
	// account has.
	SecondFactors []string `json:"second_factors,omitempty"`
	RecoveryCodes int      `json:"recovery_codes"`
	Passkeys      int      `json:"passkeys"`
	Version       int64    `json:"version"`
	CreatedAt     string   `json:"created_at"`
	// Care and self-service (see care.go): Picture is the URL of the
	// profile picture (PathPicture with its version; add &size=64 for the
	// small one), "" without one. EmailUndeliverable is "bounced" or
	// "complained" when mail to Email does not arrive. ConsentsDue lists
	// what must be accepted (again) before anything else.
	Picture            string       `json:"picture,omitempty"`
	EmailUndeliverable string       `json:"email_undeliverable,omitempty"`
	ConsentsDue        []ConsentDue `json:"consents_due,omitempty"`
	// PhoneIDAvailable says the portal can send text messages, so a new
	// Phone ID can be verified (a portal without an SMS provider cannot).
	PhoneIDAvailable bool `json:"phone_id_available"`
}

// Personal returns the part of the profile that /profile/personal edits.
func (m Me) Personal() PersonalData {
	return PersonalData{Salutation: m.Salutation, Title: m.Title, FirstName: m.FirstName, LastName: m.LastName,
		BirthDate: m.BirthDate, Street: m.Street, Postcode: m.Postcode, City: m.City, Country: m.Country,
		Language: m.LanguageChoice}
}

// Initials returns up to two upper-case letters for the profile icon.
func (m Me) Initials() string {
	var out []rune
	for _, s := range []string{m.FirstName, m.LastName} {
		for _, r := range s {
			if r >= 'a' && r <= 'z' {
				r -= 'a' - 'A'
			}
			out = append(out, r)
			break
		}
	}
	if len(out) == 0 && m.Email != "" {
		r := rune(m.Email[0])
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		out = append(out, r)
	}
	return string(out)
}
