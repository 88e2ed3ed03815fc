/* Figures open full screen on a tap or click, so that a phone reader can read their labels.

   Every image in a <figure> of the page (not one inside a link, not a live demo's) gets an
   "Enlarge" button right under its bottom right corner (in room extra.css keeps there, so
   nothing moves), and the image itself opens on a click or tap. The viewer is GLightbox (vendored from the npm registry in assets/vendor/glightbox/),
   loaded on the first open only, so a page pays nothing for it until a reader asks; it shows the
   figure as large as the screen allows, zooms and pans it on a phone, and closes on Escape, a
   tap outside or its close button, after which focus returns to where it was. The figure keeps
   its own scheme: the enlarged image inherits the page's color-scheme (see scripts/figures.py).
   The markup the page is built with is left alone: without JavaScript, in print and in the book
   a figure is the plain <figure><img><figcaption> it always was. Works from file:// too. */
(function () {
  "use strict";

  const here = document.currentScript && document.currentScript.src;
  if (!here || !document.querySelector) return;
  const vendor = new URL("../vendor/glightbox/", here).href;
  const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
    '<path d="M5 5h5V3H3v7h2zm5 14H5v-5H3v7h7zm11-5h-2v5h-5v2h7zm-2-4h2V3h-7v2h5z"/></svg>';
  // GLightbox's own frame, with a name for the dialog (its default has none) and modal semantics.
  const FRAME =
    '<div id="glightbox-body" class="glightbox-container" tabindex="-1" role="dialog" aria-modal="true" aria-label="Enlarged figure">' +
    '<div class="gloader visible"></div><div class="goverlay"></div><div class="gcontainer">' +
    '<div id="glightbox-slider" class="gslider"></div>' +
    '<button class="gclose gbtn" aria-label="Close the enlarged figure" data-taborder="3">{closeSVG}</button>' +
    '<button class="gprev gbtn" aria-label="Previous" data-taborder="2">{prevSVG}</button>' +
    '<button class="gnext gbtn" aria-label="Next" data-taborder="1">{nextSVG}</button>' +
    "</div></div>";

  let loading = null;

  function loadViewer() {
    if (window.GLightbox) return Promise.resolve();
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        const style = Object.assign(document.createElement("link"), { rel: "stylesheet", href: vendor + "glightbox.min.css" });
        const script = Object.assign(document.createElement("script"), { src: vendor + "glightbox.min.js" });
        script.onload = resolve;
        script.onerror = function () { loading = null; reject(new Error("GLightbox did not load")); };
        document.head.append(style, script);
      });
    }
    return loading;
  }

  function caption(figure) {
    const text = figure.querySelector("figcaption");
    return text ? text.textContent.trim() : "";
  }

  function open(img, returnFocusTo) {
    loadViewer().then(function () {
      const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      const viewer = window.GLightbox({
        elements: [{ href: img.currentSrc || img.src, type: "image", alt: img.alt,
                     description: caption(img.closest("figure")) }],
        lightboxHTML: FRAME,
        openEffect: still ? "none" : "zoom",
        closeEffect: still ? "none" : "zoom",
        touchNavigation: true,
        loop: false,
        zoomable: true,
        draggable: true,
      });
      viewer.on("open", function () {
        const close = document.querySelector(".glightbox-container .gclose");
        if (close) close.focus({ preventScroll: true });   // keyboard users start inside the dialog
      });
      viewer.on("close", function () {
        returnFocusTo.focus({ preventScroll: true });
        setTimeout(function () { viewer.destroy(); }, 0);
      });
      viewer.open();
    }).catch(function () {
      window.open(img.currentSrc || img.src, "_blank", "noopener");   // the file itself, at least
    });
  }

  function enhance(img) {
    const figure = img.closest("figure");
    if (!figure || img.closest("a, .demo-live, .ae-zoomable")) return;
    const wrap = document.createElement("span");
    wrap.className = "ae-zoomable";
    img.replaceWith(wrap);
    wrap.append(img);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "ae-zoom";
    button.setAttribute("aria-label", "Enlarge figure");
    button.innerHTML = ICON + "<span>Enlarge</span>";
    wrap.append(button);
    button.addEventListener("click", function () { open(img, button); });
    img.addEventListener("click", function () { open(img, button); });
  }

  document.querySelectorAll(".md-content figure img").forEach(enhance);
})();
