package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// DocumentMentions returns a page of the entity mentions of document docID
// in text order: by Start, then End, then Entity. Every mention has
// Document and Entity set, the entity as it is after merges. TotalCount
// counts all the document's mentions; a document that does not exist, or
// has no mentions, gives an empty list. Cursors name a mention's position
// (start, end, entity), so they stay valid across writes.
//
// It reads the document's entity contribution records ('x' doc 'e') and,
// for each entity, its mention keys in the document ('m' entity doc), so it
// costs one key per entity and one per mention of the document, whatever
// the size of the store; only the page's mention values are read. It
// implements schema.DocumentMentionLister.
func (db *DB) DocumentMentions(ctx context.Context, docID string, p graph.Page) (graph.List[graph.Mention], error) {
	var out graph.List[graph.Mention]
	after, err := decodeCursor(p.After)
	if err != nil {
		return out, err
	}
	if after != nil && !validPosKey(after) {
		return out, graph.Errorf(graph.EINVALID, "cursor %q does not belong to the mentions of a document", p.After)
	}
	err = db.view(ctx, func(txn *badger.Txn) error {
		ents, err := docEntityIDs(ctx, txn, docID)
		if err != nil {
			return err
		}
		pos, err := docMentionKeys(ctx, txn, docID, ents)
		if err != nil {
			return err
		}
		slices.SortFunc(pos, func(a, b posKey) int { return bytes.Compare(a.pos, b.pos) })
		out.TotalCount = len(pos)
		from := 0
		if after != nil {
			from, _ = slices.BinarySearchFunc(pos, after, func(a posKey, k []byte) int {
				if c := bytes.Compare(a.pos, k); c != 0 {
					return c
				}
				return -1 // the first key after the cursor
			})
		}
		to := min(len(pos), from+p.Limit(defaultPage))
		out.HasNextPage = to < len(pos)
		for _, pk := range pos[from:to] {
			v, ok, err := get(tx(txn), pk.key)
			if err != nil {
				return err
			}
			if !ok {
				return errCorrupt
			}
			m, err := buildMention(pk.key, v)
			if err != nil {
				return err
			}
			out.Items = append(out.Items, m)
			out.Cursors = append(out.Cursors, encodeCursor(pk.pos))
		}
		return nil
	})
	return out, err
}

// docEntityIDs returns the entities docID contributed to, resolved through
// merges, without repeats; none if there is no such document.
func docEntityIDs(ctx context.Context, txn *badger.Txn, docID string) ([]string, error) {
	prefix := append(contribPrefix(docID), kEntity)
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	var ids []string
	seen := map[string]bool{}
	n := 0
	for it.Rewind(); it.Valid(); it.Next() {
		if n++; n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		_, _, id, err := parseContribKey(it.Item().Key())
		if err != nil {
			return nil, err
		}
		if id, err = resolveID(tx(txn), id); err != nil {
			return nil, err
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// posKey is a mention key with the position key it sorts by.
type posKey struct {
	pos []byte // mentionPosKey
	key []byte // mentionKey
}

// docMentionKeys returns the mention keys of ents in docID with their
// position keys, unsorted. One iterator seeks to each entity's keys.
func docMentionKeys(ctx context.Context, txn *badger.Txn, docID string, ents []string) ([]posKey, error) {
	if len(ents) == 0 {
		return nil, nil
	}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pMention}})
	defer it.Close()
	var out []posKey
	n := 0
	for _, id := range ents {
		prefix := key(pMention, id, docID)
		for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
			if n++; n%256 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			k := it.Item().KeyCopy(nil)
			rest := k[len(prefix):]
			if len(rest) != 8 {
				return nil, errCorrupt
			}
			start := binary.BigEndian.Uint32(rest)
			end := binary.BigEndian.Uint32(rest[4:])
			out = append(out, posKey{mentionPosKey(start, end, id), k})
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// mentionPosKey is a mention's position in its document as a key that
// sorts in text order: 'm' u32(start) u32(end) str(entity). Cursors of
// DocumentMentions encode it.
func mentionPosKey(start, end uint32, entity string) []byte {
	b := make([]byte, 1, 10+len(entity))
	b[0] = pMention
	b = binary.BigEndian.AppendUint32(b, start)
	b = binary.BigEndian.AppendUint32(b, end)
	return appendStr(b, entity)
}

// validPosKey says whether k is a mentionPosKey.
func validPosKey(k []byte) bool {
	if len(k) < 10 || k[0] != pMention {
		return false
	}
	_, rest, err := readStr(k[9:])
	return err == nil && len(rest) == 0
}
