// Events on a vertical timeline, oldest first; undated events last.

import {h, entityHref, documentHref, typeLabel} from './dom.js';

/**
 * dateKey sorts dates given as ISO 8601 prefixes ("2015-09", "2017-11-21");
 * anything else sorts after them, in the order given.
 */
export function dateKey(d) {
  return /^\d{4}(-\d{2}(-\d{2})?)?/.test(d || '') ? d : '\uffff';
}

/** timeline renders events as an ordered list. */
export function timeline(events, selfId) {
  const sorted = events.slice().sort((a, b) => dateKey(a.date).localeCompare(dateKey(b.date)));
  return h('ol', {class: 'timeline'}, sorted.map((e) => {
    const ev = e.evidence && e.evidence[0];
    const others = (e.participants || []).filter((p) => p.id !== selfId);
    return h('li', {},
      h('span', {class: 'when'}, e.date || 'undated'),
      h('div', {class: 'what'},
        h('strong', {}, e.name || e.kind),
        e.name && e.kind && e.name !== e.kind ? h('span', {class: 'muted'}, ' (' + e.kind + ')') : null,
        others.length ? h('span', {}, ' with ', joinLinks(others)) : null,
        e.place ? h('span', {}, ' in ', h('a', {href: entityHref(e.place.id)}, e.place.name)) : null,
        ev ? h('p', {class: 'evidence'}, h('a', {href: documentHref(ev.document.id, ev.start, ev.end)}, '“' + ev.sentence + '”')) : null));
  }));
}

/** joinLinks links entities, separated by commas. */
export function joinLinks(entities) {
  const out = [];
  entities.forEach((p, i) => {
    if (i) out.push(i === entities.length - 1 ? ' and ' : ', ');
    out.push(h('a', {href: entityHref(p.id), class: 'ent t-' + typeLabel(p.type)}, p.name));
  });
  return out;
}
