// Search page (tim-kiem/): runs queries against the site's search index (search-engine.js).
// An ES module named in <head> by overrides/search.html (no inline script): fetched first,
// it runs once the page is parsed, and looks up the query in the page's address at once.
// The site root is found from this file's own URL (<root>/assets/search.js), so the page
// works under any sub-path. Words match with or without tone marks and đ. A result
// shows the page's title, kind, place and year, the passage of the page where the reader's
// words are (marked as the page spells them; those spelled as the reader typed them, when
// they typed the marks) and up to three parts of the page that hold them (an activity, a
// section, a responsibility), each a link to that part. A quoted phrase is checked in the
// text of the results shown (search-engine.js: holdsPhrases).
// Results are drawn with DOM calls only (textContent), never from HTML strings.

import { excerpts, fold, holdsPhrases, markedSegments, openIndex, quotedPhrases, words } from "./search-engine.js";

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 300; // search while typing once the reader pauses…
const MIN_TYPED = 3; // …and has typed this much: every new prefix costs index downloads

const root = new URL("../", import.meta.url);

let engine = null;
let loaded = null; // the index once open: a query then asks for its files without a turn
function loadEngine() {
  engine ??= openIndex(root, embeddedManifest());
  engine.then((index) => { loaded = index; }, () => { engine = null; }); // a later query tries again
  return engine;
}

// The index's manifest, put in the page when the site was built (overrides/search.html);
// null when it is not there (then fetched).
function embeddedManifest() {
  const text = document.getElementById("kh-search-manifest")?.textContent.trim();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function start(form) {
  const input = form.querySelector("#kh-q");
  const selects = [...form.querySelectorAll("select[data-kh-filter]")];
  const view = {
    status: document.getElementById("kh-search-status"),
    list: document.getElementById("kh-search-results"),
    more: document.getElementById("kh-search-more"),
    anyway: document.getElementById("kh-search-anyway"),
    form,
  };
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const select of selects) select.value = params.get(select.name) || "";
  if (selects.some((s) => s.value)) form.querySelector("details")?.setAttribute("open", "");
  const state = { ticket: 0, results: [], shown: 0, terms: [], spellings: [], phrases: [], dropped: 0, typing: false,
    anyway: null };
  let timer = 0;

  // ``typing``: the reader has paused while typing, so the last word may be unfinished and
  // is also looked up as the beginning of longer words; after Enter (or from the address)
  // the query is taken as typed.
  const run = (typing = false) => {
    clearTimeout(timer);
    const query = input.value.trim();
    const filters = filtersOf(selects);
    const searching = search(query, filters, state, view, typing);
    // The address is rewritten once the query is answered, if no other query came after it:
    // rewritten while its index files were on their way, it held them up by 20 to 60 ms on a
    // busy two-core machine (chromium records the new address and asks for the page's icon
    // again; scripts/bench_search.py, typed).
    const ticket = state.ticket; // search() took its ticket at once
    const answered = () => {
      if (ticket === state.ticket) remember(query, filters);
    };
    searching.then(answered, answered); // no second, unhandled, rejection
    return searching;
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const typed = input.value.trim().length;
    if (typed >= MIN_TYPED || (typed === 0 && state.results.length)) timer = setTimeout(() => run(true), DEBOUNCE_MS);
  });
  for (const select of selects) select.addEventListener("change", () => run());
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  view.more.addEventListener("click", () => showMore(state, view, true).catch(() => failed(view)));
  loadEngine().catch(() => failed(view));
  const first = input.value.trim() || selects.some((s) => s.value) ? run() : Promise.resolve();
  first.catch(() => {}).finally(() => startTheme(form.dataset.themeScript));
}

// Material's script (back-to-top button, sidebars and tabs that follow the scroll) is loaded
// once the first results are shown: run while the page loaded, it held them up by about
// 100 ms on a two-core machine (scripts/bench_search.py). It starts the page's parts on
// DOMContentLoaded, long past by then, so it is handed the document the way Material's own
// instant navigation does, through the document$ it exposes to extra scripts. Loaded after
// the window's load event, which follows DOMContentLoaded: it can never start twice.
function startTheme(src) {
  if (!src) return;
  const append = () => {
    const script = document.createElement("script");
    script.src = src;
    script.addEventListener("load", () => window.document$?.next(document));
    document.body.append(script);
  };
  if (document.readyState === "complete") append();
  else window.addEventListener("load", append, { once: true });
}

function filtersOf(selects) {
  const filters = {};
  for (const select of selects) if (select.value) filters[select.name] = select.value;
  return filters;
}

function remember(query, filters) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const [name, value] of Object.entries(filters)) params.set(name, value);
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}

