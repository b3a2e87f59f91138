// docs/assets/search-engine.js on tiny in-memory indexes shaped like the real one
// (kehoach/search/index.py): which pages a query finds, in which order, and which index files
// it downloads. Scores are compared with one another (twice, seven times…), never with
// numbers worked out here: the rules are relative (FOLDED, PREFIX, PHRASE, the weights).

import assert from "node:assert/strict";
import { afterEach, describe, test } from "node:test";

import { ROOT, engine, openMemoryIndex, restoreFetch } from "./support/engine.mjs";
import { entry } from "./support/memory-index.mjs";

afterEach(restoreFetch);

function metas(count) {
  return Array.from({ length: count }, (_, n) => ({ url: `p${n}/`, title: `Trang ${n}` }));
}

function scores(results) {
  return new Map(results.map(({ page, score }) => [page, score]));
}

function pagesOf(results) {
  return results.map(({ page }) => page);
}

function assertTimes(score, times, other) {
  const expected = times * other;
  assert.ok(Math.abs(score - expected) <= 1e-12 * expected, `${score} is not ${times} × ${other}`);
}

describe("words", () => {
  test("a query keeps every word, repeated ones too, in NFC and lower case", () => {
    assert.deepEqual(engine.words("Số  SỐ so\u0301"), ["số", "số", "só"]);
  });
});

describe("opening the index", () => {
  const ONE_WORD = { metas: metas(1), shards: [{ a: entry(["a"], [{ page: 0 }]) }] };

  test("the manifest held by the page is used as it is: nothing is downloaded", async () => {
    const { index, server, manifest } = await openMemoryIndex({ ...ONE_WORD, common: ["a"] });
    assert.deepEqual(index.manifest, manifest);
    assert.deepEqual([...index.common], ["a"]);
    assert.deepEqual(server.requested, []);
  });

  test("without one, the manifest is fetched from chi-muc-tim-kiem/ under the site root", async () => {
    const { index, server, manifest } = await openMemoryIndex(ONE_WORD, { embedded: false });
    assert.deepEqual(server.requested, ["chi-muc-tim-kiem/manifest.json"]);
    assert.deepEqual(index.manifest, manifest);
  });

  test("a manifest that cannot be fetched rejects, naming its address and status", async () => {
    const failures = { "chi-muc-tim-kiem/manifest.json": 1 };
    const opening = openMemoryIndex(ONE_WORD, { embedded: false, failures });
    await assert.rejects(opening, /chi-muc-tim-kiem\/manifest\.json: 503/);
  });
});

