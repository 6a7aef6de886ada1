package store

import (
	"encoding/binary"
	"fmt"
	"math"
)

// Key layout.
//
// Every key starts with one byte naming its keyspace. Strings inside keys are
// encoded order-preservingly, as in the FoundationDB tuple layer: the bytes
// of the string with every 0x00 written as 0x00 0xFF, then a 0x00
// terminator. We use this rather than a length prefix because it keeps
// byte order equal to string order, so an index scan yields IDs sorted
// (dumps and listings need no in-memory sort) while still letting a key hold
// several strings unambiguously and letting a scan stop at a string prefix.
// Integers are big-endian and fixed-width, so they sort numerically.
//
// In the diagrams, str(x) is an encoded string, u32 a 4-byte big-endian
// integer, f64 an 8-byte float ordered numerically (appendF64), and "→" separates the key from its value (codec.go).
//
//	0x01 'v'                               → u32 schema version
//	0x01 'c'                               → counters: (str name, varint count)...
//	0x01 'f'                               → ∅   some relation IDs are not relationID(s, p, o) (restored)
//	0x01 't'                               → ∅   the store keeps a full-text index (WithTextIndex)
//	'd' str(doc)                           → docRec
//	'D' ^str(published) str(doc)           → ∅   documents newest first (^ = every byte complemented)
//	'x' str(doc) 'e' str(entity)           → entityContrib   what doc contributed to an entity
//	'x' str(doc) kind str("")              → idList   doc's relations, figures, events or quotes (kind below)
//	'e' str(entity)                        → entityRec   with its relation counts (degree.go)
//	't' str(type) str(entity)              → ∅   entities by type
//	'n' str(type) str(namekey)             → idList   entities by folded name or alias
//	'l' str(token)                         → idList   persons with a multi-word name ending in token
//	'a' str(entity) str(doc)               → ∅   documents that contributed to an entity
//	'm' str(entity) str(doc) u32 u32       → mentionRec   start and end code points
//	'M' str(from)                          → mergeRec
//	'N' str(into) str(from)                → ∅   reverse of 'M'
//	'R' str(relation)                      → relRec   with its first 20 evidence mentions
//	'o' str(subject) str(pred) str(object) → edgeRec   outward edges, with weight and confidence to rank them
//	'i' str(object) str(pred) str(subject) → edgeRec   inward edges
//	'S' str(relation) str(doc)             → supportRec   one document's statements of a relation
//	'r' str(entity) strength edgeKey       → edgeRec   the entity's edges, strongest first (ties.go)
//	'b' str(entity) str(other)             → tieRec   the entity's relations with one neighbour
//	'B' str(entity) strength str(other)    → ∅   the entity's neighbours, strongest first
//	'F' str(figure)                        → factRec(Figure)
//	'g' str(measure) str(figure)           → ∅   figures by measure
//	'h' str(entity) str(figure)            → ∅   figures by about or place
//	'V' str(event)                         → factRec(EventFact)
//	'k' str(kind) str(event)               → ∅   events by kind
//	'p' str(entity) str(event)             → ∅   events by participant, place or named event
//	'Q' str(quote)                         → factRec(Quote)
//	's' str(speaker) str(quote)            → ∅   quotes by speaker
//	'Y' str(measure) str(subject) str(group) str(currency) str(asOf) str(doc) str(figure) → reportRec   tallies (tally.go)
//	'W' str(measure) str(subject) str(group) str(currency) → sumRec   a tally's summary
//	'w' str(measure) u32(MaxInt32-reports) str(subject) str(group) str(currency) → sumRec   a measure's tallies, most reported first, with their summaries
//	'z' str(stem) u64(block)               → postings   full-text index of titles and texts: the stem's postings in a block of 128 document numbers, each with the document, its length in words, the stem's frequency and word positions (search.go)
//	'Z' u64(block) u64(number)             → forwardRec   the stems of a document whose block is not complete yet (search.go)
//
// A strength is u32(MaxUint32-weight) f64(-confidence): the heaviest and
// then the most confident sort first. An 'r' key ends with the 'o' or 'i'
// key of its edge, which makes it unique and, with the strength before it,
// is the cursor of a page of relations; a 'B' key's strength is the summed
// weight and the highest confidence of the entity's relations with that
// neighbour, which its 'b' record lists.
//
// Contribution kinds under 'x': 'e' entity (value: the forms, roles and
// attributes the document added, for exact retraction), 'r' relation, 'f'
// figure, 'v' event, 'q' quote. The last four keep one sorted ID list per
// document and kind (contrib.go) rather than a key per fact, which cuts the
// keys an ingest writes.
const (
	pMeta      = 0x01
	pDoc       = 'd'
	pDocDate   = 'D'
	pContrib   = 'x'
	pEntity    = 'e'
	pType      = 't'
	pName      = 'n'
	pSurname   = 'l'
	pEntDoc    = 'a'
	pMention   = 'm'
	pMerge     = 'M'
	pMergeRev  = 'N'
	pRel       = 'R'
	pOut       = 'o'
	pIn        = 'i'
	pSupport   = 'S'
	pRankEdge  = 'r'
	pTie       = 'b'
	pRankTie   = 'B'
	pFigure    = 'F'
	pFigByMeas = 'g'
	pFigByEnt  = 'h'
	pEvent     = 'V'
	pEvByKind  = 'k'
	pEvByEnt   = 'p'
	pQuote     = 'Q'
	pQuoteBySp = 's'
	pTally     = 'Y'
	pTallyCnt  = 'W'
	pTallyRank = 'w'
	pPosting   = 'z'
	pForward   = 'Z'

	kEntity   = 'e'
	kRelation = 'r'
	kFigure   = 'f'
	kEvent    = 'v'
	kQuote    = 'q'
)

