// The GraphQL operations the page sends. They use the names of the schema
// contract (issue 5) and two of the server's additions to it:
// Document.mentions (every entity mention of a document, with its entity)
// and Mention.sentenceStart (where the mention's sentence starts).

const entityRef = 'id type name mentionCount';

export const SEARCH = `query Search($q: String!) {
  entities(search: $q, first: 10) {
    edges { node { id type name aliases mentionCount } }
  }
}`;

const mentionFields = 'start end text sentence sentenceStart document { id title published }';

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
    tallies(first: 10) {
      edges { node {
        id measure counted currency agreement low high
        about { ${entityRef} } place { ${entityRef} }
        latest { figureId value low high qualifier asOf }
        reports(first: 50) {
          totalCount
          edges { node {
            figureId value low high qualifier asOf kind conflicts
            source { ${entityRef} } document { id title published }
          } }
        }
      } }
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

// A document with the first page of its entity mentions, in text order;
// DOCUMENT_MENTIONS fetches the pages after it. A page of 1000 mentions
// costs about 7,000 of the server's default limit of 50,000.
const documentMentions = `mentions(first: 1000, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { start end entity { ${entityRef} } } }
    }`;

export const DOCUMENT = `query Document($id: ID!, $after: String) {
  document(id: $id) {
    id title url published text
    ${documentMentions}
  }
}`;

export const DOCUMENT_MENTIONS = `query DocumentMentions($id: ID!, $after: String) {
  document(id: $id) {
    ${documentMentions}
  }
}`;

/** TOP_TYPES are the entity types whose most-mentioned entities the home page lists. */
export const TOP_TYPES = ['PERSON', 'ORGANIZATION', 'PLACE', 'EVENT'];

const topEntities = TOP_TYPES.map((t) =>
  `top${t}: entities(type: ${t}, orderBy: MENTIONS, first: 10) { edges { node { ${entityRef} } } }`).join('\n  ');

export const HOME = `query Home {
  stats { documents entities relations figures events quotes byType { type count } }
  documents(first: 20) { totalCount edges { node { id title published } } }
  ${topEntities}
}`;

// The facts a document states, for the list beside its text: each with the
// span that states it, to focus in the text. A relation's weight and
// evidence are this document's only.
const span = 'start end';

export const DOCUMENT_FACTS = `query DocumentFacts($id: ID!) {
  document(id: $id) {
    relations(first: 500) { id predicate weight subject { ${entityRef} } object { ${entityRef} } evidence(first: 1) { ${span} } }
    figures(first: 200) { id value low high qualifier measure counted text about { ${entityRef} } place { ${entityRef} } evidence { ${span} } }
    events(first: 200) { id kind name date participants { ${entityRef} } place { ${entityRef} } evidence { ${span} } }
    quotes(first: 200) { id text speaker { ${entityRef} } about { ${entityRef} } evidence { ${span} } }
  }
}`;

/** TEXT_SEARCH is the full-text search over documents' titles and texts. */
export const TEXT_SEARCH = `query TextSearch($q: String!, $after: String) {
  search(query: $q, first: 20, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { score snippet document { id title published } } }
  }
}`;
