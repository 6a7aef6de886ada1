package graph

// MaxPageSize bounds Page.First everywhere.
const MaxPageSize = 1000

// Page asks for up to First items after the opaque cursor After.
type Page struct {
	First int    // 0 means the service's default
	After string // "" for the start
}

// Limit returns First bounded to [1, MaxPageSize], or def when First is 0.
func (p Page) Limit(def int) int {
	switch {
	case p.First <= 0:
		return def
	case p.First > MaxPageSize:
		return MaxPageSize
	}
	return p.First
}

// List is one page of a listing. Cursors[i] is the opaque, stable cursor of
// Items[i]; pass the last one as Page.After to get the next page.
type List[T any] struct {
	Items       []T
	Cursors     []string
	HasNextPage bool
	TotalCount  int
}

// EndCursor returns the cursor of the last item, or "".
func (p List[T]) EndCursor() string {
	if len(p.Cursors) == 0 {
		return ""
	}
	return p.Cursors[len(p.Cursors)-1]
}
