package keyring

import (
	"bytes"
	"testing"
)

func TestRotationKeepsOldHashesVerifiable(t *testing.T) {
	old := New(bytes.Repeat([]byte{1}, 32))
	rotated := New(bytes.Repeat([]byte{2}, 32), bytes.Repeat([]byte{1}, 32))
	stored := old.MAC("link-token", "abc")
	if rotated.MAC("link-token", "abc") == stored {
		t.Fatal("the new key made the same MAC as the old one")
	}
	found := false
	for _, m := range rotated.MACs("link-token", "abc") {
		found = found || m == stored
	}
	if !found {
		t.Fatal("a hash made under the old key is not among the rotated ring's MACs")
	}
	if old.MAC("code", "abc") == old.MAC("link-token", "abc") {
		t.Fatal("two purposes share a key")
	}
	if old.MAC("p", "ab", "c") == old.MAC("p", "a", "bc") {
		t.Fatal("parts are not separated")
	}
}
