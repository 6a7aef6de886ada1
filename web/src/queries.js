// The GraphQL operations the page sends. They use only the names of the
// schema contract (issue 5), so any server that keeps it serves the page.

const entityRef = 'id type name mentionCount';

export const SEARCH = `query Search($q: String!) {
  entities(search: $q, first: 10) {
    edges { node { id type name aliases mentionCount } }
  }
}`;

const mentionFields = 'start end text sentence document { id title published }';

export const ENTITY = `query Entity($id: ID!) {
  entity(id: $id) {
    id type name aliases mentionCount
    roles { title of { ${entityRef} } }
    location { lat lon countryCode }
    figures(first: 50) {
      id value low high qualifier measure counted text date
      about { ${entityRef} } place { ${entityRef} }
      evidence { ${mentionFields} }
    }
    events(first: 50) {
      id kind name date
      participants { ${entityRef} } place { ${entityRef} }
      evidence { ${mentionFields} }
    }
    quotes(first: 50) {
      id text speaker { ${entityRef} }
      evidence { ${mentionFields} }
    }
    mentions(first: 50) {
      totalCount
      edges { node { ${mentionFields} } }
    }
  }
}`;

/** NEIGHBOURHOOD fetches an entity's relations for the graph. */
export const NEIGHBOURHOOD = `query Neighbourhood($id: ID!, $first: Int!) {
  entity(id: $id) {
    ${entityRef}
    relations(direction: BOTH, first: $first) {
      totalCount
      edges { node { id predicate weight confidence subject { ${entityRef} } object { ${entityRef} } } }
    }
  }
}`;

// The contract has no list of a document's mentions, so the page asks each
// of the document's entities for its mentions and keeps this document's.
// The sizes keep the estimated cost (entities × mentions) well under the
// server's default limit of 50,000; an entity whose mentions in this
// document lie beyond the first page is found by name instead.
export const DOCUMENT = `query Document($id: ID!) {
  document(id: $id) {
    id title url published text
    entities(first: 100) {
      ${entityRef} aliases
      mentions(first: 40) { pageInfo { hasNextPage } edges { node { start end document { id } } } }
    }
  }
}`;

export const HOME = `query Home {
  stats { documents entities relations figures events quotes byType { type count } }
  documents(first: 20) { totalCount edges { node { id title published } } }
}`;
