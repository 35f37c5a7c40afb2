package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"
	"time"

	"github.com/uptrace/bun/driver/pgdriver"
)

// Unavailable reports whether err says the database could not be reached
// or is not serving right now — stopped, restarting, shutting down, out of
// connections, or SQLite's file busy past its timeout — rather than that a
// query was wrong or a row missing. Such a failure heals without anyone
// changing the request: the API answers it with 503 and Retry-After, not
// with 500.
func Unavailable(err error) bool {
	if err == nil {
		return false
	}
	var pgErr pgdriver.Error
	if errors.As(err, &pgErr) {
		return pgUnavailable(pgErr.Field('C'))
	}
	var netErr net.Error
	switch {
	case errors.Is(err, driver.ErrBadConn),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE),
		// A connection the server closed mid-answer (pgdriver reads EOF).
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		// The database did not answer within the driver's timeout.
		errors.Is(err, context.DeadlineExceeded),
		errors.As(err, &netErr):
		return true
	}
	return sqliteBusy(err)
}

// pgUnavailable tells the SQLSTATEs of a server that is not serving:
// class 08 (connection exception), admin and crash shutdown, "the database
// system is starting up / shutting down" (57P01–57P03), and too many
// connections (53300).
func pgUnavailable(code string) bool {
	if strings.HasPrefix(code, "08") {
		return true
	}
	switch code {
	case "57P01", "57P02", "57P03", "53300":
		return true
	}
	return false
}

// sqliteBusy recognises SQLITE_BUSY and SQLITE_LOCKED by their text: the
// driver is modernc.org/sqlite or mattn/go-sqlite3 depending on cgo
// (sqliteshim), and both name the code in the message.
func sqliteBusy(err error) bool {
	s := err.Error()
	return strings.Contains(s, "SQLITE_BUSY") || strings.Contains(s, "database is locked") ||
		strings.Contains(s, "SQLITE_LOCKED") || strings.Contains(s, "database table is locked")
}

// WhileUnavailable runs fn, and runs it again after a growing pause (50 ms,
// doubled up to 2 s) for as long as it fails because the database is
// unavailable, but no longer than within; it returns fn's last error. For
// recording what already happened outside the database — a mail the
// provider took, a job that ran — which must not be done twice just
// because the database blinked when it was to be written down.
func WhileUnavailable(ctx context.Context, within time.Duration, fn func(context.Context) error) error {
	deadline := time.Now().Add(within)
	pause := 50 * time.Millisecond
	for {
		err := fn(ctx)
		if err == nil || !Unavailable(err) || time.Now().Add(pause).After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(pause):
		}
		pause = min(2*pause, 2*time.Second)
	}
}
