/**
 * Placing text on a drawing so that it never covers the data or other text: labels are measured
 * with the canvas's own text metrics, tried at a list of candidate places in order of preference
 * (each with a long and, failing that, a short wording), and put at the first place that stays
 * inside its bounds and clear of every obstacle (data lines, markers, arrows) and of every label
 * placed before it. A label that fits nowhere is left out rather than drawn over something.
 *
 * Why a module of its own: the charts (line-chart.js) and the boat course (boat-course-draw.js)
 * both need it, and the tests check the boxes it reports (tests/js/chart-labels.test.js and the
 * browser tests), at a phone's width and a desktop's.
 */
(function (root, factory) {
  "use strict";
  const api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.AlignmentDemos = root.AlignmentDemos || {};
    root.AlignmentDemos.chartLabels = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /** A canvas font's size in pixels ("600 13px Inter" → 13). */
  function fontSize(font) {
    const match = /(?:^|\s)([\d.]+)px(?:\s|$)/.exec(font);
    if (!match) throw new Error(`cannot read the size of the canvas font "${font}"`);
    return Number(match[1]);
  }

  /**
   * The box a line of text covers when drawn with textBaseline "middle" at (x, y) with the given
   * textAlign: the measured advance wide, and the font's size plus room for accents and
   * descenders high.
   */
  function textBox(ctx, text, font, x, y, align) {
    ctx.font = font;
    const w = ctx.measureText(text).width;
    const h = fontSize(font) * 1.2;
    const left = align === "right" ? x - w : align === "center" ? x - w / 2 : x;
    return { x: left, y: y - h / 2, w, h };
  }

  function inflate(box, margin) {
    return { x: box.x - margin, y: box.y - margin, w: box.w + 2 * margin, h: box.h + 2 * margin };
  }

  function overlapArea(a, b) {
    const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
    const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
    return w > 0 && h > 0 ? w * h : 0;
  }

  function boxesOverlap(a, b) {
    return overlapArea(a, b) > 0;
  }

  function contains(outer, inner) {
    return inner.x >= outer.x - 1e-9 && inner.y >= outer.y - 1e-9
      && inner.x + inner.w <= outer.x + outer.w + 1e-9 && inner.y + inner.h <= outer.y + outer.h + 1e-9;
  }

  /** Whether the segment (x1, y1)–(x2, y2) enters the box (Liang–Barsky clipping). */
  function segmentHitsBox(x1, y1, x2, y2, box) {
    const dx = x2 - x1;
    const dy = y2 - y1;
    let t0 = 0;
    let t1 = 1;
    const edges = [[-dx, x1 - box.x], [dx, box.x + box.w - x1], [-dy, y1 - box.y], [dy, box.y + box.h - y1]];
    for (const [p, q] of edges) {
      if (p === 0) {
        if (q < 0) return false;
      } else {
        const t = q / p;
        if (p < 0) t0 = Math.max(t0, t);
        else t1 = Math.min(t1, t);
        if (t0 > t1) return false;
      }
    }
    return true;
  }

  /** Whether a polyline ([[x, y], ...]) passes through the box. */
  function polylineHitsBox(points, box) {
    if (points.length === 1) return segmentHitsBox(points[0][0], points[0][1], points[0][0], points[0][1], box);
    for (let i = 1; i < points.length; i += 1) {
      const [x1, y1] = points[i - 1];
      const [x2, y2] = points[i];
      if (segmentHitsBox(x1, y1, x2, y2, box)) return true;
    }
    return false;
  }

  /** Whether a line obstacle ({points, clip}) passes through the box, where it is drawn. */
  function lineHitsBox(line, box) {
    if (!line.clip) return polylineHitsBox(line.points, box);
    const x = Math.max(box.x, line.clip.x);
    const y = Math.max(box.y, line.clip.y);
    const w = Math.min(box.x + box.w, line.clip.x + line.clip.w) - x;
    const h = Math.min(box.y + box.h, line.clip.y + line.clip.h) - y;
    return w >= 0 && h >= 0 && polylineHitsBox(line.points, { x, y, w, h });
  }

  /**
   * A layout within `bounds` ({x, y, w, h}): obstacles are added first (block, blockLine), then
   * labels are placed one after another (save and restore go back to an earlier point, so that
   * labels can be tried in another order). `margin` is the clear space kept around every label.
   * `clear(box)` may veto places the obstacles cannot describe (for example "not on water").
   */
  function createLayout(ctx, bounds, { margin = 3, clear = null } = {}) {
    const boxes = [];
    const lines = [];
    const labels = [];

    function block(box, kind) {
      boxes.push({ ...box, kind: kind || "data" });
    }

    /** A polyline obstacle; `clip` ({x, y, w, h}) is the part of it that is drawn. */
    function blockLine(points, kind, clip) {
      if (points.length) lines.push({ points, kind: kind || "data", clip: clip || null });
    }

    /** How badly a box collides: 0 when it is free. */
    function cost(box) {
      const padded = inflate(box, margin);
      let total = 0;
      for (const other of boxes) total += overlapArea(padded, other);
      for (const other of labels) total += overlapArea(padded, other.box) * 4;
      for (const line of lines) if (lineHitsBox(line, padded)) total += 200;
      if (clear && !clear(box)) total += 1000;
      return total;
    }

    function fits(box) {
      return contains(bounds, box) && cost(box) === 0;
    }

    /**
     * Place a label: { text, short (optional: a shorter wording, or a list of ever shorter ones),
     * font, candidates, kind, required, bounds
     * (optional, instead of the layout's), clear (optional: box => whether this label may go
     * there, a veto of its own) }. Candidates
     * are [{x, y, align}], or rounds of them ([[...], [...]]): within a round, every candidate
     * is tried with the text, then with the short text, before the next round's. A required
     * label that fits nowhere goes where it collides least (inside the bounds when it can); any
     * other label that fits nowhere is left out (returns null).
     */
    function place(label) {
      const texts = [label.text, ...[].concat(label.short || [])];
      const rounds = Array.isArray(label.candidates[0]) ? label.candidates : [label.candidates];
      const within = label.bounds || bounds;
      for (const round of rounds) {
        for (const text of texts) {
          for (const c of round) {
            const box = textBox(ctx, text, label.font, c.x, c.y, c.align);
            if (contains(within, box) && cost(box) === 0 && (!label.clear || label.clear(box))) return accept(label, text, c, box);
          }
        }
      }
      if (!label.required) return null;
      let best = null;
      for (const text of texts) {
        for (const c of rounds.flat()) {
          const box = textBox(ctx, text, label.font, c.x, c.y, c.align);
          const score = cost(box) + (contains(within, box) ? 0 : 1e6);
          if (!best || score < best.score) best = { score, text, c, box };
        }
      }
      return best ? accept(label, best.text, best.c, best.box) : null;
    }

    function accept(label, text, c, box) {
      const placed = { text, x: c.x, y: c.y, align: c.align, box, font: label.font, kind: label.kind || "label", colour: label.colour };
      labels.push(placed);
      return placed;
    }

    /** What the layout holds so far, to go back to (restore) and try a set of labels again in
     * another order. */
    function save() {
      return { boxes: boxes.length, lines: lines.length, labels: labels.length };
    }

    function restore(saved) {
      boxes.length = saved.boxes;
      lines.length = saved.lines;
      labels.length = saved.labels;
    }

    return { block, blockLine, place, fits, save, restore, labels, boxes, lines, bounds };
  }

  /**
   * Candidate places around an anchor point (canvas coordinates) for a note about that point:
   * above, below, then beside it; in rounds, near then further out, so that a short
   * wording near the point wins over the full one far from it. `gap` (each round's numbers) is
   * the space between the point and the text's box; `across`, how far a text above or below may
   * be shifted sideways (centred there); `beside`, how far a text beside the point may be shifted
   * up or down.
   */
  function aroundPoint(ax, ay, { rounds = [[6, 12], [20, 30]], size = 13, across = [12, 24], beside = [0] } = {}) {
    return rounds.map((gaps) => gaps.flatMap((gap) => {
      const dy = gap + size * 0.6;
      const out = [];
      for (const y of [ay - dy, ay + dy]) {
        out.push({ x: ax, y, align: "center" }, { x: ax + 4, y, align: "left" }, { x: ax - 4, y, align: "right" });
        for (const dx of across) out.push({ x: ax + dx, y, align: "center" }, { x: ax - dx, y, align: "center" });
      }
      for (const shift of beside) {
        out.push({ x: ax + gap + 4, y: ay + shift, align: "left" }, { x: ax - gap - 4, y: ay + shift, align: "right" });
      }
      return out;
    }));
  }

  /** Split text into lines no wider than maxWidth (words are never broken). */
  function wrap(ctx, text, font, maxWidth) {
    ctx.font = font;
    const lines = [];
    let line = "";
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const tryLine = line ? `${line} ${word}` : word;
      if (line && ctx.measureText(tryLine).width > maxWidth) {
        lines.push(line);
        line = word;
      } else line = tryLine;
    }
    if (line) lines.push(line);
    return lines;
  }

  return {
    fontSize, textBox, inflate, overlapArea, boxesOverlap, contains, segmentHitsBox, polylineHitsBox,
    lineHitsBox, createLayout, aroundPoint, wrap,
  };
});
