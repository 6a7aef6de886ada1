// The document page: the article's text with every extracted entity
// highlighted by type, linking to its page, and beside it the facts the
// document states (docfacts.js).

import {gql, nodes} from './api.js';
import {DOCUMENT, DOCUMENT_MENTIONS, DOCUMENT_FACTS} from './queries.js';
import {docFacts} from './docfacts.js';
import {h, entityHref, typeLabel} from './dom.js';
import {codePointIndex, segments} from './text.js';

const types = ['person', 'place', 'organization', 'event', 'date', 'other'];

/**
 * entityRanges returns the UTF-16 ranges of a document's entity mentions
 * (code-point offsets from Document.mentions), each {start, end, entity}.
 */
export function entityRanges(text, mentions) {
  const toUnit = codePointIndex(text);
  return mentions.filter((m) => m.entity).map((m) => ({start: toUnit(m.start), end: toUnit(m.end), entity: m.entity}));
}

// maxMentionPages bounds the pages of mentions one document view fetches.
const maxMentionPages = 20;

/**
 * allMentions returns the mentions of the document's first page and of
 * the pages after it, fetched one by one.
 */
async function allMentions(id, first) {
  const out = nodes(first);
  let page = first;
  for (let i = 1; i < maxMentionPages && page.pageInfo.hasNextPage; i++) {
    const data = await gql(DOCUMENT_MENTIONS, {id, after: page.pageInfo.endCursor});
    if (!data.document) break;
    page = data.document.mentions;
    out.push(...nodes(page));
  }
  return out;
}

/** parseAt reads "?at=12-34" (code points) from the route's query. */
export function parseAt(query) {
  const m = /(?:^|&)at=(\d+)-(\d+)(?:&|$)/.exec(query || '');
  return m ? {start: Number(m[1]), end: Number(m[2])} : null;
}

// factsPanel is the facts beside the text, or why they are missing.
function factsPanel(id, facts) {
  if (facts instanceof Error) {
    return h('aside', {class: 'card doc-facts'}, h('h2', {}, 'Facts'),
      h('p', {class: 'error', role: 'alert'}, 'The facts could not be loaded: ' + facts.message));
  }
  return facts.document ? docFacts(id, facts.document) : null;
}

/** renderDocument fills main with document id; at focuses a mention. */
export async function renderDocument(main, id, at) {
  // The facts are asked for alongside the text; a server that cannot list
  // them still shows the text.
  const facts = gql(DOCUMENT_FACTS, {id}).catch((err) => err);
  const data = await gql(DOCUMENT, {id});
  const doc = data.document;
  if (!doc) {
    main.append(h('h1', {}, 'Not found'), h('p', {}, 'No document has the id “' + id + '”.'));
    return () => {};
  }
  document.title = (doc.title || doc.id) + ' · factgraph';
  const mentions = await allMentions(id, doc.mentions);
  let ranges = entityRanges(doc.text, mentions);
  let focus = null;
  if (at) {
    const toUnit = codePointIndex(doc.text);
    focus = {start: toUnit(at.start), end: toUnit(at.end), focus: true};
    const exact = ranges.find((r) => r.start === focus.start && r.end === focus.end);
    if (exact) {
      exact.focus = true;
    } else {
      ranges = ranges.filter((r) => r.end <= focus.start || r.start >= focus.end);
      ranges.push(focus);
    }
  }
  const body = h('div', {class: 'doc-text'}, segments(doc.text, ranges).map((s) => {
    if (!s.range) return s.text;
    const r = s.range;
    const attrs = r.focus ? {id: 'focus', tabindex: '-1'} : {};
    if (!r.entity) return h('mark', {class: 'focus', ...attrs}, s.text);
    const t = typeLabel(r.entity.type);
    return h('a', {
      href: entityHref(r.entity.id), class: 'hl t-' + t + (r.focus ? ' focus' : ''),
      title: r.entity.name + ' (' + t + ')', ...attrs,
    }, s.text);
  }));
  const present = new Set(mentions.filter((m) => m.entity).map((m) => typeLabel(m.entity.type)));
  main.append(
    h('header', {class: 'doc-head'},
      h('h1', {}, doc.title || doc.id),
      h('p', {class: 'muted'},
        [doc.published, doc.url ? h('a', {href: doc.url, rel: 'noopener noreferrer'}, doc.url) : null, doc.title ? 'id ' + doc.id : null]
          .filter(Boolean).map((x, i) => [i ? ' · ' : '', x]))),
    h('ul', {class: 'legend', 'aria-label': 'entity types'},
      types.filter((t) => present.has(t)).map((t) => h('li', {}, h('span', {class: 'hl t-' + t}, t)))),
    h('div', {class: 'columns doc-columns'},
      h('article', {class: 'card'}, body),
      factsPanel(id, await facts)));
  const f = main.querySelector('#focus');
  if (f) {
    f.scrollIntoView({block: 'center'});
    f.focus({preventScroll: true});
  }
  return () => {};
}
