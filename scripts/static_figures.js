#!/usr/bin/env node
/**
 * Writes the static figures (SVG) that stand for the live figures in print, in the PDF and
 * without JavaScript, by running the same simulations and the same drawing code as the live
 * versions on a small canvas stand-in that records SVG instead of pixels. So the printed figure
 * always shows what the live one computes, in the same style (light scheme).
 *
 *   node scripts/static_figures.js           write docs/assets/figures/live-*.svg, demo-*.svg
 *   node scripts/static_figures.js --check   exit 1 (naming each file) if any is out of date
 *
 * tests/js/static-figures.test.js runs the check, so a change to a simulation or to a drawing
 * fails the tests until the figures are regenerated.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const DEMOS = path.join(ROOT, "docs", "assets", "javascripts", "demos");
const FIGURES = path.join(ROOT, "docs", "assets", "figures");
const DEMOS_CSS = path.join(ROOT, "docs", "assets", "stylesheets", "demos.css");
const FONT_FAMILY = "Inter, 'Helvetica Neue', Arial, sans-serif";

// ------------------------------------------------------------------ load the browser modules
/** The simulations are CommonJS under Node; the drawing modules attach to `self` as in a page. */
function loadDemos() {
  globalThis.self = globalThis;
  const demos = (globalThis.AlignmentDemos = {});
  demos.random = require(path.join(DEMOS, "random.js"));
  demos.goodhartSim = require(path.join(DEMOS, "goodhart-sim.js"));
  demos.boatRaceSim = require(path.join(DEMOS, "boat-race-sim.js"));
  demos.klLeashSim = require(path.join(DEMOS, "kl-leash-sim.js"));
  demos.coinLevelSim = require(path.join(DEMOS, "coin-level-sim.js"));
  demos.chartLabels = require(path.join(DEMOS, "chart-labels.js"));
  for (const file of ["demo-page.js", "line-chart.js", "goodhart-draw.js", "kl-leash-draw.js", "coin-level-draw.js", "boat-course-draw.js"]) {
    require(path.join(DEMOS, file));
  }
  return demos;
}

/** The light scheme's colours: the --demo-* values of demos.css's first block, and Material's. */
function lightColours() {
  const css = fs.readFileSync(DEMOS_CSS, "utf8");
  const block = css.slice(css.indexOf(":root"), css.indexOf("}", css.indexOf(":root")));
  const vars = {};
  for (const match of block.matchAll(/--demo-([a-z0-9-]+):\s*([^;]+);/g)) vars[match[1]] = match[2].trim();
  const need = (name) => {
    if (!vars[name]) throw new Error(`${DEMOS_CSS}: no --demo-${name} in the :root block`);
    return vars[name];
  };
  return {
    fg: "rgba(0,0,0,0.87)", fgLight: "rgba(0,0,0,0.54)", fgLighter: "rgba(0,0,0,0.32)", fgLightest: "rgba(0,0,0,0.07)",
    bg: "#ffffff", muted: need("muted"), proxy: need("proxy"), proxyText: need("proxy-text"), truth: need("true"), runs: [need("run-1"), need("run-2")],
    water: need("water"), waterEdge: need("water-edge"), land: need("land"), target: need("target"),
    targetEdge: need("target-edge"), boat: need("boat"), boatEdge: need("boat-edge"), checkpoint: need("checkpoint"),
    sky: need("sky"), ground: need("ground"), coin: need("coin"), coinEdge: need("coin-edge"), font: FONT_FAMILY,
  };
}

