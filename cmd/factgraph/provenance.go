package main

import (
	"context"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/extract/ner"
	"github.com/factgraph/factgraph/extract/relate"
	"github.com/factgraph/factgraph/graph"
)

// dumpProvenance returns the provenance of a dump taken under ctx (one
// snapshot, where the store has them) with filter f and strip s: this
// binary's version and models, the store's counts, and the creation time
// from now, or from $SOURCE_DATE_EPOCH where it is set, so that a dump can
// be made byte for byte again.
func dumpProvenance(ctx context.Context, getenv func(string) string, stats graph.StatsService, f graph.DumpFilter, s export.Strip) (*export.Provenance, error) {
	created, err := creationTime(getenv)
	if err != nil {
		return nil, err
	}
	st, err := stats.Stats(ctx)
	if err != nil {
		return nil, fmt.Errorf("read the store's counts: %w", err)
	}
	return &export.Provenance{
		Version: version(),
		Model:   "ner sha256:" + ner.Checksum() + " relate sha256:" + relate.Checksum(),
		Created: created,
		Store:   st,
		Filter:  f,
		Strip:   s,
	}, nil
}

// creationTime returns the time a dump records as its creation: now, or
// $SOURCE_DATE_EPOCH (seconds since 1970, as reproducible builds use it).
func creationTime(getenv func(string) string) (time.Time, error) {
	v := getenv("SOURCE_DATE_EPOCH")
	if v == "" {
		return time.Now().UTC(), nil
	}
	sec, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, graph.Errorf(graph.EINVALID, "SOURCE_DATE_EPOCH=%q is not a number of seconds", v)
	}
	return time.Unix(sec, 0).UTC(), nil
}

// version returns factgraph's version as the build recorded it: the
// module version of a release, else "devel" with the commit (and
// "-dirty" for uncommitted changes) where the build stamped one.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if rev == "" {
		return "devel"
	}
	return "devel+" + strings.TrimSpace(rev[:min(12, len(rev))]) + dirty
}
