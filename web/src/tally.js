// Tallies on an entity page: each toll as a small chart of its reported
// values over time (a point per report, a range as a vertical line, its
// source and document on hover, reports that contradict another marked),
// and a table of the reports.

import {h, svg, formatNumber, entityHref, documentHref} from './dom.js';
import {nodes} from './api.js';

const W = 320;
const H = 80;
const pad = 10;

/** reportAmount returns a report's [low, high]: its value twice, or its range. */
export function reportAmount(r) {
  if (typeof r.value === 'number') return [r.value, r.value];
  if (typeof r.low === 'number' && typeof r.high === 'number') return [r.low, r.high];
  return null;
}

/** reportText writes a report's amount as "more than 450,000" or "10–20". */
export function reportText(r) {
  const a = reportAmount(r);
  if (!a) return '?';
  const n = a[0] === a[1] ? formatNumber(a[0]) : formatNumber(a[0]) + '–' + formatNumber(a[1]);
  return [r.qualifier, n].filter(Boolean).join(' ');
}

/** dayOf returns the time of an ISO 8601 date (its first ten characters), or null. */
export function dayOf(s) {
  if (!s) return null;
  const t = Date.parse(s.slice(0, 10).padEnd(10, s.length === 4 ? '-01-01' : '-01').slice(0, 10));
  return Number.isNaN(t) ? null : t;
}

/** reportDate is the date a report's count holds for, else its document's publication date. */
export function reportDate(r) {
  return r.asOf || r.document?.published || '';
}

/**
 * plotPoints places reports in a W×H box: x by date (the middle when they
 * all share one, or have none), y by amount from the lowest to the highest.
 */
export function plotPoints(reports, lowest, highest) {
  const days = reports.map((r) => dayOf(reportDate(r))).filter((t) => t !== null);
  const t0 = Math.min(...days);
  const t1 = Math.max(...days);
  const x = (r) => {
    const t = dayOf(reportDate(r));
    if (t === null || !(t1 > t0)) return W / 2;
    return pad + ((t - t0) / (t1 - t0)) * (W - 2 * pad);
  };
  const y = (v) => (highest > lowest ? H - pad - ((v - lowest) / (highest - lowest)) * (H - 2 * pad) : H / 2);
  return reports.map((r) => {
    const a = reportAmount(r) || [lowest, lowest];
    return {r, x: x(r), y0: y(a[0]), y1: y(a[1])};
  });
}

function reportTitle(r) {
  return [reportText(r), reportDate(r), r.source ? 'source: ' + r.source.name : 'no source given',
    r.document ? (r.document.title || r.document.id) : null,
    r.conflicts.length ? 'contradicts ' + r.conflicts.length + (r.conflicts.length === 1 ? ' other report' : ' other reports') : null,
  ].filter(Boolean).join(' · ');
}

function tallyName(t, entityId) {
  const subject = [t.about, t.place].find((e) => e && e.id !== entityId) || t.about;
  return [t.counted, t.measure, t.currency ? '(' + t.currency + ')' : null,
    subject && subject.id !== entityId ? '· ' + subject.name : null].filter(Boolean).join(' ');
}

/** tallyCharts renders the tallies of an entity, each a chart and a table. */
export function tallyCharts(tallies, entityId) {
  return h('div', {class: 'tallies'}, tallies.map((t) => tallyFigure(t, entityId)));
}

function tallyFigure(t, entityId) {
  const reports = nodes(t.reports);
  const pts = plotPoints(reports, t.low, t.high);
  const name = tallyName(t, entityId);
  const chart = svg('svg', {
    class: 'tally-chart', viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img',
    'aria-label': `${name}: ${reports.length} reports from ${formatNumber(t.low)} to ${formatNumber(t.high)}`,
  },
  svg('line', {x1: pad, y1: H - pad, x2: W - pad, y2: H - pad, class: 'axis'}),
  pts.map(({r, x, y0, y1}) => {
    const bad = r.conflicts.length > 0;
    const latest = r.figureId === t.latest.figureId;
    return svg('g', {class: 'report' + (bad ? ' conflict' : '') + (latest ? ' latest' : '')},
      svg('title', {}, reportTitle(r)),
      y0 !== y1 ? svg('line', {x1: x, y1: y0, x2: x, y2: y1, class: 'range'}) : null,
      bad ? svg('path', {d: `M${x - 5} ${y1 - 5}L${x + 5} ${y1 + 5}M${x - 5} ${y1 + 5}L${x + 5} ${y1 - 5}`, class: 'mark'})
        : svg('circle', {cx: x, cy: y1, r: latest ? 5 : 4, class: 'mark'}));
  }));
  const agreement = t.agreement === 'disagree' ? h('span', {class: 'disagree'}, 'reports disagree')
    : t.agreement === 'agree' ? h('span', {class: 'muted'}, 'reports agree') : null;
  const more = t.reports.totalCount > reports.length ? h('p', {class: 'muted'}, `first ${reports.length} of ${t.reports.totalCount} reports`) : null;
  return h('figure', {class: 'tally'},
    h('figcaption', {},
      h('span', {class: 'tally-name'}, name), ' ',
      h('span', {class: 'tally-latest'}, 'latest ' + reportText(t.latest)), ' ',
      agreement),
    chart,
    h('p', {class: 'tally-range muted'}, 'from ' + formatNumber(t.low) + ' to ' + formatNumber(t.high)),
    h('table', {class: 'tally-reports'},
      h('thead', {}, h('tr', {}, ['as of', 'reported', 'source', 'document'].map((c) => h('th', {scope: 'col'}, c)))),
      h('tbody', {}, reports.map((r) => h('tr', {class: r.conflicts.length ? 'conflict' : null},
        h('td', {}, reportDate(r)),
        h('td', {class: 'num'}, reportText(r), r.conflicts.length ? h('span', {class: 'disagree', title: 'contradicts another report'}, ' ✕') : null),
        h('td', {}, r.source ? h('a', {href: entityHref(r.source.id)}, r.source.name) : ''),
        h('td', {}, r.document ? h('a', {href: documentHref(r.document.id)}, r.document.title || r.document.id) : ''))))),
    more);
}
