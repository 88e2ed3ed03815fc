// Label placement (docs/assets/javascripts/demos/chart-labels.js) and what it gives the live
// figures: no text over the data or over other text, none clipped, none under 11 px, at a phone's
// width and a desktop's, for every position of the figures' sliders; and the printed figures.
// Text is measured by the SVG canvas stand-in of scripts/static_figures.js (a fixed advance per
// character); tests/test_live_figures_browser.py repeats the check with Chromium's own metrics.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const labels = require("../../docs/assets/javascripts/demos/chart-labels.js");
const { labelProblems, leaderProblems } = require("./support/label-check.js");
const { figures, loadDemos, lightColours, SvgContext } = require("../../scripts/static_figures.js");

const demos = loadDemos();
const colours = lightColours();
const FONT = "13px Inter";

/** The canvases' displayed sizes (CSS px) in Chromium at 390x844 and 1440x900. */
// ... and as a 320 px phone draws them (the chapters' figures in a 254 px panel, square there: a
// later review found the y titles of flatter charts running into the x titles).
const SIZES = {
  tails: [[324, 216], [317, 238], [254, 254]],
  leash: [[324, 243], [654, 308], [254, 254]],
  explorerSelection: [[358, 239], [334, 250], [288, 192]],
  course: [324, 358, 654, 720, 254, 288],
  coin: [[324, 112], [654, 227], [254, 88]],
  raceCharts: [[358, 233], [334, 217], [288, 216]],
};

function draw(width, height, fn) {
  const ctx = new SvgContext();
  const result = fn({ ctx, width, height });
  return { width, height, ...result };
}

const placedTexts = (chart, kind) => chart.texts.filter((t) => t.kind === kind).map((t) => t.text);

// --------------------------------------------------------------------------- the geometry
test("a segment hits a box when it crosses, touches or lies inside it, and not otherwise", () => {
  const box = { x: 10, y: 10, w: 20, h: 10 };
  assert.ok(labels.segmentHitsBox(0, 15, 40, 15, box), "straight through");
  assert.ok(labels.segmentHitsBox(12, 12, 14, 14, box), "inside");
  assert.ok(labels.segmentHitsBox(0, 0, 20, 40, box), "diagonal through a corner region");
  assert.ok(!labels.segmentHitsBox(0, 0, 40, 5, box), "above");
  assert.ok(!labels.segmentHitsBox(0, 30, 5, 0, box), "left, crossing the box's row but not the box");
  assert.ok(!labels.segmentHitsBox(31, 0, 31, 40, box), "vertical, just right of it");
  assert.ok(labels.polylineHitsBox([[0, 0], [20, 0], [20, 40]], box));
  assert.ok(!labels.polylineHitsBox([[0, 0], [40, 0], [40, 40]], box));
});

test("a text box is measured where the text is drawn, for each alignment", () => {
  const ctx = new SvgContext();
  const left = labels.textBox(ctx, "abcd", FONT, 100, 50, "left");
  const right = labels.textBox(ctx, "abcd", FONT, 100, 50, "right");
  const centre = labels.textBox(ctx, "abcd", FONT, 100, 50, "center");
  assert.equal(left.x, 100);
  assert.equal(right.x + right.w, 100);
  assert.equal(centre.x + centre.w / 2, 100);
  assert.equal(left.y + left.h / 2, 50, "middle baseline: centred on y");
  assert.ok(left.w > 20 && left.h >= 13);
  assert.throws(() => labels.fontSize("large Inter"), /cannot read the size of the canvas font "large Inter"/);
});

test("wrapping keeps words whole and lines within the width", () => {
  const ctx = new SvgContext();
  const lines = labels.wrap(ctx, "targets respawn after pickup", FONT, 80);
  assert.deepEqual(lines.join(" "), "targets respawn after pickup");
  for (const line of lines) assert.ok(ctx.measureText(line).width <= 80 || !line.includes(" "), line);
  assert.deepEqual(labels.wrap(ctx, "unbreakable", FONT, 5), ["unbreakable"]);
});

