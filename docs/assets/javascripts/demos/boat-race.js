/**
 * The boat race page: draws the course, lets the reader drive, trains the agent in chunks between
 * animation frames, charts each episode, replays the learned policy, and says what happened.
 * The simulation itself lives in boat-race-sim.js.
 *
 * For screen readers: the course is a picture (role img) until the reader drives, then an
 * application (so that a screen reader in browse mode passes the arrow keys to it), described by
 * short steering instructions; checkpoints passed are announced, not every move. The page's one
 * live line says short news (training started, its result, a preset, a checkpoint); the long
 * summary stays on the page to be read.
 *
 * The course, its readout and the result in words (the summary, under the course) are seen
 * together with the controls and the charts (a reader review: the boat, the Train button and the
 * charts were a screen or two apart, training ran out of sight, and the result's words gave the
 * circling away before the boat was seen to do it):
 * - From 960 px (demos.css) the course, readout and summary are a column that stays in view
 *   (sticky) beside the controls and the charts; pressing Train glides the page, if it must, so
 *   that the Train panel and both charts are on the screen beside the course.
 * - Narrower, pressing Train glides up to the course (one jump under reduced motion), with the
 *   readout and the summary under it; the readout gives the training's numbers (the charts' game
 *   score and race completed, averaged alike) while the charts are out of sight below.
 * - The result in words waits until the replay has shown it: for a boat that circles, two laps
 *   of its loop; for any other, its whole route (at once under reduced motion, where the replay
 *   shows its end). Until then the summary says only that the route replays (heldVerdict). The
 *   live line says the result when training ends: a screen reader has no replay to wait for.
 * - Home's "Watch an AI win the wrong game" links to #watch: the page opens on the demo and
 *   trains the first run at once.
 * "Skip to the replay" (over the charts, while an agent trains) trains the episodes still to come
 * at once (the same episodes, so the same policy and numbers as watching) and takes the reader,
 * view and focus, to the course, where the learned route replays. When training ends by itself
 * the page does not move: the link over the charts ("Watch the replay on the course") goes to
 * the course, view and focus, when the reader wants to; "See the charts" under the course goes
 * down.
 *
 * Both charts and the runs table measure every run the same way, whatever it was paid: by the
 * game's score (10 per target, 50 for finishing) and by how much of the race it completes. (Each
 * run in its own reward, 830 against 170, read as "paying for progress scored worse", a reader
 * review.)
 *
 * window.AlignmentDemos.boatRace.state() reports the simulation state for tests and curious readers.
 */
