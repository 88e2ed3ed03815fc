"""The boat race seen whole (a reader review): the boat, the controls, the numbers and the result
in words on one screen when an agent trains and replays, the result's words held until the
replay has shown them, Home's "Watch an AI win the wrong game" landing on a run under way, and
Material's "Back to top" kept off the demos."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_boat_phone_browser import BACK_TO_TOP_SHOWN, reader_scrolls
from test_demos_browser import BOAT, TRAINING_TIMEOUT_MS, boat_context, open_demo, press

pytestmark = pytest.mark.browser

LABEL_CHECK = Path(__file__).parent / "js" / "support" / "label-check.js"
BOAT_API = "window.AlignmentDemos.boatRace"


def on_screen(page, selector: str) -> bool:
    """The whole element on the screen, under Material's header."""
    box = page.locator(selector).bounding_box()
    header = page.locator(".md-header").bounding_box()
    top = header["y"] + header["height"] - 1
    return box["y"] >= top and box["y"] + box["height"] <= page.viewport_size["height"] + 1


# From now on, at every frame: the demo's state, the replay's move and whether the summary
# speaks of the circling (window.__verdict).
WATCH_THE_VERDICT = """() => { window.__verdict = [];
  const demo = document.querySelector('#boat-race-demo');
  const summary = document.querySelector('#br-summary');
  const tick = () => {
    const s = window.AlignmentDemos.boatRace.state();
    window.__verdict.push({ state: demo.dataset.state, index: s.replayIndex,
                            circles: /lagoon|circles|never finishes/.test(summary.textContent) });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick); }"""


