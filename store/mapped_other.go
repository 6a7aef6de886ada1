//go:build !linux

package store

// releaseMapped is a no-op where the process's mappings are not listed in
// /proc/self/maps.
func releaseMapped(string) {}

// mappedDir returns "" where releaseMapped does nothing.
func mappedDir(string) string { return "" }

// residentBytes returns 0 where the resident set is not read.
func residentBytes() int64 { return 0 }
