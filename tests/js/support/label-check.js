/**
 * What a reader would call a faulty label, checked on the texts and obstacles a drawing reports
 * (line-chart.js's drawLineChart, boat-course-draw.js's drawBase): text outside the canvas, text
 * under 11 CSS pixels, two texts overlapping, or a label inside the plot covering a data line, a
 * marker or an arrow; and (leaderProblems) a note's line to its ring crossing a mark or a text, or a
 * note left out. Used by the Node tests and, injected into the page, by the browser tests
 * (tests/test_live_figures_browser.py), so both judge the same way.
 */
(function (root, factory) {
  "use strict";
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.labelCheck = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  const MIN_SIZE = 11;
  const PLACED = new Set(["note", "vertical", "offscale", "course"]);

  function overlap(a, b, slack) {
    return Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > slack
      && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > slack;
  }

  /** Liang–Barsky: whether the segment enters the box. */
  function segmentHits(x1, y1, x2, y2, box) {
    const dx = x2 - x1;
    const dy = y2 - y1;
    let t0 = 0;
    let t1 = 1;
    for (const [p, q] of [[-dx, x1 - box.x], [dx, box.x + box.w - x1], [-dy, y1 - box.y], [dy, box.y + box.h - y1]]) {
      if (p === 0) {
        if (q < 0) return false;
      } else if (p < 0) t0 = Math.max(t0, q / p);
      else t1 = Math.min(t1, q / p);
      if (t0 > t1) return false;
    }
    return true;
  }

  function intersection(a, b) {
    const x = Math.max(a.x, b.x);
    const y = Math.max(a.y, b.y);
    const w = Math.min(a.x + a.w, b.x + b.w) - x;
    const h = Math.min(a.y + a.h, b.y + b.h) - y;
    return w >= 0 && h >= 0 ? { x, y, w, h } : null;
  }

  function shrink(box, by) {
    return { x: box.x + by, y: box.y + by, w: box.w - 2 * by, h: box.h - 2 * by };
  }

  const round = (v) => Math.round(v * 10) / 10;
  const where = (box) => `(${round(box.x)}, ${round(box.y)}, ${round(box.w)} x ${round(box.h)})`;

  /**
   * The problems in one drawing, as sentences: { width, height, texts: [{text, kind, size,
   * box}], obstacles: {boxes, lines: [{points}]} }. An empty list means every label is clear.
   */
  function labelProblems(drawing, { minSize = MIN_SIZE, slack = 0.5 } = {}) {
    const problems = [];
    const { width, height, texts } = drawing;
    const obstacles = drawing.obstacles || { boxes: [], lines: [] };
    texts.forEach((t, i) => {
      const b = t.box;
      if (b.x < -slack || b.y < -slack || b.x + b.w > width + slack || b.y + b.h > height + slack) {
        problems.push(`"${t.text}" ${where(b)} runs off the ${round(width)} x ${round(height)} drawing`);
      }
      if (t.size < minSize - 1e-9) problems.push(`"${t.text}" is ${round(t.size)} px, under ${minSize} px`);
      for (const u of texts.slice(i + 1)) {
        if (overlap(b, u.box, slack)) problems.push(`"${t.text}" ${where(b)} overlaps "${u.text}" ${where(u.box)}`);
      }
      if (!PLACED.has(t.kind)) return;
      const inner = shrink(b, slack);
      for (const o of obstacles.boxes) {
        if (overlap(inner, o, 0)) problems.push(`"${t.text}" ${where(b)} covers a ${o.kind || "data"} mark ${where(o)}`);
      }
      for (const line of obstacles.lines) {
        const pts = line.points;
        const area = line.clip ? intersection(inner, line.clip) : inner; // where the line is drawn
        if (!area) continue;
        for (let k = 1; k < pts.length; k += 1) {
          if (segmentHits(pts[k - 1][0], pts[k - 1][1], pts[k][0], pts[k][1], area)) {
            problems.push(`"${t.text}" ${where(b)} covers a ${line.kind || "data"} line near (${round(pts[k][0])}, ${round(pts[k][1])})`);
            break;
          }
        }
      }
    });
    return problems;
  }

  /**
   * The problems with the notes' thin lines (line-chart.js's `notes`: [{ text, x, y, box, line }],
   * the line { from, to } joining a text placed away from its ring): a line that crosses a marker,
   * a dot or an arrow (other than the one at its own ring) or another text, and a note left out.
   */
  function leaderProblems(drawing) {
    const problems = [];
    for (const note of drawing.notes || []) {
      if (!note.box) {
        problems.push(`the note at (${round(note.x)}, ${round(note.y)}) is left out`);
        continue;
      }
      if (!note.line) continue;
      const { from, to } = note.line;
      const own = (b) => note.x >= b.x && note.x <= b.x + b.w && note.y >= b.y && note.y <= b.y + b.h;
      for (const b of (drawing.obstacles || { boxes: [] }).boxes) {
        if (b.kind !== "leader" && !own(b) && segmentHits(from.x, from.y, to.x, to.y, b)) {
          problems.push(`the line of "${note.text}" crosses a ${b.kind || "data"} mark ${where(b)}`);
        }
      }
      for (const t of drawing.texts) {
        if (t.box !== note.box && !(t.text === note.text && t.box.x === note.box.x && t.box.y === note.box.y) && segmentHits(from.x, from.y, to.x, to.y, t.box)) {
          problems.push(`the line of "${note.text}" crosses "${t.text}" ${where(t.box)}`);
        }
      }
    }
    return problems;
  }

  return { labelProblems, leaderProblems, MIN_SIZE };
});
