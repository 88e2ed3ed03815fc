"""The four live figures inside the chapters, in headless Chromium on the real built site.

Each figure reports what it shows through window.AlignmentDemos.<name>.state(), so these tests
check behaviour (the boat loops, the tails part, the gold reward turns, the agent runs past the
coin) as well as operation by keyboard and touch, the summary in words and the one short live line
a screen reader hears, canvas sharpness, print and file://.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import visit_in_site_fonts
from test_demos_browser import (
    LIVE_ROOT,
    VISIBLE_TEXT,
    assert_one_live_line,
    live_changes,
    record_changes,
    said_once_keys_settle,
)

pytestmark = pytest.mark.browser

TIMEOUT_MS = 60_000


@dataclass(frozen=True)
class Figure:
    page: str  # the chapter's built page
    id: str  # the live figure's element id
    state: str  # its state() accessor
    control: str  # the control the keyboard test operates

    @property
    def selector(self) -> str:
        return f"#{self.id}"

    def js(self) -> str:
        return f"window.AlignmentDemos.{self.state}.state()"


FIGURES = {
    "boat": Figure("specification-gaming.html", "live-boat-loop", "boatLoop", "#lbl-move"),
    "tails": Figure("goodhart.html", "live-goodhart-tails", "goodhartTails", "#lgt-n"),
    "leash": Figure("rlhf.html", "live-kl-leash", "klLeash", "#lkl-d"),
    "coin": Figure("core-difficulties.html", "live-coin-moved", "coinMoved", "#lcm-x"),
}


def open_figure(page, base: str, figure: Figure) -> dict:
    """Open the chapter, bring the figure near (live figures start work only then), wait until
    it is ready."""
    page.goto(f"{base}/{figure.page}")
    page.wait_for_selector(f"{figure.selector}.js-demo-ready")
    page.locator(figure.selector).scroll_into_view_if_needed()
    if figure.state != "klLeash":
        page.wait_for_function(f"{figure.js()}.ready", timeout=TIMEOUT_MS)
    return page.evaluate(figure.js())


def summary(page, figure: Figure) -> str:
    return page.text_content(f"{figure.selector} .demo-summary")


def wait_for_summary_change(page, figure: Figure, before: str) -> str:
    page.wait_for_function(
        "([sel, before]) => document.querySelector(sel).textContent !== before",
        arg=[f"{figure.selector} .demo-summary", before],
        timeout=TIMEOUT_MS,
    )
    return summary(page, figure)


def settle(page, figure: Figure) -> None:
    """Let the boat replay finish playing, so the summary only changes when a test acts."""
    if figure.state == "boatLoop":
        page.wait_for_function(f"!{figure.js()}.playing", timeout=TIMEOUT_MS)
        page.wait_for_timeout(100)


REPLAY_SECONDS = 10  # the boat's first replay: 120 moves at 12 a second (fig-boat-loop.js)


def open_settled(page, base: str, figure: Figure) -> dict:
    """open_figure, then settle, for a test that needs the figure at rest rather than its
    animation. The boat's first replay, 120 moves at 12 a second, took ten seconds of each such
    test; it plays on the page's own clock (Playwright's page.clock) instead, run on a second at a
    time: every frame in order, 16 ms apart, ending as it does in real time (the same state, words
    and pixels; test_boat_figure_loops_beside_a_racer_as_its_caption_says watches it in real
    time). The clock then goes on in step with real time."""
    boat = figure.state == "boatLoop"
    if boat:
        page.clock.install()
    state = open_figure(page, base, figure)
    for _ in range(REPLAY_SECONDS * 3 if boat else 0):
        if not page.evaluate(f"{figure.js()}.playing"):
            break
        page.clock.run_for(1000)
    settle(page, figure)
    return state


@pytest.mark.parametrize("name", FIGURES)
def test_figure_is_live_in_its_chapter_without_errors(page, page_log, site_url, name):
    figure = FIGURES[name]
    open_figure(page, site_url, figure)
    assert page.is_visible(f"{figure.selector} .demo-live")
    assert not page.is_visible(f"{figure.selector} .demo-static")
    # The summary is there to read; a screen reader hears the figure's one short live line.
    assert page.get_attribute(f"{figure.selector} .demo-summary", "aria-live") is None
    assert_one_live_line(page, figure.selector)
    for canvas in page.locator(f"{figure.selector} canvas").all():
        assert len(canvas.get_attribute("aria-label") or "") > 40
        assert canvas.get_attribute("role") == "img"
    page.wait_for_load_state("networkidle")
    assert page_log.console_errors == [] and page_log.page_errors == []
    assert page_log.foreign_requests == []


@pytest.mark.parametrize("name", FIGURES)
def test_figure_works_from_the_keyboard(page, site_url, name):
    figure = FIGURES[name]
    open_settled(page, site_url, figure)
    before = summary(page, figure)
    page.focus(figure.control)
    outline = page.eval_on_selector(figure.control, "e => getComputedStyle(e).outlineStyle")
    assert outline not in ("none", ""), "keyboard focus must be visible"
    page.keyboard.press("Home" if name == "boat" else "ArrowLeft")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert wait_for_summary_change(page, figure, before) != before


# What each figure's live line starts with after the control's value went down three steps.
SAID_AFTER_THREE_STEPS = {
    "boat": "Move 117 of 120: paid for targets, game score",
    "tails": "Best of 71: true value with no huge errors",
    "leash": "Leash 1.35, smaller reward model:",
    "coin": "Coin 4 steps along, 2 up; the agent trained with the coin always at the right end",
}


@pytest.mark.parametrize("name", FIGURES)
def test_figure_speaks_one_short_line_once_the_keys_settle(page, site_url, name):
    """Three quick key presses on the figure's slider: its live line changes once, after the
    keys settle, to one short result; the long summary and the value readout stay quiet (the
    slider's own value text speaks the value)."""
    figure = FIGURES[name]
    open_settled(page, site_url, figure)
    said = said_once_keys_settle(page, figure.selector, figure.control, "ArrowLeft")
    assert said.startswith(SAID_AFTER_THREE_STEPS[name]) and len(said) < 200, said
    assert_one_live_line(page, figure.selector)


@pytest.mark.parametrize("name", FIGURES)
def test_figure_says_nothing_while_it_loads(page, site_url, name):
    """A figure starts when the reader scrolls to it: its training, its curves filling in and
    the boats' first replay are not news the reader asked for. The boat figure had put every
    frame's move (its readout) and each training step (its summary) in a live region."""
    figure = FIGURES[name]
    page.add_init_script(
        f"""window.__figureSaid = [];
        document.addEventListener("readystatechange", () => {{
          if (window.__figureWatched) return;
          window.__figureWatched = true;
          const liveRoot = {LIVE_ROOT};
          new MutationObserver((records) => records.forEach((r) => {{
            const region = liveRoot(r.target);
            if (region && region.closest("{figure.selector}")) window.__figureSaid.push(region.textContent);
          }})).observe(document, {{ subtree: true, childList: true, characterData: true }});
        }});"""
    )
    open_settled(page, site_url, figure)
    page.wait_for_timeout(800)
    assert page.evaluate("window.__figureWatched")
    assert page.evaluate("window.__figureSaid") == []


def test_boat_figure_play_button_says_what_it_does_and_the_stop_is_announced(page, site_url):
    """Play/Pause is one button whose label says what it does next; it has no aria-pressed as
    well ("Pause, toggle button, pressed"). Where the reader pauses, the live line says the
    boats' scores once."""
    figure = FIGURES["boat"]
    open_settled(page, site_url, figure)
    play = page.locator(f"{figure.selector} .demo-play")
    assert play.text_content() == "Replay" and play.get_attribute("aria-pressed") is None
    record_changes(page, figure.selector)
    play.click()
    assert play.text_content() == "Pause" and play.get_attribute("aria-pressed") is None
    page.wait_for_function(f"{figure.js()}.move > 10")
    play.click()
    assert play.text_content() == "Play"
    page.wait_for_timeout(1000)
    said = [c["text"] for c in live_changes(page)]
    move = page.evaluate(figure.js())["move"]
    assert len(said) == 1 and said[0].startswith(f"Move {move} of 120: paid for targets"), said


# A phone as the reader reviews used: 390 x 844, touch.
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}


