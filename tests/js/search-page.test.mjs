// docs/assets/search.js on a fake search page: words on most pages of the site (the
// manifest's "common") are not looked up alone, a chosen filter narrows the results, and a
// result shows its page with the reader's words marked. Which words were looked up is read
// from the shards downloaded (one word per shard here).

import assert from "node:assert/strict";
import { afterEach, describe, test } from "node:test";

import { restoreFetch } from "./support/engine.mjs";
import { entry } from "./support/memory-index.mjs";
import { SITE_ROOT, markedIn, openSearchPage, shardsAskedFor, textOf } from "./support/search-page.mjs";

afterEach(restoreFetch);

const THACH_HA = { url: "ha-tinh/xa-thach-ha/", title: "Kế hoạch chuyển đổi số xã Thạch Hà",
  kind: "Kế hoạch", locality: "Xã Thạch Hà", province: "Tỉnh Hà Tĩnh", year: "2025",
  progress: "tiến độ 23,3%: 1/6 đã hoàn thành, 3 quá hạn" };
const XUAN_LOC = { url: "dong-nai/xa-xuan-loc/", title: "Kế hoạch chuyển đổi số xã Xuân Lộc",
  kind: "Kế hoạch", locality: "Xã Xuân Lộc", province: "Tỉnh Đồng Nai", year: "2025" };
const NOTES = { url: "ha-tinh/xa-thach-ha/ghi-chu/", title: "Ghi chú Thạch Hà", locality: "Tỉnh Hà Tĩnh",
  province: "Tỉnh Hà Tĩnh" };
const ALL = [0, 1, 2].map((page) => ({ page }));

// Pages 0 and 1 hold "chuyển đổi số" (common: on most pages); pages 0 and 2 "Thạch Hà".
const SITE = { metas: [THACH_HA, XUAN_LOC, NOTES], common: ["chuyen", "doi", "so"], shards: [
  { chuyen: entry(["chuyển"], ALL.slice(0, 2)) },
  { doi: entry(["đổi"], ALL.slice(0, 2)) },
  { ha: entry(["hà"], [{ page: 0 }, { page: 2 }]) },
  { kh_province__tinh_dong_nai__: entry(["kh_province__tinh_dong_nai__"], [{ page: 1 }]) },
  { kh_province__tinh_ha_tinh__: entry(["kh_province__tinh_ha_tinh__"], [{ page: 0 }, { page: 2 }]) },
  { so: entry(["số"], ALL.slice(0, 2)) },
  { thach: entry(["thạch"], [{ page: 0 }, { page: 2 }]) },
] };

const resultTitles = (view) => view.list.children.map((item) => textOf(item.children[0]));

async function searchFor(search) {
  const page = await openSearchPage(SITE, new URLSearchParams(search).toString());
  await page.until(() => page.view.status.textContent !== "");
  return page;
}

