package validate

import (
	"strings"
	"time"
)

// MinAge is the youngest age, in whole years, at which a person may register.
const MinAge = 16

// DateLayout is the form of a date of birth, as an <input type="date"> sends
// it.
const DateLayout = "2006-01-02"

// BirthDate checks an optional date of birth against today (passed in, so
// tests and both sides agree on the clock): "" is fine; otherwise it must be a
// real calendar date "YYYY-MM-DD" from 1900 on (CodeInvalid), not after today
// (CodeInFuture), and at least MinAge years before today (CodeTooYoung).
// Today is taken as the calendar date in today's own location.
func BirthDate(s string, today time.Time) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	d, ok := parseDate(s)
	if !ok || d.Year() < 1900 {
		return fail(CodeInvalid)
	}
	y, m, dd := today.Date()
	now := time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
	if d.After(now) {
		return fail(CodeInFuture)
	}
	// AddDate moves a 29 February birthday to 1 March in common years, which
	// is when such a person comes of age in most of Europe.
	if d.AddDate(MinAge, 0, 0).After(now) {
		return fail(CodeTooYoung)
	}
	return nil
}

// parseDate reads exactly "YYYY-MM-DD" and refuses dates that do not exist,
// such as 2023-02-29. It is stricter and smaller than time.Parse.
func parseDate(s string) (time.Time, bool) {
	if len(s) != len(DateLayout) || s[4] != '-' || s[7] != '-' ||
		!allDigits(s[:4]) || !allDigits(s[5:7]) || !allDigits(s[8:]) {
		return time.Time{}, false
	}
	y := atoi(s[:4])
	m := time.Month(atoi(s[5:7]))
	d := atoi(s[8:])
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || t.Month() != m || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// atoi reads a short run of ASCII digits already checked by allDigits.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
