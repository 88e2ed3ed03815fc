/**
 * A small canvas line chart for the demos: axes, grid, several series told apart by colour AND
 * dash AND marker shape (so colour-blind readers and greyscale prints can follow), an optional
 * vertical marker, and a legend.
 *
 * Why hand-written: the charts need a dozen features; a charting library would be the largest
 * file on the site and would still need the same theme and accessibility glue.
 */
(function (root) {
  "use strict";
  const demos = (root.AlignmentDemos = root.AlignmentDemos || {});
  const FONT = "Inter, 'Helvetica Neue', Arial, sans-serif";

  function niceStep(span, count) {
    const raw = span / Math.max(1, count);
    const power = Math.pow(10, Math.floor(Math.log10(raw)));
    const scaled = raw / power;
    const nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 2.5 ? 2.5 : scaled <= 5 ? 5 : 10;
    return nice * power;
  }

  function linearTicks(min, max, count) {
    const step = niceStep(max - min, count);
    const ticks = [];
    for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toFixed(10)));
    return ticks;
  }

  function drawMarker(ctx, shape, x, y, size) {
    ctx.beginPath();
    if (shape === "square") ctx.rect(x - size, y - size, size * 2, size * 2);
    else if (shape === "triangle") {
      ctx.moveTo(x, y - size * 1.2);
      ctx.lineTo(x + size * 1.1, y + size * 0.9);
      ctx.lineTo(x - size * 1.1, y + size * 0.9);
      ctx.closePath();
    } else if (shape === "diamond") {
      ctx.moveTo(x, y - size * 1.3);
      ctx.lineTo(x + size * 1.3, y);
      ctx.lineTo(x, y + size * 1.3);
      ctx.lineTo(x - size * 1.3, y);
      ctx.closePath();
    } else ctx.arc(x, y, size, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }

  /**
   * Draw a chart. spec = { x: {min, max, log, label, format}, y: {min, max, label, format},
   * series: [{label, colour, dash, marker, markerEvery, width, alpha, points: [{x, y}]}],
   * vertical: {x, label} | null, notes: [{text, x, y, colour, align}], dots: [{x, y, colour, marker}],
   * message: text | null }.
   * The legend takes as many rows as it needs above the plot; a message (for example "no run
   * yet") is written across an empty plot.
   */
  /** Lay the legend out in rows that fit the width; returns each item's position. */
  function legendLayout(ctx, series, left, right) {
    const items = [];
    let x = left;
    let row = 0;
    for (const s of series.filter((item) => item.label)) {
      const w = 32 + ctx.measureText(s.label).width;
      if (x + w > right && x > left) {
        x = left;
        row += 1;
      }
      items.push({ series: s, x, y: 12 + row * 18 });
      x += w + 18;
    }
    return { items, rows: items.length ? row + 1 : 0 };
  }

  function drawLineChart(ctx, width, height, colours, spec) {
    ctx.font = `13px ${FONT}`;
    const legend = legendLayout(ctx, spec.series, 10, width - 10);
    const pad = { left: 64, right: 26, top: 14 + 18 * legend.rows, bottom: 46 };
    const plotW = width - pad.left - pad.right;
    const plotH = height - pad.top - pad.bottom;
    const xs = spec.x;
    const ys = spec.y;
    const tx = xs.log
      ? (v) => pad.left + ((Math.log10(v) - Math.log10(xs.min)) / (Math.log10(xs.max) - Math.log10(xs.min))) * plotW
      : (v) => pad.left + ((v - xs.min) / (xs.max - xs.min || 1)) * plotW;
    const ty = (v) => pad.top + plotH - ((v - ys.min) / (ys.max - ys.min || 1)) * plotH;

    ctx.clearRect(0, 0, width, height);
    ctx.lineWidth = 1;
    ctx.setLineDash([]);

    // Grid and tick labels.
    ctx.strokeStyle = colours.fgLightest;
    ctx.fillStyle = colours.fgLight;
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (const v of linearTicks(ys.min, ys.max, 5)) {
      const y = ty(v);
      ctx.beginPath();
      ctx.moveTo(pad.left, y);
      ctx.lineTo(pad.left + plotW, y);
      ctx.stroke();
      ctx.fillText(ys.format ? ys.format(v) : String(v), pad.left - 6, y);
    }
    const xTicks = xs.log
      ? Array.from({ length: Math.round(Math.log10(xs.max / xs.min)) + 1 }, (_, i) => xs.min * Math.pow(10, i))
      : linearTicks(xs.min, xs.max, 6);
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    for (const v of xTicks) {
      const x = tx(v);
      ctx.beginPath();
      ctx.moveTo(x, pad.top);
      ctx.lineTo(x, pad.top + plotH);
      ctx.stroke();
      ctx.fillText(xs.format ? xs.format(v) : String(v), x, pad.top + plotH + 6);
    }
    // Axes.
    ctx.strokeStyle = colours.fgLighter;
    ctx.beginPath();
    ctx.moveTo(pad.left, pad.top);
    ctx.lineTo(pad.left, pad.top + plotH);
    ctx.lineTo(pad.left + plotW, pad.top + plotH);
    ctx.stroke();
    ctx.fillStyle = colours.fg;
    ctx.fillText(xs.label, pad.left + plotW / 2, pad.top + plotH + 25);
    ctx.save();
    ctx.translate(11, pad.top + plotH / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = "middle";
    ctx.fillText(ys.label, 0, 0);
    ctx.restore();

    // Vertical marker (e.g. the chosen N).
    if (spec.vertical && spec.vertical.x >= xs.min && spec.vertical.x <= xs.max) {
      const x = tx(spec.vertical.x);
      ctx.strokeStyle = colours.fgLight;
      ctx.setLineDash([2, 3]);
      ctx.beginPath();
      ctx.moveTo(x, pad.top);
      ctx.lineTo(x, pad.top + plotH);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = colours.fg;
      ctx.textBaseline = "bottom";
      ctx.textAlign = x > pad.left + plotW * 0.75 ? "right" : "left";
      ctx.fillText(spec.vertical.label, x + (ctx.textAlign === "left" ? 4 : -4), pad.top + 14);
    }

    // Series, clipped to the plot area.
    ctx.save();
    ctx.beginPath();
    ctx.rect(pad.left, pad.top - 2, plotW + 2, plotH + 4);
    ctx.clip();
    for (const s of spec.series) {
      if (!s.points.length) continue;
      const every = s.markerEvery || 1;
      const marked = s.points.filter((p, i) => i % every === 0 || i === s.points.length - 1);
      strokeSeries(ctx, s, colours, s.alpha == null ? 1 : s.alpha,
        s.points.map((p) => [tx(p.x), ty(p.y)]), marked.map((p) => [tx(p.x), ty(p.y)]));
    }
    // Dots: larger markers for the values at a chosen x.
    for (const dot of spec.dots || []) {
      ctx.fillStyle = dot.colour;
      ctx.strokeStyle = colours.bg;
      ctx.lineWidth = 2;
      drawMarker(ctx, dot.marker || "circle", tx(dot.x), ty(dot.y), 6);
    }
    ctx.restore();

    // Notes (e.g. "peak").
    ctx.textBaseline = "bottom";
    for (const note of spec.notes || []) {
      ctx.fillStyle = note.colour || colours.fg;
      ctx.textAlign = note.align || "center";
      const y = Math.max(pad.top + 12, Math.min(pad.top + plotH - 2, ty(note.y) - 8));
      // Keep the note inside the plot's width, however narrow the chart is drawn.
      const w = ctx.measureText(note.text).width;
      const offset = ctx.textAlign === "left" ? 0 : ctx.textAlign === "right" ? w : w / 2;
      const x = Math.max(pad.left + 2 + offset, Math.min(pad.left + plotW - w + offset, tx(note.x)));
      ctx.fillText(note.text, x, y);
    }

    if (spec.message) drawMessage(ctx, colours, spec.message, pad.left, pad.top, plotW, plotH);

    // Legend: line sample with dash and marker, then the label.
    ctx.textAlign = "left";
    ctx.textBaseline = "middle";
    for (const { series: s, x: lx, y: ly } of legend.items) {
      strokeSeries(ctx, s, colours, s.alpha == null ? 1 : Math.max(0.6, s.alpha),
        [[lx, ly], [lx + 26, ly]], [[lx + 13, ly]]);
      ctx.fillStyle = colours.fg;
      ctx.fillText(s.label, lx + 32, ly);
    }
    return { tx, ty, plot: { left: pad.left, top: pad.top, width: plotW, height: plotH } };
  }

  /** A short message centred in the plot area, wrapped to its width. */
  function drawMessage(ctx, colours, text, left, top, width, height) {
    ctx.save();
    ctx.fillStyle = colours.fg;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    const lines = [];
    let line = "";
    for (const word of text.split(" ")) {
      const tryLine = line ? `${line} ${word}` : word;
      if (line && ctx.measureText(tryLine).width > width - 24) {
        lines.push(line);
        line = word;
      } else line = tryLine;
    }
    if (line) lines.push(line);
    const centre = top + height / 2 - ((lines.length - 1) * 18) / 2;
    lines.forEach((l, i) => ctx.fillText(l, left + width / 2, centre + i * 18));
    ctx.restore();
  }

  /** One series' look, shared by the plot and its legend sample: the dashed line through
   * `path` (canvas coordinates), then its markers at `marks`. */
  function strokeSeries(ctx, s, colours, alpha, path, marks) {
    ctx.globalAlpha = alpha;
    ctx.strokeStyle = s.colour;
    ctx.lineWidth = s.width || 2.5;
    ctx.lineJoin = "round";
    ctx.setLineDash(s.dash || []);
    ctx.beginPath();
    path.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
    ctx.stroke();
    ctx.setLineDash([]);
    if (s.marker) {
      ctx.fillStyle = s.colour;
      ctx.strokeStyle = colours.bg;
      ctx.lineWidth = 1.5;
      for (const [x, y] of marks) drawMarker(ctx, s.marker, x, y, 4);
    }
    ctx.globalAlpha = 1;
  }

  demos.lineChart = { drawLineChart, linearTicks, FONT };
})(typeof self !== "undefined" ? self : this);
