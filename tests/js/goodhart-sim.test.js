// Unit tests for the Goodhart explorer simulation (docs/assets/javascripts/demos/goodhart-sim.js).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const sim = require("../../docs/assets/javascripts/demos/goodhart-sim.js");

const curves = Object.fromEntries(
  Object.keys(sim.ERROR_DISTRIBUTIONS).map((d) => [d, sim.bestOfNCurve({ distribution: d, seed: 1975, trials: 200 })]),
);

function at(curve, n) {
  const point = curve.points.find((p) => p.n === n);
  assert.ok(point, `no point at N = ${n}`);
  return point;
}

test("selection sizes run from 1 to the maximum on a log scale", () => {
  const sizes = sim.selectionSizes(10000);
  assert.equal(sizes[0], 1);
  assert.equal(sizes[sizes.length - 1], 10000);
  for (let i = 1; i < sizes.length; i += 1) assert.ok(sizes[i] > sizes[i - 1]);
  assert.ok(sizes.includes(10) && sizes.includes(100) && sizes.includes(1000));
});

test("with light-tailed error the winner's true value keeps rising with N", () => {
  const c = curves.gaussian;
  const values = [1, 10, 100, 1000, 10000].map((n) => at(c, n).meanTrue);
  for (let i = 1; i < values.length; i += 1) assert.ok(values[i] > values[i - 1], `not rising: ${values}`);
  assert.equal(c.peak.n, 10000);
});

test("with light-tailed error the true value lags the proxy (regressional Goodhart)", () => {
  for (const p of curves.gaussian.points.filter((q) => q.n >= 10)) {
    assert.ok(p.meanTrue < p.medianProxy, `N = ${p.n}`);
  }
  // With equal variances of value and error, E[V | U] = U / 2: the winner keeps about half.
  const p = at(curves.gaussian, 1000);
  assert.ok(Math.abs(p.meanTrue / p.medianProxy - 0.5) < 0.1, `ratio ${p.meanTrue / p.medianProxy}`);
});

test("with heavy-tailed error the true value peaks at small N and then falls (catastrophic regressional Goodhart)", () => {
  for (const d of ["t3", "t2", "cauchy"]) {
    const c = curves[d];
    assert.ok(c.peak.n <= 100, `${d}: peak at N = ${c.peak.n}`);
    assert.ok(c.peak.meanTrue > 0.4, `${d}: peak ${c.peak.meanTrue}`);
    assert.ok(c.last.meanTrue < c.peak.meanTrue - 0.4, `${d}: ${c.last.meanTrue} vs peak ${c.peak.meanTrue}`);
    assert.ok(c.last.medianProxy > at(c, 100).medianProxy, `${d}: the proxy should keep rising`);
  }
});

test("turnsOver tells a curve that falls back from one that keeps rising", () => {
  assert.equal(sim.turnsOver(curves.gaussian), false);
  for (const d of ["t3", "t2", "cauchy"]) assert.equal(sim.turnsOver(curves[d]), true, d);
});

test("pointAt finds the nearest N on a log scale", () => {
  assert.equal(sim.pointAt(curves.gaussian, 1).n, 1);
  assert.equal(sim.pointAt(curves.gaussian, 1000).n, 1000);
  assert.equal(sim.pointAt(curves.gaussian, 1100).n, 1000);
  assert.equal(sim.pointAt(curves.gaussian, 1400).n, 1500);
});

test("trueValueTrend places N before, at or past the peak of the true value", () => {
  const heavy = curves.t2;
  for (const p of heavy.points) {
    const trend = sim.trueValueTrend(heavy, p.n);
    assert.equal(trend.here, sim.pointAt(heavy, p.n));
    assert.equal(trend.peak, heavy.peak);
    const want = p.n < heavy.peak.n ? "rising" : p.n === heavy.peak.n ? "peak" : "falling";
    assert.equal(trend.phase, want, `N = ${p.n}`);
  }
  // A curve that does not turn over is rising all the way, its last point included.
  for (const n of [1, 100, 10000]) assert.equal(sim.trueValueTrend(curves.gaussian, n).phase, "rising");
});

