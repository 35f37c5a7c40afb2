package account

import "testing"

func TestMaskPhone(t *testing.T) {
	if got := MaskPhone("+491701234567"); got != "+49•••••67" {
		t.Fatalf("MaskPhone = %q", got)
	}
}