def test_on_a_phone_train_brings_the_course_and_the_result_into_view(browser, site_url):
    """390 x 844: "Train agent" is a screen and more below the course. Pressed, the page glides up
    to the course, its readout (with the training's numbers) and the summary under it; the
    summary says nothing of the circling until the replay has shown two laps of it."""
    context = boat_context(browser, "phone")
    try:
        page = context.new_page()
        open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
        page.locator("#br-train").scroll_into_view_if_needed()
        assert not on_screen(page, "#br-course")
        page.evaluate(WATCH_THE_VERDICT)
        press(page, "#br-train", True)
        page.wait_for_function(f"{BOAT}.episodes > 40")
        page.wait_for_timeout(600)  # the glide is over
        assert on_screen(page, "#br-course"), page.locator("#br-course").bounding_box()
        assert on_screen(page, "#br-hud")
        summary = page.locator("#br-summary").bounding_box()
        assert summary["y"] + 60 < page.viewport_size["height"], (
            f"the summary is not in view: {summary}"
        )
        assert "game score" in page.text_content("#br-hud"), "the training's numbers by the course"
        page.wait_for_function(f"{BOAT}.runs.length === 1", timeout=TRAINING_TIMEOUT_MS)
        run = page.evaluate(BOAT)["runs"][0]
        shown_at = run["loopStart"] + 2 * run["loopLength"]
        assert run["policyLoops"] and shown_at > 20
        page.wait_for_function(f"{BOAT}.replayIndex >= {shown_at} + 3", timeout=10_000)
        frames = page.evaluate("window.__verdict")
        trained = [f for f in frames if f["state"] == "trained"]
        early = [f["index"] for f in trained if f["circles"] and f["index"] < shown_at]
        assert not early, f"the summary told the circling before the replay showed it: {early[:5]}"
        assert any(not f["circles"] for f in trained), "the result was there at once"
        assert "circles" in page.text_content("#br-summary")
        assert not page.evaluate(BOAT)["verdictHeld"]
        assert on_screen(page, "#br-course"), "the page stayed on the course"
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_laptop_the_course_stays_beside_the_train_button_and_the_charts(
    browser, site_url, scheme
):
    """1440 x 900: the course had been a screen above the Train button, two-thirds of the width
    empty. Now the course, its readout and the summary stay in view beside the controls and the
    charts; pressing Train brings the Train button and both charts on screen with it, and they
    stay there while the agent trains and its route replays."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
        page.locator("#br-train").scroll_into_view_if_needed()
        page.locator("#br-train").click()
        page.wait_for_function(f"{BOAT}.episodes > 40")
        page.wait_for_timeout(600)
        for selector in (
            "#br-course",
            "#br-hud",
            "#br-train",
            "#br-score-chart",
            "#br-progress-chart",
        ):
            assert on_screen(page, selector), (selector, page.locator(selector).bounding_box())
        course = page.locator("#br-course").bounding_box()
        chart = page.locator("#br-score-chart").bounding_box()
        assert course["x"] + course["width"] <= chart["x"], "side by side"
        assert course["width"] >= 480, course
        page.wait_for_function(f"{BOAT}.runs.length === 1", timeout=TRAINING_TIMEOUT_MS)
        page.wait_for_function(f"!{BOAT}.verdictHeld", timeout=10_000)
        for selector in ("#br-course", "#br-train", "#br-score-chart", "#br-progress-chart"):
            assert on_screen(page, selector), selector
        summary = page.locator("#br-summary").bounding_box()
        assert summary["y"] + summary["height"] <= 900, summary
        # Reading on down the right-hand column, the course stays.
        page.mouse.move(1100, 500)
        page.mouse.wheel(0, 250)
        page.wait_for_timeout(300)
        assert on_screen(page, "#br-course"), "the course stays in view (sticky)"
    finally:
        context.close()


# Each chart's label problems as last drawn (tests/js/support/label-check.js): texts off the
# canvas, under 11 px, over each other or over the data.
CHART_LABEL_PROBLEMS = f"""() => Object.entries({BOAT_API}.chartDrawings())
  .map(([name, d]) => [name, Math.round(d.height), labelCheck.labelProblems(d)])"""

# Where the summary's words end inside its box: the box's foot less the last line's foot (px).
SUMMARY_SLACK = """() => { const s = document.querySelector('#br-summary');
  const words = document.createRange(); words.selectNodeContents(s);
  return s.getBoundingClientRect().bottom - words.getBoundingClientRect().bottom; }"""

# From now on, at every frame: the summary's words and box height, and where the course, the
# Train button, both charts and the summary stand on the screen (window.__frames).
WATCH_THE_DEMO = """() => { window.__frames = [];
  const top = (id) => Math.round(document.getElementById(id).getBoundingClientRect().top);
  const tick = () => {
    const s = document.querySelector('#br-summary');
    window.__frames.push({ words: s.textContent.slice(0, 60), height: Math.round(s.offsetHeight),
      course: top('br-course'), train: top('br-train'), score: top('br-score-chart'),
      progress: top('br-progress-chart'), summary: top('br-summary') });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick); }"""


@pytest.mark.parametrize(
    ("width", "height", "scheme"),
    [(1280, 720, "light"), (1280, 720, "dark"), (1366, 768, "light"), (1440, 900, "dark")],
)
def test_on_a_laptop_screen_the_course_train_and_both_charts_share_the_screen(
    browser, site_url, width, height, scheme
):
    """At 1280 x 720 the progress chart had ended 170 px below the screen's foot while the reader
    watched the course and the Train button (a reader review): the charts were as tall as at
    1440 x 900. Now each chart is at most half the screen's height less the panel's and the
    captions' room: pressing Train brings the course, its readout, the Train button and both
    charts with their captions on one screen, and keeps them there while the agent trains and
    its route replays; the charts' labels stay clear of each other and of the data, at 11 px
    and more, with both runs' lines and legends."""
    context = browser.new_context(
        viewport={"width": width, "height": height},
        color_scheme=scheme,
        reduced_motion="no-preference",
    )
    try:
        page = context.new_page()
        open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
        page.add_script_tag(path=str(LABEL_CHECK))
        page.locator("#br-train").scroll_into_view_if_needed()
        page.locator("#br-train").click()
        page.wait_for_function(f"{BOAT}.episodes > 40")
        page.wait_for_timeout(700)  # the glide is over
        shown = ("#br-course", "#br-hud", "#br-train", "#br-score-chart", "#br-progress-chart")
        for selector in (*shown, "#br-progress-chart + figcaption"):
            assert on_screen(page, selector), (selector, page.locator(selector).bounding_box())
        course = page.locator("#br-course").bounding_box()
        chart = page.locator("#br-score-chart").bounding_box()
        assert course["x"] + course["width"] <= chart["x"], "side by side"
        assert chart["height"] >= 180 - 0.5, f"a chart under 9rem: {chart}"
        page.wait_for_function(f"{BOAT}.runs.length === 1", timeout=TRAINING_TIMEOUT_MS)
        page.wait_for_timeout(300)
        for selector in shown:
            assert on_screen(page, selector), selector
        # Run 2, paid for progress, skipped to its replay: both runs in each chart.
        page.locator("#br-preset-progress").click()
        page.locator("#br-train").click()
        page.wait_for_function(f"{BOAT}.episodes > 0")
        page.locator("#br-skip").click()
        page.wait_for_function(f"{BOAT}.runs.length === 2", timeout=TRAINING_TIMEOUT_MS)
        page.wait_for_timeout(900)  # the skip's glide to the course is over
        for selector in shown:
            assert on_screen(page, selector), selector
        charts = page.evaluate(CHART_LABEL_PROBLEMS)
        assert [name for name, _, _ in charts] == ["score", "progress"]
        for name, drawn_height, problems in charts:
            assert drawn_height >= 180 and problems == [], (name, drawn_height, problems)
        legends = page.evaluate(
            f"Object.values({BOAT_API}.chartDrawings())"
            ".map(d => d.texts.filter(t => t.kind === 'legend').length)"
        )
        assert legends == [2, 2], legends
    finally:
        context.close()


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_the_summary_box_ends_with_its_words_and_nothing_the_reader_watches_moves(
    browser, site_url, device
):
    """The summary had kept the height of the training's words (six lines at 1280 px) after the
    run had learned, so under "Run 1 ... has learned. Its route replays on the course" an empty
    band of 160 px (250 px on a phone) stayed for as long as the replay ran (a reader review).
    Now the box ends with its words, its padding under them, in every state. What the reader
    watches when the words change does not move: from 960 px (1280 x 720 here) the summary is the
    foot of the column that stays in view beside the charts, and nothing on the screen moves; on
    a phone, where the page glided up to the course, the course and the summary's first line stay
    put while what follows the words comes up and then goes down with the result."""
    phone = device == "phone"
    context = (
        boat_context(browser, "phone")
        if phone
        else browser.new_context(viewport={"width": 1280, "height": 720})
    )
    try:
        page = context.new_page()
        open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
        padding = page.eval_on_selector(
            "#br-summary", "s => parseFloat(getComputedStyle(s).paddingBottom)"
        )
        assert page.evaluate(SUMMARY_SLACK) <= padding + 8, "idle"
        page.locator("#br-train").scroll_into_view_if_needed()
        press(page, "#br-train", phone)
        page.wait_for_function(f"{BOAT}.episodes > 40")
        page.wait_for_timeout(700)  # the glide is over
        assert page.evaluate(SUMMARY_SLACK) <= padding + 8, "training"
        page.evaluate(WATCH_THE_DEMO)
        page.wait_for_function(f"{BOAT}.runs.length === 1", timeout=TRAINING_TIMEOUT_MS)
        page.wait_for_timeout(100)
        assert "has learned" in page.text_content("#br-summary")
        slack = page.evaluate(SUMMARY_SLACK)
        assert slack <= padding + 8, f"{slack - padding:.0f} px of empty box under 'has learned'"
        page.wait_for_function(f"!{BOAT}.verdictHeld", timeout=10_000)
        page.wait_for_timeout(300)
        assert "never finishes" in page.text_content("#br-summary")
        assert page.evaluate(SUMMARY_SLACK) <= padding + 8, "the result"
        frames = page.evaluate("window.__frames")
        words = [f["words"][:24] for f in frames]
        assert len(set(words)) == 3, f"training, learned, result: {sorted(set(words))}"
        heights = sorted({f["height"] for f in frames})
        assert heights[-1] - heights[0] > 100, f"the box kept one height: {heights}"
        watched = ("course", "summary") if phone else ("course", "train", "score", "progress")
        for key in watched:
            places = sorted({f[key] for f in frames})
            assert places[-1] - places[0] <= 1, f"the {key} moved on the screen: {places}"
        assert on_screen(page, "#br-course")
        if phone:
            train = sorted({f["train"] for f in frames})
            assert train[-1] - train[0] > 100, "what follows the summary follows its words"
        else:
            assert on_screen(page, "#br-summary")
    finally:
        context.close()


