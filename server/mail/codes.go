package mail

import "slices"

// CarriesCode reports whether a Kind's message holds a one-time code (the
// metrics count codes sent by it).
func (k Kind) CarriesCode() bool { return slices.Contains(specs[k].needs, "Code") }
