//go:build !unix

package ner

import "time"

// cpuTime is not measured on this platform; CPU-time checks and metrics
// are then skipped.
func cpuTime() time.Duration { return 0 }
