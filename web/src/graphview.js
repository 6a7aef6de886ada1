// The interactive neighbourhood graph: cytoscape.js with the fcose
// force-directed layout. A click opens a node's page, a double-click expands
// its neighbours; filters hide entity types and predicates; the visible
// subgraph downloads as GraphML or PNG. A list of the visible neighbours
// under the canvas gives keyboard and screen-reader users the same graph.

import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import {gql, nodes} from './api.js';
import {NEIGHBOURHOOD} from './queries.js';
import {h, clear, entityHref, typeLabel} from './dom.js';
import {toGraphML} from './graphml.js';

cytoscape.use(fcose);

const relationsPerExpand = 50;
const maxFitZoom = 1.25;
const types = ['person', 'place', 'organization', 'event', 'date', 'other'];

/** nodeSize grows with the logarithm of the mention count. */
export function nodeSize(mentionCount) {
  return Math.round(Math.min(72, 18 + 9 * Math.log2(1 + Math.max(0, mentionCount || 0))));
}

function typeColors() {
  const css = getComputedStyle(document.documentElement);
  const out = {};
  for (const t of types) out[t] = css.getPropertyValue('--c-' + t).trim() || '#555';
  return out;
}

/**
 * GraphView draws the neighbourhood of one entity in root, which must hold
 * the elements made by graphPanel().
 */
export class GraphView {
  constructor(panel, centre, navigate) {
    this.panel = panel;
    this.centre = centre;
    this.navigate = navigate;
    this.expanded = new Set();
    this.hiddenTypes = new Set();
    this.hiddenPredicates = new Set();
    const colors = typeColors();
    this.cy = cytoscape({
      container: panel.canvas,
      minZoom: 0.2,
      maxZoom: 3,
      style: [
        {selector: 'node', style: {
          'background-color': (n) => colors[n.data('type')] || colors.other,
          width: 'data(size)', height: 'data(size)',
          label: 'data(name)', 'font-size': 11, 'font-family': 'system-ui, sans-serif',
          color: '#111', 'text-valign': 'bottom', 'text-margin-y': 3,
          'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': 2,
          'text-wrap': 'ellipsis', 'text-max-width': 140,
          'border-width': 1, 'border-color': '#fff',
        }},
        {selector: 'node.centre', style: {'border-width': 4, 'border-color': '#111', 'font-weight': 'bold'}},
        {selector: 'node.expanded', style: {'border-style': 'double', 'border-width': 4, 'border-color': '#444'}},
        {selector: 'node:selected', style: {'overlay-color': '#0b57d0', 'overlay-opacity': 0.25}},
        {selector: 'edge', style: {
          width: (e) => Math.min(6, 1 + Math.log2(e.data('weight') || 1)),
          'line-color': '#8c8c8c', 'target-arrow-color': '#8c8c8c', 'target-arrow-shape': 'triangle',
          'curve-style': 'bezier', label: 'data(predicate)', 'font-size': 9, color: '#333',
          'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.85,
          'text-background-padding': 1,
          // In a crowded, zoomed-out graph edge labels would be an
          // unreadable smear; they appear as the user zooms in.
          'min-zoomed-font-size': 7,
        }},
        {selector: '.hidden', style: {display: 'none'}},
      ],
    });
    // onetap fires once cytoscape knows a tap was not the first of a
    // double tap (after its multiClickDebounceTime).
    this.cy.on('onetap', 'node', (ev) => this.navigate(entityHref(ev.target.id())));
    this.cy.on('dbltap', 'node', (ev) => this.expand(ev.target.id()));
    // Cytoscape sizes its canvases on window resizes only; the panel also
    // changes size when the layout reflows.
    this.resizer = new ResizeObserver(() => {
      if (!this.cy) return;
      this.cy.resize();
      this.cy.fit(this.cy.elements(':visible'), 30);
    });
    this.resizer.observe(panel.canvas);
    panel.png.addEventListener('click', () => this.downloadPNG());
    panel.graphml.addEventListener('click', () => this.downloadGraphML());
    panel.fit.addEventListener('click', () => this.cy.fit(this.cy.elements(':visible'), 30));
  }

  /** load draws the centre and its neighbours. */
  async load() {
    await this.expand(this.centre);
  }

