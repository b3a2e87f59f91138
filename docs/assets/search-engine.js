// The search index in the browser: reads <site>/chi-muc-tim-kiem/ (kehoach/search/index.py
// describes its files) and ranks pages for a query. An ES module with no dependency, used by
// search.js; it never touches the page.
//
// A query is split into words as the index split the pages' text; each word is looked up by
// its folded form (no marks, đ → d, lower case), so "doi" finds "đổi" and "Đức" finds "Duc".
// A page must hold every word (and every chosen filter). Its score adds, for each word, the
// word's weight on the page times its rarity (idf); a spelling other than the reader's
// counts FOLDED, a longer word that the reader's last word only begins counts PREFIX, and
// the score doubles when the reader's words stand side by side on the page, in order
// (PHRASE; the index keeps for each page and word the masks of its neighbours,
// kehoach/search/text.py: NEIGHBOR_BITS), and such pages come first. Words in quotes
// ("chữ ký số") must stand so (the masks may take words apart for a phrase: the search page
// checks the text of the results it shows, holdsPhrases). The end of the file cuts the
// excerpts of the results.

const FOLDED = 0.5; // "duc" typed, "Đức" on the page (or the other way round)
const PREFIX = 0.5; // "tha" typed, "thach" on the page (the last word, while typing)
const PHRASE = 2;
// The last word is also looked up as the beginning of longer words, in this many shards at
// most: "thach h" should find "thach ha" without downloading every word that starts with h.
const PREFIX_SHARDS = 2;
const STRIDE = 5; // numbers per page in a word's postings (kehoach/search/index.py)
const NEIGHBOR_BITS = 16; // kehoach/search/text.py
// A word: a run of letters and digits (kehoach/search/text.py: _WORD); punctuation ends it.
const WORD = /[\p{L}\p{N}]+/gu;

// Folded forms already computed: excerpts fold every word of the pages shown, and a
// Vietnamese text is a few hundred syllables said again and again (folding each anew took
// most of the 40–180 ms the excerpts of a national query cost the page's thread).
const foldedForms = new Map();
const FOLDED_KEPT = 20000; // forms kept at most (forgotten all at once past that)
const ASCII = /^[\x00-\x7f]*$/;

export function fold(text) {
  let folded = foldedForms.get(text);
  if (folded === undefined) {
    folded = ASCII.test(text) ? text.toLowerCase()
      : text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").normalize("NFC").toLowerCase();
    if (foldedForms.size >= FOLDED_KEPT) foldedForms.clear();
    foldedForms.set(text, folded);
  }
  return folded;
}

export function words(query) {
  return query.normalize("NFC").toLowerCase().match(WORD) ?? [];
}

// The bit of a folded word in a neighbour mask (kehoach/search/text.py: neighbor_bit).
export function neighborBit(folded) {
  let digest = 0x811c9dc5;
  for (const char of folded) digest = Math.imul(digest ^ char.codePointAt(0), 0x01000193) >>> 0;
  return 2 ** (((digest ^ (digest >>> 16)) >>> 0) % NEIGHBOR_BITS);
}

// The runs of words the reader put in quotes: [[first, end)] word places in words(query);
// an unclosed quote runs to the end.
export function quoted(query) {
  const runs = [];
  let count = 0;
  query.split('"').forEach((piece, i) => {
    const n = words(piece).length;
    if (i % 2 === 1 && n > 1) runs.push([count, count + n]);
    count += n;
  });
  return runs;
}

// The index of the site at ``root``; its ``manifest`` when the page holds it, else fetched.
export async function openIndex(root, manifest = null) {
  const base = new URL("chi-muc-tim-kiem/", root);
  return new SearchIndex(base, root, manifest ?? (await json(new URL("manifest.json", base))));
}

