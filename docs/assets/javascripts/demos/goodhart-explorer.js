/**
 * The Goodhart explorer page: reads the controls, runs the selection simulation
 * (goodhart-sim.js), draws the two plots and writes what they show in words.
 *
 * window.AlignmentDemos.goodhart.state() reports the current numbers for tests and curious readers.
 */
(function (root) {
  "use strict";
  const demos = root.AlignmentDemos;
  const sim = demos.goodhartSim;
  const page = demos.page;
  const { drawLineChart } = demos.lineChart;
  const fmt = page.formatNumber;
  const ALPHA = 1;
  const MAX_D = 4;

  function nFromSlider(value) {
    return Math.max(1, Math.round(Math.pow(10, Number(value))));
  }

  function setup(container) {
    const $ = (id) => container.querySelector(`#${id}`);
    const nSlider = $("gh-n");
    const scaleSlider = $("gh-scale");
    const trialsSlider = $("gh-trials");
    const betaSlider = $("gh-beta");
    const seedInput = $("gh-seed");
    const selectionCanvas = $("gh-selection-chart");
    const overCanvas = $("gh-overopt-chart");
    const summary = $("gh-summary");
    const overSummary = $("gh-overopt-summary");

    let colours = page.themeColours(container);
    let curve = null;
    let renders = 0;
    let pending = 0;
    let needsRecompute = false;
    let lastOver = null; // the overoptimization numbers last drawn, for state()

    function distribution() {
      const checked = container.querySelector('input[name="gh-distribution"]:checked');
      return checked ? checked.value : "gaussian";
    }

    function options() {
      return {
        distribution: distribution(),
        errorScale: Number(scaleSlider.value),
        trials: Number(trialsSlider.value),
        seed: demos.random.parseSeed(seedInput.value),
        maxN: sim.MAX_N,
      };
    }

    function showOutputs() {
      const n = nFromSlider(nSlider.value);
      nSlider.setAttribute("aria-valuetext", `best of ${fmt(n)}`);
      $("gh-n-out").textContent = fmt(n);
      $("gh-scale-out").textContent = Number(scaleSlider.value).toFixed(2);
      $("gh-trials-out").textContent = fmt(Number(trialsSlider.value));
      $("gh-beta-out").textContent = Number(betaSlider.value).toFixed(2);
    }

    function pointAt(n) {
      return curve.points.reduce((best, p) => (Math.abs(Math.log(p.n) - Math.log(n)) < Math.abs(Math.log(best.n) - Math.log(n)) ? p : best), curve.points[0]);
    }

    function drawSelection(n) {
      const pts = curve.points;
      const maxTrue = Math.max(...pts.map((p) => p.meanTrue));
      const minTrue = Math.min(...pts.map((p) => p.meanTrue));
      const maxProxy = Math.max(...pts.map((p) => p.medianProxy));
      // Keep the true value readable: the proxy may run off the top when its tails are heavy.
      const top = Math.min(maxProxy * 1.05, Math.max(3, maxTrue * 2.2));
      const bottom = Math.min(-0.5, minTrue - 0.2);
      const notes = [];
      const exit = pts.find((p) => p.medianProxy > top);
      if (exit) {
        notes.push({ text: "proxy ↑ off the chart", x: exit.n * 1.3, y: top - (top - bottom) * 0.02, colour: colours.proxy, align: "left" });
      }
      if (curve.peak.n < curve.last.n) {
        notes.push({ text: `peak ${curve.peak.meanTrue.toFixed(2)} at N = ${fmt(curve.peak.n)}`, x: curve.peak.n, y: curve.peak.meanTrue + (top - bottom) * 0.1, colour: colours.truth, align: "left" });
      }
      const chart = page.prepareCanvas(selectionCanvas);
      drawLineChart(chart.ctx, chart.width, chart.height, colours, {
        x: { min: 1, max: sim.MAX_N, log: true, label: "N candidates; the best by proxy wins (log scale)", format: (v) => fmt(v) },
        y: { min: bottom, max: top, label: "Value of the winner", format: (v) => v.toFixed(1) },
        series: [
          { label: "Proxy score (median)", colour: colours.proxy, dash: [7, 5], marker: "square", markerEvery: 3, width: 2.5, points: pts.map((p) => ({ x: p.n, y: p.medianProxy })) },
          { label: "True value (mean)", colour: colours.truth, dash: [], marker: "circle", markerEvery: 3, width: 3, points: pts.map((p) => ({ x: p.n, y: p.meanTrue })) },
        ],
        vertical: { x: n, label: `N = ${fmt(n)}` },
        notes,
      });
    }

    function drawOveroptimization(n) {
      const beta = Number(betaSlider.value);
      const model = sim.overoptimizationCurve({ alpha: ALPHA, beta, maxD: MAX_D, steps: 80 });
      const d = Math.sqrt(sim.bestOfNKl(n));
      const chart = page.prepareCanvas(overCanvas);
      drawLineChart(chart.ctx, chart.width, chart.height, colours, {
        x: { min: 0, max: MAX_D, label: "Optimization d = √KL from the start", format: (v) => v.toFixed(0) },
        y: { min: -2, max: ALPHA * MAX_D * 1.05, label: "Reward (arbitrary units)", format: (v) => v.toFixed(0) },
        series: [
          { label: "Proxy reward model", colour: colours.proxy, dash: [7, 5], marker: "square", markerEvery: 10, width: 2.5, points: model.points.map((p) => ({ x: p.d, y: p.proxy })) },
          { label: "Gold (true) reward", colour: colours.truth, dash: [], marker: "circle", markerEvery: 10, width: 3, points: model.points.map((p) => ({ x: p.d, y: p.gold })) },
        ],
        vertical: { x: d, label: `best of ${fmt(n)}` },
        notes: [{ text: "gold peaks", x: model.peak.d, y: model.peak.gold - 0.9, colour: colours.truth }],
      });
      const goldHere = d * (ALPHA - beta * d);
      const side = d < model.peak.d ? "still before its peak" : "past its peak";
      overSummary.textContent = `Simulation of the qualitative shape, not measured data: gold = d(α − βd) with α = ${ALPHA}, β = ${beta.toFixed(2)} and d = √KL, the functional form Gao, Schulman and Hilton fitted for best-of-n sampling; the proxy is modelled as αd. Best of ${fmt(n)} moves the policy KL = log N − (N − 1)/N = ${sim.bestOfNKl(n).toFixed(2)} nats away (d = ${d.toFixed(2)}): the proxy reads ${(ALPHA * d).toFixed(2)}, the gold reward ${goldHere.toFixed(2)}, ${side} at d = ${model.peak.d.toFixed(2)}.`;
      return { beta, d, goldHere, peak: model.peak };
    }

    function describe(n) {
      const o = curve.options;
      const here = pointAt(n);
      const label = sim.ERROR_DISTRIBUTIONS[o.distribution].label;
      const sample = `Sample: ${fmt(o.trials)} trials of ${fmt(o.maxN)} candidates each (${fmt(curve.samples)} draws), seed ${o.seed}.`;
      const head = `Best of ${fmt(here.n)} by the proxy, with ${label} error of size ${o.errorScale.toFixed(2)}: the winner's proxy score is ${here.medianProxy.toFixed(2)} (median) and its true value ${here.meanTrue.toFixed(2)} (mean).`;
      let verdict;
      if (curve.peak.n >= curve.last.n * 0.7 || curve.last.meanTrue >= curve.peak.meanTrue - 0.05) {
        verdict = `The true value keeps rising with N (to ${curve.last.meanTrue.toFixed(2)} at 10,000) but lags far behind the proxy: regressional Goodhart.`;
      } else {
        verdict = `The true value peaks at ${curve.peak.meanTrue.toFixed(2)} around N = ${fmt(curve.peak.n)} and then falls, to ${curve.last.meanTrue.toFixed(2)} at N = 10,000: harder selection mostly finds candidates with huge errors, not good ones (extremal Goodhart).`;
      }
      summary.textContent = `${head} ${verdict} ${sample}`;
    }

    function render(recompute) {
      pending = 0;
      showOutputs();
      if (recompute || !curve) {
        curve = sim.bestOfNCurve(options());
        seedInput.value = String(curve.options.seed);
      }
      const n = nFromSlider(nSlider.value);
      drawSelection(n);
      lastOver = drawOveroptimization(n);
      describe(n);
      renders += 1;
      container.dataset.renders = String(renders);
    }

    /** Coalesce bursts of slider events into one update per frame. */
    function schedule(recompute) {
      needsRecompute = needsRecompute || recompute;
      if (pending) return;
      pending = root.requestAnimationFrame(() => {
        const again = needsRecompute;
        needsRecompute = false;
        render(again);
      });
    }

    container.querySelectorAll('input[name="gh-distribution"]').forEach((radio) => radio.addEventListener("change", () => schedule(true)));
    scaleSlider.addEventListener("input", () => schedule(true));
    trialsSlider.addEventListener("input", () => schedule(true));
    seedInput.addEventListener("change", () => schedule(true));
    nSlider.addEventListener("input", () => schedule(false));
    betaSlider.addEventListener("input", () => schedule(false));
    page.onThemeChange(() => {
      colours = page.themeColours(container);
      render(false);
    });
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(() => render(false));

    demos.goodhart = {
      /** The numbers behind the plots, for tests and for anyone curious in the console. */
      state() {
        const n = nFromSlider(nSlider.value);
        const here = pointAt(n);
        return {
          distribution: curve.options.distribution, errorScale: curve.options.errorScale,
          trials: curve.options.trials, seed: curve.options.seed, n, renders,
          points: curve.points.map((p) => ({ ...p })),
          peakN: curve.peak.n, peakTrue: curve.peak.meanTrue,
          trueAtMaxN: curve.last.meanTrue, proxyAtMaxN: curve.last.medianProxy,
          trueAtN: here.meanTrue, proxyAtN: here.medianProxy,
          overoptimization: lastOver,
        };
      },
    };

    render(true);
  }

  page.whenReady("#goodhart-demo", setup);
})(typeof self !== "undefined" ? self : this);