@pytest.mark.parametrize("name", FIGURES)
def test_figure_works_by_touch(browser, site_url, name):
    figure = FIGURES[name]
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        open_settled(page, site_url, figure)
        before = summary(page, figure)
        if name == "coin":
            # Tap the level near its left end, low down: the coin moves there.
            box = page.locator(f"{figure.selector} canvas").bounding_box()
            page.touchscreen.tap(box["x"] + box["width"] * 0.2, box["y"] + box["height"] * 0.7)
            moved = page.evaluate(figure.js())["coin"]
            assert moved != {"x": 7, "y": 2} and moved["x"] <= 4
        elif name == "boat":
            page.locator(f"{figure.selector} .demo-play").tap()  # Replay, then let it run out
            page.wait_for_function(f"{figure.js()}.playing")
            page.locator(f"{figure.selector} .demo-play").tap()  # Pause
            assert page.evaluate(figure.js())["playing"] is False
        else:
            box = page.locator(figure.control).bounding_box()
            page.touchscreen.tap(box["x"] + box["width"] * 0.9, box["y"] + box["height"] / 2)
        assert wait_for_summary_change(page, figure, before) != before
    finally:
        context.close()


def test_a_thumb_scrolling_past_the_coin_level_scrolls_the_page(browser, site_url):
    """A reader review: a vertical swipe that began on the toy level moved the coin (the canvas
    took every touch) and the page did not scroll. Now the page scrolls and the coin stays; a
    tap still moves it (test_figure_works_by_touch)."""
    figure = FIGURES["coin"]
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        open_settled(page, site_url, figure)
        canvas = page.locator(f"{figure.selector} canvas")
        canvas.evaluate("c => c.scrollIntoView({ block: 'center' })")
        page.wait_for_timeout(300)
        box = canvas.bounding_box()
        coin, scrolled = page.evaluate(figure.js())["coin"], page.evaluate("scrollY")
        cdp = context.new_cdp_session(page)
        x, y = box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.8
        cdp.send(
            "Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]}
        )
        for step in range(1, 9):
            point = {"x": x, "y": y - 300 * step / 8}
            cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
            page.wait_for_timeout(20)
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        page.wait_for_timeout(600)
        assert page.evaluate("scrollY") > scrolled + 100, "the page scrolls"
        assert page.evaluate(figure.js())["coin"] == coin, "the coin stays where it was"
    finally:
        context.close()


