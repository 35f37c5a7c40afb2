package auth

import (
	"context"
	"crypto/rand"
	"testing"
)

// BenchmarkVerify is one argon2id verification with the portal's OWASP
// parameters on one goroutine: the unit of work of a password login. Run
// it with -cpu 1,2 to see how much the garbage collector of its 19 MiB
// allocation borrows from an idle second core.
func BenchmarkVerify(b *testing.B) {
	h := NewHasher(OWASP, rand.Reader, 1)
	ctx := context.Background()
	enc, err := h.Hash(ctx, "correct horse battery staple 42")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if ok, _, err := h.Verify(ctx, "correct horse battery staple 42", enc); !ok || err != nil {
			b.Fatal("verify failed", err)
		}
	}
}

// BenchmarkVerifyParallel runs verifications on every core through one
// Hasher with a slot per core, as the portal does: ns/op falls by the cores'
// real scaling for argon2id (shared caches and memory bandwidth).
func BenchmarkVerifyParallel(b *testing.B) {
	h := NewHasher(OWASP, rand.Reader, 0)
	ctx := context.Background()
	enc, err := h.Hash(ctx, "correct horse battery staple 42")
	if err != nil {
		b.Fatal(err)
	}
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if ok, _, err := h.Verify(ctx, "correct horse battery staple 42", enc); !ok || err != nil {
				b.Error("verify failed", err)
				return
			}
		}
	})
}