// goodhart-draw.js is a browser script: loaded once here as the static figures load it (a second
// load would find the scripts already required).
let loadedDraw = null;
function goodhartDraw() {
  if (!loadedDraw) loadedDraw = require("../../scripts/static_figures.js").loadDemos().goodhartDraw;
  return loadedDraw;
}

test("the one-line result under the N slider says the charts' numbers in words", () => {
  const draw = goodhartDraw();
  const panels = [{ name: "no huge errors", curve: curves.gaussian }, { name: "occasional ones", curve: curves.t2 }];
  const peak = curves.t2.peak;
  const two = (v) => v.toFixed(2).replace("-", "\u2212");
  const text = (n, options) => { const line = draw.resultLine(n, panels, options); return [line.lead, ...line.parts].join(" "); };
  assert.equal(text(70), `Best of 70: true value with no huge errors ${two(at(curves.gaussian, 70).meanTrue)}, rising `
    + `occasional ones ${two(at(curves.t2, 70).meanTrue)}, past its peak of ${two(peak.meanTrue)}`);
  assert.equal(draw.resultLine(peak.n, panels).parts[1], `occasional ones ${two(peak.meanTrue)}, its peak`);
  assert.equal(draw.resultLine(2, panels).parts[1], `occasional ones ${two(at(curves.t2, 2).meanTrue)}, rising to ${two(peak.meanTrue)} at N = ${peak.n}`);
  assert.match(text(1), /^Best of 1 \(no selection yet\): true value with no huge errors \S+ occasional ones \S+$/);
  assert.match(text(10000), /^Best of 10,000: /);
  // The lead's opening, which a phone's stuck slider shows as its number, is given apart.
  assert.equal(draw.resultLine(70, panels).at, "Best of 70:");
  assert.equal(draw.resultLine(1, panels).at, "Best of 1 (no selection yet):");
});

test("the result line names no peak the reader has not yet passed", () => {
  const draw = goodhartDraw();
  const panels = [{ name: "no huge errors", curve: curves.gaussian }, { name: "occasional ones", curve: curves.t2 }];
  const peak = curves.t2.peak;
  const two = (v) => v.toFixed(2).replace("-", "\u2212");
  assert.ok(peak.n > 2, "the heavy-tailed peak comes after N = 2");
  // Dragging up from N = 1: at N = 2, and at the peak itself, the true value is "rising".
  assert.equal(draw.resultLine(2, panels, { reached: 2 }).parts[1], `occasional ones ${two(at(curves.t2, 2).meanTrue)}, rising`);
  assert.equal(draw.resultLine(peak.n, panels, { reached: peak.n }).parts[1], `occasional ones ${two(peak.meanTrue)}, rising`);
  // Once past it, the peak is named, also when the reader comes back below it.
  const past = curves.t2.points.find((p) => p.n > peak.n).n;
  assert.match(draw.resultLine(past, panels, { reached: past }).parts[1], /past its peak of/);
  assert.equal(draw.resultLine(peak.n, panels, { reached: past }).parts[1], `occasional ones ${two(peak.meanTrue)}, its peak`);
  assert.match(draw.resultLine(2, panels, { reached: 10000 }).parts[1], new RegExp(`rising to ${two(peak.meanTrue)} at N = ${peak.n}$`));
});