// ------------------------------------------------------------------ a canvas that writes SVG
const num = (v) => String(Math.round(v * 100) / 100);
const escapeXml = (text) => String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function multiply(m, n) {
  return [
    m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/**
 * The part of CanvasRenderingContext2D the demos' drawing code uses, recorded as SVG elements.
 * Paths are flattened into device coordinates (arcs as short segments), so any transform works.
 */
class SvgContext {
  constructor() {
    this.out = [];
    this.defs = [];
    this.state = this.defaultState();
    this.stack = [];
    this.path = [];
    this.clipCount = 0;
  }

  defaultState() {
    return {
      matrix: [1, 0, 0, 1, 0, 0], fillStyle: "#000", strokeStyle: "#000", lineWidth: 1, lineJoin: "miter",
      lineCap: "butt", font: `10px ${FONT_FAMILY}`, textAlign: "start", textBaseline: "alphabetic",
      globalAlpha: 1, dash: [], openGroups: 0,
    };
  }

  // State and transforms.
  save() { this.stack.push({ ...this.state, dash: [...this.state.dash], openGroups: 0 }); }
  restore() {
    for (let i = 0; i < this.state.openGroups; i += 1) this.out.push("</g>");
    if (this.stack.length) this.state = this.stack.pop();
  }
  setTransform(a, b, c, d, e, f) { this.state.matrix = [a, b, c, d, e, f]; }
  transform(a, b, c, d, e, f) { this.state.matrix = multiply(this.state.matrix, [a, b, c, d, e, f]); }
  translate(x, y) { this.transform(1, 0, 0, 1, x, y); }
  scale(x, y) { this.transform(x, 0, 0, y, 0, 0); }
  rotate(angle) { this.transform(Math.cos(angle), Math.sin(angle), -Math.sin(angle), Math.cos(angle), 0, 0); }
  setLineDash(dash) { this.state.dash = [...dash]; }
  get scaleFactor() { const m = this.state.matrix; return Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2])); }
  point(x, y) { const m = this.state.matrix; return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]; }

  // Paths.
  beginPath() { this.path = []; }
  moveTo(x, y) { this.path.push(["M", ...this.point(x, y)]); this.last = [x, y]; this.first = [x, y]; }
  lineTo(x, y) {
    if (!this.path.length) { this.moveTo(x, y); return; }
    this.path.push(["L", ...this.point(x, y)]);
    this.last = [x, y];
  }
  closePath() { this.path.push(["Z"]); if (this.first) this.last = [...this.first]; }
  quadraticCurveTo(cx, cy, x, y) {
    const [x0, y0] = this.last;
    for (let i = 1; i <= 12; i += 1) {
      const t = i / 12;
      const u = 1 - t;
      this.lineTo(u * u * x0 + 2 * u * t * cx + t * t * x, u * u * y0 + 2 * u * t * cy + t * t * y);
    }
  }
  arc(x, y, r, start, end, anticlockwise) {
    let sweep = end - start;
    if (!anticlockwise && sweep < 0) sweep += 2 * Math.PI * Math.ceil(-sweep / (2 * Math.PI));
    if (anticlockwise && sweep > 0) sweep -= 2 * Math.PI * Math.ceil(sweep / (2 * Math.PI));
    if (Math.abs(end - start) >= 2 * Math.PI) sweep = anticlockwise ? -2 * Math.PI : 2 * Math.PI;
    const steps = Math.max(8, Math.ceil((Math.abs(sweep) * r * this.scaleFactor) / 3));
    for (let i = 0; i <= steps; i += 1) {
      const a = start + (sweep * i) / steps;
      const px = x + r * Math.cos(a);
      const py = y + r * Math.sin(a);
      if (i === 0 && !this.path.length) this.moveTo(px, py);
      else this.lineTo(px, py);
    }
  }
  rect(x, y, w, h) { this.moveTo(x, y); this.lineTo(x + w, y); this.lineTo(x + w, y + h); this.lineTo(x, y + h); this.closePath(); }
  roundRect(x, y, w, h, r) {
    const k = Math.min(r, w / 2, h / 2);
    this.moveTo(x + k, y);
    this.arc(x + w - k, y + k, k, -Math.PI / 2, 0);
    this.arc(x + w - k, y + h - k, k, 0, Math.PI / 2);
    this.arc(x + k, y + h - k, k, Math.PI / 2, Math.PI);
    this.arc(x + k, y + k, k, Math.PI, 1.5 * Math.PI);
    this.closePath();
  }
  pathData() {
    return this.path.map(([op, x, y]) => (op === "Z" ? "Z" : `${op}${num(x)} ${num(y)}`)).join("");
  }
  alpha() { return this.state.globalAlpha < 1 ? ` opacity="${num(this.state.globalAlpha)}"` : ""; }
  fill() {
    if (this.path.length) this.out.push(`<path d="${this.pathData()}" fill="${this.state.fillStyle}"${this.alpha()}/>`);
  }
  stroke() {
    if (!this.path.length || !(this.state.lineWidth > 0)) return;
    const s = this.state;
    const k = this.scaleFactor;
    const dash = s.dash.length ? ` stroke-dasharray="${s.dash.map((d) => num(d * k)).join(" ")}"` : "";
    const join = s.lineJoin !== "miter" ? ` stroke-linejoin="${s.lineJoin}"` : "";
    const cap = s.lineCap !== "butt" ? ` stroke-linecap="${s.lineCap}"` : "";
    this.out.push(`<path d="${this.pathData()}" fill="none" stroke="${s.strokeStyle}" stroke-width="${num(s.lineWidth * k)}"${dash}${join}${cap}${this.alpha()}/>`);
  }
  clip() {
    this.clipCount += 1;
    this.defs.push(`<clipPath id="clip${this.clipCount}"><path d="${this.pathData()}"/></clipPath>`);
    this.out.push(`<g clip-path="url(#clip${this.clipCount})">`);
    this.state.openGroups += 1;
  }
  fillRect(x, y, w, h) {
    const saved = this.path;
    this.beginPath();
    this.rect(x, y, w, h);
    this.fill();
    this.path = saved;
  }
  clearRect() {} // an SVG starts empty

  // Text.
  fontParts() {
    const match = /^(?:(\d{3}|bold|normal)\s+)?([\d.]+)px\s+(.*)$/.exec(this.state.font.trim());
    if (!match) throw new Error(`cannot read the canvas font "${this.state.font}"`);
    return { weight: match[1] || "400", size: Number(match[2]) };
  }
  measureText(text) {
    // Inter's average advance is a little over half an em; good enough to lay out legends.
    return { width: String(text).length * this.fontParts().size * 0.56 };
  }
  fillText(text, x, y) {
    const { weight, size } = this.fontParts();
    const shift = { middle: 0.35, top: 0.8, hanging: 0.8, bottom: -0.22, ideographic: -0.22 }[this.state.textBaseline] || 0;
    const anchor = { center: "middle", right: "end", end: "end" }[this.state.textAlign] || "start";
    const m = this.state.matrix;
    const angle = (Math.atan2(m[1], m[0]) * 180) / Math.PI;
    const [px, py] = this.point(x, y + shift * size);
    const rotate = Math.abs(angle) > 0.01 ? ` transform="rotate(${num(angle)} ${num(px)} ${num(py)})"` : "";
    const bold = weight !== "400" && weight !== "normal" ? ` font-weight="${weight === "bold" ? 700 : weight}"` : "";
    this.out.push(`<text x="${num(px)}" y="${num(py)}" font-size="${num(size * this.scaleFactor)}"${bold} fill="${this.state.fillStyle}" text-anchor="${anchor}"${rotate}${this.alpha()}>${escapeXml(text)}</text>`);
  }
}

