package portal_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/portal"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

const twilioSID = "AC0123456789abcdef0123456789abcdef"

// twilioStandIn answers Twilio's Messages API: 201, or failStatus while it
// is set.
type twilioStandIn struct {
	mu         sync.Mutex
	bodies     []string
	failStatus int
}

func (s *twilioStandIn) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !strings.HasSuffix(r.URL.Path, "/Accounts/"+twilioSID+"/Messages.json") {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if s.failStatus != 0 {
		w.WriteHeader(s.failStatus)
		w.Write([]byte(`{"code":20500,"message":"Internal Server Error","status":500}`))
		return
	}
	r.ParseForm()
	s.bodies = append(s.bodies, r.PostForm.Get("To")+" "+r.PostForm.Get("Body"))
	w.WriteHeader(http.StatusCreated)
	w.Write([]byte(`{"sid":"SM1","status":"queued"}`))
}

func twilioEnv() map[string]string {
	return map[string]string{"BASE_URL": "https://id.example.com", "MAILGUN_DOMAIN": "mg.example.com", "MAILGUN_API_KEY": "key-test",
		"TWILIO_ACCOUNT_SID": twilioSID, "TWILIO_AUTH_TOKEN": "0123456789abcdef0123456789abcdef", "TWILIO_FROM": "+4915112345678"}
}

// Phone ID codes go through the outbox to Twilio like mail to Mailgun: an
// outage of Twilio delays the SMS, the worker retries it, none is lost.
func TestSMSGoesThroughTheOutboxToTwilio(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		stand := &twilioStandIn{failStatus: http.StatusInternalServerError}
		srv := httptest.NewServer(stand)
		defer srv.Close()
		p := start(t, db, twilioEnv(), portal.Options{Email: &provider{}, TwilioAPIBase: srv.URL})
		ctx := context.Background()
		if err := mail.Enqueue(ctx, p.DB(), clk.Now(), mail.Message{Channel: mail.ChannelSMS, To: "+491701234567", Text: "Your MINI ID code: 493817"}); err != nil {
			t.Fatal(err)
		}
		if n, err := p.Worker().DeliverDue(ctx); err != nil || n != 0 {
			t.Fatalf("delivered %d during Twilio's outage: %v", n, err)
		}
		var row store.OutboxMail
		if err := p.DB().NewSelect().Model(&row).Where("channel = 'sms'").Scan(ctx); err != nil {
			t.Fatal(err)
		}
		if row.Attempts != 1 || row.DeadAt != nil || row.SentAt != nil {
			t.Fatalf("after a failed try: %+v", row)
		}
		stand.mu.Lock()
		stand.failStatus = 0
		stand.mu.Unlock()
		clk.Advance(time.Minute)
		if n, err := p.Worker().DeliverDue(ctx); err != nil || n != 1 {
			t.Fatalf("delivered %d once Twilio is back: %v", n, err)
		}
		if len(stand.bodies) != 1 || stand.bodies[0] != "+491701234567 Your MINI ID code: 493817" {
			t.Fatalf("Twilio got %v", stand.bodies)
		}
	})
}

// A production portal without an SMS provider does not offer Phone ID: its
// profile says so and a new number is refused, instead of a code that
// never arrives.
func TestNoPhoneIDWithoutSMS(t *testing.T) {
	db := testenv.SQLite(t)
	mails := &provider{}
	env := map[string]string{"BASE_URL": "https://id.example.com", "MAILGUN_DOMAIN": "mg.example.com", "MAILGUN_API_KEY": "key-test"}
	p := start(t, db, env, portal.Options{Email: mails})
	srv := httptest.NewTLSServer(p.Handler())
	defer srv.Close()
	// Behind HTTPS the cookies are __Host- and Secure: the browser speaks TLS.
	c := (&portaltest.Env{T: t, URL: srv.URL, Portal: p}).Client()
	c.HTTP.Transport = srv.Client().Transport
	if r := c.Post(api.PathRegister, portaltest.Registration("nophone@example.com")); r.Status != 202 {
		t.Fatalf("register: %d %s", r.Status, r.Body)
	}
	p.Jobs().RunDue(context.Background()) // the registration, handed on
	p.Worker().DeliverDue(context.Background())
	tok := ""
	for _, m := range mails.sent {
		if i := strings.Index(m.Text, "token="); i >= 0 {
			tok = strings.Fields(m.Text[i+len("token="):])[0]
		}
	}
	if r := c.Post(api.PathConfirm, api.ConfirmRequest{Token: tok}); r.Status != 200 {
		t.Fatalf("confirm: %d %s", r.Status, r.Body)
	}
	var me api.Me
	if r := c.Get(api.PathMe); r.Status != 200 {
		t.Fatalf("me: %d", r.Status)
	} else if r.JSON(t, &me); me.PhoneIDAvailable {
		t.Fatal("the profile offers Phone ID without an SMS provider")
	}
	c.Post(api.PathReauth, api.ReauthRequest{Action: api.ActionPhone, Password: portaltest.Password})
	if r := c.Post(api.PathPhone, api.PhoneRequest{Phone: "+491701234567"}); r.Status != 409 || r.Error(t).Code != api.CodeUnavailable {
		t.Fatalf("a new Phone ID without SMS: %d %s", r.Status, r.Body)
	}
}
