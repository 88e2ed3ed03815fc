/**
 * A toy version of the CoinRun experiment of Langosco et al. (2022): an agent is rewarded only for
 * touching a coin, and in training the coin always sits at the right end of the level. No drawing
 * here (see fig-coin-moved.js).
 *
 * Why this model: the agent sees the coin only when it is a few columns away, as a CoinRun agent
 * mostly cannot see the coin until it is near. Its action values are a sum of two learned parts:
 * one that is the same everywhere (a general habit) and one for what it sees (where the coin is,
 * if in view). With the coin always at the right end, "go right" is what pays almost everywhere,
 * so the habit becomes "go right", and the coin-specific part only learns the few views that
 * training shows (coin ahead, on or below the agent's level). Move the coin to an unfamiliar
 * place and the habit decides: the agent runs to the right end without it. Training with the coin
 * somewhere else in a small share of levels teaches the views that matter, and the agent goes for
 * the coin. The learning is ordinary Q-learning with those two parts as features.
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
    root.AlignmentDemos.coinLevelSim = api;
  }
})(typeof self !== "undefined" ? self : this, function (random) {
  "use strict";

  /** The level, seen from the side: columns 0..width-1 left to right, rows 0..height-1 upwards. */
  const LEVEL = Object.freeze({ width: 15, height: 4, view: 3 });
  const START = Object.freeze({ x: 0, y: 0 });
  /** Where the coin always is in standard training levels: the far right end, on the floor. */
  const TRAINING_COIN = Object.freeze({ x: LEVEL.width - 1, y: 0 });
  /** Run right, run left, or jump up a row. Running while above the floor also drops a row. */
  const ACTIONS = Object.freeze([
    { name: "right", dx: 1, dy: 0 }, { name: "left", dx: -1, dy: 0 }, { name: "jump", dx: 0, dy: 1 },
  ]);
  const COIN_REWARD = 10;

  /** The two ways of training the figure compares. */
  const REGIMES = Object.freeze({
    fixed: { label: "coin always at the right end", elsewhereShare: 0 },
    varied: { label: "coin somewhere else in 1 level in 10", elsewhereShare: 0.1 },
  });
  const DEFAULT_TRAINING = Object.freeze({
    seed: 2022, episodes: 3000, maxSteps: 40, alpha: 0.1, gamma: 0.9,
    epsilonStart: 1, epsilonEnd: 0.05, explorationShare: 0.6,
  });

  const VIEW_COLUMNS = 2 * LEVEL.view + 1;
  const VIEW_ROWS = 2 * LEVEL.height - 1;
  /** Observation 0 is "no coin in view"; the others are the coin's offset from the agent. */
  const OBSERVATIONS = 1 + VIEW_COLUMNS * VIEW_ROWS;

  function observe(agent, coin) {
    const dx = coin.x - agent.x;
    const dy = coin.y - agent.y;
    if (Math.abs(dx) > LEVEL.view) return 0;
    return 1 + (dx + LEVEL.view) * VIEW_ROWS + (dy + LEVEL.height - 1);
  }

  function isCell(p) {
    return Number.isInteger(p.x) && Number.isInteger(p.y) && p.x >= 0 && p.y >= 0 && p.x < LEVEL.width && p.y < LEVEL.height;
  }

  function checkCoin(coin) {
    if (!coin || !isCell(coin)) {
      throw new Error(`the coin must be on a cell of the ${LEVEL.width} x ${LEVEL.height} level, got ${JSON.stringify(coin)}`);
    }
    if (coin.x === START.x && coin.y === START.y) throw new Error("the coin cannot be placed on the agent's starting cell");
    return { x: coin.x, y: coin.y };
  }

  /**
   * One move: a jump rises a row (not past the top); a run moves a column (not past either end)
   * and then, above the floor, falls a row. Returns the cells passed through, the last being
   * where the agent ends up; the coin is taken if it is in any of them.
   */
  function move(agent, action) {
    const { dx, dy } = ACTIONS[action];
    if (dy) return [{ x: agent.x, y: Math.min(LEVEL.height - 1, agent.y + dy) }];
    const across = { x: Math.min(LEVEL.width - 1, Math.max(0, agent.x + dx)), y: agent.y };
    return across.y > 0 ? [across, { x: across.x, y: across.y - 1 }] : [across];
  }

  function touches(cells, coin) {
    return cells.some((c) => c.x === coin.x && c.y === coin.y);
  }

  /** A coin position for a training level under the given regime. */
  function trainingCoin(rng, elsewhereShare) {
    if (!(rng() < elsewhereShare)) return { ...TRAINING_COIN };
    for (;;) {
      const coin = { x: Math.floor(rng() * LEVEL.width), y: Math.floor(rng() * LEVEL.height) };
      if (coin.x !== START.x || coin.y !== START.y) return coin;
    }
  }

  /**
   * Where a training episode starts: half the time at the usual start, otherwise on any cell left
   * of the coin's column. Why: such "exploring starts" let a small learner find the coin within a
   * few thousand episodes instead of wandering; they show it nothing new about where coins are.
   */
  function trainingStart(rng, coin) {
    if (rng() < 0.5 || coin.x === 0) return { ...START };
    return { x: Math.floor(rng() * coin.x), y: Math.floor(rng() * LEVEL.height) };
  }

  /**
   * Train an agent with Q-learning on two sets of features: a habit (one weight per action, used
   * everywhere) and a view (one weight per action and observation). Returns the learned weights
   * and a policy.
   */
  function train(options) {
    const settings = { ...DEFAULT_TRAINING, ...options };
    const regime = REGIMES[settings.regime || "fixed"];
    if (!regime) throw new Error(`unknown training regime "${settings.regime}"; use one of ${Object.keys(REGIMES).join(", ")}`);
    const elsewhereShare = settings.elsewhereShare == null ? regime.elsewhereShare : Number(settings.elsewhereShare);
    if (!(elsewhereShare >= 0 && elsewhereShare <= 1)) throw new Error(`elsewhereShare must be between 0 and 1, got ${settings.elsewhereShare}`);
    const rng = random.mulberry32(settings.seed);
    const habit = new Float64Array(ACTIONS.length);
    const view = new Float64Array(OBSERVATIONS * ACTIONS.length);
    const value = (obs, a) => habit[a] + view[obs * ACTIONS.length + a];

    function best(obs) {
      let choice = 0;
      let ties = 1;
      for (let a = 1; a < ACTIONS.length; a += 1) {
        const diff = value(obs, a) - value(obs, choice);
        if (diff > 0) { choice = a; ties = 1; }
        else if (diff === 0) {
          ties += 1;
          if (rng() * ties < 1) choice = a; // even, seeded tie-break: no built-in preference
        }
      }
      return choice;
    }

    let coinsTaken = 0;
    for (let episode = 0; episode < settings.episodes; episode += 1) {
      const share = Math.min(1, episode / Math.max(1, settings.episodes * settings.explorationShare));
      const epsilon = settings.epsilonStart + (settings.epsilonEnd - settings.epsilonStart) * share;
      const coin = trainingCoin(rng, elsewhereShare);
      let agent = trainingStart(rng, coin);
      for (let step = 0; step < settings.maxSteps; step += 1) {
        const obs = observe(agent, coin);
        const action = rng() < epsilon ? Math.floor(rng() * ACTIONS.length) : best(obs);
        const cells = move(agent, action);
        const next = cells[cells.length - 1];
        const got = touches(cells, coin);
        const reward = got ? COIN_REWARD : 0;
        let target = reward;
        if (!got) {
          const nextObs = observe(next, coin);
          let future = -Infinity;
          for (let a = 0; a < ACTIONS.length; a += 1) future = Math.max(future, value(nextObs, a));
          target += settings.gamma * future;
        }
        const error = target - value(obs, action);
        habit[action] += settings.alpha * error;
        view[obs * ACTIONS.length + action] += settings.alpha * error;
        agent = next;
        if (got) { coinsTaken += 1; break; }
      }
    }
    const policy = (agent, coin) => best(observe(agent, coin));
    return { settings, regime: settings.regime || "fixed", habit: Array.from(habit), view, coinsTaken, policy, value };
  }

  /** Run a trained agent greedily from the start until it takes the coin or time runs out. */
  function play(agent, coinPosition, maxSteps) {
    const coin = checkCoin(coinPosition);
    const limit = maxSteps || agent.settings.maxSteps;
    let at = { ...START };
    const path = [{ ...at }];
    let gotCoin = false;
    for (let step = 0; step < limit && !gotCoin; step += 1) {
      const cells = move(at, agent.policy(at, coin));
      gotCoin = touches(cells, coin);
      at = gotCoin ? coin : cells[cells.length - 1];
      path.push({ ...at });
    }
    const end = path[path.length - 1];
    return {
      coin, path, gotCoin, moves: gotCoin ? path.length - 1 : null,
      end, endsAtRightEnd: !gotCoin && end.x === LEVEL.width - 1,
      passedCoin: !gotCoin && path.some((p) => p.x > coin.x),
    };
  }

  /** Every cell a coin could be moved to (all but the start). */
  function coinPositions() {
    const cells = [];
    for (let y = 0; y < LEVEL.height; y += 1) {
      for (let x = 0; x < LEVEL.width; x += 1) if (x !== START.x || y !== START.y) cells.push({ x, y });
    }
    return cells;
  }

  /** The share of coin positions where the agent takes the coin. */
  function successRate(agent) {
    const cells = coinPositions();
    return cells.filter((coin) => play(agent, coin).gotCoin).length / cells.length;
  }

  return {
    LEVEL, START, TRAINING_COIN, ACTIONS, REGIMES, DEFAULT_TRAINING, COIN_REWARD, OBSERVATIONS,
    observe, train, play, coinPositions, successRate, checkCoin,
  };
});
