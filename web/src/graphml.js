// GraphML export of a subgraph, generated in the browser.

const keys = [
  ['name', 'node', 'string'],
  ['type', 'node', 'string'],
  ['mentionCount', 'node', 'int'],
  ['predicate', 'edge', 'string'],
  ['weight', 'edge', 'int'],
  ['confidence', 'edge', 'double'],
];

/**
 * xmlEscape escapes text for an XML attribute or element, dropping
 * characters XML 1.0 cannot carry at all.
 */
export function xmlEscape(s) {
  return String(s)
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * toGraphML writes nodes [{id, name, type, mentionCount}] and edges
 * [{id, source, target, predicate, weight, confidence}] as a directed
 * GraphML document.
 */
export function toGraphML(nodes, edges) {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [id, kind, type] of keys) {
    out.push(`  <key id="${id}" for="${kind}" attr.name="${id}" attr.type="${type}"/>`);
  }
  out.push('  <graph id="factgraph" edgedefault="directed">');
  const data = (obj, names) =>
    names.filter((k) => obj[k] !== undefined && obj[k] !== null)
      .map((k) => `<data key="${k}">${xmlEscape(obj[k])}</data>`).join('');
  for (const n of nodes) {
    out.push(`    <node id="${xmlEscape(n.id)}">${data(n, ['name', 'type', 'mentionCount'])}</node>`);
  }
  for (const e of edges) {
    out.push(`    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">` +
      `${data(e, ['predicate', 'weight', 'confidence'])}</edge>`);
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
