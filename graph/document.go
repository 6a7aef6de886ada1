package graph

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Document is one news article.
type Document struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"` // ISO 8601 date or date-time (Validate checks its shape)
	Text      string `json:"text"`
	// Place is the ID of the place entity named by the dateline
	// ("Sochi: …", "LONDON (Reuters) -"), if any.
	Place string `json:"place,omitempty"`
}

// Bounds on what store keys are built from: Badger refuses keys over 64 KB,
// and a name that long is a run of text, not a name.
const (
	MaxIDBytes   = 1024 // a document's or entity's ID
	MaxNameBytes = 512  // an entity's name or alias
)

// checkID returns an EINVALID error for an ID that cannot be stored: too
// long, not UTF-8, or with control characters (keys separate IDs by NUL).
func checkID(what, id string) error {
	switch {
	case len(id) > MaxIDBytes:
		return Errorf(EINVALID, "%s id is %d bytes long, over the limit of %d", what, len(id), MaxIDBytes)
	case !utf8.ValidString(id):
		return Errorf(EINVALID, "%s id is not valid UTF-8", what)
	case strings.ContainsFunc(id, unicode.IsControl):
		return Errorf(EINVALID, "%s id %q has a control character", what, id)
	}
	return nil
}

// Validate returns an EINVALID error when the document cannot be stored.
func (d *Document) Validate() error {
	if err := checkID("document", d.ID); err != nil {
		return err
	}
	switch {
	case d.ID == "":
		return Errorf(EINVALID, "document id required")
	case !utf8.ValidString(d.Text):
		return Errorf(EINVALID, "document %q: text is not valid UTF-8", d.ID)
	case d.Published != "" && !isISODate(d.Published):
		return Errorf(EINVALID, "document %q: published date %q is not ISO 8601 (2006-01-02 or 2006-01-02T15:04:05Z)", d.ID, d.Published)
	}
	return nil
}

// isISODate reports whether s has the shape of an ISO 8601 date, possibly
// partial or with a time: YYYY, YYYY-MM, YYYY-MM-DD, then "T" and anything.
// Stores sort and filter publication dates as strings, which is only
// right for this shape.
func isISODate(s string) bool {
	digits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return true
	}
	switch {
	case len(s) < 4 || !digits(s[:4]):
		return false
	case len(s) == 4:
		return true
	case len(s) < 7 || s[4] != '-' || !digits(s[5:7]):
		return false
	case len(s) == 7:
		return true
	case len(s) < 10 || s[7] != '-' || !digits(s[8:10]):
		return false
	}
	return len(s) == 10 || s[10] == 'T'
}

// DocumentFilter selects documents. Documents are listed by published date,
// newest first, then by ID.
type DocumentFilter struct {
	DateRange          // published within this range
	Entity    string   // documents that mention this entity; "" for any
	IDs       []string // only these documents; nil for any
	Page
}

// DocumentService reads documents.
type DocumentService interface {
	// Document returns the document with the given ID, or ENOTFOUND.
	Document(ctx context.Context, id string) (*Document, error)
	// Documents returns a page of documents matching f; EINVALID for a
	// bad date range (DateRange.Validate).
	Documents(ctx context.Context, f DocumentFilter) (List[*Document], error)
	// DeleteDocument removes a document and retracts every fact that only it
	// supported; entities left without mentions disappear. ENOTFOUND if the
	// document does not exist.
	DeleteDocument(ctx context.Context, id string) error
}
