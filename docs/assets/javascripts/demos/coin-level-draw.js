/**
 * Drawing the toy CoinRun level (coin-level-sim.js) seen from the side. Used by the live figure
 * in the core-difficulties chapter and by scripts/static_figures.js for its printed version.
 */
(function (root) {
  "use strict";
  const demos = root.AlignmentDemos;
  const sim = demos.coinLevelSim;
  const FONT = demos.lineChart.FONT;
  const labels = demos.chartLabels;
  const { width: COLS, height: ROWS } = sim.LEVEL;
  const GROUND = 0.7; // rows of ground drawn under the floor
  const HEADROOM = 0.5;
  /** Open sky, in cells, beside the level's first and last columns. The level used to run from
   * edge to edge of the canvas, whose corners are rounded: the agent at the right end stood 5 px
   * from the edge, pressed against it, with the training coin's ring peeking out from behind it
   * (a reader review saw a clipped sprite). */
  const SIDE = 0.6;
  /** The sprites' sizes, in cells: the agent's body, the coin, and the dashed ring that marks the
   * coin's place in training, wide enough to go round the agent standing there (at 0.3 it peeked
   * out from behind the agent's sides as a sliver). */
  const AGENT = { w: 0.5, h: 0.72 };
  const COIN_R = 0.32;
  const PLACE_R = 0.47;

  /** The ground's least height in CSS px: its words (11 px at the least) and their margins. On a
   * 320 px phone, 0.7 of a cell was 13 px and the words ran off the canvas's foot. */
  const MIN_GROUND_PX = 18;

  function geometry({ width, height }) {
    const across = width / (COLS + 2 * SIDE);
    let cell = Math.min(across, height / (ROWS + GROUND + HEADROOM));
    let ground = GROUND * cell;
    if (ground < MIN_GROUND_PX) {
      ground = MIN_GROUND_PX;
      cell = Math.min(across, (height - ground) / (ROWS + HEADROOM));
    }
    const left = (width - cell * COLS) / 2;
    const floor = height - ground; // y of the floor line
    return {
      cell, left, floor,
      centre: (p) => ({ x: left + (p.x + 0.5) * cell, y: floor - (p.y + 0.5) * cell }),
      cellAt(px, py) {
        return { x: Math.floor((px - left) / cell), y: Math.floor((floor - py) / cell) };
      },
    };
  }

  /**
   * Draw the level on a prepared canvas ({ctx, width, height}): sky, floor, faint cells, the
   * coin's training place, the agent's path and where it ends, and the coin (faded once taken).
   * run is a coin-level-sim play() result or null (not trained yet). Returns the texts drawn
   * with their boxes (tests/js/support/label-check.js reads them) and the sprites' boxes
   * (`sprites`: the agent, the coin and the coin's training place, each { x, y, w, h } with its
   * outline), for tests.
   */
  function drawLevel(prepared, colours, coin, run) {
    const { ctx, width, height } = prepared;
    const g = geometry(prepared);
    ctx.clearRect(0, 0, width, height);
    // Sky and ground run the canvas's whole width; the level's cells sit in it, with open sky
    // beside the first and last columns.
    ctx.fillStyle = colours.sky;
    ctx.fillRect(0, 0, width, g.floor);
    ctx.fillStyle = colours.ground;
    ctx.fillRect(0, g.floor, width, height - g.floor);
    // Faint cells, so "one move" has a size.
    ctx.strokeStyle = colours.fgLightest;
    ctx.lineWidth = 1;
    for (let x = 1; x < COLS; x += 1) {
      ctx.beginPath();
      ctx.moveTo(g.left + x * g.cell, g.floor - ROWS * g.cell);
      ctx.lineTo(g.left + x * g.cell, g.floor);
      ctx.stroke();
    }
    for (let y = 1; y <= ROWS; y += 1) {
      ctx.beginPath();
      ctx.moveTo(g.left, g.floor - y * g.cell);
      ctx.lineTo(g.left + COLS * g.cell, g.floor - y * g.cell);
      ctx.stroke();
    }
    // The ground's words: "Start" at the left, and at the right end as much of its note as fits.
    const size = Math.max(11, Math.min(14, g.cell * 0.42));
    const font = `600 ${size}px ${FONT}`;
    const strip = { x: 0, y: g.floor, w: width, h: height - g.floor };
    // A clear em between the two: with 2 px, "Start Right end, the coin's place in training" read
    // as one phrase on a 320 px phone (UX review 11), so the shorter wordings were never tried.
    const layout = labels.createLayout(ctx, strip, { margin: size });
    const y = g.floor + (height - g.floor) / 2;
    layout.place({ text: "Start", font, candidates: [{ x: g.left + 4, y, align: "left" }], kind: "level", required: true });
    layout.place({
      text: "Right end, the coin’s place in training", short: ["Right end: coin in training", "Right end"], font, kind: "level",
      candidates: [{ x: g.left + COLS * g.cell - 4, y, align: "right" }], required: true,
    });
    const texts = layout.labels.map((l) => {
      ctx.font = l.font;
      ctx.fillStyle = colours.fg;
      ctx.textBaseline = "middle";
      ctx.textAlign = l.align;
      ctx.fillText(l.text, l.x, l.y);
      return { text: l.text, kind: l.kind, size, box: l.box };
    });
    // Where the coin always was in training: a dashed ring, round the agent when it stands there.
    const home = g.centre(sim.TRAINING_COIN);
    ctx.setLineDash([3, 3]);
    ctx.strokeStyle = colours.coinEdge;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.arc(home.x, home.y, g.cell * PLACE_R, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.setLineDash([]);
    const round = (c, r, line) => ({ x: c.x - r - line / 2, y: c.y - r - line / 2, w: 2 * r + line, h: 2 * r + line });
    const sprites = { place: round(home, g.cell * PLACE_R, 1), coin: null, agent: null };
    if (run) drawPath(ctx, g, colours, run);
    const taken = Boolean(run && run.gotCoin);
    sprites.coin = round(g.centre(coin), drawCoin(ctx, g, colours, coin, taken), taken ? 0 : 2);
    if (run) sprites.agent = drawAgent(ctx, g, colours, run.path[run.path.length - 1]);
    return { texts, obstacles: { boxes: [], lines: [] }, sprites };
  }

  function drawPath(ctx, g, colours, run) {
    ctx.save();
    ctx.strokeStyle = colours.runs[0];
    ctx.lineWidth = Math.max(2.5, g.cell * 0.12);
    ctx.lineJoin = "round";
    ctx.lineCap = "round";
    ctx.globalAlpha = 0.85;
    ctx.beginPath();
    run.path.forEach((p, i) => {
      const c = g.centre(p);
      if (i) ctx.lineTo(c.x, c.y);
      else ctx.moveTo(c.x, c.y);
    });
    ctx.stroke();
    ctx.restore();
  }

  /**
   * The coin; once taken (the agent then stands on it) a faint glow round the agent, as wide as
   * the training place's ring: drawn at its own size it peeked out from behind the agent's sides.
   * Returns the radius drawn.
   */
  function drawCoin(ctx, g, colours, position, taken) {
    const c = g.centre(position);
    ctx.save();
    ctx.fillStyle = colours.coin;
    if (taken) {
      ctx.globalAlpha = 0.45;
      ctx.beginPath();
      ctx.arc(c.x, c.y, g.cell * PLACE_R, 0, 2 * Math.PI);
      ctx.fill();
      ctx.restore();
      return g.cell * PLACE_R;
    }
    ctx.strokeStyle = colours.coinEdge;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(c.x, c.y, g.cell * COIN_R, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(c.x, c.y, g.cell * 0.15, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.restore();
    return g.cell * COIN_R;
  }

  /** The agent where it ends; returns the box it covers, its outline included. */
  function drawAgent(ctx, g, colours, position) {
    const c = g.centre(position);
    const w = g.cell * AGENT.w;
    const h = g.cell * AGENT.h;
    const line = 1.5;
    ctx.fillStyle = colours.runs[0];
    ctx.strokeStyle = colours.bg;
    ctx.lineWidth = line;
    ctx.beginPath();
    if (ctx.roundRect) ctx.roundRect(c.x - w / 2, c.y - h / 2, w, h, w * 0.3);
    else ctx.rect(c.x - w / 2, c.y - h / 2, w, h);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = colours.bg;
    ctx.beginPath();
    ctx.arc(c.x + w * 0.15, c.y - h * 0.2, Math.max(1.5, w * 0.12), 0, 2 * Math.PI);
    ctx.fill();
    return { x: c.x - w / 2 - line / 2, y: c.y - h / 2 - line / 2, w: w + line, h: h + line };
  }

  demos.coinLevelDraw = { geometry, drawLevel };
})(typeof self !== "undefined" ? self : this);
