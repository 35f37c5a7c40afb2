// Package portal wires one portal process together: configuration, database
// and migrations, mail worker, sweeper, sessions, use cases, API and app.
// main runs it; tests and the benchmark build it with their own clock or
// mail sender.
package portal

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/account"
	"github.com/minicorp/miniid/server/api"
	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/config"
	"github.com/minicorp/miniid/server/export"
	"github.com/minicorp/miniid/server/help"
	"github.com/minicorp/miniid/server/httpx"
	"github.com/minicorp/miniid/server/jobs"
	"github.com/minicorp/miniid/server/keyring"
	"github.com/minicorp/miniid/server/linktoken"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/metrics"
	"github.com/minicorp/miniid/server/notify"
	"github.com/minicorp/miniid/server/oidc"
	"github.com/minicorp/miniid/server/otp"
	"github.com/minicorp/miniid/server/pages"
	"github.com/minicorp/miniid/server/profile"
	"github.com/minicorp/miniid/server/ratelimit"
	"github.com/minicorp/miniid/server/secquestion"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/sms"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/server/support"
	"github.com/minicorp/miniid/server/sweep"
	"github.com/minicorp/miniid/server/web"
	"github.com/minicorp/miniid/static"
)

// Portal is one running portal process.
type Portal struct {
	cfg     config.Config
	auth    *auth.Service
	help    *help.Service
	db      *bun.DB
	worker  *mail.Worker
	jobs    *jobs.Runner
	sweeper *sweep.Sweeper
	handler http.Handler
	log     *slog.Logger
	metrics *metrics.Metrics
	// draining is set once shutdown began: /readyz then answers 503, so a
	// load balancer stops sending new requests while those in flight end.
	draining atomic.Bool
}

// Options let tests and the benchmark swap parts; zero values mean the real ones.
type Options struct {
	Clock  clock.Clock
	Static fs.FS
	Email  mail.Sender // replaces Mailgun or the dev mailbox
	Rand   io.Reader
	// TwilioAPIBase points the Twilio client at a stand-in of its API.
	TwilioAPIBase string
}

