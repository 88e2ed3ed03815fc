/**
 * Goodhart explorer simulation: best-of-N selection on a noisy proxy, and one draw of its
 * candidates up close (oneDraw). No drawing here (see goodhart-draw.js, goodhart-explorer.js).
 *
 * Why this model: each candidate has a true value V ~ N(0, 1) and a proxy U = V + scale * error,
 * with the error independent of V. Picking the best of N by U is the simplest optimizer there is,
 * and selecting on U also selects on the error: regressional Goodhart, whatever the error's
 * shape. With light-tailed error the winner is still good in truth, only less than its proxy says;
 * with heavy-tailed error the winner at large N is mostly the candidate with the largest error, so
 * its true value falls back toward the mean. Kwa, Thomas and Garriga-Alonso (2024) call that
 * collapse catastrophic Goodhart. The relation between U and V is the same at every value, so
 * this is not extremal Goodhart.
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
    root.AlignmentDemos.goodhartSim = api;
  }
})(typeof self !== "undefined" ? self : this, function (random) {
  "use strict";

  /** The error distributions a reader can pick, lightest tail first, each labelled by how often
   * the error is huge, as the pages name them (goodhart-draw.js, ERROR_KINDS). */
  const ERROR_DISTRIBUTIONS = Object.freeze({
    gaussian: { label: "no huge errors", technical: "normal (Gaussian)", draw: (rng, gauss) => gauss() },
    t3: { label: "rare huge errors", technical: "Student-t, 3 degrees of freedom", draw: (rng, gauss) => random.studentT(rng, 3, gauss) },
    t2: { label: "occasional huge errors", technical: "Student-t, 2 degrees of freedom", draw: (rng, gauss) => random.studentT(rng, 2, gauss) },
    cauchy: { label: "frequent huge errors", technical: "Cauchy, which has no mean", draw: (rng) => random.cauchy(rng) },
  });

  const MAX_N = 10000;
  const DEFAULTS = Object.freeze({ distribution: "gaussian", errorScale: 1, trials: 200, seed: 1975, maxN: MAX_N });

  /** Selection sizes on a log scale: 1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100, ... up to maxN. */
  function selectionSizes(maxN) {
    const sizes = new Set();
    for (let decade = 1; decade <= maxN; decade *= 10) {
      for (const m of [1, 1.5, 2, 3, 5, 7]) {
        const n = Math.round(decade * m);
        if (n <= maxN) sizes.add(n);
      }
    }
    sizes.add(maxN);
    return [...sizes].sort((a, b) => a - b);
  }

  function checkOptions(options) {
    const o = { ...DEFAULTS, ...options };
    if (!ERROR_DISTRIBUTIONS[o.distribution]) {
      throw new Error(`unknown error distribution "${o.distribution}"; use one of ${Object.keys(ERROR_DISTRIBUTIONS).join(", ")}`);
    }
    for (const key of ["errorScale", "trials", "maxN", "seed"]) {
      if (!Number.isFinite(Number(o[key])) || Number(o[key]) < 0) throw new Error(`${key} must be a non-negative number, got ${o[key]}`);
    }
    o.trials = Math.max(1, Math.round(o.trials));
    o.maxN = Math.max(1, Math.min(MAX_N, Math.round(o.maxN)));
    return o;
  }

  /**
   * Best-of-N selection run trial by trial, so a page can spread the work over animation frames.
   * Each trial draws maxN candidates once and keeps a running best, so all N share one pass.
   * result() gives the mean true value and median proxy score of the winner for every N in
   * selectionSizes(maxN), over the trials run so far.
   */
  function createBestOfN(options) {
    const o = checkOptions(options);
    const rng = random.mulberry32(o.seed);
    const gauss = random.normalSource(rng);
    const draw = ERROR_DISTRIBUTIONS[o.distribution].draw;
    const sizes = selectionSizes(o.maxN);
    const sumTrue = new Float64Array(sizes.length);
    const proxies = sizes.map(() => new Float64Array(o.trials));
    let trialsDone = 0;

    function runTrial() {
      let bestProxy = -Infinity;
      let bestTrue = 0;
      let k = 0;
      for (let i = 1; i <= o.maxN; i += 1) {
        const v = gauss();
        const u = v + o.errorScale * draw(rng, gauss);
        if (u > bestProxy) { bestProxy = u; bestTrue = v; }
        if (i === sizes[k]) {
          sumTrue[k] += bestTrue;
          proxies[k][trialsDone] = bestProxy;
          k += 1;
        }
      }
      trialsDone += 1;
    }

    return {
      options: o,
      get trialsDone() { return trialsDone; },
      get done() { return trialsDone >= o.trials; },
      /** Run up to `count` more trials (all that remain if omitted). */
      addTrials(count) {
        const stop = Math.min(o.trials, trialsDone + (count == null ? o.trials : count));
        while (trialsDone < stop) runTrial();
        return this;
      },
      result() {
        if (!trialsDone) throw new Error("no trials run yet: call addTrials first");
        // The proxy is summarised by its median: under Cauchy error its mean is dominated by a few
        // astronomically large draws and would say nothing about a typical winner.
        const points = sizes.map((n, k) => ({
          n, meanTrue: sumTrue[k] / trialsDone, medianProxy: median(proxies[k].subarray(0, trialsDone)),
        }));
        const peak = points.reduce((best, p) => (p.meanTrue > best.meanTrue ? p : best), points[0]);
        return {
          options: { ...o, trials: trialsDone }, points, peak, last: points[points.length - 1],
          samples: trialsDone * o.maxN, complete: trialsDone >= o.trials,
        };
      },
    };
  }

  /**
   * One draw of candidates, seen up close: the first trial of createBestOfN with the same options,
   * from the same seeded stream, so its winner among the first n is that trial's best of n.
   * Returns { options, values, scores } (Float64Arrays of maxN: true value V and proxy score U)
   * and winner(n): the candidate with the highest score among the first n, as { index, value,
   * score, error } (the first of equal scores, as in the trials).
   */
  function oneDraw(options) {
    const o = checkOptions(options);
    const rng = random.mulberry32(o.seed);
    const gauss = random.normalSource(rng);
    const draw = ERROR_DISTRIBUTIONS[o.distribution].draw;
    const values = new Float64Array(o.maxN);
    const scores = new Float64Array(o.maxN);
    const leader = new Int32Array(o.maxN); // leader[i]: the winner among the first i + 1
    let best = 0;
    for (let i = 0; i < o.maxN; i += 1) {
      values[i] = gauss();
      scores[i] = values[i] + o.errorScale * draw(rng, gauss);
      if (scores[i] > scores[best]) best = i;
      leader[i] = best;
    }
    return {
      options: o, values, scores,
      winner(n) {
        const index = leader[Math.max(1, Math.min(o.maxN, Math.round(n))) - 1];
        return { index, value: values[index], score: scores[index], error: scores[index] - values[index] };
      },
    };
  }

  /** Mean true and median proxy value of the best-of-N candidate, all trials at once. */
  function bestOfNCurve(options) {
    return createBestOfN(options).addTrials().result();
  }

  /** The point of a curve nearest to n on a log scale. */
  function pointAt(curve, n) {
    let best = curve.points[0];
    for (const p of curve.points) {
      if (Math.abs(Math.log(p.n / n)) < Math.abs(Math.log(best.n / n))) best = p;
    }
    return best;
  }

  /** Whether harder selection has started to hurt: the true value peaked well before maxN. */
  function turnsOver(curve) {
    return curve.peak.n < curve.last.n * 0.7 && curve.last.meanTrue < curve.peak.meanTrue - 0.05;
  }

  /**
   * Where the point nearest to n stands on the curve's true value: "rising" before the peak (or
   * all the way, on a curve that does not turn over), "peak" at it, "falling" past it. The one-line
   * results under the N sliders say this in words, so it uses the same peak and the same
   * turnsOver test as the charts' "peak" note and the summaries.
   */
  function trueValueTrend(curve, n) {
    const here = pointAt(curve, n);
    let phase = "rising";
    if (turnsOver(curve) && here.n >= curve.peak.n) phase = here.n === curve.peak.n ? "peak" : "falling";
    return { here, peak: curve.peak, turnsOver: turnsOver(curve), phase };
  }

  function median(values) {
    const sorted = Float64Array.from(values).sort();
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  return {
    ERROR_DISTRIBUTIONS, DEFAULTS, MAX_N, selectionSizes, createBestOfN, oneDraw, bestOfNCurve, pointAt, turnsOver,
    trueValueTrend,
  };
});
