// The best-of-N charts (docs/assets/javascripts/demos/goodhart-draw.js), drawn on the SVG canvas
// stand-in of scripts/static_figures.js: the explorer draws each curve only as far as the reader
// has taken N, and names the heavy-tailed peak only once it has been passed, while a printed
// figure (no `reached`) draws the whole curves.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { loadDemos, lightColours, SvgContext } = require("../../scripts/static_figures.js");

const demos = loadDemos();
const sim = demos.goodhartSim;
const draw = demos.goodhartDraw;
const colours = lightColours();
const curves = ["gaussian", "t2"].map((distribution) => sim.bestOfNCurve({ distribution, seed: 1975, trials: 200 }));
const range = draw.sharedRange(curves);
const heavy = curves[1];

function drawn(curve, n, options) {
  const ctx = new SvgContext();
  const chart = draw.drawSelection({ ctx, width: 358, height: 224 }, colours, curve, n, { range, compact: true, ...options }).chart;
  return { chart, svg: ctx.out.join(""), texts: chart.texts.map((t) => t.text) };
}

/** How many segments the drawn paths have: a longer curve, more of them. */
function segments(svg) {
  return (svg.match(/L/g) || []).length;
}

test("at N = 1 the charts draw no curve ahead of the reader and name no peak", () => {
  const opening = drawn(heavy, 1, { reached: 1 });
  assert.ok(!opening.texts.some((t) => /peak/.test(t)), opening.texts);
  const whole = drawn(heavy, 1, {});
  assert.ok(whole.texts.some((t) => /peak/.test(t)), "by default (the chapter's figure) the whole curve and its peak");
  assert.ok(segments(opening.svg) < segments(whole.svg) - 20, "less of the curve is drawn");
});

test("the curve is drawn as far as the reader has gone, and its peak named once passed", () => {
  assert.ok(sim.turnsOver(heavy));
  const past = heavy.points.find((p) => p.n > heavy.peak.n).n;
  const atPeak = drawn(heavy, heavy.peak.n, { reached: heavy.peak.n });
  assert.ok(!atPeak.texts.some((t) => /peak/.test(t)), "at the peak it is not yet known to be one");
  // Passed, then back to N = 2: the peak stays named, and the curve drawn to where the reader went.
  const back = drawn(heavy, 2, { reached: 100 });
  assert.ok(back.texts.some((t) => /peak/.test(t)), back.texts);
  const further = drawn(heavy, 2, { reached: 10000 });
  assert.ok(segments(drawn(heavy, 2, { reached: past }).svg) < segments(back.svg));
  assert.ok(segments(back.svg) < segments(further.svg));
  // Taken to the end, the explorer's charts are the whole curves, as the chapter's figure draws them.
  assert.equal(drawn(heavy, 2, { reached: sim.MAX_N }).svg, drawn(heavy, 2, {}).svg);
});

test("a printed figure (no marker, no reached) still draws the whole curve and its peak", () => {
  const printed = drawn(heavy, sim.MAX_N, { marker: false });
  assert.ok(printed.texts.some((t) => t === `peak ${heavy.peak.meanTrue.toFixed(2)} at N = ${heavy.peak.n}` || t === "peak"), printed.texts);
});

test("a winner's wording is the widest that fits every winner beside it", () => {
  const ctx = new SvgContext();
  ctx.font = "13px sans-serif";
  const narrow = { value: -0.03, score: 5.93 };
  const wide = { value: 1.35, score: 2.64 };
  const room = ctx.measureText(draw.winnerWordings(wide)[0]).width;
  assert.equal(draw.winnerWording(ctx, [wide], room), 0, "alone, it takes the longest");
  assert.ok(ctx.measureText(draw.winnerWordings(narrow)[0]).width > room);
  assert.equal(draw.winnerWording(ctx, [wide, narrow], room), 1, "beside a wider one, the next");
  assert.equal(draw.winnerWording(ctx, [wide], 1), draw.winnerWordings(wide).length - 1, "never none");
});