// --------------------------------------------------------------------------- the layout
function layoutWith(obstacles) {
  const layout = labels.createLayout(new SvgContext(), { x: 0, y: 0, w: 300, h: 200 }, { margin: 3 });
  for (const box of obstacles.boxes || []) layout.block(box);
  for (const line of obstacles.lines || []) layout.blockLine(line);
  return layout;
}

test("a label goes to the first candidate place that is clear and inside the bounds", () => {
  const layout = layoutWith({ boxes: [{ x: 90, y: 40, w: 40, h: 40 }], lines: [[[0, 100], [300, 100]]] });
  const placed = layout.place({
    text: "peak", font: FONT, candidates: [
      { x: 100, y: 60, align: "left" }, // on the box
      { x: 100, y: 100, align: "left" }, // on the line
      { x: 290, y: 150, align: "left" }, // runs out of the bounds
      { x: 100, y: 150, align: "left" },
    ],
  });
  assert.deepEqual([placed.x, placed.y], [100, 150]);
  const second = layout.place({ text: "peak", font: FONT, candidates: [{ x: 100, y: 150, align: "left" }, { x: 100, y: 180, align: "left" }] });
  assert.equal(second.y, 180, "a placed label is an obstacle for the next");
});

test("the short wording is tried before a farther round, and a label that fits nowhere is left out", () => {
  const layout = layoutWith({ boxes: [{ x: 0, y: 0, w: 300, h: 45 }] });
  const near = [{ x: 150, y: 60, align: "center" }];
  const far = [{ x: 150, y: 150, align: "center" }];
  // The long text does not fit near (the bounds are 300 wide), the short one does.
  const placed = layout.place({ text: "a very long wording of the note that cannot fit anywhere near it", short: "peak", font: FONT, candidates: [near, far] });
  assert.deepEqual([placed.text, placed.y], ["peak", 60]);
  assert.equal(layout.place({ text: "x", font: FONT, candidates: [{ x: 150, y: 20, align: "center" }] }), null);
  const forced = layout.place({ text: "x", font: FONT, candidates: [{ x: 150, y: 20, align: "center" }], required: true });
  assert.ok(forced, "a required label is drawn where it collides least");
});

test("property: a label placed without being forced never covers an obstacle or another label", () => {
  const rng = demos.random.mulberry32(7);
  for (let round = 0; round < 200; round += 1) {
    const boxes = Array.from({ length: 1 + Math.floor(rng() * 6) }, () => ({ x: rng() * 280, y: rng() * 180, w: 5 + rng() * 60, h: 5 + rng() * 40 }));
    const lines = Array.from({ length: Math.floor(rng() * 3) }, () => Array.from({ length: 5 }, () => [rng() * 300, rng() * 200]));
    const layout = layoutWith({ boxes, lines });
    for (let k = 0; k < 4; k += 1) {
      const candidates = Array.from({ length: 12 }, () => ({ x: rng() * 300, y: rng() * 200, align: ["left", "center", "right"][Math.floor(rng() * 3)] }));
      layout.place({ text: ["peak", "N = 1,000", "proxy 25.3"][k % 3], font: FONT, candidates, kind: "note" });
    }
    const drawing = {
      width: 300, height: 200,
      texts: layout.labels.map((l) => ({ text: l.text, kind: "note", size: 13, box: l.box })),
      obstacles: { boxes, lines: lines.map((points) => ({ points })) },
    };
    assert.deepEqual(labelProblems(drawing), [], `round ${round}`);
  }
});

// --------------------------------------------------------------------------- the figures
const gsim = demos.goodhartSim;
const tailCurves = ["gaussian", "t2"].map((distribution) => gsim.bestOfNCurve({ distribution, seed: 1975, trials: 200 }));
const tailRange = demos.goodhartDraw.sharedRange(tailCurves);
const SLIDER = Array.from({ length: 81 }, (_, i) => i * 0.05); // every step of the 0..4 sliders

