// Type-ahead search over names, aliases and surnames, following the WAI-ARIA combobox
// pattern: the input keeps focus, arrow keys move the active option,
// Enter opens it, Escape closes the list.

import {gql, nodes} from './api.js';
import {SEARCH} from './queries.js';
import {h, clear, entityHref, typeLabel, formatNumber} from './dom.js';

const delayMs = 120;

/**
 * setupSearch wires the input and listbox; navigate(href) is called with
 * the route of the chosen entity.
 */
export function setupSearch(input, list, status, navigate) {
  let timer = 0;
  let controller = null;
  let results = [];
  let active = -1;

  // The status line is read to screen readers; it is shown too when there
  // is nothing else to see (no match, or a failed search).
  function say(text, visible) {
    status.textContent = text;
    status.classList.toggle('visually-hidden', !visible);
    status.classList.add('search-status');
  }

  function close() {
    results = [];
    active = -1;
    clear(list);
    delete list.dataset.query;
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    status.classList.add('visually-hidden');
  }

  function setActive(i) {
    active = i;
    list.querySelectorAll('[role=option]').forEach((el, j) => {
      el.setAttribute('aria-selected', j === i ? 'true' : 'false');
      if (j === i) el.scrollIntoView({block: 'nearest'});
    });
    if (i >= 0) input.setAttribute('aria-activedescendant', 'search-opt-' + i);
    else input.removeAttribute('aria-activedescendant');
  }

  function choose(i) {
    const e = results[i];
    if (!e) return;
    close();
    input.value = e.name;
    navigate(entityHref(e.id));
  }

  function render(q) {
    clear(list);
    list.dataset.query = q; // which query the options answer
    results.forEach((e, i) => {
      const alias = matchedAlias(e, q);
      list.append(
        h('li', {
          id: 'search-opt-' + i,
          role: 'option',
          'aria-selected': 'false',
          class: 'option',
          'data-id': e.id,
          onmousedown: (ev) => ev.preventDefault(), // keep focus in the input
          onclick: () => choose(i),
        },
        h('span', {class: 'chip t-' + typeLabel(e.type)}, typeLabel(e.type)),
        h('span', {class: 'opt-name'}, e.name),
        alias ? h('span', {class: 'opt-alias'}, '(' + alias + ')') : null,
        h('span', {class: 'opt-count', title: 'mentions'}, formatNumber(e.mentionCount))),
      );
    });
    list.hidden = results.length === 0;
    input.setAttribute('aria-expanded', results.length ? 'true' : 'false');
    if (results.length) {
      say(results.length + ' result' + (results.length === 1 ? '' : 's') + ', use the arrow keys to choose', false);
    } else {
      say('No name, alias or surname starts with “' + q + '”.', true);
    }
    setActive(results.length ? 0 : -1);
  }

  async function lookup(q) {
    if (controller) controller.abort();
    controller = new AbortController();
    const mine = controller;
    try {
      const data = await gql(SEARCH, {q}, mine.signal);
      if (mine !== controller) return; // a newer query is in flight
      // The API sorts by mentions already; sorting again keeps the order
      // stable against a server that does not.
      results = nodes(data.entities).slice().sort((a, b) => b.mentionCount - a.mentionCount);
      render(q);
    } catch (err) {
      if (err.name === 'AbortError') return;
      close();
      say('Search failed: ' + err.message, true);
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) {
      if (controller) controller.abort();
      close();
      say('', false);
      return;
    }
    timer = setTimeout(() => lookup(q), delayMs);
  });

  input.addEventListener('keydown', (ev) => {
    const n = results.length;
    switch (ev.key) {
      case 'ArrowDown':
        if (n) setActive((active + 1) % n);
        ev.preventDefault();
        break;
      case 'ArrowUp':
        if (n) setActive((active - 1 + n) % n);
        ev.preventDefault();
        break;
      case 'Home':
      case 'End':
        if (n && !list.hidden) {
          setActive(ev.key === 'Home' ? 0 : n - 1);
          ev.preventDefault();
        }
        break;
      case 'Enter':
        if (active >= 0) {
          choose(active);
          ev.preventDefault();
        }
        break;
      case 'Escape':
        close();
        break;
    }
  });

  input.addEventListener('blur', () => setTimeout(close, 150));
}

/** matchedAlias is the alias the query matched when the name did not. */
function matchedAlias(e, q) {
  const lq = q.toLowerCase();
  if (e.name.toLowerCase().startsWith(lq) || e.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(lq))) return '';
  return (e.aliases || []).find((a) => a.toLowerCase().startsWith(lq)) || '';
}
