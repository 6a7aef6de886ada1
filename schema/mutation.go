package schema

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"unicode/utf8"

	"github.com/factgraph/factgraph/graph"
	"github.com/graphql-go/graphql"
)

func (b *builder) mutation() *graphql.Object {
	docInput := graphql.NewInputObject(graphql.InputObjectConfig{
		Name:        "DocumentInput",
		Description: "A news article to ingest.",
		Fields: graphql.InputObjectConfigFieldMap{
			"id":        {Type: graphql.ID, Description: "The document's ID; derived from a hash of the text when omitted. The same ID with new text replaces the document."},
			"text":      {Type: nnString, Description: "The full text."},
			"title":     {Type: graphql.String, Description: "The headline."},
			"url":       {Type: graphql.String, Description: "Where it was published."},
			"published": {Type: graphql.String, Description: "Publication date or date-time, ISO 8601."},
		},
	})
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        "Mutation",
		Description: "Change the graph. Every mutation needs the server's bearer token in the Authorization header.",
		Fields: graphql.Fields{
			"ingest": {
				Type:        graphql.NewNonNull(b.ingestResult),
				Description: "Extract the facts of documents and store them. Each document is applied atomically; ingesting the same document again changes nothing.",
				Args: graphql.FieldConfigArgument{
					"documents": {Type: nnList(docInput), Description: "The documents to ingest."},
				},
				Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
					if err := authorized(p.Context); err != nil {
						return nil, err
					}
					in, _ := p.Args["documents"].([]any)
					return b.ingest(reqCtx(p.Context), in)
				}),
			},
			"deleteDocument": {
				Type:        nnBool,
				Description: "Delete a document and every fact only it supported; entities left without mentions disappear. NOT_FOUND if there is no such document.",
				Args:        graphql.FieldConfigArgument{"id": idArg("The document to delete.")},
				Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
					if err := authorized(p.Context); err != nil {
						return nil, err
					}
					if err := b.svc.Documents.DeleteDocument(reqCtx(p.Context), p.Args["id"].(string)); err != nil {
						return nil, err
					}
					return true, nil
				}),
			},
			"mergeEntities": {
				Type:        graphql.NewNonNull(b.entity),
				Description: "Merge duplicate entities into one: their mentions, aliases, roles and facts move to it, and their IDs keep resolving to it. INVALID if the types differ.",
				Args: graphql.FieldConfigArgument{
					"ids":  {Type: nnList(graphql.ID), Description: "The duplicates."},
					"into": idArg("The entity that stays."),
				},
				Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
					if err := authorized(p.Context); err != nil {
						return nil, err
					}
					raw, _ := p.Args["ids"].([]any)
					ids := make([]string, 0, len(raw))
					for _, v := range raw {
						if s, ok := v.(string); ok {
							ids = append(ids, s)
						}
					}
					if len(ids) == 0 {
						return nil, invalidf("mergeEntities needs at least one ID to merge.")
					}
					return b.svc.Entities.MergeEntities(reqCtx(p.Context), ids, p.Args["into"].(string))
				}),
			},
		},
	})
}

// ingest extracts and stores documents given as DocumentInput values.
func (b *builder) ingest(ctx context.Context, in []any) (*ingestResult, error) {
	if b.svc.Extractor == nil || b.svc.Ingester == nil {
		return nil, &apiError{code: CodeInternal, message: "Ingest is not available on this server."}
	}
	if len(in) == 0 {
		return nil, invalidf("ingest needs at least one document.")
	}
	if len(in) > b.cfg.MaxIngestDocuments {
		return nil, limitf("documents", "ingest takes at most %d documents at a time; got %d.", b.cfg.MaxIngestDocuments, len(in))
	}
	res := &ingestResult{ids: make([]string, 0, len(in))}
	xs := make([]*graph.Extraction, 0, len(in))
	seen := map[string]int{} // document ID → its index

	for i, v := range in {
		m, _ := v.(map[string]any)
		doc := graph.Document{}
		doc.ID, _ = m["id"].(string)
		doc.Text, _ = m["text"].(string)
		doc.Title, _ = m["title"].(string)
		doc.URL, _ = m["url"].(string)
		doc.Published, _ = m["published"].(string)
		if doc.ID == "" {
			sum := sha256.Sum256([]byte(doc.Text))
			doc.ID = "sha256-" + hex.EncodeToString(sum[:8])
		}
		if !utf8.ValidString(doc.Text) {
			return nil, invalidf("documents[%d]: text is not valid UTF-8.", i)
		}
		if err := doc.Validate(); err != nil {
			return nil, invalidf("documents[%d]: %s", i, graph.ErrorMessage(err))
		}
		if j, dup := seen[doc.ID]; dup {
			return nil, invalidf("documents[%d]: id %q is also the id of documents[%d]; give each document its own id.", i, doc.ID, j)
		}
		seen[doc.ID] = i
		x, err := b.svc.Extractor.Extract(ctx, doc)
		if err != nil {
			return nil, err
		}
		xs = append(xs, x)
		res.ids = append(res.ids, doc.ID)
	}
	r, err := b.svc.Ingester.Ingest(ctx, xs)
	if done := r.Added + r.Replaced + r.Unchanged; err != nil && done > 0 && done < len(xs) {
		// The store applied the documents before the one it refused,
		// each whole: say so, rather than let the error hide them.
		ae := toAPIError(err)
		return nil, &apiError{code: ae.code, limit: ae.limit, message: fmt.Sprintf("documents[%d] (%q) was not stored: %s The %d documents before it were stored; send the rest again.",
			done, res.ids[done], ae.message, done)}
	}
	if err != nil {
		return nil, err
	}
	res.IngestResult = r
	return res, nil
}
