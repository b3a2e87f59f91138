// The excerpts of docs/assets/search-engine.js: the passage of a page where the reader's words
// are, marked as the page spells them, cut on word boundaries, and the parts of the page
// (kehoach/search/parts.py) listed under a result, best first.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { engine } from "./support/engine.mjs";

const text = (segments) => segments.map((s) => s.text).join("");
const marks = (segments) => segments.filter((s) => s.mark).map((s) => s.text);

describe("an excerpt", () => {
  test("marks the words as the page spells them, for a query typed without marks", () => {
    const found = engine.excerpt("Người dân dùng chữ ký số trên điện thoại.", ["chu", "ky", "so"]);
    assert.deepEqual(marks(found.segments), ["chữ", "ký", "số"]);
    assert.equal(text(found.segments), "Người dân dùng chữ ký số trên điện thoại.");
  });

  test("is cut on word boundaries, an ellipsis where text was left out", () => {
    const long = Array.from({ length: 60 }, (_, i) => `từ${i}`).join(" ");
    const found = engine.excerpt(`${long} Thạch Hà ${long}.`, ["thach", "ha"], { length: 10 });
    const shown = text(found.segments);
    assert.ok(shown.startsWith("…từ58 từ59 Thạch"), shown); // a quarter of it before the words
    assert.ok(shown.endsWith(" từ5…"), shown);
    assert.equal(shown.split(" ").length, 10);
    assert.deepEqual(marks(found.segments), ["Thạch", "Hà"]);
  });

  test("shows where the words are closest together, side by side in order first", () => {
    const page = "Chữ trong sách. Ký tên. Số nhà. Triển khai số ký chữ nhanh. Đăng ký chữ ký số cho người dân.";
    const found = engine.excerpt(page, ["chu", "ky", "so"], { length: 6 });
    assert.match(text(found.segments), /chữ ký số/);
  });

  test("more of the reader's words beat fewer ones", () => {
    const page = `Số liệu. ${"x ".repeat(40)}Bình dân học vụ số.`;
    const found = engine.excerpt(page, ["binh", "dan", "hoc", "vu", "so"], { length: 8 });
    assert.deepEqual(marks(found.segments), ["Bình", "dân", "học", "vụ", "số"]);
  });

  test("the last word begins a longer one only while typing", () => {
    assert.equal(engine.excerpt("Xã Thạch Hạnh", ["thach", "ha"]).segments.filter((s) => s.mark).length, 1);
    const typing = engine.excerpt("Xã Thạch Hạnh", ["thach", "ha"], { prefix: true });
    assert.deepEqual(marks(typing.segments), ["Thạch", "Hạnh"]);
  });

  test("a page without the words has none", () => {
    assert.equal(engine.excerpt("Kế hoạch năm 2025", ["vneid"]), null);
  });

  test("a reader who typed the marks sees the words so spelled marked, not look-alikes", () => {
    const page = "Đúc thở ở xưởng. Xã Đức Thọ triển khai chữ ký số cho người dân.";
    const found = engine.excerpt(page, ["duc", "tho"], { spellings: ["đức", "thọ"], length: 8 });
    assert.deepEqual(marks(found.segments), ["Đức", "Thọ"]);
    // Typed without marks, every spelling is the reader's word.
    const bare = engine.excerpt(page, ["duc", "tho"], { spellings: ["duc", "tho"] });
    assert.deepEqual(marks(bare.segments), ["Đúc", "thở", "Đức", "Thọ"]);
    // A page with look-alikes only: they are what matched, and are marked.
    const alike = engine.excerpt("Đúc thở ở xưởng.", ["duc", "tho"], { spellings: ["đức", "thọ"] });
    assert.deepEqual(marks(alike.segments), ["Đúc", "thở"]);
  });

  test("the passage with the words spelled as typed is preferred", () => {
    const page = `Đúc thở ở xưởng. ${"x ".repeat(40)}Xã Đức Thọ.`;
    const found = engine.excerpt(page, ["duc", "tho"], { spellings: ["đức", "thọ"], length: 8 });
    assert.match(text(found.segments), /Xã Đức Thọ\.$/);
    const parts = [["hd-a", "Đúc thở", "Xưởng đúc thở."], ["hd-b", "Đức Thọ", "Xã Đức Thọ."]];
    const shown = engine.excerpts(parts, ["duc", "tho"], { spellings: ["đức", "thọ"] });
    assert.deepEqual(shown.sub.map((s) => s.anchor), ["hd-b", "hd-a"]);
  });

  test("a whole title or description is marked the same way, punctuation left out", () => {
    const segments = engine.markedSegments("Đức Thọ (Đúc thở).", ["duc", "tho"], { spellings: ["đức", "thọ"] });
    assert.equal(text(segments), "Đức Thọ (Đúc thở).");
    assert.deepEqual(marks(segments), ["Đức", "Thọ"]);
    assert.deepEqual(marks(engine.markedSegments("Xã Thạch Hà.", ["thach", "ha"])), ["Thạch", "Hà"]);
  });

  test("punctuation glued to a word does not hide it", () => {
    const found = engine.excerpt("Cài VNeID(bản mới)tại nhà", ["vneid", "ban"]);
    assert.deepEqual(marks(found.segments), ["VNeID", "bản"]);
  });
});

