// Text helpers. The API gives offsets in Unicode code points; JavaScript
// strings index UTF-16 code units, so offsets are converted before slicing.

/**
 * codePointIndex returns a function mapping a code-point offset in text to
 * the UTF-16 index of the same position (offsets past the end map to
 * text.length).
 */
export function codePointIndex(text) {
  const idx = [];
  let u = 0;
  for (const ch of text) {
    idx.push(u);
    u += ch.length;
  }
  idx.push(u);
  return (cp) => (cp >= 0 && cp < idx.length ? idx[cp] : text.length);
}

/**
 * spans turns possibly overlapping ranges [{start, end, ...}] (UTF-16
 * indexes into a text of length n) into non-overlapping ones, sorted, longest
 * first where two start together, dropping any range that overlaps an
 * earlier kept one.
 */
export function spans(ranges, n) {
  const sorted = ranges
    .filter((r) => r.start >= 0 && r.end <= n && r.end > r.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  let last = 0;
  for (const r of sorted) {
    if (r.start < last) continue;
    out.push(r);
    last = r.end;
  }
  return out;
}

/**
 * segments cuts text into plain strings and highlighted ranges, ready to be
 * rendered: [{text, range|null}].
 */
export function segments(text, ranges) {
  const out = [];
  let at = 0;
  for (const r of spans(ranges, text.length)) {
    if (r.start > at) out.push({text: text.slice(at, r.start), range: null});
    out.push({text: text.slice(r.start, r.end), range: r});
    at = r.end;
  }
  if (at < text.length) out.push({text: text.slice(at), range: null});
  return out;
}

/**
 * findAll returns the UTF-16 ranges where needle occurs in text as a whole
 * word, ignoring case.
 */
export function findAll(text, needle) {
  const out = [];
  if (!needle) return out;
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp('(?<![\\p{L}\\p{N}])' + escaped + '(?![\\p{L}\\p{N}])', 'giu');
  for (const m of text.matchAll(re)) out.push({start: m.index, end: m.index + m[0].length});
  return out;
}

/**
 * sentenceRanges returns the UTF-16 range of mention m in m.sentence: at
 * m.start - m.sentenceStart (code points), where the API says the sentence
 * starts. Should that not select the mention's text, it returns every
 * occurrence of the text in the sentence instead.
 */
export function sentenceRanges(m) {
  const {sentence, text} = m;
  if (Number.isInteger(m.sentenceStart) && m.start >= m.sentenceStart) {
    const at = codePointIndex(sentence);
    const r = {start: at(m.start - m.sentenceStart), end: at(m.end - m.sentenceStart)};
    if (r.end > r.start && sentence.slice(r.start, r.end) === text) return [r];
  }
  const ranges = findAll(sentence, text);
  if (!ranges.length) {
    const i = sentence.indexOf(text);
    if (i >= 0) ranges.push({start: i, end: i + text.length});
  }
  return ranges;
}