// schemaVersion is stored under versionKey; Open refuses a store written
// with another layout. Versions 3 to 5 added the figure totals ('T', 'U',
// 'u') and degrees ('c'), keep the start of each relation's evidence in its
// 'R' record, and store facts ('F', 'V', 'Q') in binary rather than JSON;
// version 6 lists a document's relations and facts under one 'x' key per
// kind and keeps degrees in the entity record instead of 'c' keys; version
// 7 replaces the figure totals ('T', 'U', 'u') with tallies ('Y', 'W', 'w') and
// stores a figure's kind, as-of date and source; version 8 orders a
// tally's 'Y' keys in time and keeps its summary under 'W', and keeps type
// votes in entity records and contributions (resolve.go's majorityType);
// version 9 keeps each tally's summary in its 'w' rank key too and counts
// each measure's tallies, so that a page of them reads only its keys;
// version 10 keeps each entity's edges and neighbours strongest first ('r',
// 'b', 'B'), so that the strongest k read k keys (ties.go); version 11
// indexes each document's words for full-text search ('z'); version 12
// keeps a word's postings in blocks of documents ('z', 'Z') and each
// document's number in the index in its 'd' record.
const schemaVersion = 12

// dataPrefixes are the keyspaces that hold graph content; a store is empty
// when none of them has a key.
var dataPrefixes = []byte{pDoc, pEntity, pMerge, pRel, pFigure, pEvent, pQuote}

func versionKey() []byte { return []byte{pMeta, 'v'} }

// textIndexKey, when present, says the store keeps a full-text index of
// its documents (WithTextIndex).
func textIndexKey() []byte { return []byte{pMeta, 't'} }

// foreignRelKey, when present, says a restore stored relations whose IDs
// are not relationID of their endpoints.
func foreignRelKey() []byte { return []byte{pMeta, 'f'} }

// countersKey holds every counter in one value, so that a commit rewrites
// one key rather than one per counter.
func countersKey() []byte { return []byte{pMeta, 'c'} }

// appendStr appends the order-preserving encoding of s.
func appendStr(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		b = append(b, s[i])
		if s[i] == 0 {
			b = append(b, 0xFF)
		}
	}
	return append(b, 0)
}

// appendStrPrefix appends s encoded without its terminator: a scan prefix
// for every string that starts with s.
func appendStrPrefix(b []byte, s string) []byte {
	b = appendStr(b, s)
	return b[:len(b)-1]
}

// readStr decodes one string from the front of b and returns the rest.
func readStr(b []byte) (string, []byte, error) {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] != 0 {
			out = append(out, b[i])
			continue
		}
		if i+1 < len(b) && b[i+1] == 0xFF {
			out = append(out, 0)
			i++
			continue
		}
		return string(out), b[i+1:], nil
	}
	return "", nil, fmt.Errorf("key: unterminated string")
}

// skipStr returns what follows the encoded string at the front of b,
// without decoding it; false if it is unterminated.
func skipStr(b []byte) ([]byte, bool) {
	for i := 0; i < len(b); i++ {
		if b[i] != 0 {
			continue
		}
		if i+1 < len(b) && b[i+1] == 0xFF {
			i++
			continue
		}
		return b[i+1:], true
	}
	return nil, false
}

// key builds a key from a keyspace byte and strings.
func key(prefix byte, parts ...string) []byte {
	n := 1
	for _, p := range parts {
		n += len(p) + 1
	}
	b := make([]byte, 1, n)
	b[0] = prefix
	for _, p := range parts {
		b = appendStr(b, p)
	}
	return b
}

