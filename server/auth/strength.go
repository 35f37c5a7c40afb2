package auth

import (
	"strings"

	"github.com/trustelem/zxcvbn"

	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/validate"
)

// MinStrength is the lowest zxcvbn score accepted ("fair").
const MinStrength = 2

// Strength estimates password strength with zxcvbn (Dropbox's estimator: it
// knows common passwords, names, keyboard walks and dates, which is why it is
// used rather than composition rules). userInputs (name, e-mail) count as
// guessable. The length rule comes from shared/validate, as in the browser.
func Strength(password string, userInputs ...string) api.Strength {
	if err := validate.Password(password); err != nil {
		code := "too_short"
		if e, ok := err.(*validate.Error); ok {
			code = e.Code
		}
		return api.Strength{Score: 0, Acceptable: false, Reason: code}
	}
	var inputs []string
	for _, in := range userInputs {
		in = strings.TrimSpace(in)
		if in == "" {
			continue
		}
		inputs = append(inputs, in)
		if local, _, ok := strings.Cut(in, "@"); ok {
			inputs = append(inputs, local)
		}
	}
	// zxcvbn's cost grows with length; past 64 runes the score is 4 anyway.
	probe := password
	if r := []rune(probe); len(r) > 64 {
		probe = string(r[:64])
	}
	res := zxcvbn.PasswordStrength(probe, inputs)
	s := api.Strength{Score: res.Score, Acceptable: res.Score >= MinStrength}
	if !s.Acceptable {
		s.Reason = "weak"
		for _, m := range res.Sequence {
			if m.Pattern == "dictionary" && m.DictionaryName == "user_inputs" {
				s.Reason = "personal"
				break
			}
			if m.Pattern == "dictionary" && m.DictionaryName == "passwords" && len(m.Token) >= len(probe)-2 {
				s.Reason = "common"
			}
		}
	}
	return s
}
