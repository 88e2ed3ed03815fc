"""End-to-end checks of the two interactive demos in headless Chromium, on the real built site.

The simulations report their state through window.AlignmentDemos.*.state(), so these tests
check behaviour (the agent loops, the agent finishes, the curve falls) and not only pixels.
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest

from test_glossary_terms_browser import focused_ax_node

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


def train_and_wait(page, runs_before: int, *, on_the_clock: bool = False) -> dict:
    """Press Train by keyboard and wait for the run; on_the_clock: run the page's clock on to it
    (run_the_clock_until)."""
    page.focus("#br-train")
    page.keyboard.press("Enter")
    trained = f"{BOAT}.runs.length === {runs_before + 1}"
    if on_the_clock:
        run_the_clock_until(page, trained)
    page.wait_for_function(trained, timeout=TRAINING_TIMEOUT_MS)
    return page.evaluate(BOAT)


def run_the_clock_until(page, condition: str, step_ms: int = 1000) -> None:
    """Run the page's clock (page.clock, installed before the page opened) on, `step_ms` at a
    time, until `condition` holds. A run trains two episodes a frame, 250 frames, about four
    seconds of real time for a test that wants its outcome, not its animation: on the clock every
    frame and timer still runs, in order, without the wait (a scratch comparison found the same
    runs, table, summary, live line and chart pixels). Between runs the clock keeps real time."""
    for _ in range(TRAINING_TIMEOUT_MS // step_ms):
        if page.evaluate(condition):
            return
        page.clock.run_for(step_ms)


def canvas_pixels(page, selector: str) -> str:
    return page.eval_on_selector(selector, "c => c.toDataURL()")


COUNT_COLOUR = """([selector, variable]) => {
  const canvas = document.querySelector(selector);
  const hex = getComputedStyle(canvas).getPropertyValue(variable).trim();
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] > 200 && want.every((v, k) => Math.abs(data[i + k] - v) <= 6)) count += 1;
  }
  return count;
}"""


def colour_pixels(page, selector: str, variable: str) -> int:
    """How many pixels of the canvas have the colour of a CSS custom property (e.g. a run's)."""
    return page.evaluate(COUNT_COLOUR, [selector, variable])


def overlaps(a: dict, b: dict) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


# ------------------------------------------------------------------ what a screen reader hears
# A live region is an element with aria-live (other than "off") or with a role that is live by
# default: <output> is a status, and was heard at every step of its slider.
LIVE_ROOT = """(node) => {
  for (let e = node.nodeType === 1 ? node : node.parentElement; e; e = e.parentElement) {
    const live = e.getAttribute("aria-live");
    if (live) return live === "off" ? null : e;
    if (e.matches("output, [role=status], [role=alert], [role=log], [role=timer], [role=marquee]")) return e;
  }
  return null;
}"""
LIVE_REGIONS = f"""sel => [...document.querySelectorAll(sel + ' *')]
  .filter(e => ({LIVE_ROOT})(e) === e)
  .map(e => ({{tag: e.tagName.toLowerCase(), id: e.id, cls: e.className, text: e.textContent}}))"""
# Records every change to a live region inside `within`, and every rewrite of an <output>, from
# now on (window.__demoChanges): one entry per element per batch of mutations.
RECORD_CHANGES = f"""within => {{
  const liveRoot = {LIVE_ROOT};
  window.__demoChanges = [];
  const watch = () => new MutationObserver((records) => {{
    const seen = new Set();
    for (const record of records) {{
      const element = record.target.nodeType === 1 ? record.target : record.target.parentElement;
      const region = liveRoot(record.target);
      const output = element && element.closest("output");
      for (const e of [region, output]) {{
        if (!e || seen.has(e) || !e.closest(within)) continue;
        seen.add(e);
        window.__demoChanges.push({{
          live: e === region, tag: e.tagName.toLowerCase(), id: e.id || e.getAttribute("for") || e.className,
          text: e.textContent, at: performance.now(),
        }});
      }}
    }}
  }}).observe(document, {{ subtree: true, childList: true, characterData: true }});
  watch();
  document.addEventListener("keydown", () => {{ window.__lastKeyAt = performance.now(); }}, true);
}}"""


def live_regions(page, within: str) -> list[dict]:
    """The live regions inside `within`, by the DOM's attributes and roles."""
    return page.evaluate(LIVE_REGIONS, within)


def record_changes(page, within: str) -> None:
    page.evaluate(RECORD_CHANGES, within)


def live_changes(page) -> list[dict]:
    """What the live regions said since record_changes (and forget it)."""
    return [c for c in page.evaluate("window.__demoChanges.splice(0)") if c["live"]]


def ax_live(page, selector: str) -> list[str | None]:
    """How Chromium's accessibility tree, which screen readers read, marks each element matching
    `selector`: "polite", "assertive", or None (not live, or "off")."""
    cdp = page.context.new_cdp_session(page)
    try:
        document = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        found = cdp.send("DOM.querySelectorAll", {"nodeId": document, "selector": selector})
        marks: list[str | None] = []
        for node_id in found["nodeIds"]:
            nodes = cdp.send(
                "Accessibility.getPartialAXTree", {"nodeId": node_id, "fetchRelatives": False}
            )["nodes"]
            live = {
                prop["value"].get("value")
                for node in nodes
                for prop in node.get("properties", [])
                if prop["name"] == "live"
            }
            marks.append(next((m for m in live if m in ("polite", "assertive")), None))
        return marks
    finally:
        cdp.detach()


def ax_focused(page) -> dict[str, str]:
    """The focused element's role, accessible name and accessible description (aria-describedby's
    text, in order), as Chromium's accessibility tree gives them to a screen reader."""
    node = focused_ax_node(page)
    return {
        key: (node.get(key) or {}).get("value") or "" for key in ("role", "name", "description")
    }


def sentences(text: str) -> list[str]:
    """The sentences and clauses of `text` (split at . ; and ·), lower case, without a leading
    "you": "You stopped driving." and "Stopped driving." are the same news."""
    parts = (re.sub(r"^you\b\s*", "", p.strip().lower()) for p in re.split(r"[.;·]", text))
    return [p for p in parts if p]


def said_once_keys_settle(page, within: str, control: str, key: str) -> str:
    """Press `key` three times on `control` and wait: the live regions within `within` say one
    thing, and only after the keys settle (the announcer waits for the last of them)."""
    record_changes(page, within)
    page.focus(control)
    for _ in range(3):
        page.keyboard.press(key)
    # when the page saw the last key, not when this process asked afterwards: on a loaded
    # machine that round trip alone took longer than the announcer's wait
    pressed = page.evaluate("window.__lastKeyAt")
    page.wait_for_timeout(1200)
    changes = live_changes(page)
    assert len(changes) == 1, changes
    assert changes[0]["at"] - pressed >= 300, "said before the keys settled"
    return changes[0]["text"]


def assert_one_live_line(page, within: str) -> None:
    """The demo's one live region is its short announcement line: no <output> (a slider's
    aria-valuetext already speaks its value) and no long summary is live, in the DOM and in the
    accessibility tree."""
    regions = live_regions(page, within)
    assert len(regions) == 1 and "demo-announce" in regions[0]["cls"], regions
    assert ax_live(page, f"{within} .demo-announce") == ["polite"]
    quiet = ax_live(page, f"{within} output, {within} .demo-summary")
    assert quiet and set(quiet) == {None}, quiet


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
    # The summary is there to read; what a screen reader hears is the one short live line.
    assert page.get_attribute("#br-summary", "aria-live") is None
    assert_one_live_line(page, "#boat-race-demo")
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
    page.clock.install()
    open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
    chart_before = canvas_pixels(page, "#br-score-chart")

    first = train_and_wait(page, 0, on_the_clock=True)
    assert first["episodes"] == first["totalEpisodes"]
    assert first["policyLoops"] is True
    assert first["loopInLagoon"] is True
    assert first["finished"] is False
    assert first["lastScore"] > 0
    assert first["lastProgress"] < 0.5
    assert canvas_pixels(page, "#br-score-chart") != chart_before, "training must redraw the chart"
    # The result in words waits for the replay to show two laps of the loop (on the clock).
    assert "circles" not in page.text_content("#br-summary")
    run_the_clock_until(page, f"!{BOAT}.verdictHeld", step_ms=500)
    assert "never finishes" in page.text_content("#br-summary")
    # Run 1 has one colour, the same in both charts; run 2's colour is not used yet.
    for chart in ("#br-score-chart", "#br-progress-chart"):
        assert colour_pixels(page, chart, "--demo-run-1") > 50, chart
        assert colour_pixels(page, chart, "--demo-run-2") == 0, chart

    page.click("#br-preset-progress")
    assert page.evaluate(BOAT)["reward"] == {
        "targetPoints": 0,
        "finishBonus": 100,
        "checkpointReward": 10,
    }
    second = train_and_wait(page, 1, on_the_clock=True)
    assert second["finished"] is True
    assert second["lastProgress"] == 1
    assert second["policyLoops"] is False
    assert [run["finished"] for run in second["runs"]] == [False, True]
    assert page.locator("#br-runs tbody tr").count() == 2
    run_the_clock_until(page, f"!{BOAT}.verdictHeld", step_ms=500)  # the replay's finish
    assert "finishing the lap in" in page.text_content("#br-summary")
    for chart in ("#br-score-chart", "#br-progress-chart"):
        assert colour_pixels(page, chart, "--demo-run-1") > 50, chart
        assert colour_pixels(page, chart, "--demo-run-2") > 50, chart
    print(
        f"\nDefault training run in the browser, on the page's clock: {first['trainingMs']:.0f} ms;"
        f" pay-for-progress run: {second['trainingMs']:.0f} ms"
    )
    assert_clean(page_log)


# The boat's pixels on the course, around where state() says it was drawn: how many have each
# run's colour and how many the course's own boat colour (the reader's boat).
BOAT_PIXELS = """() => {
  const state = window.AlignmentDemos.boatRace.state();
  const canvas = document.querySelector("#br-course");
  const style = getComputedStyle(canvas);
  const rgb = (name) => { const hex = style.getPropertyValue(name).trim(); return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)); };
  const sx = canvas.width / state.courseWidth, sy = canvas.height / state.courseHeight;
  const r = Math.round(30 * sx);
  const x0 = Math.max(0, Math.round(state.boat.x * sx) - r), y0 = Math.max(0, Math.round(state.boat.y * sy) - r);
  const data = canvas.getContext("2d").getImageData(x0, y0, 2 * r, 2 * r).data;
  const count = (want) => { let n = 0; for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] > 200 && want.every((v, k) => Math.abs(data[i + k] - v) <= 6)) n += 1; } return n; };
  return { boat: state.boat, run: state.courseRun, colours: { run1: style.getPropertyValue("--demo-run-1").trim(),
           run2: style.getPropertyValue("--demo-run-2").trim(), boat: style.getPropertyValue("--demo-boat").trim() },
           pixels: { run1: count(rgb("--demo-run-1")), run2: count(rgb("--demo-run-2")), boat: count(rgb("--demo-boat")) } };
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_replayed_boat_is_drawn_in_its_runs_colour(browser, site_url, scheme):
    """The reader review: in the "pay for progress" replay the boat kept run 1's pink while its
    trail, its chart lines and its row were run 2's green. Each agent's boat, replaying (and
    training), is its run's colour; the reader's own boat keeps the course's. Under reduced
    motion the replay holds the route's end, so the boat stands still to be measured."""
    context = browser.new_context(color_scheme=scheme, reduced_motion="reduce")
    try:
        page = context.new_page()
        open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
        assert colour_pixels(page, "#br-course", "--demo-boat") > 40, "the reader's boat, idle"
        for number, preset in ((1, "#br-preset-game"), (2, "#br-preset-progress")):
            page.click(preset)
            train_and_wait(page, number - 1)
            page.wait_for_function(f"{BOAT}.mode === 'replay'")
            # No pink boat anywhere on the course: the course's boat colour is the reader's own.
            assert colour_pixels(page, "#br-course", "--demo-boat") == 0, f"run {number}"
            seen = page.evaluate(BOAT_PIXELS)
            own, other = (f"run{number}", f"run{3 - number}")
            assert seen["run"]["number"] == number, seen
            assert seen["boat"]["colour"] == seen["run"]["colour"] == seen["colours"][own], seen
            # Drawn so: the hull's pixels round the boat are the run's colour, none the pink boat's.
            assert seen["pixels"][own] > 40 and seen["pixels"]["boat"] == 0, seen
            if number == 2:
                assert seen["pixels"][other] == 0, "run 1's colour is nowhere near run 2's boat"
    finally:
        context.close()


def test_same_seed_gives_the_same_run(page, site_url):
    page.clock.install()
    open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
    page.fill("#br-seed", "77")
    first = train_and_wait(page, 0, on_the_clock=True)
    second = train_and_wait(page, 1, on_the_clock=True)
    a, b = first["runs"][0], second["runs"][1]
    assert (
        (a["seed"], a["score"], a["progress"])
        == (b["seed"], b["score"], b["progress"])
        == (77, a["score"], a["progress"])
    )


def test_pause_holds_training_and_reset_clears_it(page, page_log, site_url):
    page.clock.install()  # the rest of the run, once resumed, is trained on it
    open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
    # Idle, there is nothing to pause: Pause says so and a click changes nothing.
    assert page.get_attribute("#br-pause", "aria-disabled") == "true"
    page.click("#br-pause", force=True)  # Playwright waits for an enabled button: click anyway
    assert page.text_content("#br-pause") == "Pause"
    assert page.evaluate(BOAT)["paused"] is False
    page.click("#br-train")
    assert page.get_attribute("#br-pause", "aria-disabled") == "false"
    page.wait_for_function(f"{BOAT}.episodes > 0")
    page.click("#br-pause")
    held = page.evaluate(BOAT)["episodes"]
    page.wait_for_timeout(400)
    state = page.evaluate(BOAT)
    assert state["paused"] is True
    assert state["episodes"] == held
    # The label says what the button does next, and only the label: "Resume, toggle button,
    # pressed" gave two answers to one question.
    assert page.text_content("#br-pause") == "Resume"
    assert page.get_attribute("#br-pause", "aria-pressed") is None
    page.click("#br-pause")
    assert page.text_content("#br-pause") == "Pause"
    run_the_clock_until(page, f"{BOAT}.trained")
    page.wait_for_function(f"{BOAT}.trained", timeout=TRAINING_TIMEOUT_MS)
    page.click("#br-reset")
    state = page.evaluate(BOAT)
    assert (state["mode"], state["episodes"], state["runs"]) == ("idle", 0, [])
    assert page.get_attribute("#br-pause", "aria-disabled") == "true"
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


def test_driving_while_an_agent_trains_drops_the_run_in_so_many_words(page, site_url):
    """A reader review: Drive pressed while run 1 trained dropped it without a word, its line
    left ending mid-chart, the summary still saying "You are driving" after Esc, and on a touch
    screen nothing could stop the drive. Now the summary says the run was dropped, its line goes,
    the next run is run 1 again, and the button says "Stop driving" while the reader drives."""
    open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
    page.click("#br-train")
    page.wait_for_function(f"{BOAT}.episodes >= 20", timeout=TRAINING_TIMEOUT_MS)
    assert colour_pixels(page, "#br-score-chart", "--demo-run-1") > 0
    drive = page.locator("#br-drive")
    drive.click()
    assert page.evaluate(BOAT)["mode"] == "drive"
    summary = page.text_content("#br-summary")
    assert summary.startswith("Training run 1 stopped before it finished"), summary
    assert "You are driving" in summary
    for chart in ("#br-score-chart", "#br-progress-chart"):
        assert colour_pixels(page, chart, "--demo-run-1") == 0, f"{chart}: the dropped run's line"
    assert drive.inner_text() == "Stop driving"
    drive.click()
    assert page.evaluate(BOAT)["mode"] == "idle"
    assert drive.inner_text() == "Drive the boat"
    assert page.text_content("#br-summary").startswith("You stopped driving")
    page.click("#br-train")
    assert page.text_content("#br-summary").startswith("Training run 1 ")
    # Esc stops a drive too, and says so where the reader reads.
    page.click("#br-reset")
    drive.click()
    page.keyboard.press("Escape")
    assert page.evaluate(BOAT)["mode"] == "idle"
    assert page.text_content("#br-summary").startswith("You stopped driving")


def test_the_course_is_an_application_while_driven_and_says_the_checkpoints(page, site_url):
    """A screen reader in browse mode keeps the arrow keys for itself on a picture (role img):
    while the reader drives, the course is an application, named and described by short steering
    instructions, so the keys reach it. Checkpoints passed are announced; the moves are not."""
    open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
    course = "#br-course"
    assert page.get_attribute(course, "role") == "img"
    page.click("#br-drive")
    assert page.evaluate("document.activeElement.id") == "br-course"
    assert page.get_attribute(course, "role") == "application"
    assert "driving" in (page.get_attribute(course, "aria-label") or "")
    (described,) = (page.get_attribute(course, "aria-describedby") or "").split()
    keys = page.text_content(f"#{described}")
    assert "Esc" in keys and "checkpoint" in keys and len(keys) < 250, keys
    record_changes(page, "#boat-race-demo")
    page.keyboard.down("ArrowUp")  # straight along the bottom straight, through checkpoint 1
    page.wait_for_function(f"{BOAT}.driving.checkpoints >= 1", timeout=10_000)
    page.keyboard.up("ArrowUp")
    page.wait_for_timeout(1500)
    said = [c["text"] for c in live_changes(page)]
    passed = page.evaluate(BOAT)["driving"]["checkpoints"]
    assert said and said[0] == "Checkpoint 1 of 7", said
    assert len(said) <= passed, f"more said than checkpoints passed: {said}"
    page.keyboard.press("Escape")
    assert page.get_attribute(course, "role") == "img"
    assert page.get_attribute(course, "aria-describedby") == "br-hud br-summary"


@pytest.mark.parametrize("how", ["Escape", "Stop driving"])
def test_a_stopped_drive_is_described_once_and_said_once(page, site_url, how):
    """A keyboard-and-screen-reader walkthrough: Esc (or "Stop driving") gave the course back its
    picture's description, the readout and the summary, and stopDriving had written the same news
    into both ("Stopped driving. Drive again, or train an agent. You stopped driving. Drive again,
    or train an agent."): on the course, which keeps the focus, a screen reader heard it twice,
    after the live line had said it. Now the readout keeps where the lap ended, the summary says
    what next, and the live line says "Stopped driving." once."""
    open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
    page.focus("#br-course")
    page.keyboard.down("ArrowUp")
    page.wait_for_function(f"{BOAT}.driving && {BOAT}.driving.x > 400")
    page.keyboard.up("ArrowUp")
    lap = page.evaluate(BOAT)["driving"]
    driving = ax_focused(page)
    assert driving["role"] == "application", driving
    record_changes(page, "#boat-race-demo")
    if how == "Escape":
        page.keyboard.press("Escape")
    else:
        page.focus("#br-drive")
        page.keyboard.press("Enter")
    page.wait_for_timeout(1200)  # the announcer's wait, and then some
    assert page.evaluate(BOAT)["mode"] == "idle"
    said = [c["text"] for c in live_changes(page)]
    assert said == ["Stopped driving."], said
    page.focus("#br-course")  # where Esc leaves the focus (after the button, a reader goes back)
    heard = ax_focused(page)
    assert heard["role"] == "image", heard
    parts = sentences(heard["description"])
    repeated = sorted({p for p in parts if parts.count(p) > 1})
    assert not repeated, f"described twice: {repeated} in {heard['description']!r}"
    assert "stopped driving" not in sentences(heard["name"]), heard["name"]
    # The readout still says where the lap ended; the summary, what the reader can do next.
    hud = page.text_content("#br-hud")
    assert f"score {lap['score']}" in hud, hud
    assert page.text_content("#br-summary").startswith("You stopped driving")


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_drive_the_boat_brings_the_whole_course_into_clear_view(browser, site_url, device):
    """Not under the sticky header, nor under Material's "Back to top" button, which appears
    while the page scrolls up; on a phone the steering buttons are in view too."""
    phone = device == "phone"
    context = browser.new_context(
        viewport={"width": 390, "height": 844} if phone else {"width": 1440, "height": 900},
        device_scale_factor=2 if phone else 1,
        is_mobile=phone,
        has_touch=phone,
    )
    try:
        page = context.new_page()
        open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
        # Start below the course, as a reader who has just read the controls would.
        page.locator("#br-progress-chart").scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, 300)")
        assert page.locator("#br-course").bounding_box()["y"] < 0, "the course starts out of view"
        page.wait_for_timeout(300)
        if phone:
            page.locator("#br-drive").tap()
        else:
            page.click("#br-drive")
        page.wait_for_timeout(400)  # Material shows its "Back to top" button after a scroll up
        assert page.evaluate(BOAT)["mode"] == "drive"
        canvas = page.locator("#br-course").bounding_box()
        header = page.locator(".md-header").bounding_box()
        assert canvas["y"] >= header["y"] + header["height"], "the course starts under the header"
        assert canvas["y"] + canvas["height"] <= (844 if phone else 900), (
            "the course runs off the screen"
        )
        top = page.locator(".md-top")
        if top.count() and top.is_visible() and top.get_attribute("hidden") is None:
            assert not overlaps(canvas, top.bounding_box()), (
                "the Back-to-top button covers the course"
            )
        if phone:
            buttons = page.locator(".demo-touch").bounding_box()
            assert buttons["y"] + buttons["height"] <= 844, (
                "the steering buttons are off the screen"
            )
    finally:
        context.close()


