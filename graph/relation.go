package graph

import "context"

// Relation predicates. Position predicates are formed from a role title
// ("president_of", "foreign_minister_of"); the ones below are fixed.
const (
	LocatedIn     = "located_in"     // place → place
	Met           = "met"            // person ↔ person, from meeting events
	ParticipantIn = "participant_in" // entity → event
	CitizenOf     = "citizen_of"     // person → country, from nationality words and national offices
	MentionedWith = "mentioned_with" // any other pair in one sentence

	MemberOf   = "member_of"   // person → party, union, band, court, parliament; organization or country → alliance
	EmployeeOf = "employee_of" // person → organization they work, report or speak for, when no title says more
	PlayerOf   = "player_of"   // person → sports club or team they play for
	CoachOf    = "coach_of"    // person → sports club or team they coach or manage
	BasedIn    = "based_in"    // organization → place where it is based or headquartered
	FounderOf  = "founder_of"  // person → organization they founded
	PartOf     = "part_of"     // organization → organization: a ministry of a government, a subsidiary
)

// Relation is a directed, typed edge between two entities. A relation stated
// in several documents is one relation whose Weight counts the statements
// and whose Evidence holds a mention from each.
type Relation struct {
	ID        string `json:"id"`
	Subject   string `json:"subject"` // entity ID
	Predicate string `json:"predicate"`
	Object    string `json:"object"` // entity ID
	// Role is the role text a position relation was read from ("President").
	Role       string    `json:"role,omitempty"`
	Symmetric  bool      `json:"symmetric,omitempty"` // true for met and mentioned_with
	Confidence float64   `json:"confidence"`          // in [0,1]
	Weight     int       `json:"weight"`              // number of statements (sentences) supporting it
	Evidence   []Mention `json:"evidence,omitempty"`  // the sentences or spans that state it
	// Rules name the extractor rules that read its statements, in the order
	// first read, for an analyst reading why it was found. Set only by an
	// extractor asked to explain; not stored.
	Rules []string `json:"rules,omitempty"`
}

// Validate returns an EINVALID error when the relation cannot be stored.
func (r *Relation) Validate() error {
	switch {
	case r.Subject == "" || r.Object == "":
		return Errorf(EINVALID, "relation %q: subject and object required", r.Predicate)
	case r.Predicate == "":
		return Errorf(EINVALID, "relation %s→%s: predicate required", r.Subject, r.Object)
	case r.Confidence < 0 || r.Confidence > 1:
		return Errorf(EINVALID, "relation %s: confidence %v outside [0,1]", r.Predicate, r.Confidence)
	}
	return nil
}

// Direction selects edges by their orientation relative to an entity.
type Direction int

// Directions.
const (
	Both Direction = iota
	Out
	In
)

// RelationFilter selects relations.
type RelationFilter struct {
	Subject    string   // "" for any
	Object     string   // "" for any
	Predicates []string // any of these; nil for any
	// Entity with Direction selects relations touching one entity; used
	// instead of Subject and Object.
	Entity    string
	Direction Direction
	// DateRange, when set, keeps the relations stated by documents
	// published within it, each carrying only what those documents state:
	// their statements as its Weight, their highest confidence, their
	// evidence.
	DateRange
	Page
}

// PathFilter selects the relations a path may follow.
type PathFilter struct {
	From, To string // entity IDs
	MaxHops  int    // 0 for the service's default
	// Predicates, when not nil, are the only predicates followed;
	// ExcludePredicates are never followed.
	Predicates        []string
	ExcludePredicates []string
}

// Follows reports whether a path under f may follow predicate p.
func (f PathFilter) Follows(p string) bool {
	for _, x := range f.ExcludePredicates {
		if x == p {
			return false
		}
	}
	if f.Predicates == nil {
		return true
	}
	for _, x := range f.Predicates {
		if x == p {
			return true
		}
	}
	return false
}

// RelationService reads relations.
type RelationService interface {
	// Relations returns a page of relations matching f. The relations of
	// one entity (Entity, Subject or Object set) come strongest first: by
	// weight, then confidence (within f.DateRange, when set, the weight
	// and confidence in the range). EINVALID for a predicate outside the
	// vocabulary (KnownPredicate) that no relation uses, or a bad range.
	Relations(ctx context.Context, f RelationFilter) (List[*Relation], error)
	// Path returns the shortest chain of relations from f.From to f.To
	// that follows only the predicates f allows, at most f.MaxHops long,
	// or nil if there is none. ENOTFOUND if an end does not exist,
	// EINVALID for an unknown predicate.
	Path(ctx context.Context, f PathFilter) ([]*Relation, error)
}
