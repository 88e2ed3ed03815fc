/**
 * What every demo and live figure needs from the browser: swap the static figure for the live
 * one, read the theme's colours, notice a theme switch or a resize, honour reduced motion, size a
 * canvas for the screen, start work only when a figure comes near the viewport, scroll a
 * figure into view clear of Material's sticky header and "Back to top" button, and speak a short
 * result to screen readers once the reader's input settles.
 *
 * Why here: the drawing code of each figure stays about its own pictures, and the no-JavaScript
 * and print fallback works the same way everywhere.
 */
(function (root) {
  "use strict";
  const demos = (root.AlignmentDemos = root.AlignmentDemos || {});

  /** Show the live figure and hide the static one (which stays for print and no-JS readers). */
  function activate(container) {
    container.querySelectorAll(".demo-live").forEach((el) => el.removeAttribute("hidden"));
    container.querySelectorAll(".demo-static").forEach((el) => el.setAttribute("hidden", ""));
    container.classList.add("js-demo-ready");
  }

  /** Undo activate(): a figure that failed to start must leave its static result visible. */
  function deactivate(container) {
    container.querySelectorAll(".demo-live").forEach((el) => el.setAttribute("hidden", ""));
    container.querySelectorAll(".demo-static").forEach((el) => el.removeAttribute("hidden"));
    container.classList.remove("js-demo-ready");
  }

  function matches(query) {
    return Boolean(root.matchMedia && root.matchMedia(query).matches);
  }

  function prefersReducedMotion() {
    return matches("(prefers-reduced-motion: reduce)");
  }

  /**
   * Whether to speak of touch rather than keys: the same test as the CSS that shows the touch
   * steering buttons (no hovering, precise pointer), or a touch seen on this page.
   */
  let touchSeen = false;
  function usesTouch() {
    return touchSeen || !matches("(hover: hover) and (pointer: fine)");
  }
  if (root.addEventListener) {
    root.addEventListener("pointerdown", (event) => {
      if (event.pointerType === "touch") touchSeen = true;
    }, { capture: true, passive: true });
  }

  /** Colours for canvas drawing, read from the page's CSS so both Material schemes work. */
  function themeColours(element) {
    const style = root.getComputedStyle(element);
    const read = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
    return {
      fg: read("--md-default-fg-color", "rgba(0,0,0,.87)"),
      fgLight: read("--md-default-fg-color--light", "rgba(0,0,0,.54)"),
      fgLighter: read("--md-default-fg-color--lighter", "rgba(0,0,0,.32)"),
      fgLightest: read("--md-default-fg-color--lightest", "rgba(0,0,0,.07)"),
      muted: read("--demo-muted", "#595650"),
      bg: read("--md-default-bg-color", "#fff"),
      proxy: read("--demo-proxy", "#d55e00"),
      proxyText: read("--demo-proxy-text", "#ad4b00"),
      truth: read("--demo-true", "#0072b2"),
      runs: [read("--demo-run-1", "#882255"), read("--demo-run-2", "#117733")],
      water: read("--demo-water", "#d4eaf7"),
      waterEdge: read("--demo-water-edge", "#6aa6cc"),
      land: read("--demo-land", "#ebe5d3"),
      target: read("--demo-target", "#e69f00"),
      targetEdge: read("--demo-target-edge", "#7a4f00"),
      boat: read("--demo-boat", "#cc79a7"),
      boatEdge: read("--demo-boat-edge", "#3b1f30"),
      checkpoint: read("--demo-checkpoint", "#009e73"),
      sky: read("--demo-sky", "#e9f1fb"),
      ground: read("--demo-ground", "#cdbf9f"),
      coin: read("--demo-coin", "#f2c14e"),
      coinEdge: read("--demo-coin-edge", "#8a5a00"),
      font: read("--md-text-font-family", "Inter, 'Helvetica Neue', Arial, sans-serif"),
    };
  }

  /** Call back when the reader switches between light and dark (Material sets an attribute). */
  function onThemeChange(callback) {
    const observer = new MutationObserver(() => callback());
    observer.observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
    if (root.matchMedia) {
      const query = root.matchMedia("(prefers-color-scheme: dark)");
      if (query.addEventListener) query.addEventListener("change", () => callback());
    }
  }

  /**
   * Call back (once per frame at most) when any of the elements changes its displayed size: a
   * canvas must then be redrawn at its new size. Also fires once when observation starts.
   */
  function onResize(elements, callback) {
    let pending = 0;
    const run = () => {
      if (pending) return;
      pending = root.requestAnimationFrame(() => {
        pending = 0;
        callback();
      });
    };
    if (typeof root.ResizeObserver === "function") {
      const observer = new root.ResizeObserver(run);
      elements.forEach((el) => observer.observe(el));
    } else {
      root.addEventListener("resize", run);
    }
  }

  /**
   * Keep a figure drawn in the current scheme and at its displayed size, the same way for every
   * figure: returns { colours } (the scheme's, read again after a light/dark switch) and calls
   * redraw() after a switch and whenever one of the canvases changes size (also once at the start).
   */
  function keepDrawn(container, canvases, redraw) {
    const theme = { colours: themeColours(container) };
    onThemeChange(() => {
      theme.colours = themeColours(container);
      redraw();
    });
    onResize(canvases, redraw);
    return theme;
  }

  /**
   * Give a canvas a backing store of its displayed size times the device pixel ratio, and return
   * a 2D context that draws in CSS pixels, with that size. Returns null while the canvas is not
   * displayed (nothing to draw at size zero; onResize calls back once it is).
   */
  function prepareCanvas(canvas) {
    const rect = canvas.getBoundingClientRect();
    const width = rect.width;
    const height = rect.height;
    if (!(width > 0 && height > 0)) return null;
    const ratio = root.devicePixelRatio || 1;
    const backingWidth = Math.max(1, Math.round(width * ratio));
    const backingHeight = Math.max(1, Math.round(height * ratio));
    if (canvas.width !== backingWidth) canvas.width = backingWidth;
    if (canvas.height !== backingHeight) canvas.height = backingHeight;
    const ctx = canvas.getContext("2d");
    ctx.setTransform(backingWidth / width, 0, 0, backingHeight / height, 0, 0);
    return { ctx, width, height };
  }

  /** Format a number for prose: thousands separators, a fixed number of decimals, and a real
   * minus sign (U+2212) rather than a hyphen; a value that rounds to zero has no sign. */
  function formatNumber(value, decimals) {
    const text = Number(value).toLocaleString("en-US", {
      minimumFractionDigits: decimals || 0, maximumFractionDigits: decimals || 0,
    });
    return /^-[0.,]*$/.test(text) ? text.slice(1) : text.replace(/^-/, "\u2212");
  }

  /**
   * Advance incremental runs (objects with addTrials(n), result() and done, as goodhart-sim's
   * createBestOfN) a few trials per animation frame, so the page stays responsive, calling
   * update(results, done) after each frame's work. Returns a function that stops it (a newer
   * setting takes over).
   */
  function runInFrames(runs, perFrame, update) {
    let live = true;
    const step = () => {
      if (!live) return;
      runs.forEach((run) => run.addTrials(perFrame));
      const done = runs.every((run) => run.done);
      update(runs.map((run) => run.result()), done);
      if (!done) root.requestAnimationFrame(step);
    };
    step();
    return () => { live = false; };
  }

  /**
   * Run start() once the element is within a screen of the viewport, so a chapter with a live
   * figure further down does not compute it while the reader is still at the top.
   */
  function whenNear(element, start) {
    if (typeof root.IntersectionObserver !== "function") {
      start();
      return;
    }
    const observer = new root.IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        start();
      }
    }, { rootMargin: "100% 0px" });
    observer.observe(element);
  }

  /**
   * Scroll so that `element` is wholly visible below Material's sticky header and clear of
   * its "Back to top" button (in the screen's bottom-right corner while shown), or at
   * least starts there when it is taller than the space left; with `start`, its top goes there
   * in any case (a text to read from its beginning, with what follows it under it). Instantly,
   * unless `smooth` is asked for and the reader has not asked for reduced motion (a long jump the
   * reader did not make, such as the boat race's to its course after Skip to the replay, is
   * easier to follow gliding). A move up keeps "Back to top" down (quietBackToTop). Returns whether the
   * page had to move.
   */
  function scrollIntoClearView(element, { smooth = false, start = false } = {}) {
    const margin = 8;
    let top = 0;
    let bottom = root.innerHeight;
    for (const selector of [".md-header", ".md-top"]) {
      const el = document.querySelector(selector);
      const style = el && root.getComputedStyle(el);
      // "Back to top" hides over a demo (back-to-top.js), and is out of the way while hidden.
      const shown = el && style.display !== "none" && style.visibility !== "hidden" &&
        !(el.matches(".md-top") && el.hidden);
      if (shown) {
        const rect = el.getBoundingClientRect();
        // The header bounds the clear view from above; "Back to top", in a corner of the
        // screen (extra.css), from whichever side it is on.
        if (!rect.height) continue;
        if (rect.top + rect.bottom < root.innerHeight) top = Math.max(top, rect.bottom);
        else bottom = Math.min(bottom, rect.top);
      }
    }
    const rect = element.getBoundingClientRect();
    const room = bottom - top - 2 * margin;
    let delta = 0;
    if (start || rect.top < top + margin || rect.height > room) delta = rect.top - top - margin;
    else if (rect.bottom > bottom - margin) delta = rect.bottom - (bottom - margin);
    if (delta < 0) quietBackToTop();
    if (delta) root.scrollBy({ top: delta, behavior: smooth && !prefersReducedMotion() ? "smooth" : "instant" });
    return Boolean(delta);
  }

  /**
   * Material shows its "Back to top" button while the page's last move was upward (and it is not
   * at the top), and keeps it until a move down. A demo that moves the page up by itself (the
   * boat race's glide up to its course after Skip to the replay, a few hundred pixels to a
   * screen and more) is not the reader going back up, yet the button came up over the page at the glide's
   * first frame and stayed after it (a reader review). So from a demo's move up until the reader
   * next scrolls the page themselves, the root element has the class OWN_SCROLL, under which
   * demos.css hides the button (out of sight, out of the tab order). The reader's own scroll is
   * told from the demo's by what comes before it: a wheel, a touch, a pointer or a key (a script's
   * scroll has none). At that scroll the class goes, and Material's rule decides again, from the
   * same scroll: the button shows if the reader goes up, not if they go down. Material's script is
   * not touched.
   */
  const OWN_SCROLL = "demo-own-scroll";
  const READER_INPUT = ["wheel", "touchstart", "pointerdown", "keydown"];
  const LISTEN = { capture: true, passive: true };
  let endQuiet = null;

  function quietBackToTop() {
    if (endQuiet) endQuiet(); // a newer move up starts again
    const html = document.documentElement;
    const readerScrolls = () => endQuiet && endQuiet();
    const readerActs = () => root.addEventListener("scroll", readerScrolls, LISTEN);
    endQuiet = () => {
      READER_INPUT.forEach((type) => root.removeEventListener(type, readerActs, LISTEN));
      root.removeEventListener("scroll", readerScrolls, LISTEN);
      html.classList.remove(OWN_SCROLL);
      endQuiet = null;
    };
    html.classList.add(OWN_SCROLL);
    READER_INPUT.forEach((type) => root.addEventListener(type, readerActs, LISTEN));
  }

  /** Whether any part of `element` is on the screen below Material's sticky header. */
  function inView(element) {
    const header = document.querySelector(".md-header");
    const top = header ? header.getBoundingClientRect().bottom : 0;
    const rect = element.getBoundingClientRect();
    return rect.bottom > top && rect.top < root.innerHeight && rect.height > 0;
  }

  /**
   * A figure's one live region: a visually hidden line, polite, that screen readers hear and
   * nothing else on the figure is. It says one short result (the figure's long summary stays on
   * the page to be read, not spoken at every step), written once the reader's input has settled
   * and only when its words change: a slider's own aria-valuetext already speaks each value, and
   * a drag or three quick key presses must not queue three long readings.
   *
   * say(text, delay): write `text` (or what a function returns then; null says nothing) `delay` ms
   * (default SETTLE_MS) after the last call; a newer call replaces a waiting one. now(text): write
   * it at once. clear(): empty the line, so that the same words can be said again (a new drive).
   */
  const SETTLE_MS = 500;

  function announcer(container) {
    const region = container.ownerDocument.createElement("p");
    region.className = "demo-announce demo-sr-only";
    region.setAttribute("aria-live", "polite");
    (container.querySelector(".demo-live") || container).append(region);
    let timer = 0;

    function write(text) {
      root.clearTimeout(timer);
      timer = 0;
      const words = typeof text === "function" ? text() : text;
      if (words && words !== region.textContent) region.textContent = words;
    }

    return {
      element: region,
      say(text, delay = SETTLE_MS) {
        root.clearTimeout(timer);
        timer = root.setTimeout(() => write(text), delay);
      },
      now: write,
      clear() {
        root.clearTimeout(timer);
        timer = 0;
        region.textContent = "";
      },
    };
  }

  /** Write text into an element only when it differs: a rewrite of the same words is still a
   * change to the page (and was one to a live region). */
  function setText(element, text) {
    if (element.textContent !== text) element.textContent = text;
  }

  /**
   * Run setup(container) for every element matching selector, once the document is parsed. The
   * live figure is shown first, so its canvases have a size when setup draws them; if setup
   * fails, the static figure comes back.
   */
  function whenReady(selector, setup) {
    const start = () => document.querySelectorAll(selector).forEach((container) => {
      activate(container);
      try {
        setup(container);
      } catch (error) {
        deactivate(container);
        // Leave the static figure in place: a broken demo must not hide the result.
        console.error(`${selector}: the interactive figure could not start (${error.message}); the static figure stays.`);
      }
    });
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }

  demos.page = {
    activate, deactivate, prefersReducedMotion, usesTouch, themeColours, onThemeChange, onResize,
    keepDrawn, prepareCanvas, formatNumber, runInFrames, whenNear, scrollIntoClearView, inView, whenReady,
    announcer, setText, SETTLE_MS,
  };
})(typeof self !== "undefined" ? self : this);