def test_touch_readers_are_told_to_hold_the_buttons_not_to_press_keys(browser, site_url):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
        help_text = page.locator("#boat-race-demo .demo-help").first
        assert "Hold the arrow buttons" in help_text.inner_text()
        assert "WASD" not in help_text.inner_text()
        assert page.is_visible("#boat-race-demo .demo-touch")
        page.locator("#br-drive").tap()
        page.wait_for_function(f"{BOAT}.mode === 'drive'")
        page.wait_for_timeout(100)
        for selector in ("#br-hud", "#br-summary"):
            text = page.text_content(selector)
            assert "Hold the arrow buttons" in text and "WASD" not in text, text
        button = page.locator('[data-drive="up"]').bounding_box()
        page.touchscreen.tap(button["x"] + button["width"] / 2, button["y"] + button["height"] / 2)
    finally:
        context.close()


def test_a_phone_on_its_side_shows_the_whole_course_with_the_steering_beside_it(browser, site_url):
    """At 844 x 390 the course was taller than the screen under the header, and the buttons
    below it off the screen: the course now fits, steering on its left, throttle on its right."""
    context = browser.new_context(
        viewport={"width": 844, "height": 390}, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
        page.locator("#br-drive").tap()
        page.wait_for_function(f"{BOAT}.mode === 'drive'")
        page.wait_for_timeout(400)
        header = page.locator(".md-header").bounding_box()
        course = page.locator("#br-course").bounding_box()
        steer = page.locator(".demo-touch__steer").bounding_box()
        throttle = page.locator(".demo-touch__throttle").bounding_box()
        assert course["y"] >= header["y"] + header["height"] - 1
        for box in (course, steer, throttle):
            assert box["y"] + box["height"] <= 390 and box["x"] >= 0, box
            assert box["x"] + box["width"] <= 844, box
        assert steer["x"] + steer["width"] <= course["x"] <= throttle["x"] - course["width"]
    finally:
        context.close()


PHONE_SIZES = {
    "phone": {"width": 390, "height": 844},
    "narrow phone": {"width": 320, "height": 640},
}


def boat_context(browser, device: str, reduced_motion: str = "no-preference"):
    """A phone (390 x 844, or a narrow one, 320 x 640, touch) or a desktop (1280 x 800), as the
    reader reviews saw them."""
    phone = device in PHONE_SIZES
    return browser.new_context(
        viewport=PHONE_SIZES[device] if phone else {"width": 1280, "height": 800},
        device_scale_factor=2 if phone else 1,
        is_mobile=phone,
        has_touch=phone,
        reduced_motion=reduced_motion,
    )


# Counts the page's scroll events from now on (window.__scrolls): a smooth scroll makes many.
COUNT_SCROLLS = """() => { window.__scrolls = 0;
  addEventListener('scroll', () => { window.__scrolls += 1; }, { passive: true }); }"""


def press(page, selector: str, phone: bool) -> None:
    locator = page.locator(selector)
    locator.tap() if phone else locator.click()


def course_in_clear_view(page) -> bool:
    """The whole course on the screen, under the header and clear of "Back to top"."""
    course = page.locator("#br-course").bounding_box()
    header = page.locator(".md-header").bounding_box()
    height = page.viewport_size["height"]
    if course["y"] < header["y"] + header["height"] - 1 or course["y"] + course["height"] > height:
        return False
    top = page.locator(".md-top")
    if top.count() and top.is_visible() and top.get_attribute("hidden") is None:
        return not overlaps(course, top.bounding_box())
    return True


def train_from_the_charts(page, phone: bool) -> None:
    """Press Train, then scroll down to the charts, the progress chart's axis at the screen's
    foot, as "What to notice" tells the reader to watch them; wait until the route replays."""
    train = page.locator("#br-train")
    train.scroll_into_view_if_needed()
    press(page, "#br-train", phone)
    page.wait_for_function(f"{BOAT}.episodes > 0")
    page.evaluate(SCROLL_TO_THE_CHARTS)
    assert page.locator("#br-course").bounding_box()["y"] < 0, "the course is out of view"
    page.wait_for_function(
        "document.querySelector('#boat-race-demo').dataset.state === 'trained'",
        timeout=TRAINING_TIMEOUT_MS,
    )
    assert page.evaluate(BOAT)["mode"] == "replay"


# The progress chart's foot at the screen's foot: the reader watching both charts train.
SCROLL_TO_THE_CHARTS = """() => {
  const figure = document.querySelector('#br-progress-chart').closest('figure');
  window.scrollBy(0, figure.getBoundingClientRect().bottom - innerHeight + 8); }"""

# From now on, at every frame until the run is trained and its result in words is shown (the
# summary holds it until the replay has shown it), and 30 frames after: the page's scroll
# position and where the score chart stands on the screen (window.__watch).
WATCH_THE_PAGE = """() => { window.__watch = [];
  const demo = document.querySelector('#boat-race-demo');
  const chart = document.querySelector('#br-score-chart');
  let after = 30;
  const tick = () => {
    window.__watch.push({ y: scrollY, chart: chart.getBoundingClientRect().top, state: demo.dataset.state });
    if (demo.dataset.state === 'trained' && !window.AlignmentDemos.boatRace.state().verdictHeld) after -= 1;
    if (after > 0) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick); }"""


@pytest.mark.parametrize("device", ["phone", "narrow phone", "desktop"])
def test_a_finished_run_leaves_the_page_where_the_reader_has_it(browser, site_url, device):
    """The reader review: when the agent had learned, the page glided up to the course by
    itself, unasked. Now the end of training moves nothing: the reader watching the charts keeps
    them where they were (on a phone, where the summary is over them, the page moves with its
    words at once, shorter for "has learned" and longer for the result, as scroll anchoring
    would; the line with "Skip to the replay" keeps its room), focus stays on "Train agent", and the
    result is said on the live line. The link over the charts goes up to the course, where the
    route replays, when the reader asks; a link under the course comes back down to the result
    and the charts. On a narrow phone, where the link had wrapped under the button, the line is
    then one link high: no blank line under it (a later review)."""
    phone = device in PHONE_SIZES
    context = boat_context(browser, device)
    try:
        page = context.new_page()
        open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
        page.locator("#br-train").scroll_into_view_if_needed()
        press(page, "#br-train", phone)
        page.wait_for_function(f"{BOAT}.episodes > 0")
        # Watching the charts, the summary's first lines above the screen.
        page.evaluate(SCROLL_TO_THE_CHARTS)
        page.evaluate(
            """() => { const s = document.querySelector('#br-summary').getBoundingClientRect();
                if (s.top > 0) window.scrollBy(0, s.top + 40); }"""
        )
        page.wait_for_timeout(100)
        page.evaluate(WATCH_THE_PAGE)
        page.wait_for_function(
            "window.__watch.length && window.__watch.at(-1).state === 'trained'",
            timeout=TRAINING_TIMEOUT_MS,
        )
        page.wait_for_function(f"!{BOAT}.verdictHeld", timeout=10_000)
        page.wait_for_timeout(800)  # a glide would be under way or over
        frames = page.evaluate("window.__watch")
        assert frames[0]["state"] == "training" and frames[-1]["state"] == "trained"
        # No glide, no jump: the page moves only to keep what the reader sees in place when
        # the words above it change height (the summary's box follows its words: shorter for
        # "has learned", longer for the result; the readout under the course may rewrap), once
        # for each change, at once, as the browser's own scroll anchoring would.
        ys = [round(f["y"]) for f in frames]
        moves = [b - a for a, b in pairwise(ys) if b != a]
        assert len(moves) <= 3, f"the page moved by itself: scrollY {sorted(set(ys))}"
        charts = [round(f["chart"]) for f in frames]
        assert max(charts) - min(charts) <= 1, (
            f"the charts moved on the screen: {charts[0]} to {charts[-1]}"
        )
        assert page.locator("#br-course").bounding_box()["y"] < 0, "the course stays out of view"
        line = page.locator(".demo-jump--up").bounding_box()
        link = page.locator("#br-watch").bounding_box()
        assert line["height"] <= link["height"] + 8, f"a blank line under the link: {line}, {link}"
        assert page.evaluate("document.activeElement.id") == "br-train", "focus stays put"
        assert page.evaluate(BOAT)["mode"] == "replay"
        said = page.text_content("#boat-race-demo .demo-announce")
        assert said.startswith("Run 1 (paid for targets) trained:") and "lagoon" in said, said
        # The way up, when the reader asks: the whole course in clear view, focus on it.
        watch = page.locator("#br-watch")
        assert watch.is_visible() and watch.inner_text().startswith(
            "Watch the replay on the course"
        )
        press(page, "#br-watch", phone)
        page.wait_for_timeout(400)  # Material shows its "Back to top" button after a scroll up
        assert course_in_clear_view(page)
        assert page.evaluate("document.activeElement.id") == "br-course"
        assert "#" not in page.url
        # The replay moves on the course the reader now sees.
        index = page.evaluate(BOAT)["replayIndex"]
        page.wait_for_function(f"{BOAT}.replayIndex !== {index}")
        # The way back down: the line over the charts at the top of the screen, the charts
        # under it, focus on the score chart (the result in words is under the course).
        down = page.locator("#br-to-charts")
        assert down.is_visible() and down.inner_text().startswith("See the charts")
        box = down.bounding_box()
        course = page.locator("#br-course").bounding_box()
        assert course["y"] + course["height"] < box["y"] < page.viewport_size["height"]
        press(page, "#br-to-charts", phone)
        line = page.locator(".demo-jump--up").bounding_box()
        header = page.locator(".md-header").bounding_box()
        if phone:
            assert 0 <= line["y"] - (header["y"] + header["height"]) <= 70, line
        assert page.evaluate("document.activeElement.id") == "br-score-chart"
        page.wait_for_function(f"!{BOAT}.verdictHeld", timeout=10_000)
        assert "never finishes" in page.text_content("#br-summary")
        chart = page.locator("#br-score-chart").bounding_box()
        assert chart["y"] < page.viewport_size["height"], "the charts follow the summary"
        assert page.evaluate(BOAT)["mode"] == "replay", "going up and down stops nothing"
        page.click("#br-reset")
        assert not down.is_visible() and not watch.is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_a_longer_result_does_not_move_the_charts_the_reader_watches(browser, site_url, device):
    """Run 2's result (set beside run 1's, paid alike with another seed, so that the result sets
    out both runs' numbers) takes more lines than its training's words did: to a reader watching
    the charts, the summary's first lines above the screen, the charts stay put
    (the page keeps them where they were, at once, where the browser's scroll anchoring does not);
    to one who sees the summary's first line, the longer words push the charts down, as words
    do, and the page does not move."""
    phone = device == "phone"
    context = boat_context(browser, device)
    try:
        page = context.new_page()
        open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
        skip_from_the_charts(page, phone)
        page.wait_for_function(f"{BOAT}.runs.length === 1")
        # Runs 2 and 3 paid for targets too, with other seeds, each beside the one before.
        for watching, seed in ((True, "7"), (False, "8")):
            page.fill("#br-seed", seed)
            page.locator("#br-train").scroll_into_view_if_needed()
            press(page, "#br-train", phone)
            page.wait_for_function(f"{BOAT}.mode === 'training'")
            if watching:
                page.evaluate(SCROLL_TO_THE_CHARTS)
                page.evaluate(
                    """() => { const s = document.querySelector('#br-summary').getBoundingClientRect();
                        if (s.top > 0) window.scrollBy(0, s.top + 40); }"""
                )
            else:
                page.evaluate(
                    "window.scrollBy(0, document.querySelector('#br-summary').getBoundingClientRect().top - 120)"
                )
            lines = page.eval_on_selector("#br-summary", "s => s.getBoundingClientRect().height")
            summary_top = page.eval_on_selector("#br-summary", "s => s.getBoundingClientRect().top")
            page.evaluate(WATCH_THE_PAGE)
            page.wait_for_function(
                "window.__watch.length && window.__watch.at(-1).state === 'trained'",
                timeout=TRAINING_TIMEOUT_MS,
            )
            page.wait_for_function(f"!{BOAT}.verdictHeld", timeout=10_000)
            page.wait_for_timeout(300)
            grown = page.eval_on_selector("#br-summary", "s => s.getBoundingClientRect().height")
            assert grown > lines + 10, "the result takes more lines than the training's words"
            charts = [round(f["chart"]) for f in page.evaluate("window.__watch")]
            # From 960 px the summary is beside the charts, under the course: never above them.
            if watching or not phone:
                assert max(charts) - min(charts) <= 1, (
                    f"the charts moved: {charts[0]} to {charts[-1]}"
                )
            else:
                assert abs(charts[-1] - charts[0] - (grown - lines)) <= 2, (charts[0], charts[-1])
                top = page.eval_on_selector("#br-summary", "s => s.getBoundingClientRect().top")
                assert abs(top - summary_top) <= 1, "the summary, read from its start, stays put"
            assert page.evaluate(f"{BOAT}.runs.length") in (2, 3)
    finally:
        context.close()


def skip_from_the_charts(page, phone: bool) -> None:
    """Press Train, watch the charts a moment, then press "Skip to the replay" over them."""
    page.locator("#br-train").scroll_into_view_if_needed()
    press(page, "#br-train", phone)
    page.wait_for_function(f"{BOAT}.episodes > 0")
    page.wait_for_timeout(700)  # Train's own glide to the course (on a phone) is over
    page.locator("#br-skip").scroll_into_view_if_needed()
    if phone:  # from 960 px the course stays in view beside the charts
        assert page.locator("#br-course").bounding_box()["y"] < 0, "the course is out of view"
    assert page.evaluate(BOAT)["mode"] == "training"
    # the scrolls counted from here are the skip's own (a glide on a loaded machine could end
    # before a count reset after the press)
    page.evaluate("window.__scrolls = 0")
    press(page, "#br-skip", phone)


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_skip_to_the_result_finishes_training_and_goes_to_the_replay(browser, site_url, device):
    """The reader review: two runs took about a minute to watch. "Skip to the replay", a real
    button over the charts while an agent trains, trains the rest at once and takes the reader,
    who asked, up to the course (gliding), focus on it, where the learned route replays; the
    result is in the summary and said on the live line. It goes with the training."""
    phone = device == "phone"
    context = boat_context(browser, device)
    try:
        page = context.new_page()
        open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
        skip = page.locator("#br-skip")
        assert not skip.is_visible(), "nothing to skip before training"
        assert skip.evaluate("b => b.tagName") == "BUTTON"
        assert skip.get_attribute("type") == "button"
        page.evaluate(COUNT_SCROLLS)
        skip_from_the_charts(page, phone)
        state = page.evaluate(BOAT)
        assert state["trained"] and state["mode"] == "replay"
        assert state["episodes"] == state["totalEpisodes"] == 500
        assert state["runs"][0]["skipped"] is True
        assert not skip.is_visible(), "it goes with the training"
        page.wait_for_function(
            """() => { const c = document.querySelector('#br-course').getBoundingClientRect();
                return c.top >= 48 && c.bottom <= innerHeight; }""",
            timeout=3000,
        )
        page.wait_for_timeout(500)
        assert course_in_clear_view(page), page.locator("#br-course").bounding_box()
        if phone:  # from 960 px the course was in view beside the charts: no move
            assert page.evaluate("window.__scrolls") > 2, "a glide, not a jump"
        assert page.evaluate("document.activeElement.id") == "br-course"
        page.wait_for_function(f"!{BOAT}.verdictHeld", timeout=10_000)
        assert "never finishes" in page.text_content("#br-summary")
        page.wait_for_timeout(300)
        said = page.text_content("#boat-race-demo .demo-announce")
        assert said.startswith("Run 1 (paid for targets) trained:") and "lagoon" in said, said
        index = page.evaluate(BOAT)["replayIndex"]
        page.wait_for_function(f"{BOAT}.replayIndex !== {index}")
    finally:
        context.close()


def test_skip_to_the_result_is_reached_and_pressed_by_keyboard(page, site_url):
    """From "Train agent": Pause, Reset, then "Skip to the replay" (the summary between them is
    no stop), then the link to the course; Enter on it gives the result, and focus goes to the
    course, whose description (the readout and the summary) says it."""
    open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
    page.locator("#br-train").scroll_into_view_if_needed()
    page.focus("#br-train")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{BOAT}.episodes > 0")
    for expected in ("br-pause", "br-reset", "br-skip", "br-watch"):
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == expected
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == "br-skip"
    outline = page.eval_on_selector("#br-skip", "e => getComputedStyle(e).outlineStyle")
    assert outline not in ("none", ""), "keyboard focus must be visible"
    assert page.evaluate(BOAT)["mode"] == "training"
    page.keyboard.press("Enter")
    state = page.evaluate(BOAT)
    assert state["trained"] and state["runs"][0]["skipped"] is True
    assert page.evaluate("document.activeElement.id") == "br-course"
    assert page.get_attribute("#br-course", "aria-describedby") == "br-hud br-summary"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_skip_to_the_result_is_legible_in_every_state(browser, site_url, scheme):
    """WCAG 1.4.3 for the button that shows only while an agent trains (the demos' contrast
    test reads the buttons it finds at rest, before any training): its label 4.5:1 on its face,
    at rest, hovered and focused."""
    from coloraide import Color

    from test_demo_contrast_browser import BUTTON_COLOURS, STATES, _composite, _contrast

    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    try:
        page = context.new_page()
        open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
        page.add_style_tag(content="* { transition: none !important; }")
        page.click("#br-train")
        page.click("#br-pause")  # the button stays while training is held
        skip = page.locator("#br-skip")
        skip.scroll_into_view_if_needed()
        ratios = {}
        for state, reach in STATES.items():
            page.mouse.move(0, 0)
            skip.evaluate("b => b.blur()")
            if reach:
                reach(skip)
            text, layers = skip.evaluate(BUTTON_COLOURS)
            background = Color("white")
            for layer in reversed(layers):
                background = _composite(layer, background)
            ratios[state] = round(_contrast(_composite(text, background), background), 2)
        assert all(ratio >= 4.5 for ratio in ratios.values()), ratios
        # Paused, it still skips: the rest of the training, at once.
        skip.click()
        assert page.evaluate(BOAT)["runs"][0]["skipped"] is True
        assert page.text_content("#br-pause") == "Pause"
    finally:
        context.close()


def test_a_run_skipped_is_the_run_watched(browser, site_url):
    """The same seed and reward give the same learned policy and the same numbers, whether the
    reader watches the training or skips to its result, at its start or halfway: the run's
    totals over its 500 episodes, its route, its table row and both charts, pixel for pixel."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.clock.install()  # the watched runs train on it (run_the_clock_until)
        open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")

        def seen() -> dict:
            state = page.evaluate(BOAT)
            (run,) = state["runs"]
            return {
                "run": {k: v for k, v in run.items() if k not in ("trainingMs", "skipped")},
                "row": page.locator("#br-runs tbody tr").first.inner_text(),
                "charts": [
                    canvas_pixels(page, c) for c in ("#br-score-chart", "#br-progress-chart")
                ],
                "summary": page.text_content("#br-summary"),
            }

        results = {}
        for preset in ("#br-preset-game", "#br-preset-progress"):
            page.click(preset)
            page.fill("#br-seed", "31")
            for how in ("watched", "skipped at once", "skipped halfway"):
                page.click("#br-reset")
                page.click("#br-train")
                if how == "skipped at once":
                    page.click("#br-skip")
                elif how == "skipped halfway":
                    # a tenth of a second at a time: skipped within a few frames of halfway
                    run_the_clock_until(page, f"{BOAT}.episodes >= 250", step_ms=100)
                    page.wait_for_function(f"{BOAT}.episodes >= 250", timeout=TRAINING_TIMEOUT_MS)
                    page.click("#br-skip")
                run_the_clock_until(page, f"{BOAT}.runs.length === 1")
                page.wait_for_function(f"{BOAT}.runs.length === 1", timeout=TRAINING_TIMEOUT_MS)
                assert page.evaluate(BOAT)["runs"][0]["skipped"] is (how != "watched"), how
                results[preset, how] = seen()
            watched = results[preset, "watched"]
            assert watched["run"]["episodes"] == 500
            for how in ("skipped at once", "skipped halfway"):
                skipped = results[preset, how]
                assert skipped["run"] == watched["run"], (preset, how)
                assert skipped["row"] == watched["row"], (preset, how)
                assert skipped["summary"] == watched["summary"], (preset, how)
                assert skipped["charts"] == watched["charts"], f"{preset}, {how}: the charts differ"
        # And the two rewards did learn different things (the comparison means something).
        game, progress = (
            results["#br-preset-game", "watched"],
            results["#br-preset-progress", "watched"],
        )
        assert game["run"]["finished"] is False and progress["run"]["finished"] is True
    finally:
        context.close()


# The run-2 line's pixels in the score chart's plot above a value's height (CSS px to canvas px).
RUN_PIXELS_ABOVE = """([variable, yCss]) => {
  const canvas = document.querySelector('#br-score-chart');
  const state = window.AlignmentDemos.boatRace.state();
  const plot = state.charts.score.plot;
  const ratio = canvas.width / canvas.getBoundingClientRect().width;
  const hex = getComputedStyle(canvas).getPropertyValue(variable).trim();
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const x0 = Math.round(plot.left * ratio), y0 = Math.round(plot.top * ratio);
  const w = Math.round(plot.width * ratio), h = Math.round((yCss - plot.top) * ratio);
  if (h <= 0) return 0;
  const data = canvas.getContext('2d').getImageData(x0, y0, w, h).data;
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] > 200 && want.every((v, k) => Math.abs(data[i + k] - v) <= 6)) count += 1;
  }
  return count;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_score_chart_measures_both_runs_by_the_game_score(browser, site_url, scheme):
    """The reader review: the score chart drew each run in its own reward (about 830 against
    170), which reads as "paying for progress scored worse". Both runs are now drawn on one
    measure, the game's score: the run paid for targets high (about 800), the run paid for
    progress low (its game score, 50 a race, not its own reward's 170), while the progress chart
    shows only the second finishing; the runs table and the summary use the same measures."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, color_scheme=scheme, reduced_motion="reduce"
    )
    try:
        page = context.new_page()
        open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
        train_and_wait(page, 0)
        page.click("#br-preset-progress")
        state = train_and_wait(page, 1)
        looper, racer = state["runs"]
        assert (looper["finished"], racer["finished"]) == (False, True)
        assert looper["gameScore"] == looper["score"] > racer["gameScore"] > 0
        assert racer["score"] != racer["gameScore"], (
            "paid for progress, its own reward is not the game's"
        )
        score, progress = state["charts"]["score"], state["charts"]["progress"]
        assert score["yLabel"].startswith("Game score")
        lines = {s["label"]: s["last"] for s in score["series"]}
        assert list(lines) == ["Run 1: paid for targets", "Run 2: paid for progress"]
        assert lines["Run 1: paid for targets"] > 700, lines
        # the run paid for progress, by the game's score: a finish (50) and a target now and then
        assert 40 <= lines["Run 2: paid for progress"] <= 80, lines
        assert score["yMax"] >= lines["Run 1: paid for targets"]
        finished = {s["label"]: s["last"] for s in progress["series"]}
        assert finished == {"Run 1: paid for targets": 0, "Run 2: paid for progress": 100}
        # Drawn so: the green line keeps to the bottom of the plot (below 120 game points), the
        # wine one climbs above it; both are there.
        above = page.evaluate(f"{BOAT.replace('state()', 'chartY')}('score', 120)")
        assert page.evaluate(RUN_PIXELS_ABOVE, ["--demo-run-2", above]) == 0
        assert page.evaluate(RUN_PIXELS_ABOVE, ["--demo-run-1", above]) > 100
        assert colour_pixels(page, "#br-score-chart", "--demo-run-2") > 50
        # The table and the summary: the same measures.
        assert page.locator("#br-runs thead th").nth(2).inner_text() == "Game score"
        rows = page.locator("#br-runs tbody tr")
        assert rows.nth(0).locator("td").nth(1).inner_text() == f"{looper['gameScore']:,}"
        assert rows.nth(1).locator("td").nth(1).inner_text() == f"{racer['gameScore']:,}"
        assert rows.nth(1).locator("td").nth(2).inner_text() == "100%"
        summary = page.text_content("#br-summary")
        # ... and after it the run's settings, not its numbers again (a reader review)
        assert summary.count(f"{racer['steps']} moves") == 1, summary
        assert "its own reward paid it" in summary, summary
        # The point leads: the boat that does not finish wins by the game's score, in every move
        # a race allows (300), against the lap the other one finishes.
        lead = (
            "By the game's own score, the boat that does not finish wins: run 1 (paid for targets)"
            f" scores {looper['gameScore']:,} in the 300 moves a race allows, run 2 (paid for"
            f" progress) {racer['gameScore']:,}, finishing the lap in"
        )
        assert summary.startswith(lead), summary
        # The charts' words say it too (their names for screen readers, and their captions).
        for chart in ("#br-score-chart", "#br-progress-chart"):
            assert "one scale" in page.get_attribute(chart, "aria-label")
        assert "whatever it was paid" in page.locator("#br-score-chart + figcaption").inner_text()
    finally:
        context.close()


def test_with_reduced_motion_the_end_of_training_moves_nothing_and_skip_jumps(browser, site_url):
    """Under prefers-reduced-motion "Train agent" takes the phone up to the course in one jump,
    not a glide; the end of training moves the page no more than otherwise (not at all), and
    the result in words comes at once, the replay showing the route's end, not animated; "Skip
    to the replay" goes up to the course in one jump too."""
    context = boat_context(browser, "phone", reduced_motion="reduce")
    try:
        page = context.new_page()
        # Under reduced motion a run trains 50 episodes a frame, all 500 in about ten frames: on a
        # quiet machine it ended before a tap on Skip arrived. The page's clock is the test's, so
        # run 2 can be held at its first frame while Skip is pressed.
        page.clock.install()
        open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
        train = page.locator("#br-train")
        train.scroll_into_view_if_needed()
        assert page.locator("#br-course").bounding_box()["y"] < 0
        train.tap()
        page.wait_for_function(f"{BOAT}.runs.length === 1", timeout=TRAINING_TIMEOUT_MS)
        course_top = page.locator("#br-course").bounding_box()["y"]
        assert 48 <= course_top < 200, "Train jumps to the course"
        page.wait_for_timeout(400)
        assert abs(page.locator("#br-course").bounding_box()["y"] - course_top) <= 1, (
            "the page moved"
        )
        assert not page.evaluate(BOAT)["verdictHeld"]
        assert "never finishes" in page.text_content("#br-summary")
        # Run 2, skipped: where the course is two frames after the press.
        page.locator("#br-preset-progress").tap()
        train.scroll_into_view_if_needed()
        page.clock.pause_at(page.evaluate("Date.now()") + 1000)
        train.tap()
        page.wait_for_function(f"{BOAT}.mode === 'training'", polling=100)
        page.evaluate(
            """() => document.querySelector('#br-skip').addEventListener('click', () => {
                 requestAnimationFrame(() => requestAnimationFrame(() => {
                   window.__courseTop = document.querySelector('#br-course').getBoundingClientRect().top;
                 }));
               })"""
        )
        page.locator("#br-skip").tap()
        page.clock.resume()
        page.wait_for_function("window.__courseTop !== undefined", timeout=TRAINING_TIMEOUT_MS)
        assert 48 <= page.evaluate("window.__courseTop") < 200, "at once"
        page.wait_for_timeout(400)
        assert course_in_clear_view(page)
        assert page.evaluate("document.activeElement.id") == "br-course"
        state = page.evaluate(BOAT)
        assert state["runs"][1]["skipped"] and state["runs"][1]["finished"]
        course_then = canvas_pixels(page, "#br-course")
        page.wait_for_timeout(300)
        assert canvas_pixels(page, "#br-course") == course_then, "the replay holds still"
    finally:
        context.close()


