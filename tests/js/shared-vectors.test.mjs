// The JavaScript half of the test vectors shared with tests/unit/test_shared_vectors.py:
// folding and word splitting (search-engine.js, whose fold search.js imports too), the
// "today" line and the now / next lists of timeline.js, the filter words search.js asks for.
// ``disagreements`` are inputs on which
// Python and JavaScript differ today: each side must still give its own recorded result.

import assert from "node:assert/strict";
import { afterEach, describe, test } from "node:test";

import { engine, openMemoryIndex, restoreFetch } from "./support/engine.mjs";
import { entry } from "./support/memory-index.mjs";
import { openSearchPage } from "./support/search-page.mjs";
import { agendaBox, chartSvg, labels, localMoment, runTimeline, todayOf } from "./support/timeline-page.mjs";
import { vectors } from "./support/vectors.mjs";

const FOLD = vectors("fold.json");
const WORDS = vectors("words.json");
const TIMELINE = vectors("timeline.json");
const AGENDA = vectors("agenda.json");
const FILTER_TOKENS = vectors("filter_tokens.json");
const NEIGHBORS = vectors("neighbors.json");
const SCALES = new Map(TIMELINE.scales.map((scale) => [scale.id, scale]));

afterEach(restoreFetch);

// What timeline.js shows on a chart of ``scale`` on the reader's day ``iso`` (at noon).
function todayOn(scale, iso) {
  const chart = chartSvg(scale);
  runTimeline({ "svg.kh-tl-svg": [chart.svg] }, localMoment(iso));
  return todayOf(chart);
}

describe("folding (search-engine.js fold)", () => {
  test("the vectors are there", () => {
    assert.ok(FOLD.cases.length > 0 && FOLD.disagreements.length > 0);
  });
  for (const { input, folded, why } of FOLD.cases) {
    test(`${JSON.stringify(input)} → ${JSON.stringify(folded)}`, () => {
      assert.equal(engine.fold(input), folded, why);
    });
  }
  for (const { input, js, python, why } of FOLD.disagreements) {
    test(`disagreement: ${JSON.stringify(input)} → ${JSON.stringify(js)} (Python: ${JSON.stringify(python)})`, () => {
      assert.equal(engine.fold(input), js, why);
    });
  }
});

describe("words of a query (search-engine.js words)", () => {
  for (const { input, words, why } of WORDS.cases) {
    test(`${JSON.stringify(input)} → ${JSON.stringify(words)}`, () => {
      assert.deepEqual(engine.words(input), words, why);
    });
  }
  for (const { input, js, python, why } of WORDS.disagreements) {
    test(`disagreement: ${JSON.stringify(input)} → ${JSON.stringify(js)} (Python: ${JSON.stringify(python)})`, () => {
      assert.deepEqual(engine.words(input), js, why);
    });
  }
});

describe("the today line (timeline.js)", () => {
  for (const scale of TIMELINE.scales) {
    test(`${scale.name}`, () => {
      for (const { date, state, x, anchor } of scale.today) {
        const shown = todayOn(scale, date);
        assert.deepEqual({ state: shown.state, x: shown.x, anchor: shown.anchor }, { state, x, anchor }, date);
        assert.equal(shown.date, date);
      }
    });
  }
  for (const { scale, date, js, python, why } of TIMELINE.disagreements) {
    test(`disagreement: ${scale} on ${date} → ${JSON.stringify(js)} (Python: ${JSON.stringify(python)})`, () => {
      const shown = todayOn(SCALES.get(scale), date);
      assert.equal(shown.state, "inside");
      assert.deepEqual({ x: shown.x, anchor: shown.anchor }, js, why);
    });
  }
});

describe("now and next (timeline.js)", () => {
  for (const { name, today, horizon, items, now, next } of AGENDA.cases) {
    test(name, () => {
      const agenda = agendaBox({ build: "2000-01-01", horizon, now: items, next: [] });
      runTimeline({ "[data-kh-agenda]": [agenda.box] }, localMoment(today));
      assert.deepEqual(labels(agenda.lists.now), now);
      assert.deepEqual(labels(agenda.lists.next), next);
    });
  }
});

// An index where page n holds the word "trang" and the filter word of case n only.
function filterSite(cases) {
  const tokens = cases.map(({ token }, page) => [token, entry([token], [{ page }])]);
  const everyPage = cases.map((_, page) => ({ page }));
  const shards = [...tokens.sort(([a], [b]) => (a < b ? -1 : 1)), ["trang", entry(["trang"], everyPage)]];
  return {
    metas: cases.map((_, page) => ({ url: `p${page}/`, title: `Trang ${page}` })),
    shards: shards.map(([word, value]) => ({ [word]: value })),
  };
}

describe("neighbour bits (search-engine.js neighborBit)", () => {
  for (const { word, bit } of NEIGHBORS.cases) {
    test(`${JSON.stringify(word)} → ${bit}`, () => assert.equal(engine.neighborBit(word), bit));
  }

  test("the masks of a page tell which quoted words stand side by side on it", async () => {
    const { masks } = NEIGHBORS.page;
    const shard = Object.fromEntries(Object.keys(masks).sort().map((word) => [word,
      [[word], [0, 0, 1, masks[word][0], masks[word][1]]]]));
    const { index } = await openMemoryIndex({ metas: [{ url: "p/", title: "p" }], shards: [shard] });
    for (const [query, found] of [['"chu ky so"', 1], ['"dang ky"', 1], ['"so chu"', 0], ['"huong cong"', 0]]) {
      assert.equal((await index.search(query, [], { prefix: false })).length, found, query);
    }
  });
});

describe("filter words (search.js, on the search page)", () => {
  for (const [page, { key, value, token }] of FILTER_TOKENS.cases.entries()) {
    test(`${key} = ${JSON.stringify(value)} → ${token}`, async () => {
      const search = new URLSearchParams({ q: "trang", [key]: value }).toString();
      const { view, until } = await openSearchPage(filterSite(FILTER_TOKENS.cases), search);
      await until(() => view.status.textContent !== "");
      const found = view.list.children.map((item) => item.children[0].children[0].href.split("/").at(-2));
      assert.deepEqual(found, [`p${page}`], view.status.textContent);
    });
  }
});