// Accessors so drawing code can assign canvas properties.
for (const key of ["fillStyle", "strokeStyle", "lineWidth", "lineJoin", "lineCap", "font", "textAlign", "textBaseline", "globalAlpha"]) {
  Object.defineProperty(SvgContext.prototype, key, {
    get() { return this.state[key]; },
    set(value) { this.state[key] = value; },
  });
}

/**
 * Draw `parts` ([{x, y, width, height, draw(prepared)}]) into one SVG document. Returns the SVG
 * and the drawings whose draw() reported their texts and obstacles (line-chart.js's form), with
 * their size, for tests/js/chart-labels.test.js.
 */
function svgDocument({ width, height, title, desc }, parts) {
  const ctx = new SvgContext();
  const drawings = [];
  for (const part of parts) {
    ctx.save();
    ctx.translate(part.x, part.y);
    const drawn = part.draw({ ctx, width: part.width, height: part.height });
    // in its own units where it reports them (a course: the course's), else the part's pixels
    if (drawn && drawn.texts) drawings.push({ width: part.width, height: part.height, ...drawn });
    ctx.restore();
  }
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="t d" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<title id="t">${escapeXml(title)}</title>`,
    `<desc id="d">${escapeXml(desc)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ctx.defs.length ? `<defs>${ctx.defs.join("")}</defs>` : "",
    ...ctx.out,
    "</svg>",
    "",
  ].filter(Boolean).join("\n");
  return { svg, drawings };
}