test("best of N: every label clear of the data and of each other, at every N, phone and desktop", () => {
  for (const [width, height] of [...SIZES.tails, ...SIZES.explorerSelection]) {
    for (const value of SLIDER) {
      const n = Math.max(1, Math.round(Math.pow(10, value)));
      tailCurves.forEach((curve, i) => {
        const chart = draw(width, height, (p) => demos.goodhartDraw.drawSelection(p, colours, curve, n, { range: tailRange, compact: true }).chart);
        const where = `${width}x${height}, N = ${n}, panel ${i}`;
        assert.deepEqual(labelProblems(chart), [], where);
        assert.equal(placedTexts(chart, "vertical").length, 1, `${where}: the N label is drawn`);
        const here = gsim.pointAt(curve, n);
        if (here.medianProxy > tailRange.max) {
          // On a 320 px phone's chart (254 px) the value may stand alone, in the proxy's colour
          // beside the proxy's arrow, where "proxy 10.6" finds no clear place.
          const value = demos.page.formatNumber(here.medianProxy, 1);
          const allowed = width < 300 ? [[`proxy ${value}`], [value]] : [[`proxy ${value}`]];
          const placed = placedTexts(chart, "offscale");
          assert.ok(allowed.some((a) => JSON.stringify(a) === JSON.stringify(placed)), `${where}: off-scale value ${placed}`);
        }
      });
    }
  }
});

test("best of N: the off-scale proxy is an arrow with its value, never a marker clipped at the top", () => {
  const [width, height] = SIZES.tails[0];
  const heavy = tailCurves[1];
  const chart = draw(width, height, (p) => demos.goodhartDraw.drawSelection(p, colours, heavy, 100, { range: tailRange, compact: true }).chart);
  const arrows = chart.obstacles.boxes.filter((b) => b.kind === "arrow");
  assert.equal(arrows.length, 1);
  assert.equal(arrows[0].y, chart.plot.top, "the arrow sits on the plot's top edge");
  const [flag] = chart.texts.filter((t) => t.kind === "vertical");
  assert.ok(flag.box.y + flag.box.h <= chart.plot.top, "the N label is above the plot, out of the data's way");
  // The heavy-tailed peak is named in both sizes at the default N.
  for (const [w, h] of SIZES.tails) {
    const c = draw(w, h, (p) => demos.goodhartDraw.drawSelection(p, colours, heavy, 100, { range: tailRange, compact: true }).chart);
    assert.equal(placedTexts(c, "note").length, 1, `${w}x${h}: the peak is labelled`);
  }
});

/** How far a note's text is from the point it is about (0 when the point is in its box). */
function noteDistance(note) {
  const b = note.box;
  const dx = Math.max(b.x - note.x, 0, note.x - (b.x + b.w));
  const dy = Math.max(b.y - note.y, 0, note.y - (b.y + b.h));
  return Math.hypot(dx, dy);
}

/** The ring that marks a note's point: an obstacle of kind "anchor" centred on it. */
function ringAt(chart, note) {
  return chart.obstacles.boxes.find((b) => b.kind === "anchor" && Math.abs(b.x + b.w / 2 - note.x) < 0.01 && Math.abs(b.y + b.h / 2 - note.y) < 0.01);
}

