package graph

import "context"

// Snapshotter is implemented by stores that can serve several reads from
// one consistent state. Snapshot returns a context under which every read
// of the store's services sees the state as of the call, whatever is
// written meanwhile, and a release function to call when those reads are
// done; reads under the context after release see the latest state. A
// GraphQL request reads under one snapshot, so that the fields of one
// response agree (stats and a connection's totalCount, say).
type Snapshotter interface {
	Snapshot(ctx context.Context) (context.Context, func())
}
