// The facts a document states, listed beside its text: relations, figures,
// events and quotes, each linking to its entities and to the span of the
// text that states it. Relations of any two names in one sentence
// (mentioned_with) are many and say little, so they are folded away below
// the typed ones.

import {h, entityHref, documentHref, typeLabel, formatNumber} from './dom.js';
import {figureLabel} from './chart.js';

/**
 * splitRelations parts a document's relations into typed ones, strongest
 * first, and co-mentions (mentioned_with), most often first.
 */
export function splitRelations(relations) {
  const byWeight = (a, b) => b.weight - a.weight || a.id.localeCompare(b.id);
  const typed = relations.filter((r) => r.predicate !== 'mentioned_with').sort(byWeight);
  const co = relations.filter((r) => r.predicate === 'mentioned_with').sort(byWeight);
  return {typed, co};
}

/** predicateText writes "president_of" as "president of". */
export function predicateText(p) {
  return p.replace(/_/g, ' ');
}

function ent(e) {
  if (!e) return null;
  return h('a', {href: entityHref(e.id), class: 'ent t-' + typeLabel(e.type)}, e.name);
}

function entities(es) {
  return es.map((e, i) => [i ? ', ' : '', ent(e)]);
}

// inText links to the span m of document docId, focused in its text.
function inText(docId, m) {
  if (!m) return null;
  return h('a', {href: documentHref(docId, m.start, m.end), class: 'in-text', title: 'show in the text'}, 'in text');
}

function list(cls, items) {
  return h('ul', {class: 'fact-list ' + cls}, items);
}

function relationItem(docId, r) {
  return h('li', {},
    ent(r.subject), ' ', h('span', {class: 'pred'}, predicateText(r.predicate)), ' ', ent(r.object),
    r.weight > 1 ? h('span', {class: 'muted'}, ' ×' + r.weight) : null,
    ' ', inText(docId, r.evidence[0]));
}

function section(title, count, body) {
  const hid = 'df-' + title.toLowerCase().replace(/\W+/g, '-');
  return h('section', {'aria-labelledby': hid},
    h('h3', {id: hid}, title, h('span', {class: 'muted'}, ' ' + formatNumber(count))), body);
}

/** docFacts renders the facts of document docId (Document's fact fields). */
export function docFacts(docId, d) {
  const {typed, co} = splitRelations(d.relations);
  const parts = [];
  if (typed.length) {
    parts.push(section('Relations', typed.length, list('relations', typed.map((r) => relationItem(docId, r)))));
  }
  if (d.figures.length) {
    parts.push(section('Figures', d.figures.length, list('figures', d.figures.map((f) => h('li', {},
      h('span', {class: 'figure'}, figureLabel(f)),
      f.about || f.place ? [' · ', entities([f.about, f.place].filter(Boolean))] : null,
      ' ', inText(docId, f.evidence))))));
  }
  if (d.events.length) {
    parts.push(section('Events', d.events.length, list('events', d.events.map((e) => h('li', {},
      h('span', {class: 'event'}, e.name || e.kind),
      e.date ? h('span', {class: 'muted'}, ' ' + e.date) : null,
      e.participants.length ? [': ', entities(e.participants)] : null,
      e.place ? [' in ', ent(e.place)] : null,
      ' ', inText(docId, e.evidence[0]))))));
  }
  if (d.quotes.length) {
    parts.push(section('Quotes', d.quotes.length, list('quotes', d.quotes.map((q) => h('li', {},
      h('blockquote', {}, '“' + q.text + '”'),
      h('p', {class: 'cite'}, '— ', q.speaker ? ent(q.speaker) : 'unattributed',
        q.about && q.about.length ? [' · about ', entities(q.about)] : null,
        ' ', inText(docId, q.evidence)))))));
  }
  if (co.length) {
    parts.push(h('details', {class: 'co-mentions'},
      h('summary', {}, 'Named together in a sentence ', h('span', {class: 'muted'}, formatNumber(co.length))),
      list('relations', co.map((r) => relationItem(docId, r)))));
  }
  if (!parts.length) parts.push(h('p', {class: 'muted'}, 'No facts were extracted from this document.'));
  return h('aside', {class: 'card doc-facts', 'aria-labelledby': 'df-h'}, h('h2', {id: 'df-h'}, 'Facts'), parts);
}
