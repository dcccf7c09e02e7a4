(function () {
  "use strict";
  // In a notebook the script may run without currentScript: take the newest fragment.
  var script = document.currentScript;
  var all = document.querySelectorAll(".wtdc-diff");
  var root = (script && script.closest(".wtdc-diff")) || all[all.length - 1];
  if (!root || root.wtdcGo) { return; }
  var nav = root.querySelector(".wd-nav");
  var pos = root.querySelector(".wd-pos");
  var index = -1;
  nav.hidden = false;
  function changes() {
    var view = root.querySelector(".wd-inl").checked ? ".wd-view-inl" : ".wd-view-sbs";
    return root.querySelectorAll(view + " .wd-clause:not([hidden])");
  }
  function go(step) {
    var all = changes();
    if (!all.length) { pos.textContent = "no changes"; return; }
    if (index >= 0 && index < all.length) { all[index].classList.remove("wd-current"); }
    index = Math.min(Math.max(index + step, 0), all.length - 1);
    all[index].classList.add("wd-current");
    all[index].scrollIntoView({block: "start"});
    pos.textContent = "change " + (index + 1) + " of " + all.length;
  }
  nav.addEventListener("click", function (event) {
    var step = event.target.getAttribute && event.target.getAttribute("data-step");
    if (step) { window.wtdcDiffActive = root; go(Number(step)); }
  });
  root.addEventListener("change", function () {
    root.querySelectorAll(".wd-current").forEach(function (el) { el.classList.remove("wd-current"); });
    index = -1;
  });
  // Long unchanged runs fold to a few words of context; a click on "… N unchanged words …"
  // unfolds them (without this script every word shows).
  root.classList.add("wd-js");
  root.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".wd-unfold");
    if (!button) { return; }
    button.parentNode.classList.add("wd-open");
    button.setAttribute("aria-expanded", "true");
  });
  // "Set aside" toggles (as `--ignore`): an edit made only of the checked kinds hides.
  var ignore = root.querySelector(".wd-ignore");
  if (ignore) {
    ignore.hidden = false;
    ignore.addEventListener("change", function () {
      var set = {};
      ignore.querySelectorAll("input:checked").forEach(function (box) { set[box.value] = true; });
      set.whitespace = set.whitespace || set.typography;  // typography sets spacing aside too
      root.querySelectorAll(".wd-clause[data-kinds]").forEach(function (clause) {
        clause.hidden = clause.getAttribute("data-kinds").split(" ").every(function (k) { return set[k]; });
      });
    });
  }
  root.wtdcGo = go;
  if (!window.wtdcDiffKeys) {
    window.wtdcDiffKeys = true;
    window.wtdcDiffActive = root;
    document.addEventListener("keydown", function (event) {
      var t = event.target;
      if (event.ctrlKey || event.metaKey || event.altKey) { return; }
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) && t.type !== "radio")) { return; }
      var active = window.wtdcDiffActive;
      if (!active || !active.wtdcGo) { return; }
      if (event.key === "n") { active.wtdcGo(1); event.preventDefault(); }
      else if (event.key === "p") { active.wtdcGo(-1); event.preventDefault(); }
    });
  }
}());
