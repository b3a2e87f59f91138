// docs/assets/search-engine.js as it is, imported as an ES module (a data: URL of its text:
// the site's .js files are not modules to Node, which reads package.json for that), and
// an index of the site at ROOT opened on a fake server.

import { readFileSync } from "node:fs";

import { fakeServer, indexFiles } from "./memory-index.mjs";

const SOURCE = readFileSync(new URL("../../../docs/assets/search-engine.js", import.meta.url));

export const engine = await import(`data:text/javascript;base64,${SOURCE.toString("base64")}`);

export const ROOT = "https://example.test/ke-hoach/";

const realFetch = globalThis.fetch;

// The index described by ``spec`` (indexFiles), opened through its fetched manifest unless
// ``embedded``; globalThis.fetch is the fake server's until restoreFetch().
export async function openMemoryIndex(spec, { failures = {}, embedded = true } = {}) {
  const { manifest, files } = indexFiles(spec);
  const server = fakeServer(ROOT, files, failures);
  globalThis.fetch = server.fetch;
  const index = await engine.openIndex(new URL(ROOT), embedded ? manifest : null);
  return { index, server, manifest };
}

export function restoreFetch() {
  globalThis.fetch = realFetch;
}
