package mail_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/mail"
)

const signingKey = "key-webhook-test"

// mailgunEvent is a webhook body the way Mailgun signs it: HMAC-SHA256 of
// timestamp and token under the webhook signing key.
func mailgunEvent(key string, at time.Time, token string, event map[string]any) []byte {
	ts := strconv.FormatInt(at.Unix(), 10)
	h := hmac.New(sha256.New, []byte(key))
	h.Write([]byte(ts + token))
	body, _ := json.Marshal(map[string]any{
		"signature":  map[string]string{"timestamp": ts, "token": token, "signature": hex.EncodeToString(h.Sum(nil))},
		"event-data": event,
	})
	return body
}

func TestMailgunWebhook(t *testing.T) {
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	bounce := map[string]any{"event": "failed", "severity": "permanent", "recipient": "gone@example.com", "timestamp": 1.7e9, "id": "a"}
	cases := []struct {
		name string
		body []byte
		want mail.Delivery
		err  error
	}{
		{"a permanent bounce", mailgunEvent(signingKey, now, "t1", bounce), mail.Delivery{Recipient: "gone@example.com", Reason: mail.Bounced}, nil},
		{"a complaint", mailgunEvent(signingKey, now, "t2", map[string]any{"event": "complained", "recipient": "angry@example.com", "timestamp": 1.7e9, "id": "b"}),
			mail.Delivery{Recipient: "angry@example.com", Reason: mail.Complained}, nil},
		{"a temporary failure", mailgunEvent(signingKey, now, "t3", map[string]any{"event": "failed", "severity": "temporary", "recipient": "busy@example.com", "timestamp": 1.7e9, "id": "c"}), mail.Delivery{}, nil},
		{"a delivery", mailgunEvent(signingKey, now, "t4", map[string]any{"event": "delivered", "recipient": "fine@example.com", "timestamp": 1.7e9, "id": "d"}), mail.Delivery{}, nil},
		{"signed with another key", mailgunEvent("key-of-someone-else", now, "t5", bounce), mail.Delivery{}, mail.ErrBadSignature},
		{"an hour old (a replay)", mailgunEvent(signingKey, now.Add(-time.Hour), "t6", bounce), mail.Delivery{}, mail.ErrStale},
		{"not JSON", []byte("recipient=gone@example.com"), mail.Delivery{}, mail.ErrBadSignature},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := mail.ParseMailgunWebhook(signingKey, c.body, now)
			if !errors.Is(err, c.err) || got != c.want {
				t.Fatalf("got %+v, %v; want %+v, %v", got, err, c.want, c.err)
			}
		})
	}
	// A forged body under a real signature does not verify either.
	body := mailgunEvent(signingKey, now, "t7", bounce)
	var m map[string]json.RawMessage
	json.Unmarshal(body, &m)
	m["signature"] = json.RawMessage(`{"timestamp":"` + strconv.FormatInt(now.Unix(), 10) + `","token":"other","signature":"00"}`)
	forged, _ := json.Marshal(m)
	if _, err := mail.ParseMailgunWebhook(signingKey, forged, now); !errors.Is(err, mail.ErrBadSignature) {
		t.Fatalf("forged signature: %v", err)
	}
}
