// Unit tests of the page's pure functions: node --test src/ (go test ./web runs them too).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {codePointIndex, segments, spans, findAll, sentenceRanges} from './text.js';
import {toGraphML, xmlEscape} from './graphml.js';
import {dateKey} from './timeline.js';
import {figureLabel, figureValue} from './chart.js';
import {parseAt, entityRanges} from './document.js';
import {distinctRoles} from './roles.js';

test('codePointIndex maps code points past astral characters', () => {
  const text = '𝐁𝐫 Putin';
  const at = codePointIndex(text);
  assert.equal(at(0), 0);
  assert.equal(at(2), 4); // two astral letters are four UTF-16 units
  assert.equal(text.slice(at(3), at(8)), 'Putin');
  assert.equal(at(99), text.length);
});

test('spans drops overlaps, longest first', () => {
  const got = spans([{start: 5, end: 10}, {start: 0, end: 4}, {start: 0, end: 2}, {start: 8, end: 12}, {start: 3, end: 3}], 20);
  assert.deepEqual(got, [{start: 0, end: 4}, {start: 5, end: 10}]);
});

test('segments cover the text exactly', () => {
  const segs = segments('Putin met Assad', [{start: 10, end: 15, k: 'a'}, {start: 0, end: 5, k: 'p'}]);
  assert.deepEqual(segs.map((s) => s.text), ['Putin', ' met ', 'Assad']);
  assert.deepEqual(segs.map((s) => s.range?.k ?? null), ['p', null, 'a']);
});

test('findAll matches whole words, ignoring case and regexp syntax', () => {
  assert.deepEqual(findAll('Syria, Syrian, syria’s', 'Syria'), [{start: 0, end: 5}, {start: 15, end: 20}]);
  assert.deepEqual(findAll('a (b) c', '(b)'), [{start: 2, end: 5}]);
  assert.deepEqual(findAll('anything', ''), []);
});

test('GraphML escapes markup and drops characters XML cannot hold', () => {
  assert.equal(xmlEscape('a<b>&"\'\u0001c'), 'a&lt;b&gt;&amp;&quot;&apos;c');
  const xml = toGraphML(
    [{id: 'e&1', name: 'Al <Assad>', type: 'person', mentionCount: 3}],
    [{id: 'r1', source: 'e&1', target: 'e2', predicate: 'met', weight: 2, confidence: 0.5}]);
  assert.match(xml, /<node id="e&amp;1"><data key="name">Al &lt;Assad&gt;<\/data><data key="type">person<\/data><data key="mentionCount">3<\/data><\/node>/);
  assert.match(xml, /<edge id="r1" source="e&amp;1" target="e2"><data key="predicate">met<\/data>/);
  assert.match(xml, /<graph id="factgraph" edgedefault="directed">/);
});

test('dateKey sorts ISO dates before undated events', () => {
  const dates = ['2017', null, '2015-09', 'last week', '2017-11-16'];
  assert.deepEqual(dates.slice().sort((a, b) => dateKey(a).localeCompare(dateKey(b))),
    ['2015-09', '2017', '2017-11-16', null, 'last week']);
});

test('figures read as text', () => {
  assert.equal(figureLabel({value: 450000, qualifier: 'more than', counted: 'people', measure: 'killed'}),
    'more than 450,000 people killed');
  assert.equal(figureLabel({low: 10, high: 20, measure: 'injured', text: '10 to 20'}), '10–20 injured');
  assert.equal(figureValue({low: 10, high: 20}), 15);
  assert.equal(figureValue({text: 'dozens'}), null);
});

test('parseAt reads the focused span', () => {
  assert.deepEqual(parseAt('at=12-30'), {start: 12, end: 30});
  assert.equal(parseAt('at=x-3'), null);
  assert.equal(parseAt(''), null);
});

test('entityRanges converts code points of every mention with an entity', () => {
  const text = '𝐁 Putin met Al Assad.';
  const p = {id: 'p', type: 'PERSON'}, a = {id: 'a', type: 'PERSON'};
  const got = entityRanges(text, [{start: 2, end: 7, entity: p}, {start: 12, end: 20, entity: a}, {start: 8, end: 11, entity: null}])
    .map((r) => [text.slice(r.start, r.end), r.entity.id]);
  assert.deepEqual(got, [['Putin', 'p'], ['Al Assad', 'a']]);
});

