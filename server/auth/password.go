package auth

import (
	"context"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/crypto/argon2"
)

// Params are argon2id cost parameters; they are written into every hash (PHC
// string format) so they can be raised later and old hashes upgraded at the
// next login.
type Params struct {
	MemoryKiB uint32
	Time      uint32
	Threads   uint8
	SaltLen   int
	KeyLen    uint32
}

// OWASP is the portal's default: argon2id, 19 MiB, 2 passes, 1 lane.
var OWASP = Params{MemoryKiB: 19 * 1024, Time: 2, Threads: 1, SaltLen: 16, KeyLen: 32}

// ErrBadHash is returned for a stored hash that cannot be parsed.
var ErrBadHash = errors.New("auth: malformed password hash")

// Hasher hashes and verifies passwords. At most Concurrency hashes run at
// once (one per core by default), so a login storm queues for CPU instead of
// taking 19 MiB per waiting request.
type Hasher struct {
	checks atomic.Int64
	hashes atomic.Int64
	params Params
	rand   io.Reader
	sem    chan struct{}
	dummy  string
	// waited, when set, is told how long each hash waited for its slot
	// (the metrics' argon2 queue).
	waited func(time.Duration)
}

// ObserveWait makes the Hasher report how long each hash or check waited
// for a slot. Call it before the Hasher is used.
func (h *Hasher) ObserveWait(f func(time.Duration)) { h.waited = f }

// NewHasher returns a Hasher with params, salts from rand, and a semaphore of
// concurrency slots (0 = GOMAXPROCS).
func NewHasher(params Params, rand io.Reader, concurrency int) *Hasher {
	if concurrency <= 0 {
		concurrency = runtime.GOMAXPROCS(0)
	}
	h := &Hasher{params: params, rand: rand, sem: make(chan struct{}, concurrency)}
	// A hash of a random password that no one knows: verified against when the
	// account is unknown, so that case costs the same time as a wrong password.
	secret := make([]byte, 24)
	io.ReadFull(rand, secret)
	h.dummy, _ = h.hash(string(secret))
	return h
}

func (h *Hasher) acquire(ctx context.Context) error {
	if h.waited != nil {
		start := time.Now()
		defer func() { h.waited(time.Since(start)) }()
	}
	select {
	case h.sem <- struct{}{}:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("auth: wait for hashing slot: %w", ctx.Err())
	}
}

func (h *Hasher) release() { <-h.sem }

// Hash returns the PHC string of password.
func (h *Hasher) Hash(ctx context.Context, password string) (string, error) {
	if err := h.acquire(ctx); err != nil {
		return "", err
	}
	defer h.release()
	h.hashes.Add(1)
	return h.hash(password)
}

func (h *Hasher) hash(password string) (string, error) {
	salt := make([]byte, h.params.SaltLen)
	if _, err := io.ReadFull(h.rand, salt); err != nil {
		return "", fmt.Errorf("auth: salt: %w", err)
	}
	p := h.params
	key := argon2.IDKey([]byte(password), salt, p.Time, p.MemoryKiB, p.Threads, p.KeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.MemoryKiB, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Verify reports whether password matches encoded, and whether the hash was
// made with weaker parameters than the current ones (so it should be
// replaced).
func (h *Hasher) Verify(ctx context.Context, password, encoded string) (ok, rehash bool, err error) {
	p, salt, key, err := decodeHash(encoded)
	if err != nil {
		return false, false, err
	}
	if err := h.acquire(ctx); err != nil {
		return false, false, err
	}
	defer h.release()
	h.checks.Add(1)
	got := argon2.IDKey([]byte(password), salt, p.Time, p.MemoryKiB, p.Threads, uint32(len(key)))
	ok = subtle.ConstantTimeCompare(got, key) == 1
	rehash = p.MemoryKiB < h.params.MemoryKiB || p.Time < h.params.Time || p.Threads < h.params.Threads
	return ok, rehash, nil
}

// Checks counts the password verifications done so far (tests prove with it
// that parallel guesses cannot get past the block).
func (h *Hasher) Checks() int64 { return h.checks.Load() }

// Hashes counts the new hashes made so far (tests prove with it that a
// bogus link costs no hash).
func (h *Hasher) Hashes() int64 { return h.hashes.Load() }

// VerifyDummy spends the time of one verification and always fails: used when
// the account does not exist, so timing does not tell.
func (h *Hasher) VerifyDummy(ctx context.Context, password string) {
	h.Verify(ctx, password, h.dummy)
}

func decodeHash(encoded string) (Params, []byte, []byte, error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" || parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return Params{}, nil, nil, ErrBadHash
	}
	var p Params
	for _, kv := range strings.Split(parts[3], ",") {
		k, v, ok := strings.Cut(kv, "=")
		n, err := strconv.ParseUint(v, 10, 32)
		if !ok || err != nil {
			return Params{}, nil, nil, ErrBadHash
		}
		switch k {
		case "m":
			p.MemoryKiB = uint32(n)
		case "t":
			p.Time = uint32(n)
		case "p":
			if n > 255 {
				return Params{}, nil, nil, ErrBadHash
			}
			p.Threads = uint8(n)
		}
	}
	if p.MemoryKiB < 8 || p.Time < 1 || p.Threads < 1 || p.MemoryKiB > 4<<20 || p.Time > 100 {
		return Params{}, nil, nil, ErrBadHash
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	key, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(salt) < 8 || len(key) < 16 {
		return Params{}, nil, nil, ErrBadHash
	}
	return p, salt, key, nil
}
