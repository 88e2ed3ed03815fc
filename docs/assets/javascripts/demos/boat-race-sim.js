/**
 * Boat race simulation: the course, a grid version of it for a learning agent, tabular Q-learning,
 * and continuous boat physics for a human driver. No drawing here (see boat-race.js).
 *
 * Why a grid: tabular Q-learning over (cell, heading, next checkpoint) learns in well under a
 * second, is deterministic given a seed, and is small enough to test under Node. The course is
 * after OpenAI's CoastRunners example: a lap with checkpoints, and a lagoon of respawning targets
 * just off the racing line.
 */
(function (root, factory) {
  "use strict";
  const random = typeof module === "object" && module.exports
    ? require("./random.js")
    : root.AlignmentDemos.random;
  const api = factory(random);
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.AlignmentDemos = root.AlignmentDemos || {};
    root.AlignmentDemos.boatRaceSim = api;
  }
})(typeof self !== "undefined" ? self : this, function (random) {
  "use strict";

  // ---------------------------------------------------------------- course geometry (world units)
  const WIDTH = 800;
  const HEIGHT = 460;
  /** The lap is a stadium: every point within HALF_WIDTH of a ring of radius RADIUS around the
   * segment from LEFT_CENTRE to RIGHT_CENTRE. */
  const LEFT_CENTRE = { x: 250, y: 240 };
  const RIGHT_CENTRE = { x: 550, y: 240 };
  const RADIUS = 150;
  const HALF_WIDTH = 44;
  const STRAIGHT = RIGHT_CENTRE.x - LEFT_CENTRE.x;
  const LAP_LENGTH = 2 * STRAIGHT + 2 * Math.PI * RADIUS;
  /** The lagoon sits in the infield, joined to the bottom straight by a short channel. */
  const LAGOON = { x: 430, y: 230, r: 66 };
  const CHANNEL = { x0: 400, x1: 460, y0: 230, y1: 352 };
  const TARGETS = [
    { x: 390, y: 210 }, { x: 450, y: 190 }, { x: 470, y: 250 }, { x: 410, y: 270 },
  ];
  /** Arc length of the start/finish line, measured from the bottom-left end of the straights. */
  const FINISH_S = 60;
  const CHECKPOINT_COUNT = 8;
  const START = { x: 330, y: 390, heading: 0 };

  /** Point and unit tangent of the racing line at arc length s (driving direction). */
  function centreline(s) {
    const t = ((s % LAP_LENGTH) + LAP_LENGTH) % LAP_LENGTH;
    const bend = Math.PI * RADIUS;
    if (t < STRAIGHT) return { x: LEFT_CENTRE.x + t, y: LEFT_CENTRE.y + RADIUS, tx: 1, ty: 0 };
    if (t < STRAIGHT + bend) {
      const phi = Math.PI / 2 - (t - STRAIGHT) / RADIUS;
      return {
        x: RIGHT_CENTRE.x + RADIUS * Math.cos(phi), y: RIGHT_CENTRE.y + RADIUS * Math.sin(phi),
        tx: Math.sin(phi), ty: -Math.cos(phi),
      };
    }
    if (t < 2 * STRAIGHT + bend) {
      return { x: RIGHT_CENTRE.x - (t - STRAIGHT - bend), y: RIGHT_CENTRE.y - RADIUS, tx: -1, ty: 0 };
    }
    const phi = -Math.PI / 2 - (t - 2 * STRAIGHT - bend) / RADIUS;
    return {
      x: LEFT_CENTRE.x + RADIUS * Math.cos(phi), y: LEFT_CENTRE.y + RADIUS * Math.sin(phi),
      tx: Math.sin(phi), ty: -Math.cos(phi),
    };
  }

  /** Checkpoint gates: segments across the track; the last one is the finish line. */
  const CHECKPOINTS = Array.from({ length: CHECKPOINT_COUNT }, (_, k) => {
    const s = FINISH_S + (LAP_LENGTH * (k + 1)) / CHECKPOINT_COUNT;
    const c = centreline(s);
    const reach = HALF_WIDTH + 8;
    return {
      index: k, s, isFinish: k === CHECKPOINT_COUNT - 1,
      a: { x: c.x - c.ty * reach, y: c.y + c.tx * reach },
      b: { x: c.x + c.ty * reach, y: c.y - c.tx * reach },
    };
  });

  function distanceToStraights(x, y) {
    const cx = Math.min(Math.max(x, LEFT_CENTRE.x), RIGHT_CENTRE.x);
    return Math.hypot(x - cx, y - LEFT_CENTRE.y);
  }

  function onTrack(x, y) {
    return Math.abs(distanceToStraights(x, y) - RADIUS) <= HALF_WIDTH;
  }

  function inLagoon(x, y) {
    const inChannel = x >= CHANNEL.x0 && x <= CHANNEL.x1 && y >= CHANNEL.y0 && y <= CHANNEL.y1;
    return inChannel || Math.hypot(x - LAGOON.x, y - LAGOON.y) <= LAGOON.r;
  }

  function isWater(x, y) {
    return x > 0 && y > 0 && x < WIDTH && y < HEIGHT && (onTrack(x, y) || inLagoon(x, y));
  }

  /** Whether segment p→q crosses segment a→b (proper or touching intersection). */
  function segmentsCross(p, q, a, b) {
    const d = (q.x - p.x) * (b.y - a.y) - (q.y - p.y) * (b.x - a.x);
    if (d === 0) return false;
    const t = ((a.x - p.x) * (b.y - a.y) - (a.y - p.y) * (b.x - a.x)) / d;
    const u = ((a.x - p.x) * (q.y - p.y) - (a.y - p.y) * (q.x - p.x)) / d;
    return t >= 0 && t <= 1 && u >= 0 && u <= 1;
  }

  const course = {
    WIDTH, HEIGHT, LEFT_CENTRE, RIGHT_CENTRE, RADIUS, HALF_WIDTH, LAP_LENGTH, LAGOON, CHANNEL,
    TARGETS, CHECKPOINTS, START, FINISH_S, centreline, isWater, inLagoon, onTrack, segmentsCross,
  };

  // ------------------------------------------------------------------------ rewards and presets
  /** The reward as in the game: points for targets, a little for finishing, nothing for progress. */
  const DEFAULT_REWARD = Object.freeze({ targetPoints: 10, finishBonus: 50, checkpointReward: 0 });
  /** The repaired reward: pay for what we wanted (checkpoints in order, and the finish). */
  const PROGRESS_REWARD = Object.freeze({ targetPoints: 0, finishBonus: 100, checkpointReward: 10 });
  const DEFAULT_TRAINING = Object.freeze({
    seed: 2016, episodes: 500, maxSteps: 300, alpha: 0.25, gamma: 0.97,
    epsilonStart: 1, epsilonEnd: 0.02, explorationShare: 0.7,
  });

  /** Collect the reward for a move p→q: checkpoints in order, the finish, and live targets. */
  function scoreMove(run, p, q, targetHitRadius, reward) {
    let gained = 0;
    const gate = CHECKPOINTS[run.nextCheckpoint];
    if (gate && segmentsCross(p, q, gate.a, gate.b)) {
      run.nextCheckpoint += 1;
      if (gate.isFinish) {
        run.finished = true;
        gained += reward.finishBonus;
      } else {
        gained += reward.checkpointReward;
      }
    }
    TARGETS.forEach((target, i) => {
      if (run.clock >= run.targetReadyAt[i] && Math.hypot(q.x - target.x, q.y - target.y) < targetHitRadius) {
        run.targetReadyAt[i] = run.clock + run.respawnDelay;
        run.targetsHit += 1;
        gained += reward.targetPoints;
      }
    });
    run.score += gained;
    return gained;
  }

  function newRun(respawnDelay) {
    return {
      score: 0, nextCheckpoint: 0, finished: false, clock: 0, targetsHit: 0, respawnDelay,
      targetReadyAt: TARGETS.map(() => 0),
    };
  }

  /** Race progress, the true objective: the share of the lap's checkpoints passed in order. */
  function progressOf(run) {
    return run.nextCheckpoint / CHECKPOINT_COUNT;
  }

  /** The numbered checkpoints (the last gate is the finish line, which has no number). */
  const NUMBERED_CHECKPOINTS = CHECKPOINT_COUNT - 1;

  /**
   * What a run scores by the game's own score (DEFAULT_REWARD), whatever reward it was paid:
   * one measure for every run, so that runs paid differently can be compared on it (a reader
   * review: a chart of each run in its own reward, 830 against 170, read as "paying for progress
   * scored worse"). Counted from what the run did, not replayed: no random number is drawn.
   */
  function gameScoreOf(run) {
    const gates = Math.min(run.nextCheckpoint, NUMBERED_CHECKPOINTS);
    return run.targetsHit * DEFAULT_REWARD.targetPoints + gates * DEFAULT_REWARD.checkpointReward
      + (run.finished ? DEFAULT_REWARD.finishBonus : 0);
  }

  /** "3 of 7": the numbered checkpoints passed at this race progress, as a reader counts them
   * on the course (crossing the finish line adds none). */
  function checkpointsPassed(progress) {
    const passed = Math.min(Math.round(progress * CHECKPOINT_COUNT), NUMBERED_CHECKPOINTS);
    return `${passed} of ${NUMBERED_CHECKPOINTS}`;
  }

  // ------------------------------------------------------------------------------ grid world
  const CELL = 20;
  const HEADINGS = [[1, 0], [1, 1], [0, 1], [-1, 1], [-1, 0], [-1, -1], [0, -1], [1, -1]];
  const ACTIONS = 3; // 0 turn left 45°, 1 keep course, 2 turn right 45°; then move one cell.
  const GRID_RESPAWN_STEPS = 6;
  const GRID_TARGET_RADIUS = 12;

  function buildGrid() {
    const cols = Math.floor(WIDTH / CELL);
    const rows = Math.floor(HEIGHT / CELL);
    const indexOf = new Int32Array(cols * rows).fill(-1);
    const cells = [];
    for (let r = 0; r < rows; r += 1) {
      for (let c = 0; c < cols; c += 1) {
        const x = c * CELL + CELL / 2;
        const y = r * CELL + CELL / 2;
        if (isWater(x, y)) {
          indexOf[r * cols + c] = cells.length;
          cells.push({ c, r, x, y, lagoon: inLagoon(x, y) && !onTrack(x, y) });
        }
      }
    }
    return { cols, rows, indexOf, cells };
  }

  const grid = buildGrid();
  const startCell = grid.indexOf[Math.floor(START.y / CELL) * grid.cols + Math.floor(START.x / CELL)];
  const STATE_COUNT = grid.cells.length * HEADINGS.length * CHECKPOINT_COUNT;

  function stateIndex(cell, heading, nextCheckpoint) {
    return (nextCheckpoint * grid.cells.length + cell) * HEADINGS.length + heading;
  }

  /** One grid move: turn, then advance a cell unless that cell is land (then only turn). */
  function gridStep(position, action, run, reward) {
    const heading = (position.heading + action - 1 + HEADINGS.length) % HEADINGS.length;
    const from = grid.cells[position.cell];
    const [dc, dr] = HEADINGS[heading];
    const c = from.c + dc;
    const r = from.r + dr;
    let cell = position.cell;
    if (c >= 0 && r >= 0 && c < grid.cols && r < grid.rows && grid.indexOf[r * grid.cols + c] >= 0) {
      cell = grid.indexOf[r * grid.cols + c];
    }
    run.clock += 1;
    const to = grid.cells[cell];
    const gained = cell === position.cell ? 0 : scoreMove(run, from, to, GRID_TARGET_RADIUS, reward);
    return { position: { cell, heading }, reward: gained };
  }

  function validateReward(reward) {
    const out = {};
    for (const key of ["targetPoints", "finishBonus", "checkpointReward"]) {
      const value = Number(reward[key]);
      if (!Number.isFinite(value)) throw new Error(`reward.${key} must be a number, got ${reward[key]}`);
      out[key] = value;
    }
    return out;
  }

  /**
   * A Q-learning trainer that runs in chunks, so a page can train between animation frames.
   * Returns an object whose trainEpisodes(n) advances training and reports each episode.
   */
  function createTrainer(options) {
    const settings = { ...DEFAULT_TRAINING, ...options };
    const reward = validateReward({ ...DEFAULT_REWARD, ...(options && options.reward) });
    const rng = random.mulberry32(settings.seed);
    const q = new Float64Array(STATE_COUNT * ACTIONS);
    const history = [];

    function greedyAction(state) {
      const base = state * ACTIONS;
      let best = 0;
      let ties = 1;
      for (let a = 1; a < ACTIONS; a += 1) {
        if (q[base + a] > q[base + best]) { best = a; ties = 1; }
        else if (q[base + a] === q[base + best]) {
          ties += 1;
          if (rng() * ties < 1) best = a; // even tie-break among equals, seeded
        }
      }
      return best;
    }

    function epsilonAt(episode) {
      const decayEpisodes = Math.max(1, settings.episodes * settings.explorationShare);
      const share = Math.min(1, episode / decayEpisodes);
      return settings.epsilonStart + (settings.epsilonEnd - settings.epsilonStart) * share;
    }

    function runEpisode(recordTrail) {
      const epsilon = epsilonAt(history.length);
      const run = newRun(GRID_RESPAWN_STEPS);
      let position = { cell: startCell, heading: START.heading };
      const trail = recordTrail ? [{ ...position }] : null;
      for (let step = 0; step < settings.maxSteps && !run.finished; step += 1) {
        const state = stateIndex(position.cell, position.heading, run.nextCheckpoint);
        const action = rng() < epsilon ? Math.floor(rng() * ACTIONS) : greedyAction(state);
        const result = gridStep(position, action, run, reward);
        const next = stateIndex(result.position.cell, result.position.heading, run.nextCheckpoint);
        let future = 0;
        if (!run.finished) {
          const nb = next * ACTIONS;
          future = Math.max(q[nb], q[nb + 1], q[nb + 2]);
        }
        const i = state * ACTIONS + action;
        q[i] += settings.alpha * (result.reward + settings.gamma * future - q[i]);
        position = result.position;
        if (trail) trail.push({ ...position });
      }
      const summary = {
        episode: history.length + 1, score: run.score, gameScore: gameScoreOf(run), progress: progressOf(run),
        finished: run.finished, epsilon,
      };
      history.push(summary);
      return { ...summary, trail };
    }

    /** Train up to n more episodes; the last one's path is kept so a page can draw it. */
    function trainEpisodes(n) {
      const results = [];
      const count = Math.min(n, settings.episodes - history.length);
      for (let k = 0; k < count; k += 1) results.push(runEpisode(k === count - 1));
      return results;
    }

    return {
      settings, reward, history,
      get done() { return history.length >= settings.episodes; },
      trainEpisodes,
      /**
       * Train every episode still to come, at once: a page's "Skip to the replay". The episodes
       * are the ones a page would have trained frame by frame (the same random numbers in the same
       * order), so the learned policy and every number are the same, skipped or watched.
       */
      finish() {
        return trainEpisodes(settings.episodes - history.length);
      },
      /**
       * The learned behaviour with exploration switched off, scored by the training reward or,
       * if given, by another one (say, the game's score for an agent paid for progress).
       */
      greedyRollout(scoring) {
        const scoreWith = scoring ? validateReward({ ...DEFAULT_REWARD, ...scoring }) : reward;
        return rollout((state) => greedyAction(state), scoreWith, settings.maxSteps);
      },
      qValues: q,
    };
  }

  /**
   * Follow a deterministic policy from the start and report what it does. Because the policy
   * depends only on (cell, heading, next checkpoint), revisiting a state means it cycles forever.
   */
  function rollout(policy, reward, maxSteps) {
    const run = newRun(GRID_RESPAWN_STEPS);
    let position = { cell: startCell, heading: START.heading };
    const trail = [{ ...position, score: 0, gameScore: 0, progress: 0, ready: TARGETS.map(() => true) }];
    const firstSeen = new Map();
    let cycle = null;
    for (let step = 0; step < maxSteps && !run.finished; step += 1) {
      const state = stateIndex(position.cell, position.heading, run.nextCheckpoint);
      if (!cycle && firstSeen.has(state)) cycle = { start: firstSeen.get(state), end: step };
      if (!firstSeen.has(state)) firstSeen.set(state, step);
      position = gridStep(position, policy(state), run, reward).position;
      const ready = run.targetReadyAt.map((t) => run.clock >= t);
      trail.push({ ...position, score: run.score, gameScore: gameScoreOf(run), progress: progressOf(run), ready });
    }
    const loopTrail = cycle ? trail.slice(cycle.start, cycle.end + 1) : [];
    const loopCells = new Set(loopTrail.map((p) => p.cell));
    return {
      trail, score: run.score, gameScore: gameScoreOf(run), progress: progressOf(run), finished: run.finished,
      steps: trail.length - 1, targetsHit: run.targetsHit,
      policyLoops: Boolean(cycle) && !run.finished,
      loopLength: cycle ? cycle.end - cycle.start : 0,
      loopStart: cycle ? cycle.start : null, // the move at which the repeated lap begins
      loopInLagoon: loopCells.size > 0 && [...loopCells].every((c) => grid.cells[c].lagoon || isNearLagoon(c)),
      loopMoves: loopCells.size > 1,
    };
  }

  function isNearLagoon(cellIndex) {
    const cell = grid.cells[cellIndex];
    return Math.hypot(cell.x - LAGOON.x, cell.y - LAGOON.y) <= LAGOON.r + 2 * CELL;
  }

  // ------------------------------------------------------------------ continuous (human) boat
  const BOAT = Object.freeze({
    thrust: 240, brake: 320, drag: 1.1, maxSpeed: 200, maxReverse: 60, turnRate: 2.9,
    targetRadius: 20, respawnSeconds: 1.5,
  });

  function createBoat(reward) {
    return {
      x: START.x, y: START.y, angle: 0, speed: 0, time: 0, finishTime: null,
      reward: validateReward({ ...DEFAULT_REWARD, ...reward }),
      run: newRun(BOAT.respawnSeconds),
    };
  }

  /** Advance the driven boat by dt seconds under input {up, down, left, right}. */
  function driveStep(boat, input, dt) {
    const step = Math.min(dt, 0.05);
    const steer = (input.right ? 1 : 0) - (input.left ? 1 : 0);
    const grip = Math.min(1, 0.35 + Math.abs(boat.speed) / 120);
    boat.angle += steer * BOAT.turnRate * grip * step * (boat.speed < 0 ? -1 : 1);
    if (input.up) boat.speed += BOAT.thrust * step;
    if (input.down) boat.speed -= BOAT.brake * step;
    boat.speed -= boat.speed * BOAT.drag * step;
    boat.speed = Math.max(-BOAT.maxReverse, Math.min(BOAT.maxSpeed, boat.speed));
    const from = { x: boat.x, y: boat.y };
    const to = { x: boat.x + Math.cos(boat.angle) * boat.speed * step, y: boat.y + Math.sin(boat.angle) * boat.speed * step };
    boat.time += step;
    boat.run.clock = boat.time;
    if (!isWater(to.x, to.y)) {
      boat.speed *= -0.3; // bump off the shore
      return boat;
    }
    boat.x = to.x;
    boat.y = to.y;
    const wasFinished = boat.run.finished;
    scoreMove(boat.run, from, to, BOAT.targetRadius, boat.reward); // after the finish: targets only
    if (!wasFinished && boat.run.finished) boat.finishTime = boat.time;
    return boat;
  }

  return {
    course, grid, CELL, HEADINGS, DEFAULT_REWARD, PROGRESS_REWARD, DEFAULT_TRAINING, BOAT,
    createTrainer, rollout, createBoat, driveStep, progressOf, gameScoreOf, checkpointsPassed, startCell,
  };
});
