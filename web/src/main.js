// factgraph explorer: hash routes #/, #/entity/ID, #/document/ID and
// #/search?q=QUERY, so every view is a link that can be shared.

import {setupSearch} from './search.js';
import {renderEntity} from './entity.js';
import {renderDocument, parseAt} from './document.js';
import {renderHome} from './home.js';
import {renderSearch, parseQuery, setupTextSearch} from './textsearch.js';
import {h, clear} from './dom.js';

const main = document.getElementById('main');
let cleanup = () => {};
let generation = 0;

/** route parses location.hash into a view name, an id and a query string. */
export function route(hash) {
  const s = /^#\/search(?:\?(.*))?$/.exec(hash);
  if (s) return {view: 'search', query: s[1] || ''};
  const m = /^#\/(entity|document)\/([^?]+)(?:\?(.*))?$/.exec(hash);
  if (!m) return {view: 'home'};
  let id;
  try {
    id = decodeURIComponent(m[2]);
  } catch {
    return {view: 'home'};
  }
  return {view: m[1], id, query: m[3] || ''};
}

async function show() {
  const mine = ++generation;
  cleanup();
  cleanup = () => {};
  clear(main);
  main.setAttribute('aria-busy', 'true');
  const r = route(location.hash);
  // The page is attached before it is filled: the graph needs a laid-out
  // container to draw in.
  const page = h('div', {class: 'page'});
  const loading = h('p', {class: 'muted loading'}, 'Loading…');
  main.append(loading, page);
  try {
    let done;
    if (r.view === 'entity') done = await renderEntity(page, r.id, navigate);
    else if (r.view === 'document') done = await renderDocument(page, r.id, parseAt(r.query));
    else if (r.view === 'search') done = await renderSearch(page, parseQuery(r.query), textInput);
    else done = await renderHome(page);
    if (mine !== generation) {
      done();
      return;
    }
    cleanup = done;
    if (!page.querySelector('#focus')) window.scrollTo(0, 0);
  } catch (err) {
    if (mine !== generation) return;
    clear(main).append(h('div', {class: 'page'},
      h('h1', {}, 'Something went wrong'),
      h('p', {class: 'error', role: 'alert'}, err.message)));
  } finally {
    loading.remove();
    if (mine === generation) main.removeAttribute('aria-busy');
  }
}

/** navigate moves to a route; the hashchange listener renders it. */
function navigate(href) {
  if (location.hash === href) show();
  else location.hash = href;
}

const textInput = document.getElementById('textsearch');
setupTextSearch(document.getElementById('textsearch-form'), textInput, navigate);
setupSearch(
  document.getElementById('search'),
  document.getElementById('search-list'),
  document.getElementById('search-status'),
  navigate,
);
window.addEventListener('hashchange', show);
show();

// The skip link must not change the hash, which would route away.
document.querySelector('.skip').addEventListener('click', (ev) => {
  ev.preventDefault();
  main.focus();
});
