package portal_test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/portal"
	"github.com/minicorp/miniid/server/store"
)

func signedEvent(key, token string, event map[string]any) []byte {
	ts := strconv.FormatInt(clk.Now().Unix(), 10)
	h := hmac.New(sha256.New, []byte(key))
	h.Write([]byte(ts + token))
	body, _ := json.Marshal(map[string]any{
		"signature":  map[string]string{"timestamp": ts, "token": token, "signature": hex.EncodeToString(h.Sum(nil))},
		"event-data": event,
	})
	return body
}

// With MAILGUN_WEBHOOK_SIGNING_KEY the portal takes Mailgun's signed
// bounce and complaint events and marks the address; an unsigned request
// changes nothing. Without the key there is no such endpoint.
func TestMailgunWebhookMarksAddresses(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		p := start(t, db, map[string]string{"BASE_URL": "https://id.example.com", "MAILGUN_DOMAIN": "mg.example.com",
			"MAILGUN_API_KEY": "key-test", "MAILGUN_WEBHOOK_SIGNING_KEY": "whk-test"}, portal.Options{Email: &provider{}})
		post := func(body []byte) int {
			rec := httptest.NewRecorder()
			p.Handler().ServeHTTP(rec, httptest.NewRequest("POST", "/webhooks/mailgun", bytes.NewReader(body)))
			return rec.Code
		}
		bounce := map[string]any{"event": "failed", "severity": "permanent", "recipient": "Gone@Example.com", "timestamp": 1.7e9, "id": "x"}
		if code := post(signedEvent("not-the-key", "t1", bounce)); code != 406 {
			t.Fatalf("a forged event: %d", code)
		}
		if reason, _ := store.UndeliverableReason(context.Background(), p.DB(), "gone@example.com"); reason != "" {
			t.Fatalf("a forged event marked the address: %q", reason)
		}
		if code := post(signedEvent("whk-test", "t2", bounce)); code != 200 {
			t.Fatalf("a signed bounce: %d", code)
		}
		if reason, _ := store.UndeliverableReason(context.Background(), p.DB(), "gone@example.com"); reason != "bounced" {
			t.Fatalf("after a bounce: %q", reason)
		}
		plain := start(t, db, map[string]string{"BASE_URL": "https://id.example.com", "MAILGUN_DOMAIN": "mg.example.com",
			"MAILGUN_API_KEY": "key-test"}, portal.Options{Email: &provider{}})
		rec := httptest.NewRecorder()
		plain.Handler().ServeHTTP(rec, httptest.NewRequest("POST", "/webhooks/mailgun", bytes.NewReader(signedEvent("whk-test", "t3", bounce))))
		if rec.Code == 200 {
			t.Fatalf("the webhook answers without a signing key configured")
		}
	})
}
