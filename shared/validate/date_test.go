package validate

import (
	"strings"
	"testing"
	"time"
)

func TestBirthDate(t *testing.T) {
	today := time.Date(2026, time.March, 15, 23, 30, 0, 0, time.UTC)
	runCodeCases(t, func(s string) error { return BirthDate(s, today) }, []codeCase{
		{"empty is fine", "", ""},
		{"spaces are fine", "  ", ""},
		{"adult", "1980-07-01", ""},
		{"16 today", "2010-03-15", ""},
		{"16 tomorrow", "2010-03-16", CodeTooYoung},
		{"today", "2026-03-15", CodeTooYoung},
		{"tomorrow", "2026-03-16", CodeInFuture},
		{"far future", "3000-01-01", CodeInFuture},
		{"1900-01-01", "1900-01-01", ""},
		{"1899-12-31", "1899-12-31", CodeInvalid},
		{"leap day", "2000-02-29", ""},
		{"no such leap day", "2001-02-29", CodeInvalid},
		{"month 13", "2000-13-01", CodeInvalid},
		{"day 0", "2000-01-00", CodeInvalid},
		{"april 31", "2000-04-31", CodeInvalid},
		{"german order", "01.07.1980", CodeInvalid},
		{"short month", "1980-7-01", CodeInvalid},
		{"with time", "1980-07-01T00:00:00Z", CodeInvalid},
		{"signed year", "+980-07-01", CodeInvalid},
		{"year 0000", "0000-01-01", CodeInvalid},
	})
}

func TestBirthDateLeapBirthday(t *testing.T) {
	// 2100 is no leap year: someone born on 29 February 2084 turns 16 on
	// 1 March 2100.
	day := func(m time.Month, d int) time.Time { return time.Date(2100, m, d, 12, 0, 0, 0, time.UTC) }
	wantCode(t, BirthDate("2084-02-29", day(time.February, 28)), CodeTooYoung)
	wantCode(t, BirthDate("2084-02-29", day(time.March, 1)), "")
	wantCode(t, BirthDate("2008-02-29", time.Date(2024, time.February, 29, 0, 0, 0, 0, time.UTC)), "")
}

func TestBirthDateUsesTodaysLocalDate(t *testing.T) {
	// 16 on 15 March; at 00:30 in Berlin it is still 14 March in UTC.
	berlin := time.FixedZone("CET", 3600)
	today := time.Date(2026, time.March, 15, 0, 30, 0, 0, berlin)
	wantCode(t, BirthDate("2010-03-15", today), "")
}

func FuzzBirthDate(f *testing.F) {
	for _, s := range []string{"", "1980-07-01", "2010-03-15", "2001-02-29", "1899-12-31", "9999-99-99", "2026-03-16", "１９８０-07-01"} {
		f.Add(s, int64(1773532800))
	}
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		today := time.Unix(unix, 0).UTC()
		err := BirthDate(s, today)
		if err != nil {
			if CodeOf(err) == "" {
				t.Fatalf("not an *Error: %v", err)
			}
			return
		}
		s = strings.TrimSpace(s)
		if s == "" {
			return
		}
		d, perr := time.Parse(DateLayout, s)
		if perr != nil {
			t.Fatalf("accepted %q that time.Parse refuses: %v", s, perr)
		}
		y, m, dd := today.Date()
		if d.Year() < 1900 || d.AddDate(MinAge, 0, 0).After(time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)) {
			t.Fatalf("accepted %q on %v", s, today)
		}
	})
}
