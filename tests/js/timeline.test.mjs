// docs/assets/timeline.js on fake pages (a node:vm context with a frozen clock): how the
// "today" line and its caption change, which day is "today" for the reader, the legend, the
// now / next lists and the calendar box. Positions come from tests/vectors/timeline.json,
// whose values tests/unit/test_shared_vectors.py checks against kehoach/timeline/gantt.py.

import assert from "node:assert/strict";
import { afterEach, describe, test } from "node:test";

import { FakeElement } from "./support/fake-dom.mjs";
import { agendaBox, chartSvg, labels, localMoment, runTimeline, todayOf } from "./support/timeline-page.mjs";
import { vectors } from "./support/vectors.mjs";

const SCALES = new Map(vectors("timeline.json").scales.map((scale) => [scale.id, scale]));
const FEBRUARY = SCALES.get("february-2025");
const YEAR = SCALES.get("year-2025");

// The vector's "today" x of ``scale`` on day ``iso``.
function expectedX(scale, iso) {
  const found = scale.today.find((entry) => entry.date === iso);
  assert.ok(found, `no vector for ${iso} in ${scale.id}`);
  return found.x;
}

// What the script shows on one chart of ``scale`` at ``now`` (a Date).
function shownAt(scale, now) {
  const chart = chartSvg(scale);
  runTimeline({ "svg.kh-tl-svg": [chart.svg] }, now);
  return todayOf(chart);
}

describe("the today line and its caption", () => {
  test("inside the chart: the line is shown, the caption beside it names the reader's day", () => {
    const shown = shownAt(FEBRUARY, localMoment("2025-02-14"));
    assert.equal(shown.hidden, false);
    assert.equal(shown.x2, shown.x);
    assert.equal(shown.captionX, shown.x);
    assert.deepEqual([shown.state, shown.anchor, shown.dx], ["inside", "start", 4]);
    assert.equal(shown.text, "Hôm nay: 14/02/2025");
    assert.equal(shown.date, "2025-02-14");
    const right = shownAt(FEBRUARY, localMoment("2025-02-15"));
    assert.deepEqual([right.anchor, right.dx], ["end", -4]);
  });

  test("before the chart: no line, the caption at its left edge points left", () => {
    const shown = shownAt(FEBRUARY, localMoment("2025-01-05"));
    assert.deepEqual([shown.state, shown.hidden, shown.anchor, shown.dx], ["before", true, "start", 0]);
    assert.equal(shown.x, FEBRUARY.x0);
    assert.equal(shown.text, "◀ Hôm nay: 05/01/2025");
  });

  test("after the chart: no line, the caption at its right edge points right", () => {
    const shown = shownAt(FEBRUARY, localMoment("2026-03-09"));
    assert.deepEqual([shown.state, shown.hidden, shown.anchor, shown.dx], ["after", true, "end", 0]);
    assert.equal(shown.x, FEBRUARY.x0 + FEBRUARY.date_width);
    assert.equal(shown.text, "Hôm nay: 09/03/2026 ▶");
  });

  test("each chart of a page follows its own scale; a chart without a today line is left alone", () => {
    const charts = [chartSvg(FEBRUARY), chartSvg(YEAR)];
    const bare = new FakeElement("svg", { "data-origin": "2025-01-01" });
    runTimeline({ "svg.kh-tl-svg": [charts[0].svg, bare, charts[1].svg] }, localMoment("2025-02-14"));
    assert.equal(todayOf(charts[0]).x, expectedX(FEBRUARY, "2025-02-14"));
    assert.equal(todayOf(charts[1]).state, "inside");
    assert.notEqual(todayOf(charts[1]).x, todayOf(charts[0]).x);
    assert.equal(bare.attributes.size, 1);
  });

  test("the script runs once per page, however many times it is included", () => {
    const chart = chartSvg(FEBRUARY);
    const found = { "svg.kh-tl-svg": [chart.svg] };
    const window = runTimeline(found, localMoment("2025-02-14"));
    runTimeline(found, localMoment("2025-02-28"), window);
    assert.equal(todayOf(chart).date, "2025-02-14");
  });

  test("the legend names the reader's day", () => {
    const legend = new FakeElement("span");
    legend.textContent = "Ngày tạo trang (10/10/2025)";
    runTimeline({ "[data-kh-today-legend]": [legend] }, localMoment("2025-02-03"));
    assert.equal(legend.textContent, "Hôm nay (03/02/2025)");
  });
});