async function json(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

class SearchIndex {
  constructor(base, root, manifest) {
    this.base = base;
    this.root = root;
    this.manifest = manifest;
    this.common = new Set(manifest.common);
    this.files = new Map(); // file → Promise of its contents (load)
  }

  // Pages holding every word of ``query`` and every word of ``required`` (filters), best
  // first: [{page, score}]. ``page`` is a number for ``page(number)``. With ``prefix`` (the
  // reader is still typing) the last word also finds the longer words it begins; once the
  // query is submitted it is a word like the others.
  async search(query, required = [], { prefix = true } = {}) {
    const typed = words(query);
    if (!typed.length) return [];
    const [found, kept] = await Promise.all([
      Promise.all(typed.map((word, i) => this.lookup(word, prefix && i === typed.length - 1))),
      Promise.all(required.map((token) => this.lookup(token, false))),
    ]);
    // The rarest word first, then each other word only scored on the pages still in: a
    // place name narrows "thach ha" to a few pages before "ha…" (thousands) is read.
    const order = typed.map((_, i) => i).sort((a, b) => size(found[a]) - size(found[b]));
    let pages = null; // page → {score, near: the neighbour masks of each typed word}
    for (const i of order) pages = this.narrow(pages, found[i], typed[i], i, typed.length);
    for (const matches of kept) pages = keep(pages, matches);
    const bits = typed.map((word) => neighborBit(fold(word)));
    const runs = quoted(query);
    const all = [0, typed.length];
    // One pass, one object per page: a word on thousands of pages ("vneid") is scored on a
    // page's thread right after its shard is in, and the first query of a page runs cold.
    const results = [];
    for (const [page, hit] of pages) {
      if (!runs.every((run) => sideBySide(hit.near, bits, run))) continue;
      const phrase = typed.length > 1 && sideBySide(hit.near, bits, all);
      results.push({ page, phrase, score: hit.score * (phrase ? PHRASE : 1) });
    }
    // Side by side first, however heavy the scattered words are elsewhere (a heading).
    return results.sort((a, b) => b.phrase - a.phrase || b.score - a.score || a.page - b.page);
  }

  // The pages of ``pages`` (null: any page) holding one of ``matches`` (lookup's), each with
  // its score for the typed ``word`` (the ``place``-th of ``count``) added, and the word's
  // neighbour masks (none for a query of one word: no phrase to check).
  narrow(pages, matches, word, place, count) {
    const next = new Map();
    const weights = this.manifest.weights;
    for (const [[spellings, flat], factor, df] of matches) {
      const bit = spellings.indexOf(word); // -1: none of the page's spellings is the reader's
      const idf = Math.log(1 + (this.manifest.pages - df + 0.5) / (df + 0.5));
      const whole = factor === 1;
      let page = 0;
      for (let i = 0; i < flat.length; i += STRIDE) {
        page += flat[i];
        const before = pages === null ? undefined : pages.get(page);
        if (pages !== null && before === undefined) continue;
        const exact = bit >= 0 && (flat[i + 2] >> bit) & 1;
        const score = idf * weights[flat[i + 1]] * factor * (exact ? 1 : FOLDED);
        // The word itself counts when the page has it; else the best word it begins.
        const best = next.get(page);
        if (best && ((best.whole && !whole) || (best.whole === whole && best.gain >= score))) continue;
        let near = null;
        if (count > 1) {
          near = before ? before.near.slice() : new Array(count);
          near[place] = { before: flat[i + 3], after: flat[i + 4], whole };
        }
        next.set(page, { score: (before ? before.score : 0) + score, gain: score, whole, near });
      }
    }
    return next;
  }

  // The page's metadata: {url (absolute), title, description, kind, locality, province, year}.
  async page(number) {
    const size = this.manifest.chunk;
    const file = `p/${this.manifest.version}-${Math.floor(number / size)}.json`;
    const meta = (await this.load(file))[number % size];
    return { ...meta, url: new URL(meta.url, this.root).href };
  }

  // The page's parts for result ``number`` (kehoach/search/parts.py), for its excerpts:
  // [[anchor, heading, text]], [] when it has none.
  async parts(number) {
    const size = this.manifest.chunk;
    const meta = (await this.load(`p/${this.manifest.version}-${Math.floor(number / size)}.json`))[number % size];
    return meta.f ? this.load(`f/${meta.f}.json`) : [];
  }

  // The pages the index keeps for a phrase of words on most pages (kehoach/search/common.py),
  // best first: page numbers, [] when it keeps none for ``terms`` (folded words).
  async phrasePages(terms) {
    const first = this.manifest.common.indexOf(terms[0]); // its file: phrases it begins
    if (first < 0) return [];
    const phrases = await this.load(`c/${this.manifest.version}-${first}.json`);
    return phrases[terms.join(" ")] ?? [];
  }

  // [[spellings, postings], factor, pages] of the words matching ``word``: itself, and with
  // ``prefix`` the words it begins (PREFIX_SHARDS at most).
  async lookup(word, prefix) {
    const folded = fold(word);
    const shards = await Promise.all(this.shardsFor(folded, prefix).map((file) => this.load(file)));
    const matches = [];
    for (const shard of shards) {
      // The word itself is looked up by its key; only a prefix walks the shard's words.
      if (Object.hasOwn(shard, folded)) matches.push([shard[folded], 1, postings(shard[folded][1])]);
      if (!prefix) continue;
      for (const [term, entry] of Object.entries(shard)) {
        if (term !== folded && term.startsWith(folded)) matches.push([entry, PREFIX, postings(entry[1])]);
      }
    }
    return matches;
  }

  // The shard that may hold ``folded``, and with ``prefix`` the next ones while their words
  // may still begin with it (PREFIX_SHARDS in all at most).
  shardsFor(folded, prefix) {
    const shards = this.manifest.shards;
    let low = 0;
    let high = shards.length - 1;
    while (low < high) { // the last shard whose first word is <= folded
      const middle = (low + high + 1) >> 1;
      if (shards[middle] <= folded) low = middle; else high = middle - 1;
    }
    const numbers = [low];
    for (let i = low + 1; prefix && i < shards.length && numbers.length < PREFIX_SHARDS; i += 1) {
      if (!shards[i].startsWith(folded)) break;
      numbers.push(i);
    }
    return numbers.map((n) => `t/${this.manifest.version}-${n}.json`);
  }

  // A file of the index (shard or metadata), fetched once.
  load(file) {
    if (!this.files.has(file)) {
      const loading = json(new URL(file, this.base));
      loading.catch(() => this.files.delete(file)); // a later query tries again
      this.files.set(file, loading);
    }
    return this.files.get(file);
  }
}

// The pages of ``pages`` that hold one of ``matches`` (a filter's word), unchanged.
function keep(pages, matches) {
  const next = new Map();
  for (const [[, flat]] of matches) {
    let page = 0;
    for (let i = 0; i < flat.length; i += STRIDE) {
      page += flat[i];
      if (pages.has(page)) next.set(page, pages.get(page));
    }
  }
  return next;
}

function postings(flat) {
  return flat.length / STRIDE;
}

function size(matches) {
  return matches.reduce((sum, [, , count]) => sum + count, 0);
}

// True when the typed words ``run`` ([first, end)) stand side by side on the page, in order,
// by their neighbour masks ``near``: each word was seen after the one before it (its mask
// before holds that word's bit), and that one before it (its mask after holds this word's
// bit, unless the word found is a longer one the typed one only begins: its bit is unknown).
function sideBySide(near, bits, [first, end]) {
  for (let i = first + 1; i < end; i += 1) {
    if (!(near[i].before & bits[i - 1])) return false;
    if (near[i].whole && !(near[i - 1].after & bits[i])) return false;
  }
  return true;
}

// Whether a page holds each of ``phrases`` (the folded words of the reader's quoted phrases)
// side by side, in order, by its ``parts`` (kehoach/search/parts.py), read as one text in page
// order: true, false, or null when it cannot be told (the page has no parts, or a part's text
// was cut, its fourth item CUT: a phrase may be in what was left out). The neighbour masks
// that search() checks may be fooled (two words' bits alike, or "a b" in one place and "b c"
// in another taken for "a b c"): the text says for sure.
const CUT = 1; // kehoach/search/parts.py

export function holdsPhrases(parts, phrases) {
  if (!phrases.length) return true;
  const folded = [];
  for (const [, heading, text] of parts) {
    for (const word of [...words(heading), ...words(text)]) folded.push(fold(word));
  }
  if (phrases.every((phrase) => contains(folded, phrase))) return true;
  return !parts.length || parts.some((part) => part[3] === CUT) ? null : false;
}

function contains(sequence, phrase) {
  for (let i = 0; i + phrase.length <= sequence.length; i += 1) {
    if (phrase.every((word, k) => sequence[i + k] === word)) return true;
  }
  return false;
}

// The folded words of each phrase the reader put in quotes in ``query``.
export function quotedPhrases(query) {
  const folded = words(query).map(fold);
  return quoted(query).map(([first, end]) => folded.slice(first, end));
}

// --- excerpts --------------------------------------------------------------------------------
// A page's parts (kehoach/search/parts.py: [anchor, heading, text]) give each result the
// passage where the reader's words are, and links to the parts that hold them.

const EXCERPT_WORDS = 26; // words shown around the reader's words
const BEFORE = 5; // of which before the first of them
const SUB_RESULTS = 3;
const HEADING_WORDS = 16; // a part's heading (an activity's title may be a paragraph)

// The words of ``text`` with their place: [{start, end, word, folded}].
function spans(text) {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0], folded: fold(m[0]) }));
}