test("best of N: the peak's note is anchored to the peak, marked with a ring, at every N", () => {
  // A reader review found "peak" floating 15 px from an unmarked point of the curve, and for N
  // from 7 to 30 it was left out. Now a ring marks the peak; the note sits right beside it, or
  // where the curves leave no room beside it, further out with a line to the ring.
  const { NOTE_REACH } = demos.lineChart;
  const heavy = tailCurves[1];
  for (const [width, height] of [...SIZES.tails, ...SIZES.explorerSelection]) {
    for (const value of SLIDER) {
      const n = Math.max(1, Math.round(Math.pow(10, value)));
      const chart = draw(width, height, (p) => demos.goodhartDraw.drawSelection(p, colours, heavy, n, { range: tailRange, compact: true }).chart);
      const where = `${width}x${height}, N = ${n}`;
      assert.equal(chart.notes.length, 1, where);
      const [note] = chart.notes;
      assert.ok(note.box, `${where}: the peak is named`);
      assert.ok(Math.abs(note.x - chart.tx(heavy.peak.n)) < 0.01 && Math.abs(note.y - chart.ty(heavy.peak.meanTrue)) < 0.01, `${where}: about the peak`);
      assert.ok(ringAt(chart, note), `${where}: the peak is marked`);
      assert.ok(noteDistance(note) <= NOTE_REACH || note.leader, `${where}: ${noteDistance(note).toFixed(1)} px away, no line to it`);
      assert.equal(note.leader, noteDistance(note) > NOTE_REACH, where);
    }
    // At N = 100, where the explorer and the chapter's figure open, right beside it.
    const opening = draw(width, height, (p) => demos.goodhartDraw.drawSelection(p, colours, heavy, 100, { range: tailRange, compact: true }).chart);
    assert.ok(noteDistance(opening.notes[0]) <= NOTE_REACH && !opening.notes[0].leader, `${width}x${height}: ${noteDistance(opening.notes[0])}`);
  }
});

test("best of N: the value axis says what 0 is in words, not an average of nothing named", () => {
  for (const [width, height] of [...SIZES.tails, ...SIZES.explorerSelection, [356, 290], [600, 300]]) {
    const chart = draw(width, height, (p) => demos.goodhartDraw.drawSelection(p, colours, tailCurves[0], 100, { range: tailRange, compact: width < 420 }).chart);
    const axes = chart.texts.filter((t) => t.kind === "axis").map((t) => t.text);
    const y = axes.find((t) => /^How good/.test(t));
    assert.ok(y && /0 = (a )?random/.test(y), `${width}x${height}: ${axes}`);
    assert.ok(!axes.some((t) => /average/.test(t)), axes);
  }
});

/** A note's text outside the plot (the notes stay inside it; the leash's label has a row above). */
function notesOutsidePlot(chart) {
  const p = chart.plot;
  return chart.texts.filter((t) => t.kind === "note").filter(({ box: b }) => b.x < p.left || b.y < p.top || b.x + b.w > p.left + p.width || b.y + b.h > p.top + p.height)
    .map((t) => `"${t.text}" leaves the plot`);
}

test("KL leash: every state's labels clear, each note named, its line crossing no mark or text, at every size", () => {
  // Every step of the slider, both reward models, at a phone's and a desktop's sizes, a 320 px
  // phone's (254) and a 288 px square. Before the notes could be tried on a finer grid and in
  // another order (where the first took the only clean place), 24 of these 648 states drew a
  // note's line over a marker
  // (11 of 328 at steps of 0.1): the larger model at leashes of 1.3-2.35, the smaller at 2.55-2.8.
  let states = 0;
  for (const [width, height] of [...SIZES.leash, [288, 288]]) {
    for (const model of ["small", "large"]) {
      for (const d of SLIDER) {
        const chart = draw(width, height, (p) => demos.klLeashDraw.drawLeash(p, colours, { model, d, compare: false }).chart);
        const where = `${width}x${height}, ${model}, leash ${d.toFixed(2)}`;
        assert.deepEqual([...labelProblems(chart), ...leaderProblems(chart), ...notesOutsidePlot(chart)], [], where);
        assert.deepEqual(placedTexts(chart, "vertical"), ["leash"], where);
        assert.equal(placedTexts(chart, "note").length, 2, `${where}: both rings named`);
        // Where no clean place is left (five states of the smaller model on a 254 px chart), the
        // one series marker the line must cross gives way; never at a phone's or a desktop's size.
        if (width !== 254) assert.deepEqual(chart.gaveWay, [], where);
        assert.ok(chart.gaveWay.length <= 1, where);
        states += 1;
      }
    }
  }
  assert.equal(states, 648);
  for (const [width, height] of SIZES.leash) {
    const atDefault = draw(width, height, (p) => demos.klLeashDraw.drawLeash(p, colours, { model: "small", d: 1.5, compare: false }).chart);
    const notes = placedTexts(atDefault, "note");
    assert.equal(notes.filter((t) => /peak/.test(t)).length, 1, `${width}x${height}: the peak is labelled at the default leash (${notes})`);
    // ... and the other reward model's true reward, faint behind it, is named at its peak
    assert.equal(notes.filter((t) => /larger/.test(t)).length, 1, `${width}x${height}: ${notes}`);
    assert.deepEqual(atDefault.gaveWay, [], `${width}x${height}: every marker drawn as the figure opens`);
  }
});

