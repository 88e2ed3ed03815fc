/**
 * Live figure for the RLHF chapter: the KL "leash". A slider sets how far reinforcement learning
 * may pull the model from where it started; the chart shows the reward model's score rising all
 * the way while the true ("gold") reward peaks and falls, in the form Gao, Schulman and Hilton
 * fitted (kl-leash-sim.js, drawn by kl-leash-draw.js). A second control swaps in a larger reward
 * model. Screen readers hear one short line (leash, score, true reward) once the control settles.
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
      summary.textContent = describe(name);
    }

    /** The numbers in words, naming each one: the leash and the reward are both near 1 here. */
    function describe(name) {
      const { d, proxy, gold, peak, pastPeak } = current;
      const model = sim.REWARD_MODELS[name].label;
      const best = `The true reward is highest, ${fmt(peak.gold, 2)}, with a leash of ${peak.d.toFixed(2)}`;
      const where = pastPeak
        ? `${best}: this longer leash makes the model worse while its score keeps rising.`
        : d < peak.d ? `${best}, so a longer leash still helps.` : `${best}: this is the best leash.`;
      return `Leash ${d.toFixed(2)} (KL ${(d * d).toFixed(2)}), ${model}: the reward model scores the policy ${fmt(proxy, 2)}; its true reward is ${fmt(gold, 2)}. ${where}`;
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
