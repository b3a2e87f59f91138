// A tiny search index in memory, in the layout kehoach/search/index.py writes to
// <site>/chi-muc-tim-kiem/, served by a stand-in for fetch that records what is asked for.

import { readFileSync } from "node:fs";

// search-engine.js as engine.mjs imports it (a data: URL), for its neighbour bits.
const SOURCE = readFileSync(new URL("../../../docs/assets/search-engine.js", import.meta.url));
const { neighborBit } = await import(`data:text/javascript;base64,${SOURCE.toString("base64")}`);

export const INDEX_DIR = "chi-muc-tim-kiem/";

// Flat postings of one word (index.py, _encode): for each page, in page order, the page
// number minus the previous one's, the weight's place in the manifest's weights, the mask
// of the spellings the page uses, and the masks of the words before and after it
// (kehoach/search/text.py: neighbor_masks). ``rows``: [{page, weight (its place), mask,
// before, after}]; ``near``: neighbour masks by word, for ``after`` / ``before`` given as
// lists of words: {page, after: ["ky"]} is the mask of "ky".
export function flat(rows) {
  const numbers = [];
  let previousPage = 0;
  for (const { page, weight = 0, mask = 1, before = 0, after = 0 } of rows) {
    numbers.push(page - previousPage, weight, mask, bitsOf(before), bitsOf(after));
    previousPage = page;
  }
  return numbers;
}

function bitsOf(words) {
  return Array.isArray(words) ? words.reduce((mask, word) => mask | neighborBit(word), 0) : words;
}

// A word's entry in a shard: [its sorted spellings, its flat postings].
export function entry(spellings, rows) {
  return [spellings, flat(rows)];
}

// The files of an index: ``shards`` is a list of {folded word: entry}, in word order (as
// index.py cuts them), ``metas`` the pages' metadata ({url, title, …}) by page number.
// ``phrases``: the pages kept for phrases of common words (kehoach/search/common.py).
// ``parts``: the parts of pages (kehoach/search/parts.py) by page number, each in its file.
export function indexFiles({ metas, shards, weights = [1], common = [], chunk = 32, version = "v0", phrases = {}, parts = {} }) {
  const words = shards.flatMap((shard) => Object.keys(shard));
  if (words.some((word, i) => i > 0 && words[i - 1] >= word)) {
    throw new Error(`test index: words not in order: ${words.join(" ")}`);
  }
  const manifest = {
    version, pages: metas.length, common, weights, chunk,
    shards: shards.map((shard) => Object.keys(shard)[0]),
  };
  const files = new Map([[`${INDEX_DIR}manifest.json`, manifest]]);
  shards.forEach((shard, n) => files.set(`${INDEX_DIR}t/${version}-${n}.json`, shard));
  common.forEach((word, n) => files.set(`${INDEX_DIR}c/${version}-${n}.json`,
    Object.fromEntries(Object.entries(phrases).filter(([phrase]) => phrase.split(" ")[0] === word))));
  for (const [page, pageParts] of Object.entries(parts)) {
    files.set(`${INDEX_DIR}f/parts-${page}.json`, pageParts);
  }
  const withParts = metas.map((meta, page) => (parts[page] ? { ...meta, f: `parts-${page}` } : meta));
  for (let n = 0; n * chunk < metas.length; n += 1) {
    files.set(`${INDEX_DIR}p/${version}-${n}.json`, withParts.slice(n * chunk, (n + 1) * chunk));
  }
  return { manifest, files };
}

// A fetch serving ``files`` (path under ``root`` → JSON value). ``failures``: path → how many
// of its first requests answer 503. ``requested``: the paths asked for, in order.
export function fakeServer(root, files, failures = {}) {
  const requested = [];
  const left = new Map(Object.entries(failures));
  const fetch = async (url) => {
    const href = String(url);
    if (!href.startsWith(root)) throw new TypeError(`fetch outside the site: ${href}`);
    const path = href.slice(root.length);
    requested.push(path);
    if (left.get(path) > 0) {
      left.set(path, left.get(path) - 1);
      return answer(503, null);
    }
    return files.has(path) ? answer(200, files.get(path)) : answer(404, null);
  };
  return { fetch, requested };
}

function answer(status, value) {
  // A fresh copy each time, as a real response would be parsed anew.
  return { ok: status === 200, status, json: async () => JSON.parse(JSON.stringify(value)) };
}
