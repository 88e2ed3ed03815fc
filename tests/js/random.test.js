// Unit tests for the demos' seeded random numbers (docs/assets/javascripts/demos/random.js).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const random = require("../../docs/assets/javascripts/demos/random.js");

function draws(source, count) {
  return Array.from({ length: count }, () => source());
}

test("the same seed gives the same sequence, another seed a different one", () => {
  const a = draws(random.mulberry32(42), 50);
  const b = draws(random.mulberry32(42), 50);
  const c = draws(random.mulberry32(43), 50);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
  assert.ok(a.every((x) => x >= 0 && x < 1));
});

test("normal draws have mean near 0 and variance near 1", () => {
  const rng = random.mulberry32(7);
  const values = draws(() => random.normal(rng), 40000);
  const mean = values.reduce((s, x) => s + x, 0) / values.length;
  const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / values.length;
  assert.ok(Math.abs(mean) < 0.03, `mean ${mean}`);
  assert.ok(Math.abs(variance - 1) < 0.05, `variance ${variance}`);
});

test("normalSource is deterministic and standard normal", () => {
  const a = draws(random.normalSource(random.mulberry32(5)), 40000);
  const b = draws(random.normalSource(random.mulberry32(5)), 40000);
  assert.deepEqual(a, b);
  const mean = a.reduce((s, x) => s + x, 0) / a.length;
  const variance = a.reduce((s, x) => s + (x - mean) ** 2, 0) / a.length;
  assert.ok(Math.abs(mean) < 0.03, `mean ${mean}`);
  assert.ok(Math.abs(variance - 1) < 0.05, `variance ${variance}`);
});

test("Cauchy and Student-t draws have much heavier tails than the normal", () => {
  const rng = random.mulberry32(11);
  const gauss = random.normalSource(rng);
  const share = (values, limit) => values.filter((x) => Math.abs(x) > limit).length / values.length;
  const normal = draws(gauss, 20000);
  const t2 = draws(() => random.studentT(rng, 2, gauss), 20000);
  const cauchy = draws(() => random.cauchy(rng), 20000);
  // P(|X| > 5): normal ~ 6e-7, t(2) ~ 0.038, Cauchy ~ 0.126.
  assert.equal(share(normal, 5), 0);
  assert.ok(share(t2, 5) > 0.025 && share(t2, 5) < 0.05, `t2 tail ${share(t2, 5)}`);
  assert.ok(share(cauchy, 5) > 0.1 && share(cauchy, 5) < 0.15, `Cauchy tail ${share(cauchy, 5)}`);
});

test("parseSeed keeps numbers and hashes text to a 32-bit seed", () => {
  assert.equal(random.parseSeed("2016"), 2016);
  assert.equal(random.parseSeed(" 7 "), 7);
  assert.equal(random.parseSeed("4294967297"), 1);
  const hashed = random.parseSeed("coast runners");
  assert.equal(hashed, random.parseSeed("coast runners"));
  assert.notEqual(hashed, random.parseSeed("coast runner"));
  assert.ok(Number.isInteger(hashed) && hashed >= 0 && hashed < 2 ** 32);
});
