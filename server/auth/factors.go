package auth

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
)

// ErrMethodNotOffered is a second factor the attempt may not give: one the
// account has not set up, or one the flow does not take (switching the
// e-mailed code on takes that code only).
var ErrMethodNotOffered = errors.New("auth: method not offered")

// Guesses of the codes an account keeps (authenticator app, recovery
// codes): after MaxFactorGuesses wrong ones in a row they are refused for
// FactorLockDuration. A code by e-mail has its own limit (5 per code), and
// a passkey cannot be guessed.
const (
	MaxFactorGuesses   = 5
	FactorLockDuration = 15 * time.Minute
)

// FactorLockedError says the account's app and recovery codes are refused
// until Until after too many wrong codes.
type FactorLockedError struct{ Until time.Time }

func (e *FactorLockedError) Error() string {
	return "auth: second factor locked until " + e.Until.Format(time.RFC3339)
}

// guarded runs check, a test of a code the account keeps, within the
// account's limit of wrong guesses: each try is counted before the code is
// compared (parallel guesses cannot get past the count), and a right code
// clears the count. A password is needed before any guess, so a locked
// second factor does not lock its owner out of the rest (the e-mailed
// code, a passkey).
func (s *Service) guarded(ctx context.Context, u *store.User, check func() error) error {
	key := s.keys.MAC("factor-guesses", strconv.FormatInt(u.ID, 10))
	a, err := store.ReserveLoginAttempt(ctx, s.db, key, MaxFactorGuesses, FactorLockDuration, 0, s.clock.Now())
	if err != nil {
		return err
	}
	if !a.Allowed {
		return &FactorLockedError{Until: a.BlockedUntil}
	}
	if err := check(); err != nil {
		return err
	}
	return store.ResetLoginFailures(ctx, s.db, key)
}

type metaKey struct{}

// withMeta carries the request's description to a method's Verify (a
// recovery code records its use, and mails it, in the transaction that
// spends it).
func withMeta(ctx context.Context, m audit.Meta) context.Context {
	return context.WithValue(ctx, metaKey{}, m)
}

func metaFrom(ctx context.Context) (audit.Meta, bool) {
	m, ok := ctx.Value(metaKey{}).(audit.Meta)
	return m, ok
}

// names are the names of methods.
func names[M Method](ms []M) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Name()
	}
	return out
}

// offeredNow are the second factors flow f of sess may take now (see
// complete for an app's demand of more factors).
func (s *Service) offeredNow(sess *session.Session, in Intent, f session.Flow, creds []store.Credential) []SecondFactor {
	demanded := in != IntentStepUp && sess.LeastFactors(s.clock.Now()) > s.required(in, f.Action, creds)
	return s.offered(in, f.Action, creds, f.AMR, demanded)
}

// factorFor returns the second factor name ("" for the one asked) if the
// flow may take it now.
func (s *Service) factorFor(sess *session.Session, in Intent, f session.Flow, creds []store.Credential, name string) (SecondFactor, error) {
	if name == "" {
		name = f.Method
	}
	for _, o := range s.offeredNow(sess, in, f, creds) {
		if o.Name() == name {
			return o, nil
		}
	}
	return nil, ErrMethodNotOffered
}

// proveFactor checks input for the second factor name of flow f: a code,
// or a passkey's answer to the ceremony the flow keeps (taken from the
// session first: each ceremony is answered once). A wrong code is recorded
// as a security event.
func (s *Service) proveFactor(ctx context.Context, sess *session.Session, in Intent, u *store.User, f session.Flow, name, input string, m audit.Meta) (SecondFactor, error) {
	creds, err := store.CredentialsOf(ctx, s.db, u.ID)
	if err != nil {
		return nil, err
	}
	factor, err := s.factorFor(sess, in, f, creds, name)
	if err != nil {
		return nil, err
	}
	if factor.Name() == MethodPasskey {
		_, c, _ := sess.TakeCeremony(f.Kind, s.clock.Now())
		f.Passkey = nil
		if c.Challenge != "" {
			f.Passkey = &c
		}
	}
	if err := factor.Verify(withMeta(ctx, m), u, f, input); err != nil {
		return nil, s.factorFailed(ctx, u, err, m)
	}
	return factor, nil
}

// factorFailed records a wrong or void code as a security event and returns
// err.
func (s *Service) factorFailed(ctx context.Context, u *store.User, err error, m audit.Meta) error {
	if errors.Is(err, ErrWrongTOTP) || errors.Is(err, ErrWrongRecoveryCode) {
		if rerr := s.event(ctx, s.db, u.ID, audit.EventCodeFailed, m); rerr != nil {
			return fmt.Errorf("auth: record failed code: %w", rerr)
		}
		return err
	}
	return s.codeFailed(ctx, u, err, m)
}

