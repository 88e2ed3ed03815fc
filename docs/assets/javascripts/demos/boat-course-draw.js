/**
 * Drawing the boat-race course (after OpenAI's CoastRunners case) on a canvas: water, racing
 * line, checkpoints, respawning targets, trails and boats, in the course's own units
 * (boat-race-sim.js). Used by the boat race page and by the live figure in the specification
 * gaming chapter, so both show the same course.
 */
(function (root) {
  "use strict";
  const demos = root.AlignmentDemos;
  const sim = demos.boatRaceSim;
  const { course } = sim;
  const FONT = demos.lineChart.FONT;
  const labels = demos.chartLabels;
  /** No text on the course is drawn smaller than this many CSS pixels, however small the course. */
  const MIN_TEXT_PX = 11;
  /** A course drawn wide (a desktop's 688 px) has room for larger words than a phone's: its
   * smallest text grows with its width, a 55th of it, up to 13 px (its labels were 10 px beside
   * 17 px body text; UX review 11). */
  const WIDE_TEXT_SHARE = 1 / 55;
  const WIDE_TEXT_PX = 13;
  /** The shore line drawn on the land side of every water's edge, in course units. */
  const SHORE = 3.5;
  /** The clear land (CSS pixels) between the lagoon's note and the nearest shore line: kept only
   * 2.5 px from the water, "targets respawn after pickup" ended 1-2 px from the lagoon's outline
   * at 600-720 px (UX review 12). */
  const SHORE_GAP_PX = 6;
  /** The least clear space (CSS pixels) between a checkpoint's badge and the lagoon's outline. */
  const BADGE_GAP_PX = 2;
  /** How much to enlarge boats, trails and targets, in course units, so that they stay visible
   * when the course is drawn small (on a phone); set by drawBase for each drawing. */
  let ui = 1;
  /** CSS pixels per course unit, set by drawBase. */
  let scale = 1;

  /** The smallest text at this scale, in CSS pixels. */
  function minTextPx() {
    return Math.min(WIDE_TEXT_PX, Math.max(MIN_TEXT_PX, scale * course.WIDTH * WIDE_TEXT_SHARE));
  }

  /** A font size in course units: `base`, or larger if that would be under minTextPx(). */
  function textUnits(base) {
    return Math.max(base, minTextPx() / scale);
  }

  /** Course units between a point and the outline of the lagoon or its channel (negative inside
   * the outline): the shore line is drawn SHORE wide on the land side of the water. */
  function lagoonRoom(x, y) {
    const { LAGOON: lagoon, CHANNEL: ch } = course;
    const dx = Math.max(ch.x0 - x, 0, x - ch.x1);
    const dy = Math.max(ch.y0 - y, 0, y - ch.y1);
    return Math.min(Math.hypot(x - lagoon.x, y - lagoon.y) - lagoon.r, Math.hypot(dx, dy)) - SHORE;
  }

  /**
   * The numbered badge at the inner end of a checkpoint gate: centre and radius. It stands a
   * little past the gate's end, on the infield, unless that brings it within BADGE_GAP_PX of the
   * lagoon's outline: then it slides back along the gate, towards the track, until it is clear
   * (on a 320 px phone the "4" sat on the lagoon's rim, as if numbering the lagoon).
   */
  function badge(gate) {
    const size = textUnits(11);
    const r = size * 0.9;
    const ring = r + 1; // its outline (2 units wide) included
    let spot = null;
    for (let t = 0.14; t >= -0.2 - 1e-9; t -= 0.02) {
      const x = gate.b.x + (gate.b.x - gate.a.x) * t;
      const y = gate.b.y + (gate.b.y - gate.a.y) * t;
      const room = lagoonRoom(x, y) - ring;
      if (!spot || room > spot.room) spot = { x, y, room };
      if (room * scale >= BADGE_GAP_PX) break;
    }
    return { x: spot.x, y: spot.y, r, size };
  }

  // ------------------------------------------------------------------------------ course drawing
  function stadiumPath(ctx, radius) {
    const { LEFT_CENTRE: l, RIGHT_CENTRE: r } = course;
    ctx.moveTo(l.x, l.y + radius);
    ctx.lineTo(r.x, r.y + radius);
    ctx.arc(r.x, r.y, radius, Math.PI / 2, -Math.PI / 2, true);
    ctx.lineTo(l.x, l.y - radius);
    ctx.arc(l.x, l.y, radius, -Math.PI / 2, Math.PI / 2, true);
    ctx.closePath();
  }

  /** Water over land, with a thin shore line drawn on the land side of every edge. */
  function drawWater(ctx, colours) {
    const shore = SHORE;
    const outer = course.RADIUS + course.HALF_WIDTH;
    const inner = course.RADIUS - course.HALF_WIDTH;
    const { LAGOON: lagoon, CHANNEL: ch } = course;
    const innerEdgeY = course.LEFT_CENTRE.y + inner;
    ctx.save();
    ctx.lineWidth = shore;
    ctx.strokeStyle = colours.waterEdge;
    ctx.beginPath();
    stadiumPath(ctx, outer + shore / 2);
    ctx.stroke();
    ctx.fillStyle = colours.water;
    ctx.beginPath();
    stadiumPath(ctx, outer);
    ctx.fill();
    ctx.fillStyle = colours.land;
    ctx.beginPath();
    stadiumPath(ctx, inner);
    ctx.fill();
    ctx.beginPath();
    stadiumPath(ctx, inner - shore / 2);
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(lagoon.x, lagoon.y, lagoon.r + shore / 2, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(ch.x0 - shore / 2, ch.y0);
    ctx.lineTo(ch.x0 - shore / 2, innerEdgeY - shore);
    ctx.moveTo(ch.x1 + shore / 2, ch.y0);
    ctx.lineTo(ch.x1 + shore / 2, innerEdgeY - shore);
    ctx.stroke();
    ctx.fillStyle = colours.water;
    ctx.beginPath();
    ctx.arc(lagoon.x, lagoon.y, lagoon.r, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillRect(ch.x0, ch.y0, ch.x1 - ch.x0, innerEdgeY + 1 - ch.y0);
    ctx.restore();
  }

  function drawRacingLine(ctx, colours) {
    ctx.save();
    ctx.strokeStyle = colours.waterEdge;
    ctx.globalAlpha = 0.55;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([6, 9]);
    ctx.beginPath();
    stadiumPath(ctx, course.RADIUS);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.globalAlpha = 0.9;
    ctx.fillStyle = colours.waterEdge;
    for (let k = 0; k < 12; k += 1) {
      const c = course.centreline(course.FINISH_S + 40 + (course.LAP_LENGTH * k) / 12);
      ctx.save();
      ctx.translate(c.x, c.y);
      ctx.rotate(Math.atan2(c.ty, c.tx));
      ctx.beginPath();
      ctx.moveTo(7, 0);
      ctx.lineTo(-4, -6);
      ctx.lineTo(-1, 0);
      ctx.lineTo(-4, 6);
      ctx.closePath();
      ctx.fill();
      ctx.restore();
    }
    ctx.restore();
  }

  function drawCheckpoints(ctx, colours, passed) {
    ctx.save();
    course.CHECKPOINTS.forEach((gate, k) => {
      if (gate.isFinish) {
        drawFinishLine(ctx, colours, gate);
        return;
      }
      // A passed gate keeps its dashed line and fills its badge: a solid line would hide a route
      // that runs along or across it.
      const done = k < passed;
      ctx.strokeStyle = colours.checkpoint;
      ctx.lineWidth = 2.5;
      ctx.setLineDash([5, 4]);
      ctx.beginPath();
      ctx.moveTo(gate.a.x, gate.a.y);
      ctx.lineTo(gate.b.x, gate.b.y);
      ctx.stroke();
      ctx.setLineDash([]);
      // Number badge on the inner end of the gate.
      const b = badge(gate);
      ctx.fillStyle = done ? colours.checkpoint : colours.bg;
      ctx.strokeStyle = colours.checkpoint;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(b.x, b.y, b.r, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = done ? colours.bg : colours.fg;
      ctx.font = `600 ${b.size}px ${FONT}`;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText(String(k + 1), b.x, b.y + 0.5);
    });
    ctx.restore();
  }

  function drawFinishLine(ctx, colours, gate) {
    const dx = gate.b.x - gate.a.x;
    const dy = gate.b.y - gate.a.y;
    const length = Math.hypot(dx, dy);
    const squares = 10;
    const size = length / squares;
    ctx.save();
    ctx.translate(gate.a.x, gate.a.y);
    ctx.rotate(Math.atan2(dy, dx));
    for (let i = 0; i < squares; i += 1) {
      for (let j = 0; j < 2; j += 1) {
        ctx.fillStyle = (i + j) % 2 ? "#ffffff" : "#1a1a1a";
        ctx.fillRect(i * size, (j - 1) * size, size, size);
      }
    }
    ctx.restore();
  }

  function drawTargets(ctx, colours, ready) {
    ctx.save();
    course.TARGETS.forEach((target, i) => {
      const live = !ready || ready[i];
      ctx.beginPath();
      ctx.arc(target.x, target.y, 10 * Math.min(ui, 1.5), 0, 2 * Math.PI);
      if (live) {
        ctx.fillStyle = colours.target;
        ctx.strokeStyle = colours.targetEdge;
        ctx.lineWidth = 2;
        ctx.fill();
        ctx.stroke();
        ctx.fillStyle = colours.targetEdge;
        ctx.font = `700 ${12 * Math.min(ui, 1.5)}px ${FONT}`;
        ctx.textAlign = "center";
        ctx.textBaseline = "middle";
        ctx.fillText("+", target.x, target.y + 0.5);
      } else {
        ctx.setLineDash([3, 3]);
        ctx.strokeStyle = colours.targetEdge;
        ctx.lineWidth = 1.5;
        ctx.stroke();
        ctx.setLineDash([]);
      }
    });
    ctx.restore();
  }

  /** The lagoon's note, then shorter ones for a course drawn small (first that fits). It sits on
   * the land left of the lagoon, so its title points there: "Lagoon:" over sand read as naming
   * the sand (a reader review, on a phone). */
  const LAGOON_NOTES = [
    { title: "Lagoon →", text: "targets respawn after pickup" },
    { title: "Lagoon →", text: "targets respawn" },
    { title: null, text: "Targets respawn" },
  ];

  /** `words` on `count` lines, broken where the longest line is shortest. */
  function evenLines(words, count, widthOf) {
    let best = null;
    const split = (from, left, lines) => {
      if (left === 1) {
        const all = [...lines, words.slice(from).join(" ")];
        const widest = Math.max(...all.map(widthOf));
        if (!best || widest < best.widest) best = { widest, lines: all };
        return;
      }
      for (let end = from + 1; end <= words.length - left + 1; end += 1) split(end, left - 1, [...lines, words.slice(from, end).join(" ")]);
    };
    split(0, count, []);
    return best.lines;
  }

  /**
   * Whether a box on the infield keeps `gap` (course units) of land between itself and every
   * water's edge: the track's inner edge, the lagoon and its channel. Exact: the infield is a
   * stadium, convex, so a box lies inside its shrunken copy when its four corners do.
   */
  function clearOfWater(box, gap) {
    const { LEFT_CENTRE: left, RIGHT_CENTRE: right, LAGOON: lagoon, CHANNEL: ch } = course;
    const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
    const inner = course.RADIUS - course.HALF_WIDTH - gap;
    for (const x of [box.x, box.x + box.w]) {
      for (const y of [box.y, box.y + box.h]) {
        if (Math.hypot(x - clamp(x, left.x, right.x), y - left.y) > inner) return false;
      }
    }
    const nearest = { x: clamp(lagoon.x, box.x, box.x + box.w), y: clamp(lagoon.y, box.y, box.y + box.h) };
    if (Math.hypot(nearest.x - lagoon.x, nearest.y - lagoon.y) < lagoon.r + gap) return false;
    const dx = Math.max(ch.x0 - (box.x + box.w), 0, box.x - ch.x1);
    const dy = Math.max(ch.y0 - (box.y + box.h), 0, box.y - ch.y1);
    return Math.hypot(dx, dy) >= gap;
  }

  /**
   * Where the course's words go at this width: the lagoon's note and "Start / finish", each on
   * land, clear of the checkpoint badges, the finish line and each other, at no less than
   * minTextPx() (MIN_TEXT_PX on a phone). Returns { texts, obstacles, width, height } in course
   * units, each text with its size in CSS pixels (the form tests/js/support/label-check.js
   * reads), and what to draw.
   * Cached per width: the search tests many places.
   */
  let cached = null;
  function courseLabels(ctx, cssWidth) {
    if (cached && cached.cssWidth === cssWidth) return cached;
    const saved = scale;
    scale = cssWidth / course.WIDTH;
    const onLand = (box) => {
      for (let x = box.x; x <= box.x + box.w + 0.01; x += Math.max(2, box.w / 24)) {
        for (let y = box.y; y <= box.y + box.h + 0.01; y += Math.max(2, box.h / 8)) {
          if (course.isWater(x, y)) return false;
        }
      }
      return true;
    };
    const margin = 2.5 / scale; // CSS pixels of clear space around each label
    const layout = labels.createLayout(ctx, { x: 0, y: 0, w: course.WIDTH, h: course.HEIGHT },
      { margin, clear: (box) => onLand(labels.inflate(box, margin)) });
    course.CHECKPOINTS.forEach((gate) => {
      if (gate.isFinish) {
        const square = Math.hypot(gate.b.x - gate.a.x, gate.b.y - gate.a.y) / 10; // the chequers
        layout.block(labels.inflate({
          x: Math.min(gate.a.x, gate.b.x), y: Math.min(gate.a.y, gate.b.y),
          w: Math.abs(gate.b.x - gate.a.x), h: Math.abs(gate.b.y - gate.a.y),
        }, square), "finish line");
        return;
      }
      const b = badge(gate);
      layout.block({ x: b.x - b.r - 1, y: b.y - b.r - 1, w: 2 * b.r + 2, h: 2 * b.r + 2 }, "checkpoint badge");
    });

    // "Start / finish" first, as it belongs beside the finish line: on land, at either end of it.
    const finish = course.CHECKPOINTS.find((gate) => gate.isFinish);
    const inner = finish.a.y < finish.b.y ? finish.a : finish.b;
    const outer = finish.a.y < finish.b.y ? finish.b : finish.a;
    const size = textUnits(13);
    const candidates = [];
    for (let k = 0; k < 8; k += 1) {
      const up = inner.y - size * (0.8 + 0.5 * k);
      const down = outer.y + size * (0.8 + 0.5 * k);
      candidates.push(
        { x: inner.x, y: up, align: "center" }, { x: inner.x - 6, y: up, align: "right" }, { x: inner.x + 6, y: up, align: "left" },
        { x: outer.x, y: down, align: "center" }, { x: outer.x - 6, y: down, align: "right" }, { x: outer.x + 6, y: down, align: "left" },
      );
    }
    const start = layout.place({ text: "Start / finish", short: "Finish", font: `600 ${size}px ${FONT}`, candidates, kind: "course" });


    // The lagoon's note: a title over the wrapped text, in the land left of the lagoon, clear of
    // every shore line by SHORE_GAP_PX; narrower (more lines) or shorter if it does not fit as it
    // is.
    const titleSize = textUnits(13);
    const bodySize = textUnits(12);
    const bodyFont = `${bodySize}px ${FONT}`;
    const titleFont = `600 ${titleSize}px ${FONT}`;
    const lineGap = bodySize * 1.25;
    const widthOf = (text, font) => labels.textBox(ctx, text, font, 0, 0, "left").w;
    const spots = [];
    for (let dx = 0; dx <= 80; dx += 10) {
      for (let dy = 0; dy <= 90; dy += 10) {
        for (const [sx, sy] of [[1, 1], [-1, 1], [1, -1], [-1, -1]]) spots.push({ x: 270 + sx * dx, y: 240 + sy * dy });
      }
    }
    spots.sort((a, b) => Math.hypot(a.x - 270, a.y - 240) - Math.hypot(b.x - 270, b.y - 240));
    // The note on one or two lines in any wording, then three, before a stack of single words:
    // at 568 px the whole note stood one word a line ("targets / respawn / after / pickup")
    // where two lines fitted. Its words are shared out evenly over the lines.
    const wordsOf = (text) => text.split(/\s+/);
    const rounds = [[1, 2], [3], [Infinity]];
    let lagoon = null;
    search: for (const counts of rounds) for (const { title, text } of LAGOON_NOTES) {
      for (const count of counts) {
        if (count !== Infinity && count > wordsOf(text).length) continue;
        const lines = count === Infinity ? wordsOf(text) : evenLines(wordsOf(text), count, (line) => widthOf(line, bodyFont));
        const blockWidth = Math.max(title ? widthOf(title, titleFont) : 0, ...lines.map((l) => widthOf(l, bodyFont)));
        const titleHeight = title ? titleSize * 1.2 : 0;
        const blockHeight = titleHeight + lineGap * lines.length;
        for (const spot of spots) {
          const box = { x: spot.x - blockWidth / 2, y: spot.y - blockHeight / 2, w: blockWidth, h: blockHeight };
          if (layout.fits(box) && clearOfWater(box, SHORE + SHORE_GAP_PX / scale)) {
            lagoon = { x: spot.x, top: box.y, title, titleHeight, lines, titleFont, bodyFont };
            layout.block(box, "lagoon note");
            break search;
          }
        }
      }
    }

    const texts = [];
    const px = (units) => units * scale;
    if (lagoon) {
      if (lagoon.title) {
        texts.push({ text: lagoon.title, kind: "course", size: px(titleSize), font: titleFont, colour: "fg", box: labels.textBox(ctx, lagoon.title, titleFont, lagoon.x, lagoon.top + titleSize * 0.6, "center") });
      }
      let y = lagoon.top + lagoon.titleHeight + lineGap / 2;
      for (const line of lagoon.lines) {
        texts.push({ text: line, kind: "course", size: px(bodySize), font: bodyFont, colour: "muted", box: labels.textBox(ctx, line, bodyFont, lagoon.x, y, "center") });
        y += lineGap;
      }
    }
    if (start) texts.push({ text: start.text, kind: "course", size: px(size), font: start.font, colour: "fg", box: start.box });
    scale = saved;
    cached = {
      cssWidth, width: course.WIDTH, height: course.HEIGHT, texts, lagoon, start,
      obstacles: { boxes: layout.boxes.filter((b) => b.kind !== "lagoon note"), lines: [] },
    };
    return cached;
  }

  function drawLabels(ctx, colours, placed) {
    ctx.save();
    ctx.textBaseline = "middle";
    ctx.textAlign = "center";
    for (const t of placed.texts) {
      ctx.font = t.font;
      ctx.fillStyle = colours[t.colour];
      ctx.fillText(t.text, t.box.x + t.box.w / 2, t.box.y + t.box.h / 2);
    }
    ctx.restore();
  }

  /**
   * The course's moving parts, layered so a reader can read them: the boats' trails first, then
   * the gates with their numbered badges and the targets over them, the boats on top.
   * runs: [{ colour (the trail's), points, alpha, boat: {x, y, angle, colour} | null }].
   */
  function drawRace(ctx, colours, { passed, ready, runs }) {
    runs.forEach((run) => drawTrail(ctx, run.colour, run.points, run.alpha));
    drawCheckpoints(ctx, colours, passed);
    drawTargets(ctx, colours, ready);
    for (const { boat } of runs) {
      if (boat) drawBoat(ctx, { ...colours, boat: boat.colour || colours.boat }, boat.x, boat.y, boat.angle);
    }
  }

  function drawTrail(ctx, colour, points, alpha) {
    if (points.length < 2) return;
    ctx.save();
    ctx.globalAlpha = alpha;
    ctx.strokeStyle = colour;
    ctx.lineWidth = 3 * ui;
    ctx.lineJoin = "round";
    ctx.lineCap = "round";
    ctx.beginPath();
    points.forEach((p, i) => (i ? ctx.lineTo(p.x, p.y) : ctx.moveTo(p.x, p.y)));
    ctx.stroke();
    ctx.restore();
  }

  function drawBoat(ctx, colours, x, y, angle) {
    ctx.save();
    ctx.translate(x, y);
    ctx.rotate(angle);
    ctx.scale(ui, ui);
    ctx.beginPath();
    ctx.moveTo(15, 0);
    ctx.quadraticCurveTo(6, 8, -11, 7);
    ctx.lineTo(-11, -7);
    ctx.quadraticCurveTo(6, -8, 15, 0);
    ctx.closePath();
    // A halo in the page's colour first: a boat over a trail of its own colour (the green boat at
    // the finish, in the printed still) all but vanished into it (a reader review).
    ctx.strokeStyle = colours.bg;
    ctx.lineWidth = 6;
    ctx.lineJoin = "round";
    ctx.stroke();
    ctx.fillStyle = colours.boat;
    ctx.strokeStyle = colours.boatEdge;
    ctx.lineWidth = 2;
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = colours.boatEdge;
    ctx.fillRect(-5, -3, 7, 6);
    ctx.restore();
  }

  function cellPoint(position) {
    const cell = sim.grid.cells[position.cell];
    return { x: cell.x, y: cell.y, angle: (position.heading * Math.PI) / 4 };
  }

  function interpolateAngle(a, b, t) {
    let delta = b - a;
    while (delta > Math.PI) delta -= 2 * Math.PI;
    while (delta < -Math.PI) delta += 2 * Math.PI;
    return a + delta * t;
  }

  /**
   * Scale a prepared canvas ({ctx, width, height} in CSS pixels) to the course's units and paint
   * the land, water, racing line and lagoon labels.
   */
  function drawBase(canvas, colours) {
    const { ctx, width, height } = canvas;
    const placed = courseLabels(ctx, width);
    scale = width / course.WIDTH;
    ui = Math.min(2.2, Math.max(1, 0.8 / scale));
    ctx.scale(scale, height / course.HEIGHT);
    ctx.clearRect(0, 0, course.WIDTH, course.HEIGHT);
    ctx.fillStyle = colours.land;
    ctx.fillRect(0, 0, course.WIDTH, course.HEIGHT);
    drawWater(ctx, colours);
    drawRacingLine(ctx, colours);
    drawLabels(ctx, colours, placed);
    return ctx;
  }

  // ------------------------------------------------------------------ the training charts
  // The boat race page's two charts and runs table, shared with its generated print figure
  // (scripts/static_figures.js), so the figure shows what the page shows.
  /** Episodes in each chart point: one episode's score is mostly the luck of its exploration. */
  const SMOOTHING_WINDOW = 20;

  /** Each episode's value of `key` times `scale`, averaged over the last SMOOTHING_WINDOW: a running sum, one pass however long the run. */
  function movingAverage(history, key, scale) {
    const points = [];
    let sum = 0;
    for (let i = 0; i < history.length; i += 1) {
      sum += history[i][key];
      if (i >= SMOOTHING_WINDOW) sum -= history[i - SMOOTHING_WINDOW][key];
      const count = Math.min(i + 1, SMOOTHING_WINDOW);
      points.push({ x: i + 1, y: (sum / count) * scale });
    }
    return points;
  }

  /** The style of the `index`th run (0, 1, 0, …): each run keeps one colour, dash and marker in both charts and on the course. */
  function runStyle(colours, index) {
    return [
      { colour: colours.runs[0], dash: [], marker: "circle", width: 2.5 },
      { colour: colours.runs[1], dash: [7, 5], marker: "square", width: 2.5 },
    ][index % 2];
  }

  /** One chart line per run ({label, style, history}), of `key` times `scale`: both charts draw the same runs. */
  function runSeries(runs, key, scale) {
    return runs.map((run) => ({ label: run.label, ...run.style, markerEvery: 50, points: movingAverage(run.history, key, scale) }));
  }

  /**
   * The score chart's spec for drawLineChart: every run measured by the game's own score
   * (runSeries(runs, "gameScore", 1)), whatever it was paid, on one scale, its axis a tenth above
   * the best average (a chart of each run in its own reward, 830 against 170, read as "paying for
   * progress scored worse", a reader review). The page and its print figure both draw it.
   */
  function scoreChart(series, episodes, message) {
    const format = demos.page.formatNumber; // looked up when drawing: demo-page.js may load after this file
    const maxScore = Math.max(10, ...series.flatMap((s) => s.points.map((p) => p.y)));
    return {
      x: { min: 0, max: episodes, label: "Training episode" },
      y: {
        min: 0, max: maxScore * 1.1, label: "Game score (20-episode average)",
        short: ["Game score (average of 20)", "Game score"], format: (v) => format(v, Number.isInteger(v) ? 0 : 1),
      },
      series, message,
    };
  }

  /** The progress chart's spec for drawLineChart: what we wanted, the share of the race completed. */
  function progressChart(series, episodes, message) {
    return {
      x: { min: 0, max: episodes, label: "Training episode" },
      y: { min: 0, max: 100, label: "Race completed (%)", format: (v) => `${v}%` },
      series, message,
    };
  }

  /** What a learned policy does, in a few words: the runs table's Behaviour column and, naming the lap (no table around it), the figure's legend. */
  function behaviour(rollout, { lap = false } = {}) {
    if (rollout.finished) return `Finishes ${lap ? "the lap " : ""}in ${rollout.steps} moves`;
    if (rollout.policyLoops) return rollout.loopInLagoon ? "Circles the lagoon, never finishes" : "Loops, never finishes";
    return "Does not finish";
  }

  demos.boatCourse = {
    drawBase, drawCheckpoints, drawTargets, drawTrail, drawBoat, drawRace, cellPoint, interpolateAngle, courseLabels, MIN_TEXT_PX,
    SMOOTHING_WINDOW, movingAverage, runStyle, runSeries, scoreChart, progressChart, behaviour,
  };
})(typeof self !== "undefined" ? self : this);
