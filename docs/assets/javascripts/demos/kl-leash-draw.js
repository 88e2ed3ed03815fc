/**
 * Drawing the KL-leash chart (kl-leash-sim.js): the reward model's score and the true reward
 * against how far training pulled the model, solid up to the leash and faint beyond it. Used by
 * the live figure in the RLHF chapter and by scripts/static_figures.js for its printed version.
 */
(function (root) {
  "use strict";
  const demos = root.AlignmentDemos;
  const sim = demos.klLeashSim;
  const { drawLineChart } = demos.lineChart;
  /** The x axis's title, and shorter ones for a phone's width (the last for a 320 px phone's);
   * all say "from where it started". */
  const X_LABEL = "How far training moved the model from where it started";
  const X_SHORT = "How far the model moved from its start";
  const X_SHORTEST = "How far it moved from its start";

  /**
   * Draw on a prepared canvas ({ctx, width, height}). options: { model: "small" | "large",
   * d: the leash (null: no leash, every curve solid), compare: also draw the other reward
   * model's true reward }. Returns sim.at(d) for the leash (or null) and the chart's texts and
   * obstacles: { here, chart }.
   */
  function drawLeash(prepared, colours, { model, d, compare }) {
    const { points, peak } = sim.curve(model, { steps: 200 });
    const leash = d == null ? sim.MAX_D : d;
    const reach = points.filter((p) => p.d <= leash);
    const faint = { alpha: 0.35, label: null, marker: null };
    const proxyStyle = { colour: colours.proxy, dash: [7, 5], marker: "square", markerEvery: 25, width: 2.5 };
    const goldStyle = { colour: colours.truth, dash: [], marker: "circle", markerEvery: 25, width: 3 };
    const other = model === "small" ? "large" : "small";
    const otherCurve = sim.curve(other, { steps: 200 });
    const named = (text) => (compare ? `${text}, ${sim.REWARD_MODELS[model].label}` : text);
    const series = [];
    if (d != null) {
      series.push({ ...proxyStyle, ...faint, points: points.map((p) => ({ x: p.d, y: p.proxy })) });
      series.push({ ...goldStyle, ...faint, points: points.map((p) => ({ x: p.d, y: p.gold })) });
    }
    series.push({ ...proxyStyle, label: named("Reward model’s score (proxy)"), points: reach.map((p) => ({ x: p.d, y: p.proxy })) });
    series.push({ ...goldStyle, label: named("True (gold) reward"), points: reach.map((p) => ({ x: p.d, y: p.gold })) });
    if (compare) {
      series.push({
        colour: colours.truth, dash: [2, 4], marker: "diamond", markerEvery: 25, width: 2, alpha: 0.8,
        label: `True reward, ${sim.REWARD_MODELS[other].label}`, points: otherCurve.points.map((p) => ({ x: p.d, y: p.gold })),
      });
    }
    // The live figure shows one reward model at a time; the other's true reward stays behind it,
    // faint and named at its peak, on the same scale: a reader review switched models and saw the
    // axis change instead of the peak move (each model had set its own range).
    const ghost = !compare && d != null;
    if (ghost) {
      series.unshift({
        colour: colours.truth, dash: [2, 4], marker: null, width: 1.5, alpha: 0.45, label: null,
        points: otherCurve.points.map((p) => ({ x: p.d, y: p.gold })),
      });
    }
    const both = [...points, ...otherCurve.points];
    const here = d == null ? null : sim.at(d, model);
    const notes = [{ text: "true reward peaks", short: ["true peak", "peak"], x: peak.d, y: peak.gold, colour: colours.truth }];
    if (compare) notes.push({ text: "later, higher peak", short: "later peak", x: otherCurve.peak.d, y: otherCurve.peak.gold, colour: colours.truth });
    if (ghost) {
      const name = sim.REWARD_MODELS[other].label;
      notes.push({ text: `with the ${name}`, short: [name, other === "large" ? "larger" : "smaller"], x: otherCurve.peak.d, y: otherCurve.peak.gold, colour: colours.muted });
    }
    const chart = drawLineChart(prepared.ctx, prepared.width, prepared.height, colours, {
      // In words: the chapter promises no maths. What is plotted (√KL) is said in the figure's
      // "How it works" note (rlhf.md) and in the static figure's caption.
      x: { min: 0, max: sim.MAX_D, label: X_LABEL, short: [X_SHORT, X_SHORTEST], format: (v) => v.toFixed(0) },
      y: {
        // One scale for both reward models, whichever is shown.
        min: Math.min(-1, ...both.map((p) => p.gold)) - 0.5, max: Math.max(...both.map((p) => p.proxy)) * 1.05,
        label: "Reward (illustrative units)", format: (v) => demos.page.formatNumber(v),
      },
      series,
      vertical: here ? { x: d, label: "leash" } : null,
      notes,
      dots: here ? [
        { x: d, y: here.proxy, colour: colours.proxy, textColour: colours.proxyText, marker: "square" },
        { x: d, y: here.gold, colour: colours.truth, marker: "circle" },
      ] : [],
    });
    return { here, chart };
  }

  demos.klLeashDraw = { drawLeash, X_LABEL, X_SHORT, X_SHORTEST };
})(typeof self !== "undefined" ? self : this);
