/**
 * Drawing the boat-race course (after OpenAI's CoastRunners case) on a canvas: water, racing
 * line, checkpoints, respawning targets, trails and boats, in the course's own units
 * (boat-race-sim.js). Used by the boat race page and by the live figure in the specification
 * gaming chapter, so both show the same course.
 */
(function (root) {
  "use strict";
  const demos = root.AlignmentDemos;
  const sim = demos.boatRaceSim;
  const { course } = sim;
  const FONT = demos.lineChart.FONT;
  /** How much to enlarge labels, badges and boats, in course units, so that they stay legible
   * when the course is drawn small (on a phone); set by drawBase for each drawing. */
  let ui = 1;

  // ------------------------------------------------------------------------------ course drawing
  function stadiumPath(ctx, radius) {
    const { LEFT_CENTRE: l, RIGHT_CENTRE: r } = course;
    ctx.moveTo(l.x, l.y + radius);
    ctx.lineTo(r.x, r.y + radius);
    ctx.arc(r.x, r.y, radius, Math.PI / 2, -Math.PI / 2, true);
    ctx.lineTo(l.x, l.y - radius);
    ctx.arc(l.x, l.y, radius, -Math.PI / 2, Math.PI / 2, true);
    ctx.closePath();
  }

  /** Water over land, with a thin shore line drawn on the land side of every edge. */
  function drawWater(ctx, colours) {
    const shore = 3.5;
    const outer = course.RADIUS + course.HALF_WIDTH;
    const inner = course.RADIUS - course.HALF_WIDTH;
    const { LAGOON: lagoon, CHANNEL: ch } = course;
    const innerEdgeY = course.LEFT_CENTRE.y + inner;
    ctx.save();
    ctx.lineWidth = shore;
    ctx.strokeStyle = colours.waterEdge;
    ctx.beginPath();
    stadiumPath(ctx, outer + shore / 2);
    ctx.stroke();
    ctx.fillStyle = colours.water;
    ctx.beginPath();
    stadiumPath(ctx, outer);
    ctx.fill();
    ctx.fillStyle = colours.land;
    ctx.beginPath();
    stadiumPath(ctx, inner);
    ctx.fill();
    ctx.beginPath();
    stadiumPath(ctx, inner - shore / 2);
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(lagoon.x, lagoon.y, lagoon.r + shore / 2, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(ch.x0 - shore / 2, ch.y0);
    ctx.lineTo(ch.x0 - shore / 2, innerEdgeY - shore);
    ctx.moveTo(ch.x1 + shore / 2, ch.y0);
    ctx.lineTo(ch.x1 + shore / 2, innerEdgeY - shore);
    ctx.stroke();
    ctx.fillStyle = colours.water;
    ctx.beginPath();
    ctx.arc(lagoon.x, lagoon.y, lagoon.r, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillRect(ch.x0, ch.y0, ch.x1 - ch.x0, innerEdgeY + 1 - ch.y0);
    ctx.restore();
  }

  function drawRacingLine(ctx, colours) {
    ctx.save();
    ctx.strokeStyle = colours.waterEdge;
    ctx.globalAlpha = 0.55;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([6, 9]);
    ctx.beginPath();
    stadiumPath(ctx, course.RADIUS);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.globalAlpha = 0.9;
    ctx.fillStyle = colours.waterEdge;
    for (let k = 0; k < 12; k += 1) {
      const c = course.centreline(course.FINISH_S + 40 + (course.LAP_LENGTH * k) / 12);
      ctx.save();
      ctx.translate(c.x, c.y);
      ctx.rotate(Math.atan2(c.ty, c.tx));
      ctx.beginPath();
      ctx.moveTo(7, 0);
      ctx.lineTo(-4, -6);
      ctx.lineTo(-1, 0);
      ctx.lineTo(-4, 6);
      ctx.closePath();
      ctx.fill();
      ctx.restore();
    }
    ctx.restore();
  }

  function drawCheckpoints(ctx, colours, passed) {
    ctx.save();
    course.CHECKPOINTS.forEach((gate, k) => {
      if (gate.isFinish) {
        drawFinishLine(ctx, colours, gate);
        return;
      }
      const done = k < passed;
      ctx.strokeStyle = colours.checkpoint;
      ctx.lineWidth = done ? 4 : 2.5;
      ctx.setLineDash(done ? [] : [5, 4]);
      ctx.beginPath();
      ctx.moveTo(gate.a.x, gate.a.y);
      ctx.lineTo(gate.b.x, gate.b.y);
      ctx.stroke();
      ctx.setLineDash([]);
      // Number badge on the outer end of the gate.
      const ox = gate.b.x + (gate.b.x - gate.a.x) * 0.14;
      const oy = gate.b.y + (gate.b.y - gate.a.y) * 0.14;
      ctx.fillStyle = done ? colours.checkpoint : colours.bg;
      ctx.strokeStyle = colours.checkpoint;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(ox, oy, 10 * ui, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = done ? colours.bg : colours.fg;
      ctx.font = `600 ${11 * ui}px ${FONT}`;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText(String(k + 1), ox, oy + 0.5);
    });
    ctx.restore();
  }

  function drawFinishLine(ctx, colours, gate) {
    const dx = gate.b.x - gate.a.x;
    const dy = gate.b.y - gate.a.y;
    const length = Math.hypot(dx, dy);
    const squares = 10;
    const size = length / squares;
    ctx.save();
    ctx.translate(gate.a.x, gate.a.y);
    ctx.rotate(Math.atan2(dy, dx));
    for (let i = 0; i < squares; i += 1) {
      for (let j = 0; j < 2; j += 1) {
        ctx.fillStyle = (i + j) % 2 ? "#ffffff" : "#1a1a1a";
        ctx.fillRect(i * size, (j - 1) * size, size, size);
      }
    }
    ctx.restore();
    ctx.fillStyle = colours.fg;
    ctx.font = `600 ${13 * ui}px ${FONT}`;
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    const bottom = Math.max(gate.a.y, gate.b.y);
    ctx.fillText("Start / finish", gate.a.x - size - 6 * ui, bottom - 14);
  }

  function drawTargets(ctx, colours, ready) {
    ctx.save();
    course.TARGETS.forEach((target, i) => {
      const live = !ready || ready[i];
      ctx.beginPath();
      ctx.arc(target.x, target.y, 10 * Math.min(ui, 1.5), 0, 2 * Math.PI);
      if (live) {
        ctx.fillStyle = colours.target;
        ctx.strokeStyle = colours.targetEdge;
        ctx.lineWidth = 2;
        ctx.fill();
        ctx.stroke();
        ctx.fillStyle = colours.targetEdge;
        ctx.font = `700 ${12 * Math.min(ui, 1.5)}px ${FONT}`;
        ctx.textAlign = "center";
        ctx.textBaseline = "middle";
        ctx.fillText("+", target.x, target.y + 0.5);
      } else {
        ctx.setLineDash([3, 3]);
        ctx.strokeStyle = colours.targetEdge;
        ctx.lineWidth = 1.5;
        ctx.stroke();
        ctx.setLineDash([]);
      }
    });
    ctx.restore();
  }

  function drawLabels(ctx, colours) {
    const size = Math.min(ui, 1.6);
    ctx.save();
    ctx.fillStyle = colours.fg;
    ctx.font = `600 ${13 * size}px ${FONT}`;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.fillText("Lagoon:", 285, 240 - 18 * size);
    ctx.font = `${12 * size}px ${FONT}`;
    ctx.fillStyle = colours.fgLight;
    ctx.fillText("targets respawn", 285, 240);
    ctx.fillText("after pickup", 285, 240 + 16 * size);
    ctx.restore();
  }

  function drawTrail(ctx, colour, points, alpha) {
    if (points.length < 2) return;
    ctx.save();
    ctx.globalAlpha = alpha;
    ctx.strokeStyle = colour;
    ctx.lineWidth = 3 * ui;
    ctx.lineJoin = "round";
    ctx.lineCap = "round";
    ctx.beginPath();
    points.forEach((p, i) => (i ? ctx.lineTo(p.x, p.y) : ctx.moveTo(p.x, p.y)));
    ctx.stroke();
    ctx.restore();
  }

  function drawBoat(ctx, colours, x, y, angle) {
    ctx.save();
    ctx.translate(x, y);
    ctx.rotate(angle);
    ctx.scale(ui, ui);
    ctx.beginPath();
    ctx.moveTo(15, 0);
    ctx.quadraticCurveTo(6, 8, -11, 7);
    ctx.lineTo(-11, -7);
    ctx.quadraticCurveTo(6, -8, 15, 0);
    ctx.closePath();
    ctx.fillStyle = colours.boat;
    ctx.strokeStyle = colours.boatEdge;
    ctx.lineWidth = 2;
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = colours.boatEdge;
    ctx.fillRect(-5, -3, 7, 6);
    ctx.restore();
  }

  function cellPoint(position) {
    const cell = sim.grid.cells[position.cell];
    return { x: cell.x, y: cell.y, angle: (position.heading * Math.PI) / 4 };
  }

  function interpolateAngle(a, b, t) {
    let delta = b - a;
    while (delta > Math.PI) delta -= 2 * Math.PI;
    while (delta < -Math.PI) delta += 2 * Math.PI;
    return a + delta * t;
  }

  /**
   * Scale a prepared canvas ({ctx, width, height} in CSS pixels) to the course's units and paint
   * the land, water, racing line and lagoon labels.
   */
  function drawBase(canvas, colours) {
    const { ctx, width, height } = canvas;
    const scale = width / course.WIDTH;
    ui = Math.min(2.2, Math.max(1, 0.8 / scale));
    ctx.scale(scale, height / course.HEIGHT);
    ctx.clearRect(0, 0, course.WIDTH, course.HEIGHT);
    ctx.fillStyle = colours.land;
    ctx.fillRect(0, 0, course.WIDTH, course.HEIGHT);
    drawWater(ctx, colours);
    drawRacingLine(ctx, colours);
    drawLabels(ctx, colours);
    return ctx;
  }

  demos.boatCourse = { drawBase, drawCheckpoints, drawTargets, drawTrail, drawBoat, cellPoint, interpolateAngle };
})(typeof self !== "undefined" ? self : this);