test("a layout goes back to a saved point, so that labels can be tried again in another order", () => {
  const layout = layoutWith({ boxes: [{ x: 0, y: 0, w: 300, h: 45 }] });
  const saved = layout.save();
  const here = [{ x: 150, y: 100, align: "center" }];
  assert.ok(layout.place({ text: "first", font: FONT, candidates: here }));
  layout.blockLine([[0, 150], [300, 150]], "leader");
  assert.equal(layout.place({ text: "second", font: FONT, candidates: here }), null, "the place is taken");
  layout.restore(saved);
  assert.deepEqual([layout.labels.length, layout.lines.length, layout.boxes.length], [0, 0, 1]);
  assert.equal(layout.place({ text: "second", font: FONT, candidates: here }).text, "second");
});

test("a chosen value's dot is never doubled by its own series' marker beside it", () => {
  const doubled = (chart) => chart.marks.filter((m) => chart.dots.some((d) => d.colour === m.colour && labels.boxesOverlap(d.box, m.box)));
  let dots = 0;
  for (const [width, height] of SIZES.leash) {
    for (const d of SLIDER) {
      const chart = draw(width, height, (p) => demos.klLeashDraw.drawLeash(p, colours, { model: "small", d, compare: false }).chart);
      assert.deepEqual(doubled(chart), [], `leash ${width}x${height}, d = ${d}`);
      dots += chart.dots.length;
    }
  }
  assert.ok(dots > 0, "the charts drew their dots");
});

test("a long y-axis title stays below the legend's rows (their line samples stand over it) and on the canvas", () => {
  const series = ["Run 1: game score", "Run 2: pay for progress"].map((label, i) => ({
    label, colour: colours.runs[i], dash: [], marker: "circle", width: 2.5,
    points: Array.from({ length: 50 }, (_, k) => ({ x: k * 10, y: (k * (i + 1) * 13) % 800 })),
  }));
  const spec = (label, short) => ({
    x: { min: 0, max: 500, label: "Training episode" }, y: { min: 0, max: 880, label, short }, series,
  });
  for (const [width, height] of [...SIZES.raceCharts, [300, 200]]) {
    for (const [label, short] of [["Score (20-episode average)", "Score (average of 20)"], ["Reward", undefined]]) {
      const chart = draw(width, height, (p) => demos.lineChart.drawLineChart(p.ctx, p.width, p.height, colours, spec(label, short)));
      const where = `${width}x${height}, "${label}"`;
      assert.deepEqual(labelProblems(chart), [], where);
      const title = chart.texts.find((t) => t.kind === "axis" && [label, short].includes(t.text));
      const legendBottom = Math.max(...chart.texts.filter((t) => t.kind === "legend").map((t) => t.box.y + t.box.h));
      assert.ok(title, `${where}: the y title is drawn`);
      assert.ok(title.box.y >= legendBottom, `${where}: the y title's top ${title.box.y} is above the legend's bottom ${legendBottom}`);
    }
  }
  const cramped = draw(300, 215, (p) => demos.lineChart.drawLineChart(p.ctx, p.width, p.height, colours, spec("Score (20-episode average)", "Score (average of 20)")));
  assert.ok(cramped.texts.some((t) => t.text === "Score (average of 20)"), "too little room: the short title");
});

