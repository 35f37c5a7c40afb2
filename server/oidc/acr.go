package oidc

import (
	"github.com/minicorp/miniid/server/auth"
)

// The acr values the portal issues, one per level of server/auth. They are
// named for what they are: the e-mailed code counts as a second factor for
// the portal's policy, but it is not a NIST SP 800-63B AAL2 authenticator
// (e-mail is not an allowed out-of-band channel, §5.1.3.1), so the ID token
// never says "aal2".
const (
	ACROneFactor         = "urn:miniid:acr:one_factor"
	ACRTwoFactors        = "urn:miniid:acr:two_factors"
	ACRPhishingResistant = "urn:miniid:acr:phishing_resistant"
)

// ACRValues lists the acr values a request may ask for, in the discovery
// document. "aal1" and "aal2" are understood as asking for one and two
// distinct factors, because apps commonly send them.
var ACRValues = []string{ACROneFactor, ACRTwoFactors, "aal1", "aal2"}

// acrOf is the acr value of a session's level.
func acrOf(l auth.Level) string {
	switch l {
	case auth.LevelOneFactor:
		return ACROneFactor
	case auth.LevelTwoFactors:
		return ACRTwoFactors
	case auth.LevelPhishingResistant:
		return ACRPhishingResistant
	}
	return ""
}

// factorsOfLevel is how many distinct factors a level stands for.
func factorsOfLevel(l auth.Level) int {
	switch l {
	case auth.LevelOneFactor:
		return 1
	case auth.LevelTwoFactors, auth.LevelPhishingResistant:
		return 2
	}
	return 0
}

// factorsAsked reads acr_values: the first value the portal understands, in
// the app's order of preference, says how many distinct factors it wants;
// 0 when none is understood (acr_values is a wish, not a demand, OpenID
// Connect Core §3.1.2.1).
func factorsAsked(values []string) int {
	for _, v := range values {
		switch v {
		case "aal1", ACROneFactor:
			return 1
		case "aal2", ACRTwoFactors, ACRPhishingResistant:
			return 2
		}
	}
	return 0
}
