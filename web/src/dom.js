// Small DOM helpers. Every piece of data reaches the page through
// textContent or attributes, never innerHTML, so text from articles cannot
// inject markup.

/**
 * h creates an element: h('a', {href: '#/x', class: 'y'}, 'text', child).
 * Attributes set to null, undefined or false are skipped; "on*" attributes
 * with function values become event listeners.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2), v);
    } else if (v === true) {
      el.setAttribute(k, '');
    } else {
      el.setAttribute(k, String(v));
    }
  }
  append(el, children);
  return el;
}

/** svg creates an SVG element with the given attributes and children. */
export function svg(tag, attrs, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** clear removes all children of el and returns it. */
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** entityHref is the hash route of an entity page. */
export function entityHref(id) {
  return '#/entity/' + encodeURIComponent(id);
}

/** documentHref is the hash route of a document, optionally focusing a mention. */
export function documentHref(id, start, end) {
  let href = '#/document/' + encodeURIComponent(id);
  if (Number.isInteger(start) && Number.isInteger(end)) href += '?at=' + start + '-' + end;
  return href;
}

const numberFormat = new Intl.NumberFormat('en-US', {maximumFractionDigits: 2});

/** formatNumber writes 450000 as "450,000". */
export function formatNumber(n) {
  return numberFormat.format(n);
}

/** typeLabel turns the GraphQL enum PERSON into "person". */
export function typeLabel(type) {
  return String(type || 'OTHER').toLowerCase();
}
