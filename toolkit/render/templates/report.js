/* WTDC comparison report. Change navigation (n / p keys, buttons) comes with each redline
   fragment; the page adds only what a whole report needs. */
(function () {
  "use strict";

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
