/**
 * Live figure for the core-difficulties chapter: a toy CoinRun (coin-level-sim.js, drawn by
 * coin-level-draw.js). The reader
 * moves the coin, by dragging or tapping it on the level or with two sliders, and sees the
 * trained agent's path; a second control switches to an agent trained with the coin elsewhere in
 * some levels. Screen readers hear one short line (where the coin is, what the agent does) once
 * the reader stops moving it.
 *
 * window.AlignmentDemos.coinMoved.state() reports what is shown, for tests.
 */
(function (root) {
  "use strict";
  const demos = root.AlignmentDemos;
  const sim = demos.coinLevelSim;
  const page = demos.page;
  const levelDraw = demos.coinLevelDraw;

  function setup(container) {
    const canvas = container.querySelector("canvas");
    const xSlider = container.querySelector('input[name="coin-x"]');
    const ySlider = container.querySelector('input[name="coin-y"]');
    const radios = [...container.querySelectorAll('input[type="radio"]')];
    const summary = container.querySelector(".demo-summary");
    const theme = page.keepDrawn(container, [canvas], draw);
    const live = page.announcer(container);
    let agents = null;
    let rates = null; // each agent's success over every coin placement, in %: fixed once trained
    let run = null;
    let dragging = false;

    function coin() {
      return { x: Number(xSlider.value), y: Number(ySlider.value) };
    }

    function regime() {
      const checked = radios.find((r) => r.checked);
      return checked ? checked.value : "fixed";
    }

    let drawing = null; // the texts last drawn, for tests

    function draw() {
      const prepared = page.prepareCanvas(canvas);
      if (prepared) drawing = { width: prepared.width, height: prepared.height, ...levelDraw.drawLevel(prepared, theme.colours, coin(), run) };
    }

    // Where the coin was in the agent's training, as both texts say it.
    const TRAINED = { fixed: "always at the right end", varied: "elsewhere in 1 level in 10" };

    /** What the agent did with the coin where it is, for the summary and the live line to word
     * each in its own length. */
    function outcome() {
      if (run.gotCoin) return regime() === "fixed" && run.coin.y === 0 ? "onTheWay" : "forTheCoin";
      if (run.endsAtRightEnd) return run.passedCoin ? "pastIt" : "rightEnd";
      return "short";
    }

    /** "1 move", "11 moves". */
    function movesText(moves) {
      return `${moves} ${moves === 1 ? "move" : "moves"}`;
    }

    function describe() {
      const { x, y } = run.coin;
      const where = `Coin ${x} steps along${y ? `, ${y} up` : ", on the floor"}.`;
      const trained = `Trained with the coin ${TRAINED[regime()]}:`;
      const learned = `It learned "go right", which earned the same reward as "get the coin" in every training level.`;
      const did = {
        onTheWay: `the agent takes the coin in ${movesText(run.moves)}, but only because it lies on the way to the right end.`,
        forTheCoin: `the agent goes for the coin and takes it in ${movesText(run.moves)}.`,
        pastIt: `the agent runs past the coin to the right end and stays there without it. ${learned}`,
        rightEnd: `the agent runs to the right end and stays there without it. ${learned}`,
        short: "the agent does not reach the coin.",
      }[outcome()];
      const other = regime() === "fixed"
        ? `${rates.varied}% for one trained with the coin ${TRAINED.varied}`
        : `${rates.fixed}% for one trained with the coin ${TRAINED.fixed}`;
      return `${where} ${trained} ${did} Over every place the coin can go, this agent takes it ${rates[regime()]}% of the time, against ${other}.`;
    }

    /** The live line: the summary's first two sentences, short. */
    function news() {
      if (!run) return null;
      const { x, y } = run.coin;
      const did = {
        onTheWay: `takes it in ${movesText(run.moves)}, on its way to the right end`,
        forTheCoin: `goes for the coin and takes it in ${movesText(run.moves)}`,
        pastIt: "runs past it to the right end",
        rightEnd: "runs to the right end without it",
        short: "does not reach it",
      }[outcome()];
      return `Coin ${x} steps along, ${y ? `${y} up` : "on the floor"}; the agent trained with the coin ${TRAINED[regime()]} ${did}.`;
    }

    /** Show the coin where the controls put it; a change the reader made is also announced. */
    function changed() {
      render();
      live.say(news);
    }

    function render() {
      const place = coin();
      xSlider.setAttribute("aria-valuetext", `${place.x} steps along`);
      ySlider.setAttribute("aria-valuetext", place.y ? `${place.y} up` : "on the floor");
      container.querySelectorAll("output").forEach((out) => {
        const input = container.querySelector(`#${out.htmlFor.value}`);
        if (input) page.setText(out, input.value);
      });
      if (agents) {
        run = sim.play(agents[regime()], place);
        summary.textContent = describe();
      }
      draw();
    }

    /** Place the coin at the cell under a pointer (not on the start, not off the level). */
    function placeAt(event) {
      const rect = canvas.getBoundingClientRect();
      const cell = levelDraw.geometry(rect).cellAt(event.clientX - rect.left, event.clientY - rect.top);
      const x = Math.min(Number(xSlider.max), Math.max(Number(xSlider.min), cell.x));
      const y = Math.min(Number(ySlider.max), Math.max(Number(ySlider.min), cell.y));
      if (x === Number(xSlider.value) && y === Number(ySlider.value)) return;
      xSlider.value = String(x);
      ySlider.value = String(y);
      changed();
    }

    // A finger on the level may be the start of a scroll past it (the canvas lets the page pan
    // up and down: a reader review's thumb, scrolling, moved the coin instead): by touch the
    // coin moves on a tap or a sideways drag, and a scroll cancels the touch; a mouse or a pen
    // moves it at once.
    canvas.addEventListener("pointerdown", (event) => {
      dragging = true;
      if (event.pointerType === "touch") return;
      if (canvas.setPointerCapture) canvas.setPointerCapture(event.pointerId);
      placeAt(event);
    });
    canvas.addEventListener("pointermove", (event) => { if (dragging) placeAt(event); });
    canvas.addEventListener("pointerup", (event) => {
      if (dragging && event.pointerType === "touch") placeAt(event);
      dragging = false;
    });
    canvas.addEventListener("pointercancel", () => { dragging = false; });
    [xSlider, ySlider].forEach((s) => s.addEventListener("input", changed));
    radios.forEach((r) => r.addEventListener("change", changed));

    demos.coinMoved = {
      state() {
        return {
          ready: Boolean(agents), regime: regime(), coin: coin(),
          gotCoin: run ? run.gotCoin : null, endsAtRightEnd: run ? run.endsAtRightEnd : null,
          moves: run ? run.moves : null, path: run ? run.path : [], charts: drawing ? [drawing] : [],
        };
      },
    };

    container.dataset.state = "waiting";
    render();
    page.whenNear(container, () => {
      // Two small trainings, one per frame, so the page never stalls.
      root.requestAnimationFrame(() => {
        const fixed = sim.train({ regime: "fixed" });
        root.requestAnimationFrame(() => {
          agents = { fixed, varied: sim.train({ regime: "varied" }) };
          rates = Object.fromEntries(
            Object.entries(agents).map(([name, agent]) => [name, Math.round(sim.successRate(agent) * 100)]),
          );
          container.dataset.state = "ready";
          render();
        });
      });
    });
  }

  page.whenReady("#live-coin-moved", setup);
})(typeof self !== "undefined" ? self : this);