@pytest.mark.parametrize("dpr", [1, 2])
@pytest.mark.parametrize("name", FIGURES)
def test_canvases_are_drawn_at_their_displayed_size(browser, site_url, name, dpr):
    figure = FIGURES[name]
    context = browser.new_context(viewport={"width": 1440, "height": 900}, device_scale_factor=dpr)
    try:
        page = context.new_page()
        open_figure(page, site_url, figure)

        def check() -> None:
            sizes = page.eval_on_selector_all(
                f"{figure.selector} canvas",
                "cs => cs.map(c => { const r = c.getBoundingClientRect();"
                " return [c.width, c.height, r.width, r.height, devicePixelRatio]; })",
            )
            for width, height, shown_w, shown_h, ratio in sizes:
                assert ratio == dpr
                assert abs(width - shown_w * dpr) <= 1 and abs(height - shown_h * dpr) <= 1, (
                    width,
                    height,
                    shown_w,
                    shown_h,
                )

        check()
        # the figure is redrawn at its new size
        page.set_viewport_size({"width": 390, "height": 844})
        page.wait_for_timeout(300)
        check()
    finally:
        context.close()


@pytest.mark.parametrize("name", FIGURES)
def test_figure_redraws_in_the_dark_scheme_when_the_reader_switches(page, site_url, name):
    """Material's light/dark toggle sets an attribute on <body>; every canvas of the figure is
    drawn again in the dark scheme's colours (demo-page.js keepDrawn)."""
    figure = FIGURES[name]
    open_settled(page, site_url, figure)
    pixels = "sel => [...document.querySelectorAll(sel + ' canvas')].map(c => c.toDataURL())"
    light = page.evaluate(pixels, figure.selector)
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    page.wait_for_function(
        f"light => ({pixels})('{figure.selector}').every((p, i) => p !== light[i])",
        arg=light,
        timeout=TIMEOUT_MS,
    )
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'default')")
    page.wait_for_function(
        f"light => ({pixels})('{figure.selector}').every((p, i) => p === light[i])",
        arg=light,
        timeout=TIMEOUT_MS,
    )


@pytest.mark.parametrize("name", FIGURES)
def test_print_shows_the_static_figure(page, site_url, name):
    figure = FIGURES[name]
    open_figure(page, site_url, figure)
    page.emulate_media(media="print")
    assert page.is_visible(f"{figure.selector} .demo-static img")
    assert not page.is_visible(f"{figure.selector} .demo-live")
    natural = page.eval_on_selector(
        f"{figure.selector} .demo-static img", "i => i.complete && i.naturalWidth"
    )
    assert natural, "the static figure must load"


@pytest.mark.parametrize("name", FIGURES)
def test_without_javascript_the_static_figure_stays(browser, site_url, name):
    figure = FIGURES[name]
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/{figure.page}")
        assert page.is_visible(f"{figure.selector} .demo-static img")
        assert not page.is_visible(f"{figure.selector} .demo-live")
    finally:
        context.close()


def test_live_figures_work_opened_from_a_folder(page, page_log, site_dir: Path):
    for figure in FIGURES.values():
        open_figure(page, (site_dir / figure.page).parent.as_uri(), figure)
    assert page_log.page_errors == []
    assert page_log.foreign_requests == []


# ------------------------------------------------------------------ labels as a reader sees them
LABEL_CHECK = Path(__file__).parent / "js" / "support" / "label-check.js"
SLIDER_VALUES: dict[str, list[float]] = {
    "boat": [0, 60, 120],
    "tails": [0, 1, 1.25, 2, 3, 4],
    "leash": [0, 0.2, 1, 1.5, 3, 4],
    "coin": [1, 7, 14],
}


@pytest.mark.parametrize(
    "device",
    [
        PHONE,
        {"viewport": {"width": 1440, "height": 900}},
    ],
    ids=["phone", "desktop"],
)
@pytest.mark.parametrize("name", FIGURES)
def test_labels_are_clear_of_the_data_and_each_other_in_real_text_metrics(
    browser, site_url, name, device
):
    """The boxes the drawing code computed with Chromium's own text metrics: no label over a
    curve, a marker or another label, none off the canvas, none under 11 px
    (tests/js/support/label-check.js, the same judge as the Node tests)."""
    figure = FIGURES[name]
    context = browser.new_context(**device)
    try:
        page = context.new_page()
        open_figure(page, site_url, figure)
        page.add_script_tag(path=str(LABEL_CHECK))
        page.evaluate("document.fonts.ready.then(() => true)")
        for value in SLIDER_VALUES[name]:
            page.eval_on_selector(
                figure.control,
                f"e => {{ e.value = {value}; e.dispatchEvent(new Event('input')); }}",
            )
            report: list[tuple[int, list[str]]] = page.evaluate(
                f"{figure.js()}.charts.map(c => [c.texts.length, labelCheck.labelProblems(c)])"
            )
            assert report, f"{name}: the figure reports no drawing"
            for count, problems in report:
                assert count >= 2 and problems == [], f"{name} at {value}: {problems}"
    finally:
        context.close()


