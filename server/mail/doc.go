// Package mail delivers the portal's e-mail and SMS.
//
// Use cases write a Message to the outbox with Enqueue, inside the
// transaction of the change that causes it, and Kick the Worker after the
// commit. The Worker delivers the outbox through a Sender, retrying with
// backoff, so a provider outage delays mail but loses none; several portal
// processes on one PostgreSQL each run a Worker and never send a row twice.
// Compose writes the texts, in English and German. A delivered row keeps its
// recipient, subject and times but not its bodies, which hold live links and
// codes (see store.MarkOutboxSent).
//
// Wiring in main:
//
//	var email, sms mail.Sender
//	if !cfg.DevMode() { // production: Mailgun
//		email = mail.NewMailgun(cfg.MailgunDomain, cfg.MailgunAPIKey, cfg.MailgunAPIBase, from)
//		sms = mail.NoSMSProvider() // no SMS provider yet: SMS are marked dead and logged
//	} else { // dev mode: DEV_MAILBOX=1, or an http loopback BASE_URL
//		email = mail.NewDevMailbox(db, clock.System{})
//		sms = email
//		mux.Handle("GET /dev/", mail.DevMailboxHandler(db))
//	}
//	worker := mail.NewWorker(db, email, sms, clock.System{}, slog.Default(), mail.WorkerOptions{})
//	go worker.Run(ctx) // returns when ctx ends, after the send in flight
//
// An SMS without a provider is not retried: NoSMSProvider fails it with a
// Permanent error, so the row gets dead_at at once and a slog.Error record
// (outbox id only, never the number or the text).
package mail
