// The search page (overrides/search.html) with docs/assets/search.js running in it, as it is:
// search.js and search-engine.js are copied into a temporary site folder marked as ES modules
// (package.json), and search.js is imported afresh for each page, with a fake document,
// location, history and fetch as globals. The index is served from memory (memory-index.mjs).

import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import { FakeElement } from "./fake-dom.mjs";
import { fakeServer, indexFiles } from "./memory-index.mjs";

const ASSETS = new URL("../../../docs/assets/", import.meta.url);
const folder = mkdtempSync(join(tmpdir(), "kehoach-search-page-"));
process.on("exit", () => rmSync(folder, { recursive: true, force: true }));
writeFileSync(join(folder, "package.json"), '{"type": "module"}\n');
mkdirSync(join(folder, "assets"));
for (const name of ["search.js", "search-engine.js"]) {
  copyFileSync(new URL(name, ASSETS), join(folder, "assets", name));
}
export const SITE_ROOT = pathToFileURL(`${folder}/`).href;
const TURNS = 200; // event-loop turns a page may take to settle (the fake server answers at once)
let pagesOpened = 0;

// An element of the page: FakeElement with what search.js uses besides (events, value, append).
class PageElement extends FakeElement {
  constructor(tag, attributes = {}, found = {}) {
    super(tag, attributes, found);
    this.value = "";
    this.dataset = {};
    this.listeners = new Map();
  }

  addEventListener(type, listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  dispatch(type, event = {}) {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }

  requestSubmit() {
    this.dispatch("submit", { preventDefault() {} });
  }

  append(...nodes) {
    for (const node of nodes) this.appendChild(typeof node === "string" ? textNode(node) : node);
  }

  replaceChildren(...nodes) {
    for (const child of [...this.children]) this.removeChild(child);
    this.append(...nodes);
  }

  focus() {}
}

function textNode(text) {
  return { nodeName: "#text", textContent: text, parentNode: null };
}

// The text of a node and its children, and the texts put in <mark> inside it.
export function textOf(node) {
  return node.nodeName === "#text" || !node.children?.length ? node.textContent : node.children.map(textOf).join("");
}

export function markedIn(node) {
  if (node.tagName === "MARK") return [node.textContent];
  return (node.children ?? []).flatMap(markedIn);
}

// The search form and the parts of the page search.js reads and fills.
function searchForm(filterKeys) {
  const input = new PageElement("input", { id: "kh-q" });
  const selects = filterKeys.map((key) => Object.assign(new PageElement("select"), { name: key }));
  const details = new PageElement("details");
  const form = new PageElement("form", { id: "kh-search" },
    { "#kh-q": [input], "select[data-kh-filter]": selects, details: [details] });
  const view = {
    form, input, details, selects: Object.fromEntries(selects.map((s) => [s.name, s])),
    status: new PageElement("p"), list: new PageElement("ol"),
    more: new PageElement("button"), anyway: new PageElement("button"),
  };
  view.more.hidden = view.anyway.hidden = true;
  return view;
}

// Opens the search page at ``?search`` (a URLSearchParams text) on the index ``spec``
// (indexFiles), its manifest in the page. Gives the page's parts, the fake server, the
// manifest, the addresses history was given, and ``until``: waits (a bounded number of
// turns) until ``ready()``.
export async function openSearchPage(spec, search, filterKeys = ["province", "year", "level", "kind"]) {
  const { manifest, files } = indexFiles(spec);
  const server = fakeServer(SITE_ROOT, files);
  const view = searchForm(filterKeys);
  const manifestBlock = new PageElement("script");
  manifestBlock.textContent = JSON.stringify(manifest);
  const byId = { "kh-search": view.form, "kh-search-status": view.status, "kh-search-results": view.list,
    "kh-search-more": view.more, "kh-search-anyway": view.anyway, "kh-search-manifest": manifestBlock };
  const addresses = [];
  Object.assign(globalThis, {
    document: { getElementById: (id) => byId[id] ?? null, createElement: (tag) => new PageElement(tag) },
    location: { search: search ? `?${search}` : "", pathname: "/tim-kiem/" },
    history: { replaceState: (_state, _title, address) => addresses.push(address) },
    fetch: server.fetch,
  });
  pagesOpened += 1;
  await import(`${SITE_ROOT}assets/search.js?page=${pagesOpened}`);
  return { view, server, manifest, addresses, until: (ready) => until(ready, view) };
}

async function until(ready, view) {
  for (let turn = 0; turn < TURNS; turn += 1) {
    if (ready()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`the search page did not settle; its status says: ${view.status.textContent}`);
}

// Which words the page looked up: the first word of each shard it downloaded.
export function shardsAskedFor(server, manifest) {
  return server.requested.filter((path) => path.includes("/t/"))
    .map((path) => manifest.shards[Number(path.match(/-(\d+)\.json$/)[1])]);
}
