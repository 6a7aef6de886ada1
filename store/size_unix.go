//go:build unix

package store

import (
	"io/fs"
	"syscall"
)

// diskUsage returns the bytes a file occupies on disk. Badger preallocates
// its value log and memtable files sparsely, so their apparent size
// overstates the store by hundreds of megabytes.
func diskUsage(fi fs.FileInfo) int64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return st.Blocks * 512
	}
	return fi.Size()
}
