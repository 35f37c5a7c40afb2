package account

import (
	"context"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/linktoken"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
)

// Opened is what opening an e-mailed link did.
type Opened struct {
	Purpose       string // linktoken.Confirm, EmailChange or EmailUndo
	NeedsPassword bool   // nothing happened yet: the link asks for a new password
	SignedIn      bool   // a registration's link signed this browser in
	User          *store.User
}

// OpenLink carries out an e-mailed link: a registration's confirmation, an
// e-mail change's confirmation, or its undo. Where the link needs a password
// first (a registration outside the browser that made it, an undo) it says
// NeedsPassword and nothing has happened yet. The JSON API and the HTML
// confirmation page both open links here.
func (s *Service) OpenLink(ctx context.Context, sess *session.Session, token, password string, m audit.Meta) (Opened, error) {
	purpose, err := s.auth.LinkPurpose(ctx, token)
	if err != nil {
		return Opened{}, err
	}
	out := Opened{Purpose: purpose}
	switch purpose {
	case linktoken.Confirm:
		res, err := s.auth.Confirm(ctx, sess, token, password, m)
		if err != nil {
			return Opened{}, err
		}
		out.User, out.NeedsPassword, out.SignedIn = res.User, res.NeedsPassword, res.SignedIn
	case linktoken.EmailChange:
		if out.User, err = s.ConfirmEmailChange(ctx, token, m); err != nil {
			return Opened{}, err
		}
	case linktoken.EmailUndo:
		if password == "" {
			out.NeedsPassword = true
			break
		}
		if out.User, err = s.UndoEmailChange(ctx, token, password, m); err != nil {
			return Opened{}, err
		}
		if sess.UserID() == out.User.ID {
			sess.End() // every session of the account has ended
		}
	}
	return out, nil
}