/** A line of text as a part. */
function label(text, x, y, { size = 14, weight = "600", colour = "rgba(0,0,0,0.87)", align = "left" } = {}) {
  return {
    x, y, width: 0, height: 0,
    draw({ ctx }) {
      ctx.font = `${weight} ${size}px ${FONT_FAMILY}`;
      ctx.fillStyle = colour;
      ctx.textAlign = align;
      ctx.textBaseline = "alphabetic";
      ctx.fillText(text, 0, 0);
    },
  };
}

// ------------------------------------------------------------------------------ the figures
/**
 * The boat race's two runs as the live demo trains them (seed 2016, the game's score, then pay
 * for progress), each trainer fresh: its greedy rollout breaks ties with the trainer's own random
 * numbers, so a rollout made before another would change it.
 */
function trainBoats(sim) {
  return [sim.DEFAULT_REWARD, sim.PROGRESS_REWARD].map((reward) => {
    const trainer = sim.createTrainer({ seed: 2016, reward });
    while (!trainer.done) trainer.trainEpisodes(100);
    return trainer;
  });
}

/** A legend line as a part: a run's marker (circle or square) in its colour, then what the run did. */
function legendEntry(text, x, y, { marker, colour, textColour = colour, weight = "400" }) {
  return {
    x, y, width: 0, height: 0,
    draw({ ctx }) {
      ctx.fillStyle = colour;
      ctx.beginPath();
      if (marker === "circle") ctx.arc(6, -5, 6, 0, 2 * Math.PI);
      else ctx.rect(0, -11, 12, 12);
      ctx.fill();
      ctx.font = `${weight} 14px ${FONT_FAMILY}`;
      ctx.fillStyle = textColour;
      ctx.textAlign = "left";
      ctx.textBaseline = "alphabetic";
      ctx.fillText(text, 20, 0);
    },
  };
}

/**
 * The boat race page's result (demos/boat-race.md, #boat-race-demo): the two trained runs of the
 * live demo, each on its own course above, and the page's two charts below, one line per run.
 * Drawn 720 wide like the other generated figures, so that at the size the book prints it
 * (about 166 mm) its smallest words, 11-13 px, print at 7-8.5 pt.
 */
function boatRaceResult(demos, colours, trainers) {
  const sim = demos.boatRaceSim;
  const draw = demos.boatCourse;
  const fmt = demos.page.formatNumber;
  const runs = [
    { label: "Paid for targets", title: "Paid for targets (the game’s score)", reward: sim.DEFAULT_REWARD },
    { label: "Paid for progress", title: "Paid for progress", reward: sim.PROGRESS_REWARD },
  ].map((run, i) => ({ ...run, style: draw.runStyle(colours, i), history: trainers[i].history, rollout: trainers[i].greedyRollout() }));
  const rewardText = (r) => [
    r.targetPoints && `${r.targetPoints} per target`, r.checkpointReward && `${r.checkpointReward} per checkpoint`,
    r.finishBonus && `${r.finishBonus} for finishing`,
  ].filter(Boolean).join(", ");
  const column = 364;
  const courseWidth = 356;
  const courseHeight = Math.round((courseWidth * sim.course.HEIGHT) / sim.course.WIDTH);
  const courseTop = 50;
  const chartTop = courseTop + courseHeight + 62;
  const chartHeight = 190;
  const episodes = sim.DEFAULT_TRAINING.episodes;
  // Both runs by the game's score, as the live page draws them: each in its own reward (830
  // against 170) read as "paying for progress scored worse" (a reader review).
  const scores = draw.runSeries(runs, "gameScore", 1);
  const progress = draw.runSeries(runs, "progress", 100);
  const charts = [
    { title: "Game score per episode, both runs", spec: draw.scoreChart(scores, episodes, null) },
    { title: "Race progress per episode: what we wanted", spec: draw.progressChart(progress, episodes, null) },
  ];
  // A run's last charted point: its average over the last episodes, as the chart ends.
  const final = (series, i) => series[i].points[series[i].points.length - 1].y;
  const [looper, racer] = runs;
  return svgDocument({
    width: 720, height: chartTop + chartHeight,
    title: "The boat race: the same learner under two rewards",
    desc: `Two runs of the boat race demo, seed 2016, ${episodes} training episodes each. Paid by the game score (${rewardText(looper.reward)}), the learned policy ${looper.rollout.finished ? `finishes in ${looper.rollout.steps} moves` : "turns into the lagoon and circles the respawning targets, never finishing"}: its score per episode climbs to about ${fmt(Math.round(final(scores, 0) / 10) * 10)} while its race progress falls to ${Math.round(final(progress, 0))}%. Paid for progress (${rewardText(racer.reward)}), the same learner ${racer.rollout.finished ? `finishes the lap in ${racer.rollout.steps} moves` : "does not finish"}, and its race progress rises to ${Math.round(final(progress, 1))}%, while by the game's score it makes about ${fmt(Math.round(final(scores, 1) / 10) * 10)} an episode.`,
  }, [
    ...runs.flatMap((run, i) => [
      label(run.title, 8 + i * column, 18, { size: 15 }),
      label(`Reward: ${rewardText(run.reward)}`, 8 + i * column, 38, { size: 13, weight: "400", colour: colours.muted }),
      {
        x: i * column, y: courseTop, width: courseWidth, height: courseHeight,
        draw(prepared) {
          const ctx = draw.drawBase(prepared, colours);
          const trail = run.rollout.trail;
          const end = draw.cellPoint(trail[trail.length - 1]);
          draw.drawRace(ctx, colours, {
            passed: Math.round(run.rollout.progress * sim.course.CHECKPOINTS.length), ready: null,
            runs: [{ colour: run.style.colour, points: trail.map((p) => draw.cellPoint(p)), alpha: 0.85, boat: { ...end, colour: run.style.colour } }],
          });
          return draw.courseLabels(prepared.ctx, prepared.width);
        },
      },
      legendEntry(draw.behaviour(run.rollout, { lap: true }), 8 + i * column, courseTop + courseHeight + 22, { ...run.style, weight: "600" }),
    ]),
    ...charts.flatMap((chart, i) => [
      label(chart.title, 8 + i * column, chartTop - 8, { size: 14 }),
      {
        x: i * column, y: chartTop, width: courseWidth, height: chartHeight,
        draw(prepared) { return demos.lineChart.drawLineChart(prepared.ctx, prepared.width, prepared.height, colours, chart.spec); },
      },
    ]),
  ]);
}