// Which term each of ``words`` (spans) is, as termOf; and whether it is spelled as the
// reader typed it (``spellings``: the reader's words, lower case, by term). A reader who typed
// the marks ("Đức Thọ") is shown the words so spelled, not look-alikes ("đúc thở"): a word
// spelled otherwise counts only when the text has none spelled as typed (then it is what
// matched). Words typed without marks ("duc tho") match every spelling alike.
function matches(words, terms, { prefix = false, spellings = null } = {}) {
  const found = words.map((w) => termOf(w.folded, terms, prefix));
  const asTyped = found.map((term, i) => term >= 0 && (!spellings || spelledAsTyped(words[i].word,
    spellings[term], prefix && term === terms.length - 1)));
  const typedTerms = new Set(found.filter((_, i) => asTyped[i]));
  const kept = found.map((term, i) => (term >= 0 && !asTyped[i] && typedTerms.has(term) ? -1 : term));
  return { found: kept, asTyped };
}

function spelledAsTyped(word, spelling, prefix) {
  const spelled = word.normalize("NFC").toLowerCase();
  return spelling === fold(spelling) || (prefix ? spelled.startsWith(spelling) : spelled === spelling);
}

// Which of ``terms`` (folded, distinct) a folded word is: its index, or -1. The last term
// also matches the words it begins when ``prefix``.
function termOf(folded, terms, prefix) {
  const exact = terms.indexOf(folded);
  if (exact >= 0) return exact;
  const last = terms.length - 1;
  return prefix && last >= 0 && folded.startsWith(terms[last]) ? last : -1;
}

