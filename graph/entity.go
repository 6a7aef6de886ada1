package graph

import (
	"context"
	"strings"
)

// EntityType is the kind of thing an entity is.
type EntityType string

// Entity types.
const (
	Person       EntityType = "person"
	Place        EntityType = "place"
	Organization EntityType = "organization"
	Event        EntityType = "event" // named events and wars, e.g. "Syrian civil war"
	Date         EntityType = "date"
	Other        EntityType = "other"
)

// EntityTypes lists every entity type in a fixed order.
var EntityTypes = []EntityType{Person, Place, Organization, Event, Date, Other}

// Valid reports whether t is one of the defined entity types.
func (t EntityType) Valid() bool {
	for _, v := range EntityTypes {
		if t == v {
			return true
		}
	}
	return false
}

// Entity is a node of the graph: a person, place, organization, named event
// or date.
type Entity struct {
	ID      string     `json:"id"`
	Type    EntityType `json:"type"`
	Name    string     `json:"name"`
	Aliases []string   `json:"aliases,omitempty"` // other surface forms, without Name
	Roles   []Role     `json:"roles,omitempty"`
	// Location is set for places the gazetteer knows.
	Location *GeoPoint `json:"location,omitempty"`
	// Value is the normalized value of a date entity: ISO 8601, partial
	// where the text is partial ("2015-09"); empty when unresolved.
	Value string `json:"value,omitempty"`
	// MentionCount is the number of mentions across all documents. The
	// extractor sets it to len(Mentions).
	MentionCount int `json:"mention_count,omitempty"`
	// Mentions are filled by the extractor, one document's worth. Stores
	// return them through EntityService.Mentions instead.
	Mentions []Mention `json:"mentions,omitempty"`
}

// Role is a title an entity holds ("President"), optionally of another
// entity (Russia).
type Role struct {
	Title string `json:"title"`
	Of    string `json:"of,omitempty"` // entity ID
}

// GeoPoint is a place's coordinates, from the gazetteer.
type GeoPoint struct {
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	CountryCode string  `json:"country_code,omitempty"` // ISO 3166-1 alpha-2
}

// Validate returns an EINVALID error when the entity cannot be stored.
func (e *Entity) Validate() error {
	switch {
	case e.ID == "":
		return Errorf(EINVALID, "entity id required")
	case !e.Type.Valid():
		return Errorf(EINVALID, "entity %q: unknown type %q", e.ID, e.Type)
	case strings.TrimSpace(e.Name) == "":
		return Errorf(EINVALID, "entity %q: name required", e.ID)
	}
	if err := checkID("entity", e.ID); err != nil {
		return err
	}
	for _, n := range e.Names() {
		if len(n) > MaxNameBytes {
			return Errorf(EINVALID, "entity %q: a name of %d bytes, over the limit of %d", e.ID, len(n), MaxNameBytes)
		}
	}
	return nil
}

// Names returns the entity's name followed by its aliases.
func (e *Entity) Names() []string {
	return append([]string{e.Name}, e.Aliases...)
}

// EntityFilter selects entities.
type EntityFilter struct {
	Type EntityType // "" for any
	// Name matches a name or alias exactly, ignoring case and diacritics.
	Name string
	// Search is a prefix of a name or alias, or of the last word of a
	// person's name ("Merkel"), ignoring case and diacritics; results are
	// ordered most-mentioned first.
	Search string
	IDs    []string // only these entities (merged IDs resolve); nil for any
	// OrderBy orders the result; "" keeps each selection's own order (by
	// ID, or most-mentioned first for Name and Search).
	OrderBy EntityOrder
	Page
}

// EntityOrder is an order of entity listings.
type EntityOrder string

// Entity orders.
const (
	ByMentions EntityOrder = "mentions" // most mentioned first, then ID
	ByName     EntityOrder = "name"     // by NameKey of the name, then ID
)

// Valid reports whether o is "" or one of the defined orders.
func (o EntityOrder) Valid() bool { return o == "" || o == ByMentions || o == ByName }

// Merge records that entity From was merged into entity Into by an analyst;
// From keeps resolving to Into.
type Merge struct {
	From string `json:"from"`
	Into string `json:"into"`
}

// EntityService reads and curates entities.
type EntityService interface {
	// Entity returns the entity with the given ID, following merges.
	// ENOTFOUND if there is none.
	Entity(ctx context.Context, id string) (*Entity, error)
	// Entities returns a page of entities matching f. EINVALID for an
	// unknown type or order.
	Entities(ctx context.Context, f EntityFilter) (List[*Entity], error)
	// EntitiesByID loads many entities at once, following merges. The result
	// has one element per id, nil where an entity does not exist.
	EntitiesByID(ctx context.Context, ids []string) ([]*Entity, error)
	// Mentions returns a page of an entity's mentions, in document order.
	Mentions(ctx context.Context, entityID string, p Page) (List[Mention], error)
	// Neighbors returns the entities related to id by any relation, most
	// strongly connected first (by the summed weight of their relations,
	// then the highest confidence among them); typ "" for any type.
	Neighbors(ctx context.Context, id string, typ EntityType, limit int) ([]*Entity, error)
	// MergeEntities merges ids into the entity into: mentions, aliases,
	// roles and facts move to it, and the old IDs resolve to it.
	// EINVALID if ids are of another type than into, ENOTFOUND if any is missing.
	MergeEntities(ctx context.Context, ids []string, into string) (*Entity, error)
}