// ------------------------------------------------------------------------ the previews
/**
 * The demos' previews (Home's "Try it yourself" cards and the demos index): one picture each,
 * drawn by the same code from the same simulations as the figures, 16:9 so the cards show them
 * whole, with few words, none under THUMB.minText units (12.8 px where a card draws it 356 px
 * wide). The drawing is done at a small size and enlarged by THUMB.zoom, as a phone would draw
 * it: the drawing code's smallest text (11 CSS px) comes out at 26.4 units.
 */
const THUMB = { width: 720, height: 405, minText: 26, zoom: 2.4 };

/** A part drawn at 1/zoom of its size (its drawing's own units), then enlarged. */
function zoomed(x, y, width, height, draw, zoom = THUMB.zoom) {
  return {
    x, y, width: width / zoom, height: height / zoom,
    draw(prepared) {
      prepared.ctx.scale(zoom, zoom);
      return draw(prepared);
    },
  };
}

/**
 * The two learned routes of #live-boat-loop (seed 2016; the learner paid the game's score, for
 * its targets, and the one paid for progress), their first MOVES moves, scored by the game's
 * score; drawCourse(prepared) draws them on the course as that figure does.
 */
function boatLoop(demos, colours) {
  const sim = demos.boatRaceSim;
  const draw = demos.boatCourse;
  const MOVES = 120;
  const agents = trainBoats(sim).map((trainer) => trainer.greedyRollout(sim.DEFAULT_REWARD));
  const at = (rollout) => rollout.trail[Math.min(MOVES, rollout.trail.length - 1)];
  const [looper, racer] = agents;
  const gates = sim.course.CHECKPOINTS.length;
  return {
    MOVES, agents, looper, racer, ends: agents.map(at),
    drawCourse(prepared) {
      const ctx = draw.drawBase(prepared, colours);
      draw.drawRace(ctx, colours, {
        passed: Math.round(at(racer).progress * gates), ready: null,
        runs: agents.map((rollout, i) => {
          const trail = rollout.trail.slice(0, MOVES + 1);
          const end = draw.cellPoint(trail[trail.length - 1]);
          return { colour: colours.runs[i], points: trail.map((p) => draw.cellPoint(p)), alpha: 0.85, boat: { ...end, colour: colours.runs[i] } };
        }),
      });
      return draw.courseLabels(prepared.ctx, prepared.width);
    },
  };
}

