package extract

import (
	"context"
	"unicode/utf8"

	"github.com/factgraph/factgraph/graph"
)

// The pipeline of doc.go, stage by stage: Extract cuts the document into
// windows and runs stages 1 to 6 over each (readWindow), then stages 7 to
// 9 over the whole document (finish). Each stage is a function in the
// file named here, and its comment says what it reads and adds. They
// share one docState (state.go), whose parts say which stages fill them:
//
//	part     filled by                            read by
//	ments    4 takeMentions, 5 (names it finds)   every stage
//	geo      2 findDateline, 4 and 5 (countries)  2, 4, 5 (geocode), 6, 7, 8
//	defines  5 readDefinitions                    7 resolve
//	cands    5 (roles, links), 6 readFacts        6, 7 (roles), 9 output
//
// Stages 7 to 9 hand their results on as values: the groups of
// mentions, then the entity of each mention.

// Extract finds the entities and facts of one document. It returns an
// EINVALID error for a document without an ID or with text that is not
// valid UTF-8, ELIMIT for one over WithMaxBytes, and the context's error if
// ctx ends first.
func (x *Extractor) Extract(ctx context.Context, doc graph.Document) (*graph.Extraction, error) {
	if err := doc.Validate(); err != nil {
		return nil, err
	}
	if x.maxBytes > 0 && len(doc.Text) > x.maxBytes {
		return nil, graph.Errorf(graph.ELIMIT, "document %q: %d bytes, over the limit of %d", doc.ID, len(doc.Text), x.maxBytes)
	}
	d := newDocState(x, doc)
	cp, sentBase := 0, 0
	for b := 0; b < len(doc.Text); {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		e := chunkEnd(doc.Text, b, x.chunkBytes)
		c := newChunk(doc.Text[b:e], cp, sentBase, b == 0) // 1. chunk.go
		d.readWindow(c)
		cp += utf8.RuneCountInString(c.text)
		sentBase += len(c.sents)
		b = e
	}
	return d.finish(), nil
}

// readWindow runs stages 2 to 6 over window c: its names, then what the
// words around them say.
func (d *docState) readWindow(c *chunk) {
	if len(c.toks) == 0 {
		return
	}
	mask := captionMask(c) // credits.go: caption and photo credits are no names
	var cands []mention
	if c.first {
		if m, ok := d.findDateline(c, mask); ok { // 2. dateline.go
			cands = append(cands, m)
		}
	}
	spans := d.tag(c)                           // 3. tagger.go
	cands = d.cleanSpans(c, spans, mask, cands) // 4. spans.go
	tm := d.takeMentions(c, cands)
	// 5. What the words around the names say of them.
	d.readTeams(c, tm)       // teams.go: "England beat France": teams, not places
	d.readDefinitions(c, tm) // definitions.go: "the Honduran Institute of Tourism (IHT)"
	d.readWars(c, tm)        // wars.go
	d.readRoles(c, tm)       // roles.go: titles, and the people they make
	d.readRelations(c, tm)   // relations.go: typed relations from the words around names
	d.readCues(c, tm)        // roles.go: "X said", "X's regime"
	d.readPlaces(c, tm)      // places.go: "Nairobi, Kenya", "in the province of Latakia"
	d.readFacts(c, tm)       // 6. facts.go
}

// finish runs stages 7 to 9 over the whole document: it resolves the
// mentions of every window into entities and turns the candidates into
// facts.
func (d *docState) finish() *graph.Extraction {
	groups := d.resolve()                      // 7. resolve.go
	x, entOf, placeOfEnt := d.entities(groups) // 8. entities.go
	if d.x.entities {
		d.roleFacts(newRelations(), entOf) // roles only: the relations are dropped
		return x
	}
	d.output(x, entOf, placeOfEnt) // 9. output.go
	return x
}
