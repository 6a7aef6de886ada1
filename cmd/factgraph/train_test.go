package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

func TestTrainErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
	}{
		{"NoDataDir", []string{"train", "--data", filepath.Join(dir, "missing"), "--out", filepath.Join(dir, "m.bin")}},
		{"EmptyDataDir", []string{"train", "--data", dir, "--out", filepath.Join(dir, "m.bin"), "--quiet"}},
		{"ExtraArgument", []string{"train", "extra"}},
		{"BadBits", []string{"train", "--bits", "40"}},
		{"BadFlag", []string{"train", "--nope"}},
		{"RelationsNoDataDir", []string{"train", "relations", "--data", filepath.Join(dir, "missing"), "--out", filepath.Join(dir, "m.bin")}},
		{"RelationsExtraArgument", []string{"train", "relations", "extra"}},
		{"RelationsBadBits", []string{"train", "relations", "--bits", "30"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			env := &Env{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
			err := Run(context.Background(), env, tt.args)
			if code := graph.ErrorCode(err); code != graph.EINVALID {
				t.Errorf("Run(%q) = %v (code %q), want code %q", tt.args, err, code, graph.EINVALID)
			}
		})
	}
}

// TestTrainRelationsFitFraction checks that --fit-fraction outside (0, 1]
// is refused for what it is, before any data is read.
func TestTrainRelationsFitFraction(t *testing.T) {
	for _, v := range []string{"0", "1.5", "NaN", "-0.5"} {
		var out, errOut bytes.Buffer
		env := &Env{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
		err := Run(context.Background(), env, []string{"train", "relations", "--fit-fraction", v, "--data", t.TempDir()})
		if code := graph.ErrorCode(err); code != graph.EINVALID || !strings.Contains(err.Error(), "--fit-fraction") {
			t.Errorf("--fit-fraction %s: %v (code %q), want EINVALID naming --fit-fraction", v, err, code)
		}
	}
}
