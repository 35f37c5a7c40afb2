package auth

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/otp"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
)

// emailCode is the seed's second factor: a 6-digit code e-mailed to the
// account's address, bound to one login attempt or dialog.
type emailCode struct{ s *Service }

func (emailCode) Name() string   { return MethodEmailCode }
func (emailCode) Factor() Factor { return Possession }
func (emailCode) AMR() string    { return "otp" }

func (emailCode) Has(creds []store.Credential) bool {
	return credentialOf(creds, store.CredentialEmailCode) != nil
}

// codeMail is the mail, and the code purpose, of each flow.
func codeMail(f session.Flow) (purpose string, kind mail.Kind, err error) {
	if f.Kind == session.FlowLogin {
		return otp.Login, mail.KindLoginCode, nil
	}
	kinds := map[string]mail.Kind{
		ActionTwoFactorOn:      mail.KindTwoFactorOnCode,
		ActionTwoFactorOff:     mail.KindTwoFactorOffCode,
		ActionDelete:           mail.KindDeleteCode,
		ActionEmailChange:      mail.KindEmailChangeCode,
		ActionPassword:         mail.KindPasswordChangeCode,
		ActionPhone:            mail.KindPhoneChangeCode,
		ActionExport:           mail.KindExportCode,
		ActionSecurityQuestion: mail.KindSecurityQuestionCode,
		ActionPasskeyAdd:       mail.KindSignInChangeCode,
		ActionPasskeyRemove:    mail.KindSignInChangeCode,
		ActionTOTPOn:           mail.KindSignInChangeCode,
		ActionTOTPOff:          mail.KindSignInChangeCode,
		ActionRecoveryCodes:    mail.KindSignInChangeCode,
	}
	kind, ok := kinds[f.Action]
	if f.Kind != session.FlowStepUp || !ok {
		return "", "", fmt.Errorf("auth: no code mail for flow %s/%s", f.Kind, f.Action)
	}
	return f.Action, kind, nil
}

func (m emailCode) Begin(ctx context.Context, u *store.User, f session.Flow, resend bool) (Challenge, error) {
	purpose, kind, err := codeMail(f)
	if err != nil {
		return Challenge{}, err
	}
	err = m.s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		code, err := m.s.codes.Issue(ctx, tx, u, purpose, f.ID, u.Email, resend)
		if err != nil {
			return err
		}
		return m.s.notify.Send(ctx, tx, u, u.Email, kind, mail.Data{Code: code})
	})
	if err != nil {
		return Challenge{}, fmt.Errorf("auth: mail %s code: %w", purpose, err)
	}
	m.s.notify.Kick()
	return Challenge{MaskedEmail: MaskEmail(u.Email), ResendAfter: otp.ResendCooldown}, nil
}

func (m emailCode) Verify(ctx context.Context, u *store.User, f session.Flow, input string) error {
	purpose, _, err := codeMail(f)
	if err != nil {
		return err
	}
	return m.s.codes.Check(ctx, m.s.db, u, purpose, f.ID, u.Email, input)
}

// emailLink is an e-mailed link opened: it proves the mailbox.
type emailLink struct{}

func (emailLink) Name() string   { return MethodEmailLink }
func (emailLink) Factor() Factor { return Possession }
func (emailLink) AMR() string    { return "otp" }
