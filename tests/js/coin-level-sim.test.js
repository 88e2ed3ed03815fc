// Unit tests for the toy CoinRun simulation (docs/assets/javascripts/demos/coin-level-sim.js).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const sim = require("../../docs/assets/javascripts/demos/coin-level-sim.js");

const fixed = sim.train({ regime: "fixed" });
const varied = sim.train({ regime: "varied" });
const RAISED = { x: 7, y: 2 }; // the middle of the level, two rows up: off the "go right" path

test("the level: a coin may go on every cell but the start", () => {
  const cells = sim.coinPositions();
  assert.equal(cells.length, sim.LEVEL.width * sim.LEVEL.height - 1);
  assert.ok(!cells.some((c) => c.x === sim.START.x && c.y === sim.START.y));
  assert.throws(() => sim.play(fixed, { x: 0, y: 0 }), /cannot be placed on the agent's starting cell/);
  assert.throws(() => sim.play(fixed, { x: 99, y: 0 }), /must be on a cell of the 15 x 4 level/);
  assert.throws(() => sim.train({ regime: "sometimes" }), /unknown training regime "sometimes"; use one of fixed, varied/);
});

test("trained with the coin always at the right end, the agent takes it there", () => {
  const run = sim.play(fixed, sim.TRAINING_COIN);
  assert.equal(run.gotCoin, true);
  assert.equal(run.moves, sim.LEVEL.width - 1, "straight along the floor");
});

test("it learned a habit of going right, not a built-in preference", () => {
  const [right, left, jump] = fixed.habit;
  assert.ok(right > left + 0.5 && right > jump + 0.5, `habit ${fixed.habit}`);
  assert.equal(sim.train({ regime: "fixed", episodes: 0 }).habit.every((v) => v === 0), true);
});

test("with the coin moved off its path, it runs past to the right end (goal misgeneralization)", () => {
  const run = sim.play(fixed, RAISED);
  assert.equal(run.gotCoin, false);
  assert.equal(run.endsAtRightEnd, true);
  assert.equal(run.passedCoin, true);
  assert.ok(run.path.every((p) => p.y === 0), "it never leaves the floor");
});

test("it gets the coin only where the coin happens to lie on its way: on the floor", () => {
  for (const coin of sim.coinPositions()) {
    assert.equal(sim.play(fixed, coin).gotCoin, coin.y === 0, JSON.stringify(coin));
  }
  const floorShare = (sim.LEVEL.width - 1) / sim.coinPositions().length;
  assert.equal(sim.successRate(fixed), floorShare);
});

test("trained with the coin elsewhere in 1 level in 10, it goes for the coin wherever it is", () => {
  assert.equal(sim.REGIMES.varied.elsewhereShare, 0.1);
  const run = sim.play(varied, RAISED);
  assert.equal(run.gotCoin, true);
  assert.ok(run.moves <= 12, `${run.moves} moves`);
  assert.ok(sim.successRate(varied) >= 0.95, `success ${sim.successRate(varied)}`);
});

test("the contrast holds across seeds, not only for the figure's", () => {
  let variedWins = 0;
  for (let seed = 1; seed <= 12; seed += 1) {
    const f = sim.train({ seed, regime: "fixed" });
    const v = sim.train({ seed, regime: "varied" });
    assert.ok(sim.successRate(f) <= 0.25, `seed ${seed}: the fixed-coin agent took raised coins`);
    if (sim.successRate(v) >= 0.9) variedWins += 1;
  }
  assert.ok(variedWins >= 10, `only ${variedWins} of 12 varied-coin agents generalized`);
});

test("training is deterministic given a seed", () => {
  const again = sim.train({ regime: "varied" });
  assert.deepEqual(again.habit, varied.habit);
  assert.deepEqual(Array.from(again.view), Array.from(varied.view));
  const other = sim.train({ regime: "varied", seed: 7 });
  assert.notDeepEqual(Array.from(other.view), Array.from(varied.view));
});

test("the agent only sees the coin within a few columns", () => {
  assert.equal(sim.observe({ x: 0, y: 0 }, { x: sim.LEVEL.view + 1, y: 0 }), 0);
  assert.notEqual(sim.observe({ x: 0, y: 0 }, { x: sim.LEVEL.view, y: 0 }), 0);
  const seen = new Set();
  for (const coin of sim.coinPositions()) {
    for (let x = 0; x < sim.LEVEL.width; x += 1) {
      for (let y = 0; y < sim.LEVEL.height; y += 1) seen.add(sim.observe({ x, y }, coin));
    }
  }
  assert.equal(Math.max(...seen) + 1, sim.OBSERVATIONS);
});
