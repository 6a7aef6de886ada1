// Command testsummary reads the events of "go test -json" on standard input
// and writes what a reader of CI needs: each package's result, the whole
// output of every failed test, the tests named by -require as passed, and
// every skipped test with its reason. It exits 1 when a test or a build
// failed, when any test was skipped (in CI a skip means something was not
// checked), or when a required test did not pass.
//
//	go test -count=1 -json ./... | go run ./internal/testsummary -require TestServeSeed
//
// .ci/run pipes every test run through it.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

func main() {
	require := flag.String("require", "", "comma-separated names of tests that must run and pass, in any package")
	flag.Parse()
	var names []string
	if *require != "" {
		names = strings.Split(*require, ",")
	}
	ok, err := summarize(os.Stdin, os.Stdout, names)
	if err != nil {
		fmt.Fprintln(os.Stderr, "testsummary:", err)
		os.Exit(2)
	}
	if !ok {
		os.Exit(1)
	}
}

// event is one line of "go test -json" (cmd/test2json's TestEvent), with
// the ImportPath of the build events of "go test -json" since Go 1.24.
type event struct {
	Action      string
	Package     string
	ImportPath  string
	Test        string
	Elapsed     float64
	Output      string
	FailedBuild string
}

// test is what one test (or subtest) of one package did.
type test struct {
	pkg, name string
	output    []string
	result    string // pass, fail, skip; "" while running
	elapsed   float64
}

// summarize reads the events from r and writes the summary to w. It
// reports whether everything passed with no skip and every required test
// passed; err is for unreadable input.
func summarize(r io.Reader, w io.Writer, require []string) (bool, error) {
	tests := map[[2]string]*test{}
	var order []*test
	pkgOutput := map[string][]string{}
	ok := true
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		line := sc.Bytes()
		if len(line) == 0 || line[0] != '{' {
			// Not an event: go test writes some errors (a bad flag,
			// a pattern that matches nothing) as plain text.
			fmt.Fprintf(w, "%s\n", line)
			continue
		}
		var e event
		if err := json.Unmarshal(line, &e); err != nil {
			return false, fmt.Errorf("read event %.80q: %w", line, err)
		}
		switch {
		case e.Action == "build-output":
			fmt.Fprint(w, e.Output)
		case e.Action == "build-fail":
			ok = false
		case e.Test == "":
			switch e.Action {
			case "output":
				pkgOutput[e.Package] = append(pkgOutput[e.Package], e.Output)
			case "pass":
				fmt.Fprintf(w, "ok  \t%s\t%.1fs\n", e.Package, e.Elapsed)
			case "fail":
				ok = false
				// The package's own output holds what no test owns: a
				// panic, a timeout, a build failure, "FAIL".
				fmt.Fprint(w, strings.Join(pkgOutput[e.Package], ""))
				fmt.Fprintf(w, "FAIL\t%s\t%.1fs\n", e.Package, e.Elapsed)
			}
		default:
			k := [2]string{e.Package, e.Test}
			t := tests[k]
			if t == nil {
				t = &test{pkg: e.Package, name: e.Test}
				tests[k] = t
				order = append(order, t)
			}
			switch e.Action {
			case "output":
				t.output = append(t.output, e.Output)
			case "pass", "fail", "skip":
				t.result, t.elapsed = e.Action, e.Elapsed
			}
			if e.Action == "fail" {
				ok = false
				// A parent fails with its failed subtests, whose output
				// is printed with their own failure.
				if !hasFailedSubtest(tests, t) {
					fmt.Fprint(w, strings.Join(t.output, ""))
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return false, err
	}

	counts := map[string]int{}
	var skipped []*test
	for _, t := range order {
		counts[t.result]++
		if t.result == "skip" {
			skipped = append(skipped, t)
		}
	}
	fmt.Fprintf(w, "\n%d tests passed, %d failed, %d skipped\n", counts["pass"], counts["fail"], counts["skip"])
	for _, name := range require {
		var passed []*test
		for _, t := range order {
			if t.name == name && t.result == "pass" {
				passed = append(passed, t)
			}
		}
		if len(passed) == 0 {
			ok = false
			fmt.Fprintf(w, "required test %s did not pass (or did not run)\n", name)
		}
		for _, t := range passed {
			fmt.Fprintf(w, "--- PASS: %s (%s, %.2fs)\n", t.name, t.pkg, t.elapsed)
		}
	}
	if len(skipped) > 0 {
		ok = false
		fmt.Fprintf(w, "skipped tests (each is a check that did not run):\n")
		for _, t := range skipped {
			fmt.Fprintf(w, "--- SKIP: %s (%s): %s\n", t.name, t.pkg, skipReason(t.output))
		}
	}
	return ok, nil
}

// hasFailedSubtest reports whether a subtest of t failed.
func hasFailedSubtest(tests map[[2]string]*test, t *test) bool {
	for k, s := range tests {
		if k[0] == t.pkg && strings.HasPrefix(k[1], t.name+"/") && s.result == "fail" {
			return true
		}
	}
	return false
}

// skipReason returns the message a skipped test logged: its output without
// the "=== RUN" and "--- SKIP" lines, on one line.
func skipReason(output []string) string {
	var lines []string
	for _, o := range output {
		for _, l := range strings.Split(o, "\n") {
			l = strings.TrimSpace(l)
			if l == "" || strings.HasPrefix(l, "=== ") || strings.HasPrefix(l, "--- SKIP") {
				continue
			}
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return "(no reason given)"
	}
	return strings.Join(slices.Compact(lines), " ")
}
