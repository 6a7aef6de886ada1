package extract_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// maxFuncLines is the longest a function of extract and its packages may
// be, from its func line to its closing brace (tests aside: their tables
// are data). A longer one is split into the steps it already has, each a
// named function (issue 20).
const maxFuncLines = 100

// TestFunctionLength keeps every function of extract/ short enough to be
// read at once.
func TestFunctionLength(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() && e.Name() == "testdata" {
			return err
		}
		if e.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				start, end := fset.Position(fd.Pos()), fset.Position(fd.End())
				if n := end.Line - start.Line + 1; n > maxFuncLines {
					t.Errorf("%s:%d: %s is %d lines, over %d: split it into its steps", path, start.Line, fd.Name.Name, n, maxFuncLines)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestStagesWhereDocSays checks that each stage that doc.go's numbered
// list and pipeline.go place in a file ("readWars (wars.go)",
// "d.readWars(c, tm) // wars.go") is declared in that file.
func TestStagesWhereDocSays(t *testing.T) {
	declared := map[string]map[string]bool{} // name → files
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if declared[fd.Name.Name] == nil {
					declared[fd.Name.Name] = map[string]bool{}
				}
				declared[fd.Name.Name][name] = true
			}
		}
	}
	check := func(where, stage, file string) {
		t.Helper()
		if !declared[stage][file] {
			t.Errorf("%s names %s in %s, which does not declare it", where, stage, file)
		}
	}

	// doc.go's numbered list of stages: "cleanSpans and takeMentions
	// (spans.go)", across lines.
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	_, list, _ := strings.Cut(string(doc), "\n//  1. ")
	list, _, _ = strings.Cut(list, "\n//\n")
	text := regexp.MustCompile(`\n//\s*`).ReplaceAllString(list, " ")
	inDoc := regexp.MustCompile(`(\w+)(?: and (\w+))? \((\w+\.go)\b`).FindAllStringSubmatch(text, -1)
	for _, m := range inDoc {
		check("doc.go", m[1], m[3])
		if m[2] != "" {
			check("doc.go", m[2], m[3])
		}
	}
	// pipeline.go: the first call of a line whose comment names a file.
	pipe, err := os.ReadFile("pipeline.go")
	if err != nil {
		t.Fatal(err)
	}
	call := regexp.MustCompile(`(?:\b[dx]\.)?(\w+)\(`)
	named := regexp.MustCompile(`//[^/]*?\b(\w+\.go)\b`)
	inPipe := 0
	for _, line := range strings.Split(string(pipe), "\n") {
		code, _, ok := strings.Cut(line, "//")
		f := named.FindStringSubmatch(line)
		c := call.FindStringSubmatch(code)
		if !ok || f == nil || c == nil {
			continue
		}
		check("pipeline.go", c[1], f[1])
		inPipe++
	}
	if len(inDoc) < 9 || inPipe < 9 {
		t.Fatalf("read %d stages from doc.go and %d from pipeline.go, want 9 or more each", len(inDoc), inPipe)
	}
}
