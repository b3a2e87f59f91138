// Runs docs/assets/timeline.js, as it is, on fake pages: a classic script evaluated in a
// node:vm context whose clock says ``now`` and whose document holds the given elements.

import { readFileSync } from "node:fs";
import vm from "node:vm";

import { FakeElement, fakeDocument, pythonFloat } from "./fake-dom.mjs";

const SCRIPT_URL = new URL("../../../docs/assets/timeline.js", import.meta.url);
const SOURCE = readFileSync(SCRIPT_URL, "utf8");

// A Date class whose ``new Date()`` is ``now``; every other use is the real Date's.
function clockAt(now) {
  return class FrozenDate extends Date {
    constructor(...args) {
      super(...(args.length ? args : [now.getTime()]));
    }
  };
}

// Runs the script once on a document made of ``found`` (selector → elements), at ``now``,
// in ``window`` (a fresh one by default); gives back the window.
export function runTimeline(found, now, window = { location: { protocol: "https:" } }) {
  const context = vm.createContext({ window, document: fakeDocument(found), Date: clockAt(now) });
  vm.runInContext(SOURCE, context, { filename: SCRIPT_URL.pathname });
  return window;
}

// A chart's <svg> as overrides/partials/timeline-svg.html writes it: its scale attributes and
// the "today" group (a line and a caption), here left by a build on a date after the chart.
export function chartSvg(scale) {
  const line = new FakeElement("line", { x1: "0", x2: "0", display: "none" });
  const caption = new FakeElement("text", { x: "0", dx: "0", "text-anchor": "start" });
  caption.textContent = "Ngày tạo trang: 01/01/2000";
  const today = new FakeElement("g", { "data-kh-today": "", "data-state": "after" },
    { line: [line], text: [caption] });
  const svg = new FakeElement("svg", {
    "data-origin": scale.origin,
    "data-day-width": pythonFloat(scale.day_width),
    "data-x0": pythonFloat(scale.x0),
    "data-date-width": pythonFloat(scale.date_width),
  }, { "[data-kh-today]": [today] });
  return { svg, today, line, caption };
}

// What the script left on a chart's "today" group.
export function todayOf(chart) {
  return {
    x: Number(chart.line.getAttribute("x1")),
    x2: Number(chart.line.getAttribute("x2")),
    captionX: Number(chart.caption.getAttribute("x")),
    state: chart.today.getAttribute("data-state"),
    anchor: chart.caption.getAttribute("text-anchor"),
    dx: Number(chart.caption.getAttribute("dx")),
    hidden: chart.line.getAttribute("display") === "none",
    date: chart.today.getAttribute("data-date"),
    text: chart.caption.textContent,
  };
}

// The reader's local date ``iso`` ("2025-03-01") at ``hour``:``minute``.
export function localMoment(iso, hour = 12, minute = 0) {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(year, month - 1, day, hour, minute);
}

// A "now / next" box as the timeline-svg.html agenda macro writes it, built on ``build`` (an
// ISO date) with ``now`` and ``next`` ([{label, start, end}]) in its two lists.
export function agendaBox({ build, horizon, now, next, more = false }) {
  const lists = { now: new FakeElement("ul"), next: new FakeElement("ul") };
  const empty = { now: new FakeElement("p"), next: new FakeElement("p") };
  const items = [];
  for (const [key, entries] of [["now", now], ["next", next]]) {
    for (const { label, start, end } of entries) {
      const li = new FakeElement("li", { "data-start": start, "data-end": end });
      li.textContent = label;
      lists[key].appendChild(li);
      items.push(li);
    }
    lists[key].hidden = entries.length === 0;
    empty[key].hidden = entries.length !== 0;
  }
  const asOf = new FakeElement("span");
  asOf.textContent = `ngày tạo trang ${build}`;
  const moreNote = new FakeElement("p");
  const box = new FakeElement("div", { "data-kh-agenda": "", "data-build": build, "data-horizon": horizon }, {
    '[data-kh-list="now"]': [lists.now], '[data-kh-list="next"]': [lists.next],
    '[data-kh-empty="now"]': [empty.now], '[data-kh-empty="next"]': [empty.next],
    "li[data-start]": items, "[data-kh-more]": more ? [moreNote] : [], "[data-kh-asof]": [asOf],
  });
  return { box, lists, empty, asOf, moreNote };
}

// The labels of a list's items, in order.
export function labels(list) {
  return list.children.map((li) => li.textContent);
}
