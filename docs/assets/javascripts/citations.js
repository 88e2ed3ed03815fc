/* Citation tooltips are shown by CSS alone (citations.css). This adds the one thing CSS cannot:
 * Escape dismisses a tooltip without moving the pointer or the focus (WCAG 2.1, 1.4.13). The
 * tooltip comes back when the pointer or focus next arrives at a citation. A classic script,
 * so it also runs from file://. */
(function () {
  "use strict";
  const DISMISSED = "citation__work--dismissed";

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".citation__work:hover, .citation__work:focus-within")
      .forEach(function (work) { work.classList.add(DISMISSED); });
  });

  function restore(event) {
    const work = event.target instanceof Element && event.target.closest(".citation__work");
    if (work) work.classList.remove(DISMISSED);
  }
  document.addEventListener("mouseover", restore);
  document.addEventListener("focusin", restore);
})();
