// Full-text search over the documents' titles and texts (Query.search):
// the form in the header and the results page, #/search?q=QUERY. Every
// word must occur; "quoted phrases" must occur in that order. A store made
// without --text-index answers with an error, which the page shows.

import {gql, nodes, GraphQLError} from './api.js';
import {TEXT_SEARCH} from './queries.js';
import {h, documentHref, formatNumber} from './dom.js';

/** searchHref is the route of the results of query q. */
export function searchHref(q) {
  return '#/search?q=' + encodeURIComponent(q);
}

/** parseQuery reads q from the route's query string ("q=chemical%20weapons"). */
export function parseQuery(query) {
  const m = /(?:^|&)q=([^&]*)/.exec(query || '');
  if (!m) return '';
  try {
    return decodeURIComponent(m[1].replace(/\+/g, ' '));
  } catch {
    return '';
  }
}

/**
 * snippetParts splits a snippet whose matches the server marks «like
 * this» into {text, match} parts.
 */
export function snippetParts(snippet) {
  const out = [];
  const re = /«([^»]*)»/g;
  let at = 0;
  for (let m; (m = re.exec(snippet));) {
    if (m.index > at) out.push({text: snippet.slice(at, m.index), match: false});
    out.push({text: m[1], match: true});
    at = re.lastIndex;
  }
  if (at < snippet.length) out.push({text: snippet.slice(at), match: false});
  return out;
}

/** setupTextSearch sends the header's form to the results route. */
export function setupTextSearch(form, input, navigate) {
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = input.value.trim();
    if (q) navigate(searchHref(q));
  });
}

function hitItem(hit) {
  const d = hit.document;
  return h('li', {},
    h('a', {href: documentHref(d.id), class: 'hit-title'}, d.title || d.id),
    d.published ? h('span', {class: 'muted'}, ' · ' + d.published) : null,
    h('p', {class: 'snippet'}, snippetParts(hit.snippet).map((p) => (p.match ? h('mark', {}, p.text) : p.text))));
}

/** renderSearch fills main with the documents that match q. */
export async function renderSearch(main, q, input) {
  if (input) input.value = q;
  document.title = (q ? q + ' · ' : '') + 'search · factgraph';
  main.append(h('h1', {}, 'Search the documents'));
  if (!q) {
    main.append(h('p', {}, 'Type words or a "quoted phrase" into “Search text” above: every word must occur in a document’s title or text.'));
    return () => {};
  }
  let data;
  try {
    data = await gql(TEXT_SEARCH, {q});
  } catch (err) {
    if (!(err instanceof GraphQLError)) throw err;
    main.append(h('p', {class: 'error', role: 'alert'}, err.message));
    return () => {};
  }
  const list = h('ol', {class: 'hits'});
  const status = h('p', {class: 'muted', role: 'status'});
  const more = h('button', {type: 'button', class: 'more'}, 'More results');
  let conn = data.search;
  const show = () => {
    list.append(...nodes(conn).map(hitItem));
    const n = list.children.length;
    status.textContent = conn.totalCount === 0
      ? 'No document contains “' + q + '”.'
      : formatNumber(conn.totalCount) + (conn.totalCount === 1 ? ' document contains' : ' documents contain') +
        ' “' + q + '”, best match first' + (n < conn.totalCount ? '; showing ' + formatNumber(n) + '.' : '.');
    more.hidden = !conn.pageInfo.hasNextPage;
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      conn = (await gql(TEXT_SEARCH, {q, after: conn.pageInfo.endCursor})).search;
      show();
    } catch (err) {
      status.textContent = 'Search failed: ' + err.message;
    } finally {
      more.disabled = false;
    }
  });
  show();
  main.append(h('section', {class: 'card', 'aria-label': 'search results'}, status, list, more));
  return () => {};
}