// How well the words of ``found`` (term index of each word, -1 for none) from ``from`` to
// ``to`` answer: distinct terms first, then terms side by side in the query's order, then
// terms spelled as typed (``asTyped``), then how close together they are.
function windowScore(found, asTyped, from, to) {
  const distinct = new Set();
  const typed = new Set();
  let pairs = 0;
  let first = -1;
  let last = -1;
  for (let i = from; i < to; i += 1) {
    if (found[i] < 0) continue;
    distinct.add(found[i]);
    if (asTyped[i]) typed.add(found[i]);
    if (i > from && found[i - 1] >= 0 && found[i] === found[i - 1] + 1) pairs += 1;
    if (first < 0) first = i;
    last = i;
  }
  return { distinct: distinct.size, pairs, typed: typed.size, spread: last - first, first };
}

function better(a, b) {
  return a.distinct - b.distinct || a.pairs - b.pairs || a.typed - b.typed || b.spread - a.spread;
}

// The best passage of ``text`` for ``terms``: {score, segments: [{text, mark}]}, the words
// of the query marked, cut on word boundaries, "…" where text was left out; null when no
// word of the text is a term. ``spellings``: see matches().
export function excerpt(text, terms, { prefix = false, length = EXCERPT_WORDS, spellings = null } = {}) {
  const words = spans(text);
  const { found, asTyped } = matches(words, terms, { prefix, spellings });
  const lead = Math.min(BEFORE, Math.floor(length / 4)); // words shown before the first term
  let best = null;
  for (let i = 0; i < words.length; i += 1) {
    if (found[i] < 0) continue;
    const score = windowScore(found, asTyped, i, Math.min(words.length, i + length - lead));
    if (!best || better(score, best) > 0) best = score;
  }
  if (!best) return null;
  const from = Math.max(0, best.first - lead);
  const to = Math.min(words.length, from + length);
  const segments = [];
  let at = from === 0 ? 0 : words[from].start;
  if (from > 0) segments.push({ text: "…", mark: false });
  for (let i = from; i < to; i += 1) {
    if (found[i] < 0) continue;
    if (words[i].start > at) segments.push({ text: text.slice(at, words[i].start), mark: false });
    segments.push({ text: text.slice(words[i].start, words[i].end), mark: true });
    at = words[i].end;
  }
  const end = to === words.length ? text.length : words[to - 1].end;
  if (end > at) segments.push({ text: text.slice(at, end), mark: false });
  if (to < words.length) segments.push({ text: "…", mark: false });
  return { score: best, segments };
}