def test_home_watch_button_opens_the_demo_training(browser, site_url):
    """Home's "Watch an AI win the wrong game" landed on a page where nothing moved until the
    reader found the Train button: it opens the demo with the first run training, in view."""
    for device in ("phone", "desktop"):
        context = boat_context(browser, device)
        try:
            page = context.new_page()
            page.goto(f"{site_url}/index.html")
            link = page.get_by_role("link", name="Watch an AI win the wrong game")
            assert link.get_attribute("href") == "demos/boat-race.html#watch"
            link.click()
            page.wait_for_selector("#boat-race-demo.js-demo-ready")
            page.wait_for_function(f"{BOAT}.mode === 'training' || {BOAT}.runs.length > 0")
            page.wait_for_timeout(800)
            assert on_screen(page, "#br-course"), (
                device,
                page.locator("#br-course").bounding_box(),
            )
        finally:
            context.close()


@pytest.mark.parametrize(
    ("path", "demo"),
    [("demos/boat-race.html", "#boat-race-demo"), ("specification-gaming.html", "#live-boat-loop")],
)
def test_back_to_top_stays_off_a_demo(browser, site_url, path, demo):
    """Material's "Back to top" floated over a demo's controls and a chart's labels while the
    reader scrolled up (a reader review). Over a demo it does not show; elsewhere it does."""
    context = boat_context(browser, "phone")
    try:
        page = context.new_page()
        page.goto(f"{site_url}/{path}")
        page.wait_for_selector(f"{demo}.js-demo-ready, {demo} .js-demo-ready", state="attached")
        # Below the demo, then up by the reader onto it.
        bottom = page.eval_on_selector(demo, "d => d.getBoundingClientRect().bottom + scrollY")
        page.evaluate(f"window.scrollTo(0, {bottom} + 200)")
        page.wait_for_timeout(300)
        reader_scrolls(page, -500)
        assert page.eval_on_selector(
            demo,
            "d => { const r = d.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }",
        )
        assert not page.evaluate(BACK_TO_TOP_SHOWN), "'Back to top' over the demo"
        assert page.eval_on_selector(".md-top", "b => getComputedStyle(b).visibility") == "hidden"
        # Further down, off the demo, scrolled up by the reader: Material's rule, as on every page.
        page.evaluate(f"window.scrollTo(0, {bottom} + 600)")
        page.wait_for_timeout(300)
        reader_scrolls(page, -150)
        assert page.eval_on_selector(demo, "d => d.getBoundingClientRect().bottom < 0")
        assert page.evaluate(BACK_TO_TOP_SHOWN), "off the demos the button shows as before"
    finally:
        context.close()
