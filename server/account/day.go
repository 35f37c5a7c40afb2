package account

import "time"

func parseDay(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}
