package auth

import (
	"context"
	"errors"
	"fmt"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/notify"
	"github.com/minicorp/miniid/server/otp"
	"github.com/minicorp/miniid/server/store"
)

// CodesPaused passes err on; when it is a pause of the account's codes (its
// hourly budget of codes sent or wrong entries is spent), the owner is told
// once per pause by mail and in the security events: someone who asks for
// that many codes, or guesses that many, may know the password.
func (s *Service) CodesPaused(ctx context.Context, u *store.User, m audit.Meta, err error) error {
	var p *otp.PausedError
	if !errors.As(err, &p) {
		return err
	}
	first, terr := s.codes.TellOnce(ctx, s.db, p)
	if terr != nil || !first {
		return errors.Join(err, terr)
	}
	terr = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := s.event(ctx, tx, u.ID, audit.EventCodesPaused, m); err != nil {
			return err
		}
		return s.notify.Send(ctx, tx, u, u.Email, mail.KindCodesPaused, mail.Data{
			Until: notify.FormatTime(p.Until, u.Language), Link: s.notify.Link("/forgot-password", ""),
		})
	})
	if terr != nil {
		return errors.Join(err, fmt.Errorf("auth: tell of paused codes: %w", terr))
	}
	s.notify.Kick()
	return err
}
