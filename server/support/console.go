package support

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/notify"
	"github.com/minicorp/miniid/server/secquestion"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/validate"
)

const (
	maxHits   = 20
	maxEvents = 20
)

// Find looks customers up by e-mail address, Phone ID or name.
func (s *Service) Find(ctx context.Context, query string) ([]api.SupportCustomer, error) {
	query = strings.TrimSpace(query)
	var email, phone string
	var words []string
	switch {
	case strings.Contains(query, "@"):
		email = validate.NormalizeEmail(query)
	case strings.HasPrefix(query, "+") || (query != "" && query[0] >= '0' && query[0] <= '9'):
		phone = validate.NormalizePhone(query)
	default:
		for _, w := range strings.Fields(query) {
			if utf8.RuneCountInString(w) >= 2 {
				words = append(words, w)
			}
		}
		if len(words) == 0 {
			return nil, ErrQueryShort
		}
	}
	users, err := store.FindUsers(ctx, s.db, email, phone, words, maxHits)
	if err != nil {
		return nil, err
	}
	out := make([]api.SupportCustomer, 0, len(users))
	for i := range users {
		out = append(out, hit(&users[i]))
	}
	return out, nil
}

func hit(u *store.User) api.SupportCustomer {
	c := api.SupportCustomer{ID: u.ID, Email: u.Email, Name: notify.DisplayName(u), Confirmed: u.EmailConfirmedAt != nil}
	if u.Phone != nil {
		c.Phone = *u.Phone
	}
	return c
}

func customer(ctx context.Context, s *Service, id int64) (*store.User, error) {
	u, err := store.UserByID(ctx, s.db, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, ErrNoCustomer
	}
	return u, err
}

func stamp(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// Status is what an agent sees of a customer: state and history, never a
// password hash, code, token or answer.
func (s *Service) Status(ctx context.Context, id int64, lang string) (api.SupportStatus, error) {
	u, err := customer(ctx, s, id)
	if err != nil {
		return api.SupportStatus{}, err
	}
	now := s.clock.Now()
	out := api.SupportStatus{
		SupportCustomer: hit(u), City: u.City, Country: u.Country,
		CreatedAt: u.CreatedAt.UTC().Format(time.RFC3339), PhoneVerified: u.PhoneVerifiedAt != nil,
		Factors: []string{}, Events: []api.SecurityEvent{},
	}
	blocked, err := s.auth.BlockedUntil(ctx, u)
	if err != nil {
		return out, err
	}
	out.BlockedUntil = stamp(blocked)
	if out.Factors, err = s.auth.SecondFactorNames(ctx, u.ID); err != nil {
		return out, err
	}
	if out.Sessions, err = store.CountUserSessions(ctx, s.db, u.ID, now, now.Add(-session.IdleTimeout)); err != nil {
		return out, err
	}
	q, err := s.questions.State(ctx, u.ID, lang)
	if err != nil {
		return out, err
	}
	out.HasSecurityQuestion, out.Question, out.QuestionLockedUntil = q.Set, q.Question, q.LockedUntil
	if d, err := store.DeletionOf(ctx, s.db, u.ID); err == nil {
		out.DeletionAfter = d.DeleteAfter.UTC().Format(time.RFC3339)
	} else if !errors.Is(err, store.ErrNotFound) {
		return out, err
	}
	if out.Undeliverable, err = store.UndeliverableReason(ctx, s.db, u.Email); err != nil {
		return out, err
	}
	events, err := store.RecentEvents(ctx, s.db, u.ID, maxEvents)
	if err != nil {
		return out, err
	}
	for _, e := range events {
		out.Events = append(out.Events, api.SecurityEvent{Kind: e.Kind, At: e.CreatedAt.UTC().Format(time.RFC3339),
			Device: audit.Device(e.UserAgent), Network: audit.Network(e.IP)})
	}
	return out, nil
}

// CheckAnswer checks what a caller answered to the customer's security
// question; the agent learns only whether it matched. The check is in the
// audit log like every action.
func (s *Service) CheckAnswer(ctx context.Context, agent *store.User, id int64, answer string, lang string) (secquestion.Result, error) {
	u, err := customer(ctx, s, id)
	if err != nil {
		return secquestion.Result{}, err
	}
	res, err := s.questions.Check(ctx, u, answer, audit.Meta{Lang: lang})
	if err != nil {
		return res, err
	}
	outcome := "did not match"
	if res.Match {
		outcome = "matched"
	}
	return res, store.AddAgentAction(ctx, s.db, &store.AgentAction{
		AgentID: agent.ID, AgentEmail: agent.Email, CustomerID: u.ID, CustomerEmail: u.Email,
		Action: "check_security_question", Reason: outcome, CreatedAt: s.clock.Now(),
	})
}

// Log lists the newest entries of the agents' audit log.
func (s *Service) Log(ctx context.Context) ([]api.AgentLogEntry, error) {
	rows, err := store.RecentAgentActions(ctx, s.db, 200)
	if err != nil {
		return nil, err
	}
	out := make([]api.AgentLogEntry, 0, len(rows))
	for _, a := range rows {
		out = append(out, api.AgentLogEntry{At: a.CreatedAt.UTC().Format(time.RFC3339), Agent: a.AgentEmail,
			CustomerID: a.CustomerID, CustomerEmail: a.CustomerEmail, Action: a.Action, Reason: a.Reason})
	}
	return out, nil
}
