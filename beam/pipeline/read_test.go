package pipeline

import (
	"slices"
	"testing"
)

func TestGlobDir(t *testing.T) {
	tests := []struct {
		name, glob, want string
	}{
		{"Star", "news/*.jsonl", "news/"},
		{"Nested", "news/2017/*/*.txt", "news/2017/"},
		{"NoWildcard", "news/a.jsonl", ""},
		{"Bare", "*.txt", ""},
		{"Bucket", "gs://b/news/day-?.jsonl.gz", "gs://b/news/"},
		{"Class", "news/[ab].txt", "news/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := globDir(tt.glob); got != tt.want {
				t.Errorf("globDir(%q) = %q, want %q", tt.glob, got, tt.want)
			}
		})
	}
}

// TestOrderKey: documents sort by input, then path (a file before the
// files whose paths it begins, as ingest walks a directory), then line,
// with line 10 after line 9.
func TestOrderKey(t *testing.T) {
	want := []string{
		orderKey(fileRef{Input: 0, Path: "z.jsonl"}, 1),
		orderKey(fileRef{Input: 1, Path: "a.jsonl"}, 1),
		orderKey(fileRef{Input: 1, Path: "a.jsonl"}, 9),
		orderKey(fileRef{Input: 1, Path: "a.jsonl"}, 10),
		orderKey(fileRef{Input: 1, Path: "a.jsonl.gz"}, 1),
		orderKey(fileRef{Input: 1, Path: "b.txt"}, 1),
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("sorted order keys:\n%q\nwant\n%q", got, want)
	}
}