test('sentenceRanges marks the exact mention by sentenceStart', () => {
  // "Putin" twice: the second is the mention.
  const m = {sentence: '𝐁 Putin said Putin left.', sentenceStart: 100, start: 113, end: 118, text: 'Putin'};
  assert.deepEqual(sentenceRanges(m), [{start: 14, end: 19}]);
  // Offsets that do not select the text: every occurrence.
  assert.deepEqual(sentenceRanges({...m, start: 50, end: 55}), [{start: 3, end: 8}, {start: 14, end: 19}]);
  assert.deepEqual(sentenceRanges({...m, sentenceStart: undefined}), [{start: 3, end: 8}, {start: 14, end: 19}]);
  assert.deepEqual(sentenceRanges({sentence: 'xPutinx', text: 'Putin'}), [{start: 1, end: 6}]);
});

test('distinctRoles drops repeats and bare titles', () => {
  const ru = {id: 'ru', name: 'Russia'};
  const got = distinctRoles([
    {title: 'President', of: null}, {title: 'President', of: ru}, {title: 'president', of: ru},
    {title: 'Chairman', of: null}, {title: 'President', of: {id: 'x'}},
  ]);
  assert.deepEqual(got.map((r) => r.title + (r.of ? ' of ' + r.of.id : '')), ['President of ru', 'Chairman', 'President of x']);
});

test('tally reports read and plot', async () => {
  const {reportText, plotPoints, dayOf} = await import('./tally.js');
  assert.equal(reportText({value: 450000, qualifier: 'more than'}), 'more than 450,000');
  assert.equal(reportText({low: 10, high: 20}), '10–20');
  assert.equal(dayOf('2017-11-21T10:00:00Z'), Date.UTC(2017, 10, 21));
  assert.equal(dayOf('2016'), Date.UTC(2016, 0, 1));
  const pts = plotPoints([{value: 400000, asOf: '2016-04-23'}, {value: 450000, asOf: '2017-11-21'}], 400000, 450000);
  assert.ok(pts[0].x < pts[1].x, 'later reports lie to the right');
  assert.ok(pts[0].y1 > pts[1].y1, 'larger reports lie higher');
  const undated = plotPoints([{value: 1, document: {published: '2016-01-01'}}, {value: 2, asOf: '2016-02-01'}], 1, 2);
  assert.ok(undated[0].x < undated[1].x, 'an undated report lies at its publication date');
  const one = plotPoints([{value: 5, asOf: '2016-01-01'}], 5, 5);
  assert.equal(one[0].x, 160);
});

test('search snippets and routes read', async () => {
  const {snippetParts, parseQuery, searchHref} = await import('./textsearch.js');
  assert.deepEqual(snippetParts('the «chemical» «weapons» were'), [
    {text: 'the ', match: false}, {text: 'chemical', match: true}, {text: ' ', match: false},
    {text: 'weapons', match: true}, {text: ' were', match: false}]);
  assert.deepEqual(snippetParts('no match'), [{text: 'no match', match: false}]);
  assert.equal(parseQuery(searchHref('"chemical weapons" & Syria').slice('#/search?'.length)), '"chemical weapons" & Syria');
  assert.equal(parseQuery(''), '');
  assert.equal(parseQuery('q=%E0%A4%A'), '');
});

test('a document\'s relations part into typed ones and co-mentions', async () => {
  const {splitRelations, predicateText} = await import('./docfacts.js');
  const r = (id, predicate, weight) => ({id, predicate, weight});
  const {typed, co} = splitRelations([r('a', 'mentioned_with', 3), r('b', 'met', 1), r('c', 'president_of', 2), r('d', 'mentioned_with', 1)]);
  assert.deepEqual(typed.map((x) => x.id), ['c', 'b']);
  assert.deepEqual(co.map((x) => x.id), ['a', 'd']);
  assert.equal(predicateText('foreign_minister_of'), 'foreign minister of');
});
