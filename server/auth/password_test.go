package auth

import (
	"context"
	"crypto/rand"
	"strings"
	"testing"
)

// cheap parameters keep the unit tests fast; the format is the same.
var cheap = Params{MemoryKiB: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

func TestHashFormatAndVerify(t *testing.T) {
	ctx := context.Background()
	h := NewHasher(OWASP, rand.Reader, 1)
	enc, err := h.Hash(ctx, "correct horse battery staple")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(enc, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("not the OWASP parameters in PHC form: %s", enc)
	}
	if ok, rehash, err := h.Verify(ctx, "correct horse battery staple", enc); !ok || rehash || err != nil {
		t.Fatalf("right password: %v %v %v", ok, rehash, err)
	}
	if ok, _, _ := h.Verify(ctx, "Correct horse battery staple", enc); ok {
		t.Fatal("wrong password accepted")
	}
	other, _ := h.Hash(ctx, "correct horse battery staple")
	if other == enc {
		t.Fatal("two hashes of one password are equal: no salt")
	}
}

func TestOldParametersAreUpgraded(t *testing.T) {
	ctx := context.Background()
	weak := NewHasher(cheap, rand.Reader, 1)
	enc, _ := weak.Hash(ctx, "pw")
	ok, rehash, err := NewHasher(OWASP, rand.Reader, 1).Verify(ctx, "pw", enc)
	if !ok || !rehash || err != nil {
		t.Fatalf("a hash with weaker parameters must verify and ask for a rehash: %v %v %v", ok, rehash, err)
	}
}

func TestMalformedHashes(t *testing.T) {
	h := NewHasher(cheap, rand.Reader, 1)
	for _, enc := range []string{
		"", "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=19$m=64,t=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=19$m=99999999,t=1,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=19$m=64,t=1,p=1$!!!$a2V5",
		"$2a$10$abcdefghijklmnopqrstuu",
	} {
		if _, _, err := h.Verify(context.Background(), "pw", enc); err == nil {
			t.Errorf("accepted malformed hash %q", enc)
		}
	}
}

func FuzzDecodeHash(f *testing.F) {
	f.Add("$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5")
	f.Add("$argon2id$v=19$m=,t=,p=$$")
	f.Fuzz(func(t *testing.T, enc string) {
		p, salt, key, err := decodeHash(enc)
		if err != nil {
			return
		}
		// Whatever parses stays within the bounds that keep a login cheap
		// enough to survive: no attacker-chosen gigabyte hashes.
		if p.MemoryKiB > 4<<20 || p.Time > 100 || p.Threads < 1 || len(salt) < 8 || len(key) < 16 {
			t.Fatalf("out of bounds: %+v salt %d key %d", p, len(salt), len(key))
		}
	})
}

func TestMaskEmail(t *testing.T) {
	for in, want := range map[string]string{
		"jana@example.com": "j•••@example.com",
		"ünal@example.de":  "ü•••@example.de",
		"broken":           "•••",
	} {
		if got := MaskEmail(in); got != want {
			t.Errorf("MaskEmail(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStrength(t *testing.T) {
	tests := []struct {
		pw     string
		inputs []string
		ok     bool
		reason string
	}{
		{"short", nil, false, "too_short"},
		{"password1", nil, false, ""},
		{"qwertyuiop", nil, false, ""},
		{"keller2024", []string{"jana@example.com", "Jana", "Keller"}, false, "personal"},
		{"correct horse battery staple 42", nil, true, ""},
		{strings.Repeat("x", 129), nil, false, "too_long"},
	}
	for _, tt := range tests {
		st := Strength(tt.pw, tt.inputs...)
		if st.Acceptable != tt.ok || (tt.reason != "" && st.Reason != tt.reason) || (!st.Acceptable && st.Reason == "") {
			t.Errorf("Strength(%q) = %+v", tt.pw, st)
		}
	}
}