// switchFactor makes the flow ask for name instead ("Use another method"):
// an e-mailed code is sent (within the limits of "Request a new one"), a
// passkey ceremony begins; the app and the recovery codes need nothing.
func (s *Service) switchFactor(ctx context.Context, sess *session.Session, in Intent, u *store.User, f session.Flow, name string, m audit.Meta) (Challenge, error) {
	creds, err := store.CredentialsOf(ctx, s.db, u.ID)
	if err != nil {
		return Challenge{}, err
	}
	factor, err := s.factorFor(sess, in, f, creds, name)
	if err != nil {
		return Challenge{}, err
	}
	f.Method, f.Passkey = factor.Name(), nil
	// Sent as a resend: switching back and forth must not send more mail
	// than "Request a new one" may.
	ch, err := factor.Begin(ctx, u, f, true)
	if err != nil {
		return Challenge{}, s.CodesPaused(ctx, u, m, err)
	}
	f.Passkey = ch.Ceremony
	sess.StartFlow(f)
	return ch, nil
}

// Factors describes the second factors of a waiting flow.
type Factors struct {
	Asked   string
	Offered []string
}

func (s *Service) factorsOfFlow(ctx context.Context, sess *session.Session, in Intent, u *store.User, f session.Flow) (Factors, error) {
	creds, err := store.CredentialsOf(ctx, s.db, u.ID)
	if err != nil {
		return Factors{}, err
	}
	return Factors{Asked: f.Method, Offered: names(s.offeredNow(sess, in, f, creds))}, nil
}

// SwitchLoginFactor is "Use another method" at a login's second step.
func (s *Service) SwitchLoginFactor(ctx context.Context, sess *session.Session, name string, m audit.Meta) (Challenge, Factors, error) {
	u, f, _, err := s.loginFlow(ctx, sess)
	if err != nil {
		return Challenge{}, Factors{}, err
	}
	ch, err := s.switchFactor(ctx, sess, IntentLogin, u, f, name, m)
	if err != nil {
		return Challenge{}, Factors{}, err
	}
	f, _ = sess.Flow()
	fs, err := s.factorsOfFlow(ctx, sess, IntentLogin, u, f)
	return ch, fs, err
}

// SwitchStepUpFactor is "Use another method" in a dialog's second step.
func (s *Service) SwitchStepUpFactor(ctx context.Context, sess *session.Session, name string, m audit.Meta) (Challenge, Factors, error) {
	u, f, _, err := s.stepUpFlow(ctx, sess)
	if err != nil {
		return Challenge{}, Factors{}, err
	}
	ch, err := s.switchFactor(ctx, sess, IntentStepUp, u, f, name, m)
	if err != nil {
		return Challenge{}, Factors{}, err
	}
	f, _ = sess.Flow()
	fs, err := s.factorsOfFlow(ctx, sess, IntentStepUp, u, f)
	return ch, fs, err
}

// LoginFactors describes the second step a login waits in (for a page that
// was reloaded).
func (s *Service) LoginFactors(ctx context.Context, sess *session.Session) (Factors, error) {
	u, f, _, err := s.loginFlow(ctx, sess)
	if err != nil {
		return Factors{}, err
	}
	return s.factorsOfFlow(ctx, sess, IntentLogin, u, f)
}

// BeginStepUpPasskey starts a dialog's step-up for action with a passkey
// instead of the password: a user-verified passkey is two factors, so its
// answer (ConfirmStepUp, or ConfirmTwoFactor to switch two-factor
// authentication off, with the method MethodPasskey) grants the change on
// its own. Switching the e-mailed code on still needs that code.
func (s *Service) BeginStepUpPasskey(ctx context.Context, sess *session.Session, action string) ([]byte, error) {
	if !IsAction(action) || action == ActionTwoFactorOn {
		return nil, ErrUnknownAction
	}
	u, err := store.UserByID(ctx, s.db, sess.UserID())
	if err != nil {
		return nil, err
	}
	creds, err := store.CredentialsOf(ctx, s.db, u.ID)
	if err != nil {
		return nil, err
	}
	if action == ActionTwoFactorOff && !s.twoFactorOn(creds) {
		return nil, ErrNothingToDo
	}
	id, err := s.flowID()
	if err != nil {
		return nil, err
	}
	f := session.Flow{Kind: session.FlowStepUp, ID: id, Action: action, Method: MethodPasskey, Started: s.clock.Now()}
	ch, err := passkeyMethod{s}.Begin(ctx, u, f, false)
	if err != nil {
		return nil, err
	}
	f.Passkey = ch.Ceremony
	sess.StartFlow(f)
	return ch.Passkey, nil
}
