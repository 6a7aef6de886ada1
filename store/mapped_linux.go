package store

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/sys/unix"
)

// releaseMapped asks the kernel to reclaim this process's resident pages
// of the files Badger has memory-mapped under dir (its tables, value logs
// and memtable logs), so that a long scan or write does not keep every
// page it has touched in its RSS: the kernel counts touched pages of a
// mapping until it is unmapped or memory runs short.
//
// It uses MADV_PAGEOUT, which never changes what memory holds: reclaimed
// file pages are read again on the next access. That matters because the
// ranges come from /proc/self/maps and Badger may unmap a file between the
// read and the madvise, letting the kernel put other memory in its place;
// MADV_DONTNEED there would zero a private anonymous mapping (Go's heap),
// MADV_PAGEOUT at worst swaps it out. Only shared mappings under dir are
// listed. Errors are ignored: the only cost of failing is a larger RSS.
func releaseMapped(dir string) {
	if dir == "" {
		return
	}
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return
	}
	prefix := []byte(dir + string(filepath.Separator))
	sc := bufio.NewScanner(bytes.NewReader(maps))
	for sc.Scan() {
		// address perms offset dev inode pathname; only the pathname,
		// which may hold spaces, has a slash.
		line := sc.Bytes()
		f := bytes.Fields(line)
		slash := bytes.IndexByte(line, '/')
		if len(f) < 6 || len(f[1]) < 4 || f[1][3] != 's' || slash < 0 || !bytes.HasPrefix(line[slash:], prefix) {
			continue
		}
		lo, hi, ok := bytes.Cut(f[0], []byte{'-'})
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(string(lo), 16, 64)
		end, err2 := strconv.ParseUint(string(hi), 16, 64)
		if err1 != nil || err2 != nil || end <= start {
			continue
		}
		pageOut(uintptr(start), uintptr(end-start))
	}
}

// residentBytes returns the process's resident set size (VmRSS: heap,
// stacks and resident file pages), or 0 if /proc cannot be read.
func residentBytes() int64 {
	statm, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	// size resident shared text lib data dt, in pages.
	f := bytes.Fields(statm)
	if len(f) < 2 {
		return 0
	}
	pages, err := strconv.ParseInt(string(f[1]), 10, 64)
	if err != nil {
		return 0
	}
	return pages * int64(os.Getpagesize())
}

// pageOut asks the kernel to reclaim the pages of a range, keeping their
// contents (MADV_PAGEOUT).
func pageOut(start, length uintptr) {
	unix.Syscall(unix.SYS_MADVISE, start, length, unix.MADV_PAGEOUT)
}

// mappedDir returns the directory whose mappings releaseMapped drops, as
// /proc/self/maps names it (absolute, symbolic links resolved).
func mappedDir(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	return abs
}
