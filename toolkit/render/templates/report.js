/* WTDC comparison report. Change navigation (n / p keys, buttons) comes with each redline
   fragment; the page adds what a report with several redlines needs. */
(function () {
  "use strict";

  // The n / p keys step through the changes of the "active" redline (window.wtdcDiffActive,
  // which the fragments' own script reads). With several redlines, the active one is the one
  // the reader is looking at: the last whose article has reached the upper part of the
  // window, or the first while the reader is above them all. Set in the capture phase,
  // before the fragments' key handler runs.
  var redlines = document.querySelectorAll(".redline .wtdc-diff");
  document.addEventListener("keydown", function (event) {
    if (redlines.length < 2 || (event.key !== "n" && event.key !== "p")) { return; }
    var active = redlines[0];
    for (var i = 0; i < redlines.length; i++) {
      var article = redlines[i].closest(".redline");
      if (article.getBoundingClientRect().top <= window.innerHeight * 0.4) {
        active = redlines[i];
      }
    }
    if (active.wtdcGo) { window.wtdcDiffActive = active; }
  }, true);

  // Sortable, filterable tables (the lineage): a heading's button sorts by its column
  // (again: the other way), the search box keeps the rows holding its words.
  function cellValue(row, index, numeric) {
    var text = row.cells[index].textContent.trim();
    if (!numeric) { return text.toLowerCase(); }
    var number = parseFloat(text.replace(/[,\u2212]/g, function (c) { return c === "," ? "" : "-"; }));
    return isNaN(number) ? -Infinity : number;
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var body = table.tBodies[0];
    var headings = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headings, function (th, index) {
      th.querySelector("button.sort").addEventListener("click", function () {
        var up = th.getAttribute("aria-sort") !== "ascending";
        var numeric = th.classList.contains("num");
        Array.prototype.forEach.call(headings, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
          var order = numeric ? x - y : x.localeCompare(y, "en", {numeric: true});
          return up ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
    var filter = document.querySelector('input[data-table="' + table.id + '"]');
    var count = filter.parentNode.querySelector(".table-count");
    filter.addEventListener("input", function () {
      var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      Array.prototype.forEach.call(body.rows, function (row) {
        var text = row.textContent.toLowerCase();
        row.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
        shown += row.hidden ? 0 : 1;
      });
      count.textContent = words.length ? shown + " of " + body.rows.length + " rows" : "";
    });
  });

  // Closed <details> would print as a single line; open them for print and restore after.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    var closed = document.querySelectorAll("details:not([open])");
    for (var i = 0; i < closed.length; i++) { closed[i].open = true; opened.push(closed[i]); }
  });
  window.addEventListener("afterprint", function () {
    while (opened.length) { opened.pop().open = false; }
  });
}());