// New builds a portal from the environment read through getenv.
func New(ctx context.Context, getenv func(string) string, log *slog.Logger, o Options) (*Portal, error) {
	cfg, err := config.FromEnv(getenv)
	if err != nil {
		return nil, err
	}
	limitMemory(getenv)
	if err := cfg.LoadOrCreateSecret(); err != nil {
		return nil, err
	}
	clients, err := oidc.LoadClients(cfg.OIDC.ClientsFile, cfg.OIDC.IDTokenTTL)
	if err != nil {
		return nil, err
	}
	if o.Clock == nil {
		o.Clock = clock.System{}
	}
	if o.Rand == nil {
		o.Rand = rand.Reader
	}
	if o.Static == nil {
		o.Static = static.FS
	}
	db, err := store.Open(ctx, cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		return nil, err
	}
	if err := store.Migrate(ctx, db); err != nil {
		db.Close()
		return nil, err
	}

	p := &Portal{cfg: cfg, db: db, log: log, metrics: metrics.New(db)}
	mux := http.NewServeMux()
	var texts mail.SMSSender
	email := o.Email
	switch {
	case email != nil && cfg.Care.Twilio():
		texts = smsSender(cfg, o)
	case email != nil:
		texts = email
	case cfg.DevMode():
		email = mail.NewDevMailbox(db, o.Clock)
		texts = email
		dev := mail.DevMailboxHandler(db)
		mux.Handle("GET /dev/mailbox", dev)
		mux.Handle("GET /dev/mailbox.json", dev)
		log.Info("dev mode: mail goes to the dev mailbox", "url", cfg.BaseURL.String()+"/dev/mailbox")
		if cfg.DevMailboxIsPublic() {
			log.Warn("DEV_MAILBOX=1: every mail, reset links and codes included, is readable by anyone who can reach this address", "url", cfg.BaseURL.String()+"/dev/mailbox")
		}
	default:
		email = mail.NewMailgun(cfg.MailgunDomain, cfg.MailgunAPIKey, cfg.MailgunAPIBase, cfg.MailFrom)
		texts = smsSender(cfg, o)
	}
	// By default 20 tries with backoff capped at 10 minutes: a provider
	// outage of about two hours delays mail but loses none (config.Outbox).
	worker := mail.NewWorker(db, p.metrics.CountDeliveries(email), p.metrics.CountDeliveries(texts), o.Clock, log, mail.WorkerOptions{
		MaxAttempts: cfg.Outbox.MaxAttempts, BaseBackoff: cfg.Outbox.RetryFirst, MaxBackoff: cfg.Outbox.RetryMax,
		Lease: cfg.Outbox.ClaimLease, PollInterval: min(time.Second, cfg.Outbox.RetryFirst),
	})

	keys := keyring.New(cfg.SecretKeys...)
	sessions := session.NewStore(db, keys, o.Clock, o.Rand, cfg.Secure())
	notifier := notify.New(o.Clock, cfg.BaseURL, cfg.Brand, worker)
	notifier.ObserveEnqueued(func(k mail.Kind) { p.metrics.Enqueued(string(k), k.Channel(), k.CarriesCode()) })
	hasher := auth.NewHasher(auth.OWASP, o.Rand, 0)
	hasher.ObserveWait(p.metrics.HashWait)
	tokens := linktoken.New(keys, o.Clock, o.Rand)
	codes := otp.New(keys, o.Clock, o.Rand)
	runner := jobs.New(db, o.Clock, log)
	runner.SetLease(cfg.Outbox.ClaimLease)
	authSvc := auth.New(auth.Deps{
		DB: db, Clock: o.Clock, Rand: o.Rand, Keys: keys, Hasher: hasher,
		Codes: codes, Tokens: tokens, Notify: notifier, Jobs: runner, Log: log, BaseURL: cfg.BaseURL, Brand: cfg.Brand,
	})
	accountSvc := account.New(account.Deps{DB: db, Clock: o.Clock, Rand: o.Rand, Auth: authSvc, Tokens: tokens, Codes: codes, Notify: notifier,
		Jobs: runner, Documents: cfg.Care.Documents()})
	if err := help.Load(ctx, db, cfg.Brand); err != nil {
		db.Close()
		return nil, err
	}
	helpSvc, err := help.New(db, o.Clock, cfg.Brand)
	if err != nil {
		db.Close()
		return nil, err
	}
	webHandler := web.New(web.Options{Brand: cfg.Brand, Domain: cfg.BaseURL.Host, Static: o.Static,
		TermsURL: cfg.Care.TermsURL, PrivacyURL: cfg.Care.PrivacyURL,
		Exists: func(path string) bool {
			slug, isHelp := strings.CutPrefix(path, "/help/")
			return !isHelp || helpSvc.Has(slug)
		}})
	provider, err := oidc.New(oidc.Deps{Config: cfg, DB: db, Clock: o.Clock, Rand: o.Rand, Keys: keys, Clients: clients,
		Sessions: sessions, Auth: authSvc, Pages: webHandler, Log: log})
	if err == nil {
		err = provider.Start(ctx)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	provider.Routes(mux)
	questions := secquestion.New(db, o.Clock, hasher, notifier)
	supportSvc := support.New(support.Deps{DB: db, Clock: o.Clock, Auth: authSvc, Account: accountSvc, Notify: notifier, Questions: questions})
	// One set of per-IP budgets for the API and the HTML forms (and every
	// other process on this database).
	limits := ratelimit.New(db, keys, o.Clock.Now)
	apiServer := api.New(api.Deps{Config: cfg, DB: db, Clock: o.Clock, Auth: authSvc, Sessions: sessions, Help: helpSvc, Keys: keys, Account: accountSvc,
		OIDC: provider, Log: log, Metrics: p.metrics, Support: supportSvc, Questions: questions,
		Export: export.New(db, o.Clock, authSvc, notifier, provider), Pictures: profile.New(db, o.Clock), Limits: limits})
	apiServer.Routes(mux)

	p.probes(mux)
	pages.New(pages.Deps{
		Auth: authSvc, Account: accountSvc, Clock: o.Clock, Web: webHandler, API: mux, Log: log,
		Guard: &httpx.Guard{Sessions: sessions, Base: cfg.BaseURL, Secure: cfg.Secure(), Limits: limits},
	}).Routes(mux)

	p.handler = api.ClientIP(cfg.TrustedProxies, api.SecurityHeaders(cfg.Secure(), p.metrics.Instrument(mux)))
	p.sweeper = sweep.New(db, o.Clock, log, sweep.Options{Retention: cfg.Retention, SessionIdle: session.IdleTimeout,
		More: map[string]func(context.Context, bun.IDB, time.Time) (int64, error){"account_deletions": accountSvc.PurgeDue}})
	p.auth, p.help, p.worker, p.jobs = authSvc, helpSvc, worker, runner
	return p, nil
}

// Serve listens on PORT until ctx ends, then stops accepting, drains the
// requests in flight and stops the mail worker and the sweeper.
func (p *Portal) Serve(ctx context.Context) error {
	ln, err := net.Listen("tcp", ":"+strconv.Itoa(p.cfg.Port))
	if err != nil {
		return fmt.Errorf("listen on PORT %d: %w", p.cfg.Port, err)
	}
	return p.ServeListener(ctx, ln)
}

// ServeListener is Serve on a given listener (tests and the benchmark).
func (p *Portal) ServeListener(ctx context.Context, ln net.Listener) error {
	return p.ServeListenerWith(ctx, ln, nil)
}

// ServeListenerWith is ServeListener with the portal's handler passed
// through wrap first (the benchmark adds its own endpoints around it).
func (p *Portal) ServeListenerWith(ctx context.Context, ln net.Listener, wrap func(http.Handler) http.Handler) error {
	handler := p.handler
	if wrap != nil {
		handler = wrap(handler)
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    32 << 10,
	}
	// The mail worker, the jobs runner and the sweeper stop after the
	// requests: each finishes what it has claimed (a mail, a job) before it
	// returns, and the process waits for them, so that a deployment's
	// SIGTERM leaves nothing half-done under a lease.
	workerCtx, stopWorker := context.WithCancel(context.WithoutCancel(ctx))
	workerDone := make(chan struct{})
	var background sync.WaitGroup
	for _, run := range []func(context.Context){p.worker.Run, p.jobs.Run, p.sweeper.Run, p.releaseMemory} {
		background.Add(1)
		go func() { defer background.Done(); run(workerCtx) }()
	}
	go func() { background.Wait(); close(workerDone) }()
	metricsDone, err := p.serveMetrics(workerCtx)
	if err != nil {
		stopWorker()
		<-workerDone
		return err
	}

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	p.log.Info("portal listening", "addr", ln.Addr().String(), "base_url", p.cfg.BaseURL.String(), "brand", p.cfg.Brand)

	select {
	case err := <-errc:
		stopWorker()
		<-workerDone
		<-metricsDone
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	case <-ctx.Done():
	}
	p.log.Info("shutting down: draining requests")
	p.draining.Store(true)
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err = srv.Shutdown(shutdownCtx)
	stopWorker()
	<-workerDone
	<-metricsDone
	p.log.Info("stopped")
	return err
}

// Close releases the database.
func (p *Portal) Close() error {
	store.ForgetPrepared(p.db)
	return p.db.Close()
}

// Handler is the portal's whole HTTP handler (for httptest).
func (p *Portal) Handler() http.Handler { return p.handler }

// Sweeper removes expired rows (tests run a Round).
func (p *Portal) Sweeper() *sweep.Sweeper { return p.sweeper }

// Worker is the mail worker (tests deliver mail with DeliverDue).
func (p *Portal) Worker() *mail.Worker { return p.worker }

// Jobs is the jobs runner (tests run the jobs due with RunDue).
func (p *Portal) Jobs() *jobs.Runner { return p.jobs }

// DB is the portal's database.
func (p *Portal) DB() *bun.DB { return p.db }

// Config is the configuration the portal runs with.
func (p *Portal) Config() config.Config { return p.cfg }

// Auth is the account-access service.
func (p *Portal) Auth() *auth.Service { return p.auth }

// smsSender is Twilio when it is configured; else every SMS fails at once
// (and the portal does not offer Phone ID, see config.SMSAvailable).
func smsSender(cfg config.Config, o Options) mail.SMSSender {
	if !cfg.Care.Twilio() {
		return mail.NoSMSProvider()
	}
	return sms.NewTwilio(cfg.Care.TwilioAccountSID, cfg.Care.TwilioAuthToken, cfg.Care.TwilioFrom, sms.Options{APIBase: o.TwilioAPIBase})
}

// softMemoryLimit keeps a login storm small: every argon2id verification
// allocates 19 MiB (x/crypto makes a fresh buffer each time), so with the
// default GOGC the heap grows to several times the live set between
// collections. A soft limit makes the collector run earlier instead. It is
// only a default: GOMEMLIMIT in the environment wins.
const softMemoryLimit = 96 << 20

func limitMemory(getenv func(string) string) {
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
}
