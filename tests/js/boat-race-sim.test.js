// Unit tests for the boat race simulation (docs/assets/javascripts/demos/boat-race-sim.js):
// the course, the learner under the game score and under a progress reward, determinism, driving.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const sim = require("../../docs/assets/javascripts/demos/boat-race-sim.js");

const { course } = sim;
const SEEDS = [2016, 1, 7];

function train(reward, seed) {
  const trainer = sim.createTrainer({ seed, reward });
  while (!trainer.done) trainer.trainEpisodes(37);
  return { trainer, rollout: trainer.greedyRollout() };
}

function mean(values) {
  return values.reduce((s, x) => s + x, 0) / values.length;
}

const defaultRuns = new Map(SEEDS.map((seed) => [seed, train(sim.DEFAULT_REWARD, seed)]));
const progressRuns = new Map(SEEDS.map((seed) => [seed, train(sim.PROGRESS_REWARD, seed)]));

test("the course: start on the track, targets in the lagoon, land in between", () => {
  assert.ok(course.isWater(course.START.x, course.START.y));
  assert.ok(course.onTrack(course.START.x, course.START.y));
  for (const target of course.TARGETS) {
    assert.ok(course.inLagoon(target.x, target.y), `target ${JSON.stringify(target)} not in the lagoon`);
    assert.ok(!course.onTrack(target.x, target.y), "targets must be off the racing line");
  }
  assert.ok(!course.isWater(250, 240), "the infield left of the lagoon is land");
  assert.ok(!course.isWater(10, 10), "outside the track is land");
  assert.equal(course.CHECKPOINTS.filter((g) => g.isFinish).length, 1);
  assert.ok(course.CHECKPOINTS[course.CHECKPOINTS.length - 1].isFinish, "the finish is the last gate");
});

test("every grid cell the agent can reach is water, and the start cell exists", () => {
  assert.ok(sim.startCell >= 0);
  for (const cell of sim.grid.cells) assert.ok(course.isWater(cell.x, cell.y));
  assert.ok(sim.grid.cells.some((cell) => cell.lagoon));
});

test("paid by the game score, the learned policy circles the lagoon and never finishes", () => {
  for (const [seed, { rollout }] of defaultRuns) {
    assert.equal(rollout.finished, false, `seed ${seed} finished`);
    assert.equal(rollout.policyLoops, true, `seed ${seed} does not loop`);
    assert.equal(rollout.loopInLagoon, true, `seed ${seed} loops outside the lagoon`);
    assert.ok(rollout.loopMoves, `seed ${seed} is stuck rather than circling`);
    assert.ok(rollout.targetsHit > 10, `seed ${seed} hit ${rollout.targetsHit} targets`);
    assert.ok(rollout.progress < 0.5, `seed ${seed} progress ${rollout.progress}`);
  }
});

test("paid by the game score, training raises the score and lowers race progress", () => {
  for (const [seed, { trainer }] of defaultRuns) {
    const h = trainer.history;
    const early = h.slice(0, 50);
    const late = h.slice(-50);
    assert.ok(mean(late.map((e) => e.score)) > 5 * mean(early.map((e) => e.score)), `seed ${seed}: score did not rise`);
    assert.ok(mean(late.map((e) => e.progress)) < mean(early.map((e) => e.progress)), `seed ${seed}: progress did not fall`);
    assert.ok(late.every((e) => !e.finished), `seed ${seed}: a late episode finished`);
  }
});

test("paid for progress, the same learner finishes the race", () => {
  for (const [seed, { rollout, trainer }] of progressRuns) {
    assert.equal(rollout.finished, true, `seed ${seed} did not finish`);
    assert.equal(rollout.progress, 1);
    assert.equal(rollout.policyLoops, false);
    assert.ok(rollout.steps < 150, `seed ${seed} took ${rollout.steps} moves`);
    const late = trainer.history.slice(-50);
    assert.ok(mean(late.map((e) => e.progress)) > 0.9, `seed ${seed}: late progress too low`);
  }
});

