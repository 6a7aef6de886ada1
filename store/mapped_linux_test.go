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
	"time"
	"unsafe"

	"github.com/factgraph/factgraph/internal/testenv"
)

// TestReleaseMapped maps a file the way Badger maps its tables (shared,
// read-only), reads every page, and checks that releaseMapped drops the
// mapping's resident pages and that the data reads back unchanged.
func TestReleaseMapped(t *testing.T) {
	mf := mapFile(t)
	releaseMapped(filepath.Join(mf.dir, "elsewhere"))
	if rss := mf.rss(t); rss < mf.before {
		t.Fatal("released a mapping outside the directory")
	}
	releaseMapped(mf.dir)
	if rss := mf.rss(t); rss > mf.before/4 {
		t.Errorf("%d of %d kB still resident after releaseMapped", rss, mf.before)
	}
	if !bytes.Equal(mf.m, mf.data) {
		t.Error("mapping differs from file after releaseMapped")
	}
}

// TestPager checks that a pager drops mapped pages only above its bound
// and at most once an interval, and that no bound means no pager.
func TestPager(t *testing.T) {
	if residentBytes() <= 0 {
		t.Fatal("residentBytes reads no resident set")
	}
	if newPager("/some/dir", 0) != nil || newPager("", 1) != nil {
		t.Fatal("a pager without a bound or a directory")
	}
	mf := mapFile(t)
	newPager(mf.dir, 1<<50).release() // far above any resident set
	if rss := mf.rss(t); rss < mf.before {
		t.Fatalf("released below the bound: %d of %d kB resident", rss, mf.before)
	}
	p := newPager(mf.dir, 1) // always above
	p.interval = time.Hour
	p.release()
	if rss := mf.rss(t); rss > mf.before/4 {
		t.Fatalf("%d of %d kB still resident above the bound", rss, mf.before)
	}
	if !bytes.Equal(mf.m, mf.data) { // touches every page again
		t.Fatal("mapping differs from file after release")
	}
	p.release() // within the interval
	if rss := mf.rss(t); rss < mf.before {
		t.Errorf("released twice within an interval: %d of %d kB resident", rss, mf.before)
	}
}

// mappedFile is a file mapped the way Badger maps its tables (shared,
// read-only), with every page read once.
type mappedFile struct {
	dir    string // its directory as /proc/self/maps names it
	m      []byte // the mapping
	data   []byte // what the file holds
	before int    // resident kB of the mapping after reading it
}

func mapFile(t *testing.T) *mappedFile {
	t.Helper()
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
	t.Cleanup(func() { f.Close() })
	m, err := syscall.Mmap(int(f.Fd()), 0, len(data), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Munmap(m) })
	if !bytes.Equal(m, data) { // touches every page
		t.Fatal("mapping differs from file")
	}
	mf := &mappedFile{dir: mappedDir(dir), m: m, data: data}
	if mf.before = mf.rss(t); mf.before < 512 {
		t.Fatalf("%d kB resident after reading the mapping", mf.before)
	}
	return mf
}

// rss returns the resident kilobytes of the mapping.
func (mf *mappedFile) rss(t *testing.T) int {
	return mappingRSS(t, filepath.Join(mf.dir, "000001.sst"))
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
