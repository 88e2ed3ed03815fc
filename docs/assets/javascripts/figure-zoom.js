/* Figures open full screen on a tap or click, so that a phone reader can read their labels.

   Every image in a <figure> of the page (not one inside a link, not a live demo's) gets an
   "Enlarge" button right under its bottom right corner (in room extra.css keeps there, so
   nothing moves), and the image itself opens on a click or tap. The viewer is the browser's own
   modal <dialog> (showModal: the page behind is inert, Escape closes it, focus stays inside), so
   what is left here is the part no dialog does: the figure's size. A figure drawn 800 px wide
   for a desktop column is a 390 px picture on a phone, its labels 5-7 px; so where fitting the
   screen would shrink it below three quarters of its drawn size, it opens zoomed instead: at the
   screen's width if that keeps three quarters of its drawn size (then it only scrolls down),
   else at its drawn size, to pan with a finger, centred where it was tapped (on the figure's
   middle when the Enlarge button or the keyboard opened it: scrolled to its left edge, a phone
   showed the first labels of a sentence); a line in the bar says so. A tap on it (or the "Fit to screen" / "Zoom in" button) switches between the two,
   keeping the tapped point under the finger. Its caption is under it. The page behind does not
   scroll while it is open; closing returns focus to the Enlarge button, the page where it was.

   Why not a lightbox library: GLightbox, used before, showed a phone the same 390 px picture
   (tapping it did not zoom an SVG) and in landscape cut the figure off under a caption that
   filled the screen. The image is the page's currentSrc (a <picture>'s narrow version on a
   phone) and keeps the page's colour scheme (see scripts/figures.py). The page's markup is left
   alone: without JavaScript, in print and in the book a figure is the plain
   <figure><img><figcaption> it always was. Works from file:// too. */