/** What a learned route does, in the few words a preview has room for. */
function routeOutcome(rollout) {
  if (rollout.finished) return "finishes the lap";
  if (rollout.policyLoops) return rollout.loopInLagoon ? "circles the lagoon" : "loops, never finishes";
  return "does not finish";
}

/** The boat race's preview: the course with the two learned routes, and a line naming each. */
function boatRaceThumb(demos, colours, loop) {
  const sim = demos.boatRaceSim;
  const draw = demos.boatCourse;
  const fmt = demos.page.formatNumber;
  const { looper, racer, MOVES } = loop;
  const courseWidth = 542;
  const courseHeight = (courseWidth * sim.course.HEIGHT) / sim.course.WIDTH;
  const left = (THUMB.width - courseWidth) / 2;
  const top = 4;
  const textScale = THUMB.minText / 14; // legendEntry writes 14 px
  const lines = [`Paid for targets: ${routeOutcome(looper)}`, `Paid for progress: ${routeOutcome(racer)}`];
  const [end] = loop.ends;
  return svgDocument({
    width: THUMB.width, height: THUMB.height,
    title: "The boat race: the route learned for points, and the route learned for progress",
    desc: `The boat race demo's course with the two routes its learner takes (seed 2016). Paid for targets (the game's score), it ${routeOutcome(looper)}${looper.finished ? "" : ` and never finishes: game score ${fmt(end.score)}, checkpoints ${sim.checkpointsPassed(end.progress)} after ${MOVES} moves`}. Paid for progress, it ${racer.finished ? `finishes the lap in ${racer.steps} moves` : routeOutcome(racer)}.`,
  }, [
    // the land runs to both edges, so the course sits in a scene rather than a letterbox (in the
    // dark scheme a land panel narrower than the card looked unfinished)
    {
      x: 0, y: 0, width: THUMB.width, height: top + courseHeight,
      draw({ ctx, width, height }) { ctx.fillStyle = colours.land; ctx.fillRect(0, 0, width, height); },
    },
    zoomed(left, top, courseWidth, courseHeight, loop.drawCourse),
    ...lines.map((text, i) => {
      const entry = legendEntry(text, 0, 0, { ...draw.runStyle(colours, i), textColour: colours.fg, weight: "600" });
      return {
        x: left, y: top + courseHeight + 36 * (i + 1), width: 0, height: 0,
        draw(prepared) { prepared.ctx.scale(textScale, textScale); entry.draw(prepared); },
      };
    }),
  ]);
}

/**
 * The Goodhart explorer's preview: best of N with heavy-tailed error, the chart alone. Its value
 * scale reaches three times the true value's peak, not the explorer's (which also fits the light
 * tails' proxy), so that the peak and the fall, small beside the proxy, show at a card's size.
 */
function goodhartThumb(demos, colours, heavy, shared) {
  const gsim = demos.goodhartSim;
  const fmt = demos.page.formatNumber;
  const range = { min: shared.min, max: Math.ceil(heavy.peak.meanTrue * 3) };
  return svgDocument({
    width: THUMB.width, height: THUMB.height,
    title: "Best of N with heavy-tailed error: the proxy score climbs, the true value peaks and falls",
    desc: `The Goodhart explorer's heavy-tailed case: the best of N candidates by a proxy score, N from 1 to 10,000 on a log scale. The winner's proxy score climbs${heavy.last.medianProxy > range.max ? " off the chart" : ""} to ${fmt(heavy.last.medianProxy)}, while its true value peaks at ${heavy.peak.meanTrue.toFixed(2)} at N = ${fmt(heavy.peak.n)} and falls back to ${heavy.last.meanTrue.toFixed(2)}. Mean of 200 trials, seed 1975.`,
  }, [
    zoomed(0, 0, THUMB.width, THUMB.height, (prepared) =>
      demos.goodhartDraw.drawSelection(prepared, colours, heavy, gsim.MAX_N, { range, compact: true, marker: false }).chart,
    THUMB.minText / 13), // line-chart.js writes 13 px
  ]);
}