describe("which day is today", () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ; else process.env.TZ = zone;
  });

  test("a day runs from midnight to midnight of the reader's clock", () => {
    const moments = [
      ["2025-01-31", 23, 59, "before", FEBRUARY.x0],
      ["2025-02-01", 0, 0, "inside", expectedX(FEBRUARY, "2025-02-01")],
      ["2025-02-14", 23, 59, "inside", expectedX(FEBRUARY, "2025-02-14")],
      ["2025-02-15", 0, 0, "inside", expectedX(FEBRUARY, "2025-02-15")],
      ["2025-02-28", 23, 59, "inside", expectedX(FEBRUARY, "2025-02-28")],
      ["2025-03-01", 0, 0, "after", FEBRUARY.x0 + FEBRUARY.date_width],
    ];
    for (const [iso, hour, minute, state, x] of moments) {
      const shown = shownAt(FEBRUARY, localMoment(iso, hour, minute));
      assert.deepEqual([shown.state, shown.x, shown.date], [state, x, iso], `${iso} ${hour}:${minute}`);
    }
  });

  test("the reader's own date counts, not the date in UTC", () => {
    const instant = new Date("2025-02-14T17:30:00Z");
    for (const [zoneName, iso] of [["Asia/Ho_Chi_Minh", "2025-02-15"], ["America/Los_Angeles", "2025-02-14"]]) {
      process.env.TZ = zoneName;
      const shown = shownAt(FEBRUARY, instant);
      assert.deepEqual([shown.date, shown.x], [iso, expectedX(FEBRUARY, iso)], zoneName);
    }
  });

  test("over a change of summer time, each day still moves the line by one day", () => {
    process.env.TZ = "Europe/Paris";
    for (const days of [["2025-03-29", "2025-03-30", "2025-03-31"], ["2025-10-25", "2025-10-26", "2025-10-27"]]) {
      const xs = days.map((iso) => shownAt(YEAR, localMoment(iso, 23, 30)).x);
      assert.deepEqual([xs[1] - xs[0], xs[2] - xs[1]], [YEAR.day_width, YEAR.day_width], days[1]);
    }
  });
});

describe("now and next", () => {
  const item = (label, start, end) => ({ label, start, end });

  test("a box built on the reader's day is left as it is", () => {
    const old = item("old", "2025-01-01", "2025-01-02");
    const agenda = agendaBox({ build: "2025-10-08", horizon: 30, now: [old], next: [], more: true });
    runTimeline({ "[data-kh-agenda]": [agenda.box] }, localMoment("2025-10-08"));
    assert.deepEqual(labels(agenda.lists.now), ["old"]);
    assert.equal(agenda.moreNote.hidden, false);
    assert.equal(agenda.asOf.textContent, "ngày tạo trang 2025-10-08");
  });

  test("on another day the lists are picked again; empty ones are hidden and said to be empty", () => {
    const agenda = agendaBox({ build: "2025-10-08", horizon: 30, more: true,
      now: [item("ended", "2025-10-01", "2025-10-09")], next: [item("running", "2025-10-12", "2025-10-20")] });
    runTimeline({ "[data-kh-agenda]": [agenda.box] }, localMoment("2025-10-15"));
    assert.deepEqual([labels(agenda.lists.now), labels(agenda.lists.next)], [["running"], []]);
    assert.deepEqual([agenda.lists.now.hidden, agenda.empty.now.hidden], [false, true]);
    assert.deepEqual([agenda.lists.next.hidden, agenda.empty.next.hidden], [true, false]);
    assert.equal(agenda.moreNote.hidden, true); // the build's counts of unlisted items no longer hold
    assert.equal(agenda.asOf.textContent,
      "hôm nay 15/10/2025 (chọn từ danh sách lập ngày tạo trang 2025-10-08)");
  });
});

describe("the calendar box", () => {
  function subscribeBox() {
    const link = new FakeElement("a");
    link.href = "https://example.test/ke-hoach/lich/xa-thach-ha.ics";
    const code = new FakeElement("code");
    code.textContent = "lich/xa-thach-ha.ics";
    const box = new FakeElement("div", {}, { "a[data-kh-ics]": [link], "[data-kh-ics-url]": [code] });
    return { box, code };
  }

  test("on a web server the calendar's address shown is the full one of its link", () => {
    const { box, code } = subscribeBox();
    runTimeline({ ".kh-tl-subscribe": [box] }, localMoment("2025-10-08"));
    assert.equal(code.textContent, "https://example.test/ke-hoach/lich/xa-thach-ha.ics");
  });

  test("opened from files, the address is left as built", () => {
    const { box, code } = subscribeBox();
    runTimeline({ ".kh-tl-subscribe": [box] }, localMoment("2025-10-08"), { location: { protocol: "file:" } });
    assert.equal(code.textContent, "lich/xa-thach-ha.ics");
  });
});
