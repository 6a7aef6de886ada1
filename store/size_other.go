//go:build !unix

package store

import "io/fs"

// diskUsage returns the apparent size of a file where block counts are not
// available.
func diskUsage(fi fs.FileInfo) int64 { return fi.Size() }
