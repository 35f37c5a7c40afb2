// Package secquestion is the concierge check: a question the customer
// picks and an answer only they know, which the support desk asks a caller.
// The answer is normalized (case, spaces, accents) and kept only as an
// argon2id hash; an agent types what the caller says and learns only
// "matches" or "does not match"; three misses in a row lock the check for
// 24 hours and tell the customer.
//
// It is never a way into an account: no answer resets a password, lifts a
// block or signs anyone in (OWASP ASVS 4.0 V2.5.2 forbids knowledge-based
// recovery). It is not a credential, so changing it leaves the security
// stamp alone.
package secquestion

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/uptrace/bun"
	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/notify"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// Rules with numbers.
const (
	MaxMisses    = 3
	LockDuration = 24 * time.Hour
	minAnswer    = 2
	maxAnswer    = 100
)

// Errors the API maps to answers.
var (
	ErrNoQuestion     = errors.New("secquestion: no question set")
	ErrUnknown        = errors.New("secquestion: not a question of the list")
	ErrAnswerLength   = errors.New("secquestion: answer too short or too long")
	ErrReauthRequired = errors.New("secquestion: re-authentication required")
)

// LockedError says the check is locked until Until.
type LockedError struct{ Until time.Time }

func (e *LockedError) Error() string {
	return "secquestion: locked until " + e.Until.Format(time.RFC3339)
}

// Service sets and checks security questions.
type Service struct {
	db     *bun.DB
	clock  clock.Clock
	hasher *auth.Hasher
	notify *notify.Notifier
}

// New returns a Service hashing with hasher (auth's argon2id Hasher).
func New(db *bun.DB, clk clock.Clock, hasher *auth.Hasher, n *notify.Notifier) *Service {
	return &Service{db: db, clock: clk, hasher: hasher, notify: n}
}

// fold drops accents (decompose, remove the combining marks) and folds
// case the Unicode way ("Straße" and "STRASSE" are one answer).
var fold = transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), cases.Fold(), norm.NFC)

// Normalize is the form in which an answer is hashed and compared: case,
// accents and spaces do not count ("  Müller-Lüdenscheidt " and
// "muller-ludenscheidt" match).
func Normalize(answer string) string {
	folded, _, err := transform.String(fold, answer)
	if err != nil {
		folded = strings.ToLower(answer)
	}
	return strings.Join(strings.Fields(folded), " ")
}

// Choices lists the questions a customer can pick, in lang.
func Choices(lang string) []api.SecurityQuestionChoice {
	out := make([]api.SecurityQuestionChoice, 0, len(i18n.SecurityQuestions))
	for _, id := range i18n.SecurityQuestions {
		out = append(out, api.SecurityQuestionChoice{ID: id, Text: Text(lang, id)})
	}
	return out
}

// Text is a question's wording in lang.
func Text(lang, id string) string { return i18n.T(lang, i18n.Key("question."+id)) }

// State tells whether the account has a question, and which.
func (s *Service) State(ctx context.Context, userID int64, lang string) (api.SecurityQuestionState, error) {
	q, err := store.SecurityQuestionOf(ctx, s.db, userID)
	if errors.Is(err, store.ErrNotFound) {
		return api.SecurityQuestionState{}, nil
	}
	if err != nil {
		return api.SecurityQuestionState{}, err
	}
	out := api.SecurityQuestionState{Set: true, Question: Text(lang, q.Question), UpdatedAt: q.UpdatedAt.UTC().Format(time.RFC3339)}
	if q.LockedUntil != nil && q.LockedUntil.After(s.clock.Now()) {
		out.LockedUntil = q.LockedUntil.UTC().Format(time.RFC3339)
	}
	return out, nil
}

