package validate

import "testing"

func TestFormatPhone(t *testing.T) {
	for in, want := range map[string]string{
		"+34612345678":   "+34 612 345 678",
		"+491701234567":  "+49 170 123 4567",
		"+14155550123":   "+1 415 555 0123",
		"+353871234567":  "+353 871 234 567",
		"+4369912345678": "+43 699 123 456 78",
		"0170 1234":      "0170 1234",
		"+":              "+",
	} {
		if got := FormatPhone(in); got != want {
			t.Errorf("FormatPhone(%q) = %q, want %q", in, got, want)
		}
	}
}
