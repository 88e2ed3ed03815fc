// The static figures (print, PDF, no JavaScript) are generated from the simulations and the live
// figures' own drawing code by scripts/static_figures.js; this checks they are up to date and say
// what the simulations compute.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { figures, loadDemos, lightColours, SvgContext } = require("../../scripts/static_figures.js");

const FIGURES = path.resolve(__dirname, "../../docs/assets/figures");
const built = figures(loadDemos(), lightColours());

test("every generated figure matches the committed file (run node scripts/static_figures.js)", () => {
  assert.deepEqual(Object.keys(built).sort(), [
    "demo-boat-race.svg", "demo-goodhart.svg", "live-boat-loop.svg", "live-coin-moved.svg", "live-goodhart-tails.svg",
    "live-kl-leash.svg",
  ]);
  for (const [name, { svg }] of Object.entries(built)) {
    assert.equal(fs.readFileSync(path.join(FIGURES, name), "utf8"), svg, `${name} is out of date`);
  }
});

test("each figure is an accessible SVG with a title and a description of its result", () => {
  for (const [name, { svg }] of Object.entries(built)) {
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 720 \d+"/, name);
    assert.match(svg, /<title id="t">[^<]{20,}<\/title>/, name);
    assert.match(svg, /<desc id="d">[^<]{60,}<\/desc>/, name);
    assert.doesNotMatch(svg, /NaN|undefined|Infinity/, name);
  }
});

test("the printed results are the simulations' results", () => {
  const boat = built["live-boat-loop.svg"].svg;
  assert.match(boat, /Paid for targets: game score 320 · checkpoints 0 of 7 after 120 moves/);
  assert.match(boat, /Paid for progress: game score 50 · finished the lap at move 67/);
  assert.match(built["live-goodhart-tails.svg"].svg, /peak 0\.73 at N = 7/);
  assert.match(built["live-coin-moved.svg"].svg, /runs under the coin to the right end/);
  assert.match(built["live-coin-moved.svg"].svg, /takes the coin in 11 moves/);
  assert.match(built["live-kl-leash.svg"].svg, /peaks at d = 1\.0 and then falls/);
  const race = built["demo-boat-race.svg"].svg;
  assert.match(race, />Circles the lagoon, never finishes</, "paid by the game score, as the live demo's run 1");
  assert.match(race, />Finishes the lap in 67 moves</, "paid for progress, as the live demo's run 2");
  assert.match(race, /score per episode climbs to about 800 while its race progress falls to 0%/);
  assert.doesNotMatch(built["demo-goodhart.svg"].svg, /Student|Cauchy|d\.f\.|extremal/i);
  // what the figure shows a reader is in words: no α or β in its drawn text (its desc may name them)
  const drawn = built["demo-goodhart.svg"].svg.replace(/<desc[\s\S]*?<\/desc>/, "");
  assert.doesNotMatch(drawn, /[αβ]/);
});

test("the SVG canvas stand-in draws arcs, dashes, clips and text the way a canvas would", () => {
  const ctx = new SvgContext();
  ctx.save();
  ctx.translate(10, 20);
  ctx.scale(2, 2);
  ctx.beginPath();
  ctx.rect(0, 0, 5, 5);
  ctx.clip();
  ctx.setLineDash([3, 1]);
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.arc(0, 0, 4, 0, Math.PI);
  ctx.stroke();
  ctx.font = "600 12px Inter";
  ctx.textAlign = "center";
  ctx.fillText("a < b", 1, 1);
  ctx.restore();
  const svg = ctx.out.join("");
  assert.match(svg, /<g clip-path="url\(#clip1\)">/);
  assert.match(svg, /stroke-dasharray="6 2"/, "dashes scale with the transform");
  assert.match(svg, /stroke-width="3"/);
  assert.match(svg, /M18 20L/, "the arc starts at (10 + 2 * 4, 20)");
  assert.match(svg, /font-size="24" font-weight="600"[^>]*text-anchor="middle"[^>]*>a &lt; b<\/text>/);
  assert.ok(svg.endsWith("</g>"), "restore closes the clip group");
  assert.match(ctx.defs.join(""), /<clipPath id="clip1"><path d="M10 20L20 20L20 30L10 30Z"\/><\/clipPath>/);
  assert.throws(() => { ctx.font = "large serif"; ctx.fillText("x", 0, 0); }, /cannot read the canvas font "large serif"/);
});