// parseKey is the inverse of key: it checks the keyspace byte and returns
// the n strings that follow.
func parseKey(k []byte, prefix byte, n int) ([]string, error) {
	if len(k) == 0 || k[0] != prefix {
		return nil, fmt.Errorf("key: want keyspace %q", prefix)
	}
	out := make([]string, n)
	rest := k[1:]
	for i := range out {
		var err error
		if out[i], rest, err = readStr(rest); err != nil {
			return nil, err
		}
	}
	if len(rest) != 0 {
		return nil, fmt.Errorf("key: %d trailing bytes", len(rest))
	}
	return out, nil
}

// lastStr returns the last string of a key made of strings only: the ID at
// the end of an index key. It decodes from the front, since the encoding is
// only self-delimiting in that direction.
func lastStr(k []byte) (string, error) {
	rest := k[1:]
	var s string
	var err error
	for len(rest) > 0 {
		if s, rest, err = readStr(rest); err != nil {
			return "", err
		}
	}
	return s, nil
}

// docDateKey orders documents newest first: the complemented encoding of
// the published date reverses its order; undated documents sort last.
func docDateKey(published, doc string) []byte {
	b := []byte{pDocDate}
	start := len(b)
	b = appendStr(b, published)
	for i := start; i < len(b); i++ {
		b[i] = ^b[i]
	}
	return appendStr(b, doc)
}

// parseDocDateKey is the inverse of docDateKey.
func parseDocDateKey(k []byte) (published, doc string, err error) {
	if len(k) == 0 || k[0] != pDocDate {
		return "", "", fmt.Errorf("key: want keyspace %q", pDocDate)
	}
	inv := make([]byte, len(k)-1)
	for i := range inv {
		inv[i] = ^k[i+1]
	}
	if published, _, err = readStr(inv); err != nil {
		return "", "", err
	}
	n := len(appendStr(nil, published))
	doc, _, err = readStr(k[1+n:])
	return published, doc, err
}

func contribKey(doc string, kind byte, id string) []byte {
	b := appendStr([]byte{pContrib}, doc)
	b = append(b, kind)
	return appendStr(b, id)
}

// contribPrefix is the scan prefix of everything doc contributed.
func contribPrefix(doc string) []byte { return appendStr([]byte{pContrib}, doc) }

// parseContribKey is the inverse of contribKey.
func parseContribKey(k []byte) (doc string, kind byte, id string, err error) {
	if len(k) == 0 || k[0] != pContrib {
		return "", 0, "", fmt.Errorf("key: want keyspace %q", pContrib)
	}
	doc, rest, err := readStr(k[1:])
	if err != nil || len(rest) < 2 {
		return "", 0, "", fmt.Errorf("key: short contribution key")
	}
	id, _, err = readStr(rest[1:])
	return doc, rest[0], id, err
}

func mentionKey(entity, doc string, start, end int) []byte {
	b := key(pMention, entity, doc)
	b = binary.BigEndian.AppendUint32(b, uint32(start))
	return binary.BigEndian.AppendUint32(b, uint32(end))
}

// parseMentionKey is the inverse of mentionKey.
func parseMentionKey(k []byte) (entity, doc string, start, end int, err error) {
	if len(k) < 9 || k[0] != pMention {
		return "", "", 0, 0, fmt.Errorf("key: bad mention key")
	}
	rest := k[1:]
	if entity, rest, err = readStr(rest); err != nil {
		return
	}
	if doc, rest, err = readStr(rest); err != nil {
		return
	}
	if len(rest) != 8 {
		return "", "", 0, 0, fmt.Errorf("key: bad mention offsets")
	}
	return entity, doc, int(binary.BigEndian.Uint32(rest)), int(binary.BigEndian.Uint32(rest[4:])), nil
}

// rankEdgeKey is the 'r' key of the edge edgeKey of entity, which has
// that weight and confidence.
func rankEdgeKey(entity string, weight int, confidence float64, edgeKey []byte) []byte {
	b := make([]byte, 0, 2+len(entity)+strengthPrefix+len(edgeKey))
	return appendStrengthKey(appendStr(append(b, pRankEdge), entity), weight, confidence, edgeKey)
}

// rankTieKey is the 'B' key of entity's tie to other, of that summed
// weight and highest confidence.
func rankTieKey(entity, other string, weight int, confidence float64) []byte {
	b := make([]byte, 0, 3+len(entity)+strengthPrefix+len(other))
	b = appendStrength(appendStr(append(b, pRankTie), entity), weight, confidence)
	return appendStr(b, other)
}

// prefixEnd returns the smallest key greater than every key with prefix p,
// or nil if there is none.
func prefixEnd(p []byte) []byte {
	end := append([]byte(nil), p...)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xFF {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

// appendF64 appends v so that byte order is numeric order: the sign bit
// flipped for positive numbers, every bit for negative ones.
func appendF64(b []byte, v float64) []byte {
	u := math.Float64bits(v)
	if u>>63 == 1 {
		u = ^u
	} else {
		u |= 1 << 63
	}
	return binary.BigEndian.AppendUint64(b, u)
}