describe("matching words", () => {
  const placeNames = { metas: metas(3), shards: [{
    ha: entry(["hà"], [{ page: 0 }, { page: 2 }]),
    thach: entry(["thạch"], [{ page: 0 }, { page: 1 }]),
  }] };

  test("an empty query, or punctuation only, finds nothing and downloads nothing", async () => {
    const { index, server } = await openMemoryIndex(placeNames);
    assert.deepEqual(await index.search(""), []);
    assert.deepEqual(await index.search(" ( ) … "), []);
    assert.deepEqual(server.requested, []);
  });

  test("a page must hold every word of the query; equal scores keep page order", async () => {
    const { index } = await openMemoryIndex(placeNames);
    assert.deepEqual(pagesOf(await index.search("Thạch Hà")), [0]);
    const one = await index.search("thạch");
    assert.deepEqual(pagesOf(one), [0, 1]);
    assert.equal(one[0].score, one[1].score);
  });

  test("without marks or in capitals a word finds pages spelled with them; the reader's spelling counts twice", async () => {
    const { index } = await openMemoryIndex({ metas: metas(2), shards: [{
      duc: entry(["duc", "đức"], [{ page: 0, mask: 0b10 }, { page: 1, mask: 0b01 }]),
    }] });
    const marked = await index.search("đức");
    assert.deepEqual(pagesOf(marked), [0, 1]);
    assertTimes(marked[0].score, 2, marked[1].score);
    assert.deepEqual(await index.search("ĐỨC"), marked);
    const bare = await index.search("DUC");
    assert.deepEqual(pagesOf(bare), [1, 0]);
    assertTimes(bare[0].score, 2, bare[1].score);
    const neither = await index.search("Đuc");
    assert.deepEqual(pagesOf(neither), [0, 1]);
    assert.equal(neither[0].score, neither[1].score);
  });

  test("a word weighs what its place weighs (a heading seven times the text)", async () => {
    const { index } = await openMemoryIndex({ metas: metas(2), weights: [7, 1], shards: [{
      ha: entry(["ha"], [{ page: 0, weight: 1 }, { page: 1, weight: 0 }]),
    }] });
    const found = await index.search("ha");
    assert.deepEqual(pagesOf(found), [1, 0]);
    assertTimes(found[0].score, 7, found[1].score);
  });

  test("a rarer word weighs more than a common one", async () => {
    const { index } = await openMemoryIndex({ metas: metas(4), shards: [{
      hiem: entry(["hiếm"], [{ page: 0 }]),
      pho: entry(["phổ"], [{ page: 0 }, { page: 1 }, { page: 2 }]),
    }] });
    const [rare] = await index.search("hiếm");
    const [common] = await index.search("phổ");
    assert.ok(rare.score > common.score, `${rare.score} <= ${common.score}`);
  });

  test("the metadata of the 2005th page (pages come in chunks) has an absolute address", async () => {
    const many = metas(2006);
    const shards = [{ a: entry(["a"], [{ page: 0 }]) }];
    const { index, server } = await openMemoryIndex({ metas: many, chunk: 32, shards });
    assert.deepEqual(await index.page(2005), { url: `${ROOT}p2005/`, title: "Trang 2005" });
    assert.deepEqual(server.requested, ["chi-muc-tim-kiem/p/v0-62.json"]);
  });

  test("postings are read as index.py writes them: page deltas, weight, spellings, neighbours", async () => {
    const postings = [1, 0, 2, 5, 0, 2, 1, 1, 0, 3]; // page 1: weight 7, "số"; page 3: weight 1, "so"
    assert.deepEqual(entry(["so", "số"], [{ page: 1, weight: 0, mask: 2, before: 5 },
      { page: 3, weight: 1, mask: 1, after: 3 }])[1], postings);
    const shards = [{ so: [["so", "số"], postings] }];
    const { index } = await openMemoryIndex({ metas: metas(4), weights: [7, 1], shards });
    const found = await index.search("số");
    assert.deepEqual(pagesOf(found), [1, 3]);
    assertTimes(found[0].score, 14, found[1].score); // 7 × exact against 1 × folded
  });
});