  /** expand fetches id's relations and adds them to the graph. */
  async expand(id) {
    if (this.expanded.has(id)) return;
    this.expanded.add(id);
    this.panel.status.textContent = 'loading neighbours…';
    let data;
    try {
      data = await gql(NEIGHBOURHOOD, {id, first: relationsPerExpand});
    } catch (err) {
      this.expanded.delete(id);
      this.panel.status.textContent = 'could not load neighbours: ' + err.message;
      return;
    }
    if (!this.cy || !data.entity) return;
    const ent = data.entity;
    const rels = nodes(ent.relations);
    const from = this.cy.getElementById(id);
    const near = from.nonempty() ? {...from.position()} : null;
    this.cy.batch(() => {
      this.addNode(ent, near);
      for (const r of rels) {
        this.addNode(r.subject, near);
        this.addNode(r.object, near);
        const eid = 'rel:' + r.id;
        if (this.cy.getElementById(eid).empty()) {
          this.cy.add({group: 'edges', data: {
            id: eid, source: r.subject.id, target: r.object.id,
            predicate: r.predicate, weight: r.weight, confidence: r.confidence,
          }});
        }
      }
      this.cy.getElementById(id).addClass(id === this.centre ? 'centre' : 'expanded');
    });
    const total = ent.relations.totalCount;
    this.panel.status.textContent = total > rels.length
      ? `showing ${rels.length} of ${total} relations of ${ent.name}`
      : '';
    this.refresh();
    this.layout(this.expanded.size > 1);
  }

  /** addNode adds entity e unless present, placed near a point if given. */
  addNode(e, near) {
    if (this.cy.getElementById(e.id).nonempty()) return;
    const el = {group: 'nodes', data: {
      id: e.id, name: e.name, type: typeLabel(e.type),
      mentionCount: e.mentionCount, size: nodeSize(e.mentionCount),
    }};
    // New neighbours start around the expanded node, so the incremental
    // layout moves them out from there instead of from the origin.
    if (near) el.position = {x: near.x + (Math.random() - 0.5) * 60, y: near.y + (Math.random() - 0.5) * 60};
    this.cy.add(el);
  }

  /** layout runs fcose on the visible elements, from scratch or incrementally. */
  layout(incremental) {
    const opts = {
      name: 'fcose', quality: 'default', randomize: !incremental, animate: false,
      nodeRepulsion: () => 9000, idealEdgeLength: () => 110, nodeSeparation: 90,
      padding: 30, fit: true,
    };
    const layout = this.cy.elements(':visible').layout(opts);
    // Fitting a handful of nodes would zoom them up to cartoon size.
    layout.one('layoutstop', () => {
      if (this.cy && this.cy.zoom() > maxFitZoom) {
        this.cy.zoom(maxFitZoom);
        this.cy.center(this.cy.elements(':visible'));
      }
    });
    layout.run();
  }