// What a result shows of its page's ``parts`` for the reader's ``terms`` (folded words):
// {excerpt: the best passage of the page (segments) or null, sub: up to SUB_RESULTS parts
// with an anchor, best first: [{anchor, heading, segments}]}, their heading as segments
// too (marked, cut), and no passage for the part whose passage is the page's excerpt. A
// part's heading counts as its words: an activity whose title holds the words comes first.
export function excerpts(parts, terms, options = {}) {
  const scored = [];
  for (const [anchor, heading, text] of parts) {
    const body = excerpt(text, terms, options);
    const title = heading ? excerpt(heading, terms, { ...options, length: 1000 }) : null;
    if (!body && !title) continue;
    const score = merge(title?.score, body?.score);
    scored.push({ anchor, heading, score, inTitle: title?.score.distinct ?? 0, body });
  }
  scored.sort((a, b) => better(b.score, a.score) || b.inTitle - a.inTitle);
  const best = scored.find((part) => part.body);
  const sub = scored.filter((part) => part.anchor).slice(0, SUB_RESULTS).map((part) => ({
    anchor: part.anchor,
    heading: headingSegments(part.heading || part.anchor, terms, options),
    segments: part.body && part !== best ? part.body.segments : [],
  }));
  return { excerpt: best ? best.body.segments : null, sub };
}

// The whole of ``text`` as segments, the reader's words marked as in an excerpt (matches()):
// a result's title and description.
export function markedSegments(text, terms, options = {}) {
  const words = spans(text);
  const { found } = matches(words, terms, options);
  const segments = [];
  let at = 0;
  words.forEach((word, i) => {
    if (found[i] < 0) return;
    if (word.start > at) segments.push({ text: text.slice(at, word.start), mark: false });
    segments.push({ text: text.slice(word.start, word.end), mark: true });
    at = word.end;
  });
  if (at < text.length) segments.push({ text: text.slice(at), mark: false });
  return segments;
}

// A heading as segments: the reader's words marked, cut to HEADING_WORDS around them.
function headingSegments(heading, terms, options) {
  const found = excerpt(heading, terms, { ...options, length: HEADING_WORDS });
  if (found) return found.segments;
  const words = [...heading.matchAll(WORD)];
  if (words.length <= HEADING_WORDS) return [{ text: heading, mark: false }];
  return [{ text: `${heading.slice(0, words[HEADING_WORDS - 1].index + words[HEADING_WORDS - 1][0].length)}…`, mark: false }];
}

// A part's score from its heading's and its text's: the terms of both.
function merge(title, body) {
  if (!title) return body;
  if (!body) return title;
  return { distinct: Math.max(title.distinct, body.distinct) + Math.min(title.distinct, body.distinct) / 100,
    pairs: title.pairs + body.pairs, typed: Math.max(title.typed, body.typed), spread: body.spread, first: body.first };
}
