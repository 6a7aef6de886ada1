package main

import (
	"errors"
	"fmt"
	"strings"
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

func TestRunWithoutCommand(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		status int // 0 for success
		out    string
	}{
		{"none", nil, exitUsage, "stderr"},
		{"help", []string{"help"}, 0, "stdout"},
		{"--help", []string{"--help"}, 0, "stdout"},
		{"unknown", []string{"frobnicate"}, exitUsage, "stderr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, err := cli(t, "", tt.args...)
			if tt.status == 0 && err != nil || tt.status != 0 && exitCode(err) != tt.status {
				t.Fatalf("err = %v (exit %d), want exit %d", err, exitCode(err), tt.status)
			}
			usage := map[string]string{"stdout": stdout, "stderr": stderr}[tt.out]
			if !strings.Contains(usage, "Usage: factgraph COMMAND") {
				t.Errorf("usage not on %s", tt.out)
			}
		})
	}
}
