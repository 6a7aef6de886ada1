package store

import (
	"fmt"
	"math/rand"
	"slices"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// TestTopKeys checks that paging with topKeys, which keeps only a page of
// keys, gives the pages that sorting every key (pageSorted) gives.
func TestTopKeys(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	valid := func([]byte) bool { return true }
	for _, tt := range []struct{ n, first int }{{0, 3}, {1, 1}, {5, 2}, {50, 7}, {200, 50}, {30, 1000}} {
		t.Run(fmt.Sprintf("%d-by-%d", tt.n, tt.first), func(t *testing.T) {
			var keys [][]byte
			for i := 0; i < tt.n; i++ {
				keys = append(keys, []byte(fmt.Sprintf("%03d-%d", rng.Intn(100), i)))
			}
			after := ""
			for pages := 0; ; pages++ {
				p := graph.Page{First: tt.first, After: after}
				items := make([]sorted[string], len(keys))
				for i, k := range keys {
					items[i] = sorted[string]{k, string(k)}
				}
				want, err := pageSorted(items, p, valid)
				if err != nil {
					t.Fatal(err)
				}
				top, err := newTopKeys(p, valid)
				if err != nil {
					t.Fatal(err)
				}
				buf := []byte{}
				for _, k := range keys {
					buf = append(buf[:0], k...) // offer must copy what it keeps
					top.offer(buf, buf)
				}
				got, cursors, hasNext := top.page()
				var gotS []string
				for _, kv := range got {
					gotS = append(gotS, string(kv.key))
					if string(kv.val) != string(kv.key) {
						t.Errorf("key %q kept with value %q", kv.key, kv.val)
					}
				}
				if !slices.Equal(gotS, want.Items) || !slices.Equal(cursors, want.Cursors) || hasNext != want.HasNextPage || top.total != want.TotalCount {
					t.Fatalf("page %d: got %q next %v total %d, want %q next %v total %d", pages, gotS, hasNext, top.total, want.Items, want.HasNextPage, want.TotalCount)
				}
				if !hasNext {
					break
				}
				after = cursors[len(cursors)-1]
			}
		})
	}
	t.Run("ErrInvalidCursor", func(t *testing.T) {
		_, err := newTopKeys(graph.Page{After: "!"}, valid)
		wantCode(t, err, graph.EINVALID)
	})
}
