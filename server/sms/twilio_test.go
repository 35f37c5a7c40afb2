package sms_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/sms"
	"github.com/minicorp/miniid/server/store"
)

const (
	sid   = "AC0123456789abcdef0123456789abcdef"
	token = "0123456789abcdef0123456789abcdef"
	from  = "+4915112345678"
)

// standIn is a local stand-in of Twilio's Messages API: it checks each
// request the way Twilio does, keeps what it accepted, and fails on
// command.
type standIn struct {
	t       *testing.T
	mu      sync.Mutex
	sent    []map[string]string
	failing int // answer this status instead of 201
}

func (s *standIn) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	user, pass, ok := r.BasicAuth()
	if r.Method != "POST" || r.URL.Path != "/2010-04-01/Accounts/"+sid+"/Messages.json" || !ok || user != sid || pass != token {
		s.t.Errorf("not a Messages request: %s %s (auth %v)", r.Method, r.URL.Path, ok)
		w.WriteHeader(http.StatusNotFound)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.t.Errorf("form: %v", err)
	}
	w.Header().Set("Content-Type", "application/json")
	if s.failing != 0 {
		w.WriteHeader(s.failing)
		json.NewEncoder(w).Encode(map[string]any{"code": 21211, "message": "The 'To' number is not a valid phone number.", "status": s.failing})
		return
	}
	s.sent = append(s.sent, map[string]string{"To": r.PostForm.Get("To"), "From": r.PostForm.Get("From"), "Body": r.PostForm.Get("Body")})
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(map[string]any{"sid": "SM0123", "status": "queued"})
}

func TestTwilioSender(t *testing.T) {
	stand := &standIn{t: t}
	srv := httptest.NewServer(stand)
	defer srv.Close()
	sender := sms.NewTwilio(sid, token, from, sms.Options{APIBase: srv.URL})
	msg := store.OutboxMail{Channel: mail.ChannelSMS, To: "+491701234567", Text: "MINI ID code: 493817"}
	ctx := context.Background()

	if err := sender.Send(ctx, msg); err != nil {
		t.Fatalf("send: %v", err)
	}
	if len(stand.sent) != 1 || stand.sent[0]["To"] != msg.To || stand.sent[0]["From"] != from || stand.sent[0]["Body"] != msg.Text {
		t.Fatalf("the stand-in got %+v", stand.sent)
	}
	stand.failing = http.StatusServiceUnavailable
	if err := sender.Send(ctx, msg); err == nil || mail.IsPermanent(err) {
		t.Fatalf("a 503 must be retried: %v", err)
	}
	stand.failing = http.StatusBadRequest
	err := sender.Send(ctx, msg)
	if !mail.IsPermanent(err) || !strings.Contains(err.Error(), "21211") {
		t.Fatalf("a 400 is permanent: %v", err)
	}
	if err := sender.Send(ctx, store.OutboxMail{Channel: mail.ChannelEmail, To: "a@example.com", Text: "x"}); !mail.IsPermanent(err) {
		t.Fatalf("an e-mail row: %v", err)
	}
	srv.Close()
	if err := sender.Send(ctx, msg); err == nil || mail.IsPermanent(err) || errors.Is(err, context.Canceled) {
		t.Fatalf("Twilio unreachable must be retried: %v", err)
	}
}
