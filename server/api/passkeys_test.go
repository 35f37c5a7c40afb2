package api_test

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/softkey"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// A passkey created after a step-up logs in alone — no password, no code,
// even with two-factor authentication on — until it is removed.
func TestPasskeyLifecycle(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.StartOnLocalhost(t, db)
		a := newAccount(t, env, "pia@example.com")
		activate(t, env, a.c, a.email)

		// Without a fresh step-up there is no passkey to create.
		if r := a.c.Post(api.PathPasskeyBegin, nil); r.Status != 403 || r.Error(t).Code != api.CodeReauthRequired {
			t.Fatalf("begin without step-up: %d %s", r.Status, r.Body)
		}
		p := a.addPasskey(t, "  Work   laptop ")
		if p.Name != "Work laptop" || p.DeviceType != api.PasskeyDeviceBound || p.CreatedAt == "" || p.LastUsedAt != "" {
			t.Fatalf("new passkey: %+v", p)
		}
		if a.mailsWith("A passkey was added") != 1 {
			t.Fatal("no mail about the new passkey")
		}
		var me api.Me
		a.c.Get(api.PathMe).JSON(t, &me)
		if me.Passkeys != 1 {
			t.Fatalf("profile counts %d passkeys", me.Passkeys)
		}

		mailsBefore := len(env.Mails(a.email))
		c, r := a.passkeyLogin(t)
		var s api.Session
		r.JSON(t, &s)
		if r.Status != 200 || s.State != api.StateFull || s.Level != "phishing_resistant" || strings.Join(s.Methods, ",") != api.MethodPasskey {
			t.Fatalf("passkey login with two-factor on: %d %s", r.Status, r.Body)
		}
		if got := c.Get(api.PathMe); got.Status != 200 {
			t.Fatalf("profile after passkey login: %d", got.Status)
		}
		for _, m := range env.Mails(a.email)[:len(env.Mails(a.email))-mailsBefore] {
			if m.Code() != "" {
				t.Fatalf("a code was mailed for a passkey login: %q", m.Subject)
			}
		}
		var list []api.Passkey
		a.c.Get(api.PathPasskeys).JSON(t, &list)
		if len(list) != 1 || list[0].LastUsedAt == "" {
			t.Fatalf("list after use: %+v", list)
		}

		// Renaming needs no step-up; removing does, and a passkey alone
		// is enough for it.
		r = a.c.Post(api.PathPasskeyRename, api.PasskeyRenameRequest{ID: p.ID, Name: "Laptop"})
		if r.Status != 200 || !strings.Contains(string(r.Body), `"Laptop"`) {
			t.Fatalf("rename: %d %s", r.Status, r.Body)
		}
		if r := a.c.Post(api.PathPasskeyRename, api.PasskeyRenameRequest{ID: p.ID, Name: " "}); r.Status != 400 {
			t.Fatalf("empty name: %d %s", r.Status, r.Body)
		}
		if r := a.c.Post(api.PathPasskeyRemove, api.PasskeyIDRequest{ID: p.ID}); r.Status != 403 {
			t.Fatalf("remove without step-up: %d %s", r.Status, r.Body)
		}
		r = a.c.Post(api.PathReauthPasskey, api.StepUpPasskeyRequest{Action: api.ActionPasskeyRemove})
		var opts api.PasskeyOptions
		r.JSON(t, &opts)
		if r.Status != 200 {
			t.Fatalf("step-up by passkey: %d %s", r.Status, r.Body)
		}
		if r := a.c.Post(api.PathReauthConfirm, a.proof(t, a.c, api.MethodPasskey, opts.Options)); r.Status != 200 {
			t.Fatalf("step-up by passkey answer: %d %s", r.Status, r.Body)
		}
		if r := a.c.Post(api.PathPasskeyRemove, api.PasskeyIDRequest{ID: p.ID}); r.Status != 200 || string(r.Body) != "[]\n" {
			t.Fatalf("remove: %d %s", r.Status, r.Body)
		}
		if a.mailsWith("A passkey was removed") != 1 {
			t.Fatal("no mail about the removed passkey")
		}
		// The device still offers it; the portal refuses it.
		c, r = a.passkeyLogin(t)
		if r.Status != 401 || r.Error(t).Code != api.CodePasskeyRefused {
			t.Fatalf("login with a removed passkey: %d %s", r.Status, r.Body)
		}
		if s := c.Session(); s.State != api.StateNone {
			t.Fatalf("a refused passkey left the session %s", s.State)
		}
		var events []api.SecurityEvent
		a.c.Get(api.PathEvents).JSON(t, &events)
		kinds := ""
		for _, e := range events {
			kinds += e.Kind + " "
		}
		if !strings.Contains(kinds, "passkey_removed") || !strings.Contains(kinds, "passkey_added") {
			t.Fatalf("events: %s", kinds)
		}
	})
}