describe("words on most pages", () => {
  test("a query made only of them, a phrase the index keeps no pages for, asks for a place first", async () => {
    const { view, server } = await searchFor({ q: "chuyển đổi số" });
    assert.match(view.status.textContent, /^Các từ “chuyển đổi số” có trong rất nhiều trang\./);
    assert.equal(view.anyway.hidden, false);
    // Only the small list of phrases beginning with "chuyen" is downloaded, no postings.
    assert.deepEqual([view.list.children, server.requested], [[], ["chi-muc-tim-kiem/c/v0-0.json"]]);
  });

  test("a phrase the index keeps pages for shows them at once, the place filter opened beside", async () => {
    const site = { ...SITE, phrases: { "chuyen doi so": [1, 0] } };
    const page = await openSearchPage(site, "q=chuyen+doi+so");
    await page.until(() => page.view.status.textContent !== "" && page.view.list.children.length === 2);
    const { view, server, manifest } = page;
    assert.deepEqual(resultTitles(view), [XUAN_LOC.title, THACH_HA.title]); // in the kept order
    assert.match(view.status.textContent, /rất nhiều trang: đây là 2 trang tiêu biểu nhất\. Hãy chọn tỉnh/);
    assert.equal(view.anyway.hidden, false);
    assert.equal(page.view.details.getAttribute("open"), "");
    assert.deepEqual(shardsAskedFor(server, manifest), []);
    assert.deepEqual(markedIn(view.list.children[0].children[0]), ["chuyển", "đổi", "số"]);
  });

  test("“search anyway” then looks up every word", async () => {
    const { view, server, manifest, until } = await searchFor({ q: "chuyển đổi số" });
    view.anyway.onclick();
    await until(() => view.status.textContent.startsWith("Tìm thấy"));
    assert.equal(view.status.textContent, "Tìm thấy 2 kết quả cho “chuyển đổi số”.");
    assert.deepEqual(shardsAskedFor(server, manifest), ["chuyen", "doi", "so"]);
    assert.deepEqual(resultTitles(view), [THACH_HA.title, XUAN_LOC.title]);
    assert.equal(view.anyway.hidden, true);
  });

  test("beside other words they are left out of the look-up", async () => {
    const { view, server, manifest } = await searchFor({ q: "chuyển đổi số Thạch Hà" });
    assert.deepEqual(shardsAskedFor(server, manifest), ["thach", "ha"]);
    assert.deepEqual(resultTitles(view), [THACH_HA.title, NOTES.title]); // the notes lack "số"
  });

  test("one such word alone is looked up", async () => {
    const { view, server, manifest } = await searchFor({ q: "số" });
    assert.deepEqual(shardsAskedFor(server, manifest), ["so"]);
    assert.equal(view.list.children.length, 2);
  });

  test("with a province chosen they are looked up at once, within the province", async () => {
    const query = { q: "chuyển đổi số", province: "Tỉnh Hà Tĩnh" };
    const { view, server, manifest, addresses } = await searchFor(query);
    assert.deepEqual(shardsAskedFor(server, manifest),
      ["chuyen", "doi", "so", "kh_province__tinh_ha_tinh__"]);
    assert.deepEqual(resultTitles(view), [THACH_HA.title]);
    assert.equal(view.details.getAttribute("open"), "");
    assert.equal(addresses.length, 1); // the query and the filter stay in the address
    assert.deepEqual(Object.fromEntries(new URLSearchParams(addresses[0].replace(/^\?/, ""))), query);
  });
});

describe("results", () => {
  test("each result links to its page and marks the reader's words, with or without marks", async () => {
    const { view } = await searchFor({ q: "thach HA" });
    const [first, second] = view.list.children;
    const link = first.children[0].children[0];
    assert.equal(link.href, `${SITE_ROOT}${THACH_HA.url}`);
    assert.deepEqual(markedIn(link), ["Thạch", "Hà"]);
    // A plan's progress (its roll-up in words) after its place and year.
    assert.equal(textOf(first.children[1]),
      "Kế hoạch · Xã Thạch Hà, Tỉnh Hà Tĩnh · 2025 · tiến độ 23,3%: 1/6 đã hoàn thành, 3 quá hạn");
    assert.equal(textOf(second.children[1]), "Tỉnh Hà Tĩnh"); // the place once, when locality is the province
    assert.equal(view.status.textContent, "Tìm thấy 2 kết quả cho “thach HA”.");
  });

  test("a query nothing matches says so", async () => {
    const { view } = await searchFor({ q: "thạch", province: "Tỉnh Đồng Nai" });
    assert.equal(view.status.textContent,
      "Không tìm thấy kết quả nào cho “thạch”. Hãy thử ít từ hơn hoặc bỏ bớt bộ lọc.");
    assert.deepEqual(view.list.children, []);
  });

  test("filters without words search nothing and say why", async () => {
    const { view, server } = await searchFor({ province: "Tỉnh Hà Tĩnh" });
    assert.equal(view.status.textContent, "Hãy gõ từ khóa: bộ lọc chỉ thu hẹp kết quả tìm được.");
    assert.deepEqual(server.requested, []);
  });
});