async function search(query, filters, state, view, typing) {
  const ticket = ++state.ticket;
  if (!query) {
    // No search on filters alone: it would download the whole index.
    state.results = [];
    view.list.replaceChildren();
    view.more.hidden = true;
    view.anyway.hidden = true;
    view.status.textContent = Object.keys(filters).length ? "Hãy gõ từ khóa: bộ lọc chỉ thu hẹp kết quả tìm được." : "";
    return;
  }
  let index;
  let found;
  let shortlist;
  try {
    ({ index, found, shortlist } = await find(query, filters, state.anyway === query, typing));
  } catch {
    failed(view);
    return;
  }
  if (ticket !== state.ticket) return; // a newer query has started
  if (found === null && !shortlist.length) {
    tooCommon(query, state, view);
    return;
  }
  view.anyway.hidden = true;
  const shown = found ?? shortlist.map((page) => ({ page }));
  // A result's parts only give its excerpt: when their file is lost, the description is shown.
  state.results = shown.map((result) => () => ({
    meta: index.page(result.page), parts: index.parts(result.page).catch(() => []) }));
  state.shown = 0;
  state.dropped = 0;
  state.phrases = quotedPhrases(query);
  // Each word once, folded, with the reader's spelling of it (the first one typed): words
  // spelled as typed are the ones marked (search-engine.js: matches).
  const spelled = new Map();
  for (const word of words(query)) if (!spelled.has(fold(word))) spelled.set(fold(word), word);
  state.terms = [...spelled.keys()];
  state.spellings = [...spelled.values()];
  state.typing = typing;
  view.list.replaceChildren();
  try {
    await showMore(state, view, false, ticket);
  } catch {
    failed(view); // a file of the results' metadata could not be fetched
    return;
  }
  if (ticket !== state.ticket) return;
  if (found) view.status.textContent = summary(found.length - state.dropped, query);
  else offerPlace(query, state, view, shown.length - state.dropped);
}

// What ``query`` finds: {index, found, terms, shortlist}, found being null when every word
// is on most pages (the reader is asked for a place, unless ``anyway``), and shortlist then
// the pages the index keeps for the phrase (kehoach/search/common.py), without filters;
// terms: its words, bare.
async function find(query, filters, anyway, typing) {
  const index = loaded ?? (await loadEngine());
  const terms = bareWords(query);
  if (!filters.province && !anyway && terms.length > 1 && terms.every((t) => index.common.has(t))) {
    // The kept pages are a bonus: when their file is lost, the reader is asked for a place.
    const shortlist = Object.keys(filters).length ? [] : await index.phrasePages(terms).catch(() => []);
    return { index, found: null, terms, shortlist };
  }
  const found = await index.search(lookedUp(query, anyway, index.common), filterWords(filters), { prefix: typing });
  return { index, found, terms };
}

// The words looked up: those on most pages are left out when the query has others
// ("chuyển đổi số Thạch Hà" → "Thạch Hà"): they would not narrow the results, and their
// index entries are the largest downloads there are. Words in quotes are kept, quotes and
// all: the reader asked for that phrase (search-engine.js keeps the pages holding it).
function lookedUp(query, everything, common) {
  const pieces = query.split('"'); // odd pieces are quoted (the last one may be unclosed)
  const isRare = (part) => !bareWords(part).every((t) => common.has(t));
  const spaced = (piece) => piece.split(/\s+/).filter(Boolean);
  const others = pieces.some((piece, i) => (i % 2 ? words(piece).length > 0 : spaced(piece).some(isRare)));
  return pieces.map((piece, i) => {
    if (i % 2) return `"${piece}"`;
    return spaced(piece).filter((part) => everything || !others || isRare(part)).join(" ");
  }).filter(Boolean).join(" ");
}

// A chosen filter value is a word of the index (kehoach/search/text.py, filter_token) that the
// results must hold.
function filterWords(filters) {
  return Object.entries(filters).map(([key, value]) => {
    const slug = fold(value).replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
    return `kh_${key}__${slug}__`;
  });
}

function bareWords(query) {
  return words(query).map(fold);
}

// On a national site, words such as "chuyển đổi số" are on nearly every page: looking them up
// alone would make a phone score thousands of pages. Ask for a place first; "Vẫn tìm" searches.
function tooCommon(query, state, view) {
  state.results = [];
  view.list.replaceChildren();
  view.more.hidden = true;
  offerAnyway(query, state, view);
  view.status.textContent = `Các từ “${query}” có trong rất nhiều trang. Hãy thêm tên xã, ` +
    "phường hoặc tỉnh (ví dụ: “chuyển đổi số Thạch Hà”), hoặc chọn tỉnh ở bộ lọc.";
}

// The pages kept for such a phrase are shown at once; the place filter is opened beside them.
function offerPlace(query, state, view, count) {
  offerAnyway(query, state, view);
  view.form.querySelector("details")?.setAttribute("open", "");
  view.status.textContent = `Các từ “${query}” có trong rất nhiều trang: đây là ${count} trang ` +
    "tiêu biểu nhất. Hãy chọn tỉnh ở bộ lọc hoặc thêm tên xã, phường để tìm trong một nơi.";
}

