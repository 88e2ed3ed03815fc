// Unit tests for the KL-leash curves (docs/assets/javascripts/demos/kl-leash-sim.js).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const sim = require("../../docs/assets/javascripts/demos/kl-leash-sim.js");

const close = (a, b, eps = 1e-9) => Math.abs(a - b) <= eps;

test("the gold reward has Gao, Schulman and Hilton's RL form d (alpha - beta log d)", () => {
  for (const [name, m] of Object.entries(sim.REWARD_MODELS)) {
    assert.equal(sim.gold(0, m), 0, name);
    for (const d of [0.3, 1, 2.5, 7]) assert.ok(close(sim.gold(d, m), d * (m.alpha - m.beta * Math.log(d))), `${name} d=${d}`);
  }
});

test("the gold reward rises to its peak at d = exp(alpha / beta - 1), then falls below zero", () => {
  for (const name of Object.keys(sim.REWARD_MODELS)) {
    const { points, peak } = sim.curve(name, { maxD: 20, steps: 400 });
    const m = sim.REWARD_MODELS[name];
    assert.ok(close(peak.d, Math.exp(m.alpha / m.beta - 1)));
    assert.ok(close(peak.gold, sim.gold(peak.d, m)));
    const best = points.reduce((a, b) => (b.gold > a.gold ? b : a));
    assert.ok(Math.abs(best.d - peak.d) <= 20 / 400, `${name}: sampled peak at ${best.d}`);
    for (const p of points) {
      const next = points.find((q) => q.d > p.d);
      if (!next) continue;
      if (next.d <= peak.d) assert.ok(next.gold > p.gold, `${name}: not rising at ${p.d}`);
      if (p.d >= peak.d) assert.ok(next.gold < p.gold, `${name}: not falling at ${p.d}`);
    }
    assert.ok(points[points.length - 1].gold < 0, `${name}: far out the gold reward ends below the start`);
  }
});

test("the proxy score keeps rising and never falls below the gold score", () => {
  for (const name of Object.keys(sim.REWARD_MODELS)) {
    const { points } = sim.curve(name, { maxD: 20, steps: 400 });
    for (let i = 1; i < points.length; i += 1) {
      assert.ok(points[i].proxy > points[i - 1].proxy, `${name}: proxy fell at ${points[i].d}`);
      assert.ok(points[i].proxy >= points[i].gold, `${name}: proxy below gold at ${points[i].d}`);
    }
    assert.equal(points[0].proxy, 0);
  }
});

test("a larger reward model peaks later and higher, as in the paper; it still turns over", () => {
  const small = sim.peak(sim.REWARD_MODELS.small);
  const large = sim.peak(sim.REWARD_MODELS.large);
  assert.ok(large.d > small.d && large.gold > small.gold);
  assert.ok(large.d < sim.MAX_D, "the larger model's peak is inside the figure");
});

test("at() reports the numbers at one leash length", () => {
  const here = sim.at(0.5, "small");
  assert.equal(here.kl, 0.25);
  assert.equal(here.pastPeak, false);
  assert.equal(sim.at(2, "small").pastPeak, true);
  assert.equal(sim.at(2, "large").pastPeak, true);
  assert.equal(sim.at(1.5, "large").pastPeak, false);
  assert.ok(here.proxy > here.gold);
});

test("bad input is refused with a message that names the fix", () => {
  assert.throws(() => sim.at(1, "huge"), /unknown reward model "huge"; use one of small, large/);
  assert.throws(() => sim.gold(-1, sim.REWARD_MODELS.small), /non-negative number, got -1/);
  assert.throws(() => sim.proxy(Number.NaN, sim.REWARD_MODELS.small), /non-negative number/);
});
