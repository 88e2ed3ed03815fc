/**
 * A small canvas line chart for the demos: axes, grid, several series told apart by colour AND
 * dash AND marker shape (so colour-blind readers and greyscale prints can follow), an optional
 * vertical marker, values at a chosen x (an arrow with the value at the edge when one is off the
 * scale), notes about points, and a legend. Labels inside the plot are placed by chart-labels.js,
 * clear of the data and of each other.
 *
 * Why hand-written: the charts need a dozen features; a charting library would be the largest
 * file on the site and would still need the same theme and accessibility glue.
 */
(function (root) {
  "use strict";
  const demos = (root.AlignmentDemos = root.AlignmentDemos || {});
  const labels = demos.chartLabels;
  const FONT = "Inter, 'Helvetica Neue', Arial, sans-serif";
  const TEXT = `13px ${FONT}`;
  const Y_TITLE_X = 11; // the y axis's title, turned on its side: its centre line
  const Y_TITLE_COLUMN = 20; // ... and where its column ends, which the x axis's title keeps clear of
  const MARKER = 4; // series markers' size
  const DOT = 6; // the values at the chosen x
  const RING = 4.5; // the open ring that marks the point a note is about
  // How far (px) a note's text may sit from its point before a thin line joins the two.
  const NOTE_REACH = 16;

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

  /** The box a marker of this size covers, its outline included. */
  function markerBox(x, y, size) {
    const r = size * 1.3 + 1;
    return { x: x - r, y: y - r, w: 2 * r, h: 2 * r };
  }

  /** Lay the legend out in rows that fit the width; returns each item's position. */
  function legendLayout(ctx, series, left, right) {
    ctx.font = TEXT;
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

  /**
   * Draw a chart. spec = { x: {min, max, log, label, short, format}, y: {min, max, label, short, format}
   * (an axis's `short`: a shorter title, or a list of ever shorter ones, for where `label` does not fit),
   * series: [{label, colour, dash, marker, markerEvery, width, alpha, points: [{x, y}]}],
   * vertical: {x, label} | null (its label above the plot), dots: [{x, y, colour, textColour, marker, offScale}], notes: [{text, short,
   * x, y, colour, textColour}] (a text in a line's colour is written in its `textColour` where one is given: a line's colour
   * may be too light for text, WCAG's 4.5:1 against its 3:1), message: text | null, underlay: (ctx, { tx, ty, plot, layout }) => void | null,
   * which draws under the series and blocks what it drew in the label layout }.
   * A dot off the y scale is drawn as an arrow at the plot's edge with its `offScale` text (or
   * its value) beside it. A note is about the point (x, y), which an open ring marks; its text
   * goes right beside the ring where it covers nothing, in its short wording if need be, else a
   * little further out with a thin line to the ring, or is left out. The legend takes as many rows as
   * it needs above the plot; a message (for example "no run yet") is written across an empty
   * plot. Returns the scales, the plot's box and every text drawn with its box (`texts`), the
   * layout's obstacles, and each note's point and text box (`notes`: [{ text, x, y, box, leader,
   * line }], box null for a note left out, leader true where a line ({from, to}) joins a text
   * placed further out), for tests.
   */
  function drawLineChart(ctx, width, height, colours, spec) {
    ctx.font = TEXT;
    const legend = legendLayout(ctx, spec.series, 10, width - 10);
    // A vertical marker's label sits in a row of its own above the plot, so it never covers data.
    const flagRow = spec.vertical ? 18 : 0;
    const pad = { left: 64, right: 26, top: 14 + 18 * legend.rows + flagRow, bottom: 46 };
    const plotW = width - pad.left - pad.right;
    const plotH = height - pad.top - pad.bottom;
    const plot = { x: pad.left, y: pad.top, w: plotW, h: plotH };
    const xs = spec.x;
    const ys = spec.y;
    const tx = xs.log
      ? (v) => pad.left + ((Math.log10(v) - Math.log10(xs.min)) / (Math.log10(xs.max) - Math.log10(xs.min))) * plotW
      : (v) => pad.left + ((v - xs.min) / (xs.max - xs.min || 1)) * plotW;
    const ty = (v) => pad.top + plotH - ((v - ys.min) / (ys.max - ys.min || 1)) * plotH;
    const inPlot = (x, y) => x >= pad.left - 0.5 && x <= pad.left + plotW + 0.5 && y >= pad.top - 0.5 && y <= pad.top + plotH + 0.5;
    const texts = [];

    /** Write a line of text (baseline "middle") and remember its box. */
    function write(text, x, y, align, kind, colour) {
      ctx.font = TEXT;
      ctx.fillStyle = colour;
      ctx.textAlign = align;
      ctx.textBaseline = "middle";
      ctx.fillText(text, x, y);
      texts.push({ text, kind, colour, size: labels.fontSize(TEXT), box: labels.textBox(ctx, text, TEXT, x, y, align) });
    }

    ctx.clearRect(0, 0, width, height);
    ctx.lineWidth = 1;
    ctx.setLineDash([]);

    // Grid and tick labels.
    ctx.strokeStyle = colours.fgLightest;
    for (const v of linearTicks(ys.min, ys.max, 5)) {
      const y = ty(v);
      ctx.strokeStyle = colours.fgLightest;
      ctx.beginPath();
      ctx.moveTo(pad.left, y);
      ctx.lineTo(pad.left + plotW, y);
      ctx.stroke();
      write(ys.format ? ys.format(v) : String(v), pad.left - 6, y, "right", "tick", colours.muted);
    }
    const xTicks = xs.log
      ? Array.from({ length: Math.round(Math.log10(xs.max / xs.min)) + 1 }, (_, i) => xs.min * Math.pow(10, i))
      : linearTicks(xs.min, xs.max, 6);
    for (const v of xTicks) {
      const x = tx(v);
      ctx.strokeStyle = colours.fgLightest;
      ctx.beginPath();
      ctx.moveTo(x, pad.top);
      ctx.lineTo(x, pad.top + plotH);
      ctx.stroke();
      write(xs.format ? xs.format(v) : String(v), x, pad.top + plotH + 14, "center", "tick", colours.muted);
    }
    // Axes.
    ctx.strokeStyle = colours.fgLighter;
    ctx.beginPath();
    ctx.moveTo(pad.left, pad.top);
    ctx.lineTo(pad.left, pad.top + plotH);
    ctx.lineTo(pad.left + plotW, pad.top + plotH);
    ctx.stroke();
    {
      // The x axis's title: centred under the plot, shifted (or shortened) to stay on the canvas
      // and clear of the y axis's title, which runs down the left edge to the canvas's foot (on
      // a 320 px phone the two crossed there, a reader review).
      const from = Y_TITLE_COLUMN;
      const fitsWidth = (text) => labels.textBox(ctx, text, TEXT, 0, 0, "left").w <= width - from - 2;
      const title = longestThatFits([xs.label, ...[].concat(xs.short || [])], fitsWidth);
      const half = labels.textBox(ctx, title, TEXT, 0, 0, "left").w / 2;
      write(title, Math.max(from + half, Math.min(width - half - 2, pad.left + plotW / 2)), pad.top + plotH + 33, "center", "axis", colours.fg);
    }
    {
      // The y axis's title: along the plot, moved down (or shortened) to stay clear of the
      // legend's rows, whose line samples stand right above it, and on the canvas.
      const top = 4 + 18 * legend.rows;
      const bottom = height - 2;
      const length = (text) => labels.textBox(ctx, text, TEXT, 0, 0, "center").w;
      const title = longestThatFits([ys.label, ...[].concat(ys.short || [])], (text) => length(text) <= bottom - top);
      const along = labels.textBox(ctx, title, TEXT, 0, 0, "center");
      const centre = Math.max(top + along.w / 2, Math.min(bottom - along.w / 2, pad.top + plotH / 2));
      ctx.save();
      ctx.translate(Y_TITLE_X, centre);
      ctx.rotate(-Math.PI / 2);
      ctx.font = TEXT;
      ctx.fillStyle = colours.fg;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText(title, 0, 0);
      ctx.restore();
      texts.push({ text: title, kind: "axis", colour: colours.fg, size: labels.fontSize(TEXT), box: { x: Y_TITLE_X - along.h / 2, y: centre - along.w / 2, w: along.h, h: along.w } });
    }

    // The layout of the labels inside the plot: the data are its obstacles.
    const layout = labels.createLayout(ctx, labels.inflate(plot, -1), { margin: 3 });

    // Vertical marker (e.g. the chosen N).
    const vertical = spec.vertical && spec.vertical.x >= xs.min && spec.vertical.x <= xs.max ? tx(spec.vertical.x) : null;
    if (vertical != null) {
      ctx.strokeStyle = colours.fgLight;
      ctx.lineWidth = 1;
      ctx.setLineDash([2, 3]);
      ctx.beginPath();
      ctx.moveTo(vertical, pad.top);
      ctx.lineTo(vertical, pad.top + plotH);
      ctx.stroke();
      ctx.setLineDash([]);
      layout.blockLine([[vertical, pad.top], [vertical, pad.top + plotH]], "vertical");
    }

    // Anything a figure draws under its series (the Goodhart explorer's cloud of candidates): it
    // is given the scales, the plot and the label layout, to which it adds what it drew.
    if (spec.underlay) spec.underlay(ctx, { tx, ty, plot, layout });

    // Series: lines clipped to the plot area, then the markers that lie inside it, whole.
    ctx.save();
    ctx.beginPath();
    ctx.rect(pad.left - 1, pad.top - 1, plotW + 2, plotH + 2);
    ctx.clip();
    const paths = spec.series.map((s) => s.points.map((p) => [tx(p.x), ty(p.y)]));
    const drawnArea = { x: pad.left - 1, y: pad.top - 1, w: plotW + 2, h: plotH + 2 };
    spec.series.forEach((s, k) => {
      if (!s.points.length) return;
      strokeSeries(ctx, s, s.alpha == null ? 1 : s.alpha, paths[k]);
      layout.blockLine(paths[k], "data", drawnArea);
    });
    ctx.restore();
    // A series' own marker next to its larger dot would read as a doubled mark: the dot wins.
    // Markers, rings, dots and arrows are laid out first and drawn once the notes are placed, in
    // that order (a marker a note's line cannot avoid gives way to it, below).
    const dotsAt = (spec.dots || []).map((d) => ({ colour: d.colour, box: markerBox(tx(d.x), ty(d.y), DOT) }));
    const besideItsDot = (s, x, y) => dotsAt.some((d) => d.colour === s.colour && labels.boxesOverlap(d.box, markerBox(x, y, MARKER)));
    const markers = [];
    spec.series.forEach((s, k) => {
      if (!s.marker || !s.points.length) return;
      const every = s.markerEvery || 1;
      paths[k].filter((p, i) => (i % every === 0 || i === paths[k].length - 1) && inPlot(p[0], p[1]) && !besideItsDot(s, p[0], p[1]))
        .forEach(([x, y]) => {
          layout.block(markerBox(x, y, MARKER));
          markers.push({ series: s, x, y, box: layout.boxes[layout.boxes.length - 1], shown: true });
        });
    });

    // The points the notes are about, each marked with an open ring, under the dots (a dot at the
    // same point covers it): a note's text then points at a mark, not at a bend of a line (a
    // reader review found "peak" floating beside an unmarked curve).
    const anchors = (spec.notes || []).map((note) => ({ note, x: tx(note.x), y: ty(note.y) }))
      .filter((a) => inPlot(a.x, a.y));
    for (const a of anchors) layout.block(markerBox(a.x, a.y, RING), "anchor");

    // Dots: larger markers for the values at a chosen x; an arrow at the edge for one off the scale.
    const dotsDrawn = [];
    const offScale = [];
    for (const dot of spec.dots || []) {
      const x = tx(dot.x);
      const y = ty(dot.y);
      if (y >= pad.top - 0.5 && y <= pad.top + plotH + 0.5) {
        dotsDrawn.push({ dot, x, y });
        layout.block(markerBox(x, y, DOT));
      } else {
        const up = y < pad.top;
        const edge = up ? pad.top : pad.top + plotH;
        const arrow = edgeArrowBox(x, edge, up);
        layout.block(arrow, "arrow");
        offScale.push({ dot, x, edge, up, arrow });
      }
    }
    for (const { dot, x, edge, up } of offScale) {
      const sign = up ? 1 : -1;
      const candidates = [];
      for (let k = 0; k < 10; k += 1) {
        const y = edge + sign * (8 + k * 12);
        candidates.push({ x: x + 10, y, align: "left" }, { x: x - 10, y, align: "right" });
      }
      const value = ys.format ? ys.format(dot.y) : String(dot.y);
      layout.place({ text: dot.offScale || value, short: dot.offScaleShort || value, font: TEXT, candidates, kind: "offscale", colour: dot.textColour || dot.colour, required: true });
    }

    if (vertical != null) {
      // Over the line, or beside it when a value at the top of the plot reaches up there.
      const y = pad.top - flagRow / 2 - 1;
      const row = { x: pad.left - 4, y: pad.top - flagRow, w: plotW + 8, h: flagRow };
      const w = labels.textBox(ctx, spec.vertical.label, TEXT, 0, 0, "left").w;
      const centred = Math.max(pad.left, Math.min(pad.left + plotW - w, vertical - w / 2));
      const candidates = [{ x: centred, y, align: "left" }];
      for (let dx = 8; dx <= 48; dx += 8) candidates.push({ x: vertical + dx, y, align: "left" }, { x: vertical - dx, y, align: "right" });
      layout.place({ text: spec.vertical.label, font: TEXT, kind: "vertical", colour: colours.fg, required: true, bounds: row, candidates });
    }
    // A note's text goes right beside its ring (clear of the ring, and of a dot on the same
    // point), or failing that a little further out, joined to the ring by a thin line that
    // crosses no marker, dot or other text (at 320 px the KL leash's "larger" drew its line
    // through the reward model's square at the leash: UX review 11). The places are tried near
    // to far (aroundPoint's rounds), then once more on a finer grid, all distances at once.
    const seriesMarker = new Set(markers.map((m) => m.box));
    function placeNote(a) {
      const { note } = a;
      const reach = markerBox(0, 0, RING).w / 2 + 3 + 0.5; // clear of the ring's box and the labels' margin
      const own = (box) => a.x >= box.x && a.x <= box.x + box.w && a.y >= box.y && a.y <= box.y + box.h;
      // Whether a text at `box` leaves its line clear of other texts and of every mark that
      // `crossable` does not allow (a series' marker, or any mark).
      const clearLeader = (crossable) => (box) => {
        const line = leader(box, a);
        if (!line) return true;
        const crosses = (other) => labels.segmentHitsBox(line.from.x, line.from.y, line.to.x, line.to.y, other);
        return !layout.labels.some((other) => crosses(other.box)) && !layout.boxes.some((other) => !own(other) && !crossable(other) && crosses(other));
      };
      const label = {
        text: note.text, short: note.short, font: TEXT, kind: "note", colour: note.textColour || note.colour || colours.fg, clear: clearLeader(() => false),
        candidates: [
          ...labels.aroundPoint(a.x, a.y, {
            rounds: [[reach, reach + 4], [reach + 8], [22, 32, 44], [58, 74]], across: [12, 24, 40, 60], beside: [0, -9, 9, -18, 18],
          }),
          ...labels.aroundPoint(a.x, a.y, {
            rounds: [[reach, reach + 4, reach + 8, 22, 32, 44, 58, 74, 92]], across: [6, 18, 30, 50, 70, 90], beside: [-4.5, 4.5, -13.5, 13.5, -27, 27, -36, 36, -45, 45],
          }),
        ],
      };
      // ... or, where every such line would cross a mark (a 254 px chart, crowded), with a line
      // over series' markers only, which then give way to it (a marker is one of many along its
      // line, which its colour and dash name as well); failing that, with a line clear of other
      // texts at least: a note named with a line over a marker beats one left out.
      let miss = 0;
      let placed = layout.place(label);
      if (!placed) {
        miss = 1;
        placed = layout.place({ ...label, clear: clearLeader((box) => seriesMarker.has(box)) });
      }
      if (!placed) {
        miss = 2;
        placed = layout.place({ ...label, clear: clearLeader(() => true) });
      }
      if (!placed) miss = 3;
      const line = placed ? leader(placed.box, a) : null;
      if (line) layout.blockLine([[line.from.x, line.from.y], [line.to.x, line.to.y]], "leader");
      return { note, a, placed, line, miss, own };
    }
    // The notes are placed in the order given; where one then finds no clean place (its line
    // would cross a mark, or it is left out) because an earlier one took it, the other orders
    // are tried, and the first in which every note is clean (else the one with the fewest
    // misses) is kept. (On a 254-324 px KL leash, the peak's note took the one place under the
    // other reward model's ring, whose note then drew its line over the markers above it.)
    const start = layout.save();
    let best = null;
    for (const order of orders(anchors.length)) {
      layout.restore(start);
      const tried = order.map((i) => placeNote(anchors[i]));
      const misses = tried.reduce((sum, entry) => sum + entry.miss, 0);
      if (!best || misses < best.misses) {
        best = { misses, tried, labels: layout.labels.slice(start.labels), lines: layout.lines.slice(start.lines) };
      }
      if (misses === 0) break;
    }
    layout.restore(start);
    const notes = best ? anchors.map((a) => best.tried.find((entry) => entry.a === a)) : [];
    if (best) {
      layout.labels.push(...best.labels);
      layout.lines.push(...best.lines);
    }
    // The series' markers a note's line crosses give way to it.
    for (const { line, own } of notes) {
      if (!line) continue;
      for (const m of markers) {
        if (m.shown && !own(m.box) && labels.segmentHitsBox(line.from.x, line.from.y, line.to.x, line.to.y, m.box)) {
          m.shown = false;
          layout.boxes.splice(layout.boxes.indexOf(m.box), 1);
        }
      }
    }

    // Drawn now, in the order laid out: markers, rings, dots and arrows, notes' lines, texts.
    const marked = [];
    spec.series.forEach((s) => {
      const marks = markers.filter((m) => m.series === s && m.shown);
      markSeries(ctx, s, colours, s.alpha == null ? 1 : s.alpha, marks.map((m) => [m.x, m.y]));
      marked.push(...marks.map((m) => ({ colour: s.colour, box: markerBox(m.x, m.y, MARKER) })));
    });
    for (const a of anchors) {
      ctx.fillStyle = colours.bg;
      ctx.strokeStyle = a.note.colour || colours.fg;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(a.x, a.y, RING, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
    for (const { dot, x, y } of dotsDrawn) {
      ctx.fillStyle = dot.colour;
      ctx.strokeStyle = colours.bg;
      ctx.lineWidth = 2;
      drawMarker(ctx, dot.marker || "circle", x, y, DOT);
    }
    for (const { dot, x, edge, up } of offScale) drawEdgeArrow(ctx, colours, dot.colour, x, edge, up);
    for (const entry of notes) {
      const { note, line } = entry;
      entry.leader = Boolean(line);
      if (!line) continue;
      ctx.strokeStyle = note.colour || colours.fg;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(line.from.x, line.from.y);
      ctx.lineTo(line.to.x, line.to.y);
      ctx.stroke();
    }
    for (const placed of layout.labels) write(placed.text, placed.x, placed.y, placed.align, placed.kind, placed.colour);

    if (spec.message) drawMessage(ctx, colours, spec.message, plot, texts);

    // Legend: line sample with dash and marker, then the label.
    for (const { series: s, x: lx, y: ly } of legend.items) {
      const alpha = s.alpha == null ? 1 : Math.max(0.6, s.alpha);
      strokeSeries(ctx, s, alpha, [[lx, ly], [lx + 26, ly]]);
      markSeries(ctx, s, colours, alpha, [[lx + 13, ly]]);
      write(s.label, lx + 32, ly, "left", "legend", colours.fg);
    }
    return {
      tx, ty, plot: { left: pad.left, top: pad.top, width: plotW, height: plotH }, texts,
      obstacles: { boxes: layout.boxes, lines: layout.lines }, marks: marked, dots: dotsAt,
      gaveWay: markers.filter((m) => !m.shown).map((m) => ({ colour: m.series.colour, box: markerBox(m.x, m.y, MARKER) })),
      notes: notes.map(({ a, placed, leader: joined, line }) => ({ text: placed ? placed.text : null, x: a.x, y: a.y, box: placed ? placed.box : null, leader: joined, line })),
    };
  }

  /** The orders in which to try placing n labels: the given one first, then every other (up to
   * four labels; more are tried as given and reversed only). */
  function orders(n) {
    const given = Array.from({ length: n }, (_, i) => i);
    if (n > 4) return [given, [...given].reverse()];
    const all = [];
    const grow = (prefix, rest) => {
      if (!rest.length) all.push(prefix);
      rest.forEach((i) => grow([...prefix, i], rest.filter((j) => j !== i)));
    };
    grow([], given);
    return all;
  }

  /** An axis title: the first wording that fits, or the last (the shortest) if none does. */
  function longestThatFits(wordings, fits) {
    return wordings.find(fits) || wordings[wordings.length - 1];
  }

  /** The point of a box nearest to (x, y). */
  function nearestPoint(box, x, y) {
    return { x: Math.max(box.x, Math.min(box.x + box.w, x)), y: Math.max(box.y, Math.min(box.y + box.h, y)) };
  }

  /** How far (x, y) is from a box: 0 inside it. */
  function boxDistance(box, x, y) {
    const p = nearestPoint(box, x, y);
    return Math.hypot(p.x - x, p.y - y);
  }

  /** The thin line from a note's ring (x, y) to its text's box, { from, to }, or null when the
   * text is near enough to need none (NOTE_REACH). */
  function leader(box, anchor) {
    if (boxDistance(box, anchor.x, anchor.y) <= NOTE_REACH) return null;
    const to = nearestPoint(box, anchor.x, anchor.y);
    const length = Math.hypot(to.x - anchor.x, to.y - anchor.y);
    const ux = (to.x - anchor.x) / length;
    const uy = (to.y - anchor.y) / length;
    return {
      from: { x: anchor.x + ux * (RING + 1), y: anchor.y + uy * (RING + 1) },
      to: { x: to.x - ux * 2, y: to.y - uy * 2 },
    };
  }

  /** The box of the arrow drawEdgeArrow draws. */
  function edgeArrowBox(x, edge, up) {
    return { x: x - 8, y: up ? edge : edge - 14, w: 16, h: 14 };
  }

  /** A filled arrow on the plot's edge at x, pointing out of the chart (its box: edgeArrowBox). */
  function drawEdgeArrow(ctx, colours, colour, x, edge, up) {
    const sign = up ? 1 : -1;
    ctx.fillStyle = colour;
    ctx.strokeStyle = colours.bg;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(x, edge + sign * 1);
    ctx.lineTo(x + 7, edge + sign * 13);
    ctx.lineTo(x - 7, edge + sign * 13);
    ctx.closePath();
    ctx.fill();
    ctx.stroke();
  }

  /** A short message centred in the plot area, wrapped to its width. */
  function drawMessage(ctx, colours, text, plot, texts) {
    const lines = labels.wrap(ctx, text, TEXT, plot.w - 24);
    const centre = plot.y + plot.h / 2 - ((lines.length - 1) * 18) / 2;
    lines.forEach((line, i) => {
      const y = centre + i * 18;
      ctx.fillStyle = colours.fg;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText(line, plot.x + plot.w / 2, y);
      texts.push({ text: line, kind: "message", colour: colours.fg, size: labels.fontSize(TEXT), box: labels.textBox(ctx, line, TEXT, plot.x + plot.w / 2, y, "center") });
    });
  }

  /** One series' line through `path` (canvas coordinates), shared by the plot and its legend. */
  function strokeSeries(ctx, s, alpha, path) {
    ctx.globalAlpha = alpha;
    ctx.strokeStyle = s.colour;
    ctx.lineWidth = s.width || 2.5;
    ctx.lineJoin = "round";
    ctx.setLineDash(s.dash || []);
    ctx.beginPath();
    path.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
  }

  /** One series' markers at `marks`. */
  function markSeries(ctx, s, colours, alpha, marks) {
    if (!s.marker) return;
    ctx.globalAlpha = alpha;
    ctx.fillStyle = s.colour;
    ctx.strokeStyle = colours.bg;
    ctx.lineWidth = 1.5;
    for (const [x, y] of marks) drawMarker(ctx, s.marker, x, y, MARKER);
    ctx.globalAlpha = 1;
  }

  demos.lineChart = { drawLineChart, linearTicks, FONT, NOTE_REACH };
})(typeof self !== "undefined" ? self : this);
