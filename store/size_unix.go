//go:build unix

package store

import (
	"io/fs"
	"syscall"
)

// freeSpace returns the bytes available to this process on the file
// system that holds path.
func freeSpace(path string) (uint64, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(path, &st); err != nil {
		return 0, err
	}
	return uint64(st.Bavail) * uint64(st.Bsize), nil
}

// diskUsage returns the bytes a file occupies on disk. Badger preallocates
// its value log and memtable files sparsely, so their apparent size
// overstates the store by hundreds of megabytes.
func diskUsage(fi fs.FileInfo) int64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return st.Blocks * 512
	}
	return fi.Size()
}
