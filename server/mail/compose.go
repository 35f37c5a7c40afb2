package mail

import (
	"fmt"
	"strings"
)

// Kind names one mail the portal sends.
type Kind string

// Every mail the portal sends. The comment names the Data fields it needs.
const (
	KindConfirmEmail         Kind = "confirm_email"          // Link (24 h)
	KindAlreadyRegistered    Kind = "already_registered"     // Link (log in), ResetLink
	KindPasswordReset        Kind = "password_reset"         // Link (1 h)
	KindBlocked              Kind = "blocked"                // Until, Link (reset, 1 h)
	KindLoginCode            Kind = "login_code"             // Code (10 min)
	KindTwoFactorOnCode      Kind = "two_factor_on_code"     // Code (10 min)
	KindTwoFactorOffCode     Kind = "two_factor_off_code"    // Code (10 min)
	KindDeleteCode           Kind = "delete_code"            // Code (10 min)
	KindEmailChangeCode      Kind = "email_change_code"      // Code (10 min)
	KindPasswordChangeCode   Kind = "password_change_code"   // Code (10 min)
	KindPhoneChangeCode      Kind = "phone_change_code"      // Code (10 min), by e-mail
	KindTwoFactorActivated   Kind = "two_factor_activated"   // Link optional (reset)
	KindTwoFactorDeactivated Kind = "two_factor_deactivated" // Link optional (reset)
	KindPasswordChanged      Kind = "password_changed"       // Link optional (reset)
	KindEmailChangeConfirm   Kind = "email_change_confirm"   // Link (24 h), to the new address
	KindEmailChangedNotice   Kind = "email_changed_notice"   // Masked (new address), Link (undo, 72 h), to the old one
	KindPhoneAdded           Kind = "phone_added"            // Masked (number), Link optional (reset)
	KindPhoneCode            Kind = "phone_code"             // Code (10 min); an SMS
	KindAccountDeleted       Kind = "account_deleted"        // nothing
	KindNewSignIn            Kind = "new_sign_in"            // When, Device (may be empty), Link (Security page)
	KindPhoneRemoved         Kind = "phone_removed"          // Masked (number), Link optional (reset)
	KindCodesPaused          Kind = "codes_paused"           // Until, Link (forgot password)
	KindSignInChangeCode     Kind = "sign_in_change_code"    // Code (10 min): passkeys, authenticator app, recovery codes
	KindPasskeyAdded         Kind = "passkey_added"          // Device (the passkey's name), Link (Account data)
	KindPasskeyRemoved       Kind = "passkey_removed"        // Device (the passkey's name), Link (Account data)
	KindTOTPAdded            Kind = "totp_added"             // Link (Account data)
	KindTOTPRemoved          Kind = "totp_removed"           // Link (Account data)
	KindRecoveryCodesNew     Kind = "recovery_codes_new"     // Link (Account data)
	KindRecoveryCodeUsed     Kind = "recovery_code_used"     // Left, When, Device (may be empty), Link (Account data)
)

// Data fills a mail. Brand is always needed; the other fields as the Kind's
// comment says. Optional links are left out when empty.
type Data struct {
	Brand     string // "MINI": the mails speak of the "MINI ID"
	Name      string // for the greeting ("Anna Müller"); empty for a neutral one
	Link      string // the mail's link (confirm, reset, log in, undo)
	ResetLink string // KindAlreadyRegistered: where to set a new password
	Code      string // the one-time code
	Until     string // KindBlocked: end of the block, formatted for the reader
	Masked    string // a masked address or number ("j•••@example.com")
	When      string // KindNewSignIn: when, formatted for the reader
	Device    string // KindNewSignIn: browser and system ("Chrome · Windows"), "" when unknown
	Minutes   int    // validity of the code or link; 0 means the Kind's default
	Reason    string // a support action: the reason the agent typed
	Left      int    // KindRecoveryCodeUsed: how many recovery codes are left
}

// kindSpec is what a Kind needs and how long its code or link lives.
type kindSpec struct {
	channel string
	needs   []string // names of Data fields that must not be empty
	minutes int      // default validity, 0 when the mail has none
}

