/**
 * The KL "leash" of RLHF as a curve: how a policy's true ("gold") reward and its reward-model
 * ("proxy") score change with the distance it is allowed to drift from the starting model. No
 * drawing here (see fig-kl-leash.js).
 *
 * Why this shape: Gao, Schulman and Hilton (2023, arXiv 2210.10760) found that, for reinforcement
 * learning against a proxy reward model, the gold score follows R(d) = d (alpha - beta log d), with
 * d the square root of the KL divergence from the initial policy and alpha, beta fitted constants
 * that change smoothly with the reward model's size. The constants below are illustrative, not
 * their fitted values. They did not fit the proxy's own score; it is drawn here as the gold score
 * plus a gap of beta d log(1 + d), which is zero at the start, grows with d and keeps the proxy
 * rising, as the proxy did in their runs. A simulation of a fitted shape, not data.
 */
(function (root, factory) {
  "use strict";
  const api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.AlignmentDemos = root.AlignmentDemos || {};
    root.AlignmentDemos.klLeashSim = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /** Two illustrative reward models: the larger one's gold score peaks later and higher. */
  const REWARD_MODELS = Object.freeze({
    small: Object.freeze({ label: "smaller reward model", alpha: 1, beta: 1 }),
    large: Object.freeze({ label: "larger reward model", alpha: 1.5, beta: 1 }),
  });
  /** The distances the figure shows: d = sqrt(KL) from 0 to MAX_D. */
  const MAX_D = 4;

  function model(name) {
    const m = REWARD_MODELS[name];
    if (!m) throw new Error(`unknown reward model "${name}"; use one of ${Object.keys(REWARD_MODELS).join(", ")}`);
    return m;
  }

  function checkDistance(d) {
    if (!(Number.isFinite(d) && d >= 0)) throw new Error(`the distance d must be a non-negative number, got ${d}`);
    return d;
  }

  /** Gold (true) reward after drifting d = sqrt(KL): Gao et al.'s form for RL, d (alpha - beta log d). */
  function gold(d, m) {
    checkDistance(d);
    return d === 0 ? 0 : d * (m.alpha - m.beta * Math.log(d));
  }

  /** The reward model's own score: the gold score plus a gap that grows with d (illustrative). */
  function proxy(d, m) {
    checkDistance(d);
    return gold(d, m) + m.beta * d * Math.log1p(d);
  }

  /** Where the gold score peaks: d* = exp(alpha / beta - 1), with gold(d*) = beta d*. */
  function peak(m) {
    const d = Math.exp(m.alpha / m.beta - 1);
    return { d, kl: d * d, gold: m.beta * d };
  }

  /** The numbers at one leash length d, for the figure's summary and its tests. */
  function at(d, name) {
    const m = model(name);
    const top = peak(m);
    return { d, kl: d * d, proxy: proxy(d, m), gold: gold(d, m), peak: top, pastPeak: d > top.d };
  }

  /** Points of both curves from d = 0 to maxD. */
  function curve(name, { maxD = MAX_D, steps = 100 } = {}) {
    const m = model(name);
    const points = [];
    for (let i = 0; i <= steps; i += 1) {
      const d = (maxD * i) / steps;
      points.push({ d, kl: d * d, proxy: proxy(d, m), gold: gold(d, m) });
    }
    return { model: name, points, peak: peak(m) };
  }

  return { REWARD_MODELS, MAX_D, gold, proxy, peak, at, curve };
});