def test_a_reader_who_has_scrolled_away_is_left_where_they_are(browser, site_url):
    """A reader who went on reading below the demo while the agent trained is not pulled back up
    when it has learned."""
    context = boat_context(browser, "desktop")
    try:
        page = context.new_page()
        open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
        page.locator("#br-train").click()
        page.wait_for_function(f"{BOAT}.episodes > 0")
        page.evaluate(
            "scrollBy(0, document.querySelector('#boat-race-demo').getBoundingClientRect().bottom + 50)"
        )
        # What the reader reads (the page keeps it in place as the runs table appears above it).
        reading = page.locator("#what-to-notice ~ ul > li").nth(1)
        before = reading.bounding_box()["y"]
        assert 48 < before < 800, before
        page.wait_for_function(
            "document.querySelector('#boat-race-demo').dataset.state === 'trained'",
            timeout=TRAINING_TIMEOUT_MS,
        )
        page.wait_for_timeout(600)
        assert abs(reading.bounding_box()["y"] - before) <= 2
        assert page.locator("#br-course").bounding_box()["y"] < 0
    finally:
        context.close()


def test_touch_steering_goes_while_an_agent_trains_and_replays(browser, site_url):
    """The steering buttons do nothing while an agent trains or its policy replays: they go then,
    room and all (kept hidden, they left an empty band ~100 px tall under the course), and come
    back for driving."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    # Under the course, once a route replays, only the readout and the link down to the charts.
    gap = """() => document.querySelector('.demo-controls').getBoundingClientRect().top
                   - Math.max(...[...document.querySelectorAll('.demo-stage > *')]
                       .map(e => e.getBoundingClientRect().bottom))"""
    try:
        page = context.new_page()
        page.clock.install()  # the run trains on it (run_the_clock_until)
        open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
        touch = page.locator("#boat-race-demo .demo-touch")
        assert touch.is_visible()
        page.locator("#br-train").tap()
        assert not touch.is_visible() and touch.bounding_box() is None
        run_the_clock_until(
            page, "document.querySelector('#boat-race-demo').dataset.state === 'trained'"
        )
        page.wait_for_function(
            "document.querySelector('#boat-race-demo').dataset.state === 'trained'",
            timeout=TRAINING_TIMEOUT_MS,
        )
        assert not touch.is_visible() and touch.bounding_box() is None
        margin = page.eval_on_selector(
            ".demo-controls", "e => parseFloat(getComputedStyle(e).marginTop)"
        )
        assert page.evaluate(gap) <= margin + 1, "an empty band under the course"
        page.locator("#br-drive").tap()
        page.wait_for_function(f"{BOAT}.mode === 'drive'")
        assert touch.is_visible()
        box = touch.bounding_box()
        assert box["y"] + box["height"] <= 844, "the steering buttons are off the screen"
    finally:
        context.close()


def test_keyboard_readers_are_told_about_keys(page, site_url):
    open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
    assert "arrows or WASD" in page.locator("#boat-race-demo .demo-help").first.inner_text()
    assert not page.is_visible("#boat-race-demo .demo-touch")


@pytest.mark.parametrize("width", [1440, 1000, 700])
def test_control_panels_fill_their_rows(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
        box = page.locator("#boat-race-demo .demo-controls").bounding_box()
        panels = [
            page.locator("#boat-race-demo .demo-controls > fieldset").nth(i).bounding_box()
            for i in range(3)
        ]
        rows: dict[int, list[dict]] = {}
        for panel in panels:
            rows.setdefault(round(panel["y"]), []).append(panel)
        for row in rows.values():
            right = max(p["x"] + p["width"] for p in row)
            assert abs(right - (box["x"] + box["width"])) <= 2, (
                f"a hole at the end of a row at {width} px"
            )
    finally:
        context.close()


def test_charts_say_what_they_will_show_before_training(page, site_url):
    open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
    blank = page.evaluate("""() => {
        const c = document.querySelector('#br-score-chart');
        const b = document.createElement('canvas'); b.width = c.width; b.height = c.height;
        return b.toDataURL();
    }""")
    for chart in ("#br-score-chart", "#br-progress-chart"):
        assert canvas_pixels(page, chart) != blank
    # The message is drawn in the text colour, inside the plot.
    assert page.evaluate(BOAT)["runs"] == []


def test_what_to_try_comes_before_the_demo(page, site_url):
    page.goto(f"{site_url}/demos/boat-race.html")
    heading = page.locator("h2#what-to-try").bounding_box()
    demo = page.locator("#boat-race-demo").bounding_box()
    assert heading["y"] < demo["y"]
    assert "web-only" in page.get_attribute("h2#what-to-try + div", "class")


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
def open_explorer(page, url: str) -> dict:
    open_demo(page, url, "#goodhart-demo")
    page.wait_for_function(f"{GOODHART}.ready", timeout=TRAINING_TIMEOUT_MS)
    return page.evaluate(GOODHART)


def test_goodhart_opens_on_the_light_versus_heavy_comparison(page, page_log, site_url):
    state = open_explorer(page, f"{site_url}/demos/goodhart-explorer.html")
    light, heavy = state["panels"]
    assert (light["distribution"], heavy["distribution"]) == ("gaussian", "t2")
    assert light["peakN"] == 10_000, "light tails: harder selection keeps helping"
    assert heavy["peakN"] <= 100 and heavy["trueAtMaxN"] < heavy["peakTrue"] - 0.3
    summary = page.text_content("#gh-summary")
    assert f"seed {state['seed']}" in summary and "200 trials" in summary
    # The names are in "What to notice", said once (the same explanation three times in a row).
    assert "regressional Goodhart" not in summary and "catastrophic Goodhart" not in summary
    notice = page.text_content("h2#what-to-notice + ul")
    assert "regressional Goodhart" in notice and "catastrophic Goodhart" in notice
    assert "extremal" not in summary.lower()
    page.wait_for_load_state("networkidle")
    assert_clean(page_log)


def test_goodhart_first_view_shows_the_comparison_drawn(page, site_url):
    """The reader review: the page said it "opens on the comparison that matters", and opened at
    N = 1 on two empty charts. Now it opens at the best of 100 with both curves drawn up to
    there: the first chart's true value still rising, the second's past its named peak, and the
    result line and the page's words saying so, before the reader touches anything."""
    state = open_explorer(page, f"{site_url}/demos/goodhart-explorer.html")
    assert (state["n"], state["reached"], state["markedN"]) == (100, 100, [100, 100])
    assert page.input_value("#gh-n") == str(state["sizes"].index(100))
    assert page.text_content("#gh-n-out") == "100"
    heavy = state["panels"][1]
    assert heavy["peakN"] < 100 and heavy["trueAtN"] < heavy["peakTrue"] - 0.2, heavy
    for i, chart in enumerate(state["charts"][:2]):
        # the curves' markers up to N (every third point from 1 to 100), not one lone dot at N = 1
        assert len(chart["marks"]) >= 3, (i, chart["marks"])
        assert (
            colour_pixels(page, ["#gh-light-chart", "#gh-selection-chart"][i], "--demo-true") > 150
        )
    texts = [t["text"] for t in state["charts"][1]["texts"]]
    assert any(t.startswith("peak") for t in texts), texts
    result = " ".join(page.text_content("#gh-result").split())
    assert result.startswith("Best of 100, true value:"), result
    assert "rising" in result and "past its peak" in result, result
    step = page.text_content("#gh-try")
    assert step.startswith("Try this: drag N") and "keep up with the score" in step, step