test("training is deterministic given a seed", () => {
  const a = train(sim.DEFAULT_REWARD, 99);
  const b = train(sim.DEFAULT_REWARD, 99);
  const c = train(sim.DEFAULT_REWARD, 100);
  assert.deepEqual(a.trainer.history, b.trainer.history);
  assert.deepEqual(a.rollout.trail, b.rollout.trail);
  assert.notDeepEqual(a.trainer.history, c.trainer.history);
});

test("training in chunks of any size gives the same result", () => {
  const whole = sim.createTrainer({ seed: 5, reward: sim.PROGRESS_REWARD });
  whole.trainEpisodes(10000);
  const chunked = sim.createTrainer({ seed: 5, reward: sim.PROGRESS_REWARD });
  while (!chunked.done) chunked.trainEpisodes(6);
  assert.equal(whole.history.length, sim.DEFAULT_TRAINING.episodes);
  assert.deepEqual(whole.history, chunked.history);
});

test("a reward that is not a number is refused with the key named", () => {
  assert.throws(() => sim.createTrainer({ reward: { targetPoints: "lots" } }), /reward\.targetPoints must be a number/);
});

test("a hand-made policy that only turns right circles without finishing", () => {
  const rollout = sim.rollout(() => 2, sim.DEFAULT_REWARD, 300);
  assert.equal(rollout.finished, false);
  assert.equal(rollout.policyLoops, true);
});

test("a driven boat at full throttle passes the first checkpoint and stays on the water", () => {
  const boat = sim.createBoat(sim.PROGRESS_REWARD);
  for (let i = 0; i < 180; i += 1) {
    sim.driveStep(boat, { up: true }, 1 / 60);
    assert.ok(course.isWater(boat.x, boat.y), `left the water at ${boat.x}, ${boat.y}`);
  }
  assert.ok(boat.run.nextCheckpoint >= 1, "did not pass checkpoint 1");
  assert.equal(boat.run.score, sim.PROGRESS_REWARD.checkpointReward * boat.run.nextCheckpoint);
});

test("a driven boat collects a lagoon target and the target respawns later", () => {
  const boat = sim.createBoat(sim.DEFAULT_REWARD);
  const target = course.TARGETS[0];
  // Drop the boat in the middle of the lagoon, facing the target, and drive at it.
  boat.x = course.LAGOON.x;
  boat.y = course.LAGOON.y;
  boat.angle = Math.atan2(target.y - boat.y, target.x - boat.x);
  for (let i = 0; i < 40; i += 1) sim.driveStep(boat, { up: true }, 1 / 60);
  assert.equal(boat.run.targetsHit, 1);
  assert.equal(boat.run.score, sim.DEFAULT_REWARD.targetPoints);
  assert.ok(boat.run.targetReadyAt[0] > boat.time, "the collected target should be respawning");
});

test("a learned policy can be scored by another reward than the one it was trained on", () => {
  const trainer = sim.createTrainer({ seed: 2016, reward: sim.PROGRESS_REWARD });
  while (!trainer.done) trainer.trainEpisodes(100);
  const own = trainer.greedyRollout();
  const game = trainer.greedyRollout(sim.DEFAULT_REWARD);
  assert.deepEqual(game.trail.map((p) => p.cell), own.trail.map((p) => p.cell), "the same route");
  assert.equal(own.finished, true);
  assert.equal(own.score, 7 * sim.PROGRESS_REWARD.checkpointReward + sim.PROGRESS_REWARD.finishBonus);
  assert.equal(game.score, sim.DEFAULT_REWARD.finishBonus + sim.DEFAULT_REWARD.targetPoints * game.targetsHit);
  assert.throws(() => trainer.greedyRollout({ targetPoints: "many" }), /reward\.targetPoints must be a number/);
});

