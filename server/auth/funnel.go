package auth

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/keyring"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/notify"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// Attempt is one proof brought to the funnel: who proved what, why.
type Attempt struct {
	Intent Intent
	User   *store.User
	Method Method
	// Earlier are methods this browser proved for the same intent before
	// (the password a registration chose, for its confirmation link).
	Earlier []string
	Action  string // the change a step-up is for
	Meta    audit.Meta
}

// Outcome is where the funnel led.
type Outcome struct {
	// State is the session's state after it: api.StateFull, StateSecondStep,
	// or StateNone (a recovery signs nothing in).
	State string
	// Next is the factor asked for now, when another one is needed, and
	// Offered every one that may be given instead (Next first).
	Next      SecondFactor
	Offered   []string
	Challenge Challenge
	// Granted says a step-up allows its change now.
	Granted bool
	Level   Level
}

// complete is the one function every sign-in and step-up ends in. The
// method only proved one factor; here the proof is added to what this flow
// proved before, the policy says whether another factor is needed, and
// either the next one is asked for or the session is signed in (or the
// change granted) under a new id, and the event written.
func (s *Service) complete(ctx context.Context, sess *session.Session, a Attempt) (Outcome, error) {
	if a.Intent == IntentRecovery {
		// A reset link proves the mailbox and nothing else: the next login
		// still asks for every factor (SPEC: a reset never switches
		// two-factor authentication off).
		return Outcome{State: sess.State()}, nil
	}
	if a.Intent == IntentLogin {
		// Whatever proved who it is — a password, a passkey — an account
		// waiting for its deletion is not signed in (only the farewell
		// mail's link brings it back).
		if err := s.refuseDeactivated(ctx, a.User); err != nil {
			return Outcome{}, err
		}
	}
	now := s.clock.Now()
	creds, err := store.CredentialsOf(ctx, s.db, a.User.ID)
	if err != nil {
		return Outcome{}, err
	}
	kind := session.FlowLogin
	if a.Intent == IntentStepUp {
		kind = session.FlowStepUp
	}
	amr := slices.Clone(a.Earlier)
	if f, ok := sess.Flow(); ok && f.Kind == kind && f.Action == a.Action && sess.UserID() == a.User.ID {
		amr = append(amr, f.AMR...)
	}
	if !slices.Contains(amr, a.Method.Name()) {
		amr = append(amr, a.Method.Name())
	}

	need := s.required(a.Intent, a.Action, creds)
	// An app waiting for this login may ask for more factors than the
	// account's own policy (OpenID Connect acr_values); the session carries
	// its demand, and the demand only ever adds factors.
	demanded := a.Intent != IntentStepUp && sess.LeastFactors(now) > need
	if demanded {
		need = sess.LeastFactors(now)
	}
	if !s.satisfied(amr, need) {
		return s.askNext(ctx, sess, a, kind, creds, amr, demanded, now)
	}
	if a.Intent == IntentStepUp {
		sess.EndFlow()
		sess.Rotate()
		sess.GrantStepUp(a.Action, now.Add(ReauthWindow))
		return Outcome{State: sess.State(), Granted: true, Level: s.LevelOf(amr)}, nil
	}
	sess.SignIn(a.User.ID, api.StateFull, amr, now)
	if err := s.signedIn(ctx, sess, a, creds, now); err != nil {
		return Outcome{}, err
	}
	return Outcome{State: api.StateFull, Level: s.LevelOf(amr)}, nil
}

// askNext starts the flow for the next factor: a login becomes a second
// step (under a new session id: proving the password is a change of
// privilege too), a step-up waits in its dialog.
func (s *Service) askNext(ctx context.Context, sess *session.Session, a Attempt, kind string, creds []store.Credential, amr []string, demanded bool, now time.Time) (Outcome, error) {
	next := s.nextFactor(a.Intent, a.Action, creds, amr, demanded)
	if next == nil {
		return Outcome{}, fmt.Errorf("auth: account %d needs another factor and has none set up", a.User.ID)
	}
	id, err := s.flowID()
	if err != nil {
		return Outcome{}, err
	}
	f := session.Flow{Kind: kind, ID: id, Action: a.Action, AMR: amr, Method: next.Name(), Started: now}
	// The factor is asked first: when it cannot be (codes paused), the
	// session stays as it was.
	ch, err := next.Begin(ctx, a.User, f, false)
	if err != nil {
		return Outcome{}, s.CodesPaused(ctx, a.User, a.Meta, err)
	}
	if a.Intent != IntentStepUp {
		sess.SignIn(a.User.ID, api.StateSecondStep, nil, now)
	}
	sess.StartFlow(f)
	return Outcome{State: sess.State(), Next: next, Offered: names(s.offered(a.Intent, a.Action, creds, amr, demanded)),
		Challenge: ch, Level: s.LevelOf(amr)}, nil
}

// signedIn records a completed sign-in: the event, the credentials used,
// and the device, with a mail to the owner when a device signs in that the
// account has not seen before.
func (s *Service) signedIn(ctx context.Context, sess *session.Session, a Attempt, creds []store.Credential, now time.Time) error {
	if sess.Device() == "" {
		id, err := keyring.Random(s.rand, 32)
		if err != nil {
			return err
		}
		sess.NeedDevice(id)
	}
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		kind := audit.EventLogin
		if a.Intent == IntentConfirm {
			kind = audit.EventEmailConfirmed
		}
		if err := s.event(ctx, tx, a.User.ID, kind, a.Meta); err != nil {
			return err
		}
		for _, c := range creds {
			if slices.Contains(sess.AMR(), credentialMethod(c.Type)) {
				if err := store.CredentialUsed(ctx, tx, c.ID, now); err != nil {
					return err
				}
			}
		}
		isNew, hadOthers, err := store.RememberDevice(ctx, tx, a.User.ID, DeviceHash(sess.Device()), a.Meta.UserAgent, now)
		if err != nil || !isNew || !hadOthers {
			return err
		}
		return s.notify.Send(ctx, tx, a.User, a.User.Email, mail.KindNewSignIn, mail.Data{
			Device: audit.Device(a.Meta.UserAgent), When: notify.FormatTime(now, a.User.Language),
			Link: s.notify.Link("/profile/security", ""),
		})
	})
	if err != nil {
		return fmt.Errorf("auth: record sign-in: %w", err)
	}
	s.notify.Kick()
	return nil
}

// credentialMethod is the method a credential type proves.
func credentialMethod(typ string) string {
	switch typ {
	case store.CredentialPassword:
		return MethodPassword
	case store.CredentialEmailCode:
		return MethodEmailCode
	case store.CredentialTOTP, store.CredentialRecoveryCodes, store.CredentialPasskey:
		// Their methods record the use of the very credential (the passkey
		// that signed, the code spent) when they verify it.
		return ""
	}
	return typ
}

// DeviceHash is the stored form of a device id (random, so a plain hash);
// "" for none.
func DeviceHash(id string) string {
	if id == "" {
		return ""
	}
	sum := sha256.Sum256([]byte("device:" + id))
	return hex.EncodeToString(sum[:])
}