// Set stores the question and answer after a fresh step-up, and tells the
// owner by mail.
func (s *Service) Set(ctx context.Context, sess *session.Session, question, answer string, m audit.Meta) error {
	if !slices.Contains(i18n.SecurityQuestions, question) {
		return ErrUnknown
	}
	normalized := Normalize(answer)
	if n := utf8.RuneCountInString(normalized); n < minAnswer || n > maxAnswer {
		return ErrAnswerLength
	}
	if !sess.TakeGrant(auth.ActionSecurityQuestion, s.clock.Now()) {
		return ErrReauthRequired
	}
	hash, err := s.hasher.Hash(ctx, normalized)
	if err != nil {
		return err
	}
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		u, err := store.UserByID(ctx, tx, sess.UserID())
		if err != nil {
			return err
		}
		now := s.clock.Now()
		if err := store.SetSecurityQuestion(ctx, tx, &store.SecurityQuestion{UserID: u.ID, Question: question, AnswerHash: hash, UpdatedAt: now}); err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, now, u.ID, audit.EventSecurityQuestionSet, m); err != nil {
			return err
		}
		return s.notify.Send(ctx, tx, u, u.Email, mail.KindSecurityQuestionChanged, mail.Data{Link: s.notify.Link("/forgot-password", "")})
	})
	if err != nil {
		return fmt.Errorf("secquestion: set: %w", err)
	}
	s.notify.Kick()
	return nil
}

// Result is what a check tells the agent: whether the answer matched, and
// when this miss locked the check, until when.
type Result struct {
	Match       bool
	LockedUntil *time.Time
}

// Check compares what a caller answered with u's answer for the support
// desk and tells only whether it matched. The check is counted before the
// comparison, so parallel guesses cannot get past the limit; the third miss
// in a row locks it for 24 hours and mails the owner. Every check is a
// security event the owner sees.
func (s *Service) Check(ctx context.Context, u *store.User, answer string, m audit.Meta) (Result, error) {
	q, allowed, err := store.ReserveSecurityCheck(ctx, s.db, u.ID, MaxMisses, s.clock.Now())
	if errors.Is(err, store.ErrNotFound) {
		return Result{}, ErrNoQuestion
	}
	if err != nil {
		return Result{}, err
	}
	if !allowed {
		until := s.clock.Now().Add(LockDuration)
		if q.LockedUntil != nil && q.LockedUntil.After(s.clock.Now()) {
			until = *q.LockedUntil
		}
		return Result{}, &LockedError{Until: until}
	}
	ok, _, err := s.hasher.Verify(ctx, Normalize(answer), q.AnswerHash)
	if err != nil {
		return Result{}, fmt.Errorf("secquestion: verify answer of %d: %w", u.ID, err)
	}
	if ok {
		if err := store.SecurityCheckPassed(ctx, s.db, u.ID); err != nil {
			return Result{}, err
		}
		return Result{Match: true}, audit.Record(ctx, s.db, s.clock.Now(), u.ID, audit.EventSupportQuestionMatched, m)
	}
	locked, err := s.missed(ctx, u, q.Misses, m)
	return Result{LockedUntil: locked}, err
}

// missed records a wrong answer; the one that reaches the limit locks the
// check and mails the owner.
func (s *Service) missed(ctx context.Context, u *store.User, misses int, m audit.Meta) (*time.Time, error) {
	var lockedUntil *time.Time
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		now := s.clock.Now()
		if err := audit.Record(ctx, tx, now, u.ID, audit.EventSupportQuestionMissed, m); err != nil {
			return err
		}
		if misses < MaxMisses {
			return nil
		}
		until := now.Add(LockDuration)
		locked, err := store.LockSecurityCheck(ctx, tx, u.ID, now, until)
		if err != nil || !locked {
			return err
		}
		lockedUntil = &until
		if err := audit.Record(ctx, tx, now, u.ID, audit.EventSecurityQuestionLocked, m); err != nil {
			return err
		}
		return s.notify.Send(ctx, tx, u, u.Email, mail.KindSecurityQuestionLocked, mail.Data{
			Until: notify.FormatTime(until, u.Language), Link: s.notify.Link("/profile/security", ""),
		})
	})
	if err != nil {
		return nil, fmt.Errorf("secquestion: record miss: %w", err)
	}
	s.notify.Kick()
	return lockedUntil, nil
}
