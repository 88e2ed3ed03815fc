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
const demos = loadDemos();
const built = figures(demos, lightColours());

test("every generated figure matches the committed file (run node scripts/static_figures.js)", () => {
  assert.deepEqual(Object.keys(built).sort(), [
    "demo-boat-race-thumb.svg", "demo-boat-race.svg", "demo-goodhart-thumb.svg", "demo-goodhart.svg", "live-boat-loop.svg",
    "live-coin-moved.svg", "live-goodhart-tails.svg", "live-kl-leash.svg",
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

// The demos' previews on Home's cards and the demos index, drawn about 356 px wide: every label at
// 26 units or more reads at 12 px or more there. The only smaller text is the "+" inside each of
// the course's reward targets, a mark in a circle (as tests/test_pdf.py also counts it), not a label.
const THUMBS = ["demo-boat-race-thumb.svg", "demo-goodhart-thumb.svg"];
const TARGET_MARK = /^\+$/;
const textsOf = (svg) => [...svg.matchAll(/<text [^>]*font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ size: Number(m[1]), text: m[2] }));
const descOf = (svg) => /<desc id="d">([^<]*)<\/desc>/.exec(svg)[1];

test("the demo previews are 16:9, accessible and written in large type", () => {
  for (const name of THUMBS) {
    const { svg } = built[name];
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 720 405" width="720" height="405" role="img" aria-labelledby="t d"/, name);
    assert.match(svg, /<title id="t">[^<]{30,}<\/title>/, name);
    assert.match(descOf(svg), /.{120,}/, name);
    const texts = textsOf(svg);
    const labels = texts.filter((t) => !TARGET_MARK.test(t.text));
    assert.ok(labels.length >= 2 && labels.length <= 16, `${name}: few labels (${labels.length})`);
    const smallest = Math.min(...labels.map((t) => t.size));
    assert.ok(smallest >= 26, `${name}: smallest label ${smallest} units (${labels.find((t) => t.size === smallest).text})`);
  }
  // The marks left out above are the course's four targets and nothing else.
  const marks = textsOf(built["demo-boat-race-thumb.svg"].svg).filter((t) => TARGET_MARK.test(t.text));
  assert.equal(marks.length, demos.boatRaceSim.course.TARGETS.length);
  assert.equal(textsOf(built["demo-goodhart-thumb.svg"].svg).filter((t) => TARGET_MARK.test(t.text)).length, 0);
});

test("the demo previews show what the simulations compute", () => {
  // The boat race: the two routes of the chapter's live figure (same training, same 120 moves).
  const boat = built["demo-boat-race-thumb.svg"].svg;
  const sim = demos.boatRaceSim;
  const [looper, racer] = [sim.DEFAULT_REWARD, sim.PROGRESS_REWARD].map((reward) => {
    const trainer = sim.createTrainer({ seed: 2016, reward });
    while (!trainer.done) trainer.trainEpisodes(100);
    return trainer.greedyRollout(sim.DEFAULT_REWARD);
  });
  assert.ok(looper.policyLoops && looper.loopInLagoon && !looper.finished, "paid for targets, the learner circles the lagoon");
  assert.ok(racer.finished, "paid for progress, it finishes");
  const end = looper.trail[120];
  assert.match(descOf(boat), new RegExp(`Paid for targets \\(the game's score\\), it circles the lagoon and never finishes: game score ${end.score}, checkpoints ${sim.checkpointsPassed(end.progress)} after 120 moves\\. Paid for progress, it finishes the lap in ${racer.steps} moves\\.`));
  assert.match(descOf(boat), /game score 320, checkpoints 0 of 7 after 120 moves.*finishes the lap in 67 moves/);
  assert.match(built["live-boat-loop.svg"].svg, /game score 320 · checkpoints 0 of 7 after 120 moves/, "as the live figure says");
  assert.deepEqual(textsOf(boat).filter((t) => t.size === 26).map((t) => t.text), ["Paid for targets: circles the lagoon", "Paid for progress: finishes the lap"]);
  // Both routes are drawn, each in its run's colour, as in the live figure.
  const colours = lightColours();
  for (const colour of colours.runs) assert.match(boat, new RegExp(`fill="none" stroke="${colour}" stroke-width="[\\d.]+"[^>]*stroke-linejoin="round"`));
  // The land runs to both edges of the preview, down to the legend: a land panel narrower than
  // the card looked like a letterbox (and unfinished in the dark scheme).
  const landBand = new RegExp(`<path d="M0 0L720 0L720 ([\\d.]+)L0 \\1Z" fill="${colours.land}"/>`).exec(boat);
  assert.ok(landBand, "a full-width band of land behind the course");
  const firstLegend = Math.min(...[...boat.matchAll(/<text [^>]*\by="([\d.]+)"[^>]*>Paid for/g)].map((m) => Number(m[1])));
  assert.ok(Number(landBand[1]) > 300 && Number(landBand[1]) < firstLegend - 20, `land ends at ${landBand[1]}, the legend starts at ${firstLegend}`);

  // The Goodhart explorer: the heavy-tailed chart alone, its peak and where the proxy ends up.
  const goodhart = built["demo-goodhart-thumb.svg"].svg;
  const heavy = demos.goodhartSim.bestOfNCurve({ distribution: "t2", seed: 1975, trials: 200 });
  const fmt = demos.page.formatNumber;
  assert.ok(demos.goodhartSim.turnsOver(heavy));
  assert.match(goodhart, new RegExp(`>peak ${heavy.peak.meanTrue.toFixed(2)} at N = ${fmt(heavy.peak.n)}<`));
  assert.match(goodhart, new RegExp(`>proxy (reaches )?${fmt(heavy.last.medianProxy)} at N = 10,000<`));
  assert.match(descOf(goodhart), new RegExp(`climbs off the chart to ${fmt(heavy.last.medianProxy)}, while its true value peaks at ${heavy.peak.meanTrue.toFixed(2)} at N = ${fmt(heavy.peak.n)} and falls back to ${heavy.last.meanTrue.toFixed(2)}\\.`));
  assert.match(descOf(goodhart), /peaks at 0\.73 at N = 7/);
  const texts = textsOf(goodhart).map((t) => t.text);
  assert.equal(texts.filter((t) => t === "Proxy score").length, 1, "one chart");
  assert.equal(texts.filter((t) => t === "True value").length, 1, "one chart");
  assert.ok(!texts.some((t) => /light|Light/.test(t)), "the heavy tails alone");
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

// A passed checkpoint fills its numbered badge; its gate stays a dashed line in a hue apart from
// both runs' routes (a reader review: passed gates were solid lines in the green route's own
// hue, which hid the route where it ran along or across one).
test("the course's gates stay dashed when passed, in a hue apart from both routes", () => {
  const colours = lightColours();
  const hue = (hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const max = Math.max(r, g, b);
    const d = max - Math.min(r, g, b);
    const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    return (h * 60 + 360) % 360;
  };
  const apart = (a, b) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));
  for (const run of colours.runs) {
    assert.ok(apart(hue(colours.checkpoint), hue(run)) >= 60, `gates ${colours.checkpoint} beside route ${run}`);
  }
  for (const name of ["demo-boat-race.svg", "live-boat-loop.svg", "demo-boat-race-thumb.svg"]) {
    const gates = [...built[name].svg.matchAll(/<path d="M[\d. ]+L[\d. ]+"([^>]*)\/>/g)]
      .map((m) => m[1])
      .filter((attributes) => attributes.includes(`stroke="${colours.checkpoint}"`));
    assert.ok(gates.length >= 6, `${name}: the numbered gates are drawn`);
    assert.ok(gates.every((attributes) => /stroke-dasharray=/.test(attributes)), `${name}: a solid gate`);
  }
});

test("the explorer's still words its two draws' winners alike", () => {
  // Appendix C's figure read "winner: true value 1.35, score 2.64" beside "winner: value −0.03,
  // score 5.93": each draw had chosen the widest wording that fitted its own numbers.
  const winners = [...built["demo-goodhart.svg"].svg.matchAll(/>(winner[^<]*)</g)].map((m) => m[1]);
  assert.equal(winners.length, 2, winners.join(" | "));
  const [first, second] = winners.map((label) => label.replace(/[−-]?\d[\d.,]*/g, "#"));
  assert.equal(first, second, winners.join(" | "));
});
