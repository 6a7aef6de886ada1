package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// ReadJSONLText reads a JSON Lines file of news records and returns, for
// each record, its title and body joined by a blank line. fields names the
// body field ("body" in Reuters-21578, "text" in the BBC set). limit > 0
// stops after that many records.
func ReadJSONLText(path, field string, limit int) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 16<<20), 16<<20)
	n := 0
	for sc.Scan() && (limit <= 0 || len(out) < limit) {
		n++
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		title, _ := rec["title"].(string)
		body, _ := rec[field].(string)
		out = append(out, title+"\n\n"+body)
	}
	return out, sc.Err()
}

// ReadTextDir reads every *.txt file of dir, sorted by name.
func ReadTextDir(dir string) ([]string, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := make([]string, 0, len(names))
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, string(b))
	}
	return out, nil
}
