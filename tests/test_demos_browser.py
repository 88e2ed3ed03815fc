"""End-to-end checks of the two interactive demos in headless Chromium, on the real built site.

The simulations report their state through window.AlignmentDemos.*.state(), so these tests
check behaviour (the agent loops, the agent finishes, the curve falls) and not only pixels.
"""
from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

BOAT = "window.AlignmentDemos.boatRace.state()"
GOODHART = "window.AlignmentDemos.goodhart.state()"
TRAINING_TIMEOUT_MS = 60_000


def open_demo(page, url: str, container: str) -> None:
    page.goto(url)
    page.wait_for_selector(f"{container}.js-demo-ready")


def assert_clean(page_log) -> None:
    assert page_log.console_errors == []
    assert page_log.page_errors == []
    assert page_log.foreign_requests == []


def train_and_wait(page, runs_before: int) -> dict:
    page.focus("#br-train")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{BOAT}.runs.length === {runs_before + 1}", timeout=TRAINING_TIMEOUT_MS)
    return page.evaluate(BOAT)


def canvas_pixels(page, selector: str) -> str:
    return page.eval_on_selector(selector, "c => c.toDataURL()")


def tab_to(page, start: str, target_id: str, limit: int = 15) -> None:
    """Press Tab from `start` until the element with `target_id` has focus."""
    page.focus(start)
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == target_id:
            return
    pytest.fail(f"#{target_id} not reachable with Tab from {start}")


# ------------------------------------------------------------------------------------ boat race
def test_boat_race_page_shows_live_demo_without_errors(page, page_log, site_url):
    open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
    assert page.is_visible("#boat-race-demo .demo-live")
    assert not page.is_visible("#boat-race-demo .demo-static")
    assert page.get_attribute("#br-course", "aria-label")
    assert page.eval_on_selector("#br-summary", "e => e.getAttribute('aria-live')") == "polite"
    page.wait_for_load_state("networkidle")
    assert_clean(page_log)


def test_boat_race_reward_slider_works_from_the_keyboard(page, page_log, site_url):
    open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
    tab_to(page, "#br-drive", "br-target-points")
    outline = page.eval_on_selector("#br-target-points", "e => getComputedStyle(e).outlineStyle")
    assert outline not in ("none", ""), "keyboard focus must be visible"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.input_value("#br-target-points") == "12"
    assert page.text_content("output[for=br-target-points]") == "12"
    assert page.evaluate(BOAT)["reward"]["targetPoints"] == 12
    assert_clean(page_log)


def test_game_score_agent_circles_and_progress_agent_finishes(page, page_log, site_url):
    open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
    chart_before = canvas_pixels(page, "#br-score-chart")

    first = train_and_wait(page, 0)
    assert first["episodes"] == first["totalEpisodes"]
    assert first["policyLoops"] is True
    assert first["loopInLagoon"] is True
    assert first["finished"] is False
    assert first["lastScore"] > 0
    assert first["lastProgress"] < 0.5
    assert canvas_pixels(page, "#br-score-chart") != chart_before, "training must redraw the chart"
    assert "never finishes" in page.text_content("#br-summary")

    page.click("#br-preset-progress")
    assert page.evaluate(BOAT)["reward"] == {"targetPoints": 0, "finishBonus": 100, "checkpointReward": 10}
    second = train_and_wait(page, 1)
    assert second["finished"] is True
    assert second["lastProgress"] == 1
    assert second["policyLoops"] is False
    assert [run["finished"] for run in second["runs"]] == [False, True]
    assert page.locator("#br-runs tbody tr").count() == 2
    assert "finishes the race" in page.text_content("#br-summary")
    print(f"\nDefault training run in the browser: {first['trainingMs']:.0f} ms; "
          f"pay-for-progress run: {second['trainingMs']:.0f} ms")
    assert_clean(page_log)


def test_same_seed_gives_the_same_run(page, site_url):
    open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
    page.fill("#br-seed", "77")
    first = train_and_wait(page, 0)
    second = train_and_wait(page, 1)
    a, b = first["runs"][0], second["runs"][1]
    assert (a["seed"], a["score"], a["progress"]) == (b["seed"], b["score"], b["progress"]) == (77, a["score"], a["progress"])


def test_pause_holds_training_and_reset_clears_it(page, page_log, site_url):
    open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
    page.click("#br-train")
    page.wait_for_function(f"{BOAT}.episodes > 0")
    page.click("#br-pause")
    held = page.evaluate(BOAT)["episodes"]
    page.wait_for_timeout(400)
    state = page.evaluate(BOAT)
    assert state["paused"] is True
    assert state["episodes"] == held
    assert page.get_attribute("#br-pause", "aria-pressed") == "true"
    page.click("#br-pause")
    page.wait_for_function(f"{BOAT}.trained", timeout=TRAINING_TIMEOUT_MS)
    page.click("#br-reset")
    state = page.evaluate(BOAT)
    assert (state["mode"], state["episodes"], state["runs"]) == ("idle", 0, [])
    assert_clean(page_log)


