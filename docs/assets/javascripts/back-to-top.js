/* Material's "Back to top": where and when it shows, and where the focus goes after it.

   Material shows its button whenever the reader scrolls up (and hides it on a scroll down).
   Material drew it as a pill just under the header, where it covered the very line a reader had
   scrolled up to re-read (on a phone, the first line under the header). extra.css makes it a
   round icon button in the bottom-right corner, and this script keeps it out of the way there:

   - not in the first screen of the page (the root element has the class "ae-top-near" while
     the page is scrolled less than a screen's height): the top is a flick away;
   - not over the end of the page (the class "ae-top-end" while the chapter's "Next" link, its
     References (a fold, then a list of links), the page's "About this page" links (Suggest a
     change, Cite this page) or Material's footer, with its Previous and Next links, passes
     through the strip at the bottom of the screen where the button is);
   - not over a demo (the class "ae-top-quiet" while any part of one is on the screen: every demo
     page's and live figure's container has the class "demo"). A reader review: the button had
     covered the boat race's sliders and the Goodhart chart's N.

   Under each class the button is hidden (visibility: out of sight, out of the tab order and of
   the accessibility tree: demos.css and extra.css); otherwise Material's own rule holds.

   Material's button scrolls the page to the top and, once there, hides itself and drops the
   focus to <body>: the next Tab went on from the end of the page, to the footer's "Previous"
   link, and scrolled the reader back down (WCAG 2.4.3). Here the focus moves to the page's
   title (made focusable for as long as it has the focus, without scrolling: Material's own
   handler has scrolled), so the next Tab goes to the first link after it. */
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

  const root = document.documentElement;
  const QUIET = "ae-top-quiet";
  const NEAR = "ae-top-near";
  const END = "ae-top-end";
  // What a page ends with that a reader clicks: the "Next" link before the References
  // (scripts/next_page.py), the References, the page's own links
  // (overrides/partials/source-file.html) and Material's footer.
  const ENDS = ".md-content :is(.next-page, .citation-references, .md-source-file), .md-footer";

  /** Watch `elements` with `options`; `root` has `className` while any of them intersects. */
  function observe(elements, className, options) {
    const seen = new Set();
    const observer = new window.IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) seen.add(entry.target);
        else seen.delete(entry.target);
      });
      root.classList.toggle(className, seen.size > 0);
    }, options);
    elements.forEach(function (element) { observer.observe(element); });
    return observer;
  }

  /** Material's instant navigation is off, so once a page is enough. */
  function watch() {
    const button = document.querySelector(".md-top");
    if (!button) return;

    function near() {
      root.classList.toggle(NEAR, window.scrollY < window.innerHeight);
    }
    near();
    window.addEventListener("scroll", near, { passive: true });

    if (typeof window.IntersectionObserver !== "function") return;
    const demos = document.querySelectorAll(".md-content .demo");
    if (demos.length) observe(demos, QUIET);

    // The strip the button stands in: from a little above its top to the bottom of the screen
    // (its box is laid out even while Material hides it). Drawn again when the window changes.
    const ends = document.querySelectorAll(ENDS);
    if (!ends.length) return;
    let strip = null;
    function watchStrip() {
      const top = button.getBoundingClientRect().top - 8;
      if (!(top > 0 && top < window.innerHeight)) return;
      if (strip) strip.disconnect();
      root.classList.remove(END);
      strip = observe(ends, END, { rootMargin: -Math.floor(top) + "px 0px 0px 0px" });
    }
    watchStrip();
    window.addEventListener("resize", function () {
      near();
      watchStrip();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
