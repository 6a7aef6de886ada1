package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// events builds a "go test -json" stream from lines of
// "action package test output".
func events(lines ...string) string {
	var b strings.Builder
	for _, l := range lines {
		f := strings.SplitN(l, " ", 4)
		for len(f) < 4 {
			f = append(f, "")
		}
		b.WriteString(`{"Action":"` + f[0] + `","Package":"` + f[1] + `"`)
		if f[2] != "" {
			b.WriteString(`,"Test":"` + f[2] + `"`)
		}
		if f[3] != "" {
			b.WriteString(`,"Output":"` + f[3] + `\n"`)
		}
		b.WriteString(`,"Elapsed":1.5}` + "\n")
	}
	return b.String()
}

func TestSummarize(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		require  []string
		ok       bool
		contains []string
		lacks    []string
	}{
		{"AllPass", events("run p TestA", "output p TestA chatter", "pass p TestA", "pass p"),
			[]string{"TestA"}, true,
			[]string{"ok  \tp\t1.5s", "1 tests passed, 0 failed, 0 skipped", "--- PASS: TestA (p, 1.50s)"},
			[]string{"chatter"}},
		{"SkipFails", events("run p TestA", "output p TestA x_test.go:9: seed article absent", "output p TestA --- SKIP: TestA (0.00s)", "skip p TestA", "pass p"),
			nil, false,
			[]string{"0 tests passed, 0 failed, 1 skipped", "--- SKIP: TestA (p): x_test.go:9: seed article absent"}, nil},
		{"SubtestSkipFails", events("run p TestA", "run p TestA/Sub", "skip p TestA/Sub", "pass p TestA", "pass p"),
			nil, false, []string{"--- SKIP: TestA/Sub (p): (no reason given)"}, nil},
		{"FailShowsOutput", events("run p TestA", "run p TestA/Sub", "output p TestA/Sub want 2, got 20", "fail p TestA/Sub", "output p TestA --- FAIL: TestA", "fail p TestA", "output p FAIL", "fail p"),
			nil, false, []string{"want 2, got 20", "FAIL\tp\t1.5s", "0 tests passed, 2 failed"}, nil},
		{"PanicInPackageOutput", events("run p TestA", "output p  panic: boom", "fail p"),
			nil, false, []string{"panic: boom", "FAIL\tp"}, nil},
		{"RequiredNotRun", events("run p TestA", "pass p TestA", "pass p"),
			[]string{"TestServeSeed"}, false, []string{"required test TestServeSeed did not pass"}, nil},
		{"RequiredFailed", events("run p TestServeSeed", "fail p TestServeSeed", "fail p"),
			[]string{"TestServeSeed"}, false, []string{"required test TestServeSeed did not pass"}, nil},
		{"NoTestFilesIsNoSkip", events("skip q", "run p TestA", "pass p TestA", "pass p"),
			nil, true, []string{"0 skipped"}, nil},
		{"BuildFailure", `{"ImportPath":"p [p.test]","Action":"build-output","Output":"x.go:1: syntax error\n"}
{"ImportPath":"p [p.test]","Action":"build-fail"}
` + events("output p  FAIL p [build failed]", "fail p"),
			nil, false, []string{"x.go:1: syntax error", "FAIL p [build failed]"}, nil},
		{"PlainTextPassesThrough", "no packages to test\n", nil, true, []string{"no packages to test"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			ok, err := summarize(strings.NewReader(tt.in), &out, tt.require)
			if err != nil {
				t.Fatal(err)
			}
			if ok != tt.ok {
				t.Errorf("ok = %v, want %v", ok, tt.ok)
			}
			for _, s := range tt.contains {
				if !strings.Contains(out.String(), s) {
					t.Errorf("summary lacks %q:\n%s", s, out.String())
				}
			}
			for _, s := range tt.lacks {
				if strings.Contains(out.String(), s) {
					t.Errorf("summary has %q:\n%s", s, out.String())
				}
			}
		})
	}
}

func TestSummarizeErrBadEvent(t *testing.T) {
	if _, err := summarize(strings.NewReader("{\"Action\":\n"), &bytes.Buffer{}, nil); err == nil {
		t.Error("no error for a broken event")
	}
}

// TestRealSkip runs go test -json on a package whose test skips and checks
// that the summary fails and names the test and its reason: the events of
// the real go command, not only the ones written above.
func TestRealSkip(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go not on PATH: %v", err)
	}
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":    "module example.com/s\n\ngo 1.22\n",
		"s_test.go": "package s\n\nimport \"testing\"\n\nfunc TestRuns(t *testing.T) {}\n\nfunc TestAbsent(t *testing.T) { t.Skip(\"seed article absent\") }\n",
		"s.go":      "package s\n",
		"sub/x.go":  "package sub\n", // no test files: not a skip
	}
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := mkfile(path, text); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(goBin, "test", "-count=1", "-json", "./...")
	cmd.Dir = dir
	stream, _ := cmd.Output()
	var out bytes.Buffer
	ok, err := summarize(bytes.NewReader(stream), &out, []string{"TestRuns"})
	if err != nil {
		t.Fatal(err)
	}
	if ok || !strings.Contains(out.String(), "--- SKIP: TestAbsent (example.com/s): s_test.go:7: seed article absent") ||
		!strings.Contains(out.String(), "--- PASS: TestRuns (example.com/s") {
		t.Errorf("ok = %v, summary:\n%s\nevents:\n%s", ok, out.String(), stream)
	}
}

func mkfile(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(text), 0o644)
}