describe("quoted phrases", () => {
  test("words in quotes are looked up even when on most pages, beside other words", async () => {
    const { server, manifest } = await searchFor({ q: '"chuyển đổi số" Thạch Hà' });
    assert.deepEqual(shardsAskedFor(server, manifest).sort(), ["chuyen", "doi", "ha", "so", "thach"]);
  });

  test("unquoted words on most pages are still left out beside a quoted phrase", async () => {
    const { server, manifest } = await searchFor({ q: 'chuyển "Thạch Hà"' });
    assert.deepEqual(shardsAskedFor(server, manifest).sort(), ["ha", "thach"]);
  });
});

describe("a quoted phrase is checked in the text of the results", () => {
  // By their neighbour masks, the four pages hold "chữ ký số": "chữ" before "ký" and "số"
  // after it. Page 1 only has "chữ ký" and "ký số" apart; page 2 has no parts; page 3's text
  // was cut (kehoach/search/parts.py: CUT), the phrase may be in what was left out.
  const pages = [0, 1, 2, 3].map((page) => ({ page }));
  const near = (before, after) => pages.map(({ page }) => ({ page, before, after }));
  const titled = (title, n) => ({ url: `p${n}/`, title });
  const QUOTED = {
    metas: ["Chữ ký số", "Chữ ký tay", "Không có phần", "Rất dài"].map(titled),
    shards: [{ chu: entry(["chữ"], near(0, ["ky"])) }, { ky: entry(["ký"], near(["chu"], ["so"])) },
      { so: entry(["số"], near(["ky"], 0)) }],
    parts: {
      0: [["", "", "Cấp chữ ký số cho người dân."]],
      1: [["", "", "Chữ ký tay trên giấy."], ["hd-1", "Ký số hóa văn bản", "Số hóa."]],
      3: [["", "", "Chữ ký tay, ký số hóa", 1]],
    },
  };

  test("a page whose text shows the phrase is not there is left out, and not counted", async () => {
    const page = await openSearchPage(QUOTED, new URLSearchParams({ q: '"chu ky so"' }).toString());
    await page.until(() => page.view.status.textContent !== "");
    assert.deepEqual(resultTitles(page.view), ["Chữ ký số", "Không có phần", "Rất dài"]);
    assert.match(page.view.status.textContent, /Tìm thấy 3 kết quả/);
  });

  test("without quotes, the words side by side rank first but every page is shown", async () => {
    const page = await openSearchPage(QUOTED, new URLSearchParams({ q: "chu ky so" }).toString());
    await page.until(() => page.view.status.textContent !== "");
    assert.equal(resultTitles(page.view).length, 4);
  });
});

describe("the reader's spelling", () => {
  const ALIKE = { metas: [{ url: "a/", title: "Thạch Hạ và Thạch Hà", description: "Xã Thạch Hạ." }],
    shards: [{ ha: entry(["hà", "hạ"], [{ page: 0, mask: 3 }]) }, { thach: entry(["thạch"], [{ page: 0 }]) }] };
  const open = async (q) => {
    const page = await openSearchPage(ALIKE, new URLSearchParams({ q }).toString());
    await page.until(() => page.view.status.textContent !== "");
    const [item] = page.view.list.children;
    return { title: markedIn(item.children[0]), description: markedIn(item.children[2]) };
  };

  test("typed with marks, the words so spelled are marked; look-alikes only where they alone are", async () => {
    assert.deepEqual(await open("Thạch Hà"), { title: ["Thạch", "Thạch", "Hà"], description: ["Thạch", "Hạ"] });
  });

  test("typed without marks, every spelling is marked", async () => {
    assert.deepEqual(await open("thach ha"), { title: ["Thạch", "Hạ", "Thạch", "Hà"], description: ["Thạch", "Hạ"] });
  });
});

