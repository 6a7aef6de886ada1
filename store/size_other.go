//go:build !unix

package store

import (
	"errors"
	"io/fs"
)

// diskUsage returns the apparent size of a file where block counts are not
// available.
func diskUsage(fi fs.FileInfo) int64 { return fi.Size() }

// freeSpace is unknown where statfs is not available: writes are not
// held back, and a full disk fails them as the file system does.
func freeSpace(string) (uint64, error) { return 0, errors.ErrUnsupported }