test("the chapter's figure and the explorer name the kinds of error in one way", () => {
  const draw = goodhartDraw();
  assert.equal(draw.kindTitle("gaussian"), "No huge errors (light tails)");
  assert.equal(draw.kindTitle("t2"), "Occasional huge errors (heavy tails)");
  assert.equal(draw.kindTitle("t3"), "Rare huge errors (heavy tails)");
  assert.equal(draw.kindTitle("cauchy"), "Frequent huge errors (heavy tails)");
  for (const key of Object.keys(sim.ERROR_DISTRIBUTIONS)) {
    const kind = draw.ERROR_KINDS[key];
    assert.ok(kind && kind.short && kind.plain.endsWith("huge errors"), key);
  }
  // One vocabulary: how often the error is huge (no, rare, occasional, frequent), the radio
  // buttons' words, and one technical pair, light or heavy tails, never "heavier" or "extreme"
  // (a reader review met three sets of names for the same settings).
  const words = { gaussian: "no", t3: "rare", t2: "occasional", cauchy: "frequent" };
  for (const [key, word] of Object.entries(words)) {
    const kind = draw.ERROR_KINDS[key];
    assert.equal(kind.plain, `${word} huge errors`, key);
    assert.equal(kind.tails, key === "gaussian" ? "light tails" : "heavy tails", key);
    assert.equal(sim.ERROR_DISTRIBUTIONS[key].label, kind.plain, key);
    assert.doesNotMatch(JSON.stringify([kind, sim.ERROR_DISTRIBUTIONS[key].label]), /heavier|extreme/i, key);
  }
  // The two pages' files name them through goodhart-draw.js, not in words of their own.
  const fs = require("node:fs");
  const path = require("node:path");
  const demosDir = path.resolve(__dirname, "../../docs/assets/javascripts/demos");
  for (const file of ["fig-goodhart-tails.js", "goodhart-explorer.js"]) {
    const source = fs.readFileSync(path.join(demosDir, file), "utf8");
    assert.match(source, /draw\.kindTitle/, file);
    assert.doesNotMatch(source, /light-tailed error"|heavy-tailed error"|never far off|now and then enormous/, file);
  }
});

test("running the trials in chunks gives exactly the one-shot result", () => {
  const run = sim.createBestOfN({ distribution: "t2", seed: 1975, trials: 200 });
  assert.throws(() => run.result(), /no trials run yet/);
  let chunks = 0;
  while (!run.done) { run.addTrials(37); chunks += 1; }
  assert.equal(chunks, 6);
  assert.equal(run.trialsDone, 200);
  assert.deepEqual(run.result().points, curves.t2.points);
  const partial = sim.createBestOfN({ distribution: "t2", seed: 1975, trials: 200 }).addTrials(10).result();
  assert.equal(partial.complete, false);
  assert.equal(partial.options.trials, 10);
  assert.equal(partial.samples, 10 * 10000);
});

test("every error distribution has a plain label and its technical name", () => {
  for (const [key, d] of Object.entries(sim.ERROR_DISTRIBUTIONS)) {
    assert.doesNotMatch(d.label, /Student|Cauchy|Gaussian|d\.f\./, key);
    assert.ok(d.technical.length > 4, key);
  }
});

test("heavier tails leave the winner worse off at N = 10,000 than light tails", () => {
  assert.ok(curves.t2.last.meanTrue < curves.gaussian.last.meanTrue - 1);
  assert.ok(curves.cauchy.last.meanTrue < curves.gaussian.last.meanTrue - 1);
});

test("the curve is deterministic given a seed", () => {
  const again = sim.bestOfNCurve({ distribution: "t2", seed: 1975, trials: 200 });
  assert.deepEqual(again.points, curves.t2.points);
  const other = sim.bestOfNCurve({ distribution: "t2", seed: 1976, trials: 200 });
  assert.notDeepEqual(other.points, curves.t2.points);
});

test("bad options are refused with a message that names the fix", () => {
  assert.throws(() => sim.bestOfNCurve({ distribution: "pareto" }), /unknown error distribution "pareto"; use one of gaussian/);
  assert.throws(() => sim.bestOfNCurve({ trials: -1 }), /trials must be a non-negative number/);
});