describe("a query submitted on the open page", () => {
  // The page, open, with its fetch and history watched: ``order`` gets "fetch <folder>" for
  // each index file asked for and "address <?query>" for each address written.
  const watchedPage = async () => {
    const page = await openSearchPage(SITE, "");
    await new Promise((resolve) => setImmediate(resolve)); // the index opens (its manifest is in the page)
    const order = [];
    const { fetch } = globalThis;
    globalThis.fetch = (url) => { order.push(`fetch ${String(url).split("/").at(-2)}`); return fetch(url); };
    globalThis.history = { replaceState: (_state, _title, address) => order.push(`address ${address}`) };
    const submit = (query) => {
      page.view.input.value = query;
      page.view.form.requestSubmit();
    };
    return { page, order, submit };
  };

  test("rewrites the address once the query is answered, after every file it asked for", async () => {
    const { page, order, submit } = await watchedPage();
    submit("thach ha");
    assert.deepEqual(order, ["fetch t", "fetch t"]);
    await page.until(() => order.some((step) => step.startsWith("address")));
    assert.deepEqual(order, ["fetch t", "fetch t", "fetch p", "address ?q=thach+ha"]);
    assert.deepEqual(resultTitles(page.view), [THACH_HA.title, NOTES.title]);
    assert.equal(page.view.status.textContent, "Tìm thấy 2 kết quả cho “thach ha”.");
  });

  test("a query that another one replaced before it was answered leaves the address to that one", async () => {
    const { page, order, submit } = await watchedPage();
    submit("thach ha");
    submit("số");
    await page.until(() => page.view.status.textContent !== "");
    await page.until(() => order.some((step) => step.startsWith("address")));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(order.filter((step) => step.startsWith("address")), ["address ?q=s%E1%BB%91"]);
  });
});

describe("the metadata of the results", () => {
  // Each page's metadata in its own file: "thach ha" finds pages 0 and 2, in two files.
  const ONE_PER_FILE = { ...SITE, chunk: 1 };
  const FIRST = "chi-muc-tim-kiem/p/v0-0.json";
  const SECOND = "chi-muc-tim-kiem/p/v0-2.json";
  const turns = async (count) => {
    for (let turn = 0; turn < count; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  };
  // The open page's fetch, through ``answer(url, fetch)``; gives the metadata files asked
  // for, each with the number of results shown when it was asked for.
  const watched = (page, answer) => {
    const asked = [];
    const { fetch } = globalThis;
    globalThis.fetch = (url) => {
      const path = String(url).slice(SITE_ROOT.length);
      if (path.includes("/p/")) asked.push([path, page.view.list.children.length]);
      return answer(path, fetch, url);
    };
    return asked;
  };
  const submit = (page, query) => {
    page.view.input.value = query;
    page.view.form.requestSubmit();
  };

  test("the first result's file is asked for alone, the others' once it is shown", async () => {
    const page = await openSearchPage(ONE_PER_FILE, "");
    await turns(1); // the index opens (its manifest is in the page)
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const asked = watched(page, async (path, fetch, url) => {
      if (path === FIRST) await held;
      return fetch(url);
    });
    submit(page, "thach ha");
    await page.until(() => asked.length > 0);
    await turns(50);
    assert.deepEqual(asked, [[FIRST, 0]]);
    release();
    await page.until(() => page.view.status.textContent !== "");
    assert.deepEqual(asked, [[FIRST, 0], [SECOND, 1]]);
    assert.deepEqual(resultTitles(page.view), [THACH_HA.title, NOTES.title]);
  });

  test("when the first result's file cannot be fetched, the page says so and asks for no other", async () => {
    const page = await openSearchPage(ONE_PER_FILE, "");
    await turns(1);
    const asked = watched(page, (path, fetch, url) => (path === FIRST ? { ok: false, status: 503 } : fetch(url)));
    submit(page, "thach ha");
    await page.until(() => page.view.status.textContent !== "");
    assert.match(page.view.status.textContent, /^Chưa tải được bộ tìm kiếm/);
    assert.deepEqual([asked, page.view.list.children], [[[FIRST, 0]], []]);
  });
});