describe("the last word, while typing", () => {
  test("only the last word also finds the longer words it begins", async () => {
    const { index } = await openMemoryIndex({ metas: metas(2), shards: [{
      ha: entry(["hà"], [{ page: 0 }]),
      hai: entry(["hai"], [{ page: 1 }]),
      thach: entry(["thạch"], [{ page: 0 }, { page: 1 }]),
    }] });
    assert.deepEqual(pagesOf(await index.search("thach h")), [0, 1]);
    assert.deepEqual(await index.search("h thach"), []);
    const found = await index.search("ha");
    assert.deepEqual(pagesOf(found), [0, 1]);
    assertTimes(found[0].score, 2, found[1].score); // the word itself, then a word it begins
  });

  test("once submitted (prefix: false) the last word is a whole word like the others", async () => {
    const { index, server } = await openMemoryIndex({ metas: metas(2), shards: [{
      ha: entry(["hà"], [{ page: 0 }]),
      hai: entry(["hai"], [{ page: 1 }]),
    }, {
      han: entry(["hán"], [{ page: 1 }]),
      thach: entry(["thạch"], [{ page: 0 }, { page: 1 }]),
    }] });
    assert.deepEqual(pagesOf(await index.search("thach ha", [], { prefix: false })), [0]);
    assert.deepEqual(pagesOf(await index.search("thach ha", [], { prefix: true })), [0, 1]);
    server.requested.length = 0;
    assert.deepEqual(pagesOf(await index.search("ha", [], { prefix: false })), [0]);
    // Submitted, only the word's own shard is read: "han" (next shard) is never fetched.
    assert.deepEqual(server.requested, []); // shard 0 was fetched by the searches above
    const { index: fresh, server: other } = await openMemoryIndex({ metas: metas(2), shards: [
      { ha: entry(["hà"], [{ page: 0 }]) }, { han: entry(["hán"], [{ page: 1 }]) }] });
    await fresh.search("ha", [], { prefix: false });
    assert.deepEqual(other.requested, ["chi-muc-tim-kiem/t/v0-0.json"]);
    await fresh.search("ha", [], { prefix: true });
    assert.deepEqual(other.requested, ["chi-muc-tim-kiem/t/v0-0.json", "chi-muc-tim-kiem/t/v0-1.json"]);
  });

  test("on a page holding the word itself, a longer word it begins does not count", async () => {
    const { index } = await openMemoryIndex({ metas: metas(2), weights: [7, 1], shards: [{
      ha: entry(["ha"], [{ page: 0, weight: 1 }, { page: 1, weight: 1 }]),
      hanh: entry(["hạnh"], [{ page: 0, weight: 0 }]),
    }] });
    const found = scores(await index.search("ha"));
    assert.equal(found.get(0), found.get(1));
  });

  test("of several longer words on a page, the best one counts, not their sum", async () => {
    const { index } = await openMemoryIndex({ metas: metas(2), weights: [7, 1], shards: [{
      hai: entry(["hai"], [{ page: 0, weight: 1 }]),
      hanh: entry(["hạnh"], [{ page: 0, weight: 0 }, { page: 1, weight: 0 }]),
    }] });
    const found = scores(await index.search("ha"));
    assert.equal(found.get(0), found.get(1));
  });
});

describe("shards", () => {
  const fiveShards = { metas: metas(3), shards: [
    { a: entry(["a"], [{ page: 0 }]) },
    { ha: entry(["hà"], [{ page: 0 }]) },
    { hai: entry(["hai"], [{ page: 1 }]) },
    { han: entry(["hàn"], [{ page: 2 }]), haz: entry(["haz"], [{ page: 2 }]) },
    { hb: entry(["hb"], [{ page: 0 }]), zz: entry(["zz"], [{ page: 1 }]) },
  ] };

  test("a word is looked for in the last shard whose first word is not after it", async () => {
    const expected = { 0: 0, gz: 0, ha: 1, haz: 3, hbb: 4, zz: 4, zzz: 4 };
    for (const [word, shard] of Object.entries(expected)) {
      const { index, server } = await openMemoryIndex(fiveShards);
      await index.search(`${word} zz`); // not the last word: its own shard only; "zz" is in 4
      const files = new Set([shard, 4].map((n) => `chi-muc-tim-kiem/t/v0-${n}.json`));
      assert.deepEqual(server.requested, [...files], word);
      restoreFetch();
    }
  });

  test("the last word reads at most two shards of longer words", async () => {
    const { index, server } = await openMemoryIndex(fiveShards);
    assert.deepEqual(pagesOf(await index.search("ha")), [0, 1]); // not page 2: "hàn" is in a third
    assert.deepEqual(server.requested, ["chi-muc-tim-kiem/t/v0-1.json", "chi-muc-tim-kiem/t/v0-2.json"]);
  });

  test("a word that is not the last reads its own shard only", async () => {
    const { index, server } = await openMemoryIndex(fiveShards);
    assert.deepEqual(pagesOf(await index.search("ha hb")), [0]);
    assert.deepEqual(server.requested, ["chi-muc-tim-kiem/t/v0-1.json", "chi-muc-tim-kiem/t/v0-4.json"]);
  });

  test("each file is downloaded once", async () => {
    const { index, server } = await openMemoryIndex(fiveShards);
    await index.search("zz");
    await index.search("zz");
    await index.page(1);
    await index.page(2);
    assert.deepEqual(server.requested, ["chi-muc-tim-kiem/t/v0-4.json", "chi-muc-tim-kiem/p/v0-0.json"]);
  });

  test("a file that could not be downloaded is asked for again by the next search", async () => {
    const shard = "chi-muc-tim-kiem/t/v0-4.json";
    const { index, server } = await openMemoryIndex(fiveShards, { failures: { [shard]: 1 } });
    await assert.rejects(index.search("zz"), /v0-4\.json: 503/);
    assert.deepEqual(pagesOf(await index.search("zz")), [1]);
    assert.deepEqual(server.requested, [shard, shard]);
  });
});

