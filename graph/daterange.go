package graph

import (
	"strings"
	"time"
)

// DateRange selects facts and documents by the publication date of the
// documents that state them. Since and Until are ISO 8601 dates, partial
// ones allowed ("2004", "2004-03", "2004-03-15", or a date with a time), or
// "" for no bound. Both bounds hold at their own precision: Until "2004-03"
// takes the whole of March 2004, Since "2004" all of 2004 on. Dates compare
// as written, without converting time zones, as stores sort them; an
// undated document is outside any range with a bound.
type DateRange struct {
	Since string
	Until string
}

// IsZero reports whether r has no bound.
func (r DateRange) IsZero() bool { return r.Since == "" && r.Until == "" }

// Validate returns EINVALID, naming the argument, for a bound that is not
// an ISO 8601 date or a Since after Until.
func (r DateRange) Validate() error {
	for _, b := range []struct{ name, date string }{{"since", r.Since}, {"until", r.Until}} {
		if b.date != "" && !isDateBound(b.date) {
			return Errorf(EINVALID, "%s: %q is not an ISO 8601 date: use 2004, 2004-03, 2004-03-15 or 2004-03-15T10:00:00Z", b.name, b.date)
		}
	}
	if r.Since != "" && r.Until != "" && r.Since > r.Until && !strings.HasPrefix(r.Since, r.Until) {
		return Errorf(EINVALID, "since %q is after until %q", r.Since, r.Until)
	}
	return nil
}

// Contains reports whether a document published on published (ISO 8601,
// as Document.Published) lies in r.
func (r DateRange) Contains(published string) bool {
	if r.IsZero() {
		return true
	}
	if published == "" {
		return false
	}
	if r.Since != "" && published < r.Since {
		return false
	}
	if r.Until != "" && published[:min(len(published), len(r.Until))] > r.Until {
		return false
	}
	return true
}

// isDateBound reports whether s is one of the ISO 8601 forms a
// publication date may take and a real date (isISODate checks only the
// shape, so "2004-13" would pass it).
func isDateBound(s string) bool {
	for _, l := range isoLayouts {
		if _, err := time.Parse(l, s); err == nil {
			return true
		}
	}
	return false
}
