//go:build !linux

package store

// releaseMapped is a no-op where the process's mappings are not listed in
// /proc/self/maps.
func releaseMapped(string) {}

// mappedDir returns "" where releaseMapped does nothing.
func mappedDir(string) string { return "" }