test("boat course: its words are on land, clear of the badges and each other, never under 11 px", () => {
  for (const width of [...SIZES.course, 300, 400, 500, 800]) {
    const placed = demos.boatCourse.courseLabels(new SvgContext(), width);
    assert.deepEqual(labelProblems(placed), [], `course drawn ${width} px wide`);
    const words = placed.texts.map((t) => t.text);
    // Under 300 px (a 320 px phone's) no word fits on the land at 11 px but "Finish", then none:
    // the text under the course says what the words would.
    if (width >= 300) {
      assert.ok(words.includes("Start / finish") || words.includes("Finish"), `${width}: ${words}`);
      assert.ok(words.some((w) => /respawn/i.test(w)), `${width}: the lagoon's note is there (${words})`);
    }
    for (const t of placed.texts) {
      for (const [x, y] of [[t.box.x, t.box.y], [t.box.x + t.box.w, t.box.y + t.box.h], [t.box.x + t.box.w / 2, t.box.y + t.box.h / 2]]) {
        assert.ok(!demos.boatRaceSim.course.isWater(x, y), `${width}: "${t.text}" is on land`);
      }
      // "Lagoon →" points across the land at the lagoon: the first water to its right is it
      if (t.text.includes("→")) {
        const { course } = demos.boatRaceSim;
        const y = t.box.y + t.box.h / 2;
        let x = t.box.x + t.box.w;
        while (x < course.WIDTH && !course.isWater(x, y)) x += 1;
        assert.ok(course.inLagoon(x, y), `${width}: "${t.text}" points at the lagoon, not at (${x}, ${y})`);
      }
    }
  }
  // Drawn wide, the words grow with the course (10 px at 688 px beside 17 px body text was
  // UX review 11's complaint): a 55th of its width, up to 13 px; a phone's stay at 11.
  for (const [width, least] of [[358, 11], [654, 654 / 55], [688, 688 / 55], [720, 13], [800, 13]]) {
    const sizes = demos.boatCourse.courseLabels(new SvgContext(), width).texts.map((t) => t.size);
    assert.ok(sizes.length >= 2 && Math.min(...sizes) >= least - 0.01, `${width}: ${sizes} (at least ${least})`);
  }
  const wide = demos.boatCourse.courseLabels(new SvgContext(), 720).texts.map((t) => t.text).join(" ");
  assert.match(wide, /Lagoon → targets respawn after pickup/, "at full size the note is whole");
  assert.match(wide, /Start \/ finish/);
});

test("boat course: the lagoon's note keeps clear land between itself and every shore line", () => {
  // "targets respawn after pickup" ended 1-2 px from the lagoon's outline at 600-720 px in
  // Chromium, 3-5 px here (UX review 12): at least 6 px of land at every width, measured from
  // the outline's outer edge (the shore line, drawn on the land side of the water).
  const { course } = demos.boatRaceSim;
  const SHORE = 3.5; // the shore line's width, course units (drawWater in boat-course-draw.js)
  const LEAST = 6;
  let checked = 0;
  for (let width = 254; width <= 960; width += 14) {
    const placed = demos.boatCourse.courseLabels(new SvgContext(), width);
    if (!placed.lagoon) continue;
    const scale = width / course.WIDTH;
    const reach = (LEAST + 1) / scale + SHORE;
    for (const t of placed.texts.filter((text) => !placed.start || text.text !== placed.start.text)) {
      const b = t.box;
      let nearest = Infinity; // course units from the text's box to the nearest water
      for (let x = b.x - reach; x <= b.x + b.w + reach; x += 0.5) {
        for (let y = b.y - reach; y <= b.y + b.h + reach; y += 0.5) {
          if (!course.isWater(x, y)) continue;
          nearest = Math.min(nearest, Math.hypot(Math.max(b.x - x, 0, x - b.x - b.w), Math.max(b.y - y, 0, y - b.y - b.h)));
        }
      }
      const gap = (nearest - SHORE) * scale;
      assert.ok(gap >= LEAST - 0.3, `${width} px: "${t.text}" is ${gap.toFixed(1)} px from a shore line`);
      checked += 1;
    }
  }
  assert.ok(checked > 60, `${checked} lines of the note measured`);
});

