package schema

import (
	"github.com/factgraph/factgraph/graph"
	"github.com/graphql-go/graphql"
)

// The vocabulary query, and the arguments that name terms of the
// vocabulary: lists of predicates and the order of entity listings.

// vocabularyObjects builds the Vocabulary and Term types.
func (b *builder) vocabularyObjects() {
	b.term = graphql.NewObject(graphql.ObjectConfig{
		Name:        "Term",
		Description: "A term of the vocabulary (a predicate, measure, event kind or entity type) with the number of facts or entities that use it.",
		Fields: graphql.Fields{
			"term":  getString(nnString, "The term as filters take it (\"member_of\", \"killed\", \"meeting\", \"person\").", func(t *graph.TermCount) *string { return &t.Term }),
			"count": get(nnInt, "How many relations, figures, events or entities use it.", func(t *graph.TermCount) any { return t.Count }),
		},
	})
	terms := func(desc string, fn func(*graph.Vocabulary) []graph.TermCount) *graphql.Field {
		return get(nnList(b.term), desc, func(v *graph.Vocabulary) any {
			ts := fn(v)
			out := make([]*graph.TermCount, len(ts))
			for i := range ts {
				out[i] = &ts[i]
			}
			return out
		})
	}
	b.vocabulary = graphql.NewObject(graphql.ObjectConfig{
		Name:        "Vocabulary",
		Description: "The terms the graph uses, each with its count, most used first.",
		Fields: graphql.Fields{
			"predicates":  terms("Relation predicates.", func(v *graph.Vocabulary) []graph.TermCount { return v.Predicates }),
			"measures":    terms("Figure measures.", func(v *graph.Vocabulary) []graph.TermCount { return v.Measures }),
			"eventKinds":  terms("Event kinds.", func(v *graph.Vocabulary) []graph.TermCount { return v.EventKinds }),
			"entityTypes": terms("Entity types, in lower case as the vocabulary writes them.", func(v *graph.Vocabulary) []graph.TermCount { return v.EntityTypes }),
		},
	})
}

// vocabularyField is Query.vocabulary.
func (b *builder) vocabularyField() *graphql.Field {
	return &graphql.Field{
		Type: graphql.NewNonNull(b.vocabulary),
		Description: "The predicates, measures, event kinds and entity types the graph uses, with their counts: the values " +
			"that filters such as `relations(predicate:)`, `figures(measure:)` and `events(kind:)` accept. It reads the " +
			"index keys of every relation, figure and event.",
		Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
			vs, ok := b.svc.Stats.(graph.VocabularyService)
			if !ok {
				return nil, &apiError{code: CodeInternal, message: "The vocabulary is not available from this store."}
			}
			v, err := vs.Vocabulary(reqCtx(p.Context))
			if err != nil {
				return nil, err
			}
			return &v, nil
		}),
	}
}

// predicatesArg is the argument that takes a list of predicates.
func predicatesArg(desc string) *graphql.ArgumentConfig {
	return &graphql.ArgumentConfig{Type: graphql.NewList(nnString), Description: desc +
		" A single string is a list of one. A predicate that is neither in the vocabulary (see README) nor used by a relation is an INVALID error that lists the valid ones."}
}

// stringList reads a list-of-strings argument: nil when absent.
func stringList(v any) []string {
	xs, ok := v.([]any)
	if !ok {
		return nil
	}
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
