/**
 * Drawing a best-of-N curve (goodhart-sim.js): the winner's proxy score and true value against N,
 * with the part up to the chosen N in full colour and the rest faint, dots and values at N, and
 * the peak of the true value marked when it turns over. Shared by the Goodhart explorer and the
 * live figure in the Goodhart chapter, so both say the same thing the same way.
 */
(function (root) {
  "use strict";
  const demos = root.AlignmentDemos;
  const sim = demos.goodhartSim;
  const { drawLineChart } = demos.lineChart;
  const fmt = demos.page.formatNumber;

  /** One y range for several panels, so that light and heavy tails compare by eye. The proxy may
   * leave it at the top (heavy tails send it far up); the true value always fits. */
  function sharedRange(curves) {
    const trues = curves.flatMap((c) => c.points.map((p) => p.meanTrue));
    const lightProxy = Math.min(...curves.map((c) => c.last.medianProxy));
    return {
      min: Math.min(-0.5, Math.min(...trues) - 0.2),
      max: Math.max(3, Math.max(...trues) * 1.6, Math.min(lightProxy * 1.1, 8)),
    };
  }

  /**
   * Draw one curve on a prepared canvas ({ctx, width, height}) with the chosen N marked.
   * options: { range: {min, max}, compact: boolean, marker: false to leave out the line and
   * dots at N (a printed figure shows the whole curve) }.
   */
  function drawSelection(prepared, colours, curve, n, options) {
    const { range, compact } = options;
    const marker = options.marker !== false;
    const pts = curve.points;
    const here = sim.pointAt(curve, n);
    const shown = pts.filter((p) => p.n <= here.n);
    const line = (key, p) => ({ x: p.n, y: p[key] });
    const style = {
      proxy: { colour: colours.proxy, dash: [7, 5], marker: "square", markerEvery: 3, width: 2.5 },
      truth: { colour: colours.truth, dash: [], marker: "circle", markerEvery: 3, width: 3 },
    };
    const series = [
      { ...style.proxy, label: null, alpha: 0.25, marker: null, points: pts.map((p) => line("medianProxy", p)) },
      { ...style.truth, label: null, alpha: 0.25, marker: null, points: pts.map((p) => line("meanTrue", p)) },
      { ...style.proxy, label: "Proxy score of the winner", points: shown.map((p) => line("medianProxy", p)) },
      { ...style.truth, label: "True value of the winner", points: shown.map((p) => line("meanTrue", p)) },
    ];
    const notes = [];
    const exit = pts.find((p) => p.medianProxy > range.max);
    if (exit) {
      notes.push({ text: `proxy ↑ ${fmt(curve.last.medianProxy)} at ${fmt(curve.last.n)}`, x: exit.n * 1.15, y: range.max - (range.max - range.min) * 0.35, colour: colours.proxy, align: "left" });
    }
    if (sim.turnsOver(curve)) {
      notes.push({ text: `peak ${curve.peak.meanTrue.toFixed(2)} at N = ${fmt(curve.peak.n)}`, x: curve.peak.n * 2, y: curve.peak.meanTrue + (range.max - range.min) * 0.12, colour: colours.truth, align: "left" });
    }
    drawLineChart(prepared.ctx, prepared.width, prepared.height, colours, {
      x: { min: 1, max: sim.MAX_N, log: true, label: compact ? "N, the number of candidates (log scale)" : "N candidates; the best by proxy wins (log scale)", format: (v) => fmt(v) },
      y: { min: range.min, max: range.max, label: compact ? "Value (0 = average)" : "Value of the winner (0 = average)", format: (v) => (Number.isInteger(v) ? String(v) : v.toFixed(1)) },
      series,
      vertical: marker ? { x: here.n, label: `N = ${fmt(here.n)}` } : null,
      notes,
      dots: marker ? [
        { x: here.n, y: Math.min(here.medianProxy, range.max), colour: colours.proxy, marker: "square" },
        { x: here.n, y: here.meanTrue, colour: colours.truth, marker: "circle" },
      ] : [],
    });
    return here;
  }

  demos.goodhartDraw = { sharedRange, drawSelection };
})(typeof self !== "undefined" ? self : this);
