//go:build !unix

package loadtest

import "time"

// CPUTime is not measured where getrusage is missing.
func CPUTime() time.Duration { return 0 }