// What a passkey's answer must not get away with.
func TestPasskeyAttacks(t *testing.T) {
	env := portaltest.StartOnLocalhost(t, testenv.SQLite(t))
	a := newAccount(t, env, "pia@example.com")
	a.addPasskey(t, "Phone")
	b := newAccount(t, env, "ben@example.com")
	b.addPasskey(t, "Ben's phone")

	begin := func(c *portaltest.Client) []byte {
		t.Helper()
		env.Clock.Advance(7 * time.Second) // the per-address budget of login attempts
		var opts api.PasskeyOptions
		r := c.Post(api.PathLoginPasskey, api.PasskeyLoginRequest{})
		r.JSON(t, &opts)
		return opts.Options
	}
	finish := func(c *portaltest.Client, cred []byte) portaltest.Response {
		return c.Post(api.PathLoginPasskeyFinish, api.PasskeyCredentialRequest{Credential: cred})
	}

	t.Run("the user handle is random, not the address", func(t *testing.T) {
		var opts struct {
			PublicKey struct {
				User struct{ ID, Name string } `json:"user"`
				Sel  struct {
					ResidentKey, UserVerification string
				} `json:"authenticatorSelection"`
				Attestation string `json:"attestation"`
				RP          struct{ ID string }
			} `json:"publicKey"`
		}
		a.stepUp(t, api.ActionPasskeyAdd)
		a.c.Post(api.PathPasskeyBegin, nil).JSON(t, &struct{ Options *json.RawMessage }{})
		r := a.c.Post(api.PathPasskeyBegin, nil)
		var wrapped api.PasskeyOptions
		r.JSON(t, &wrapped)
		json.Unmarshal(wrapped.Options, &opts)
		handle, _ := base64.RawURLEncoding.DecodeString(opts.PublicKey.User.ID)
		if len(handle) != 32 || strings.Contains(string(handle), "pia") || opts.PublicKey.RP.ID != "localhost" {
			t.Fatalf("user handle %q, rp %q", handle, opts.PublicKey.RP.ID)
		}
		if opts.PublicKey.Sel.ResidentKey != "required" || opts.PublicKey.Sel.UserVerification != "required" || opts.PublicKey.Attestation != "none" {
			t.Fatalf("creation options: %s", wrapped.Options)
		}
		// The device that has a passkey of this account is not asked again.
		if _, err := a.key.Create(wrapped.Options); err == nil {
			t.Fatal("the existing passkey was not excluded")
		}
	})

	t.Run("an answer is used once", func(t *testing.T) {
		c := env.Client()
		cred, _ := a.key.Get(begin(c))
		if r := finish(c, cred); r.Status != 200 {
			t.Fatalf("first answer: %d %s", r.Status, r.Body)
		}
		other := env.Client()
		begin(other)
		if r := finish(other, cred); r.Status != 401 {
			t.Fatalf("the answer replayed in another browser: %d %s", r.Status, r.Body)
		}
		if r := finish(c, cred); r.Status == 200 {
			t.Fatal("the answer replayed in the same browser")
		}
		if other.Session().State != api.StateNone {
			t.Fatal("a replayed answer signed in")
		}
	})

	t.Run("no user verification, no login", func(t *testing.T) {
		c := env.Client()
		a.key.SkipUV = true
		cred, _ := a.key.Get(begin(c))
		a.key.SkipUV = false
		if r := finish(c, cred); r.Status != 401 {
			t.Fatalf("without user verification: %d %s", r.Status, r.Body)
		}
	})

	t.Run("another origin", func(t *testing.T) {
		c := env.Client()
		phish := *a.key
		phish.Origin = "http://localhost.evil.example"
		cred, _ := phish.Get(begin(c))
		if r := finish(c, cred); r.Status != 401 {
			t.Fatalf("an answer made for another site: %d %s", r.Status, r.Body)
		}
	})

	t.Run("a counter that goes back", func(t *testing.T) {
		c := env.Client()
		key := a.key.Creds[0]
		cred, _ := a.key.Get(begin(c))
		if r := finish(c, cred); r.Status != 200 {
			t.Fatalf("login: %d %s", r.Status, r.Body)
		}
		key.Count -= 2 // a cloned key, behind the original
		c = env.Client()
		cred, _ = a.key.Get(begin(c))
		if r := finish(c, cred); r.Status != 401 {
			t.Fatalf("a counter that went back: %d %s", r.Status, r.Body)
		}
		key.Count += 5
	})

	t.Run("the ceremony runs out after 5 minutes", func(t *testing.T) {
		c := env.Client()
		opts := begin(c)
		env.Clock.Advance(5*time.Minute + time.Second)
		cred, _ := a.key.Get(opts)
		if r := finish(c, cred); r.Status != 409 || r.Error(t).Code != api.CodePasskeyExpired {
			t.Fatalf("a late answer: %d %s", r.Status, r.Body)
		}
	})

	t.Run("another account's passkey does not step up", func(t *testing.T) {
		r := a.c.Post(api.PathReauthPasskey, api.StepUpPasskeyRequest{Action: api.ActionDelete})
		var opts api.PasskeyOptions
		r.JSON(t, &opts)
		var o struct {
			PublicKey struct {
				Challenge string `json:"challenge"`
			} `json:"publicKey"`
		}
		json.Unmarshal(opts.Options, &o)
		cred, _ := b.key.Sign(b.key.Creds[0], o.PublicKey.Challenge)
		if r := a.c.Post(api.PathReauthConfirm, api.FactorRequest{Method: api.MethodPasskey, Credential: cred}); r.Status != 401 {
			t.Fatalf("Ben's passkey for Pia's step-up: %d %s", r.Status, r.Body)
		}
		if r := a.c.Post(api.PathDelete, nil); r.Status != 403 {
			t.Fatalf("deleted after a foreign passkey: %d %s", r.Status, r.Body)
		}
	})

	t.Run("a passkey signs in nobody but its owner", func(t *testing.T) {
		c := env.Client()
		cred, _ := b.key.Get(begin(c))
		var s api.Session
		r := finish(c, cred)
		r.JSON(t, &s)
		var me api.Me
		c.Get(api.PathMe).JSON(t, &me)
		if r.Status != 200 || me.Email != b.email {
			t.Fatalf("Ben's passkey signed in %q: %d", me.Email, r.Status)
		}
	})

	t.Run("an account waiting for its deletion does not sign in with a passkey", func(t *testing.T) {
		d := newAccount(t, env, "dora@example.com")
		d.addPasskey(t, "Dora's phone")
		d.stepUp(t, api.ActionDelete)
		if r := d.c.Post(api.PathDelete, nil); r.Status != 200 {
			t.Fatalf("delete: %d %s", r.Status, r.Body)
		}
		c := env.Client()
		cred, _ := d.key.Get(begin(c))
		r := finish(c, cred)
		if r.Status != 403 || r.Error(t).Code != api.CodeDeletionPending || r.Error(t).Until == "" {
			t.Fatalf("passkey login into a deactivated account: %d %s", r.Status, r.Body)
		}
		if r := c.Get(api.PathMe); r.Status != 401 {
			t.Fatalf("signed in after the refusal: %d", r.Status)
		}
	})

	t.Run("synced passkeys are named so", func(t *testing.T) {
		synced := &account{env: env, c: env.RegisterIn("sam@example.com", "GB", "SW1A 1AA"), email: "sam@example.com", key: softkey.New(env.URL)}
		synced.key.Synced, synced.key.NoCount = true, true
		if p := synced.addPasskey(t, ""); p.DeviceType != api.PasskeySynced || p.Name == "" {
			t.Fatalf("synced passkey: %+v", p)
		}
		for range 2 {
			if _, r := synced.passkeyLogin(t); r.Status != 200 {
				t.Fatalf("a synced passkey (counter 0) twice: %d %s", r.Status, r.Body)
			}
		}
	})
}

// An IP address cannot be a relying party: the portal runs, passkeys are
// off, and the API says so.
func TestPasskeysNeedAHostName(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	c := env.Client()
	if s := c.Session(); s.PasskeysAvailable {
		t.Fatal("passkeys offered at an IP address")
	}
	if r := c.Post(api.PathLoginPasskey, api.PasskeyLoginRequest{}); r.Status != 409 || r.Error(t).Code != api.CodeUnavailable {
		t.Fatalf("passkey login at an IP address: %d %s", r.Status, r.Body)
	}
}
