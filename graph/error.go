package graph

import (
	"errors"
	"fmt"
)

// Error codes. They are the only codes that cross package boundaries; the
// CLI maps them to exit statuses and the GraphQL layer to extensions.code.
const (
	ECONFLICT     = "conflict"     // the operation conflicts with existing state (a store already in use, an import into a non-empty store)
	EINTERNAL     = "internal"     // a bug or an I/O failure; details are not shown to API users
	EINVALID      = "invalid"      // the input is malformed
	ENOTFOUND     = "not_found"    // the thing asked for does not exist
	EUNAUTHORIZED = "unauthorized" // the caller may not do this
	ELIMIT        = "limit"        // the request exceeds a configured limit
	ENOSPACE      = "no_space"     // the store's disk is too full to write safely; reads go on
)

// Error is factgraph's application error: a machine-readable Code and a
// message that is safe to show to a user.
type Error struct {
	Code    string
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string {
	return fmt.Sprintf("factgraph error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code string, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, "" for a nil
// error, and EINTERNAL for any other error.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, or a
// generic message for errors that are not application errors, so that
// internal details never reach a user.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}
