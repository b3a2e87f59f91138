/* Timelines (overrides/partials/timeline-svg.html): the page is built with the build date;
   this moves the "today" line and the now / next lists to the reader's date. Same rules as
   kehoach/timeline.py (today_marker) and kehoach/timeline_weeks.py (now_and_next). */
(function () {
  "use strict";
  if (window.khTimeline) { return; }
  window.khTimeline = true;
  var DAY = 86400000;
  var now = new Date();
  var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / DAY;
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  var label = pad(now.getDate()) + "/" + pad(now.getMonth() + 1) + "/" + now.getFullYear();
  var iso = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  function dayNumber(text) {
    var p = String(text).split("-");
    return Date.UTC(+p[0], +p[1] - 1, +p[2]) / DAY;
  }
  function each(selector, fn) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
  }

  function moveToday(svg) {
    var mark = svg.querySelector("[data-kh-today]");
    if (!mark) { return; }
    var dayWidth = parseFloat(svg.getAttribute("data-day-width"));
    var x0 = parseFloat(svg.getAttribute("data-x0"));
    var width = parseFloat(svg.getAttribute("data-date-width"));
    var offset = today - dayNumber(svg.getAttribute("data-origin"));
    var text = "Hôm nay: " + label, state = "inside", anchor = "start", dx = 0, x;
    if (offset < 0) {
      state = "before"; x = x0; text = "◀ " + text;
    } else if (offset >= Math.round(width / dayWidth)) {
      state = "after"; x = x0 + width; anchor = "end"; text = text + " ▶";
    } else {
      x = x0 + (offset + 0.5) * dayWidth;
      anchor = x < x0 + width / 2 ? "start" : "end";
      dx = anchor === "start" ? 4 : -4;
    }
    x = Math.round(x * 100) / 100;
    var line = mark.querySelector("line"), caption = mark.querySelector("text");
    line.setAttribute("x1", x);
    line.setAttribute("x2", x);
    if (state === "inside") { line.removeAttribute("display"); } else { line.setAttribute("display", "none"); }
    caption.setAttribute("x", x);
    caption.setAttribute("dx", dx);
    caption.setAttribute("text-anchor", anchor);
    caption.textContent = text;
    mark.setAttribute("data-state", state);
    mark.setAttribute("data-date", iso);
  }

  function refreshAgenda(box) {
    if (box.getAttribute("data-build") === iso) { return; }
    var horizon = parseInt(box.getAttribute("data-horizon"), 10);
    var lists = { now: box.querySelector('[data-kh-list="now"]'), next: box.querySelector('[data-kh-list="next"]') };
    if (!lists.now || !lists.next) { return; }
    var buckets = { now: [], next: [] };
    Array.prototype.forEach.call(box.querySelectorAll("li[data-start]"), function (li) {
      var start = dayNumber(li.getAttribute("data-start")), end = dayNumber(li.getAttribute("data-end"));
      li.parentNode.removeChild(li);
      if (start <= today && today <= end) { buckets.now.push([end, start, li]); }
      else if (start > today && start - today <= horizon) { buckets.next.push([start, end, li]); }
    });
    ["now", "next"].forEach(function (key) {
      var items = buckets[key];
      items.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
      items.forEach(function (item) { lists[key].appendChild(item[2]); });
      lists[key].hidden = items.length === 0;
      var empty = box.querySelector('[data-kh-empty="' + key + '"]');
      if (empty) { empty.hidden = items.length !== 0; }
    });
    Array.prototype.forEach.call(box.querySelectorAll("[data-kh-more]"), function (p) { p.hidden = true; });
    var asOf = box.querySelector("[data-kh-asof]");
    if (asOf) { asOf.textContent = "hôm nay " + label + " (chọn từ danh sách lập " + asOf.textContent + ")"; }
  }

  each("svg.kh-tl-svg", moveToday);
  each("[data-kh-today-legend]", function (node) { node.textContent = "Hôm nay (" + label + ")"; });
  each("[data-kh-agenda]", refreshAgenda);
  if (/^https?:$/.test(window.location.protocol)) {
    each(".kh-tl-subscribe", function (box) {
      var link = box.querySelector("a[data-kh-ics]"), code = box.querySelector("[data-kh-ics-url]");
      if (link && code) { code.textContent = link.href; }
    });
  }
}());