test("checkpoints are counted as the course numbers them: seven, the finish line not among them", () => {
  const numbered = course.CHECKPOINTS.filter((gate) => !gate.isFinish).length;
  assert.equal(numbered, 7);
  assert.equal(sim.checkpointsPassed(0), "0 of 7");
  const run = { nextCheckpoint: 3 };
  assert.equal(sim.checkpointsPassed(sim.progressOf(run)), "3 of 7");
  // Past the last numbered gate and over the finish line: still all seven, never "8 of 7".
  assert.equal(sim.checkpointsPassed(sim.progressOf({ nextCheckpoint: numbered })), "7 of 7");
  assert.equal(sim.checkpointsPassed(sim.progressOf({ nextCheckpoint: course.CHECKPOINTS.length })), "7 of 7");
  const finisher = progressRuns.get(2016).rollout;
  assert.ok(finisher.finished);
  assert.equal(sim.checkpointsPassed(finisher.progress), "7 of 7");
});

// "Skip to the replay" (boat-race.js) trains the episodes still to come at once, where watching
// trains them EPISODES_PER_FRAME (2) a frame: the same run either way, policy and numbers.
function trainWatched(reward, seed) {
  const trainer = sim.createTrainer({ seed, reward });
  while (!trainer.done) trainer.trainEpisodes(2);
  return trainer;
}

function sameRun(a, b, what) {
  assert.deepEqual(a.history, b.history, `${what}: the episodes`);
  assert.deepEqual(Array.from(a.qValues), Array.from(b.qValues), `${what}: the learned values`);
  const [ra, rb] = [a.greedyRollout(), b.greedyRollout()];
  assert.deepEqual(rb, ra, `${what}: the learned policy's race`);
}

test("skipping to the result gives the run that watching it gives, from any point", () => {
  for (const reward of [sim.DEFAULT_REWARD, sim.PROGRESS_REWARD]) {
    const watched = trainWatched(reward, 2016);
    for (const after of [0, 2, 74, 498]) {
      const skipped = sim.createTrainer({ seed: 2016, reward });
      for (let done = 0; done < after; done += 2) skipped.trainEpisodes(2);
      const rest = skipped.finish();
      assert.equal(rest.length, sim.DEFAULT_TRAINING.episodes - after);
      assert.ok(skipped.done);
      sameRun(watched, skipped, `skipped after ${after} episodes`);
    }
  }
  // Nothing is left to skip once training is done.
  const trained = trainWatched(sim.PROGRESS_REWARD, 7);
  assert.deepEqual(trained.finish(), []);
});

test("every episode and route is also scored by the game's score, one measure for both rewards", () => {
  for (const seed of SEEDS) {
    const { trainer: looperTrainer, rollout: looper } = defaultRuns.get(seed);
    const { trainer: racerTrainer, rollout: racer } = progressRuns.get(seed);
    // Paid by the game's score, its game score is its score.
    assert.ok(looperTrainer.history.every((e) => e.gameScore === e.score));
    assert.equal(looper.gameScore, looper.score);
    // Paid for progress: the game scores the same route as a rollout scored by the game does.
    assert.equal(racer.gameScore, racerTrainer.greedyRollout(sim.DEFAULT_REWARD).score);
    assert.ok(racerTrainer.history.every((e) => !e.finished || e.gameScore >= sim.DEFAULT_REWARD.finishBonus));
    assert.ok(racer.trail.every((p, i) => i === 0 || p.gameScore >= racer.trail[i - 1].gameScore), "the game score never falls");
    // On that one measure the boat paid for targets scores more, yet only the other finishes.
    assert.ok(looper.gameScore > racer.gameScore, `seed ${seed}: ${looper.gameScore} vs ${racer.gameScore}`);
    assert.ok(racer.finished && !looper.finished);
  }
  assert.equal(sim.gameScoreOf({ targetsHit: 3, nextCheckpoint: 8, finished: true }), 3 * 10 + 50);
});
