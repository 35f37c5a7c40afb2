package validate

import "strings"

// Kinds of login identifier returned by Identifier.
const (
	// KindEmail is an identifier that is an e-mail address (the MINI ID).
	KindEmail = "email"
	// KindPhone is an identifier that is a phone number (the Phone ID).
	KindPhone = "phone"
)

// Identifier reads what was typed into "E-mail address or Phone ID". With an
// '@' it is an e-mail address: (KindEmail, NormalizeEmail(s), Email(s)).
// Starting with '+' or a digit it is a phone number: (KindPhone,
// NormalizePhone(s), Phone(s)). Empty gives CodeRequired and anything else
// CodeInvalid, both with an empty kind and value.
func Identifier(s string) (kind string, normalized string, err error) {
	t := strings.TrimSpace(s)
	switch {
	case t == "":
		return "", "", fail(CodeRequired)
	case strings.IndexByte(t, '@') >= 0:
		return KindEmail, NormalizeEmail(s), Email(s)
	case t[0] == '+' || isDigit(t[0]):
		return KindPhone, NormalizePhone(s), Phone(s)
	}
	return "", "", fail(CodeInvalid)
}
