/* WTDC comparison report: change navigation by keyboard, full content when printing. */
(function () {
  "use strict";

  // A change is an insertion or deletion that the reader can currently see (a redline
  // may show the same change in a side-by-side and an inline view; only one is visible).
  function visibleChanges() {
    var marks = document.querySelectorAll(".redline ins, .redline del");
    var seen = [];
    for (var i = 0; i < marks.length; i++) {
      var mark = marks[i];
      if (mark.getClientRects().length === 0) continue;
      // Adjacent del+ins of one replacement count as one stop.
      var previous = mark.previousElementSibling;
      if (mark.tagName === "INS" && previous && previous.tagName === "DEL" &&
          previous.nextSibling === mark && seen[seen.length - 1] === previous) continue;
      seen.push(mark);
    }
    return seen;
  }

  var current = -1;

  function go(step) {
    var changes = visibleChanges();
    if (changes.length === 0) return;
    var old = document.querySelector(".current-change");
    if (old) old.classList.remove("current-change");
    current = (current + step + changes.length) % changes.length;
    var target = changes[current];
    target.classList.add("current-change");
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var field = event.target;
    if (field && (field.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(field.tagName))) return;
    if (event.key === "n") { go(1); event.preventDefault(); }
    else if (event.key === "p") { go(-1); event.preventDefault(); }
  });

  // Closed <details> would print as a single line; open them for print and restore after.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    var closed = document.querySelectorAll("details:not([open])");
    for (var i = 0; i < closed.length; i++) { closed[i].open = true; opened.push(closed[i]); }
  });
  window.addEventListener("afterprint", function () {
    while (opened.length) opened.pop().open = false;
  });
})();
