package store

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
)

// releaseMapped drops this process's resident pages of the files Badger
// has memory-mapped under dir (its tables and value logs), so that a long
// scan does not keep every page it has read resident: the kernel counts
// touched pages of a mapping in the process's RSS until it is unmapped or
// memory runs short. Badger maps these files MAP_SHARED, so dropping the
// pages loses nothing: they stay in the page cache and a later read maps
// them again. Private mappings are left alone. Errors are ignored; the
// only cost of failing is a larger RSS.
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
		// address perms offset dev inode pathname
		f := bytes.Fields(sc.Bytes())
		if len(f) < 6 || len(f[1]) < 4 || f[1][3] != 's' || !bytes.HasPrefix(f[5], prefix) {
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
		syscall.Syscall(syscall.SYS_MADVISE, uintptr(start), uintptr(end-start), syscall.MADV_DONTNEED)
	}
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