describe("words side by side", () => {
  // Page 0: "… thạch hà …"; page 1: "hà … thạch" (apart); page 2: "hà thạch".
  const places = { metas: metas(3), shards: [{
    ha: entry(["hà"], [{ page: 0, before: ["thach"] }, { page: 1, after: ["x"] }, { page: 2, after: ["thach"] }]),
    thach: entry(["thạch"], [{ page: 0, after: ["ha"] }, { page: 1, before: ["y"] }, { page: 2, before: ["ha"] }]),
  }] };

  test("the reader's words side by side on the page, in order, double its score", async () => {
    const { index } = await openMemoryIndex(places);
    const found = scores(await index.search("thạch hà"));
    assertTimes(found.get(0), 2, found.get(1));
    assert.equal(found.get(2), found.get(1)); // side by side, but "hà thạch"
    const reversed = scores(await index.search("hà thạch"));
    assertTimes(reversed.get(2), 2, reversed.get(1));
    assert.equal(reversed.get(0), reversed.get(1));
  });

  test("words side by side rank above the same words scattered, however heavy", async () => {
    const { index } = await openMemoryIndex({ metas: metas(2), weights: [7, 1], shards: [{
      sac: entry(["sạc"], [{ page: 0, weight: 0 }, { page: 1, weight: 1, before: ["tram"] }]),
      tram: entry(["trạm"], [{ page: 0, weight: 0 }, { page: 1, weight: 1, after: ["sac"] }]),
    }] });
    const found = await index.search("tram sac");
    assert.deepEqual(pagesOf(found), [1, 0]);
    assert.ok(found[1].score > found[0].score); // the scattered page scores more, below
  });

  test("both words must have seen each other: one's mask alone is not enough", async () => {
    const { index } = await openMemoryIndex({ metas: metas(2), shards: [{
      ha: entry(["hà"], [{ page: 0, before: ["thach"] }, { page: 1, before: ["thach"] }]),
      thach: entry(["thạch"], [{ page: 0, after: ["ha"] }, { page: 1, after: ["x"] }]),
    }] });
    const found = scores(await index.search("thạch hà"));
    assertTimes(found.get(0), 2, found.get(1));
  });

  test("every word must follow the one before it", async () => {
    const { index } = await openMemoryIndex({ metas: metas(2), shards: [{
      a: entry(["a"], [{ page: 0, after: ["b"] }, { page: 1, after: ["b"] }]),
      b: entry(["b"], [{ page: 0, before: ["a"], after: ["x"] }, { page: 1, before: ["a"], after: ["c"] }]),
      c: entry(["c"], [{ page: 0, before: ["y"] }, { page: 1, before: ["b"] }]),
    }] });
    const found = await index.search("a b c");
    assert.deepEqual(pagesOf(found), [1, 0]);
    assertTimes(found[0].score, 2, found[1].score);
  });

  test("words in quotes must stand side by side; the other words need not", async () => {
    const { index } = await openMemoryIndex(places);
    assert.deepEqual(pagesOf(await index.search('"thach ha"')), [0]);
    assert.deepEqual(pagesOf(await index.search('"ha thach"')), [2]);
    assert.deepEqual(pagesOf(await index.search('thach ha')).sort(), [0, 1, 2]);
    assert.deepEqual(pagesOf(await index.search('"thach ha')), [0]); // an unclosed quote runs to the end
    assert.deepEqual(pagesOf(await index.search('"thach" ha')).sort(), [0, 1, 2]); // one word: nothing to keep together
  });

  test("a longer word the last one begins is checked from its own side only", async () => {
    const { index } = await openMemoryIndex({ metas: metas(1), shards: [{
      hai: entry(["hai"], [{ page: 0, before: ["thach"] }]),
      thach: entry(["thạch"], [{ page: 0, after: ["hai"] }]),
    }] });
    assert.deepEqual(pagesOf(await index.search('"thach ha', [], { prefix: true })), [0]);
    assert.deepEqual(pagesOf(await index.search('"thach ha"', [], { prefix: false })), []);
  });

  test("the runs in quotes are counted in words as search splits them", () => {
    assert.deepEqual(engine.quoted('"chữ ký số" Thạch Hà "a-b c"'), [[0, 3], [5, 8]]);
    assert.deepEqual(engine.quoted("no quotes"), []);
  });

  test("the quoted phrases' words are given folded", () => {
    assert.deepEqual(engine.quotedPhrases('"Chữ Ký số" Thạch Hà "Đức-Thọ'), [["chu", "ky", "so"], ["duc", "tho"]]);
  });
});

