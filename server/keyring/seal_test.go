package keyring

import (
	"bytes"
	"crypto/rand"
	"errors"
	"testing"
)

func TestSealedValuesOpenOnlyWhereTheyBelong(t *testing.T) {
	old := New(bytes.Repeat([]byte{1}, 32))
	rotated := New(bytes.Repeat([]byte{2}, 32), bytes.Repeat([]byte{1}, 32))
	secret := []byte("JBSWY3DPEHPK3PXP")
	sealed, err := old.Seal(rand.Reader, "totp", "user:7", secret)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains([]byte(sealed), secret) {
		t.Fatal("the sealed value shows the secret")
	}
	got, err := rotated.Open("totp", "user:7", sealed)
	if err != nil || !bytes.Equal(got, secret) {
		t.Fatalf("after a key rotation: %q, %v", got, err)
	}
	for name, open := range map[string]func() ([]byte, error){
		"another account":  func() ([]byte, error) { return old.Open("totp", "user:8", sealed) },
		"another purpose":  func() ([]byte, error) { return old.Open("recovery", "user:7", sealed) },
		"its key removed":  func() ([]byte, error) { return New(bytes.Repeat([]byte{2}, 32)).Open("totp", "user:7", sealed) },
		"a changed byte":   func() ([]byte, error) { return old.Open("totp", "user:7", sealed[:len(sealed)-2]+"AA") },
		"no format prefix": func() ([]byte, error) { return old.Open("totp", "user:7", sealed[3:]) },
		"cut short":        func() ([]byte, error) { return old.Open("totp", "user:7", "v1:AAAA") },
	} {
		if _, err := open(); !errors.Is(err, ErrUnsealable) {
			t.Errorf("%s: opened (err %v)", name, err)
		}
	}
	again, _ := old.Seal(rand.Reader, "totp", "user:7", secret)
	if again == sealed {
		t.Fatal("two seals of one secret are equal: the nonce is not fresh")
	}
}