VISIBLE_TEXT = """e => {
  // The text a sighted reader sees in e: not what is visually hidden for screen readers (a box
  // of 1 px or less), nor what is not rendered.
  const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
  let text = "";
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const box = node.parentElement.getBoundingClientRect();
    if (box.width > 1 && box.height > 1) text += node.textContent;
  }
  return text;
}"""


def test_goodhart_says_its_numbers_once_and_the_summary_in_words(page, site_url):
    """The reader review: the same figures appeared three times under the charts (the line under
    the slider, and the summary repeating them, with the charts' own). Now the line under the
    slider gives the numbers, the summary under it what they mean, in words; its numbers, the
    proxy scores too, stay for screen readers, visually hidden."""
    open_explorer(page, f"{site_url}/demos/goodhart-explorer.html")
    for key in (None, "End", "Home"):
        if key:
            page.focus("#gh-n")
            page.keyboard.press(key)
        state = page.evaluate(GOODHART)
        seen = page.eval_on_selector("#gh-summary", VISIBLE_TEXT)
        heard = page.text_content("#gh-summary")
        assert not re.search(r"\d\.\d", seen), seen
        assert "Goodhart" not in seen and len(seen.split()) >= 10, seen  # named in "What to notice"
        result = page.text_content("#gh-result")
        assert set(TWO_DECIMALS.findall(result)) <= set(TWO_DECIMALS.findall(heard)), (
            result,
            heard,
        )
        for panel in state["panels"]:
            proxy = f"{panel['proxyAtN']:,.1f}"
            proxy = proxy.lstrip("-") if float(proxy) == 0 else proxy.replace("-", "\u2212")
            assert f"proxy score typically {proxy}" in heard, heard
    assert "nothing is selected yet" in page.eval_on_selector("#gh-summary", VISIBLE_TEXT)


