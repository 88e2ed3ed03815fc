/* Material's "Back to top": the focus goes with it, and it stays away from the demos.

   Material's button scrolls the page to the top and, once there, hides itself and drops the
   focus to <body>: the next Tab went on from the end of the page, to the footer's "Previous"
   link, and scrolled the reader back down (WCAG 2.4.3). Here the focus moves to the page's
   title (made focusable for as long as it has the focus, without scrolling: Material's own
   handler has scrolled), so the next Tab goes to the first link after it.

   The button floats over the top of the screen while the reader scrolls up, and there it covered
   a demo's controls and a chart's labels (a reader review: the boat race's sliders, the Goodhart
   chart's N). While any part of a demo (every demo page's and live figure's container has the
   class "demo") is on the screen, the root element has the class "ae-top-quiet", under which
   demos.css hides the button (out of sight and out of the tab order); off the demos Material's
   own rule holds. */
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    if (!(event.target instanceof Element) || !event.target.closest("button.md-top")) return;
    const title = document.querySelector(".md-content article h1");
    if (!title) return;
    if (!title.hasAttribute("tabindex")) {
      title.tabIndex = -1;
      title.addEventListener("blur", function () { title.removeAttribute("tabindex"); }, { once: true });
    }
    title.focus({ preventScroll: true });
  });

  const QUIET = "ae-top-quiet";

  /** Watch the page's demos; Material's instant navigation is off, so once a page is enough. */
  function watchDemos() {
    const demos = document.querySelectorAll(".md-content .demo");
    if (!demos.length || typeof window.IntersectionObserver !== "function") return;
    const onScreen = new Set();
    const observer = new window.IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) onScreen.add(entry.target);
        else onScreen.delete(entry.target);
      });
      document.documentElement.classList.toggle(QUIET, onScreen.size > 0);
    });
    demos.forEach(function (demo) { observer.observe(demo); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watchDemos);
  else watchDemos();
})();