describe("the parts of a result", () => {
  const parts = [
    ["", "", "Kế hoạch số 12/KH-UBND về chuyển đổi số năm 2025."],
    ["hoat-dong", "Hoạt động", "Các hoạt động trong năm."],
    ["hd-ky-so", "Phổ cập chữ ký số", "Hướng dẫn người dân đăng ký chữ ký số công cộng."],
    ["hd-hoi-thi", "Hội thi", "Thi tìm hiểu về ký số và chữ viết."],
    ["tn-so-tt", "Sở Thông tin", "Bảo đảm chữ ký số cho cán bộ; số hóa."],
    ["hd-khac", "Khác", "Không liên quan."],
  ];

  test("the page's excerpt is its best passage; up to three parts with an anchor, best first", () => {
    const shown = engine.excerpts(parts, ["chu", "ky", "so"]);
    assert.match(text(shown.excerpt), /chữ ký số công cộng/);
    assert.deepEqual(shown.sub.map((s) => s.anchor), ["hd-ky-so", "tn-so-tt", "hd-hoi-thi"]);
    assert.deepEqual(marks(shown.sub[0].heading), ["chữ", "ký", "số"]);
    assert.deepEqual(shown.sub[0].segments, []); // its passage is the page's excerpt, above
    assert.deepEqual(marks(shown.sub[1].segments), ["chữ", "ký", "số", "số"]);
  });

  test("a long heading is cut around the words, a heading without them at its start", () => {
    const long = `Tổ chức ${"hoạt động ".repeat(20)}chữ ký số ${"cho dân ".repeat(10)}`;
    const [marked] = engine.excerpts([["hd-a", long, "chữ ký số"]], ["chu", "ky", "so"]).sub;
    assert.ok(text(marked.heading).startsWith("…") && text(marked.heading).endsWith("…"));
    assert.deepEqual(marks(marked.heading), ["chữ", "ký", "số"]);
    const [plain] = engine.excerpts([["hd-b", long, "Cài VNeID."]], ["vneid"]).sub;
    assert.equal(text(plain.heading), `Tổ chức ${"hoạt động ".repeat(7)}…`.replace(" …", "…"));
    assert.deepEqual(marks(plain.heading), []);
  });

  test("a part whose heading holds the words is listed even when its text does not", () => {
    const shown = engine.excerpts([["hd-a", "Bình dân học vụ số", "Tổ chức lớp học."]], ["binh", "dan", "hoc", "vu", "so"]);
    assert.deepEqual(shown.sub.map((s) => s.anchor), ["hd-a"]);
    assert.deepEqual(marks(shown.excerpt), ["học"]);
  });

  test("no part with the words: no excerpt and no sub-result (the description is shown)", () => {
    assert.deepEqual(engine.excerpts(parts, ["vneid"]), { excerpt: null, sub: [] });
    assert.deepEqual(engine.excerpts([], ["vneid"]), { excerpt: null, sub: [] });
  });
});
