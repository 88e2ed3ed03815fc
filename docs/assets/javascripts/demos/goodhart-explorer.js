/**
 * The Goodhart explorer page: reads the controls, runs the best-of-N simulation (goodhart-sim.js)
 * for light-tailed error and for the heavy-tailed error the reader picks, draws the two side by
 * side (goodhart-draw.js) with, under the slider, one draw of N candidates for each (the first
 * trial, goodhart-sim.js oneDraw: who wins and why), and writes what they show.
 * Screen readers hear one short line (the result of the control just moved) once it settles; the
 * long summary and the draws' line are there to read, not spoken at every step.
 *
 * The page opens at the best of 100 (OPENING_N), with both curves drawn from 1 to there: the
 * comparison that makes the point, the true value still rising in the first chart and past its
 * peak in the second, is on the screen before the reader touches anything (at N = 1 the charts
 * opened empty, a reader review). Beyond 100 the curves are drawn only as far as the reader
 * takes N (and the heavy-tailed peak named only once passed): opening on both whole curves, the
 * page gave the whole answer away (an earlier review). Once N has been to 10,000 the whole curves
 * stay. The printed and no-JavaScript figure shows them whole.
 *
 * The numbers are said once where a reader sees them: on the charts and in the line under the
 * slider. The summary under the charts says in words what they mean; its numbers (the proxy
 * scores too, which the line leaves out) are there for screen readers only.
 *
 * On a phone the slider is stuck at the foot of the screen while the charts come into view above
 * it; a reader who moves it then has the page glide forward until both charts are whole above it
 * (bringChartsIntoView), so the second chart, where the true value peaks and falls, is seen
 * reacting too.
 *
 * window.AlignmentDemos.goodhart.state() reports the current numbers for tests and curious readers.
 */
