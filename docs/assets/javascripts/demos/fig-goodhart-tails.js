/**
 * Live figure for the Goodhart chapter: best of N by a proxy score, with light-tailed error first
 * (on the left, or on top on a phone) and heavy-tailed error second (goodhart-sim.js, drawn by
 * goodhart-draw.js), named as the Goodhart explorer names them ("No huge errors (light tails)",
 * "Occasional huge errors (heavy tails)") and in the same order. One control: how hard we
 * select (N). Both panels are regressional Goodhart; in the second the true value falls back as
 * N grows (catastrophic Goodhart, in Kwa, Thomas and Garriga-Alonso's term).
 * Screen readers hear the one-line result once the slider settles, not the summary at every step.
 *
 * window.AlignmentDemos.goodhartTails.state() reports the numbers shown, for tests.
 */
(function (root) {
  "use strict";
  const demos = root.AlignmentDemos;
  const sim = demos.goodhartSim;
  const page = demos.page;
  const draw = demos.goodhartDraw;
  const fmt = page.formatNumber;

  const SEED = 1975;
  const TRIALS = 200;
  const TRIALS_PER_FRAME = 20;
  const PANELS = ["gaussian", "t2"].map((distribution) => ({
    distribution, title: draw.kindTitle(distribution), short: draw.ERROR_KINDS[distribution].short,
  }));

  function nFromSlider(value) {
    return Math.max(1, Math.round(Math.pow(10, Number(value))));
  }

  /** The one-line result right under the slider. Made here, not in the chapter's Markdown: it is
   * part of the live figure only, and the stylesheet shows it in place of the long summary on a
   * phone, where slider, line and charts then fit in one screen. */
  function addResultLine(container) {
    const line = container.ownerDocument.createElement("p");
    line.className = "demo-result";
    container.querySelector(".demo-slider").after(line);
    return line;
  }

  function setup(container) {
    const slider = container.querySelector('input[type="range"]');
    const output = container.querySelector("output");
    const canvases = [...container.querySelectorAll("canvas")];
    const summary = container.querySelector(".demo-summary");
    const result = addResultLine(container);
    const live = page.announcer(container);
    const theme = page.keepDrawn(container, canvases, render);
    let runs = null;
    let curves = null;
    let here = [];
    let charts = []; // the texts and obstacles last drawn, for tests
    let range = null; // the charts' shared y range
    let announceWhenDone = false; // the reader moved N before the curves were complete

    function n() {
      return nFromSlider(slider.value);
    }

    function render() {
      const chosen = n();
      page.setText(output, fmt(chosen));
      slider.setAttribute("aria-valuetext", `best of ${fmt(chosen)}`);
      if (!curves) return;
      range = draw.sharedRange(curves);
      charts = [];
      here = curves.map((curve, i) => {
        const prepared = page.prepareCanvas(canvases[i]);
        if (!prepared) return sim.pointAt(curve, chosen);
        const drawn = draw.drawSelection(prepared, theme.colours, curve, chosen, { range, compact: true });
        charts.push({ width: prepared.width, height: prepared.height, ...drawn.chart });
        return drawn;
      });
      if (curves.every((c) => c.complete)) {
        summary.textContent = describe(chosen);
        draw.showResult(result, resultLine(chosen));
      }
    }

    function resultLine(chosen) {
      return draw.resultLine(chosen, curves.map((curve, i) => ({ name: PANELS[i].short, curve })));
    }

    /** The live line: the result under the slider, once the reader stops moving it. */
    function news() {
      return curves && curves.every((c) => c.complete) ? draw.resultText(resultLine(n())) : null;
    }

    function describe(chosen) {
      const [light, heavy] = here;
      const heavyCurve = curves[1];
      const after = heavy.n > heavyCurve.peak.n
        ? `, down from its peak of ${fmt(heavyCurve.peak.meanTrue, 2)} at N = ${fmt(heavyCurve.peak.n)}`
        : "";
      const verdict = chosen === 1
        ? "With one candidate nothing is selected yet: drag N up to select harder."
        : heavy.n > heavyCurve.peak.n
          ? "With occasional huge errors, harder selection now mostly finds candidates with huge errors, not good ones."
          : "So far, harder selection helps in both, by less than the proxy says.";
      return `Best of ${fmt(chosen)}. ${PANELS[0].title}: the winner's proxy score is ${fmt(light.medianProxy, 1)} and its true value ${fmt(light.meanTrue, 2)}. ` +
        `${PANELS[1].title}: proxy ${fmt(heavy.medianProxy, 1)}${heavy.medianProxy > range.max ? " (above the chart)" : ""}, true value ${fmt(heavy.meanTrue, 2)}${after}. ${verdict}`;
    }

    /** Run the trials a few per frame, drawing as the curves fill in. */
    function compute() {
      runs = PANELS.map((p) => sim.createBestOfN({ distribution: p.distribution, seed: SEED, trials: TRIALS }));
      page.runInFrames(runs, TRIALS_PER_FRAME, (results, done) => {
        curves = results;
        render();
        if (done) {
          container.dataset.state = "ready";
          if (announceWhenDone) live.say(news);
        }
      });
    }

    slider.addEventListener("input", () => {
      render();
      live.say(news);
      if (container.dataset.state !== "ready") announceWhenDone = true;
    });

    demos.goodhartTails = {
      state() {
        return {
          ready: Boolean(runs && runs.every((r) => r.done)), n: n(), seed: SEED, trials: TRIALS,
          panels: curves ? curves.map((c, i) => ({
            distribution: PANELS[i].distribution, proxyAtN: here[i].medianProxy, trueAtN: here[i].meanTrue,
            peakN: c.peak.n, peakTrue: c.peak.meanTrue, trueAtMaxN: c.last.meanTrue, turnsOver: sim.turnsOver(c),
          })) : [],
          charts,
        };
      },
    };

    container.dataset.state = "waiting";
    result.textContent = "Drawing the curves…";
    render();
    page.whenNear(container, compute);
  }

  page.whenReady("#live-goodhart-tails", setup);
})(typeof self !== "undefined" ? self : this);
