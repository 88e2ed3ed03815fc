/**
 * Live figure for the specification-gaming chapter: the boat race's learner (boat-race-sim.js),
 * trained twice with the same seed, replayed side by side on one course. The boat paid by the
 * game's score circles the lagoon; the boat paid for progress races. Both are scored by the game's
 * score, so the reader sees the proxy go up where the race is lost. Screen readers hear one short
 * line where the reader stops the replay (by the slider or Pause), not the moves as they play.
 *
 * window.AlignmentDemos.boatLoop.state() reports what is shown, for tests and curious readers.
 */
(function (root) {
  "use strict";
  const demos = root.AlignmentDemos;
  const sim = demos.boatRaceSim;
  const page = demos.page;
  const course = demos.boatCourse;
  const fmt = page.formatNumber;

  const SEED = 2016;
  const MOVES = 120;
  const MOVES_PER_SECOND = 12;
  const EPISODES_PER_FRAME = 50;
  const AGENTS = [
    { key: "targets", name: "Paid for targets", reward: sim.DEFAULT_REWARD },
    { key: "progress", name: "Paid for progress", reward: sim.PROGRESS_REWARD },
  ];

  function setup(container) {
    const $ = (selector) => container.querySelector(selector);
    const canvas = $("canvas");
    const slider = $('input[type="range"]');
    const output = $("output");
    const playButton = $(".demo-play");
    const values = [...container.querySelectorAll(".demo-legend-value")];
    const summary = $(".demo-summary");
    const reducedMotion = page.prefersReducedMotion();
    const live = page.announcer(container);

    const theme = page.keepDrawn(container, [canvas], draw);
    let agents = null; // [{...AGENTS[i], trainer, rollout}]
    let move = 0;
    let playing = false;
    let frameRequest = 0;
    let lastTime = 0;
    let describeTimer = 0;
    let readerPlays = false; // a replay the reader started (not the first one, on arrival): its end is announced
    let drawing = null; // the course's words as last drawn, for tests

    if (reducedMotion) playButton.hidden = true;

    function here(agent, m) {
      const trail = agent.rollout.trail;
      return trail[Math.min(Math.floor(m), trail.length - 1)];
    }

    /** Where a boat is in the race at move m, each number named: "checkpoints 3 of 7" or the finish. */
    function race(agent, m) {
      const p = here(agent, m);
      return agent.rollout.finished && m >= agent.rollout.steps
        ? `finished the lap at move ${agent.rollout.steps}` : `checkpoints ${sim.checkpointsPassed(p.progress)}`;
    }

    function describe(agent, m) {
      const loop = agent.rollout.loopInLagoon && m > 20 ? "; it circles the lagoon" : "";
      return `${agent.name}: game score ${fmt(here(agent, m).score)}, ${race(agent, m)}${loop}.`;
    }

    /**
     * The numbers beside each boat's name in the legend, updated every frame. Each one says what
     * it is: both boats are scored by the game's score (the note above the legend says so), and a
     * bare "0 points" beside the boat paid for progress would read as losing the race.
     */
    function brief(agent, m) {
      const keep = (words) => words.replace(/ /g, "\u00a0"); // each number stays with its name when the line wraps
      return `${keep(`game score ${fmt(here(agent, m).score)}`)} · ${keep(race(agent, m))}`;
    }

    function sentence() {
      if (!agents) return summary.textContent;
      const m = Math.floor(move);
      return `Move ${m} of ${MOVES}, both scored by the game's score. ${agents.map((a) => describe(a, m)).join(" ")}`;
    }

    /** The summary is written when the reader has stopped moving things, not every frame. */
    function describeLater(delay) {
      root.clearTimeout(describeTimer);
      describeTimer = root.setTimeout(() => { summary.textContent = sentence(); }, delay);
    }

    /** The live line at the current move, short: each boat's score and place in the race. */
    function news() {
      if (!agents) return null;
      const m = Math.floor(move);
      const boat = (a) => `${a.name.toLowerCase()}, game score ${fmt(here(a, m).score)}, ${race(a, m)}`;
      return `Move ${m} of ${MOVES}: ${agents.map(boat).join("; ")}.`;
    }

    function draw() {
      const prepared = page.prepareCanvas(canvas);
      if (!prepared) return;
      const ctx = course.drawBase(prepared, theme.colours);
      drawing = course.courseLabels(ctx, prepared.width);
      if (!agents) {
        course.drawCheckpoints(ctx, theme.colours, 0);
        course.drawTargets(ctx, theme.colours, null);
        course.drawBoat(ctx, theme.colours, sim.course.START.x, sim.course.START.y, 0);
        return;
      }
      const [looper, racer] = agents;
      const runs = agents.map((agent, i) => {
        const trail = agent.rollout.trail;
        const last = Math.min(Math.floor(move), trail.length - 1);
        const colour = theme.colours.runs[i];
        const a = course.cellPoint(trail[last]);
        const b = course.cellPoint(trail[Math.min(last + 1, trail.length - 1)]);
        const t = last < trail.length - 1 ? move - Math.floor(move) : 0;
        return {
          colour, points: trail.slice(0, last + 1).map((p) => course.cellPoint(p)), alpha: 0.85,
          boat: { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t, angle: course.interpolateAngle(a.angle, b.angle, t), colour },
        };
      });
      course.drawRace(ctx, theme.colours, {
        passed: Math.round(here(racer, move).progress * sim.course.CHECKPOINTS.length), ready: here(looper, move).ready, runs,
      });
    }

    function showMove() {
      const m = Math.floor(move);
      slider.value = String(m);
      page.setText(output, String(m));
      slider.setAttribute("aria-valuetext", `move ${m} of ${MOVES}`);
      if (agents) agents.forEach((a, i) => { values[i].textContent = `: ${brief(a, m)}`; });
      draw();
    }

    function setPlaying(on) {
      playing = on && !reducedMotion;
      // The label says what the button does next (no aria-pressed as well: "Pause, pressed" is
      // two answers to one question).
      playButton.textContent = playing ? "Pause" : move >= MOVES ? "Replay" : "Play";
      if (playing) {
        // Written once, not every frame; the words stay true while the boats move.
        root.clearTimeout(describeTimer);
        summary.textContent = `Replaying both boats' first ${MOVES} moves; each one's game score and checkpoints are beside its name.`;
        lastTime = 0;
        if (!frameRequest) frameRequest = root.requestAnimationFrame(tick);
      } else {
        describeLater(0);
        if (readerPlays) live.say(news);
        readerPlays = false;
      }
    }

    function tick(now) {
      frameRequest = 0;
      if (!playing) return;
      const dt = lastTime ? Math.min(0.1, (now - lastTime) / 1000) : 1 / 60;
      lastTime = now;
      move = Math.min(MOVES, move + dt * MOVES_PER_SECOND);
      showMove();
      if (move >= MOVES) setPlaying(false);
      else frameRequest = root.requestAnimationFrame(tick);
    }

    /** Train both agents a chunk per frame, so the page stays responsive; then play. */
    function train() {
      const trainers = AGENTS.map((a) => sim.createTrainer({ seed: SEED, reward: a.reward }));
      const step = () => {
        trainers.forEach((t) => t.trainEpisodes(EPISODES_PER_FRAME));
        const done = trainers[0].history.length;
        if (!trainers.every((t) => t.done)) {
          summary.textContent = `Training both boats: episode ${done} of ${sim.DEFAULT_TRAINING.episodes}.`;
          root.requestAnimationFrame(step);
          return;
        }
        agents = AGENTS.map((a, i) => ({ ...a, trainer: trainers[i], rollout: trainers[i].greedyRollout(sim.DEFAULT_REWARD) }));
        slider.disabled = false;
        playButton.disabled = false;
        container.dataset.state = "ready";
        move = reducedMotion ? MOVES : 0;
        showMove();
        if (reducedMotion) describeLater(0);
        else setPlaying(true);
      };
      root.requestAnimationFrame(step);
    }

    slider.addEventListener("input", () => {
      move = Number(slider.value);
      if (playing) setPlaying(false);
      showMove();
      describeLater(400);
      live.say(news);
    });
    playButton.addEventListener("click", () => {
      if (!agents) return;
      if (!playing && move >= MOVES) move = 0;
      readerPlays = true; // its end, or the move where it is paused, is announced
      setPlaying(!playing);
    });

    demos.boatLoop = {
      state() {
        return {
          ready: Boolean(agents), move: Math.floor(move), moves: MOVES, playing, reducedMotion, seed: SEED,
          charts: drawing ? [drawing] : [],
          agents: agents ? agents.map((a) => {
            const p = here(a, move);
            return {
              key: a.key, score: p.score, progress: p.progress, finished: a.rollout.finished && move >= a.rollout.steps,
              loopsInLagoon: a.rollout.loopInLagoon, finishMove: a.rollout.finished ? a.rollout.steps : null,
            };
          }) : [],
        };
      },
    };

    slider.max = String(MOVES);
    slider.disabled = true;
    playButton.disabled = true;
    container.dataset.state = "waiting";
    draw();
    page.whenNear(container, train);
  }

  page.whenReady("#live-boat-loop", setup);
})(typeof self !== "undefined" ? self : this);
