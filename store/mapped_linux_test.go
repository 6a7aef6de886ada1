package store

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// TestReleaseMapped maps a file the way Badger maps its tables (shared,
// read-only), reads every page, and checks that releaseMapped drops the
// mapping's resident pages and that the data reads back unchanged.
func TestReleaseMapped(t *testing.T) {
	dir := t.TempDir()
	data := bytes.Repeat([]byte("factgraph"), 1<<17) // 1.1 MB
	path := filepath.Join(dir, "000001.sst")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := syscall.Mmap(int(f.Fd()), 0, len(data), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(m)
	if !bytes.Equal(m, data) { // touches every page
		t.Fatal("mapping differs from file")
	}
	real := mappedDir(dir)
	if rss := mappingRSS(t, filepath.Join(real, "000001.sst")); rss == 0 {
		t.Fatal("no resident pages after reading the mapping")
	}
	releaseMapped(filepath.Join(real, "elsewhere"))
	if rss := mappingRSS(t, filepath.Join(real, "000001.sst")); rss == 0 {
		t.Fatal("released a mapping outside the directory")
	}
	releaseMapped(real)
	if rss := mappingRSS(t, filepath.Join(real, "000001.sst")); rss != 0 {
		t.Errorf("%d kB resident after releaseMapped, want 0", rss)
	}
	if !bytes.Equal(m, data) {
		t.Error("mapping differs from file after releaseMapped")
	}
}

// mappingRSS returns the resident kilobytes of this process's mapping of
// path, from /proc/self/smaps.
func mappingRSS(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skip("no /proc/self/smaps:", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	in, found, rss := false, false, 0
	for sc.Scan() {
		line := sc.Text()
		if f := strings.Fields(line); len(f) >= 5 && strings.Contains(f[0], "-") {
			in = len(f) >= 6 && f[5] == path
			found = found || in
			continue
		}
		if in && strings.HasPrefix(line, "Rss:") {
			n, err := strconv.Atoi(strings.Fields(line)[1])
			if err != nil {
				t.Fatal(err)
			}
			rss += n
		}
	}
	if !found {
		t.Fatalf("no mapping of %s in /proc/self/smaps", path)
	}
	return rss
}
