package main

import (
	"errors"
	"fmt"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

func TestUserMessage(t *testing.T) {
	appErr := graph.Errorf(graph.EINVALID, "dump is empty")
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"nil", nil, ""},
		{"application error", appErr, "dump is empty"},
		{"wrapped application error keeps its context", fmt.Errorf("import e.jsonl: %w", appErr), "import e.jsonl: dump is empty"},
		{"twice wrapped", fmt.Errorf("store: %w", fmt.Errorf("batch 3: %w", appErr)), "store: batch 3: dump is empty"},
		{"other error", errors.New("read e.jsonl: is a directory"), "read e.jsonl: is a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := userMessage(tt.err); got != tt.want {
				t.Errorf("userMessage = %q, want %q", got, tt.want)
			}
		})
	}
}