def test_goodhart_axes_are_titled_in_plain_words(page, site_url):
    """ "Value (0 = average)" asked "average of what?": the value axis now says what 0 is, a
    random pick; the draws' axes say true value and score, no symbols."""
    state = open_explorer(page, f"{site_url}/demos/goodhart-explorer.html")
    selection, draws = state["charts"][:2], state["charts"][2:]
    assert len(draws) == 2, len(state["charts"])
    for chart in selection:
        axes = [t["text"] for t in chart["texts"] if t["kind"] == "axis"]
        assert any(re.match(r"How good.*\(0 = (a )?random", t) for t in axes), axes
        assert not any("average" in t or t.startswith("Value") for t in axes), axes
    for chart in draws:
        axes = [t["text"] for t in chart["texts"] if t["kind"] == "axis"]
        assert axes[0].startswith("True value") and "score" in axes[1].lower(), axes
        assert not re.search("[√αβUVE]|KL", " ".join(axes)), axes


def test_goodhart_controls_speak_plain_words(page, site_url):
    open_explorer(page, f"{site_url}/demos/goodhart-explorer.html")
    labels = " ".join(
        page.locator(
            "#goodhart-demo .demo-live label, #goodhart-demo .demo-live legend"
        ).all_text_contents()
    )
    for jargon in ("β", "Trials averaged", "d.f.", "Cauchy", "Student", "Gaussian"):
        assert jargon not in labels, jargon
    assert "Repetitions of the experiment" in labels and "How flawed" not in labels


