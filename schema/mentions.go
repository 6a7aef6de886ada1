package schema

import (
	"cmp"
	"context"
	"encoding/base64"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/factgraph/factgraph/graph"
)

// DocumentMentionLister is implemented by stores that index the entity
// mentions of each document. Document.mentions uses it when the
// DocumentService has it, and otherwise reads the mention records of a
// one-document graph.Dumper dump, which may scan.
type DocumentMentionLister interface {
	// DocumentMentions returns a page of the entity mentions of document
	// docID in text order: by Start, then End, then Entity. Every mention
	// has Document and Entity set (the entity after merges). The cursors
	// are opaque and stable; TotalCount counts all the document's
	// mentions. A document without mentions, or one that does not exist,
	// gives an empty list.
	DocumentMentions(ctx context.Context, docID string, p graph.Page) (graph.List[graph.Mention], error)
}

// documentMentions returns a page of the entity mentions of document
// docID, through DocumentMentionLister or else a dump.
func (b *builder) documentMentions(ctx context.Context, docID string, p graph.Page) (graph.List[graph.Mention], error) {
	if l, ok := b.svc.Documents.(DocumentMentionLister); ok {
		return l.DocumentMentions(ctx, docID, p)
	}
	if b.svc.Dumper == nil {
		return graph.List[graph.Mention]{}, &apiError{code: CodeInternal, message: "Document.mentions is not available from this store."}
	}
	var ms []graph.Mention
	err := b.svc.Dumper.Dump(ctx, graph.DumpFilter{Documents: []string{docID}}, func(r *graph.Record) error {
		switch r.Kind {
		case graph.RecordDocument, graph.RecordEntity:
			return nil
		case graph.RecordMention:
			if r.Mention.Document == docID {
				ms = append(ms, *r.Mention)
			}
			return nil
		}
		return errStopDump
	})
	if err != nil && !errors.Is(err, errStopDump) {
		return graph.List[graph.Mention]{}, err
	}
	return pageMentions(ms, p)
}

// pageMentions sorts a document's mentions in text order and returns the
// page p of them, with cursors that name a mention's position.
func pageMentions(ms []graph.Mention, p graph.Page) (graph.List[graph.Mention], error) {
	slices.SortFunc(ms, compareMentions)
	ms = slices.CompactFunc(ms, func(a, b graph.Mention) bool { return compareMentions(a, b) == 0 })
	out := graph.List[graph.Mention]{TotalCount: len(ms)}
	from := 0
	if p.After != "" {
		after, ok := parseMentionCursor(p.After)
		if !ok {
			return out, invalidf("`after` is not a cursor of Document.mentions.")
		}
		from, _ = slices.BinarySearchFunc(ms, after, compareMentions)
		if from < len(ms) && compareMentions(ms[from], after) == 0 {
			from++
		}
	}
	n := p.Limit(graph.MaxPageSize)
	to := min(len(ms), from+n)
	out.Items = ms[from:to]
	out.HasNextPage = to < len(ms)
	out.Cursors = make([]string, len(out.Items))
	for i, m := range out.Items {
		out.Cursors[i] = mentionCursor(m)
	}
	return out, nil
}

// compareMentions orders mentions by start, end, then entity.
func compareMentions(a, b graph.Mention) int {
	return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), strings.Compare(a.Entity, b.Entity))
}

// mentionCursor encodes a mention's position in its document.
func mentionCursor(m graph.Mention) string {
	return base64.RawURLEncoding.EncodeToString([]byte("m:" + strconv.Itoa(m.Start) + ":" + strconv.Itoa(m.End) + ":" + m.Entity))
}

// parseMentionCursor decodes a cursor of mentionCursor into the position
// it names.
func parseMentionCursor(c string) (graph.Mention, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return graph.Mention{}, false
	}
	parts := strings.SplitN(string(raw), ":", 4)
	if len(parts) != 4 || parts[0] != "m" {
		return graph.Mention{}, false
	}
	start, err1 := strconv.Atoi(parts[1])
	end, err2 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil || start < 0 || end < start {
		return graph.Mention{}, false
	}
	return graph.Mention{Start: start, End: end, Entity: parts[3]}, true
}