def test_reader_can_drive_with_the_keyboard(page, page_log, site_url):
    open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
    page.focus("#br-course")
    page.keyboard.down("ArrowUp")
    page.wait_for_function(f"{BOAT}.driving && {BOAT}.driving.x > 400")
    page.keyboard.up("ArrowUp")
    assert page.evaluate(BOAT)["mode"] == "drive"
    page.keyboard.press("Escape")
    assert page.evaluate(BOAT)["mode"] == "idle"
    assert_clean(page_log)


def test_reduced_motion_shows_the_end_state_without_animating(page, site_url):
    page.emulate_media(reduced_motion="reduce")
    open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
    state = train_and_wait(page, 0)
    assert state["reducedMotion"] is True
    course_then = canvas_pixels(page, "#br-course")
    page.wait_for_timeout(300)
    assert page.evaluate(BOAT)["replayIndex"] == state["replayIndex"] > 0
    assert canvas_pixels(page, "#br-course") == course_then


# ---------------------------------------------------------------------------- Goodhart explorer
def test_goodhart_page_loads_and_light_tails_keep_rising(page, page_log, site_url):
    open_demo(page, f"{site_url}/demos/goodhart-explorer.html", "#goodhart-demo")
    state = page.evaluate(GOODHART)
    assert state["distribution"] == "gaussian"
    assert state["peakN"] == 10_000
    summary = page.text_content("#gh-summary")
    assert f"seed {state['seed']}" in summary and "200 trials" in summary
    page.wait_for_load_state("networkidle")
    assert_clean(page_log)


def test_goodhart_plots_respond_to_the_distribution_switch(page, page_log, site_url):
    open_demo(page, f"{site_url}/demos/goodhart-explorer.html", "#goodhart-demo")
    light = page.evaluate(GOODHART)
    chart_before = canvas_pixels(page, "#gh-selection-chart")
    page.check("#gh-dist-t2")
    page.wait_for_function(f"{GOODHART}.distribution === 't2'")
    heavy = page.evaluate(GOODHART)
    assert heavy["peakN"] <= 100
    assert heavy["trueAtMaxN"] < heavy["peakTrue"] - 0.3
    assert heavy["trueAtMaxN"] < light["trueAtMaxN"]
    assert canvas_pixels(page, "#gh-selection-chart") != chart_before
    assert "peaks" in page.text_content("#gh-summary")
    assert_clean(page_log)


def test_goodhart_selection_slider_works_from_the_keyboard(page, site_url):
    open_demo(page, f"{site_url}/demos/goodhart-explorer.html", "#goodhart-demo")
    before = page.evaluate(GOODHART)
    overopt_before = canvas_pixels(page, "#gh-overopt-chart")
    tab_to(page, "#gh-scale", "gh-n")
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"{GOODHART}.renders > {before['renders']}")
    after = page.evaluate(GOODHART)
    assert after["n"] > before["n"]
    assert page.get_attribute("#gh-n", "aria-valuetext") == f"best of {after['n']:,}"
    assert canvas_pixels(page, "#gh-overopt-chart") != overopt_before


# ------------------------------------------------------------------------- fallbacks and file://
@pytest.mark.parametrize("name", ["boat-race", "goodhart-explorer"])
def test_print_shows_the_static_figure(page, site_url, name):
    page.goto(f"{site_url}/demos/{name}.html")
    page.wait_for_selector(".js-demo-ready")
    page.emulate_media(media="print")
    assert page.is_visible(".demo-static img")
    assert not page.is_visible(".demo-live")


@pytest.mark.parametrize("name", ["boat-race", "goodhart-explorer"])
def test_without_javascript_the_static_figure_tells_the_result(browser, site_url, name):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/demos/{name}.html")
        assert page.is_visible(".demo-static img")
        assert not page.is_visible(".demo-live")
        caption = page.text_content(".demo-static figcaption")
        assert "interactive version" in caption
        natural_width = page.eval_on_selector(".demo-static img", "i => i.complete && i.naturalWidth")
        assert natural_width, "the static figure must load"
    finally:
        context.close()


def test_demos_work_opened_from_a_folder(page, page_log, site_dir: Path):
    page.goto((site_dir / "demos" / "boat-race.html").as_uri())
    page.wait_for_selector("#boat-race-demo.js-demo-ready")
    assert page.evaluate(BOAT)["mode"] == "idle"
    page.goto((site_dir / "demos" / "goodhart-explorer.html").as_uri())
    page.wait_for_selector("#goodhart-demo.js-demo-ready")
    assert page.evaluate(GOODHART)["points"]
    assert page_log.page_errors == []
    assert page_log.foreign_requests == []


def test_charts_redraw_in_the_dark_scheme(page, site_url):
    open_demo(page, f"{site_url}/demos/goodhart-explorer.html", "#goodhart-demo")
    light = canvas_pixels(page, "#gh-selection-chart")
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    page.wait_for_function(
        "c => document.querySelector('#gh-selection-chart').toDataURL() !== c", arg=light,
    )
    proxy_colour = page.evaluate(
        "getComputedStyle(document.querySelector('#goodhart-demo')).getPropertyValue('--demo-proxy').trim()"
    )
    assert proxy_colour == "#f0a35e"
