package validate

import "errors"

// Codes are the stable machine words of a validation failure. The UI
// translates them; the API sends them in its error envelope.
const (
	// CodeRequired means the field is empty.
	CodeRequired = "required"
	// CodeTooShort means the value has too few characters.
	CodeTooShort = "too_short"
	// CodeTooLong means the value has too many characters.
	CodeTooLong = "too_long"
	// CodeInvalid means the value does not have the expected form.
	CodeInvalid = "invalid"
	// CodeNotAllowed means a well-formed value outside the supported set, such
	// as an unsupported country.
	CodeNotAllowed = "not_allowed"
	// CodeTooYoung means a date of birth less than MinAge years ago.
	CodeTooYoung = "too_young"
	// CodeInFuture means a date after today.
	CodeInFuture = "in_future"
)

// Error is a validation failure; Code is a stable machine word the UI
// translates.
type Error struct{ Code string }

// Error returns the Code, so that logs and tests show the machine word.
func (e *Error) Error() string { return e.Code }

// Is reports whether target is an *Error with the same Code, so that
// errors.Is(err, &validate.Error{Code: validate.CodeRequired}) works.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code
}

// CodeOf returns the Code of the *Error in err's chain, or "" if there is none.
func CodeOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// fail returns a fresh *Error, so no caller can change a shared value.
func fail(code string) error { return &Error{Code: code} }
