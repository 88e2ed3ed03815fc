/**
 * Live figure for the RLHF chapter: the KL "leash". A slider sets where reinforcement learning
 * stops, as a distance from the model it started from (a stopping point, which is how a KL penalty
 * behaved in Gao, Schulman and Hilton's experiments, not a penalty's strength); the chart shows
 * the reward model's score rising all the way while the true ("gold") reward peaks and falls, in
 * the form Gao, Schulman and Hilton fitted (kl-leash-sim.js, drawn by kl-leash-draw.js). A second
 * control swaps in a larger reward model. Screen readers hear one short line (leash, score, true
 * reward) once the control settles.
 *
 * window.AlignmentDemos.klLeash.state() reports the numbers shown, for tests.
 */
(function (root) {
  "use strict";
  const demos = root.AlignmentDemos;
  const sim = demos.klLeashSim;
  const page = demos.page;
  const fmt = page.formatNumber;

  function setup(container) {
    const slider = container.querySelector('input[type="range"]');
    const output = container.querySelector("output");
    const radios = [...container.querySelectorAll('input[type="radio"]')];
    const canvas = container.querySelector("canvas");
    const summary = container.querySelector(".demo-summary");
    const theme = page.keepDrawn(container, [canvas], render);
    const live = page.announcer(container);
    let current = null;
    let chart = null; // the texts and obstacles last drawn, for tests

    function modelName() {
      const checked = radios.find((r) => r.checked);
      return checked ? checked.value : "small";
    }

    function render() {
      const d = Number(slider.value);
      const name = modelName();
      current = sim.at(d, name);
      page.setText(output, d.toFixed(2));
      slider.setAttribute("aria-valuetext", `leash ${d.toFixed(2)} (KL ${current.kl.toFixed(2)})`);
      const prepared = page.prepareCanvas(canvas);
      if (prepared) {
        chart = { width: prepared.width, height: prepared.height, ...demos.klLeashDraw.drawLeash(prepared, theme.colours, { model: name, d, compare: false }).chart };
      }
      describe(name);
    }

    /**
     * What the leash does, in words a reader can take in (a reader review found "Leash 1.50
     * (KL 2.25)… scores the policy 2.27" read like instrument output), with the numbers, each
     * named, for screen readers only: a sighted reader reads them off the chart's marked points.
     * The best leash is said roughly ("about 1"): the constants are made up, the shape is the point.
     */
    function describe(name) {
      const { d, kl, proxy, gold, peak, pastPeak } = current;
      const model = sim.REWARD_MODELS[name].label;
      const rounded = Math.round(peak.d * 10) / 10;
      const about = `about ${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)}`;
      const step = Number(slider.step) || 0.05;
      let words;
      if (d === 0) {
        words = "No leash at all: training cannot move the model, so neither its score nor its answers change.";
      } else if (Math.abs(d - peak.d) < step / 2 + 1e-9) {
        words = `About the best leash for the ${model}: its answers are as good as training can make them. Any longer and they get worse while the score keeps rising.`;
      } else if (pastPeak) {
        words = `Past a leash of ${about}, extra freedom makes the answers worse while the reward model's score keeps rising. This leash is too long.`;
      } else {
        words = `A longer leash still helps, up to ${about} with the ${model}: the answers get better, though the score rises faster than they do.`;
      }
      const numbers = `Leash ${d.toFixed(2)} (KL ${kl.toFixed(2)}), ${model}: the reward model's score ${fmt(proxy, 2)}, the true reward ${fmt(gold, 2)}; the true reward is highest, ${fmt(peak.gold, 2)}, at a leash of ${peak.d.toFixed(2)}.`;
      const hidden = container.ownerDocument.createElement("span");
      hidden.className = "demo-sr-only";
      hidden.textContent = numbers;
      summary.replaceChildren(hidden, ` ${words}`);
    }

    /** The live line: the numbers of the summary's first sentence, and where the peak is. */
    function news() {
      const { d, proxy, gold, peak, pastPeak } = current;
      const where = pastPeak ? `past its peak of ${fmt(peak.gold, 2)}` : d < peak.d ? `still short of its peak of ${fmt(peak.gold, 2)}` : "at its peak";
      return `Leash ${d.toFixed(2)}, ${sim.REWARD_MODELS[modelName()].label}: the reward model's score ${fmt(proxy, 2)}, the true reward ${fmt(gold, 2)}, ${where}.`;
    }

    const changed = () => {
      render();
      live.say(news);
    };
    slider.addEventListener("input", changed);
    radios.forEach((r) => r.addEventListener("change", changed));

    demos.klLeash = {
      state() {
        return { model: modelName(), ...current, charts: chart ? [chart] : [] };
      },
    };
    render();
  }

  page.whenReady("#live-kl-leash", setup);
})(typeof self !== "undefined" ? self : this);