(function (root) {
  "use strict";
  const demos = root.AlignmentDemos;
  const sim = demos.boatRaceSim;
  const { course } = sim;
  const page = demos.page;
  const { drawLineChart } = demos.lineChart;
  const boatCourse = demos.boatCourse;
  const { drawBase, drawCheckpoints, drawTargets, drawBoat, drawRace, cellPoint, interpolateAngle } = boatCourse;

  const EPISODES_PER_FRAME = 2; // 500 episodes in about 250 frames, four seconds: time to watch score and progress part
  const EPISODES_PER_FRAME_REDUCED = 50;
  /** Checkpoints passed while driving are announced at most once in this long (ms): a quick pair
   * is said as the later one. */
  const CHECKPOINT_GAP_MS = 1200;
  const NUMBERED_CHECKPOINTS = course.CHECKPOINTS.filter((gate) => !gate.isFinish).length;
  const REPLAY_STEPS_PER_SECOND = 12;
  /** How long a steering button clicked without a pointer (a screen reader's double tap) holds
   * its input (ms). */
  const NUDGE_MS = 300;
  const KEYS = {
    ArrowUp: "up", ArrowDown: "down", ArrowLeft: "left", ArrowRight: "right",
    w: "up", s: "down", a: "left", d: "right", W: "up", S: "down", A: "left", D: "right",
  };

  function sameReward(a, b) {
    return a.targetPoints === b.targetPoints && a.finishBonus === b.finishBonus && a.checkpointReward === b.checkpointReward;
  }

  function rewardName(reward) {
    if (sameReward(reward, sim.DEFAULT_REWARD)) return "paid for targets";
    if (sameReward(reward, sim.PROGRESS_REWARD)) return "paid for progress";
    return "custom reward";
  }

  function rewardText(reward) {
    return `${reward.targetPoints} per target, ${reward.finishBonus} for finishing, ${reward.checkpointReward} per checkpoint`;
  }

  // ------------------------------------------------------------------------------------ the demo
  function setup(container) {
    const $ = (id) => container.querySelector(`#${id}`);
    const courseCanvas = $("br-course");
    const scoreCanvas = $("br-score-chart");
    const progressCanvas = $("br-progress-chart");
    const hud = $("br-hud");
    const summary = $("br-summary");
    const runsTable = $("br-runs");
    const runsBody = runsTable.querySelector("tbody");
    // Each body cell carries its column's name (data-label), which a phone prints above it when
    // the table is set as cards (extra.css, table[data-stack]); the build labels the cells of the
    // tables it sees, but this one is filled in here.
    const columnNames = Array.from(runsTable.querySelectorAll("thead th"), (th) => th.textContent.trim());
    const watchLink = $("br-watch");
    const driveButton = $("br-drive");
    const chartsLink = $("br-to-charts");
    const sliders = {
      targetPoints: $("br-target-points"),
      finishBonus: $("br-finish-bonus"),
      checkpointReward: $("br-checkpoint-reward"),
    };
    const seedInput = $("br-seed");
    const pauseButton = $("br-pause");
    const skipButton = $("br-skip");
    const keysHelp = $("br-course-keys");
    const reducedMotion = page.prefersReducedMotion();
    const live = page.announcer(container);
    // The course as a picture, as the page has it; while the reader drives it is an application.
    const picture = { label: courseCanvas.getAttribute("aria-label"), describedby: courseCanvas.getAttribute("aria-describedby") };
    let lastCheckpointSaid = -Infinity; // when a checkpoint was last announced (performance.now)

    const theme = page.keepDrawn(container, [courseCanvas, scoreCanvas, progressCanvas], redraw);
    let mode = "idle"; // idle | training | replay | drive
    let paused = false;
    let frameRequest = 0;
    let lastFrameTime = 0;
    let trainer = null;
    let current = null; // the run being trained or replayed
    const runs = [];
    let lastTrail = [];
    let replay = { index: 0, hold: 0 };
    let heldVerdict = null; // the run whose result in words waits for its replay: { run, at } (the move)
    let drawnBoat = null; // where the boat was last drawn on the course, in its units, and in which colour: for tests
    const charted = { score: null, progress: null }; // what the charts last drew: for tests
    let boat = null;
    const input = { up: false, down: false, left: false, right: false };

    function readReward() {
      return {
        targetPoints: Number(sliders.targetPoints.value),
        finishBonus: Number(sliders.finishBonus.value),
        checkpointReward: Number(sliders.checkpointReward.value),
      };
    }

    function showSliderValues() {
      for (const slider of Object.values(sliders)) {
        const output = container.querySelector(`output[for="${slider.id}"]`);
        if (output) output.textContent = slider.value;
      }
    }

    /** Set the mode (idle | training | replay | drive); the course's role follows: an application
     * only while the reader drives it. The links between the course and the charts are there
     * while an agent trains or replays on the course (from the start of training, so that nothing
     * above the charts the reader watches changes size when the result comes in): over the
     * charts, "Skip to the replay" while it trains and the link up to the course; under the
     * course, the link down to the charts. */
    function setMode(next) {
      mode = next;
      const driving = mode === "drive";
      const agent = mode === "training" || mode === "replay";
      watchLink.parentElement.hidden = !agent;
      driveButton.textContent = driving ? "Stop driving" : "Drive the boat";
      // Nothing to pause while idle. aria-disabled, not disabled: a keyboard reader's focus on
      // Pause is not dropped when Reset or Stop driving ends the run.
      pauseButton.setAttribute("aria-disabled", String(mode === "idle"));
      skipButton.hidden = mode !== "training";
      chartsLink.parentElement.hidden = !agent;
      chartsLink.firstChild.textContent = "See the charts";
      // Short while it trains, to share a phone's line with "Skip to the replay".
      watchLink.firstChild.textContent = mode === "training" ? "Watch it on the course" : "Watch the replay on the course";
      courseCanvas.setAttribute("role", driving ? "application" : "img");
      courseCanvas.setAttribute("aria-label", driving ? "Race course: you are driving the boat" : picture.label);
      courseCanvas.setAttribute("aria-describedby", driving ? keysHelp.id : picture.describedby);
    }

    function setReward(reward) {
      for (const [key, slider] of Object.entries(sliders)) slider.value = String(reward[key]);
      showSliderValues();
    }

    // ---- drawing
    // The reader's own boat is the course's boat colour; an agent's boat, training or replaying,
    // is its run's colour, as its trail, its lines in both charts and its row in the runs table
    // are (the boat paid for progress had raced in run 1's pink on a green trail, a reader review).
    function drawCourse() {
      const canvas = page.prepareCanvas(courseCanvas);
      if (!canvas) return;
      const ctx = drawBase(canvas, theme.colours);
      if (mode === "drive" && boat) {
        drawCheckpoints(ctx, theme.colours, boat.run.nextCheckpoint);
        drawTargets(ctx, theme.colours, boat.run.targetReadyAt.map((t) => boat.time >= t));
        drawBoat(ctx, theme.colours, boat.x, boat.y, boat.angle);
        drawnBoat = { x: boat.x, y: boat.y, colour: theme.colours.boat };
        return;
      }
      if (mode !== "training" && current && current.rollout) { // the learned policy, replayed
        const trail = current.rollout.trail;
        const i = Math.min(replay.index, trail.length - 1);
        const frac = Math.min(1, replay.index - Math.floor(replay.index));
        const here = trail[Math.floor(i)];
        const next = trail[Math.min(Math.floor(i) + 1, trail.length - 1)];
        const a = cellPoint(here);
        const b = cellPoint(next);
        const colour = runColour(current);
        const shown = { x: a.x + (b.x - a.x) * frac, y: a.y + (b.y - a.y) * frac, angle: interpolateAngle(a.angle, b.angle, frac), colour };
        drawRace(ctx, theme.colours, {
          passed: Math.round(here.progress * course.CHECKPOINTS.length), ready: here.ready,
          runs: [{ colour, points: trail.slice(0, Math.floor(i) + 1).map((p) => cellPoint(p)), alpha: 0.8, boat: shown }],
        });
        drawnBoat = { x: shown.x, y: shown.y, colour };
        return;
      }
      // Before any run, the course's boat at the start; while a run trains, that run's boat.
      const colour = current ? runColour(current) : theme.colours.boat;
      const start = { x: course.START.x, y: course.START.y, angle: 0, colour };
      const training = mode === "training" && lastTrail.length;
      drawRace(ctx, theme.colours, {
        passed: 0, ready: null,
        runs: [training ? { colour, points: lastTrail.map((p) => cellPoint(p)), alpha: 0.55, boat: start } : { colour: null, points: [], alpha: 1, boat: start }],
      });
      drawnBoat = { x: start.x, y: start.y, colour };
    }

    function chartRuns() {
      const list = runs.slice();
      if (current && !runs.includes(current)) list.push(current);
      return list.slice(-2);
    }

    /** Each run keeps one colour (and dash and marker) in both charts and on the course. */
    function runStyle(run) {
      return boatCourse.runStyle(theme.colours, run.number - 1);
    }

    function runColour(run) {
      return run ? runStyle(run).colour : theme.colours.boat;
    }

    /** Both charts measure every run alike: the game's score (whatever the run was paid) and the
     * share of the race completed, each on one scale for both runs. */
    function drawCharts() {
      const shown = chartRuns();
      const episodes = Math.max(sim.DEFAULT_TRAINING.episodes, ...shown.map((r) => r.history.length));
      const lines = shown.map((run) => ({ label: `Run ${run.number}: ${run.name}`, style: runStyle(run), history: run.history }));
      const empty = shown.length ? null : "No run yet. Train an agent to see its game score per episode.";
      const score = page.prepareCanvas(scoreCanvas);
      if (score) {
        const spec = boatCourse.scoreChart(boatCourse.runSeries(lines, "gameScore", 1), episodes, empty);
        charted.score = chartReport(spec, drawLineChart(score.ctx, score.width, score.height, theme.colours, spec), score);
      }
      const progress = page.prepareCanvas(progressCanvas);
      if (progress) {
        const spec = boatCourse.progressChart(boatCourse.runSeries(lines, "progress", 100), episodes,
          empty && "No run yet. Train an agent to see how much of the race it completes.");
        charted.progress = chartReport(spec, drawLineChart(progress.ctx, progress.width, progress.height, theme.colours, spec), progress);
      }
    }

    /** What a chart shows, for tests: its value axis, each line's last value, and where on the
     * canvas (CSS pixels) its plot is and a value would be drawn; and its drawing (its size, its
     * texts' boxes and what they must keep clear of), for the label check. */
    function chartReport(spec, drawn, canvas) {
      return {
        yLabel: spec.y.label, yMax: spec.y.max, plot: drawn.plot,
        series: spec.series.map((s) => ({ label: s.label, last: s.points.length ? s.points[s.points.length - 1].y : null })),
        yAt: (value) => drawn.ty(value),
        drawing: { width: canvas.width, height: canvas.height, texts: drawn.texts, obstacles: drawn.obstacles },
      };
    }

    function redraw() {
      drawCourse();
      drawCharts();
    }

    // ---- the text a reader (and a screen reader) gets
    function setHud(text) {
      hud.textContent = text;
    }

    function say(text) {
      summary.textContent = text;
    }

    /** A checkpoint the driven boat has just passed, announced: at once, or when CHECKPOINT_GAP_MS
     * have passed since the last one (then the latest replaces any still waiting). */
    function announceCheckpoint(passed) {
      const now = root.performance.now();
      const wait = Math.max(0, lastCheckpointSaid + CHECKPOINT_GAP_MS - now);
      lastCheckpointSaid = now + wait;
      live.say(`Checkpoint ${passed} of ${NUMBERED_CHECKPOINTS}`, wait);
    }

    /** The result of a run in one short line, for the live announcement (describeRun is long);
     * its score is the game's, the measure every run is charted and tabled by. */
    function runNews(run) {
      const r = run.rollout;
      const passed = sim.checkpointsPassed(r.progress);
      const head = `Run ${run.number} (${run.name}) trained:`;
      const points = `game score ${page.formatNumber(r.gameScore)}`;
      if (r.finished) return `${head} it finishes the race in ${r.steps} moves, ${points}.`;
      if (r.policyLoops && r.loopInLagoon && r.targetsHit > 0) {
        return `${head} it circles the lagoon and never finishes, ${points}, checkpoints ${passed}.`;
      }
      if (r.policyLoops) return `${head} it gets stuck in a loop and never finishes, checkpoints ${passed}.`;
      return `${head} it passes ${passed} checkpoints without finishing, ${points}.`;
    }

    /** "a game score of 830", and what its own reward paid when that is not the game's score. */
    function pointsText(run) {
      const r = run.rollout;
      const game = `a game score of ${page.formatNumber(r.gameScore)}`;
      return sameReward(run.reward, sim.DEFAULT_REWARD) ? game : `${game} (its own reward paid it ${page.formatNumber(r.score)})`;
    }

    function raceText(rollout) {
      return rollout.finished ? "all of the race" : `${Math.round(rollout.progress * 100)}% of the race`;
    }

    /** The latest run beside the one before it, on the measures both charts use. When the
     * higher game score went with less of the race, that is the demo's point, and it leads the
     * result (a reader review: after the reward's settings it came last, flat, and it never said
     * that the circling boat's points are those of every move a race allows). */
    function comparison(run, before) {
      if (!before) return { lead: "", text: "" };
      const [p, r] = [before.rollout, run.rollout];
      const [more, less] = p.gameScore > r.gameScore ? [before, run] : [run, before];
      const [m, l] = [more.rollout, less.rollout];
      if (m.gameScore > l.gameScore && l.progress > m.progress && !m.finished) {
        const finish = l.finished ? `finishing the lap in ${l.steps} moves` : `completing ${raceText(l)}`;
        return {
          lead: `By the game's own score, the boat that does not finish wins: run ${more.number} (${more.name}) scores ${page.formatNumber(m.gameScore)} in the ${m.steps} moves a race allows, run ${less.number} (${less.name}) ${page.formatNumber(l.gameScore)}, ${finish}.`,
          text: "",
        };
      }
      return {
        lead: "",
        text: ` On the same measures, run ${before.number} (${before.name}) had a game score of ${page.formatNumber(p.gameScore)} and completed ${raceText(p)}; run ${run.number} had ${page.formatNumber(r.gameScore)} and completed ${raceText(r)}.`,
      };
    }

    /** The result of a run in words; `before`, the run it is set beside (by default, the one
     * before it). */
    function describeRun(run, before = runs[runs.indexOf(run) - 1]) {
      const r = run.rollout;
      const circles = r.policyLoops && r.loopInLagoon && r.targetsHit > 0;
      const circling = (who) => `${who} turns into the lagoon and circles there, a lap of ${r.loopLength} moves, collecting the targets as they respawn.`;
      const { lead, text: after } = comparison(run, before);
      if (lead) {
        // The lead has given the scores and the lap: what is left is how this run went about it,
        // and its settings (a reader review: the 67 moves and the 50 points were said twice).
        const own = sameReward(run.reward, sim.DEFAULT_REWARD) ? "" : `; its own reward paid it ${page.formatNumber(r.score)}`;
        const how = circles ? ` ${circling(`Run ${run.number}`)}` : "";
        return `${lead}${how} (Run ${run.number}: ${rewardText(run.reward)}; seed ${run.seed}; ${run.history.length} training episodes${own}.)`;
      }
      const passed = sim.checkpointsPassed(r.progress);
      const head = `Run ${run.number} (${run.name}: ${rewardText(run.reward)}; seed ${run.seed}), after ${run.history.length} training episodes:`;
      let text;
      if (r.finished) {
        text = `${head} the learned policy finishes the race in ${r.steps} moves, with ${pointsText(run)}. Paid for progress, the agent races.`;
      } else if (circles) {
        text = `${head} the learned policy gets ${pointsText(run)} a race but passes ${passed} checkpoints. ${circling("It")} It never finishes: the score went up while the race was lost.`;
      } else if (r.policyLoops) {
        text = `${head} the learned policy gets stuck in a loop after passing ${passed} checkpoints, with ${pointsText(run)}. It never finishes.`;
      } else {
        text = `${head} the learned policy passes ${passed} checkpoints, with ${pointsText(run)}, without finishing.`;
      }
      return text + after;
    }

    /**
     * A row of the runs table, in the form the build gives the tables it sets as cards on a phone
     * (scripts/tables.py): explicit roles (a table displayed as blocks keeps its semantics), each
     * cell's column name as data-label, and the run as the row's header, the card's title.
     */
    function addRunRow(run) {
      const r = run.rollout;
      const row = document.createElement("tr");
      row.setAttribute("role", "row");
      const span = (className, text) => Object.assign(document.createElement("span"), { className, textContent: text });
      const cells = [
        [String(run.number)],
        // The reward: its name, then its settings and the seed on a line of their own (run
        // together they ran to four or five lines in the table's column; the seed had a column of
        // its own, which pushed the table past its column on a tablet).
        [span("demo-runs__name", run.name), span("demo-runs__detail", ` (${rewardText(run.reward)}; seed ${run.seed})`)],
        [page.formatNumber(r.gameScore)], [`${Math.round(r.progress * 100)}%`], [boatCourse.behaviour(r)],
      ];
      cells.forEach((content, i) => {
        const cell = document.createElement(i === 0 ? "th" : "td");
        if (i === 0) cell.scope = "row";
        cell.setAttribute("role", i === 0 ? "rowheader" : "cell");
        cell.dataset.label = columnNames[i] || "";
        cell.append(...content);
        row.appendChild(cell);
      });
      // The card's title on a phone reads "Run 1" (its column's name is not printed there); in
      // the table the column says "Run".
      const word = document.createElement("span");
      word.className = "demo-runs__word";
      word.textContent = "Run ";
      row.firstChild.prepend(word);
      // The run's colour in the charts, beside its number.
      const swatch = document.createElement("span");
      swatch.className = `demo-swatch demo-swatch--run${(run.number - 1) % 2 + 1}`;
      swatch.setAttribute("aria-hidden", "true");
      row.firstChild.prepend(swatch);
      runsBody.appendChild(row);
      container.querySelector(".demo-runs").hidden = false;
    }

    // ---- the frame loop: one driver for training, replay and driving
    function requestFrame() {
      if (!frameRequest) frameRequest = root.requestAnimationFrame(frame);
    }

    function cancelFrame() {
      if (frameRequest) root.cancelAnimationFrame(frameRequest);
      frameRequest = 0;
    }

    function frame(now) {
      frameRequest = 0;
      const dt = lastFrameTime ? Math.min(0.1, (now - lastFrameTime) / 1000) : 1 / 60;
      lastFrameTime = now;
      if (paused) return;
      if (mode === "training") trainStep();
      else if (mode === "replay") replayStep(dt);
      else if (mode === "drive") driveFrame(dt);
      if (mode !== "idle" && !paused && !(mode === "replay" && reducedMotion)) requestFrame();
    }

    function trainStep() {
      const results = trainer.trainEpisodes(reducedMotion ? EPISODES_PER_FRAME_REDUCED : EPISODES_PER_FRAME);
      const last = results[results.length - 1];
      if (last) lastTrail = last.trail;
      const episodes = trainer.history.length;
      const epsilon = last ? last.epsilon : 0;
      setHud(`Training run ${current.number}: episode ${episodes} of ${trainer.settings.episodes}, ${Math.round(epsilon * 100)}% of moves at random · ${trainingNumbers()}.`);
      if (trainer.done) finishTraining(false);
      drawCharts();
      drawCourse();
    }

    /**
     * The run has learned: its row, its result in words and on the live line, and its route
     * replaying on the course. The page stays where the reader has it (a reader review: it had
     * glided up to the course by itself, unasked); the link over the charts goes there. Focus
     * stays where it is, unless it was on "Skip to the replay", which goes with the training: then
     * on the link beside it, which now says "Watch the replay on the course".
     */
    function finishTraining(skipped) {
      current.trainingMs = root.performance.now() - current.startedAt;
      current.skipped = skipped;
      current.rollout = trainer.greedyRollout();
      runs.push(current);
      const steady = skipped ? null : holdTheCharts();
      addRunRow(current);
      // The result in words waits for the replay (revealVerdict); the live line says it now.
      heldVerdict = { run: current, at: verdictMove(current.rollout) };
      say(`Run ${current.number} (${current.name}) has learned. Its route replays on the course: watch where it goes.`);
      live.say(runNews(current));
      container.dataset.trainingMs = String(Math.round(current.trainingMs));
      const skipHadFocus = document.activeElement === skipButton;
      setMode("replay");
      if (skipHadFocus && !skipped) watchLink.focus({ preventScroll: true });
      lastTrail = [];
      replay = { index: reducedMotion ? current.rollout.trail.length - 1 : 0, hold: 0 };
      updateReplayHud();
      container.dataset.state = "trained";
      if (steady) steady();
      if (reducedMotion) revealVerdict(); // the replay shows its end at once
    }

    /**
     * When the result comes in (and when the result in words, held for the replay, is written),
     * what the reader sees stays where it is on the screen. The summary's box follows its words:
     * "has learned" takes a line or two where the training's words took six, and the box had
     * kept the training's height, an empty band under the short words for as long as the
     * replay ran (a reader review, at 1280 x 720). What the reader is looking at when the words
     * change decides what moves:
     * - From 960 px the summary is the foot of the column that stays in view beside the charts
     *   (demos.css): nothing is under it, and a change in its height moves nothing.
     * - Narrower, it is under the course and over the controls and the charts. A reader watching
     *   the course and the words (the page glided there on Train) keeps them where they were;
     *   what follows the words comes up or goes down, as it does under any words that change.
     *   A reader whose screen begins below the summary's first line (they watch the charts) has
     *   the page moved by as much, at once, either way, so that the charts do not move (as the
     *   browser's own scroll anchoring would, where it does).
     * The line over the charts keeps what it loses when "Skip to the replay" goes (on a narrow
     * phone, where the link had wrapped under the button, the line keeps the room it loses above
     * the link, as a margin: not a blank line under the link, and not in the summary's box, which
     * is above the controls on a phone and would move them, and with them the browser's scroll
     * anchor), and the readout under the course keeps its height (the training's numbers take a
     * line more than the replay's at 320 px), until the next run, a reset, a drive or a change
     * of the page's width. They are held from the start, before the words change.
     * Returns the function that does that, after the change.
     */
    function holdTheCharts() {
      const line = watchLink.parentElement;
      const lineBefore = line.getBoundingClientRect().height;
      const lineMargin = parseFloat(root.getComputedStyle(line).marginTop) || 0;
      hud.style.minHeight = `${hud.getBoundingClientRect().height}px`;
      const charts = container.querySelector(".demo-charts");
      const header = document.querySelector(".md-header");
      const screenTop = header ? header.getBoundingClientRect().bottom : 0;
      const before = charts.getBoundingClientRect();
      const watching = summary.getBoundingClientRect().top < screenTop && before.bottom > screenTop && before.top < root.innerHeight;
      return () => {
        const lost = lineBefore - line.getBoundingClientRect().height;
        if (lost >= 1) line.style.marginTop = `${lineMargin + lost}px`;
        const moved = charts.getBoundingClientRect().top - before.top;
        if (watching && Math.abs(moved) >= 1) root.scrollBy({ top: moved, behavior: "instant" });
      };
    }

    function releaseHeights() {
      hud.style.minHeight = "";
      watchLink.parentElement.style.marginTop = "";
    }

    /**
     * "Skip to the replay": the episodes still to come, trained at once (the very episodes the
     * frames would have trained, so the same policy and numbers), then what the reader asked for,
     * the result: up to the whole course, where the learned route replays, in clear view under the
     * sticky header (gliding, or at once under reduced motion), and focus on the course (its name
     * and description, the readout and the summary, say what plays there).
     */
    function skipTraining() {
      if (mode !== "training") return;
      const stage = container.querySelector(".demo-stage");
      const sticky = courseBesideCharts();
      // Train's glide may still be running (Skip pressed at once): it stops where it is before
      // the result changes the page, or the browser's smooth scroll, its end moved under it,
      // sent the page a screen away, the charts off it (1280 x 720); it is finished, at once, below.
      if (sticky) root.scrollTo({ top: root.scrollY, behavior: "instant" });
      stop();
      trainer.finish();
      finishTraining(true);
      redraw();
      courseCanvas.focus({ preventScroll: true });
      // Where the course stays in view beside the charts (sticky, from 960 px), the page goes
      // only where Train's glide was taking it: the Train panel and both charts on the screen.
      if (sticky) showTheRace({ instant: true });
      else page.scrollIntoClearView(stage, { smooth: true });
      lastFrameTime = 0;
      if (!reducedMotion) requestFrame();
    }

    /**
     * The agent trains, then its learned policy replays, on the course above the controls (a
     * screen above the Train button on a phone): the link over the charts brings the whole course
     * into clear view, under the sticky header, and gives it focus (its name and description, the
     * readout and the summary, say what plays there), so the next Tab goes on from the course.
     */
    function watchReplay(event) {
      event.preventDefault(); // no #br-course in the address, and no scroll under the header
      courseCanvas.focus({ preventScroll: true });
      page.scrollIntoClearView(container.querySelector(".demo-stage"));
    }

    /** The way down from the course to the charts: the line over them ("Watch the replay on the
     * course") at the top of the screen, the charts under it; focus on the score chart (a picture
     * with its description), so a screen reader reads it and the next Tab goes on from there. */
    function seeCharts(event) {
      event.preventDefault();
      scoreCanvas.focus({ preventScroll: true });
      page.scrollIntoClearView(watchLink.parentElement, { start: true });
    }

    function updateReplayHud() {
      const trail = current.rollout.trail;
      const here = trail[Math.min(Math.floor(replay.index), trail.length - 1)];
      const status = current.rollout.finished && Math.floor(replay.index) >= trail.length - 1 ? "finished" : `checkpoints ${sim.checkpointsPassed(here.progress)}`;
      setHud(`Run ${current.number}, learned policy: move ${Math.floor(replay.index)} of ${trail.length - 1} · game score ${page.formatNumber(here.gameScore)} · ${status}.`);
    }

    function replayStep(dt) {
      const trail = current.rollout.trail;
      if (replay.index >= trail.length - 1) {
        replay.hold += dt;
        if (replay.hold > 1.5) replay = { index: 0, hold: 0 };
      } else {
        replay.index = Math.min(trail.length - 1, replay.index + dt * REPLAY_STEPS_PER_SECOND);
      }
      updateReplayHud();
      if (heldVerdict && replay.index >= heldVerdict.at) revealVerdict();
      drawCourse();
    }

    /** The training's numbers so far, as the charts draw them (each a 20-episode average): for
     * the readout under the course, which a phone shows while the charts are below. */
    function trainingNumbers() {
      const recent = trainer.history.slice(-boatCourse.SMOOTHING_WINDOW);
      const mean = (key) => recent.reduce((sum, e) => sum + e[key], 0) / Math.max(1, recent.length);
      return `last ${recent.length} episodes: game score ${page.formatNumber(Math.round(mean("gameScore")))}, race completed ${Math.round(mean("progress") * 100)}%`;
    }

    /** The move of the replay by which the route has shown what the result says: two laps of a
     * loop, or the whole route (its finish). */
    function verdictMove(rollout) {
      const end = rollout.trail.length - 1;
      if (rollout.policyLoops && rollout.loopStart !== null && rollout.loopStart !== undefined) {
        return Math.min(end, rollout.loopStart + 2 * rollout.loopLength);
      }
      return end;
    }

    /** The held result, written once the replay has shown it; the charts the reader may be
     * watching stay put (holdTheCharts). */
    function revealVerdict() {
      if (!heldVerdict) return;
      const { run } = heldVerdict;
      heldVerdict = null;
      const steady = holdTheCharts();
      say(describeRun(run));
      steady();
    }

    /** The readout of the reader's lap: its score, and its checkpoints and time or its finish. */
    function lapReadout() {
      const race = boat.run.finished
        ? `finished in ${boat.finishTime.toFixed(1)} s`
        : `checkpoints ${sim.checkpointsPassed(sim.progressOf(boat.run))} · ${boat.time.toFixed(1)} s`;
      return `You: score ${page.formatNumber(boat.run.score)} · ${race}.`;
    }

    function driveFrame(dt) {
      const before = boat.run.nextCheckpoint;
      sim.driveStep(boat, input, dt);
      const passed = Math.min(boat.run.nextCheckpoint, NUMBERED_CHECKPOINTS);
      if (passed > before && !boat.run.finished) announceCheckpoint(passed);
      setHud(`${lapReadout()} ${steerHint()}`);
      if (boat.run.finished && !boat.announced) {
        boat.announced = true;
        say(`You finished the race in ${boat.finishTime.toFixed(1)} seconds with a score of ${page.formatNumber(boat.run.score)}. Now train the agent paid for targets, as the game scores, and see what it prefers.`);
        live.say(`Finished in ${boat.finishTime.toFixed(1)} seconds, score ${page.formatNumber(boat.run.score)}.`, Math.max(0, lastCheckpointSaid + CHECKPOINT_GAP_MS - root.performance.now()));
      }
      drawCourse();
    }

    // ---- actions
    function stop() {
      heldVerdict = null; // a new run, a drive or a reset: the summary says something else now
      cancelFrame();
      paused = false;
      pauseButton.textContent = "Pause";
      for (const key of Object.keys(input)) input[key] = false;
    }

    function train() {
      stop();
      const reward = readReward();
      const seed = demos.random.parseSeed(seedInput.value);
      seedInput.value = String(seed);
      trainer = sim.createTrainer({ seed, reward });
      current = {
        number: runs.length + 1, reward, seed, name: rewardName(reward), history: trainer.history,
        rollout: null, startedAt: root.performance.now(), trainingMs: null,
      };
      setMode("training");
      lastFrameTime = 0;
      container.dataset.state = "training";
      releaseHeights();
      const then = runs.length ? ` Then it is set beside run ${runs[runs.length - 1].number} on the same measures.` : "";
      say(`Training run ${current.number} (${current.name}: ${rewardText(reward)}; seed ${seed}) for ${trainer.settings.episodes} episodes; it learns from its reward alone. Each episode's route is drawn on the course, and the charts measure every run alike, whatever it is paid: its game score, and how much of the race it completes. Once it has learned, its route replays on the course.${then}`);
      live.say(`Training run ${current.number} (${current.name})…`); // then its result, not the episodes
      showTheRace();
      requestFrame();
    }

    /**
     * On pressing Train, the course where the reader sees it. Where the course stays in view
     * beside the controls (sticky, from 960 px), the page glides only as far as needed to have
     * the Train panel and both charts on the screen too; narrower, it glides up to the course,
     * its readout and the result's words under it. One jump under reduced motion.
     */
    function showTheRace({ instant = false } = {}) {
      if (!courseBesideCharts()) {
        page.scrollIntoClearView(container.querySelector(".demo-stage"), { smooth: true, start: true });
        return;
      }
      const header = document.querySelector(".md-header");
      const top = (header ? header.getBoundingClientRect().bottom : 0) + 8;
      const panel = $("br-train").closest("fieldset").getBoundingClientRect();
      const charts = container.querySelector(".demo-charts").getBoundingClientRect();
      const above = panel.top - top; // negative: the panel is under the header
      const below = charts.bottom - (root.innerHeight - 8); // positive: the charts end below the screen
      const delta = above < 0 ? above : below > 0 ? Math.min(below, above) : 0;
      if (delta) root.scrollBy({ top: delta, behavior: reducedMotion || instant ? "instant" : "smooth" });
    }

    /** Whether the course is a sticky column beside the controls and charts (from 960 px,
     * demos.css), where it stays in view without the page moving. */
    function courseBesideCharts() {
      return root.getComputedStyle(container.querySelector(".demo-stage")).position === "sticky";
    }

    /** How to steer, in the terms of the reader's device. */
    function steerHint() {
      return page.usesTouch()
        ? "Hold the arrow buttons: ◀ ▶ steer, ▲ ▼ speed."
        : "Arrow keys or WASD to steer; Esc to stop.";
    }

    /**
     * Drive the boat; pressed while an agent trains, the training stops, and its half-drawn line
     * and its run number go with it, in so many words (a reader review: the run was dropped
     * without a word, its line left ending mid-chart).
     */
    function drive() {
      const dropped = mode === "training" ? current : null;
      stop();
      if (dropped) {
        trainer = null;
        current = runs[runs.length - 1] || null;
        drawCharts();
      }
      boat = sim.createBoat(readReward());
      keysHelp.textContent = `${steerHint()} Pass the ${NUMBERED_CHECKPOINTS} numbered checkpoints in order, then cross the finish line; each checkpoint passed is announced.`;
      setMode("drive");
      live.clear(); // a new lap: "Checkpoint 1" may be said again
      lastCheckpointSaid = -Infinity;
      lastFrameTime = 0;
      container.dataset.state = "driving";
      if (page.usesTouch()) container.classList.add("demo--touch");
      // Focus without the browser's own scroll, which would leave the course under the sticky
      // header; then bring the whole course (and the touch buttons) into clear view.
      courseCanvas.focus({ preventScroll: true });
      page.scrollIntoClearView(container.querySelector(".demo-stage"));
      releaseHeights();
      const note = dropped ? `Training run ${dropped.number} stopped before it finished, so it is not kept; train again to run it in full. ` : "";
      say(`${note}You are driving. ${steerHint()} Pass the numbered checkpoints in order and cross the finish line.`);
      requestFrame();
    }

    /** Esc, or the drive button, which says "Stop driving" while the reader drives (the only way
     * to stop on a touch screen). The course, which keeps a screen reader's focus after Esc, is
     * described again by the readout and the summary, so each says its own part: the readout
     * where the lap ended (its finish too), the summary what next, and the live line the news
     * once. (Both had said "Stopped driving. Drive again, or train an agent.", which a screen
     * reader on the course heard twice over, a keyboard-and-screen-reader walkthrough.) */
    function stopDriving() {
      stop();
      setMode("idle");
      setHud(lapReadout());   // only called while driving: the boat is there
      say("You stopped driving. Drive again, or train an agent.");
      live.say("Stopped driving.", 0);
      drawCourse();
    }

    function togglePause() {
      if (mode === "idle") return;
      paused = !paused;
      // The label says what the button does next; no aria-pressed besides ("Resume, pressed").
      pauseButton.textContent = paused ? "Resume" : "Pause";
      if (!paused) {
        lastFrameTime = 0;
        requestFrame();
      }
    }

    function reset() {
      stop();
      releaseHeights();
      setMode("idle");
      trainer = null;
      current = null;
      boat = null;
      lastTrail = [];
      runs.length = 0;
      runsBody.textContent = "";
      container.querySelector(".demo-runs").hidden = true;
      delete container.dataset.trainingMs;
      container.dataset.state = "idle";
      setHud("Ready: drive the boat yourself, or train an agent.");
      say("Reset: no runs yet.");
      live.say("Reset: no runs yet.");
      redraw();
    }

    // ---- wiring
    for (const slider of Object.values(sliders)) slider.addEventListener("input", showSliderValues);
    $("br-train").addEventListener("click", train);
    driveButton.addEventListener("click", () => (mode === "drive" ? stopDriving() : drive()));
    pauseButton.addEventListener("click", togglePause);
    skipButton.addEventListener("click", skipTraining);
    $("br-reset").addEventListener("click", reset);
    watchLink.addEventListener("click", watchReplay);
    chartsLink.addEventListener("click", seeCharts);
    $("br-preset-game").addEventListener("click", () => {
      setReward(sim.DEFAULT_REWARD);
      say(`Reward set to pay for targets, as the game scores: ${rewardText(sim.DEFAULT_REWARD)}. Press “Train agent”.`);
      live.say(`Reward: pay for targets, the game's score, ${rewardText(sim.DEFAULT_REWARD)}.`);
    });
    $("br-preset-progress").addEventListener("click", () => {
      setReward(sim.PROGRESS_REWARD);
      say(`Reward set to pay for progress: ${rewardText(sim.PROGRESS_REWARD)}. Press “Train agent”.`);
      live.say(`Reward: pay for progress, ${rewardText(sim.PROGRESS_REWARD)}.`);
    });

    courseCanvas.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && mode === "drive") {
        stopDriving();
        return;
      }
      const direction = KEYS[event.key];
      if (!direction) return;
      event.preventDefault();
      if (mode !== "drive") drive();
      input[direction] = true;
    });
    courseCanvas.addEventListener("keyup", (event) => {
      const direction = KEYS[event.key];
      if (direction) input[direction] = false;
    });
    courseCanvas.addEventListener("blur", () => {
      for (const key of Object.keys(input)) input[key] = false;
    });
    // The touch steering, held by a finger; and, since each is a named Tab stop, by Enter or
    // Space held on it (down presses, up lets go) and by a click with no pointer behind it (a
    // screen reader's double tap, detail 0), which gives a short nudge. A key or a screen
    // reader leaves the focus on the button, where the reader is (drive() moves it to the course).
    const isPressKey = (event) => event.key === "Enter" || event.key === " ";
    container.querySelectorAll("[data-drive]").forEach((button) => {
      const direction = button.dataset.drive;
      let keyHeld = false;
      let nudge = 0;
      const release = () => { input[direction] = false; };
      const press = (keepFocus) => {
        if (mode !== "drive") {
          drive();
          if (keepFocus) button.focus({ preventScroll: true });
        }
        input[direction] = true;
      };
      button.addEventListener("pointerdown", (event) => {
        event.preventDefault();
        press(false);
        if (button.setPointerCapture) button.setPointerCapture(event.pointerId);
      });
      button.addEventListener("pointerup", release);
      button.addEventListener("pointercancel", release);
      button.addEventListener("lostpointercapture", release);
      button.addEventListener("contextmenu", (event) => event.preventDefault());
      button.addEventListener("keydown", (event) => {
        if (!isPressKey(event)) return;
        event.preventDefault(); // no click as well: the key is the press
        if (event.repeat) return;
        press(true); // (drive() may move the focus away and back: a blur, which lets go)
        keyHeld = true;
      });
      button.addEventListener("keyup", (event) => {
        if (!isPressKey(event)) return;
        event.preventDefault();
        keyHeld = false;
        release();
      });
      button.addEventListener("blur", () => {
        keyHeld = false;
        release();
      });
      button.addEventListener("click", (event) => {
        if (event.detail !== 0 || keyHeld) return; // a finger's press and release came first
        press(true);
        window.clearTimeout(nudge);
        nudge = window.setTimeout(release, NUDGE_MS);
      });
    });

    if (document.fonts && document.fonts.ready) document.fonts.ready.then(redraw);
    // The heights held over the charts were the old width's (a phone turned on its side).
    let width = root.innerWidth;
    root.addEventListener("resize", () => {
      if (root.innerWidth !== width) releaseHeights();
      width = root.innerWidth;
    });

    demos.boatRace = {
      /** What the simulation is doing, for tests and for anyone curious in the console. */
      state() {
        const run = current;
        const rollout = run && run.rollout;
        const history = run ? run.history : [];
        const lastEpisode = history[history.length - 1];
        return {
          mode, paused, seed: run ? run.seed : Number(seedInput.value), reward: readReward(),
          input: { ...input }, // the steering held down: up, down, left, right
          episodes: history.length,
          totalEpisodes: trainer ? trainer.settings.episodes : sim.DEFAULT_TRAINING.episodes,
          trained: Boolean(rollout),
          lastScore: rollout ? rollout.score : lastEpisode ? lastEpisode.score : null,
          lastGameScore: rollout ? rollout.gameScore : lastEpisode ? lastEpisode.gameScore : null,
          lastProgress: rollout ? rollout.progress : lastEpisode ? lastEpisode.progress : null,
          finished: rollout ? rollout.finished : false,
          policyLoops: rollout ? rollout.policyLoops : false,
          loopInLagoon: rollout ? rollout.loopInLagoon : false,
          trainingMs: run ? run.trainingMs : null,
          replayIndex: mode === "replay" ? replay.index : null,
          verdictHeld: Boolean(heldVerdict), // the result in words waits for the replay
          reducedMotion,
          runs: runs.map((r) => ({
            number: r.number, name: r.name, seed: r.seed, reward: r.reward, episodes: r.history.length,
            score: r.rollout.score, gameScore: r.rollout.gameScore, progress: r.rollout.progress,
            finished: r.rollout.finished, steps: r.rollout.steps, policyLoops: r.rollout.policyLoops,
            loopStart: r.rollout.loopStart, loopLength: r.rollout.loopLength,
            route: r.rollout.trail.map((p) => p.cell), trainingMs: r.trainingMs, skipped: r.skipped,
            // every training episode's numbers, summed: the same run gives the same sums
            totals: ["score", "gameScore", "progress", "epsilon"].reduce((t, key) => ({ ...t, [key]: r.history.reduce((sum, e) => sum + e[key], 0) }), {}),
          })),
          driving: boat ? { score: boat.run.score, checkpoints: boat.run.nextCheckpoint, finished: boat.run.finished, x: boat.x, y: boat.y } : null,
          // The boat last drawn on the course (course units) and its colour; the run on the course
          // (the one training or replaying) and its colour.
          boat: drawnBoat ? { ...drawnBoat } : null,
          courseRun: current ? { number: current.number, colour: runColour(current) } : null,
          courseWidth: course.WIDTH, courseHeight: course.HEIGHT,
          // Each chart's value axis, its lines' last values and its plot, as last drawn (chartY: where a value is).
          charts: Object.fromEntries(Object.entries(charted).map(([name, c]) => [name, c && {
            yLabel: c.yLabel, yMax: c.yMax, plot: c.plot, series: c.series,
          }])),
        };
      },
      /** Each chart's drawing as last drawn ({ score, progress }: its size in CSS pixels, its
       * texts and their obstacles), for tests/js/support/label-check.js. */
      chartDrawings() {
        return Object.fromEntries(Object.entries(charted).map(([name, c]) => [name, c && c.drawing]));
      },
      /** The canvas y (CSS pixels) at which a chart ("score" or "progress") draws a value. */
      chartY(name, value) {
        return charted[name] ? charted[name].yAt(value) : null;
      },
      train, drive, reset, togglePause, skip: skipTraining,
    };

    showSliderValues();
    setMode("idle");
    container.dataset.state = "idle";
    setHud("Ready: drive the boat yourself, or train an agent.");
    redraw();
    // Home's "Watch an AI win the wrong game" (#watch): the first run trains at once, in view.
    if (root.location.hash === "#watch") train();
  }

  page.whenReady("#boat-race-demo", setup);
})(typeof self !== "undefined" ? self : this);
