package schema

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// TestToAPIError: what a client sees of each kind of error, never a path
// on the server or a Go type.
func TestToAPIError(t *testing.T) {
	tests := []struct {
		err      error
		code     string
		contains string
	}{
		{graph.Errorf(graph.EINVALID, "unknown measure %q", "vibes"), CodeInvalid, "vibes"},
		{graph.Errorf(graph.ENOTFOUND, "no entity"), CodeNotFound, "no entity"},
		{graph.Errorf(graph.ELIMIT, "too big"), CodeLimit, "too big"},
		{fmt.Errorf("store: %w", graph.Errorf(graph.ENOSPACE, "no space left on device: /srv/secret/db has 1.0 MiB free")), CodeNoSpace, "disk is too full"},
		{errors.New("open /srv/secret/db/000001.sst: input/output error"), CodeInternal, "Internal error."},
		{context.DeadlineExceeded, CodeLimit, "too long"},
	}
	for _, tt := range tests {
		got := toAPIError(tt.err)
		if got.code != tt.code || !strings.Contains(got.message, tt.contains) {
			t.Errorf("toAPIError(%v) = %s %q, want %s containing %q", tt.err, got.code, got.message, tt.code, tt.contains)
		}
		if strings.Contains(got.message, "/srv/secret") {
			t.Errorf("toAPIError(%v) shows a server path: %q", tt.err, got.message)
		}
	}
}
