// Package testenv tells factgraph's tests where the things they need from
// outside the module are, and what to do when one is missing.
//
// Some tests read the shared data beside the checkout (the seed article,
// Reuters-21578, GUM, the BBC and Worldwide news), others run a real
// consumer (rapper, rdflib, NetworkX, Chromium, Node). On a developer's
// machine a missing prerequisite skips the test; under CI=true it fails
// the test, naming what is missing, so that CI cannot pass having checked
// nothing.
//
// The shared data are found at $FACTGRAPH_SHARED, else at ../shared beside
// the module root (the directory of go.mod). Both are read with os.Getenv,
// so that Go's test cache keys on them; but the cache does not look at
// files outside the module, so a skip recorded while ../shared was absent
// stays cached after it appears. Run such tests with -count=1.
package testenv

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// SharedEnv names the environment variable that locates the shared data;
// a relative path is taken from the module root.
const SharedEnv = "FACTGRAPH_SHARED"

// SeedEnv names the environment variable that replays a randomized test:
// Seed returns its value instead of drawing one from the clock.
const SeedEnv = "FACTGRAPH_SEED"

// CI reports whether the tests run in CI ($CI is "true"), where every
// prerequisite must be present.
func CI() bool {
	return os.Getenv("CI") == "true"
}

// Missing ends t because something it needs is absent: a skip with the
// formatted reason, or under CI=true a failure with it.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if CI() {
		t.Fatalf("%s (required under CI=true)", msg)
	}
	t.Skip(msg)
}

// ModuleRoot returns the directory of factgraph's go.mod above the
// working directory, which for a test is its package's directory. The
// go.mod of a module nested in the repository (beam/) is passed over, so
// that its tests find the same ../shared as the rest.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("module root: %w", err)
	}
	for {
		if mod, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && !nestedModule(mod) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("module root: no go.mod above the working directory")
		}
		dir = parent
	}
}

// nestedModule reports whether a go.mod declares a module nested inside
// factgraph's own, such as github.com/factgraph/factgraph/beam.
func nestedModule(gomod []byte) bool {
	for _, line := range strings.Split(string(gomod), "\n") {
		if name, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			return strings.HasPrefix(strings.Trim(strings.TrimSpace(name), `"`), "github.com/factgraph/factgraph/")
		}
	}
	return false
}

// SharedDir returns the shared data directory, $FACTGRAPH_SHARED or
// ../shared beside the module root, whether or not it exists.
func SharedDir() (string, error) {
	env := os.Getenv(SharedEnv)
	if filepath.IsAbs(env) {
		return filepath.Clean(env), nil
	}
	root, err := ModuleRoot()
	if err != nil {
		return "", err
	}
	if env != "" {
		return filepath.Join(root, env), nil
	}
	return filepath.Join(filepath.Dir(root), "shared"), nil
}

// Shared returns the path of name, a slash-separated path inside the
// shared data ("seed/article.txt"), after checking that it exists; when it
// does not, Missing ends t naming the path.
func Shared(t testing.TB, name string) string {
	t.Helper()
	dir, err := SharedDir()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, filepath.FromSlash(name))
	if _, err := os.Stat(path); err != nil {
		Missing(t, "shared data %s missing (set %s or put the data at ../shared beside the checkout): %v", path, SharedEnv, err)
	}
	return path
}

// ReadShared returns the contents of the shared file name, as Shared
// finds it.
func ReadShared(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(Shared(t, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Tool returns the path of an external program: name itself when it is
// absolute, else the first of name and alternatives found on $PATH. When
// there is none, Missing ends t with install, which says how to get one.
func Tool(t testing.TB, install, name string, alternatives ...string) string {
	t.Helper()
	for _, n := range append([]string{name}, alternatives...) {
		if path, err := lookPath(n); err == nil {
			return path
		}
	}
	Missing(t, "%s not installed (%s)", name, install)
	return ""
}

// Python returns Debian's /usr/bin/python3 after checking that it imports
// each of modules; Missing ends t when it or a module is absent. It is not
// the python3 on $PATH, which may be one (pyenv, a virtual environment)
// without the Debian packages that CI installs.
func Python(t testing.TB, modules ...string) string {
	t.Helper()
	py := Tool(t, "apt-get install python3", "/usr/bin/python3")
	for _, m := range modules {
		if out, err := exec.Command(py, "-c", "import "+m).CombinedOutput(); err != nil {
			Missing(t, "python module %s not installed (apt-get install python3-%s): %v\n%s", m, m, err, out)
		}
	}
	return py
}

func lookPath(name string) (string, error) {
	if !filepath.IsAbs(name) {
		return exec.LookPath(name)
	}
	fi, err := os.Stat(name)
	if err != nil {
		return "", err
	}
	if fi.IsDir() || fi.Mode()&0o111 == 0 {
		return "", fmt.Errorf("%s is not an executable", name)
	}
	return name, nil
}

// Seed returns the seed of a randomized test, $FACTGRAPH_SEED when set,
// else one drawn from the clock, and logs it with the way to replay it, so
// that a failure can be reproduced.
func Seed(t testing.TB) int64 {
	t.Helper()
	seed := time.Now().UnixNano()
	if s := os.Getenv(SeedEnv); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("%s=%q: not an integer", SeedEnv, s)
		}
		seed = n
	}
	t.Logf("seed %d (replay with %s=%d go test -count=1 -run '^%s$')", seed, SeedEnv, seed, t.Name())
	return seed
}
