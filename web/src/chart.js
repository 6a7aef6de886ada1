// Figures as small SVG bar charts, one per measure. Bars within a measure
// share a scale; measures do not, since 11 million displaced and 450,000
// killed would otherwise leave the smaller bar invisible.

import {h, svg, formatNumber, documentHref} from './dom.js';

const barH = 22;
const gap = 6;

/** figureValue is the number a bar shows: the value, or the range's middle. */
export function figureValue(f) {
  if (typeof f.value === 'number') return f.value;
  if (typeof f.low === 'number' && typeof f.high === 'number') return (f.low + f.high) / 2;
  if (typeof f.low === 'number') return f.low;
  if (typeof f.high === 'number') return f.high;
  return null;
}

/** figureLabel writes a figure as "more than 450,000 people killed". */
export function figureLabel(f) {
  let n;
  if (typeof f.value === 'number') n = formatNumber(f.value);
  else if (typeof f.low === 'number' && typeof f.high === 'number') n = formatNumber(f.low) + '–' + formatNumber(f.high);
  else if (typeof f.low === 'number') n = formatNumber(f.low);
  else if (typeof f.high === 'number') n = formatNumber(f.high);
  else n = f.text;
  return [f.qualifier, n, f.counted, f.measure].filter(Boolean).join(' ');
}

/** figureCharts renders the figures grouped by measure, largest first. */
export function figureCharts(figures) {
  const byMeasure = new Map();
  for (const f of figures) {
    if (!byMeasure.has(f.measure)) byMeasure.set(f.measure, []);
    byMeasure.get(f.measure).push(f);
  }
  const wrap = h('div', {class: 'charts'});
  for (const [measure, fs] of byMeasure) {
    fs.sort((a, b) => (figureValue(b) ?? -1) - (figureValue(a) ?? -1));
    const max = Math.max(...fs.map((f) => figureValue(f) ?? 0), 1);
    const height = fs.length * (barH + gap);
    const chart = svg('svg', {
      class: 'bars', viewBox: `0 0 100 ${height}`, preserveAspectRatio: 'none',
      width: '100%', height, 'aria-hidden': 'true', focusable: 'false',
    });
    fs.forEach((f, i) => {
      const v = figureValue(f);
      const w = v === null ? 0 : Math.max(1, (v / max) * 100);
      chart.append(svg('rect', {x: 0, y: i * (barH + gap), width: w, height: barH, class: 'bar', rx: 1}));
    });
    // The labels are HTML laid over the bars, so they stay crisp and
    // readable by screen readers while the SVG stretches to the width.
    const labels = h('ol', {class: 'bar-labels'}, fs.map((f) => {
      const ev = f.evidence;
      const where = [f.place?.name, f.about && f.about.id !== f.place?.id ? f.about.name : null, f.date].filter(Boolean).join(', ');
      return h('li', {style: `height:${barH}px;margin-bottom:${gap}px`},
        h('span', {class: 'bar-text'}, figureLabel(f)),
        where ? h('span', {class: 'bar-where'}, ' · ' + where) : null,
        ev ? h('a', {href: documentHref(ev.document.id, ev.start, ev.end), class: 'bar-src', title: ev.sentence}, 'source') : null);
    }));
    wrap.append(h('figure', {class: 'chart'},
      h('figcaption', {}, measure),
      h('div', {class: 'chart-body'}, chart, labels)));
  }
  return wrap;
}