# Every state of the KL leash, drawn as the page draws it: each step of the slider with each reward
# model; what is wrong with its labels (label-check.js's labelProblems and leaderProblems), a note
# outside the plot, a note not named, a series marker that gave way to a note's line.
LEASH_STATES_JS = """
() => {
  const slider = document.querySelector('#lkl-d');
  const steps = Math.round((Number(slider.max) - Number(slider.min)) / Number(slider.step));
  const out = [];
  for (const model of ['small', 'large']) {
    const radio = document.querySelector(`#live-kl-leash input[value="${model}"]`);
    radio.checked = true;
    radio.dispatchEvent(new Event('change'));
    for (let i = 0; i <= steps; i += 1) {
      slider.value = (Number(slider.min) + i * Number(slider.step)).toFixed(2);
      slider.dispatchEvent(new Event('input'));
      const state = window.AlignmentDemos.klLeash.state();
      const chart = state.charts[0];
      const p = chart.plot;
      const outside = chart.texts.filter((t) => t.kind === 'note').filter(({ box: b }) =>
        b.x < p.left || b.y < p.top || b.x + b.w > p.left + p.width || b.y + b.h > p.top + p.height);
      const problems = [
        ...labelCheck.labelProblems(chart),
        ...labelCheck.leaderProblems(chart),
        ...outside.map((t) => `"${t.text}" leaves the plot`),
        ...chart.gaveWay.map(() => 'a marker gave way to a line'),
      ];
      if (chart.texts.filter((t) => t.kind === 'note').length !== 2) problems.push('a ring is not named');
      out.push([`${chart.width}x${chart.height} ${model} ${slider.value}`, state.model, state.d, problems]);
    }
  }
  return out;
}
"""


@pytest.mark.parametrize(
    "device", [PHONE, {"viewport": {"width": 1440, "height": 900}}], ids=["phone", "desktop"]
)
def test_leash_labels_clear_in_every_state(browser, site_url, device):
    """The KL leash in each of its 162 states (81 steps of the slider, two reward models) at a
    390 px phone and a desktop, in Chromium's own text metrics: no text over a curve, a marker,
    a dot or another text, none off the canvas, each note inside the plot and named, and no
    note's line to its ring crossing a marker, a dot or a text, and every marker drawn.
    tests/js/chart-labels.test.js checks the same at four sizes in the SVG stand-in's metrics,
    where 24 of 648 states had drawn a note's line over a marker."""
    figure = FIGURES["leash"]
    context = browser.new_context(**device)
    try:
        page = context.new_page()
        visit_in_site_fonts(page, f"{site_url}/{figure.page}")
        open_figure(page, site_url, figure)
        page.add_script_tag(path=str(LABEL_CHECK))
        page.evaluate("document.fonts.ready.then(() => true)")
        states = page.evaluate(LEASH_STATES_JS)
        assert len(states) == 162
        assert {(model, round(d, 2)) for _, model, d, _ in states} == {
            (model, round(i * 0.05, 2)) for model in ("small", "large") for i in range(81)
        }
        faulty = [(where, problems) for where, _, _, problems in states if problems]
        assert faulty == [], faulty
    finally:
        context.close()


# ------------------------------------------------------------------ what each figure shows
def caption(page, figure: Figure) -> str:
    return " ".join(page.text_content(f"{figure.selector} .demo-static figcaption").split())


def test_boat_figure_loops_beside_a_racer_as_its_caption_says(page, site_url):
    figure = FIGURES["boat"]
    open_figure(page, site_url, figure)
    if page.evaluate(figure.js())["playing"]:  # the words while the boats move are true then too
        assert summary(page, figure).startswith("Replaying both boats' first 120 moves")
    settle(page, figure)
    state = page.evaluate(figure.js())
    assert state["move"] == state["moves"] == 120
    looper, racer = state["agents"]
    assert looper["loopsInLagoon"] and looper["progress"] == 0 and looper["score"] > 0
    assert racer["finished"] and racer["progress"] == 1
    text = caption(page, figure)
    assert f"{looper['score']} points" in text and f"move {racer['finishMove']}" in text
    assert "game score 320, checkpoints 0 of 7" in summary(page, figure)


def visible_text(page, selector: str) -> str:
    """What a reader sees of an element (innerText: nothing hidden, nothing in a closed
    <details>), with its spaces made plain."""
    return " ".join(page.inner_text(selector).replace("\xa0", " ").split())


