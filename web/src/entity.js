// The entity page: what the graph knows of one entity, with provenance.

import {gql, nodes} from './api.js';
import {ENTITY} from './queries.js';
import {h, entityHref, documentHref, typeLabel, formatNumber} from './dom.js';
import {figureCharts} from './chart.js';
import {tallyCharts} from './tally.js';
import {timeline} from './timeline.js';
import {segments, sentenceRanges} from './text.js';
import {GraphView, graphPanel} from './graphview.js';
import {distinctRoles} from './roles.js';

/**
 * renderEntity fills main with the page of entity id and returns a cleanup
 * function, or throws when the entity cannot be loaded.
 */
export async function renderEntity(main, id, navigate) {
  const data = await gql(ENTITY, {id});
  const e = data.entity;
  if (!e) {
    main.append(h('h1', {}, 'Not found'), h('p', {}, 'No entity has the id “' + id + '”.'));
    return () => {};
  }
  document.title = e.name + ' · factgraph';
  const t = typeLabel(e.type);
  const panel = graphPanel();
  main.append(
    h('header', {class: 'entity-head'},
      h('h1', {id: 'entity-name'}, e.name),
      h('p', {class: 'facts'},
        h('span', {class: 'chip t-' + t}, t),
        h('span', {class: 'muted'}, formatNumber(e.mentionCount) + (e.mentionCount === 1 ? ' mention' : ' mentions'))),
      e.aliases.length ? h('p', {class: 'aliases'}, h('span', {class: 'label'}, 'Also known as '),
        e.aliases.map((a, i) => [i ? ', ' : '', h('span', {class: 'alias'}, a)])) : null,
      e.roles.length ? h('ul', {class: 'roles', 'aria-label': 'roles'}, distinctRoles(e.roles).map(roleItem)) : null,
      e.location ? locationLine(e.location) : null),
    h('div', {class: 'columns'},
      panel.root,
      h('div', {class: 'details'},
        e.tallies.edges.length ? section('Tallies', tallyCharts(nodes(e.tallies), e.id)) : null,
        e.figures.length ? section('Figures', figureCharts(e.figures)) : null,
        e.events.length ? section('Events', timeline(e.events, e.id)) : null,
        e.quotes.length ? section('Quotes', quoteList(e.quotes)) : null,
        section('Sources', mentionList(e))),
    ));
  const view = new GraphView(panel, e.id, navigate);
  // A read-only view of the graph for tests and the console.
  window.factgraph = {
    graph: () => (view.cy ? {...view.visible(), expanded: [...view.expanded]} : null),
    position: (nid) => view.pagePosition(nid),
  };
  view.load();
  return () => view.destroy();
}

function section(title, body) {
  const hid = 'sec-' + title.toLowerCase();
  return h('section', {class: 'card', 'aria-labelledby': hid}, h('h2', {id: hid}, title), body);
}

function roleItem(r) {
  return h('li', {class: 'role'}, r.title,
    r.of ? [' of ', h('a', {href: entityHref(r.of.id), class: 'ent t-' + typeLabel(r.of.type)}, r.of.name)] : null);
}

function locationLine(loc) {
  const lat = Math.abs(loc.lat).toFixed(4) + '° ' + (loc.lat >= 0 ? 'N' : 'S');
  const lon = Math.abs(loc.lon).toFixed(4) + '° ' + (loc.lon >= 0 ? 'E' : 'W');
  return h('p', {class: 'location'}, h('span', {class: 'label'}, 'Location '),
    h('span', {class: 'coords'}, lat + ', ' + lon),
    loc.countryCode ? h('span', {class: 'muted'}, ' (' + loc.countryCode + ')') : null);
}

function quoteList(quotes) {
  return h('ul', {class: 'quotes'}, quotes.map((q) => {
    const ev = q.evidence;
    return h('li', {},
      h('blockquote', {}, '“' + q.text + '”'),
      h('p', {class: 'cite'}, '— ',
        q.speaker ? h('a', {href: entityHref(q.speaker.id)}, q.speaker.name) : 'unattributed',
        ev ? [', ', docLink(ev)] : null));
  }));
}

function docLink(m) {
  return h('a', {href: documentHref(m.document.id, m.start, m.end)}, m.document.title || m.document.id);
}

/** highlightSentence marks the mention m inside its sentence. */
export function highlightSentence(m) {
  return segments(m.sentence, sentenceRanges(m)).map((s) => (s.range ? h('mark', {}, s.text) : s.text));
}

function mentionList(e) {
  const ms = nodes(e.mentions);
  if (!ms.length) return h('p', {class: 'muted'}, 'No mentions.');
  const total = e.mentions.totalCount;
  return h('div', {},
    total > ms.length ? h('p', {class: 'muted'}, `The first ${ms.length} of ${formatNumber(total)} mentions.`) : null,
    h('ol', {class: 'mentions'}, ms.map((m) => h('li', {},
      h('p', {class: 'sentence'}, highlightSentence(m)),
      h('p', {class: 'cite'}, docLink(m), m.document.published ? h('span', {class: 'muted'}, ' · ' + m.document.published) : null)))));
}
