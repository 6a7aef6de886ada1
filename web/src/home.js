// The start page: what the store holds, its most-mentioned entities of
// each type, and its latest documents.

import {gql, nodes} from './api.js';
import {HOME, TOP_TYPES} from './queries.js';
import {h, documentHref, entityHref, typeLabel, formatNumber} from './dom.js';

/** topSection lists the most-mentioned entities of each type, with their counts. */
function topSection(data) {
  const columns = TOP_TYPES.map((t) => [t, nodes(data['top' + t])]).filter(([, es]) => es.length > 0);
  if (!columns.length) return null;
  const column = ([t, es]) => h('div', {},
    h('h3', {}, h('span', {class: 'chip t-' + typeLabel(t)}, typeLabel(t))),
    h('ol', {class: 'top-list', 'aria-label': 'most mentioned of type ' + typeLabel(t)},
      es.map((e) => h('li', {},
        h('a', {href: entityHref(e.id)}, e.name),
        h('span', {class: 'muted'}, ' ' + formatNumber(e.mentionCount))))));
  return h('section', {class: 'card', 'aria-labelledby': 'top-h'},
    h('h2', {id: 'top-h'}, 'Most mentioned'),
    h('div', {class: 'top-entities'}, columns.map(column)));
}

/** renderHome fills main with the store's counts, most-mentioned entities and documents. */
export async function renderHome(main) {
  const data = await gql(HOME, {});
  const s = data.stats;
  document.title = 'factgraph explorer';
  const docs = nodes(data.documents);
  main.append(...[
    h('h1', {}, 'factgraph explorer'),
    h('p', {}, 'Search for a person, place, organization or event above, or open a document.'),
    h('section', {class: 'card', 'aria-labelledby': 'stats-h'},
      h('h2', {id: 'stats-h'}, 'In the store'),
      h('dl', {class: 'stats'},
        [['documents', s.documents], ['entities', s.entities], ['relations', s.relations],
          ['figures', s.figures], ['events', s.events], ['quotes', s.quotes]]
          .map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, formatNumber(v))))),
      h('ul', {class: 'legend', 'aria-label': 'entities by type'},
        s.byType.filter((b) => b.count > 0).map((b) => h('li', {},
          h('span', {class: 'chip t-' + typeLabel(b.type)}, typeLabel(b.type)), ' ', formatNumber(b.count))))),
    topSection(data),
    h('section', {class: 'card', 'aria-labelledby': 'docs-h'},
      h('h2', {id: 'docs-h'}, 'Documents'),
      docs.length
        ? h('ul', {class: 'docs'}, docs.map((d) => h('li', {},
          h('a', {href: documentHref(d.id)}, d.title || d.id),
          d.published ? h('span', {class: 'muted'}, ' · ' + d.published) : null)))
        : h('p', {class: 'muted'}, 'No documents yet: run “factgraph ingest”.'),
      data.documents.totalCount > docs.length
        ? h('p', {class: 'muted'}, `${docs.length} of ${formatNumber(data.documents.totalCount)} documents`) : null),
  ].filter(Boolean));
  return () => {};
}