@pytest.mark.parametrize(
    "device", [PHONE, {"viewport": {"width": 1440, "height": 900}}], ids=["phone", "desktop"]
)
def test_boat_legend_names_each_number_under_the_note_on_how_both_are_scored(
    browser, site_url, device
):
    """Beside each boat, "game score" and "checkpoints" name their numbers, so the boat paid for
    progress, at 0 points, is not read as losing the race; and the note that both boats are
    scored by the game's score sits right above the legend, read before the numbers."""
    figure = FIGURES["boat"]
    context = browser.new_context(**device)
    try:
        page = context.new_page()
        open_settled(page, site_url, figure)
        note = f"{figure.selector} .demo-scoring"
        legend = f"{figure.selector} .demo-legend"
        reward = page.evaluate("window.AlignmentDemos.boatRaceSim.DEFAULT_REWARD")
        assert visible_text(page, note) == (
            "Both boats are scored by the game's score: "
            f"{reward['targetPoints']} points a target, {reward['finishBonus']} for finishing."
        )
        assert page.get_attribute(legend, "aria-describedby") == page.get_attribute(note, "id")
        # The note comes first, in reading order and on screen, right above the legend, and both
        # fit on one screen together.
        assert page.eval_on_selector(note, "n => n.nextElementSibling.matches('.demo-legend')")
        page.locator(note).scroll_into_view_if_needed()
        above, below = page.locator(note).bounding_box(), page.locator(legend).bounding_box()
        assert above and below and 0 <= below["y"] - (above["y"] + above["height"]) <= 16
        assert above["y"] >= 0 and below["y"] + below["height"] <= device["viewport"]["height"]
        assert page.is_visible(note) and page.is_visible(legend)

        def items() -> list[str]:
            return [visible_text(page, f"{legend} li:nth-child({i})") for i in (1, 2)]

        def passed(agent: dict) -> str:
            return page.evaluate(
                "p => window.AlignmentDemos.boatRaceSim.checkpointsPassed(p)", agent["progress"]
            )

        looper, racer = page.evaluate(figure.js())["agents"]
        assert items() == [
            f"Paid for targets (the game's score): game score {looper['score']} · "
            f"checkpoints {passed(looper)}",
            f"Paid for progress: game score {racer['score']} · "
            f"finished the lap at move {racer['finishMove']}",
        ]
        page.eval_on_selector(
            figure.control, "e => { e.value = 30; e.dispatchEvent(new Event('input')); }"
        )
        looper, racer = page.evaluate(figure.js())["agents"]
        assert racer["score"] == 0 and not racer["finished"]
        assert items() == [
            f"Paid for targets (the game's score): game score {looper['score']} · "
            f"checkpoints {passed(looper)}",
            f"Paid for progress: game score 0 · checkpoints {passed(racer)}",
        ]
        assert re.fullmatch(r"[1-7] of 7", passed(racer)), "the racer has passed checkpoints"
    finally:
        context.close()


def test_boat_figure_does_not_animate_under_reduced_motion(page, site_url):
    page.emulate_media(reduced_motion="reduce")
    figure = FIGURES["boat"]
    state = open_figure(page, site_url, figure)
    assert state["reducedMotion"] and not state["playing"] and state["move"] == state["moves"]
    assert not page.is_visible(f"{figure.selector} .demo-play")
    pixels = page.eval_on_selector(f"{figure.selector} canvas", "c => c.toDataURL()")
    page.wait_for_timeout(400)
    assert page.eval_on_selector(f"{figure.selector} canvas", "c => c.toDataURL()") == pixels


def test_tails_figure_parts_proxy_and_truth_in_both_and_turns_with_heavy_tails(page, site_url):
    figure = FIGURES["tails"]
    open_figure(page, site_url, figure)
    page.eval_on_selector(
        figure.control, "e => { e.value = 4; e.dispatchEvent(new Event('input')); }"
    )
    light, heavy = page.evaluate(figure.js())["panels"]
    assert light["proxyAtN"] > light["trueAtN"] + 1 and not light["turnsOver"]
    assert heavy["turnsOver"] and heavy["trueAtN"] < heavy["peakTrue"] - 0.3
    assert f"N = {heavy['peakN']}" in caption(page, figure)
    assert "down from its peak" in summary(page, figure)
    page.eval_on_selector(
        figure.control, "e => { e.value = 0; e.dispatchEvent(new Event('input')); }"
    )
    # not "harder selection helps" at N = 1
    assert "nothing is selected yet" in summary(page, figure)
    assert "regressional Goodhart" in caption(page, figure)