@pytest.mark.parametrize(
    "viewport", [{"width": 1440, "height": 900}, {"width": 390, "height": 844}]
)
def test_goodhart_slider_is_in_view_with_the_charts_it_drives(browser, site_url, viewport):
    """The N slider sits under the two charts, the light-tailed one first on every screen: a
    reader who scrolls down to the slider has the charts it moves in view above it, the
    heavy-tailed one (where the true value peaks and falls) right above."""
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        open_explorer(page, f"{site_url}/demos/goodhart-explorer.html")
        header = page.locator(".md-header").bounding_box()
        phone = viewport["width"] < 600
        # The reader scrolls down until the slider's place, under the charts, is at the foot of
        # the screen (the "Try this" line under it just below the screen), then a little further.
        # On a phone held upright its place is under the draws, and the bar stuck at the foot:
        # the reader scrolls until the second chart is just above the bar, then a little further.
        for further in (0, 40):
            page.evaluate(
                "scrollBy({top: document.querySelector('#gh-selection-chart').getBoundingClientRect().bottom"
                f" - innerHeight + document.querySelector('.demo-sticky').offsetHeight + 4 + {further},"
                " behavior: 'instant'})"
                if phone
                else "scrollBy(0, document.querySelector('#gh-try')"
                f".getBoundingClientRect().top - innerHeight + {further})"
            )
            control = page.locator("#gh-n").bounding_box()
            assert header["height"] <= control["y"] <= viewport["height"] - control["height"]
            heavy = page.locator("#gh-selection-chart").bounding_box()
            light = page.locator("#gh-light-chart").bounding_box()
            assert heavy["y"] + heavy["height"] <= control["y"], "the charts above the slider"
            assert heavy["y"] >= header["height"] - 1, (
                f"+{further}: heavy chart top at {heavy['y']}"
            )
            if phone:
                assert light["y"] < heavy["y"], "the light-tailed chart first on a phone too"
            else:
                assert light["y"] == heavy["y"] and light["x"] < heavy["x"]
    finally:
        context.close()


def test_goodhart_demo_comes_first_and_what_to_try_after_it(browser, site_url):
    """The reader review: the charts began about 1,230 px down a 1440 x 900 desktop, under the
    lead, the one-minute box and four steps of "What to try". Now the lead question comes first,
    then the charts, the slider and its result line, all in the first screen, with one short
    "Try this" line under the slider; the one-minute box and the other steps of "What to try"
    (web-only) come after the figure. The charts use the width the hidden contents sidebar
    leaves (each was about 334 px wide)."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        page = context.new_page()
        open_explorer(page, f"{site_url}/demos/goodhart-explorer.html")
        top = page.evaluate(
            """() => Object.fromEntries(["#gh-light-chart", "#gh-selection-chart", "#gh-n",
                "#gh-result", "#gh-try", "#gh-draws", "h2#what-to-try",
                "#goodhart-demo", "article h1 + p"]
              .map((s) => { const r = document.querySelector(s).getBoundingClientRect();
                            return [s, { top: r.top, bottom: r.bottom, width: r.width }]; }))"""
        )
        lead = top["article h1 + p"]
        assert lead["bottom"] <= top["#goodhart-demo"]["top"], "the lead question, then the demo"
        lead_text = " ".join(page.text_content("article h1 + p").split())
        assert "what if the score is now and then wildly off" in lead_text
        assert "tired examiner" in lead_text, "an everyday picture first (reader review 9)"
        for first_screen in ("#gh-light-chart", "#gh-selection-chart", "#gh-n", "#gh-result"):
            assert top[first_screen]["bottom"] <= 900, (first_screen, top[first_screen])
        for chart in ("#gh-light-chart", "#gh-selection-chart"):
            assert top[chart]["width"] >= 420, (chart, top[chart])
        assert top["#gh-result"]["bottom"] <= top["#gh-try"]["top"] < top["#gh-draws"]["top"]
        assert top["#gh-draws"]["bottom"] < top["h2#what-to-try"]["top"]
        assert page.locator("#in-one-minute").count() == 0, "no one-minute box repeating the demo"
        assert "web-only" in page.get_attribute("h2#what-to-try + div", "class")
        assert page.locator(".md-sidebar--secondary").is_hidden(), "no contents sidebar"
    finally:
        context.close()


def draw_state(page) -> list[dict]:
    return page.evaluate(f"{GOODHART}.draws")


def test_goodhart_draws_show_one_draw_and_ring_its_winner(page, page_log, site_url):
    """The reader review: the curves show that the winner's value falls, not why. Under the
    slider, one draw of N candidates for each chart (x: true value, y: score), the winner, the
    highest score, ringed and named with its true value and score; under heavy tails it is an
    ordinary candidate far up the error's direction, under light tails one of the best. The
    draw is the first trial of the charts' own seeded stream."""
    open_explorer(page, f"{site_url}/demos/goodhart-explorer.html")
    light, heavy = draw_state(page)
    assert (light["distribution"], heavy["distribution"], light["n"]) == ("gaussian", "t2", 100)
    for canvas in ("#gh-draw-light", "#gh-draw-heavy"):
        assert page.get_attribute(canvas, "role") == "img"
        assert colour_pixels(page, canvas, "--demo-proxy") > 60, "the winner's ring and dot"
    # under light tails the winner is one of the best; under heavy tails its score is mostly error
    assert light["winner"]["value"] > 1 and heavy["winner"]["error"] > 3 * abs(
        heavy["winner"]["value"]
    ), (light, heavy)
    summary = page.text_content("#gh-draw-summary")
    for one, canvas in zip((light, heavy), ("#gh-draw-light", "#gh-draw-heavy"), strict=True):
        value = two_decimals(one["winner"]["value"])
        assert value in summary, (value, summary)
        assert value in page.get_attribute(canvas, "aria-label")
    assert "most of its score is error" in summary, summary
    labels = [t["text"] for chart in page.evaluate(GOODHART)["charts"][2:] for t in chart["texts"]]
    winners = [t for t in labels if t.startswith("winner")]
    assert len(winners) == 2, labels
    # worded alike: "winner: true value 1.35" beside "winner: value −0.03" read as two measures
    assert len({re.sub(r"[−-]?\d[\d.,]*", "#", t) for t in winners}) == 1, winners
    # the same winner as the first trial of the charts' runs, by the simulation itself
    first = page.evaluate(
        """() => ["gaussian", "t2"].map((distribution) => {
             const sim = window.AlignmentDemos.goodhartSim;
             const curve = sim.createBestOfN({ distribution, seed: 1975, trials: 1 }).addTrials().result();
             const p = sim.pointAt(curve, 100); return [p.meanTrue, p.medianProxy]; })"""
    )
    for one, (value, score) in zip((light, heavy), first, strict=True):
        assert (one["winner"]["value"], one["winner"]["score"]) == (value, score)
    assert page.text_content("#gh-draw-title") == "One draw of 100 candidates: which one wins"
    assert_clean(page_log)


