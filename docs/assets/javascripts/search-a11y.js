/* Search, for keyboard and screen-reader users: two things Material's markup leaves out.

   - Its results pane (.md-search__scrollwrap, a Tab stop so that a keyboard can scroll it) is a
     Tab stop even while search is closed, when it is 0 px tall: the focus vanished there between
     the search field and the navigation. While search is closed (Material's #__search checkbox
     unchecked) the pane is `inert`; open, it is Material's again. The checkbox is set by
     Material's scripts, which fire no event, so its state is read after each focus change,
     click and key press.
   - The line above the results ("12 matching documents", "No matching documents") changed
     without a word to a screen reader: it is a polite status, read when the typing pauses.

   Only attributes on Material's own markup change; its scripts are untouched. Works from
   file:// too. */
(function () {
  "use strict";

  const count = document.querySelector(".md-search-result__meta");
  if (count) count.setAttribute("role", "status");

  const pane = document.querySelector(".md-search__scrollwrap");
  const open = document.getElementById("__search");
  if (!pane || !open || !("inert" in HTMLElement.prototype)) return;
  function sync() {
    pane.inert = !open.checked;
  }
  sync();
  ["focusin", "click", "keydown", "keyup"].forEach(function (type) {
    // after Material's own handlers have opened or closed search
    document.addEventListener(type, function () { window.setTimeout(sync, 0); }, true);
  });
  open.addEventListener("change", sync);
})();
