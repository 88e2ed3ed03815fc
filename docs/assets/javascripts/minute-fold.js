/* The "In one minute" box on a phone: folded by CSS from the first paint (extra.css, narrow
 * screens with scripting only), opened and folded again by its button, which
 * scripts/summary_boxes.py writes into the box. This only flips the box's class and the
 * button's aria-expanded; the focus stays on the button. A keyboard or tap focus landing on
 * something inside the folded text (a glossary term) opens the box, so nothing focused is
 * hidden or its tooltip clipped. Listeners on the document, so it works on every page load.
 * A classic script, so it also runs from file://. */
(function () {
  "use strict";
  const OPEN = "ae-minute--open";
  const TOGGLE = ".ae-minute__toggle";

  function setOpen(box, open) {
    box.classList.toggle(OPEN, open);
    const button = box.querySelector(TOGGLE);
    if (button) button.setAttribute("aria-expanded", String(open));
  }

  document.addEventListener("click", function (event) {
    const button = event.target instanceof Element && event.target.closest(TOGGLE);
    const box = button && document.getElementById(button.getAttribute("aria-controls"));
    if (box) setOpen(box, !box.classList.contains(OPEN));
  });

  document.addEventListener("focusin", function (event) {
    const target = event.target;
    if (!(target instanceof Element) || target.closest(TOGGLE)) return;
    const box = target.closest(".admonition");
    const button = box && box.querySelector(":scope > " + TOGGLE);
    if (button && !box.classList.contains(OPEN)) setOpen(box, true);
  });
})();