def test_goodhart_draws_follow_n_and_the_kind_of_error_and_keep_to_the_seed(page, site_url):
    """Moving N grows the draw (its first N candidates) and may change its winner; the choice of
    huge errors redraws the second draw only; at 10,000 at most 2,000 candidates are drawn, and
    the page says so; the same seed draws the same picture after a reload."""
    open_explorer(page, f"{site_url}/demos/goodhart-explorer.html")
    before = draw_state(page)
    page.focus("#gh-n")
    page.keyboard.press("End")
    page.wait_for_function(f"{GOODHART}.draws[0].n === 10000")
    after = draw_state(page)
    assert [d["winner"]["score"] for d in after] != [d["winner"]["score"] for d in before]
    assert all(d["capped"] and d["shown"] == 2000 and d["count"] == 10_000 for d in after), after
    assert "2,000 are shown" in page.text_content("#gh-draw-cap")
    assert after[1]["winner"]["error"] > 10 * abs(after[1]["winner"]["value"]), after[1]
    assert after[0]["winner"]["value"] > 2.5, after[0]
    assert page.text_content("#gh-draw-title") == "One draw of 10,000 candidates: which one wins"
    page.keyboard.press("Home")
    page.wait_for_function(f"{GOODHART}.draws[0].n === 1")
    assert "nothing to pick" in page.text_content("#gh-draw-title")
    assert "2,000" not in page.text_content("#gh-draw-cap")
    page.keyboard.press("End")
    page.wait_for_function(f"{GOODHART}.draws[0].n === 10000")
    light_before = canvas_pixels(page, "#gh-draw-light")
    heavy_before = canvas_pixels(page, "#gh-draw-heavy")
    page.check("#gh-dist-cauchy")
    page.wait_for_function(f"{GOODHART}.ready && {GOODHART}.draws[1].distribution === 'cauchy'")
    assert canvas_pixels(page, "#gh-draw-light") == light_before, "the light-tailed draw is kept"
    assert canvas_pixels(page, "#gh-draw-heavy") != heavy_before
    assert page.text_content("#gh-draw-heavy-title") == "Frequent huge errors (heavy tails)"
    # the same seed, the same draw, in a fresh page (a reload would restore the form's choices;
    # pixels are not compared across pages, where the web font may arrive at another moment)
    again = page.context.new_page()
    open_explorer(again, f"{site_url}/demos/goodhart-explorer.html")
    assert draw_state(again) == before
    again.close()


@pytest.mark.parametrize("width", [320, 390])
def test_goodhart_draws_fit_a_phone_and_their_labels_are_clear(browser, site_url, width):
    """At 320 and 390 px the draws stack under the slider's place, within the screen's width
    (the page does not scroll sideways), and their labels, checked by the Node tests' judge
    (tests/js/support/label-check.js) with Chromium's fonts, are clear of the data and of each
    other at every N."""
    context = browser.new_context(**{**PHONE, "viewport": {"width": width, "height": 740}})
    try:
        page = context.new_page()
        open_explorer(page, f"{site_url}/demos/goodhart-explorer.html")
        page.add_script_tag(path=str(Path(__file__).parent / "js" / "support" / "label-check.js"))
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        boxes = [page.locator(c).bounding_box() for c in ("#gh-draw-light", "#gh-draw-heavy")]
        assert boxes[0]["y"] + boxes[0]["height"] <= boxes[1]["y"], "stacked, light first"
        for box in boxes:
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
        sizes = page.evaluate(f"{GOODHART}.sizes")
        page.focus("#gh-n")
        page.keyboard.press("Home")
        for step, n in enumerate(sizes):
            if step:
                page.keyboard.press("ArrowRight")
            page.wait_for_function(f"{GOODHART}.draws[0].n === {n}")
            problems = page.evaluate(
                f"{GOODHART}.charts.slice(2).map(c => labelCheck.labelProblems(c))"
            )
            assert problems == [[], []], (n, problems)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()


def test_goodhart_heavy_tails_switch_recomputes_the_right_chart(page, page_log, site_url):
    before = open_explorer(page, f"{site_url}/demos/goodhart-explorer.html")
    chart_before = canvas_pixels(page, "#gh-selection-chart")
    page.check("#gh-dist-cauchy")
    page.wait_for_function(
        f"{GOODHART}.ready && {GOODHART}.panels[1].distribution === 'cauchy'",
        timeout=TRAINING_TIMEOUT_MS,
    )
    after = page.evaluate(GOODHART)
    assert after["panels"][0]["points"] == before["panels"][0]["points"], (
        "the light-tailed side is kept"
    )
    assert after["panels"][1]["trueAtMaxN"] < after["panels"][1]["peakTrue"] - 0.3
    assert canvas_pixels(page, "#gh-selection-chart") != chart_before
    # plain words first, the technical name after (the reader review on a phone)
    assert page.text_content("#gh-heavy-title") == "Frequent huge errors (heavy tails)"
    assert "frequent huge errors" in page.text_content("#gh-summary")
    assert_clean(page_log)


def test_goodhart_selection_slider_works_from_the_keyboard(page, site_url):
    open_explorer(page, f"{site_url}/demos/goodhart-explorer.html")
    page.focus("#gh-n")
    page.keyboard.press("Home")  # from N = 1, every step up to 10,000
    before = page.evaluate(GOODHART)
    assert before["n"] == 1
    draws_before = [canvas_pixels(page, c) for c in ("#gh-draw-light", "#gh-draw-heavy")]
    summary_before = page.text_content("#gh-summary")
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"{GOODHART}.renders > {before['renders']}")
    after = page.evaluate(GOODHART)
    assert after["n"] > before["n"]
    assert page.get_attribute("#gh-n", "aria-valuetext") == f"best of {after['n']:,}"
    assert page.text_content("#gh-summary") != summary_before
    assert [canvas_pixels(page, c) for c in ("#gh-draw-light", "#gh-draw-heavy")] != draws_before
    # every step changes N, and the readout, the summary and both charts' markers agree on it
    seen = [after["n"]]
    for _ in range(len(after["sizes"]) - 2):
        page.keyboard.press("ArrowRight")
        state = page.evaluate(GOODHART)
        seen.append(state["n"])
        assert state["markedN"] == [state["n"], state["n"]], state["markedN"]
        assert f"Best of {state['n']:,}" in page.text_content("#gh-summary")
    assert seen == after["sizes"][1:] and seen[-1] == 10_000


def test_goodhart_n_slider_speaks_one_short_line_once_the_keys_settle(page, site_url):
    """The accessibility review: three steps of N had a screen reader read the value up to three
    times (aria-valuetext and two <output>s) and the 544-character summary at every step. Now
    the explorer has one live line: it says the result under the slider once, after the keys
    settle."""
    open_explorer(page, f"{site_url}/demos/goodhart-explorer.html")
    assert_one_live_line(page, "#goodhart-demo")
    said = said_once_keys_settle(page, "#goodhart-demo", "#gh-n", "ArrowRight")
    state = page.evaluate(GOODHART)
    assert len(said) < 200 and said.startswith(f"Best of {state['n']:,}, true value:"), said
    # the numbers of the line under the slider, which agrees with the summary
    assert TWO_DECIMALS.findall(said) == TWO_DECIMALS.findall(page.text_content("#gh-result"))
    assert page.get_attribute("#gh-n", "aria-valuetext") == f"best of {state['n']:,}"
    assert_one_live_line(page, "#goodhart-demo")


def test_goodhart_repetitions_say_running_then_the_result_not_every_frame(page, site_url):
    """Changing "Repetitions" once rewrote all four readouts at every frame of the new run;
    now the live line says at most "Running the trials…" and then the result, and the readouts
    of the sliders not moved are left alone."""
    open_explorer(page, f"{site_url}/demos/goodhart-explorer.html")
    page.click("#goodhart-demo .demo-more > summary")
    record_changes(page, "#goodhart-demo")
    page.focus("#gh-trials")
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        f"{GOODHART}.ready && {GOODHART}.trials === 250", timeout=TRAINING_TIMEOUT_MS
    )
    page.wait_for_timeout(1200)
    changes = page.evaluate("window.__demoChanges.splice(0)")
    said = [c["text"] for c in changes if c["live"]]
    result = " ".join(page.text_content("#gh-result").split()).replace(" · ", "; ")
    assert 1 <= len(said) <= 2 and said[-1] == f"{result}.", said
    assert said[:-1] in ([], ["Running the trials…"]), said
    rewritten = [c["id"] for c in changes if c["tag"] == "output"]
    assert rewritten == ["gh-trials-out"], rewritten


PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
TWO_DECIMALS = re.compile(r"\u2212?\d+\.\d\d")