// ------------------------------------------------------------------ one draw, up close
test("one draw is the first trial of the charts' run: the same winner at every N", () => {
  for (const distribution of Object.keys(sim.ERROR_DISTRIBUTIONS)) {
    for (const errorScale of [0.5, 1, 2]) {
      const options = { distribution, errorScale, seed: 1975 };
      const first = sim.createBestOfN({ ...options, trials: 1 }).addTrials().result();
      const draw = sim.oneDraw(options);
      for (const p of first.points) {
        const w = draw.winner(p.n);
        assert.equal(w.value, p.meanTrue, `${distribution} ${errorScale} N = ${p.n}`);
        assert.equal(w.score, p.medianProxy);
        assert.equal(w.score, draw.scores[w.index]);
        assert.ok(Math.abs(w.value + w.error - w.score) < 1e-12);
      }
    }
  }
});

test("one draw is deterministic for a seed, and its winner's score never falls as N grows", () => {
  const a = sim.oneDraw({ distribution: "t2", seed: 7 });
  const b = sim.oneDraw({ distribution: "t2", seed: 7 });
  assert.deepEqual(Array.from(a.scores), Array.from(b.scores));
  assert.notDeepEqual(Array.from(a.scores.subarray(0, 50)), Array.from(sim.oneDraw({ distribution: "t2", seed: 8 }).scores.subarray(0, 50)));
  let last = -Infinity;
  for (const n of sim.selectionSizes(sim.MAX_N)) {
    const w = a.winner(n);
    assert.ok(w.index < n && w.score >= last, `N = ${n}`);
    for (let i = 0; i < n; i += 1) assert.ok(a.scores[i] <= w.score);
    last = w.score;
  }
});

test("the draws show the mechanism: the light-tailed winner is good, the heavy-tailed one mostly error", () => {
  const light = sim.oneDraw({ distribution: "gaussian", seed: 1975 }).winner(sim.MAX_N);
  const heavy = sim.oneDraw({ distribution: "t2", seed: 1975 }).winner(sim.MAX_N);
  assert.ok(light.value > 2.5, light);
  assert.ok(heavy.error > 10 * Math.abs(heavy.value), heavy);
});

test("the draws' labels are clear at a phone's and a desktop's sizes, for every N, kind and size of error, and word the two winners alike", () => {
  const { labelProblems } = require("./support/label-check.js");
  const { lightColours, SvgContext } = require("../../scripts/static_figures.js");
  const draw = goodhartDraw();
  const colours = lightColours();
  // The draws' canvases in Chromium (CSS px): 1440 x 900, 390 x 844, 320 px, and the printed still.
  const sizes = [[459, 298], [358, 232], [288, 216], [356, 260]];
  const seen = new Set(); // the wordings the winners were given
  for (const heavy of ["t3", "t2", "cauchy"]) {
    for (const errorScale of [0.25, 1, 2]) {
      const draws = ["gaussian", heavy].map((distribution) => sim.oneDraw({ distribution, errorScale, seed: 1975 }));
      const range = draw.drawRange(draws[0], draws[1]);
      for (const n of sim.selectionSizes(sim.MAX_N)) {
        for (const [width, height] of sizes) {
          const wordings = [];
          for (const one of draws) {
            const ctx = new SvgContext();
            const beside = draws.filter((other) => other !== one);
            const drawn = draw.drawOneDraw({ ctx, width, height }, colours, one, n, { range, compact: width < 420, beside });
            const where = `${one.options.distribution} ${errorScale} N = ${n} at ${width} x ${height}`;
            assert.deepEqual(labelProblems({ width, height, ...drawn.chart }), [], where);
            assert.ok(drawn.chart.texts.some((t) => t.kind === "vertical" && t.text === drawn.label && t.text.startsWith("winner")), where);
            assert.equal(drawn.shown, Math.min(n, draw.DRAW_CAP), where);
            wordings.push(drawn.label.replace(/[−-]?\d[\d.,]*/g, "#")); // its words, numbers taken out
          }
          // Side by side, "winner: true value 1.35" and "winner: value −0.03" read as two measures.
          assert.equal(wordings[0], wordings[1], `${heavy} ${errorScale} N = ${n} at ${width} x ${height}`);
          seen.add(wordings[0]);
        }
      }
    }
  }
  assert.ok(seen.size >= 2, `a narrower plot takes a shorter wording: ${[...seen]}`);
});
