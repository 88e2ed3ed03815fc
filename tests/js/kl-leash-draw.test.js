// The KL-leash chart's words (docs/assets/javascripts/demos/kl-leash-draw.js): the RLHF chapter
// promises no maths, so the x axis is titled in words at a phone's width and a desktop's, and no
// α, β, √ or KL is drawn on the chart, live or printed. What is plotted (√KL) is said in the
// figure's "How it works" note and in the static figure's caption (docs/rlhf.md).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { figures, loadDemos, lightColours, SvgContext } = require("../../scripts/static_figures.js");

const demos = loadDemos();
const colours = lightColours();
const draw = demos.klLeashDraw;
/** The canvas's displayed sizes (CSS px) in Chromium at 390x844 and 1440x900, as in chart-labels.test.js. */
const PHONE = [324, 243];
const DESKTOP = [654, 308];

function xTitle(width, height, options) {
  const ctx = new SvgContext();
  const { chart } = draw.drawLeash({ ctx, width, height }, colours, options);
  const titles = chart.texts.filter((t) => t.kind === "axis").map((t) => t.text);
  return { chart, title: titles.find((t) => t === draw.X_LABEL || t === draw.X_SHORT) };
}

test("the x axis says in words how far training moved the model from where it started", () => {
  assert.equal(draw.X_LABEL, "How far training moved the model from where it started");
  for (const text of [draw.X_LABEL, draw.X_SHORT, draw.X_SHORTEST]) {
    assert.match(text, /^How far .*moved .*start/, text);
    assert.doesNotMatch(text, /[αβ√]|KL/, text);
  }
  assert.ok(draw.X_SHORTEST.length < draw.X_SHORT.length && draw.X_SHORT.length < draw.X_LABEL.length);
});

test("a desktop shows the whole x title, a phone at least the short one; nothing on the chart is maths", () => {
  for (const [width, height] of [PHONE, DESKTOP]) {
    for (const model of ["small", "large"]) {
      for (const d of [0, 1, 1.5, 4]) {
        const { chart, title } = xTitle(width, height, { model, d, compare: false });
        assert.ok(title, `${width}x${height}: the x axis is titled`);
        if (width === DESKTOP[0]) assert.equal(title, draw.X_LABEL, `${width}x${height}`);
        for (const t of chart.texts) assert.doesNotMatch(t.text, /[αβ√]|KL/, `${width}x${height}, ${model}, leash ${d}`);
      }
    }
  }
});

test("the printed figure's chart says the same words", () => {
  const { svg } = figures(demos, colours)["live-kl-leash.svg"];
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
  assert.ok(texts.includes(draw.X_LABEL), texts.join(" | "));
  for (const text of texts) assert.doesNotMatch(text, /[αβ√]|KL/, text);
});
