package schema

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/factgraph/factgraph/graph"
	"github.com/graphql-go/graphql/gqlerrors"
	"github.com/graphql-go/graphql/language/location"
)

// Error codes sent to clients in extensions.code.
const (
	CodeInvalid         = "INVALID"
	CodeNotFound        = "NOT_FOUND"
	CodeUnauthenticated = "UNAUTHENTICATED"
	CodeConflict        = "CONFLICT"
	CodeLimit           = "LIMIT"
	CodeNoSpace         = "NO_SPACE"
	CodeInternal        = "INTERNAL"
)

// apiError is an error that is safe to show to an API client: a code for
// extensions.code, a message, and for limit errors the name of the limit.
// Resolvers return only apiErrors; anything else is turned into one by
// toAPIError, which hides its details.
type apiError struct {
	code    string
	message string
	limit   string // which limit was exceeded, for CodeLimit
}

func (e *apiError) Error() string { return e.message }

// Extensions implements gqlerrors.ExtendedError, so graphql-go copies the
// code into the response.
func (e *apiError) Extensions() map[string]any {
	ext := map[string]any{"code": e.code}
	if e.limit != "" {
		ext["limit"] = e.limit
	}
	return ext
}

func invalidf(format string, args ...any) *apiError {
	return &apiError{code: CodeInvalid, message: fmt.Sprintf(format, args...)}
}

func limitf(limit, format string, args ...any) *apiError {
	return &apiError{code: CodeLimit, limit: limit, message: fmt.Sprintf(format, args...)}
}

// errInternal is what a client sees of a bug or an I/O failure.
var errInternal = &apiError{code: CodeInternal, message: "Internal error."}

// codeOf maps graph error codes to the codes of the API.
func codeOf(graphCode string) string {
	switch graphCode {
	case graph.EINVALID:
		return CodeInvalid
	case graph.ENOTFOUND:
		return CodeNotFound
	case graph.EUNAUTHORIZED:
		return CodeUnauthenticated
	case graph.ECONFLICT:
		return CodeConflict
	case graph.ELIMIT:
		return CodeLimit
	}
	return CodeInternal
}

// toAPIError turns any error from a service into an apiError. Application
// errors keep their message; everything else, including context errors,
// becomes a generic error so that no Go internals leak.
func toAPIError(err error) *apiError {
	var ae *apiError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ae):
		return ae
	case errors.Is(err, context.DeadlineExceeded):
		return limitf("timeout", "The request took too long and was cancelled.")
	case errors.Is(err, context.Canceled):
		return &apiError{code: CodeInternal, message: "The request was cancelled."}
	}
	code := graph.ErrorCode(err)
	switch code {
	case graph.EINTERNAL:
		return errInternal
	case graph.ENOSPACE:
		// The store's message names a path on the server.
		return &apiError{code: CodeNoSpace, message: "The server's disk is too full to store anything; queries still work. Retry once space is freed."}
	}
	return &apiError{code: codeOf(code), message: graph.ErrorMessage(err)}
}

// responseError is one element of a response's "errors" list.
type responseError struct {
	Message    string                    `json:"message"`
	Locations  []location.SourceLocation `json:"locations,omitempty"`
	Path       []any                     `json:"path,omitempty"`
	Extensions map[string]any            `json:"extensions"`
}

func (e *apiError) response() responseError {
	return responseError{Message: e.message, Extensions: e.Extensions()}
}

// formatErrors converts graphql-go's errors. Errors raised by resolvers are
// apiErrors and keep their code. The library's own errors about the request
// (validation, bad variables, unknown operation) are INVALID. Anything else,
// such as a null in a non-null field or a panic, is INTERNAL with its
// message replaced; report receives the original so that it can be logged.
func formatErrors(errs []gqlerrors.FormattedError, validation bool, report func(error)) []responseError {
	out := make([]responseError, 0, len(errs))
	for _, fe := range errs {
		re := responseError{Message: fe.Message, Locations: fe.Locations, Path: fe.Path}
		inner := innermost(fe)
		var ae *apiError
		switch {
		case errors.As(inner, &ae):
			re.Message, re.Extensions = ae.message, ae.Extensions()
		case validation || isLibraryRequestError(inner.Error()):
			re.Extensions = map[string]any{"code": CodeInvalid}
		default:
			if report != nil {
				report(inner)
			}
			re.Message, re.Extensions = errInternal.message, errInternal.Extensions()
		}
		out = append(out, re)
	}
	return out
}

// innermost digs through graphql-go's wrappers (FormattedError and Error,
// nested when an error crosses a thunk or a non-null field) to the error a
// resolver or the library first raised.
func innermost(err error) error {
	for range 16 {
		var next error
		switch e := err.(type) {
		case gqlerrors.FormattedError:
			next = e.OriginalError()
		case *gqlerrors.FormattedError:
			next = e.OriginalError()
		case *gqlerrors.Error:
			next = e.OriginalError
		case gqlerrors.Error:
			next = e.OriginalError
		}
		if next == nil {
			return err
		}
		err = next
	}
	return err
}

// isLibraryRequestError reports whether graphql-go raised the error about
// the request itself (its variables or operation).
func isLibraryRequestError(msg string) bool {
	for _, p := range []string{"Variable \"", "Unknown operation named", "Must provide an operation", "Must provide operation name", "Schema is not configured"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}