(function () {
  "use strict";

  if (!document.querySelector || typeof HTMLDialogElement !== "function") return;
  const ENLARGE_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
    '<path d="M5 5h5V3H3v7h2zm5 14H5v-5H3v7h7zm11-5h-2v5h-5v2h7zm-2-4h2V3h-7v2h5z"/></svg>';
  const CLOSE_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
    '<path d="M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z"/></svg>';
  const READABLE = 0.75;   // below this share of its drawn size, a figure opens zoomed
  const ZOOM = 2;          // zoomed, where the fitted figure is already at its drawn size or more
  const LOCKED = "ae-viewer-open";   // on <html> while the viewer is open: the page does not scroll

  let viewer = null;

  function build() {
    const dialog = document.createElement("dialog");
    dialog.className = "ae-viewer";
    dialog.setAttribute("aria-label", "Enlarged figure");
    dialog.innerHTML =
      '<div class="ae-viewer__bar">' +
      '<span class="ae-viewer__hint"></span>' +
      '<button type="button" class="ae-viewer__size"></button>' +
      '<button type="button" class="ae-viewer__close" aria-label="Close the enlarged figure">' + CLOSE_ICON + "</button>" +
      "</div>" +
      '<div class="ae-viewer__stage" tabindex="0" role="group" aria-label="Figure (scrolls when zoomed)"><img alt=""></div>' +
      '<div class="ae-viewer__caption"></div>';
    document.body.append(dialog);
    const state = {
      dialog,
      stage: dialog.querySelector(".ae-viewer__stage"),
      image: dialog.querySelector(".ae-viewer__stage img"),
      caption: dialog.querySelector(".ae-viewer__caption"),
      size: dialog.querySelector(".ae-viewer__size"),
      hint: dialog.querySelector(".ae-viewer__hint"),
      natural: { width: 0, height: 0 },
      zoomed: false,
      returnFocusTo: null,
    };
    state.size.addEventListener("click", function () { setZoom(state, !state.zoomed); });
    dialog.querySelector(".ae-viewer__close").addEventListener("click", function () { dialog.close(); });
    state.image.addEventListener("click", function (event) { setZoom(state, !state.zoomed, event); });
    dialog.addEventListener("close", function () {
      state.image.removeAttribute("src");
      document.documentElement.classList.remove(LOCKED);
      if (state.returnFocusTo) state.returnFocusTo.focus({ preventScroll: true });
    });
    window.addEventListener("resize", function () { if (dialog.open) layout(state); });
    return state;
  }

  /** The image's size when it fits the stage whole. */
  function fitted(state) {
    const room = { width: state.stage.clientWidth, height: state.stage.clientHeight };
    const scale = Math.min(room.width / state.natural.width, room.height / state.natural.height);
    return { width: state.natural.width * scale, height: state.natural.height * scale, scale };
  }

  /** The zoomed scale: the screen's width where that keeps the labels legible (a narrow
   * figure then only scrolls down), else the drawn size; on a screen where the fitted figure is
   * already at its drawn size or more, twice the fit. Always clearly larger than the fit. */
  function zoomedScale(state, fit) {
    const width = state.stage.clientWidth / state.natural.width;
    let scale = fit.scale >= 1 ? fit.scale * ZOOM : width >= READABLE ? width : 1;
    if (scale < fit.scale * 1.1) scale = fit.scale * ZOOM;
    return scale;
  }

  function layout(state) {
    const fit = fitted(state);
    const scale = state.zoomed ? zoomedScale(state, fit) : fit.scale;
    state.image.style.width = `${Math.round(state.natural.width * scale)}px`;
    state.image.style.height = `${Math.round(state.natural.height * scale)}px`;
    state.dialog.classList.toggle("ae-viewer--zoomed", state.zoomed);
    // The button names what it does; no pressed state, which would contradict its label.
    state.size.textContent = state.zoomed ? "Fit to screen" : "Zoom in";
    const pans = state.stage.scrollWidth > state.stage.clientWidth || state.stage.scrollHeight > state.stage.clientHeight;
    state.hint.textContent = state.zoomed && pans ? (coarse() ? "Drag to move · tap to fit" : "Scroll to move · click to fit") : "";
  }

  function coarse() {
    return window.matchMedia("(pointer: coarse)").matches;
  }

  /** Zoom in or out; a tap's point (in the image) stays under the finger. */
  function setZoom(state, zoomed, event) {
    const box = state.image.getBoundingClientRect();
    const at = event
      ? { x: (event.clientX - box.left) / box.width, y: (event.clientY - box.top) / box.height }
      : { x: 0.5, y: 0.5 };
    const stageBox = state.stage.getBoundingClientRect();
    const under = event
      ? { x: event.clientX - stageBox.left, y: event.clientY - stageBox.top }
      : { x: stageBox.width / 2, y: stageBox.height / 2 };
    state.zoomed = zoomed;
    layout(state);
    const after = state.image.getBoundingClientRect();
    state.stage.scrollLeft += after.left + at.x * after.width - (stageBox.left + under.x);
    state.stage.scrollTop += after.top + at.y * after.height - (stageBox.top + under.y);
  }

  /** Open img enlarged; `at` is where it was tapped (a share of its width and height), to
   * centre there when it opens zoomed. Without it (the Enlarge button, the keyboard), a figure
   * that pans sideways opens on its middle, both ways; one that only scrolls down (drawn for
   * phones, read from the top) opens at its top. */
  function open(img, returnFocusTo, at) {
    viewer = viewer || build();
    const state = viewer;
    state.returnFocusTo = returnFocusTo;
    // The drawn size of what the page shows (a <picture>'s narrow file on a phone), else the
    // size the build wrote on the <img>.
    state.natural = img.naturalWidth && img.naturalHeight
      ? { width: img.naturalWidth, height: img.naturalHeight }
      : { width: Number(img.getAttribute("width")) || img.width, height: Number(img.getAttribute("height")) || img.height };
    state.image.src = img.currentSrc || img.src;
    state.image.alt = img.alt;
    const figure = img.closest("figure");
    const caption = figure && figure.querySelector("figcaption");
    state.caption.textContent = caption ? caption.textContent.trim() : "";
    state.caption.hidden = !state.caption.textContent;
    document.documentElement.classList.add(LOCKED);
    state.dialog.showModal();
    state.zoomed = fitted(state).scale < READABLE;
    layout(state);
    const stage = state.stage;
    if (at) {
      const box = state.image.getBoundingClientRect();
      stage.scrollLeft = at.x * box.width - stage.clientWidth / 2;
      stage.scrollTop = at.y * box.height - stage.clientHeight / 2;
    } else {
      const across = stage.scrollWidth - stage.clientWidth;
      stage.scrollLeft = across > 0 ? across / 2 : 0;
      stage.scrollTop = across > 0 ? Math.max(0, stage.scrollHeight - stage.clientHeight) / 2 : 0;
    }
    state.dialog.querySelector(".ae-viewer__close").focus({ preventScroll: true });
  }

  function enhance(img) {
    const figure = img.closest("figure");
    if (!figure || img.closest("a, .demo-live, .ae-zoomable")) return;
    // A <picture> stays whole: its narrow <source> is what a phone shows.
    const shown = img.parentElement && img.parentElement.tagName === "PICTURE" ? img.parentElement : img;
    const wrap = document.createElement("span");
    wrap.className = "ae-zoomable";
    shown.replaceWith(wrap);
    wrap.append(shown);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "ae-zoom";
    button.setAttribute("aria-label", "Enlarge figure");
    button.innerHTML = ENLARGE_ICON + "<span>Enlarge</span>";
    wrap.append(button);
    button.addEventListener("click", function () { open(img, button); });
    img.addEventListener("click", function (event) {
      const box = img.getBoundingClientRect();
      open(img, button, { x: (event.clientX - box.left) / box.width, y: (event.clientY - box.top) / box.height });
    });
  }

  document.querySelectorAll(".md-content figure img").forEach(enhance);
})();