test("boat course: the lagoon's note takes a line of a few words before a stack of single words", () => {
  // At 568 px (a 600 px tablet) the note stood "targets / respawn / after / pickup", one word a
  // line, where two lines of two fitted.
  for (let width = 500; width <= 960; width += 14) {
    const { lagoon } = demos.boatCourse.courseLabels(new SvgContext(), width);
    assert.ok(lagoon, `${width} px: the note is there`);
    assert.ok(lagoon.lines.length <= 2 && lagoon.lines.every((line) => /\s/.test(line) || lagoon.lines.length === 1), `${width} px: ${lagoon.lines.join(" / ")}`);
  }
});

test("boat course: no checkpoint's number sits on the lagoon's rim", () => {
  // On a 320 px phone (the course 254-288 px wide) the "4" badge touched or covered the lagoon's
  // outline, as if it numbered the lagoon: at least 2 px of land between every badge (its ring
  // included) and the outline of the lagoon or its channel, at every width from the narrowest
  // the site draws (the chapter's figure on a 320 px phone).
  const { course } = demos.boatRaceSim;
  const { LAGOON: lagoon, CHANNEL: ch } = course;
  const SHORE = 3.5; // the shore line's width, course units (drawWater in boat-course-draw.js)
  for (let width = 254; width <= 960; width += 6) {
    const scale = width / course.WIDTH;
    const badges = demos.boatCourse.courseLabels(new SvgContext(), width).obstacles.boxes.filter((b) => b.kind === "checkpoint badge");
    assert.equal(badges.length, 7, `${width} px`);
    badges.forEach((b, k) => {
      const [x, y, ring] = [b.x + b.w / 2, b.y + b.h / 2, b.w / 2];
      const toLagoon = Math.hypot(x - lagoon.x, y - lagoon.y) - lagoon.r;
      const toChannel = Math.hypot(Math.max(ch.x0 - x, 0, x - ch.x1), Math.max(ch.y0 - y, 0, y - ch.y1));
      const gap = (Math.min(toLagoon, toChannel) - SHORE - ring) * scale;
      assert.ok(gap >= 1.9, `${width} px: badge ${k + 1} is ${gap.toFixed(1)} px from the lagoon's outline`);
    });
  }
});

test("coin level: the ground's words fit, never under 11 px, and name the coin's training place when there is room", () => {
  const csim = demos.coinLevelSim;
  const run = csim.play(csim.train({ regime: "fixed" }), { x: 7, y: 2 });
  for (const [width, height] of SIZES.coin) {
    const level = draw(width, height, (p) => demos.coinLevelDraw.drawLevel(p, colours, { x: 7, y: 2 }, run));
    assert.deepEqual(labelProblems(level), [], `${width}x${height}`);
    assert.deepEqual(level.texts.map((t) => t.text.split(/[,:]/)[0]), ["Start", "Right end"], `${width}x${height}`);
  }
  // On a 320 px phone the two stood 4 px apart and read as one phrase ("Start Right end, the
  // coin's place in training"): a clear em between them at every phone width (UX review 11),
  // which makes a narrow level take a shorter wording.
  for (let width = 240; width <= 420; width += 2) {
    const height = Math.round((width * 112) / 324);
    const level = draw(width, height, (p) => demos.coinLevelDraw.drawLevel(p, colours, { x: 7, y: 2 }, run));
    const [start, end] = level.texts;
    const gap = end.box.x - (start.box.x + start.box.w);
    assert.ok(gap >= start.size, `${width}x${height}: "${start.text}" and "${end.text}" ${gap.toFixed(1)} px apart`);
  }
  const wide = draw(720, 238, (p) => demos.coinLevelDraw.drawLevel(p, colours, { x: 7, y: 2 }, run));
  assert.match(wide.texts[1].text, /coin’s place in training/);
});