@pytest.mark.parametrize(
    "device", [PHONE, {"viewport": {"width": 1440, "height": 900}}], ids=["phone", "desktop"]
)
def test_tails_figure_peak_label_is_anchored_to_the_peak(browser, site_url, device):
    """The reader review: the chapter's figure put a floating "peak" label away from the peak
    (15 px from a point of the curve no marker showed, at the figure's opening N on a phone; and
    for N from 7 to 30 no label at all). Now an open ring marks the peak, at every N, and its
    label sits right beside the ring (within a few px of its edge), or, where the curves and the
    N marker leave no room, further out with a line to the ring; at the opening N, beside it."""
    figure = FIGURES["tails"]
    context = browser.new_context(**device)
    try:
        page = context.new_page()
        open_figure(page, site_url, figure)
        page.evaluate("document.fonts.ready.then(() => true)")
        reach = page.evaluate("window.AlignmentDemos.lineChart.NOTE_REACH")
        for value in (2, 0, 0.5, 0.85, 1, 1.25, 1.5, 3, 4):
            page.eval_on_selector(
                figure.control,
                f"e => {{ e.value = {value}; e.dispatchEvent(new Event('input')); }}",
            )
            state = page.evaluate(figure.js())
            peak = page.evaluate(
                """() => { const s = window.AlignmentDemos.goodhartTails.state(); const c = s.charts[1];
                   return { x: c.tx(s.panels[1].peakN), y: c.ty(s.panels[1].peakTrue) }; }"""
            )
            chart = state["charts"][1]
            texts = [t for t in chart["texts"] if t["kind"] == "note"]
            assert len(texts) == 1, f"N = {state['n']}: the peak is not named ({texts})"
            ring = [
                b
                for b in chart["obstacles"]["boxes"]
                if b["kind"] == "anchor"
                and abs(b["x"] + b["w"] / 2 - peak["x"]) < 0.01
                and abs(b["y"] + b["h"] / 2 - peak["y"]) < 0.01
            ]
            assert ring, f"N = {state['n']}: the peak is not marked"
            (note,) = chart["notes"]
            assert note["box"] == texts[0]["box"], (note, texts)
            assert abs(note["x"] - peak["x"]) < 0.01 and abs(note["y"] - peak["y"]) < 0.01, (
                note,
                peak,
            )
            box = note["box"]
            dx = max(box["x"] - peak["x"], 0, peak["x"] - (box["x"] + box["w"]))
            dy = max(box["y"] - peak["y"], 0, peak["y"] - (box["y"] + box["h"]))
            distance = (dx * dx + dy * dy) ** 0.5
            # beside the ring: its radius, the space kept round a label, and a few px
            assert distance <= reach or note["leader"], f"N = {state['n']}: {distance:.1f} px away"
            if value == 2:  # N = 100, where the figure opens
                assert distance <= reach and not note["leader"], f"{distance:.1f} px"
    finally:
        context.close()


@pytest.mark.parametrize(
    "device", [PHONE, {"viewport": {"width": 1440, "height": 900}}], ids=["phone", "desktop"]
)
def test_coin_figure_sprites_are_whole_and_clear_of_the_edges(browser, site_url, device):
    """The reader review: the agent at the right end was clipped at the canvas's edge, with a
    sliver of the training coin's ring peeking out behind it. Now the level has open sky beside
    its ends: the agent, the coin and the ring stay whole, at least 8 px from the canvas's sides
    (its corners are rounded), and a ring or a taken coin under the agent goes round it."""
    figure = FIGURES["coin"]
    context = browser.new_context(**device)
    try:
        page = context.new_page()
        open_figure(page, site_url, figure)
        for regime in ("fixed", "varied"):
            page.check(f"{figure.selector} input[value={regime}]")
            for x, y in ((7, 2), (14, 0), (14, 3), (1, 0), (13, 1)):
                page.eval_on_selector(
                    "#lcm-x", f"e => {{ e.value = {x}; e.dispatchEvent(new Event('input')); }}"
                )
                page.eval_on_selector(
                    "#lcm-y", f"e => {{ e.value = {y}; e.dispatchEvent(new Event('input')); }}"
                )
                (drawing,) = page.evaluate(figure.js())["charts"]
                # Nothing of the agent's colour within 8 px of the canvas's sides, as drawn.
                edges = page.eval_on_selector(
                    f"{figure.selector} canvas",
                    """(c) => {
                      const hex = getComputedStyle(c).getPropertyValue("--demo-run-1").trim();
                      const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
                      const band = Math.round(8 * c.width / c.getBoundingClientRect().width);
                      const ctx = c.getContext("2d");
                      let count = 0;
                      for (const x of [0, c.width - band]) {
                        const data = ctx.getImageData(x, 0, band, c.height).data;
                        for (let i = 0; i < data.length; i += 4) {
                          if (data[i + 3] > 200 && want.every((v, k) => Math.abs(data[i + k] - v) <= 6)) count += 1;
                        }
                      }
                      return count;
                    }""",
                )
                assert edges == 0, f"{regime}, coin at {x},{y}: the agent is at the canvas's edge"
                width, height, sprites = drawing["width"], drawing["height"], drawing["sprites"]
                shown = page.locator(f"{figure.selector} canvas").bounding_box()
                assert abs(shown["width"] - width) < 1 and abs(shown["height"] - height) < 1
                where = f"{regime}, coin at {x},{y}"
                for name in ("agent", "coin", "place"):
                    box = sprites[name]
                    assert box["x"] >= 8 and box["x"] + box["w"] <= width - 8, (
                        where,
                        name,
                        box,
                        width,
                    )
                    assert box["y"] >= 0 and box["y"] + box["h"] <= height, (
                        where,
                        name,
                        box,
                        height,
                    )
                agent = sprites["agent"]
                middle = (agent["x"] + agent["w"] / 2, agent["y"] + agent["h"] / 2)
                for name in ("coin", "place"):
                    ring = sprites[name]
                    if (
                        abs(ring["x"] + ring["w"] / 2 - middle[0]) < 1
                        and abs(ring["y"] + ring["h"] / 2 - middle[1]) < 1
                    ):
                        assert (
                            ring["x"] <= agent["x"]
                            and ring["y"] <= agent["y"]
                            and ring["x"] + ring["w"] >= agent["x"] + agent["w"]
                            and ring["y"] + ring["h"] >= agent["y"] + agent["h"]
                        ), f"{where}: the {name} peeks out from behind the agent"
    finally:
        context.close()


