// Search page (tim-kiem/): runs queries with Pagefind's JS API against <site>/pagefind/.
// An ES module loaded with <script type="module" src> by overrides/search.html: no inline
// script. The site root is found from this file's own URL (<root>/assets/search.js), so the
// page works under any sub-path. Pagefind matches words with or without tone marks; the
// index also holds each page's words with đ written as d (kehoach/search.py), so "doi" finds
// "đổi". A result shows the page's title, kind, place and year, and its description; the
// index holds each page's distinct words, not its running text, so there is no excerpt.
// Results are drawn with DOM calls only (textContent), never from HTML strings.

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 300; // search while typing once the reader pauses…
const MIN_TYPED = 3; // …and has typed this much: every new prefix costs index downloads

const root = new URL("../", import.meta.url);

function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
}

let engine = null;
function loadEngine() {
  engine ??= import(new URL("pagefind/pagefind.js", root).href).then(async (pagefind) => {
    await pagefind.options({ baseUrl: root.pathname });
    await pagefind.init();
    return pagefind;
  });
  engine.catch(() => { engine = null; }); // a later query tries again (slow or lost network)
  return engine;
}

function start(form) {
  const input = form.querySelector("#kh-q");
  const selects = [...form.querySelectorAll("select[data-kh-filter]")];
  const view = {
    status: document.getElementById("kh-search-status"),
    list: document.getElementById("kh-search-results"),
    more: document.getElementById("kh-search-more"),
  };
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const select of selects) select.value = params.get(select.name) || "";
  if (selects.some((s) => s.value)) form.querySelector("details")?.setAttribute("open", "");
  const state = { ticket: 0, results: [], shown: 0, terms: [] };
  let timer = 0;

  const run = () => {
    clearTimeout(timer);
    search(input.value.trim(), filtersOf(selects), state, view);
    remember(input.value.trim(), selects);
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const typed = input.value.trim().length;
    if (typed >= MIN_TYPED || (typed === 0 && state.results.length)) timer = setTimeout(run, DEBOUNCE_MS);
  });
  for (const select of selects) select.addEventListener("change", run);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  view.more.addEventListener("click", () => showMore(state, view, true));
  loadEngine().catch(() => failed(view));
  if (input.value.trim() || selects.some((s) => s.value)) run();
}

function filtersOf(selects) {
  const filters = {};
  for (const select of selects) if (select.value) filters[select.name] = select.value;
  return filters;
}

function remember(query, selects) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const select of selects) if (select.value) params.set(select.name, select.value);
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}

async function search(query, filters, state, view) {
  const ticket = ++state.ticket;
  if (!query) {
    // No search on filters alone: Pagefind would download the whole index for it.
    state.results = [];
    view.list.replaceChildren();
    view.more.hidden = true;
    view.status.textContent = Object.keys(filters).length ? "Hãy gõ từ khóa: bộ lọc chỉ thu hẹp kết quả tìm được." : "";
    return;
  }
  let found;
  const terms = indexTerms(query);
  try {
    const pagefind = await loadEngine();
    found = await pagefind.search(terms.join(" "), { filters });
  } catch {
    failed(view);
    return;
  }
  if (ticket !== state.ticket || !found) return; // a newer query has started
  state.results = rerank(found.results, terms.length);
  state.shown = 0;
  state.terms = query.split(/\s+/).map((t) => fold(t).replace(/[^\p{L}\p{N}]/gu, "")).filter(Boolean);
  view.list.replaceChildren();
  await showMore(state, view, false, ticket);
  if (ticket !== state.ticket) return;
  view.status.textContent = summary(found.results.length, query);
}

// What Pagefind looks up for the reader's words. Vietnamese writes a word as separate
// syllables ("chữ ký số"); the index holds each page's syllables and each pair of neighbouring
// syllables joined by "_" (kehoach/search.py). Several syllables are looked up as their pairs
// ("chữ_ký ký_số"): a pair is on few pages where each syllable is on nearly all, and the last
// pair still matches as a prefix while the reader types. A syllable alone is looked up alone.
function indexTerms(query) {
  const terms = [];
  for (const phrase of query.split(/[,.;:!?…()\[\]“”"]+(?:\s|$)/)) {
    const words = phrase.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")).filter(Boolean);
    if (words.length === 1) terms.push(words[0]);
    for (let i = 1; i < words.length; i += 1) terms.push(`${words[i - 1]}_${words[i]}`);
  }
  return terms;
}

// Pages where the pairs of the reader's phrase follow each other in the order typed (the
// phrase itself, the first time the page uses it) come first: Pagefind's score is raised by
// PHRASE_BOOST when they do.
const PHRASE_BOOST = 1;

function rerank(results, size) {
  if (size < 2) return results;
  return results
    .map((result, order) => ({ result, order, score: result.score * (phrase(result.words, size) ? 1 + PHRASE_BOOST : 1) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map((entry) => entry.result);
}

function phrase(locations, size) {
  const found = new Set(locations);
  for (const start of found) {
    let run = 1;
    while (run < size && found.has(start + run)) run += 1;
    if (run === size) return true;
  }
  return false;
}

function summary(count, query) {
  const what = query ? ` cho “${query}”` : "";
  if (!count) return `Không tìm thấy kết quả nào${what}. Hãy thử ít từ hơn hoặc bỏ bớt bộ lọc.`;
  return `Tìm thấy ${count} kết quả${what}.`;
}

async function showMore(state, view, moveFocus, ticket = state.ticket) {
  const slice = state.results.slice(state.shown, state.shown + PAGE_SIZE);
  const pages = await Promise.all(slice.map((result) => result.data()));
  if (ticket !== state.ticket) return;
  const items = pages.map((page) => resultItem(page, state.terms));
  view.list.append(...items);
  state.shown += slice.length;
  view.more.hidden = state.shown >= state.results.length;
  if (moveFocus && items.length) items[0].querySelector("a").focus();
}

function resultItem(page, terms) {
  const meta = page.meta || {};
  const item = element("li", "kh-result");
  const heading = element("h2", "kh-result-title");
  const link = element("a");
  link.href = page.url;
  link.append(...marked(meta.title || page.url, terms));
  heading.append(link);
  item.append(heading, element("p", "kh-result-meta", facts(meta)));
  if (meta.description) {
    const text = element("p", "kh-result-text");
    text.append(...marked(meta.description, terms));
    item.append(text);
  }
  return item;
}

function facts(meta) {
  const place = [meta.locality, meta.province].filter(Boolean);
  if (place.length === 2 && place[0] === place[1]) place.pop();
  return [meta.kind, place.join(", "), meta.year].filter(Boolean).join(" · ");
}

// The text as nodes, the reader's words (compared without marks, case or stroke) in <mark>.
function marked(text, terms) {
  return text.split(/(\s+)/).map((part) => {
    const bare = fold(part).replace(/[^\p{L}\p{N}]/gu, "");
    return bare && terms.includes(bare) ? element("mark", null, part) : part;
  });
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
