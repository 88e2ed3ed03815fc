/**
 * Live figure for the RLHF chapter: the KL "leash". A slider sets how far reinforcement learning
 * may pull the model from where it started; the chart shows the reward model's score rising all
 * the way while the true ("gold") reward peaks and falls, in the form Gao, Schulman and Hilton
 * fitted (kl-leash-sim.js, drawn by kl-leash-draw.js). A second control swaps in a larger reward
 * model.
 *
 * window.AlignmentDemos.klLeash.state() reports the numbers shown, for tests.
 */
(function (root) {
  "use strict";
  const demos = root.AlignmentDemos;
  const sim = demos.klLeashSim;
  const page = demos.page;

  function setup(container) {
    const slider = container.querySelector('input[type="range"]');
    const output = container.querySelector("output");
    const radios = [...container.querySelectorAll('input[type="radio"]')];
    const canvas = container.querySelector("canvas");
    const summary = container.querySelector(".demo-summary");
    let colours = page.themeColours(container);
    let current = null;

    function modelName() {
      const checked = radios.find((r) => r.checked);
      return checked ? checked.value : "small";
    }

    function render() {
      const d = Number(slider.value);
      const name = modelName();
      current = sim.at(d, name);
      output.textContent = d.toFixed(2);
      slider.setAttribute("aria-valuetext", `leash ${d.toFixed(2)} (KL ${current.kl.toFixed(2)})`);
      const prepared = page.prepareCanvas(canvas);
      if (prepared) demos.klLeashDraw.drawLeash(prepared, colours, { model: name, d, compare: false });
      summary.textContent = describe(name);
    }

    function describe(name) {
      const { d, proxy, gold, peak, pastPeak } = current;
      const model = sim.REWARD_MODELS[name].label;
      const where = pastPeak
        ? `past its peak of ${peak.gold.toFixed(2)} at ${peak.d.toFixed(2)}: a longer leash now makes the model worse while its score keeps rising`
        : `still rising toward its peak of ${peak.gold.toFixed(2)} at ${peak.d.toFixed(2)}`;
      return `With a leash of ${d.toFixed(2)} (KL ${(d * d).toFixed(2)}) and the ${model}, the reward model scores the policy ${proxy.toFixed(2)} and the true reward is ${gold.toFixed(2)}, ${where}.`;
    }

    slider.addEventListener("input", render);
    radios.forEach((r) => r.addEventListener("change", render));
    page.onThemeChange(() => {
      colours = page.themeColours(container);
      render();
    });
    page.onResize([canvas], render);

    demos.klLeash = {
      state() {
        return { model: modelName(), ...current };
      },
    };
    render();
  }

  page.whenReady("#live-kl-leash", setup);
})(typeof self !== "undefined" ? self : this);