def test_tails_figure_fits_one_phone_screen_with_its_control_and_chart(browser, site_url):
    """On a 390 x 844 phone the figure was 939 px tall, more than the 796 px under the header: now
    all of it fits, with the slider, a line with the result and both charts (the light-tailed one
    first, as in the explorer) in view together as the reader drags. The long summary is still
    there for screen readers; on a desktop it shows as before."""
    figure = FIGURES["tails"]
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        open_figure(page, site_url, figure)
        header = page.locator(".md-header").bounding_box()
        page.evaluate(
            f"scrollBy(0, document.querySelector('{figure.selector}').getBoundingClientRect().top"
            f" - {header['y'] + header['height'] + 8})"
        )
        heavy = f"{figure.selector} canvas >> nth=1"
        result = f"{figure.selector} .demo-result"
        for value in (0, 1, 2, 4):  # N from 1 to 10,000
            page.eval_on_selector(
                figure.control,
                f"e => {{ e.value = {value}; e.dispatchEvent(new Event('input')); }}",
            )
            box = page.locator(f"{figure.selector} .demo-live").bounding_box()
            assert box["height"] <= 780, f"the figure is {box['height']:.0f} px tall"
            assert box["y"] >= header["y"] + header["height"] and box["y"] + box["height"] <= 844
            for part in (figure.control, result, heavy):
                part_box = page.locator(part).bounding_box()
                assert part_box["y"] >= box["y"] and part_box["y"] + part_box["height"] <= 844, part
            light_top, heavy_top = page.eval_on_selector_all(
                f"{figure.selector} canvas", "cs => cs.map(c => c.getBoundingClientRect().top)"
            )
            assert light_top < heavy_top, "light tails first, as in the explorer and on a desktop"
        line = page.text_content(result)
        box = page.locator(figure.control).bounding_box()
        page.touchscreen.tap(box["x"] + box["width"] * 0.45, box["y"] + box["height"] / 2)
        assert page.text_content(result) != line, "the line follows the slider"
        state = page.evaluate(figure.js())
        assert page.text_content(result).startswith(f"Best of {state['n']:,}: true value with")
        # the long summary: out of sight on the phone, not out of the accessibility tree (it is
        # not live: the figure's live line says the short result)
        long = page.locator(f"{figure.selector} .demo-summary")
        assert long.get_attribute("aria-live") is None
        assert long.text_content().startswith(f"Best of {state['n']:,}.")
        assert long.evaluate(
            "e => getComputedStyle(e).display !== 'none' && getComputedStyle(e).visibility === 'visible'"
        )
        assert long.bounding_box()["height"] <= 1
        page.set_viewport_size({"width": 1440, "height": 900})
        assert long.bounding_box()["height"] > 40, "on a desktop the summary shows"
    finally:
        context.close()


def test_leash_figure_gold_peaks_while_the_proxy_rises(page, site_url):
    figure = FIGURES["leash"]
    open_figure(page, site_url, figure)
    states = []
    for d in (0.5, 1.0, 3.0):
        page.eval_on_selector(
            figure.control, f"e => {{ e.value = {d}; e.dispatchEvent(new Event('input')); }}"
        )
        states.append(page.evaluate(figure.js()))
    assert states[0]["proxy"] < states[1]["proxy"] < states[2]["proxy"]
    assert (
        states[2]["gold"] < states[1]["gold"]
        and states[2]["pastPeak"]
        and not states[0]["pastPeak"]
    )
    # In words for the eye; each number named for a screen reader (the leash and the reward are
    # both 1.00 at the peak); at d = 3 the proxy is 3 (1 - ln 3) + 3 ln 4 = 3.86 and the gold
    # 3 (1 - ln 3) = -0.30.
    assert summary(page, figure) == (
        "Leash 3.00 (KL 9.00), smaller reward model: the reward model's score 3.86, the true reward "
        "\u22120.30; the true reward is highest, 1.00, at a leash of 1.00. Past a leash of about 1, "
        "extra freedom makes the answers worse while the reward model's score keeps rising. This "
        "leash is too long."
    )
    page.check(f"{figure.selector} input[value=large]")
    larger = page.evaluate(figure.js())
    assert larger["model"] == "large" and larger["peak"]["d"] > states[2]["peak"]["d"]
    text = caption(page, figure)
    assert "not data" in text and "made up for illustration" in text
    # β is the KL penalty's strength on this page (Figure 1, the text): the still's caption does
    # not reuse it for the fitted curve's constant (reader review 11).
    assert "β" not in text, text