var specs = map[Kind]kindSpec{
	KindConfirmEmail:         {ChannelEmail, []string{"Link"}, 24 * 60},
	KindAlreadyRegistered:    {ChannelEmail, []string{"Link", "ResetLink"}, 0},
	KindPasswordReset:        {ChannelEmail, []string{"Link"}, 60},
	KindBlocked:              {ChannelEmail, []string{"Until", "Link"}, 60},
	KindLoginCode:            {ChannelEmail, []string{"Code"}, 10},
	KindTwoFactorOnCode:      {ChannelEmail, []string{"Code"}, 10},
	KindTwoFactorOffCode:     {ChannelEmail, []string{"Code"}, 10},
	KindDeleteCode:           {ChannelEmail, []string{"Code"}, 10},
	KindEmailChangeCode:      {ChannelEmail, []string{"Code"}, 10},
	KindPasswordChangeCode:   {ChannelEmail, []string{"Code"}, 10},
	KindPhoneChangeCode:      {ChannelEmail, []string{"Code"}, 10},
	KindTwoFactorActivated:   {ChannelEmail, nil, 0},
	KindTwoFactorDeactivated: {ChannelEmail, nil, 0},
	KindPasswordChanged:      {ChannelEmail, nil, 0},
	KindEmailChangeConfirm:   {ChannelEmail, []string{"Link"}, 24 * 60},
	KindEmailChangedNotice:   {ChannelEmail, []string{"Masked", "Link"}, 72 * 60},
	KindPhoneAdded:           {ChannelEmail, []string{"Masked"}, 0},
	KindPhoneCode:            {ChannelSMS, []string{"Code"}, 10},
	KindAccountDeleted:       {ChannelEmail, nil, 0},
	KindNewSignIn:            {ChannelEmail, []string{"When", "Link"}, 0},
	KindPhoneRemoved:         {ChannelEmail, []string{"Masked"}, 0},
	KindCodesPaused:          {ChannelEmail, []string{"Until", "Link"}, 0},
	KindSignInChangeCode:     {ChannelEmail, []string{"Code"}, 10},
	KindPasskeyAdded:         {ChannelEmail, []string{"Device", "Link"}, 0},
	KindPasskeyRemoved:       {ChannelEmail, []string{"Device", "Link"}, 0},
	KindTOTPAdded:            {ChannelEmail, []string{"Link"}, 0},
	KindTOTPRemoved:          {ChannelEmail, []string{"Link"}, 0},
	KindRecoveryCodesNew:     {ChannelEmail, []string{"Link"}, 0},
	KindRecoveryCodeUsed:     {ChannelEmail, []string{"When", "Link"}, 0},
}

// Kinds lists every Kind, in the order of their declaration.
func Kinds() []Kind {
	return append([]Kind{
		KindConfirmEmail, KindAlreadyRegistered, KindPasswordReset, KindBlocked,
		KindLoginCode, KindTwoFactorOnCode, KindTwoFactorOffCode, KindDeleteCode,
		KindEmailChangeCode, KindPasswordChangeCode, KindPhoneChangeCode, KindTwoFactorActivated, KindTwoFactorDeactivated,
		KindPasswordChanged, KindEmailChangeConfirm, KindEmailChangedNotice,
		KindPhoneAdded, KindPhoneCode, KindAccountDeleted, KindNewSignIn, KindPhoneRemoved, KindCodesPaused,
		KindSignInChangeCode, KindPasskeyAdded, KindPasskeyRemoved, KindTOTPAdded, KindTOTPRemoved, KindRecoveryCodesNew, KindRecoveryCodeUsed,
	}, careKinds...)
}

// Channel tells how a Kind goes out: ChannelSMS for KindPhoneCode, else
// ChannelEmail. Use it as Message.Channel.
func (k Kind) Channel() string { return specs[k].channel }

// Compose writes the mail of kind in lang ("de" for German, anything else
// gives English). text always holds the code or link on a line of its own;
// html is empty for an SMS.
func Compose(kind Kind, lang string, d Data) (subject, text, html string, err error) {
	spec, ok := specs[kind]
	if !ok {
		return "", "", "", fmt.Errorf("mail: compose: unknown kind %q", kind)
	}
	if strings.TrimSpace(d.Brand) == "" {
		return "", "", "", fmt.Errorf("mail: compose %s: Data.Brand is empty", kind)
	}
	for _, field := range spec.needs {
		if strings.TrimSpace(fieldOf(d, field)) == "" {
			return "", "", "", fmt.Errorf("mail: compose %s: Data.%s is empty", kind, field)
		}
	}
	for _, link := range []string{d.Link, d.ResetLink} {
		if link != "" && !strings.HasPrefix(link, "https://") && !strings.HasPrefix(link, "http://") {
			return "", "", "", fmt.Errorf("mail: compose %s: a link must start with https:// or http://", kind)
		}
	}
	l := languages["en"]
	if strings.HasPrefix(strings.ToLower(lang), "de") {
		l = languages["de"]
	}
	minutes := d.Minutes
	if minutes <= 0 {
		minutes = spec.minutes
	}
	v := view{Data: d, Valid: l.validity(minutes)}
	r, err := l.letters[kind].render(v)
	if err != nil {
		return "", "", "", fmt.Errorf("mail: compose %s: %w", kind, err)
	}
	if spec.channel == ChannelSMS {
		return r.subject, r.sms(), "", nil
	}
	html, err = r.html(l, v)
	if err != nil {
		return "", "", "", fmt.Errorf("mail: compose %s: %w", kind, err)
	}
	return r.subject, r.text(l, v), html, nil
}

func fieldOf(d Data, name string) string {
	switch name {
	case "Link":
		return d.Link
	case "ResetLink":
		return d.ResetLink
	case "Code":
		return d.Code
	case "Until":
		return d.Until
	case "Masked":
		return d.Masked
	case "When":
		return d.When
	case "Reason":
		return d.Reason
	case "Device":
		return d.Device
	}
	panic("mail: unknown Data field " + name)
}