function figures(demos, colours) {
  const fmt = demos.page.formatNumber;
  const out = {};

  // The boat race in miniature (specification-gaming.md, #live-boat-loop), and the demo's preview.
  const sim = demos.boatRaceSim;
  const draw = demos.boatCourse;
  const loop = boatLoop(demos, colours);
  {
    const { racer, MOVES } = loop;
    const [lastLooper, lastRacer] = loop.ends;
    const results = [
      `Paid for targets: game score ${fmt(lastLooper.score)} · checkpoints ${sim.checkpointsPassed(lastLooper.progress)} after ${MOVES} moves`,
      racer.finished ? `Paid for progress: game score ${fmt(lastRacer.score)} · finished the lap at move ${racer.steps}` : "Paid for progress: did not finish",
    ];
    const width = 720;
    const courseHeight = Math.round((width * sim.course.HEIGHT) / sim.course.WIDTH);
    out["live-boat-loop.svg"] = svgDocument({
      width, height: courseHeight + 70,
      title: "The boat race in miniature: one learner, paid two ways",
      desc: `The course of the boat race demo with two learned routes, both scored by the game's score. ${results.join(". ")}.`,
    }, [
      { x: 0, y: 0, width, height: courseHeight, draw: loop.drawCourse },
      ...results.map((text, i) => legendEntry(text, 12, courseHeight + 26 + i * 24, { ...draw.runStyle(colours, i), textColour: colours.fg })),
    ]);
  }
  out["demo-boat-race-thumb.svg"] = boatRaceThumb(demos, colours, loop);

  out["demo-boat-race.svg"] = boatRaceResult(demos, colours, trainBoats(sim));

  // Best of N, light and heavy tails (goodhart.md, #live-goodhart-tails), and the explorer's still.
  const gsim = demos.goodhartSim;
  const curves = ["gaussian", "t2"].map((distribution) => gsim.bestOfNCurve({ distribution, seed: 1975, trials: 200 }));
  const range = demos.goodhartDraw.sharedRange(curves);
  // Named as the live figure and the explorer name them (goodhart-draw.js), light tails first.
  const tailTitles = ["gaussian", "t2"].map((distribution) => demos.goodhartDraw.kindTitle(distribution));
  // `proxyDigits`: the explorer's still writes the proxy off the scale with one decimal, as its live
  // chart does (goodhart-draw.js); the chapter's figure with none.
  const tailPanels = (top, proxyDigits = 0) => curves.flatMap((curve, i) => [
    label(tailTitles[i], 8 + i * 364, top + 16, { size: 14 }),
    {
      x: i * 364, y: top + 24, width: 356, height: 290,
      draw(prepared) { return demos.goodhartDraw.drawSelection(prepared, colours, curve, gsim.MAX_N, { range, compact: true, marker: false, proxyDigits }).chart; },
    },
  ]);
  const heavy = curves[1];
  const tailsDescribed = (digits) => `Best of N by a proxy score, N from 1 to 10,000 on a log scale. ${tailTitles[0]}: the winner's true value rises to ${curves[0].last.meanTrue.toFixed(2)} at N = 10,000 while its proxy score reaches ${curves[0].last.medianProxy.toFixed(1)}. ${tailTitles[1]}: the true value peaks at ${heavy.peak.meanTrue.toFixed(2)} at N = ${fmt(heavy.peak.n)} and falls back to ${heavy.last.meanTrue.toFixed(2)}, while the proxy score climbs to ${fmt(heavy.last.medianProxy, digits)}. Mean of 200 trials, seed 1975.`;
  const tailsDesc = tailsDescribed(0);
  out["live-goodhart-tails.svg"] = svgDocument({
    width: 720, height: 320, title: "Best of N by a proxy score, with light- and heavy-tailed error", desc: tailsDesc,
  }, tailPanels(0));
  out["demo-goodhart-thumb.svg"] = goodhartThumb(demos, colours, heavy, range);

  // The explorer's still: its opening state, the two selection charts (whole, as printed) and,
  // under them, one draw of the opening N's candidates for each kind of error, as the live page
  // shows them under its slider.
  const OPENING_N = 100;
  const oneDraws = ["gaussian", "t2"].map((distribution) => gsim.oneDraw({ distribution, seed: 1975 }));
  const drawRange = demos.goodhartDraw.drawRange(oneDraws[0], oneDraws[1]);
  const winners = oneDraws.map((d) => d.winner(OPENING_N));
  const winnerText = (w) => `true value ${w.value.toFixed(2)}, score ${w.score.toFixed(2)}`;
  out["demo-goodhart.svg"] = svgDocument({
    width: 720, height: 640, title: "The Goodhart explorer: best of N, and one draw up close",
    desc: `${tailsDescribed(1)} Below, one draw of ${OPENING_N} candidates for each, each candidate's score against its true value, the winner being the highest score. ${tailTitles[0]}: the winner has ${winnerText(winners[0])}. ${tailTitles[1]}: the winner has ${winnerText(winners[1])}, its score mostly error.`,
  }, [
    ...tailPanels(0, 1),
    label(`One draw of ${OPENING_N} candidates: which one wins`, 8, 348, { size: 14 }),
    ...oneDraws.flatMap((one, i) => [
      label(tailTitles[i], 8 + i * 364, 372, { size: 13, weight: "400" }),
      {
        x: i * 364, y: 380, width: 356, height: 260,
        draw(prepared) {
          const beside = oneDraws.filter((other) => other !== one); // their winners worded alike, as live
          return demos.goodhartDraw.drawOneDraw(prepared, colours, one, OPENING_N, { range: drawRange, compact: true, beside }).chart;
        },
      },
    ]),
  ]);

  // The KL leash (rlhf.md, #live-kl-leash).
  {
    const lsim = demos.klLeashSim;
    const small = lsim.peak(lsim.REWARD_MODELS.small);
    const large = lsim.peak(lsim.REWARD_MODELS.large);
    out["live-kl-leash.svg"] = svgDocument({
      width: 720, height: 400, title: "The KL leash: a simulation of the shape Gao, Schulman and Hilton fitted",
      desc: `Reward against how far training pulled the model, d = √KL, from 0 to ${lsim.MAX_D}. The reward model's score rises across the whole chart. The true reward, d(a − b log d) with illustrative constants, peaks at d = ${small.d.toFixed(1)} and then falls below zero; for a larger reward model it peaks later, at d = ${large.d.toFixed(1)}, and higher, and also falls.`,
    }, [{
      x: 0, y: 0, width: 720, height: 400,
      draw(prepared) { return demos.klLeashDraw.drawLeash(prepared, colours, { model: "small", d: null, compare: true }).chart; },
    }]);
  }

  // The coin moved (core-difficulties.md, #live-coin-moved).
  {
    const csim = demos.coinLevelSim;
    const coin = { x: 7, y: 2 };
    const runs = ["fixed", "varied"].map((regime) => csim.play(csim.train({ regime }), coin));
    const [fixed, varied] = runs;
    const titles = [
      `Trained with the coin always at the right end: ${fixed.gotCoin ? `takes the coin in ${fixed.moves} moves` : fixed.endsAtRightEnd ? "runs under the coin to the right end" : "misses the coin"}`,
      `Trained with the coin elsewhere in 1 level in 10: ${varied.gotCoin ? `jumps up and takes the coin in ${varied.moves} moves` : "misses the coin"}`,
    ];
    const levelHeight = 238;
    out["live-coin-moved.svg"] = svgDocument({
      width: 720, height: 2 * (levelHeight + 30),
      title: "A toy CoinRun: the coin moved to the middle, two rows up",
      desc: `${titles[0]}. ${titles[1]}.`,
    }, runs.flatMap((run, i) => [
      label(titles[i], 8, i * (levelHeight + 30) + 18, { size: 14 }),
      {
        x: 0, y: i * (levelHeight + 30) + 26, width: 720, height: levelHeight,
        draw(prepared) { return demos.coinLevelDraw.drawLevel(prepared, colours, coin, run); },
      },
    ]));
  }
  return out;
}

function main(argv) {
  const check = argv.includes("--check");
  const built = figures(loadDemos(), lightColours());
  const stale = [];
  for (const [name, { svg }] of Object.entries(built)) {
    const file = path.join(FIGURES, name);
    const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
    if (current === svg) continue;
    if (check) stale.push(path.relative(ROOT, file));
    else {
      fs.writeFileSync(file, svg);
      console.log(`wrote ${path.relative(ROOT, file)}`);
    }
  }
  if (stale.length) {
    console.error(`out of date (run: node scripts/static_figures.js): ${stale.join(", ")}`);
    return 1;
  }
  return 0;
}

module.exports = { figures, loadDemos, lightColours, SvgContext };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