@pytest.mark.parametrize(
    "device", [PHONE, {"viewport": {"width": 1440, "height": 900}}], ids=["phone", "desktop"]
)
def test_leash_summary_says_in_words_what_the_leash_does(browser, site_url, device):
    """The reader review: the summary read like instrument output ("Leash 1.50 (KL 2.25)…
    scores the policy 2.27"). Now it says in words what the leash does at this length, for the
    reward model chosen; the numbers, each named, stay for screen readers, visually hidden."""
    figure = FIGURES["leash"]
    context = browser.new_context(**device)
    try:
        page = context.new_page()
        open_figure(page, site_url, figure)

        def seen() -> str:
            text = page.eval_on_selector(f"{figure.selector} .demo-summary", VISIBLE_TEXT)
            return " ".join(text.split())

        helps = "the answers get better, though the score rises faster than they do."
        expected = [
            (
                "small",
                1.5,
                "Past a leash of about 1, extra freedom makes the answers worse while the "
                "reward model's score keeps rising. This leash is too long.",
            ),
            (
                "small",
                1.0,
                "About the best leash for the smaller reward model: its answers are as good as "
                "training can make them. Any longer and they get worse while the score keeps rising.",
            ),
            (
                "small",
                0.5,
                f"A longer leash still helps, up to about 1 with the smaller reward model: {helps}",
            ),
            (
                "large",
                1.5,
                f"A longer leash still helps, up to about 1.6 with the larger reward model: {helps}",
            ),
            (
                "large",
                0.0,
                "No leash at all: training cannot move the model, so neither its score nor its "
                "answers change.",
            ),
        ]
        assert seen() == expected[0][2], "at the leash the figure opens with"
        names = {"small": "smaller reward model", "large": "larger reward model"}
        for model, d, words in expected:
            page.check(f"{figure.selector} input[value={model}]")
            page.eval_on_selector(
                figure.control, f"e => {{ e.value = {d}; e.dispatchEvent(new Event('input')); }}"
            )
            assert seen() == words, (model, d)
            assert not re.search(r"\d\.\d\d|KL", seen()), seen()
            state = page.evaluate(figure.js())
            heard = summary(page, figure)
            assert heard.startswith(f"Leash {d:.2f} (KL {d * d:.2f}), {names[model]}:"), heard
            assert heard.endswith(words), heard
            gold = f"{state['gold']:.2f}"
            gold = gold.lstrip("-") if float(gold) == 0 else gold.replace("-", "\u2212")
            assert f"the true reward {gold}" in heard, heard
    finally:
        context.close()


@pytest.mark.parametrize(
    "device", [PHONE, {"viewport": {"width": 1440, "height": 900}}], ids=["phone", "desktop"]
)
def test_leash_figure_speaks_in_words_and_keeps_the_maths_in_how_it_works(
    browser, site_url, device
):
    """The chapter promises no maths: the x axis is titled in words and the visible notes say
    the constants are made up; α, β and √KL are named only inside the closed "How it works"."""
    figure = FIGURES["leash"]
    context = browser.new_context(**device)
    try:
        page = context.new_page()
        open_figure(page, site_url, figure)
        page.evaluate("document.fonts.ready.then(() => true)")
        page.eval_on_selector(
            figure.control, "e => { e.value = 1.5; e.dispatchEvent(new Event('input')); }"
        )
        (chart,) = page.evaluate(figure.js())["charts"]
        axis = [t["text"] for t in chart["texts"] if t["kind"] == "axis"]
        full, short = page.evaluate(
            "[window.AlignmentDemos.klLeashDraw.X_LABEL, window.AlignmentDemos.klLeashDraw.X_SHORT]"
        )
        x_title = next(t for t in axis if t in (full, short))  # the y axis's is the other one
        assert re.search(r"^how far .*moved .*start", x_title, re.IGNORECASE), x_title
        if device["viewport"]["width"] > 1000:
            assert x_title == full == "How far training moved the model from where it started"
        drawn = " ".join(t["text"] for t in chart["texts"])
        assert not re.search("[αβ√]|KL", drawn), drawn

        live = f"{figure.selector} .demo-live"
        more = f"{live} details"
        assert page.eval_on_selector(more, "d => !d.open")
        seen = visible_text(page, live)
        assert "made up for illustration" in seen and "How it works" in seen
        assert not re.search("[αβ√]", seen), seen
        page.click(f"{more} > summary")
        assert page.eval_on_selector(more, "d => d.open")
        details = visible_text(page, more)
        small, large = page.evaluate(
            "['small', 'large'].map(m => window.AlignmentDemos.klLeashSim.REWARD_MODELS[m])"
        )
        assert "d = √KL" in details and "d(a − b log d)" in details and "made-up" in details
        assert "this b is not the KL penalty's strength" in details
        assert small["beta"] == large["beta"]
        assert (
            f"a = {small['alpha']:g} and b = {small['beta']:g} (a = {large['alpha']:g} for the larger"
            in details
        )
    finally:
        context.close()


def test_coin_figure_agent_runs_past_a_moved_coin_unless_trained_on_variety(page, site_url):
    figure = FIGURES["coin"]
    state = open_figure(page, site_url, figure)
    assert state["regime"] == "fixed" and state["coin"] == {"x": 7, "y": 2}
    assert state["gotCoin"] is False and state["endsAtRightEnd"] is True
    assert re.search(r"runs past the coin to the right end", summary(page, figure))
    page.check(f"{figure.selector} input[value=varied]")
    varied = page.evaluate(figure.js())
    assert varied["gotCoin"] is True and varied["moves"] <= 12
    page.check(f"{figure.selector} input[value=fixed]")
    page.eval_on_selector("#lcm-y", "e => { e.value = 0; e.dispatchEvent(new Event('input')); }")
    on_floor = page.evaluate(figure.js())
    assert on_floor["gotCoin"] is True, "a coin on the way to the right end is taken"
    assert "only because it lies on the way" in summary(page, figure)