describe("a quoted phrase in a page's text (its parts)", () => {
  const holds = (parts, query) => engine.holdsPhrases(parts, engine.quotedPhrases(query));

  test("found side by side and in order, however spelled, across punctuation", () => {
    assert.equal(holds([["", "", "Cấp Chữ-ký số, cho dân."]], '"chu ky so"'), true);
    assert.equal(holds([["", "", "Cấp chữ ký số."]], '"chữ ký" "số"'), true);
  });

  test("a part's heading is read before its text, the parts in page order", () => {
    const parts = [["", "", "Kế hoạch về chữ"], ["hd-1", "ký số cho dân", "Ký tên."]];
    assert.equal(holds(parts, '"chu ky so cho"'), true);
  });

  test("words apart, out of order, or only some of the phrases: not held", () => {
    assert.equal(holds([["", "", "Chữ ký tay. Ký số hóa."]], '"chu ky so"'), false);
    assert.equal(holds([["", "", "Số ký chữ."]], '"chu ky so"'), false);
    assert.equal(holds([["", "", "Chữ ký số."]], '"chu ky so" "thach ha"'), false);
  });

  test("cannot be told when a part was cut or the page has no parts", () => {
    assert.equal(holds([["", "", "Chữ ký tay", 1], ["a", "", "Khác."]], '"chu ky so"'), null);
    assert.equal(holds([["", "", "Chữ ký tay,…"]], '"chu ky so"'), false); // the plan's own ellipsis
    assert.equal(holds([], '"chu ky so"'), null);
  });

  test("a query without quotes holds", () => {
    assert.equal(holds([["", "", "Khác."]], "chu ky so"), true);
  });
});

describe("filters", () => {
  const filtered = { metas: metas(3), shards: [{
    kh_province__ha_tinh__: entry(["kh_province__ha_tinh__"], [{ page: 0 }, { page: 2 }]),
    kh_year__2025__: entry(["kh_year__2025__"], [{ page: 0 }, { page: 1 }]),
    thach: entry(["thạch"], [{ page: 0, positions: [0] }, { page: 1 }, { page: 2 }]),
  }] };

  test("a filter keeps the pages holding its word, their scores unchanged", async () => {
    const { index } = await openMemoryIndex(filtered);
    const all = scores(await index.search("thach"));
    const kept = await index.search("thach", ["kh_province__ha_tinh__"]);
    assert.deepEqual(pagesOf(kept), [0, 2]);
    for (const { page, score } of kept) assert.equal(score, all.get(page));
  });

  test("every filter must hold; a filter no page has finds nothing", async () => {
    const { index } = await openMemoryIndex(filtered);
    const both = await index.search("thach", ["kh_province__ha_tinh__", "kh_year__2025__"]);
    assert.deepEqual(pagesOf(both), [0]);
    assert.deepEqual(await index.search("thach", ["kh_year__2024__"]), []);
  });

  test("a filter's word must be whole, never the beginning of another", async () => {
    const { index } = await openMemoryIndex(filtered);
    assert.deepEqual(await index.search("thach", ["kh_province__ha"]), []);
  });
});
