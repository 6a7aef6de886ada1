package store_test

import (
	"github.com/factgraph/factgraph/schema"
	"github.com/factgraph/factgraph/store"
)

// The GraphQL API finds Document.entities through this optional interface.
var _ schema.DocumentEntityLister = (*store.DB)(nil)
