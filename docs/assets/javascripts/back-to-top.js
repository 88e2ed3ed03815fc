/* Material's "Back to top" takes the focus with it.

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
})();