function offerAnyway(query, state, view) {
  view.anyway.hidden = false;
  view.anyway.onclick = () => {
    state.anyway = query;
    view.anyway.hidden = true;
    view.form.requestSubmit();
  };
}

function summary(count, query) {
  const what = query ? ` cho “${query}”` : "";
  if (!count) return `Không tìm thấy kết quả nào${what}. Hãy thử ít từ hơn hoặc bỏ bớt bộ lọc.`;
  return `Tìm thấy ${count} kết quả${what}.`;
}

// The next PAGE_SIZE results, each shown as soon as it and those above it are in. The first
// result's metadata is asked for alone, the others' once it is shown: asked for all at once,
// the first result's file waited for the others' (ten results of a place or a common phrase
// are in 4 to 10 metadata files nationally), and their requests and parsing held up its
// drawing, by 15 to 30 ms on a busy two-core machine (scripts/bench_search.py, typed). The
// results below it come one round trip later; when its file fails, no other is asked for.
// For a quoted phrase, a result also waits for its parts: one whose text shows that the
// phrase is not there (holdsPhrases) is left out (counted in state.dropped).
async function showMore(state, view, moveFocus, ticket = state.ticket) {
  const batch = state.results.slice(state.shown, state.shown + PAGE_SIZE);
  const loading = [];
  const load = (loaders) => {
    for (const loader of loaders) {
      const result = loader();
      result.meta.catch(() => {}); // a failure is met in the loop
      loading.push(result);
    }
  };
  load(batch.slice(0, 1));
  let first = null;
  const filling = [];
  for (let i = 0; i < batch.length; i += 1) {
    if (i === 1) load(batch.slice(1));
    const { meta, parts } = loading[i];
    const page = await meta;
    const without = state.phrases.length && holdsPhrases(await parts, state.phrases) === false;
    if (ticket !== state.ticket) return;
    if (without) {
      state.shown += 1;
      state.dropped += 1;
      continue;
    }
    // Shown at once with its description; its passage and parts replace it once their file
    // is in (one more round trip: the first result does not wait for it).
    const marking = { prefix: state.typing, spellings: state.spellings };
    const shown = resultItem(page, state.terms, marking);
    filling.push(parts.then((found) => {
      if (ticket === state.ticket) showExcerpts(shown, page, excerpts(found, state.terms, marking));
    }));
    view.list.append(shown.item);
    first ??= shown.item;
    state.shown += 1;
  }
  await Promise.all(filling);
  view.more.hidden = state.shown >= state.results.length;
  if (moveFocus && first) first.querySelector("a").focus();
}

// A result: {item, text}; page: its metadata (search-engine.js, page()). Its text is the
// description until showExcerpts puts the passage there.
function resultItem(page, terms, marking) {
  const item = element("li", "kh-result");
  const heading = element("h2", "kh-result-title");
  const link = element("a");
  link.href = page.url;
  link.append(...segmentNodes(markedSegments(page.title || page.url, terms, marking)));
  heading.append(link);
  item.append(heading, element("p", "kh-result-meta", facts(page)));
  const text = element("p", "kh-result-text");
  if (page.description) {
    text.append(...segmentNodes(markedSegments(page.description, terms, marking)));
    item.append(text);
  }
  return { item, text };
}

// The passage of the page where the words are and its parts (excerpts()), once in.
function showExcerpts({ item, text }, page, shown) {
  if (shown.excerpt) {
    text.replaceChildren(...segmentNodes(shown.excerpt));
    if (!page.description) item.append(text);
  }
  if (shown.sub.length) item.append(subResults(page.url, shown.sub));
}

// The parts of the page holding the words: a link to each, its heading and its passage.
function subResults(url, sub) {
  const list = element("ul", "kh-result-parts");
  for (const part of sub) {
    const entry = element("li");
    const link = element("a");
    link.href = `${url}#${encodeURIComponent(part.anchor)}`;
    link.append(...segmentNodes(part.heading));
    entry.append(link);
    if (part.segments.length) {
      const text = element("p", "kh-result-text");
      text.append(...segmentNodes(part.segments));
      entry.append(text);
    }
    list.append(entry);
  }
  return list;
}

function segmentNodes(segments) {
  return segments.map(({ text, mark }) => (mark ? element("mark", null, text) : text));
}

function facts(meta) {
  const place = [meta.locality, meta.province].filter(Boolean);
  if (place.length === 2 && place[0] === place[1]) place.pop();
  // meta.progress: a plan's roll-up in words, as of the day the search page states.
  return [meta.kind, place.join(", "), meta.year, meta.progress].filter(Boolean).join(" · ");
}

function failed(view) {
  view.status.textContent = "Chưa tải được bộ tìm kiếm. Hãy kiểm tra kết nối mạng rồi thử lại.";
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const form = document.getElementById("kh-search");
if (form) start(form);