def in_clear_view(page, selector: str) -> bool:
    """Wholly on the screen, below the header, and not under anything else (the sticky controls,
    the "Back to top" button): what is hit at its corners and centre is the element itself, a
    part of it, or what it sits on (a radio button's label around its round edge)."""
    return page.eval_on_selector(
        selector,
        """e => {
          const r = e.getBoundingClientRect();
          const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
          if (r.top < header || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) return false;
          const points = [[0.5, 0.5], [0.05, 0.05], [0.95, 0.05], [0.05, 0.95], [0.95, 0.95]];
          return points.every(([fx, fy]) => {
            const hit = document.elementFromPoint(r.left + fx * r.width, r.top + fy * r.height);
            return hit && (hit === e || e.contains(hit) || hit.contains(e)); // e or what it is on
          });
        }""",
    )


def touch_drag(page, selector: str, start: float, end: float) -> None:
    """Drag a finger along a slider, from `start` to `end` (fractions of its width), in steps."""
    box = page.locator(selector).bounding_box()
    y = box["y"] + box["height"] / 2
    cdp = page.context.new_cdp_session(page)
    xs = [box["x"] + box["width"] * (start + (end - start) * i / 8) for i in range(9)]
    cdp.send(
        "Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": xs[0], "y": y}]}
    )
    for x in xs[1:]:
        cdp.send(
            "Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]}
        )
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def two_decimals(value: float) -> str:
    """A number as the page writes it (demo-page.js formatNumber): a real minus, none on zero."""
    text = f"{value:.2f}"
    return text.lstrip("-") if float(text) == 0 else text.replace("-", "\u2212")


def result_agrees_with_summary(page) -> None:
    """The line under the slider says the summary's numbers: the same N, no number the summary
    does not give, and first in each chart's part the winner's true value in that chart."""
    state = page.evaluate(GOODHART)
    result = " ".join(page.text_content("#gh-result").split())
    summary = page.text_content("#gh-summary")
    assert result.startswith(f"Best of {state['n']:,}") and f"Best of {state['n']:,}," in summary
    assert set(TWO_DECIMALS.findall(result)) <= set(TWO_DECIMALS.findall(summary)), (
        result,
        summary,
    )
    parts = result.split(" · ")
    assert len(parts) == 2, result
    for part, panel in zip(parts, state["panels"], strict=True):
        assert TWO_DECIMALS.findall(part)[0] == two_decimals(panel["trueAtN"]), (part, panel)


def show_charts(page) -> None:
    """Scroll the explorer's first chart, its title, up to just under the header: the reader has
    brought the charts to the top of the screen (on a phone the slider is then at its foot)."""
    page.evaluate(
        """() => scrollBy(0, document.querySelector("#goodhart-demo .demo-chart-title")
                             .getBoundingClientRect().top
                         - document.querySelector(".md-header").getBoundingClientRect().bottom - 4)"""
    )
    page.wait_for_timeout(100)


def test_goodhart_on_a_phone_the_slider_its_result_and_both_charts_share_the_screen(
    browser, site_url
):
    """The reader review at 390 x 844: the "best of N" bar, stuck under the header, covered the
    first chart's title and half its legend, and the result line ("Best of 20: ... down from
    0.73"), under both charts, was out of sight while the reader dragged. Now the bar, slider and
    result line together, sits under the charts and stays at the foot of the screen while the
    charts come into view: with the charts brought to the top of the screen, both are whole,
    titles and legends uncovered, and the slider and the result are in view below them while
    the reader drags by touch or steps by keys."""
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        open_explorer(page, f"{site_url}/demos/goodhart-explorer.html")
        show_charts(page)
        together = (
            "#gh-n",
            "#gh-light-chart",
            "#gh-selection-chart",
            "#gh-result",
            "#goodhart-demo .demo-chart-title >> nth=0",
            "#gh-heavy-title",
        )
        seen = [page.text_content("#gh-result")]
        moves = [
            lambda: touch_drag(page, "#gh-n", 0.02, 0.45),
            lambda: touch_drag(page, "#gh-n", 0.45, 0.95),
            lambda: touch_drag(page, "#gh-n", 0.95, 0.25),
            lambda: [page.focus("#gh-n"), *(page.keyboard.press("ArrowRight") for _ in range(3))],
        ]
        for move in moves:
            move()
            page.wait_for_timeout(50)
            for selector in together:
                assert in_clear_view(page, selector), f"{selector} is not in view while N moves"
            seen.append(page.text_content("#gh-result"))
            assert seen[-1] != seen[-2], "the result line follows the slider"
            result_agrees_with_summary(page)
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_goodhart_on_a_phone_the_bar_covers_no_chart_the_reader_has_scrolled_to(
    browser, site_url, scheme
):
    """Scrolled to as the reviewer did (the demo brought into view by a script), and then down
    through the charts a few pixels at a time: the bar is at the screen's foot or in its place
    under the charts, never over the top of the screen, where the reader reads the chart titles
    and legends; with the demo brought into view, the first title, both legends and the bar are
    all in clear view."""
    context = browser.new_context(**PHONE, color_scheme=scheme)
    try:
        page = context.new_page()
        open_explorer(page, f"{site_url}/demos/goodhart-explorer.html")
        page.evaluate("document.getElementById('goodhart-demo').scrollIntoView()")
        page.wait_for_timeout(100)
        first_title = "#goodhart-demo .demo-chart-title >> nth=0"
        for selector in (first_title, "#gh-light-chart", "#gh-n", "#gh-result"):
            assert in_clear_view(page, selector), selector
        legend = page.evaluate(
            f"{GOODHART}.charts[0].texts.filter(t => t.text === 'True value').length"
        )
        assert legend == 1, "the first chart's legend is drawn"
        start = page.evaluate("scrollY")
        for y in range(start - 500, start + 700, 20):
            page.evaluate(f"scrollTo(0, {y})")
            bar = page.locator(".demo-sticky").bounding_box()
            if bar["y"] + bar["height"] <= 0 or bar["y"] >= 844:
                continue  # out of view
            stuck_at_foot = abs(bar["y"] + bar["height"] - 844) < 1
            charts_end = page.evaluate(
                "document.querySelector('#goodhart-demo .demo-panels').getBoundingClientRect().bottom"
            )
            assert stuck_at_foot or bar["y"] >= charts_end, (
                f"at scroll {y} the bar, at {bar['y']:.0f} px, is neither at the foot nor in its place"
            )
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_goodhart_phone_controls_stay_on_an_opaque_panel(browser, site_url, scheme):
    """What scrolls under the stuck slider must not show through it, in either scheme; on a
    desktop the slider stays in the page as before."""
    context = browser.new_context(**PHONE, color_scheme=scheme)
    try:
        page = context.new_page()
        open_explorer(page, f"{site_url}/demos/goodhart-explorer.html")
        position, background, page_background = page.eval_on_selector(
            ".demo-sticky",
            """e => [getComputedStyle(e).position, getComputedStyle(e).backgroundColor,
                     getComputedStyle(document.body).backgroundColor]""",
        )
        assert position == "sticky"
        # rgb(), not rgba(): fully opaque, and the page's own background
        assert background.startswith("rgb(") and background == page_background, (
            background,
            page_background,
        )
        page.set_viewport_size({"width": 1440, "height": 900})
        assert (
            page.eval_on_selector(".demo-sticky", "e => getComputedStyle(e).position") == "static"
        )
    finally:
        context.close()


def test_goodhart_on_a_phone_tab_does_not_hide_focus_under_the_stuck_slider(browser, site_url):
    """WCAG 2.4.11: a control reached by the keyboard scrolls clear of the bar stuck at the foot
    of the screen (the choice of errors, under the second chart, right above the bar's place)."""
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        open_explorer(page, f"{site_url}/demos/goodhart-explorer.html")
        # The tails' radio buttons scrolled down to where the stuck bar covers them.
        page.evaluate(
            "scrollBy(0, document.querySelector('#gh-dist-t2').getBoundingClientRect().bottom - 820)"
        )
        bar = page.locator(".demo-sticky").bounding_box()
        radio = page.locator("#gh-dist-t2").bounding_box()
        assert abs(bar["y"] + bar["height"] - 844) < 1, "the bar is stuck at the foot"
        assert radio["y"] + radio["height"] > bar["y"], "the radio button is under the bar"
        page.focus("#gh-n")
        page.keyboard.press("Shift+Tab")
        assert page.evaluate("document.activeElement.id") == "gh-dist-t2"
        assert in_clear_view(page, "#gh-dist-t2")
    finally:
        context.close()


def test_boat_try_next_asks_first_then_answers(page, site_url):
    """Reader review 9: the boat race's best experiment ("just pay it more for finishing") was one
    long bullet with two experiments, "discounted" and a seed caveat. Now "Try next" asks each
    question first, in bold, and answers it in a paragraph of its own, "discounted" in plain
    words; in print too (only the pointer to the sliders is web-only)."""
    page.goto(f"{site_url}/demos/boat-race.html")
    items = page.locator("h2#try-next ~ ol > li")
    assert items.count() == 2
    for index in range(2):
        question = items.nth(index).locator("p").first.locator("strong").text_content()
        assert question.endswith("?"), question
        assert items.nth(index).locator("p").count() == 2, "the answer in its own paragraph"
    first = " ".join(items.nth(0).text_content().split())
    assert "500" in first and "keeps circling" in first, first
    assert "discounted" in first and "a little less for every move it lies ahead" in first, first
    assert "depends on the seed" in items.nth(1).text_content()
    page.emulate_media(media="print")
    assert page.is_visible("h2#try-next") and items.nth(1).is_visible()


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
        assert caption.startswith("The result of the live demo.")
        assert "interactive version of this figure needs JavaScript" in page.text_content(
            ".demo-noscript"
        )
        natural_width = page.eval_on_selector(
            ".demo-static img", "i => i.complete && i.naturalWidth"
        )
        assert natural_width, "the static figure must load"
    finally:
        context.close()


def test_demos_work_opened_from_a_folder(page, page_log, site_dir: Path):
    page.goto((site_dir / "demos" / "boat-race.html").as_uri())
    page.wait_for_selector("#boat-race-demo.js-demo-ready")
    assert page.evaluate(BOAT)["mode"] == "idle"
    page.goto((site_dir / "demos" / "goodhart-explorer.html").as_uri())
    page.wait_for_selector("#goodhart-demo.js-demo-ready")
    page.wait_for_function(f"{GOODHART}.ready", timeout=TRAINING_TIMEOUT_MS)
    assert page.evaluate(GOODHART)["panels"][1]["points"]
    assert page_log.page_errors == []
    assert page_log.foreign_requests == []


def test_charts_redraw_in_the_dark_scheme(page, site_url):
    open_explorer(page, f"{site_url}/demos/goodhart-explorer.html")
    light = canvas_pixels(page, "#gh-selection-chart")
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    page.wait_for_function(
        "c => document.querySelector('#gh-selection-chart').toDataURL() !== c",
        arg=light,
    )
    proxy_colour = page.evaluate(
        "getComputedStyle(document.querySelector('#goodhart-demo')).getPropertyValue('--demo-proxy').trim()"
    )
    assert proxy_colour == "#f0a35e"
