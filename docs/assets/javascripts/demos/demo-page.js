/**
 * What both demo pages need from the browser: swap the static figure for the live demo, read the
 * theme's colours, notice a theme switch, honour reduced motion, and size a canvas for the screen.
 *
 * Why here: the drawing code of each demo stays about its own pictures, and the no-JavaScript and
 * print fallback works the same way on every demo page.
 */
(function (root) {
  "use strict";
  const demos = (root.AlignmentDemos = root.AlignmentDemos || {});

  /** Show the live demo and hide the static figure (which stays for print and no-JS readers). */
  function activate(container) {
    container.querySelectorAll(".demo-live").forEach((el) => el.removeAttribute("hidden"));
    container.querySelectorAll(".demo-static").forEach((el) => el.setAttribute("hidden", ""));
    container.classList.add("js-demo-ready");
  }

  function prefersReducedMotion() {
    return Boolean(root.matchMedia && root.matchMedia("(prefers-reduced-motion: reduce)").matches);
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
      bg: read("--md-default-bg-color", "#fff"),
      proxy: read("--demo-proxy", "#d55e00"),
      truth: read("--demo-true", "#0072b2"),
      water: read("--demo-water", "#d4eaf7"),
      waterEdge: read("--demo-water-edge", "#6aa6cc"),
      land: read("--demo-land", "#ebe5d3"),
      target: read("--demo-target", "#e69f00"),
      targetEdge: read("--demo-target-edge", "#7a4f00"),
      boat: read("--demo-boat", "#cc79a7"),
      boatEdge: read("--demo-boat-edge", "#3b1f30"),
      checkpoint: read("--demo-checkpoint", "#009e73"),
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
   * Give a canvas a backing store matching the screen's pixel density, and return a 2D context
   * that draws in the canvas's logical units (its width/height attributes).
   */
  function prepareCanvas(canvas) {
    const width = Number(canvas.dataset.width || canvas.getAttribute("width"));
    const height = Number(canvas.dataset.height || canvas.getAttribute("height"));
    canvas.dataset.width = String(width);
    canvas.dataset.height = String(height);
    const ratio = Math.min(3, Math.max(1, root.devicePixelRatio || 1));
    if (canvas.width !== Math.round(width * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    return { ctx, width, height };
  }

  /** Format a number for prose: thousands separators, a sensible number of decimals. */
  function formatNumber(value, decimals) {
    return Number(value).toLocaleString("en-US", {
      minimumFractionDigits: decimals || 0, maximumFractionDigits: decimals || 0,
    });
  }

  /** Run setup(container) for every element matching selector, once the document is parsed. */
  function whenReady(selector, setup) {
    const start = () => document.querySelectorAll(selector).forEach((container) => {
      try {
        setup(container);
        activate(container);
      } catch (error) {
        // Leave the static figure in place: a broken demo must not hide the result.
        console.error(`${selector}: the interactive demo could not start (${error.message}); the static figure stays.`);
      }
    });
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }

  demos.page = { activate, prefersReducedMotion, themeColours, onThemeChange, prepareCanvas, formatNumber, whenReady };
})(typeof self !== "undefined" ? self : this);