  /** refresh applies the filters and redraws the controls and the list. */
  refresh() {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().removeClass('hidden');
      cy.nodes().forEach((n) => {
        if (n.id() !== this.centre && this.hiddenTypes.has(n.data('type'))) n.addClass('hidden');
      });
      cy.edges().forEach((e) => {
        if (this.hiddenPredicates.has(e.data('predicate')) || e.source().hasClass('hidden') || e.target().hasClass('hidden')) {
          e.addClass('hidden');
        }
      });
      // A neighbour whose every edge is hidden would float unconnected.
      cy.nodes().forEach((n) => {
        if (n.id() !== this.centre && !n.hasClass('hidden') && n.connectedEdges().not('.hidden').empty()) n.addClass('hidden');
      });
    });
    this.renderFilters();
    this.renderList();
  }

  renderFilters() {
    const present = (sel, key) => [...new Set(this.cy.$(sel).map((x) => x.data(key)))].sort();
    const box = (label, value, hidden, cls) => h('label', {class: 'filter'},
      h('input', {type: 'checkbox', checked: !hidden.has(value), onchange: (ev) => {
        if (ev.target.checked) hidden.delete(value); else hidden.add(value);
        this.refresh();
      }}),
      cls ? h('span', {class: 'swatch ' + cls, 'aria-hidden': 'true'}) : null,
      label);
    clear(this.panel.types).append(
      h('legend', {}, 'Entity types'),
      ...present('node', 'type').map((t) => box(t, t, this.hiddenTypes, 't-' + t)));
    clear(this.panel.predicates).append(
      h('legend', {}, 'Predicates'),
      ...present('edge', 'predicate').map((p) => box(p.replace(/_/g, ' '), p, this.hiddenPredicates)));
  }

  renderList() {
    const centre = this.cy.getElementById(this.centre);
    const rows = this.cy.edges(':visible').map((e) => {
      const s = e.source();
      const t = e.target();
      return h('li', {},
        nodeLink(s, this.centre), ' ',
        h('span', {class: 'pred'}, e.data('predicate').replace(/_/g, ' ')), ' ',
        nodeLink(t, this.centre),
        ...[s, t].filter((n) => n.id() !== this.centre && !this.expanded.has(n.id())).map((n) =>
          h('button', {type: 'button', class: 'small', 'aria-label': 'expand neighbours of ' + n.data('name'),
            onclick: () => this.expand(n.id())}, 'expand')));
    });
    clear(this.panel.list).append(...(rows.length ? rows : [h('li', {class: 'muted'},
      centre.nonempty() ? 'no relations to show' : '')]));
  }

  /** visible returns the visible subgraph as plain nodes and edges. */
  visible() {
    const ns = this.cy.nodes(':visible').map((n) => ({
      id: n.id(), name: n.data('name'), type: n.data('type'), mentionCount: n.data('mentionCount'),
    }));
    const es = this.cy.edges(':visible').map((e) => ({
      id: e.id().replace(/^rel:/, ''), source: e.source().id(), target: e.target().id(),
      predicate: e.data('predicate'), weight: e.data('weight'), confidence: e.data('confidence'),
    }));
    return {nodes: ns, edges: es};
  }

  /** pagePosition is where node id is drawn, in viewport coordinates. */
  pagePosition(id) {
    const n = this.cy && this.cy.getElementById(id);
    if (!n || n.empty()) return null;
    const box = this.panel.canvas.getBoundingClientRect();
    const p = n.renderedPosition();
    return {x: box.left + p.x, y: box.top + p.y};
  }

  downloadGraphML() {
    const {nodes: ns, edges: es} = this.visible();
    download(new Blob([toGraphML(ns, es)], {type: 'application/graphml+xml'}), this.fileName('graphml'));
  }

  async downloadPNG() {
    const blob = await this.cy.png({output: 'blob-promise', full: true, bg: '#ffffff', scale: 2});
    download(blob, this.fileName('png'));
  }

  fileName(ext) {
    const name = this.cy.getElementById(this.centre).data('name') || 'graph';
    return 'factgraph-' + name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') + '.' + ext;
  }

  destroy() {
    this.resizer.disconnect();
    if (this.cy) this.cy.destroy();
    this.cy = null;
  }
}

function nodeLink(n, centre) {
  const name = n.data('name');
  return n.id() === centre
    ? h('strong', {}, name)
    : h('a', {href: entityHref(n.id()), class: 'ent t-' + n.data('type')}, name);
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', {href: url, download: name, hidden: true});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** graphPanel makes the DOM of the graph section. */
export function graphPanel() {
  const p = {
    canvas: h('div', {class: 'graph-canvas', role: 'img',
      'aria-label': 'neighbourhood graph; the list below names the same relations'}),
    status: h('p', {class: 'muted', role: 'status'}),
    types: h('fieldset', {class: 'filters'}),
    predicates: h('fieldset', {class: 'filters'}),
    list: h('ul', {class: 'neighbours', 'aria-label': 'relations in the graph'}),
    png: h('button', {type: 'button', class: 'dl-png'}, 'Download PNG'),
    graphml: h('button', {type: 'button', class: 'dl-graphml'}, 'Download GraphML'),
    fit: h('button', {type: 'button', class: 'fit', 'aria-label': 'fit the graph to the panel'}, 'Fit'),
  };
  p.root = h('section', {class: 'graph', 'aria-labelledby': 'graph-h'},
    h('div', {class: 'graph-head'},
      h('h2', {id: 'graph-h'}, 'Neighbourhood'),
      h('div', {class: 'buttons'}, p.fit, p.graphml, p.png)),
    h('p', {class: 'hint muted'}, 'Click a node to open it, double-click to expand its neighbours; drag to move, scroll to zoom.'),
    p.canvas, p.status,
    h('div', {class: 'filter-row'}, p.types, p.predicates),
    h('details', {class: 'neighbour-list'}, h('summary', {}, 'Relations as a list'), p.list));
  return p;
}
