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
