// GraphQL client: every request is a POST of {query, variables} to /graphql,
// the same API analysts use.

/** GraphQLError carries the errors array of a GraphQL response. */
export class GraphQLError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'GraphQLError';
    this.errors = errors;
    this.code = errors[0]?.extensions?.code || '';
  }
}

/**
 * gql sends one operation and resolves to its data. It rejects with a
 * GraphQLError when the response has errors, and with an Error on a transport
 * failure. A signal from an AbortController cancels the request.
 */
export async function gql(query, variables, signal) {
  let res;
  try {
    res = await fetch('graphql', {
      method: 'POST',
      headers: {'Content-Type': 'application/json', Accept: 'application/json'},
      body: JSON.stringify({query, variables}),
      signal,
    });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new Error('cannot reach the server: ' + err.message);
  }
  let body;
  try {
    body = await res.json();
  } catch {
    throw new Error('server answered ' + res.status + ' ' + res.statusText + ' without JSON');
  }
  if (body.errors && body.errors.length) throw new GraphQLError(body.errors);
  if (!res.ok) throw new Error('server answered ' + res.status + ' ' + res.statusText);
  return body.data;
}

/** nodes flattens a Relay connection into its nodes. */
export function nodes(conn) {
  return conn && conn.edges ? conn.edges.map((e) => e.node) : [];
}