test("coin level: no sprite is clipped or pressed against the canvas's edge, none peeks out from behind the agent", () => {
  // A reader review saw the agent at the right end clipped at the canvas's (rounded) edge, with a
  // sliver of the training coin's ring peeking out behind it: the level ran from edge to edge,
  // the agent 5 px from it, and the ring (and a taken coin) was narrower than the agent is tall.
  const csim = demos.coinLevelSim;
  const agents = { fixed: csim.train({ regime: "fixed" }), varied: csim.train({ regime: "varied" }) };
  const MARGIN = 8; // px: the canvas's rounded corners
  const inside = (box, width, height) => box.x >= MARGIN && box.y >= 0 && box.x + box.w <= width - MARGIN && box.y + box.h <= height;
  const contains = (outer, inner) => outer.x <= inner.x && outer.y <= inner.y && outer.x + outer.w >= inner.x + inner.w && outer.y + outer.h >= inner.y + inner.h;
  const centre = (box) => [box.x + box.w / 2, box.y + box.h / 2];
  let checked = 0;
  for (const [width, height] of [...SIZES.coin, [254, 88], [534, 185], [720, 250]]) {
    for (const coin of [{ x: 14, y: 0 }, { x: 7, y: 2 }, { x: 14, y: 3 }, { x: 1, y: 0 }, { x: 13, y: 1 }]) {
      for (const [regime, agent] of Object.entries(agents)) {
        const run = csim.play(agent, coin);
        const level = draw(width, height, (p) => demos.coinLevelDraw.drawLevel(p, colours, coin, run));
        const where = `${width}x${height}, coin ${coin.x},${coin.y}, ${regime}`;
        const { agent: body, coin: disc, place } = level.sprites;
        assert.ok(inside(body, width, height), `${where}: agent ${JSON.stringify(body)}`);
        assert.ok(inside(disc, width, height) && inside(place, width, height), where);
        for (const round of [disc, place]) {
          const [ax, ay] = centre(body);
          const [rx, ry] = centre(round);
          if (Math.hypot(ax - rx, ay - ry) < 1) {
            assert.ok(contains(round, body), `${where}: ${JSON.stringify(round)} peeks out from behind the agent ${JSON.stringify(body)}`);
            checked += 1;
          }
        }
      }
    }
  }
  assert.ok(checked > 10, "the agent stands on the training place or the coin in some of these");
});

test("the printed figures have every label clear, inside and legible too", () => {
  const built = figures(demos, colours);
  let drawings = 0;
  for (const [name, { drawings: parts }] of Object.entries(built)) {
    for (const drawing of parts) {
      drawings += 1;
      assert.deepEqual(labelProblems(drawing), [], name);
    }
  }
  assert.ok(drawings >= 7, `every chart and course reports its labels (${drawings})`);
  const leash = built["live-kl-leash.svg"].drawings[0];
  assert.equal(placedTexts(leash, "note").length, 2, "both peaks are named in the printed KL leash");
  const tails = built["live-goodhart-tails.svg"].drawings[1];
  assert.equal(placedTexts(tails, "offscale").length, 1);
  assert.match(placedTexts(tails, "offscale")[0], /^proxy (reaches )?84 at N = 10,000$/, "where the proxy ends up, off the scale");
});