(function (root) {
  "use strict";
  const demos = root.AlignmentDemos;
  const sim = demos.goodhartSim;
  const page = demos.page;
  const draw = demos.goodhartDraw;
  const fmt = page.formatNumber;
  const TRIALS_PER_FRAME = 25;
  /** The kinds of error, named as in the chapter's figure: "Occasional huge errors (heavy
   * tails)" in the chart titles, "occasional huge errors" in the summary, "occasional ones" in
   * the one-line result. */
  const KINDS = draw.ERROR_KINDS;
  const kindName = draw.kindTitle;

  /** The slider steps through the candidate counts the simulation computes (1, 2, 3, 5, 7, 10,
   * 15, ... 10,000), so that every step changes N and the slider, its readout, the summary and
   * the charts' marker all show the same N (a free log scale showed "best of 36" over a chart
   * that could only mark N = 30). */
  const SIZES = sim.selectionSizes(sim.MAX_N);
  /** Where the slider starts: far enough that the second chart's true value has peaked and fallen
   * while the first one's still rises (the markup's value, goodhart-explorer.md, says the same). */
  const OPENING_N = 100;

  function nFromSlider(value) {
    return SIZES[Math.max(0, Math.min(SIZES.length - 1, Math.round(Number(value))))];
  }

  function setup(container) {
    const $ = (id) => container.querySelector(`#${id}`);
    const nSlider = $("gh-n");
    nSlider.max = String(SIZES.length - 1);
    nSlider.value = String(SIZES.indexOf(OPENING_N));
    const scaleSlider = $("gh-scale");
    const trialsSlider = $("gh-trials");
    const seedInput = $("gh-seed");
    const canvases = [$("gh-light-chart"), $("gh-selection-chart")];
    const drawCanvases = [$("gh-draw-light"), $("gh-draw-heavy")];
    const summary = $("gh-summary");
    const result = $("gh-result");
    const drawSummary = $("gh-draw-summary");
    const drawCap = $("gh-draw-cap"); // says so when the draw shows only some of its candidates
    const live = page.announcer(container);

    const theme = page.keepDrawn(container, [...canvases, ...drawCanvases], render);
    let runs = null; // [light, heavy] best-of-N runs, filled in a few trials per frame
    let curves = null;
    let stopComputing = () => {};
    let renders = 0;
    let here = [];
    let draws = null; // [light, heavy]: one draw of candidates each (the first trial), for the draws
    let drawn = []; // what the draws last showed: { winner, count, shown, capped, label }, for state()
    let announceWhenDone = false; // the reader asked for news while the trials were still running
    let reached = OPENING_N; // the largest N the reader has gone to (or the opening N): the curves are drawn that far
    const charts = { selection: [], draws: [] }; // texts and obstacles drawn, for tests

    function heavy() {
      const checked = container.querySelector('input[name="gh-distribution"]:checked');
      return checked ? checked.value : "t2";
    }

    function options(distribution) {
      return {
        distribution,
        errorScale: Number(scaleSlider.value),
        trials: Number(trialsSlider.value),
        seed: demos.random.parseSeed(seedInput.value),
        maxN: sim.MAX_N,
      };
    }

    /** The sliders' readouts, each written only when its value changed (a redraw while the trials
     * run used to rewrite all four every frame). */
    function showOutputs() {
      const n = nFromSlider(nSlider.value);
      nSlider.setAttribute("aria-valuetext", `best of ${fmt(n)}`);
      page.setText($("gh-n-out"), fmt(n));
      page.setText($("gh-scale-out"), Number(scaleSlider.value).toFixed(2));
      page.setText($("gh-trials-out"), fmt(Number(trialsSlider.value)));
      page.setText($("gh-heavy-title"), kindName(heavy()));
      page.setText($("gh-draw-heavy-title"), kindName(heavy()));
    }

    function drawSelection(n) {
      const range = draw.sharedRange(curves);
      charts.selection = [];
      here = curves.map((curve, i) => {
        const prepared = page.prepareCanvas(canvases[i]);
        if (!prepared) return sim.pointAt(curve, n);
        const drawn = draw.drawSelection(prepared, theme.colours, curve, n, { range, compact: prepared.width < 420, reached });
        charts.selection.push({ width: prepared.width, height: prepared.height, ...drawn.chart });
        return drawn;
      });
    }

    /**
     * The two draws under the slider: one draw of N candidates for each kind of error, the
     * winner ringed, on shared scales (goodhart-draw.js, drawOneDraw), and the line under them
     * naming each winner's true value and score, which each canvas's label also gives.
     */
    function drawDraws(n) {
      const range = draw.drawRange(draws[0], draws[1]);
      charts.draws = [];
      drawn = draws.map((one, i) => {
        const prepared = page.prepareCanvas(drawCanvases[i]);
        if (!prepared) return { ...draw.drawShown(one, n), label: null };
        const beside = draws.filter((other) => other !== one); // their winners worded alike
        const result = draw.drawOneDraw(prepared, theme.colours, one, n, { range, compact: prepared.width < 420, beside });
        charts.draws.push({ width: prepared.width, height: prepared.height, ...result.chart });
        return result;
      });
      const kinds = draws.map((one) => KINDS[one.options.distribution].plain);
      // Rounded as each canvas's label rounds them (goodhart-draw.js, scoreText): one number, one way.
      const numbers = (w) => `true value ${fmt(w.value, 2)}, score ${draw.scoreText(w.score)}`;
      page.setText($("gh-draw-title"), n === 1 ? "One draw of 1 candidate: nothing to pick from yet" : `One draw of ${fmt(n)} candidates: which one wins`);
      page.setText(drawCap, drawn[0].capped ? ` Of its ${fmt(n)} candidates, ${fmt(draw.DRAW_CAP)} are shown, at random, and the winner.` : "");
      drawn.forEach((d, i) => {
        drawCanvases[i].setAttribute("aria-label", `One draw of ${fmt(n)} candidate${n === 1 ? "" : "s"} with ${kinds[i]}: each candidate's score against its true value. The winner, ringed, has ${numbers(d.winner)}.`);
      });
      const [light, heavyOne] = drawn.map((d) => d.winner);
      const mostlyError = heavyOne.error > Math.max(0, heavyOne.value) && heavyOne.error > light.error;
      page.setText(drawSummary, n === 1
        ? `With one candidate it wins whatever its score: ${kinds[0]}, ${numbers(light)}; ${kinds[1]}, ${numbers(heavyOne)}.`
        : `In this draw of ${fmt(n)}, the winner with ${kinds[0]} has ${numbers(light)}; with ${kinds[1]}, ${numbers(heavyOne)}${mostlyError ? ": most of its score is error" : ""}.`);
    }

    /**
     * The summary under the charts: what they show, in words, and for screen readers the numbers
     * (which the charts and the line under the slider show a sighted reader), first, so that it
     * opens "Best of 100, …" as the line does.
     */
    function describe(n) {
      const [lightCurve, heavyCurve] = curves;
      const [light, heavyHere] = here;
      const o = lightCurve.options;
      const kind = heavyCurve.options.distribution;
      const turns = sim.turnsOver(heavyCurve);
      const past = turns && heavyHere.n > heavyCurve.peak.n;
      const peakText = `its peak of ${fmt(heavyCurve.peak.meanTrue, 2)} at N = ${fmt(heavyCurve.peak.n)}`;
      let heavyNumbers = `proxy score typically ${fmt(heavyHere.medianProxy, 1)}, true value ${fmt(heavyHere.meanTrue, 2)} on average`;
      if (past) heavyNumbers += `, down from ${peakText}`;
      else if (turns && reached > heavyCurve.peak.n) heavyNumbers += `, rising toward ${peakText}`;
      const numbers = `Best of ${fmt(n)}, error of size ${o.errorScale.toFixed(2)}. ${kindName(lightCurve.options.distribution)}: proxy score typically ${fmt(light.medianProxy, 1)}, true value ${fmt(light.meanTrue, 2)} on average. `
        + `${kindName(kind)}: ${heavyNumbers}. Sample: ${fmt(o.trials)} trials of ${fmt(o.maxN)} candidates each per chart, seed ${o.seed}.`;
      const plain = KINDS[kind].plain;
      let words;
      if (n === 1) {
        words = "With one candidate nothing is selected yet: drag N up to select harder.";
      } else if (past) {
        words = `With no huge errors, picking from more candidates still helps, by less than the score claims. With ${plain}, it now mostly finds the candidates with the biggest errors, not good ones: the score soars while the true value falls back.`;
      } else if (turns) {
        words = `So far, picking from more candidates helps with both kinds of error, by less than the score claims.${reached > heavyCurve.peak.n ? "" : " Drag N further."}`;
      } else {
        words = `At this size of error, the true value with ${plain} has not turned over yet: picking from more candidates still helps with both, by less than the score claims.`;
      }
      const hidden = document.createElement("span");
      hidden.className = "demo-sr-only";
      hidden.textContent = numbers;
      // What the setting shows, in one sentence: why, and the names for it, are in "What to notice"
      // (the same explanation three times in a row, a reader review).
      summary.replaceChildren(hidden, ` ${words}`);
    }

    /** The line under the slider: the numbers of the summary, short enough to read while dragging.
     * It opens "Best of 100, true value: no huge errors 1.68, …", not the chapter figure's "Best
     * of 100: true value with no huge errors …": on a 320 px phone, where the opening "Best of
     * 100" is hidden, "True value with" stood alone on its line (a reader review). */
    function resultLine(n) {
      const panels = curves.map((curve) => ({ name: KINDS[curve.options.distribution].short, curve }));
      return draw.resultLine(n, panels, { reached, valueFirst: true });
    }

    function showResult(n) {
      draw.showResult(result, resultLine(n));
    }

    /** What the live line says for the selection charts (null while the trials still run: the
     * end of the computation says it then). */
    function selectionNews() {
      const ready = curves && curves.every((c) => c.complete);
      return ready ? draw.resultText(resultLine(nFromSlider(nSlider.value))) : null;
    }

    function render() {
      showOutputs();
      const n = nFromSlider(nSlider.value);
      reached = Math.max(reached, n);
      if (draws) drawDraws(n);
      if (curves) {
        drawSelection(n);
        if (curves.every((c) => c.complete)) {
          describe(n);
          showResult(n);
        }
      }
      renders += 1;
      container.dataset.renders = String(renders);
    }

    /** (Re)run the simulation, a few trials per frame, redrawing as the curves fill in. A run the
     * reader asked for (`announce`) is spoken as "Running the trials…", if it takes a while, then
     * its result, not frame by frame. */
    function compute(which, announce = true) {
      announceWhenDone = announce;
      const keep = which === "heavy" && runs && runs[0].options.trials === Number(trialsSlider.value)
        && runs[0].options.errorScale === Number(scaleSlider.value)
        && runs[0].options.seed === demos.random.parseSeed(seedInput.value);
      runs = [keep ? runs[0] : sim.createBestOfN(options("gaussian")), sim.createBestOfN(options(heavy()))];
      draws = runs.map((run) => sim.oneDraw(run.options)); // each run's first trial, up close
      seedInput.value = String(runs[0].options.seed);
      summary.textContent = "Running the trials…";
      result.textContent = "Running the trials…";
      container.dataset.state = "computing";
      if (announce) live.say("Running the trials…");
      stopComputing(); // a newer setting takes over
      stopComputing = page.runInFrames(runs, TRIALS_PER_FRAME, (results, done) => {
        curves = results;
        render();
        if (done) {
          container.dataset.state = "ready";
          if (announceWhenDone) live.say(selectionNews);
        }
      });
    }

    /**
     * On a phone the N slider and its result line are stuck at the foot of the screen while the
     * charts come into view above them (demos.css, .demo-sticky), so a reader could take the
     * slider with the second chart, the heavy-tailed one, under the bar or below the screen: they
     * dragged and never saw it react, a screen below the first (a reader review). When the reader
     * moves the slider while it is stuck and a chart is not whole above it, the page glides
     * forward until both are, the first still under the header, and as far as the bar's own
     * place, under the choice of errors, if the screen allows. The bar, stuck until then, stays
     * where it is, and so does the thumb under the finger. Forward only: the bar is stuck only
     * while its place is below the screen. Smoothly, so the reader sees where the page went, or
     * at once under reduced motion; on a desktop or a phone on its side the slider is in the page,
     * under the charts, and nothing moves. Returns whether the page moves.
     */
    const bar = container.querySelector(".demo-sticky");
    const panels = container.querySelector(".demo-panels");
    /**
     * On a phone held upright the bar's place is under the two draws, at the end of the block
     * that holds charts and draws ($("gh-span")), so that, stuck at the foot of the screen while
     * its place is below it, it stays there while the charts and then the draws are in view: the
     * reader moves N while watching the draws, as "What to try" asks (a reader review: with its
     * place under the charts, it left with them, and the draws were a screen below the slider).
     * Elsewhere it is under the charts (on a phone on its side it sticks under the header while
     * the draws are in view, demos.css). Moved in the page, not only on the screen, so the tab
     * order follows what the reader sees; the slider keeps the focus if it had it.
     */
    const span = $("gh-span");
    const upright = root.matchMedia("(max-width: 37.4375em) and (min-height: 31.25em)");
    function placeBar() {
      const focused = bar.contains(document.activeElement) ? document.activeElement : null;
      if (upright.matches && span.lastElementChild !== bar) span.append(bar);
      else if (!upright.matches && panels.nextElementSibling !== bar) panels.after(bar);
      if (focused && document.activeElement !== focused) focused.focus({ preventScroll: true });
    }
    placeBar();
    upright.addEventListener("change", placeBar);
    const firstTitle = container.querySelector(".demo-chart-title");
    const CLEAR = 8; // px kept between a chart and the bar, and under the header
    // The last glide ({ from, to, at }): N moved again while it is under way (under a second old,
    // the page between where it started and where it goes) does not start it again, which would
    // slow it down at every step of the drag.
    let glide = null;
    function bringChartsIntoView() {
      const style = root.getComputedStyle(bar);
      if (style.position !== "sticky" || style.bottom === "auto") return false; // not stuck at the foot
      const barTop = bar.getBoundingClientRect().top;
      // How far the bar is above its place, under what comes before it (the draws' line).
      const lifted = bar.previousElementSibling.getBoundingClientRect().bottom + parseFloat(style.marginTop) - barTop;
      const hidden = Math.max(...canvases.map((canvas) => canvas.getBoundingClientRect().bottom)) - (barTop - CLEAR);
      if (lifted < 1 || hidden < 1) return false; // in its place, or the charts whole above it
      const header = document.querySelector(".md-header");
      const headerBottom = header ? header.getBoundingClientRect().bottom : 0;
      const room = firstTitle.getBoundingClientRect().top - headerBottom - CLEAR;
      const delta = Math.round(Math.min(lifted, room));
      const target = root.scrollY + delta;
      const now = root.performance.now();
      const underWay = glide && now - glide.at < 1000 && root.scrollY > glide.from && root.scrollY < glide.to;
      if (delta < 1 || (underWay && Math.abs(target - glide.to) < 2)) return false;
      glide = { from: root.scrollY, to: target, at: now };
      root.scrollBy({ top: delta, behavior: page.prefersReducedMotion() ? "instant" : "smooth" });
      return true;
    }

    container.querySelectorAll('input[name="gh-distribution"]').forEach((radio) => radio.addEventListener("change", () => compute("heavy")));
    scaleSlider.addEventListener("change", () => compute("both"));
    scaleSlider.addEventListener("input", showOutputs);
    trialsSlider.addEventListener("change", () => compute("both"));
    trialsSlider.addEventListener("input", showOutputs);
    seedInput.addEventListener("change", () => compute("both"));
    nSlider.addEventListener("input", () => {
      bringChartsIntoView();
      render();
      live.say(selectionNews);
      if (container.dataset.state === "computing") announceWhenDone = true;
    });

    demos.goodhart = {
      /** The numbers behind the plots, for tests and for anyone curious in the console. */
      state() {
        const n = nFromSlider(nSlider.value);
        const ready = Boolean(curves && curves.every((c) => c.complete));
        const panel = (c, i) => ({
          distribution: c.options.distribution, points: c.points.map((p) => ({ ...p })),
          peakN: c.peak.n, peakTrue: c.peak.meanTrue, trueAtMaxN: c.last.meanTrue, proxyAtMaxN: c.last.medianProxy,
          trueAtN: here[i] ? here[i].meanTrue : null, proxyAtN: here[i] ? here[i].medianProxy : null,
        });
        return {
          ready, n, reached, sizes: SIZES, markedN: here.map((point) => point && point.n), renders, heavy: heavy(),
          errorScale: Number(scaleSlider.value), trials: Number(trialsSlider.value), seed: runs ? runs[0].options.seed : null,
          panels: curves ? curves.map(panel) : [],
          draws: draws ? draws.map((one, i) => ({
            distribution: one.options.distribution, n, count: drawn[i] ? drawn[i].count : null, shown: drawn[i] ? drawn[i].shown : null,
            capped: drawn[i] ? drawn[i].capped : null, label: drawn[i] ? drawn[i].label : null, winner: one.winner(n),
            candidates: { values: Array.from(one.values.subarray(0, Math.min(n, 20))), scores: Array.from(one.scores.subarray(0, Math.min(n, 20))) },
          })) : [],
          charts: [...charts.selection, ...charts.draws],
        };
      },
    };

    compute("both", false); // the page's first picture: nothing to announce
  }

  page.whenReady("#goodhart-demo", setup);
})(typeof self !== "undefined" ? self : this);
