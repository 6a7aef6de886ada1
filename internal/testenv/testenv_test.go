package testenv

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// recorder is a testing.TB that records how a helper ended the test
// instead of ending it; the helpers call Fatal/Skip and return, as after
// runtime.Goexit, so each call runs in its own goroutine.
type recorder struct {
	testing.TB
	ended string // "fatal: msg", "skip: msg" or ""
	logs  []string
}

func (r *recorder) Helper()                    {}
func (r *recorder) Name() string               { return "TestX" }
func (r *recorder) Logf(f string, args ...any) { r.logs = append(r.logs, fmt.Sprintf(f, args...)) }
func (r *recorder) Fatal(args ...any)          { r.end("fatal: " + fmt.Sprint(args...)) }
func (r *recorder) Fatalf(f string, args ...any) {
	r.end("fatal: " + fmt.Sprintf(f, args...))
}
func (r *recorder) Skip(args ...any) { r.end("skip: " + fmt.Sprint(args...)) }
func (r *recorder) Skipf(f string, args ...any) {
	r.end("skip: " + fmt.Sprintf(f, args...))
}
func (r *recorder) end(s string) {
	r.ended = s
	runtime.Goexit()
}

// run calls f with a recorder, as a test would, and returns the recorder.
func run(f func(t testing.TB)) *recorder {
	r := &recorder{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r
}

func TestSharedDir(t *testing.T) {
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "internal", "testenv", "testenv.go")); err != nil {
		t.Fatalf("ModuleRoot() = %s, not this module: %v", root, err)
	}
	abs := t.TempDir()
	tests := []struct {
		name, env, want string
	}{
		{"Default", "", filepath.Join(filepath.Dir(root), "shared")},
		{"Absolute", abs, abs},
		{"RelativeToModuleRoot", "testdata/shared", filepath.Join(root, "testdata", "shared")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(SharedEnv, tt.env)
			got, err := SharedDir()
			if err != nil || got != tt.want {
				t.Errorf("SharedDir() = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// TestNestedModule: the beam/ module's go.mod is passed over on the way to
// factgraph's own, and factgraph's own and an unrelated one are not.
func TestNestedModule(t *testing.T) {
	tests := []struct {
		name, gomod string
		want        bool
	}{
		{"Beam", "module github.com/factgraph/factgraph/beam\n\ngo 1.26.0\n", true},
		{"Quoted", "// comment\nmodule \"github.com/factgraph/factgraph/beam\"\n", true},
		{"Factgraph", "module github.com/factgraph/factgraph\n\ngo 1.26.0\n", false},
		{"Prefix", "module github.com/factgraph/factgraphx\n", false},
		{"Other", "module example.com/other\n", false},
		{"NoModuleLine", "go 1.26.0\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := nestedModule([]byte(tt.gomod)); got != tt.want {
				t.Errorf("nestedModule(%q) = %v, want %v", tt.gomod, got, tt.want)
			}
		})
	}
}

// TestMissing checks the rule of the package: a missing prerequisite
// skips outside CI and fails under CI=true, naming what is missing.
func TestMissing(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "seed"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "seed", "article.txt"), []byte("Sochi: …"), 0o644); err != nil {
		t.Fatal(err)
	}
	absent := filepath.Join(dir, "seed", "expected.json")
	tests := []struct {
		name  string
		ci    string
		f     func(t testing.TB)
		ended string // prefix of how the test ended; "" when it went on
		names string // what the message must name
	}{
		{"SharedPresent", "true", func(t testing.TB) { Shared(t, "seed/article.txt") }, "", ""},
		{"SharedRead", "true", func(t testing.TB) {
			if got := string(ReadShared(t, "seed/article.txt")); got != "Sochi: …" {
				t.Fatalf("ReadShared = %q", got)
			}
		}, "", ""},
		{"SharedAbsentSkips", "", func(t testing.TB) { Shared(t, "seed/expected.json") }, "skip: ", absent},
		{"SharedAbsentFailsInCI", "true", func(t testing.TB) { Shared(t, "seed/expected.json") }, "fatal: ", absent},
		{"CIOnlyWhenTrue", "1", func(t testing.TB) { Shared(t, "seed/expected.json") }, "skip: ", absent},
		{"ToolAbsentSkips", "", func(t testing.TB) { Tool(t, "apt-get install nothing", "/nonexistent/rapper") }, "skip: ", "/nonexistent/rapper"},
		{"ToolAbsentFailsInCI", "true", func(t testing.TB) { Tool(t, "apt-get install nothing", "no-such-tool-xyz", "nor-this-one") }, "fatal: ", "apt-get install nothing"},
		{"ToolNotExecutable", "true", func(t testing.TB) { Tool(t, "x", filepath.Join(dir, "seed", "article.txt")) }, "fatal: ", "article.txt"},
		{"PythonModuleAbsentFailsInCI", "true", func(t testing.TB) { Python(t, "no_such_module_xyz") }, "fatal: ", "python"},
		{"ToolOnPath", "true", func(t testing.TB) {
			if p := Tool(t, "x", "no-such-tool-xyz", "go"); !filepath.IsAbs(p) {
				t.Fatalf("Tool found %q", p)
			}
		}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(SharedEnv, dir)
			t.Setenv("CI", tt.ci)
			r := run(tt.f)
			if !strings.HasPrefix(r.ended, tt.ended) || (tt.ended == "") != (r.ended == "") {
				t.Fatalf("ended %q, want %q", r.ended, tt.ended)
			}
			if !strings.Contains(r.ended, tt.names) {
				t.Errorf("message %q does not name %q", r.ended, tt.names)
			}
		})
	}
}

func TestSeed(t *testing.T) {
	t.Run("Replay", func(t *testing.T) {
		t.Setenv(SeedEnv, "42")
		r := run(func(t testing.TB) {
			if got := Seed(t); got != 42 {
				t.Fatalf("Seed() = %d, want 42", got)
			}
		})
		if r.ended != "" || len(r.logs) != 1 || !strings.Contains(r.logs[0], "FACTGRAPH_SEED=42") {
			t.Errorf("ended %q, logs %q; want the seed logged with its replay", r.ended, r.logs)
		}
	})
	t.Run("Drawn", func(t *testing.T) {
		t.Setenv(SeedEnv, "")
		var seed int64
		r := run(func(t testing.TB) { seed = Seed(t) })
		if r.ended != "" || len(r.logs) != 1 || !strings.Contains(r.logs[0], fmt.Sprintf("%s=%d", SeedEnv, seed)) {
			t.Errorf("ended %q, logs %q; want seed %d logged", r.ended, r.logs, seed)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		t.Setenv(SeedEnv, "soon")
		if r := run(func(t testing.TB) { Seed(t) }); !strings.HasPrefix(r.ended, "fatal: ") || !strings.Contains(r.ended, "soon") {
			t.Errorf("ended %q, want a failure naming the bad value", r.ended)
		}
	})
}
