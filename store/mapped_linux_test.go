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
	"unsafe"

	"github.com/factgraph/factgraph/internal/testenv"
)

// TestReleaseMapped maps a file the way Badger maps its tables (shared,
// read-only), reads every page, and checks that releaseMapped drops the
// mapping's resident pages and that the data reads back unchanged.
func TestReleaseMapped(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a store") // a space, as /proc/self/maps shows it
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	data := bytes.Repeat([]byte("factgraph"), 1<<17) // 1.1 MB
	path := filepath.Join(dir, "000001.sst")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// Written back, as Badger's tables are once built: the kernel pages
	// out clean pages at once, dirty ones only after writing them.
	if err := syncFile(path); err != nil {
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
	before := mappingRSS(t, filepath.Join(real, "000001.sst"))
	if before < 512 {
		t.Fatalf("%d kB resident after reading the mapping", before)
	}
	releaseMapped(filepath.Join(real, "elsewhere"))
	if rss := mappingRSS(t, filepath.Join(real, "000001.sst")); rss < before {
		t.Fatal("released a mapping outside the directory")
	}
	releaseMapped(real)
	if rss := mappingRSS(t, filepath.Join(real, "000001.sst")); rss > before/4 {
		t.Errorf("%d of %d kB still resident after releaseMapped", rss, before)
	}
	if !bytes.Equal(m, data) {
		t.Error("mapping differs from file after releaseMapped")
	}
}

// TestPageOutKeepsContents: releaseMapped's advice, applied to a private
// anonymous mapping (what the kernel may put where a Badger file was
// mapped, between reading /proc/self/maps and the madvise), leaves its
// contents as they were.
func TestPageOutKeepsContents(t *testing.T) {
	m, err := syscall.Mmap(-1, 0, 1<<20, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(m)
	for i := range m {
		m[i] = 0xAB
	}
	pageOut(uintptr(unsafe.Pointer(&m[0])), uintptr(len(m)))
	for i, b := range m {
		if b != 0xAB {
			t.Fatalf("byte %d is %#x after pageOut, want 0xab", i, b)
		}
	}
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// mappingRSS returns the resident kilobytes of this process's mapping of
// path, from /proc/self/smaps.
func mappingRSS(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		testenv.Missing(t, "no /proc/self/smaps: %v", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	in, found, rss := false, false, 0
	for sc.Scan() {
		line := sc.Text()
		if f := strings.Fields(line); len(f) >= 5 && strings.Contains(f[0], "-") {
			slash := strings.IndexByte(line, '/')
			in = len(f) >= 6 && slash >= 0 && line[slash:] == path
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
