/**
 * Seeded random numbers for the demos.
 *
 * Why: a reader who types the same seed must see the same run, and the unit tests must be able to
 * check a result that does not change from one run to the next. Math.random() cannot be seeded.
 * Classic script (not an ES module) so it also runs from a folder (file://); under Node it is a
 * CommonJS module.
 */
(function (root, factory) {
  "use strict";
  const api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.AlignmentDemos = root.AlignmentDemos || {};
    root.AlignmentDemos.random = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /** mulberry32: a tiny 32-bit generator, good enough for simulations, returns floats in [0, 1). */
  function mulberry32(seed) {
    let state = seed >>> 0;
    return function next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /** A uniform draw in (0, 1): never exactly 0, so logarithms and tangents stay finite. */
  function openUnit(rng) {
    let u = rng();
    while (u === 0) u = rng();
    return u;
  }

  /** Standard normal draw (Box-Muller; one of the pair is discarded to keep the code stateless). */
  function normal(rng) {
    const u = openUnit(rng);
    const v = rng();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * A source of standard normal draws that keeps the second value of each Box-Muller pair.
   * Why: the Goodhart explorer draws millions of normals per update; this halves the cost.
   */
  function normalSource(rng) {
    let spare = null;
    return function nextNormal() {
      if (spare !== null) {
        const value = spare;
        spare = null;
        return value;
      }
      const radius = Math.sqrt(-2 * Math.log(openUnit(rng)));
      const angle = 2 * Math.PI * rng();
      spare = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    };
  }

  /** Standard Cauchy draw (Student-t with one degree of freedom): no mean, very heavy tails. */
  function cauchy(rng) {
    return Math.tan(Math.PI * (openUnit(rng) - 0.5));
  }

  /**
   * Student-t draw with a whole number of degrees of freedom: Z / sqrt(chi-squared / df).
   * nextNormal is a normalSource (or any function returning standard normal draws).
   */
  function studentT(rng, df, nextNormal) {
    if (df === 1) return cauchy(rng);
    const gauss = nextNormal || (() => normal(rng));
    let chiSquared = 0;
    for (let i = 0; i < df; i += 1) {
      const z = gauss();
      chiSquared += z * z;
    }
    return gauss() / Math.sqrt(chiSquared / df);
  }

  /** Turn whatever a reader typed into a 32-bit unsigned seed (numbers kept, text hashed). */
  function parseSeed(text) {
    const trimmed = String(text).trim();
    if (/^\d+$/.test(trimmed)) return Number(BigInt(trimmed) % 4294967296n);
    let hash = 2166136261;
    for (let i = 0; i < trimmed.length; i += 1) {
      hash = Math.imul(hash ^ trimmed.charCodeAt(i), 16777619) >>> 0;
    }
    return hash >>> 0;
  }

  return { mulberry32, normal, normalSource, cauchy, studentT, parseSeed };
});
