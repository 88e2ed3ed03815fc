/**
 * Drawing a best-of-N curve (goodhart-sim.js): the winner's proxy score and true value against N,
 * with the part up to the chosen N in full colour and the rest faint, dots and values at N, and
 * the peak of the true value marked when it turns over. Shared by the Goodhart explorer and the
 * live figure in the Goodhart chapter, so both say the same thing the same way, with the same
 * names for the kinds of error (ERROR_KINDS) and the light-tailed chart first. And one draw of N
 * candidates up close (drawOneDraw), the explorer's picture of why: who wins, and by what.
 */
(function (root) {
  "use strict";
  const demos = root.AlignmentDemos;
  const sim = demos.goodhartSim;
  const { drawLineChart } = demos.lineChart;
  const fmt = demos.page.formatNumber;

  /**
   * Each kind of error named by how often it is huge (dozens of times its usual size): no, rare,
   * occasional or frequent huge errors, the words of the explorer's radio buttons, its help, its
   * "How it works" and the chapter's figure. The statistician's term comes once, after, in the
   * chart titles: light tails for the first, heavy tails for the three others, told apart by the
   * plain word ("Occasional huge errors (heavy tails)"). `short` is for the one-line result,
   * after "no huge errors", which comes first: "Best of 70: true value with no huge errors 1.61,
   * rising · occasional ones 0.30, past its peak of 0.73". (Reader reviews: "light tails −0.02 ·
   * heavier tails −0.05" said nothing to a reader without statistics; the chapter's figure and
   * the explorer named the same two charts in two ways; and the buttons said rare / occasional /
   * frequent while the help said heavy / heavier / extreme, a third vocabulary in the titles.)
   */
  const ERROR_KINDS = {
    gaussian: { plain: "no huge errors", short: "no huge errors", tails: "light tails" },
    t3: { plain: "rare huge errors", short: "rare ones", tails: "heavy tails" },
    t2: { plain: "occasional huge errors", short: "occasional ones", tails: "heavy tails" },
    cauchy: { plain: "frequent huge errors", short: "frequent ones", tails: "heavy tails" },
  };

  /** The selection charts' y axis: how good the pick is, by its score and in truth, measured from
   * what a random pick gets on average ("Value (0 = average)" left a reader asking: average of
   * what?). Shorter wordings where the axis is short. */
  const Y_LABEL = "How good the pick is (0 = a random pick)";
  const Y_SHORT = ["How good (0 = a random pick)", "How good (0 = random)"];

  /** A chart's title for a kind of error: "Occasional huge errors (heavy tails)". */
  function kindTitle(distribution) {
    const kind = ERROR_KINDS[distribution];
    return `${kind.plain.charAt(0).toUpperCase()}${kind.plain.slice(1)} (${kind.tails})`;
  }

  /** One y range for several panels, so that light and heavy tails compare by eye. The proxy may
   * leave it at the top (heavy tails send it far up); the true value always fits. */
  function sharedRange(curves) {
    const trues = curves.flatMap((c) => c.points.map((p) => p.meanTrue));
    const lightProxy = Math.min(...curves.map((c) => c.last.medianProxy));
    return {
      min: Math.min(-0.5, Math.min(...trues) - 0.2),
      max: Math.max(3, Math.max(...trues) * 1.6, Math.min(lightProxy * 1.1, 8)),
    };
  }

  /**
   * Draw one curve on a prepared canvas ({ctx, width, height}) with the chosen N marked.
   * options: { range: {min, max}, compact: boolean, marker: false to leave out the line and
   * dots at N (a printed figure shows the whole curve), reached: the largest N the reader has
   * gone to (the curve is drawn that far, faint past N, and its peak named once passed; by
   * default all of it) }. Returns the point at N with the chart's texts and obstacles (`chart`,
   * see line-chart.js).
   */
  function drawSelection(prepared, colours, curve, n, options) {
    const { range, compact } = options;
    const marker = options.marker !== false;
    // The printed proxy's decimals: 1, as the live chart writes it at N ("proxy 83.5", not "84"
    // in the explorer's figure, a reader review); the chapter's figure still writes none.
    const proxyDigits = options.proxyDigits === undefined ? 0 : options.proxyDigits;
    const here = sim.pointAt(curve, n);
    const reached = Math.max(options.reached === undefined ? Infinity : options.reached, here.n);
    const pts = curve.points.filter((p) => p.n <= reached);
    const shown = pts.filter((p) => p.n <= here.n);
    const line = (key, p) => ({ x: p.n, y: p[key] });
    const style = {
      proxy: { colour: colours.proxy, dash: [7, 5], marker: "square", markerEvery: 3, width: 2.5 },
      truth: { colour: colours.truth, dash: [], marker: "circle", markerEvery: 3, width: 3 },
    };
    const series = [
      { ...style.proxy, label: null, alpha: 0.35, marker: null, points: pts.map((p) => line("medianProxy", p)) },
      { ...style.truth, label: null, alpha: 0.35, marker: null, points: pts.map((p) => line("meanTrue", p)) },
      { ...style.proxy, label: compact ? "Proxy score" : "Proxy score of the winner", points: shown.map((p) => line("medianProxy", p)) },
      { ...style.truth, label: compact ? "True value" : "True value of the winner", points: shown.map((p) => line("meanTrue", p)) },
    ];
    const notes = [];
    if (sim.turnsOver(curve) && reached > curve.peak.n) {
      notes.push({ text: `peak ${curve.peak.meanTrue.toFixed(2)} at N = ${fmt(curve.peak.n)}`, short: "peak", x: curve.peak.n, y: curve.peak.meanTrue, colour: colours.truth });
    }
    // The values at N; a proxy score off the scale becomes an arrow at the top with its value.
    // A printed figure has no N: it shows where the proxy ends up when that is off the scale.
    const dots = marker ? [
      { x: here.n, y: here.medianProxy, colour: colours.proxy, textColour: colours.proxyText, marker: "square", offScale: `proxy ${fmt(here.medianProxy, 1)}`, offScaleShort: fmt(here.medianProxy, 1) },
      { x: here.n, y: here.meanTrue, colour: colours.truth, marker: "circle" },
    ] : curve.last.medianProxy > range.max ? [
      { x: curve.last.n, y: curve.last.medianProxy, colour: colours.proxy, textColour: colours.proxyText, offScale: `proxy reaches ${fmt(curve.last.medianProxy, proxyDigits)} at N = ${fmt(curve.last.n)}`,
        offScaleShort: `proxy ${fmt(curve.last.medianProxy, proxyDigits)} at N = ${fmt(curve.last.n)}` },
    ] : [];
    const chart = drawLineChart(prepared.ctx, prepared.width, prepared.height, colours, {
      x: { min: 1, max: sim.MAX_N, log: true, label: compact ? "N, the number of candidates (log scale)" : "N candidates; the best by proxy wins (log scale)", short: "N candidates (log scale)", format: (v) => fmt(v) },
      // In words a reader without statistics can use: 0 is what picking at random gives on average.
      y: { min: range.min, max: range.max, label: Y_LABEL, short: Y_SHORT, format: (v) => fmt(v, Number.isInteger(v) ? 0 : 1) },
      series,
      vertical: marker ? { x: here.n, label: `N = ${fmt(here.n)}` } : null,
      notes,
      dots,
    });
    return { ...here, chart };
  }

  /** The most candidates one draw shows as dots: past that, the first DRAW_CAP of them (a random
   * sample, each candidate being drawn independently of the others) and the winner, so that
   * dragging N to 10,000 stays quick on a phone. */
  const DRAW_CAP = 2000;

  /**
   * The scales of the two draws (oneDraw in goodhart-sim.js), shared, so they compare by eye, and
   * taken from all of each draw, not the first N, so the axes stay put while N moves and the
   * cloud grows on them: across, every true value of both; up, the light-tailed scores, with
   * room above for a winner. A heavy-tailed score beyond that is drawn at the edge.
   */
  function drawRange(light, heavy) {
    let spread = 3;
    for (const d of [light, heavy]) for (const v of d.values) spread = Math.max(spread, Math.abs(v));
    let low = -4;
    let high = 8;
    for (const u of light.scores) {
      low = Math.min(low, u - 0.5);
      high = Math.max(high, u + 2);
    }
    // Half a unit past a whole number: no tick at the plot's corners, where an x tick's value
    // would meet a y tick's.
    const x = Math.ceil(spread) + 0.5;
    return { x: { min: -x, max: x }, y: { min: Math.floor(low), max: Math.ceil(high) } };
  }

  /** What one draw shows at N: its winner, how many candidates it holds (N, at most the draw's
   * size), how many of them are dots (at most `cap`), and whether some are left out. The same
   * whether or not the canvas can be drawn (drawOneDraw, and the explorer's line without it). */
  function drawShown(draw, n, cap = DRAW_CAP) {
    const count = Math.min(n, draw.values.length);
    const shown = Math.min(count, cap);
    return { winner: draw.winner(n), count, shown, capped: count > shown };
  }

  /** A score as the draws write it, on the canvas and in the line under them alike: two
   * decimals, fewer when it is large. */
  function scoreText(u) {
    return fmt(u, Math.abs(u) >= 100 ? 0 : Math.abs(u) >= 10 ? 1 : 2);
  }

  /** The wordings that name a winner above its plot, widest first: "winner: true value 0.41,
   * score 61.7", then shorter ones for a narrow plot. */
  function winnerWordings(winner) {
    const value = fmt(winner.value, 2);
    const score = scoreText(winner.score);
    return [`winner: true value ${value}, score ${score}`, `winner: value ${value}, score ${score}`, `winner ${value}, score ${score}`, "winner"];
  }

  /** Which wording (an index into winnerWordings) names every one of `winners` within `room` px
   * in the context's current font: the widest that fits them all, so that draws shown side by
   * side word their winners alike. Each chose for itself before, and the explorer's still read
   * "winner: true value 1.35" beside "winner: value −0.03" (its minus sign made the difference),
   * as if they were two measures. */
  function winnerWording(ctx, winners, room) {
    const last = winnerWordings(winners[0]).length - 1;
    for (let i = 0; i < last; i += 1) {
      if (winners.every((w) => ctx.measureText(winnerWordings(w)[i]).width <= room)) return i;
    }
    return last;
  }

  /**
   * One draw of N candidates up close: each candidate a dot, across at its true value and up at
   * its score, with the line where the score would equal the true value (a dot's height above
   * it is its error), and the winner, the highest score, ringed in the score's colour. A dotted
   * line marks the winner's true value on the x axis, named above the plot with its score ("winner:
   * true value 0.41, score 61.7", shorter where the plot is narrow), where no data can be; dashed
   * lines take its score across to the y axis and its true value down to the x axis, in the
   * colours the selection charts give score and true value. A score off the scale is drawn at the edge, the
   * winner's as an arrow. At most `cap` candidates are dots (DRAW_CAP). options: { range
   * (drawRange), compact, beside: the other draws shown next to this one at the same N, whose
   * winners its label words alike (winnerWording) }. Returns { winner, count, shown, capped,
   * label, chart }.
   */
  function drawOneDraw(prepared, colours, draw, n, { range, compact = false, cap = DRAW_CAP, beside = [] }) {
    const { ctx, width, height } = prepared;
    const { winner, count, shown, capped } = drawShown(draw, n, cap);
    // The widest wording that fits over the plot (line-chart.js: 64 px left of it, 26 right)
    // for this winner and those beside it.
    ctx.font = `13px ${demos.lineChart.FONT}`;
    const room = width - 64 - 26 - 4;
    const label = winnerWordings(winner)[winnerWording(ctx, [winner, ...beside.map((d) => d.winner(n))], room)];
    const corner = Math.min(range.x.max, range.y.max);
    const from = Math.max(range.x.min, range.y.min);
    const chart = drawLineChart(ctx, width, height, colours, {
      x: { min: range.x.min, max: range.x.max, label: "True value of a candidate", short: "True value", format: (v) => fmt(v) },
      y: { min: range.y.min, max: range.y.max, label: "Its score (the proxy)", short: ["Its score", "Score"], format: (v) => fmt(v) },
      series: [{
        label: compact ? "Score = true value" : "Score = true value (no error)", colour: colours.fgLight, dash: [4, 4], width: 1.5,
        marker: null, points: [{ x: from, y: from }, { x: corner, y: corner }],
      }],
      vertical: { x: winner.value, label },
      underlay(context, { tx, ty, plot, layout }) {
        const top = plot.y;
        const bottom = plot.y + plot.h;
        context.save();
        context.globalAlpha = 0.5;
        context.fillStyle = colours.muted;
        for (let i = 0; i < shown; i += 1) {
          if (i === winner.index) continue;
          const x = tx(draw.values[i]);
          const y = ty(draw.scores[i]);
          context.beginPath();
          // Off the scale: a small triangle inside the edge, pointing out (clear of the row above
          // the plot, where the winner is named).
          if (y < top) {
            context.moveTo(x, top); context.lineTo(x + 3, top + 5); context.lineTo(x - 3, top + 5);
          } else if (y > bottom) {
            context.moveTo(x, bottom); context.lineTo(x + 3, bottom - 5); context.lineTo(x - 3, bottom - 5);
          } else context.arc(x, y, 2, 0, 2 * Math.PI);
          context.fill();
          const at = Math.max(top + 3, Math.min(bottom - 3, y));
          layout.block({ x: x - 3, y: at - 3, w: 6, h: 6 });
        }
        context.restore();
        const wx = tx(winner.value);
        // The winner's ring whole inside the plot, or an arrow on its top edge, ringed too: the
        // help says "the ringed dot wins" (an unringed triangle at large N, a reader review).
        const inScale = ty(winner.score) >= top + 11;
        const wy = Math.max(top, Math.min(bottom, ty(winner.score)));
        // Its score across to the y axis, its true value down to the x axis, each in its colour
        // on the selection charts.
        context.lineWidth = 1.5;
        context.setLineDash([3, 3]);
        for (const [colour, line] of [[colours.proxy, [[plot.x, wy], [wx, wy]]], [colours.truth, [[wx, wy], [wx, bottom]]]]) {
          context.strokeStyle = colour;
          context.beginPath();
          context.moveTo(line[0][0], line[0][1]);
          context.lineTo(line[1][0], line[1][1]);
          context.stroke();
          layout.blockLine(line, "data");
        }
        context.setLineDash([]);
        context.strokeStyle = colours.proxy;
        context.fillStyle = colours.proxy;
        context.lineWidth = 2;
        context.beginPath();
        if (inScale) {
          context.arc(wx, wy, 10, 0, 2 * Math.PI);
          context.stroke();
          context.strokeStyle = colours.bg;
          context.beginPath();
          context.arc(wx, wy, 6, 0, 2 * Math.PI);
          context.fill();
        } else { // off the top: an arrow on the edge, pointing up, in a ring
          context.moveTo(wx, top + 3); context.lineTo(wx + 5, top + 13); context.lineTo(wx - 5, top + 13); context.closePath();
          context.fill();
          context.stroke();
          context.beginPath();
          context.arc(wx, top + 10, 9, 0, 2 * Math.PI);
        }
        context.stroke();
        const ringTop = inScale ? Math.max(top, wy - 11) : top;
        layout.block({ x: wx - 11, y: ringTop, w: 22, h: Math.min(bottom, wy + 11) - ringTop }, "anchor");
      },
    });
    return { winner, count, shown, capped, label, chart };
  }

  /**
   * The one-line result under an N slider, in words, from the points the charts mark:
   * "Best of 70: true value with" then, for each panel ({ name, curve }), e.g. "no huge errors
   * 1.61, rising" or "occasional ones 0.30, past its peak of 0.73". A phone reader dragging N
   * sees this line and the chart it describes together; the long summary says the same at length.
   * `reached`, the largest N the reader has gone to (by default all): a peak not yet passed is
   * not named, as the chart does not draw it ("rising", not "rising to 0.73 at N = 7").
   * Returns { at, lead, parts }: `at` is the lead's opening ("Best of 70:"), which a phone's
   * slider already shows as its number, so the page can keep each part's words together.
   * `valueFirst`: the lead reads "Best of 70, true value:" (the explorer's: where its phone
   * hides the opening, "True value with" had stood alone on a line).
   */
  function resultLine(n, panels, { reached = Infinity, valueFirst = false } = {}) {
    const parts = panels.map(({ name, curve }) => {
      const { here, peak, turnsOver, phase } = sim.trueValueTrend(curve, n);
      const value = `${name} ${fmt(here.meanTrue, 2)}`;
      if (here.n === 1) return value; // nothing selected yet: no trend to speak of
      const peakSeen = turnsOver && Math.max(reached, here.n) > peak.n;
      if (phase === "falling") return `${value}, past its peak of ${fmt(peak.meanTrue, 2)}`;
      if (phase === "peak" && peakSeen) return `${value}, its peak`;
      return peakSeen ? `${value}, rising to ${fmt(peak.meanTrue, 2)} at N = ${fmt(peak.n)}` : `${value}, rising`;
    });
    const best = n === 1 ? "Best of 1 (no selection yet)" : `Best of ${fmt(n)}`;
    const at = `${best}${valueFirst ? "," : ":"}`;
    return { at, lead: `${at} ${valueFirst ? "true value:" : "true value with"}`, parts };
  }

  /** Write a resultLine into its element, each part in a span that the stylesheet keeps whole
   * (a line wraps between parts, not inside one), joined by " · " that stays with the part
   * before it, so the text reads the same to a screen reader and in a test. The lead's opening
   * ("Best of 70:") has a span of its own, which a phone's stuck slider hides from view. */
  function showResult(element, line) {
    const doc = element.ownerDocument;
    const span = (className, text) => {
      const node = doc.createElement("span");
      node.className = className;
      node.textContent = text;
      return node;
    };
    const lead = span("demo-result__lead", "");
    if (line.at && line.lead.startsWith(`${line.at} `)) {
      lead.append(span("demo-result__at", line.at), " ", span("demo-result__what", line.lead.slice(line.at.length + 1)));
    } else {
      lead.textContent = line.lead;
    }
    const nodes = [lead];
    line.parts.forEach((text, i) => {
      nodes.push(doc.createTextNode(" "), span("demo-result__part", i < line.parts.length - 1 ? `${text}\u00a0·` : text));
    });
    element.replaceChildren(...nodes);
  }

  /** A resultLine as one sentence, for the figure's live line (what a screen reader hears once
   * the slider settles): "Best of 70: true value with no huge errors 1.61, rising; occasional
   * ones 0.30, past its peak of 0.73." */
  function resultText(line) {
    return `${line.lead} ${line.parts.join("; ")}.`;
  }

  demos.goodhartDraw = {
    ERROR_KINDS, Y_LABEL, Y_SHORT, DRAW_CAP, kindTitle, scoreText, sharedRange, drawSelection, drawRange, drawShown, drawOneDraw,
    winnerWordings, winnerWording, resultLine, showResult, resultText,
  };
})(typeof self !== "undefined" ? self : this);
