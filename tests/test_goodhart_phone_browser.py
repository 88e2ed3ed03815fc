"""The Goodhart explorer on a phone, upright (390 x 844) and on its side (844 x 390), after a
reader review: the N slider stuck under the header with its result line took 163 px, and the top
of the second chart, with its "N = 1" marker label, went under it before the reader could see
that chart whole while dragging; on its side no chart fitted beside the slider at all. And the
words a reader sees while dragging ("light tails −0.02 · heavier tails −0.05", "KL divergence")
assumed statistics the site promises not to need. (The phone's other checks, the tab order and
the opaque panel: test_demos_browser.py.)"""

from __future__ import annotations

import pytest

from test_demos_browser import (
    GOODHART,
    PHONE,
    in_clear_view,
    open_explorer,
    result_agrees_with_summary,
    stick_slider,
    touch_drag,
)

pytestmark = pytest.mark.browser

URL = "/demos/goodhart-explorer.html"
ON_ITS_SIDE = {**PHONE, "viewport": {"width": 844, "height": 390}}
CHARTS = ("#gh-light-chart", "#gh-selection-chart")  # in the order of state().charts

# Where things are, in CSS px from the top of the screen: the header's and the slider block's
# bottom, whether the block is stuck, and for each selection chart its title's top, its canvas's
# top and bottom, and the top of its "N = …" marker label (drawn on the canvas at its top).
LAYOUT = """() => {
  const box = (s) => document.querySelector(s).getBoundingClientRect();
  const header = box(".md-header").bottom;
  const panel = box(".demo-sticky");
  const state = window.AlignmentDemos.goodhart.state();
  const charts = ["#gh-light-chart", "#gh-selection-chart"].map((id, i) => {
    const canvas = box(id);
    const label = state.charts[i].texts.find((t) => /^N = /.test(t.text));
    return { id, title: document.querySelector(id).previousElementSibling.getBoundingClientRect().top,
             top: canvas.top, bottom: canvas.bottom, label: label ? canvas.top + label.box.y : null,
             labelText: label ? label.text : null };
  });
  return { header, panelTop: panel.top, panelBottom: panel.bottom, height: panel.height,
           stuck: getComputedStyle(document.querySelector(".demo-sticky")).position === "sticky"
                  && Math.abs(panel.top - header) < 1,
           innerHeight, scrollY, charts };
}"""


def layout(page) -> dict:
    return page.evaluate(LAYOUT)


def whole_below(view: dict) -> list[str]:
    """The charts not wholly in view under the slider's block: each one's title, its marker
    label and its canvas must be below the block and the header, and its bottom on the screen."""
    ceiling = max(view["header"], view["panelBottom"])
    return [
        chart["id"]
        for chart in view["charts"]
        if not (
            chart["title"] >= ceiling - 0.5
            and chart["label"] is not None
            and chart["label"] >= ceiling - 0.5
            and chart["bottom"] <= view["innerHeight"] + 0.5
        )
    ]


def open_phone(browser, site_url: str, device: dict, scheme: str = "light"):
    context = browser.new_context(**device, color_scheme=scheme)
    page = context.new_page()
    open_explorer(page, f"{site_url}{URL}")
    return context, page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_stuck_slider_is_one_compact_block(browser, site_url, scheme):
    """Stuck under the header, the block holds the slider, its label and its number, no more:
    the track and the number on one line, at most 80 px in all (it was 163 px). The result line
    is under the charts, out of the stuck block."""
    context, page = open_phone(browser, site_url, PHONE, scheme)
    try:
        stick_slider(page)
        view = layout(page)
        assert view["stuck"], view
        assert view["height"] <= 80, f"the stuck block is {view['height']:.0f} px tall"
        track, number = (
            page.locator("#gh-n").bounding_box(),
            page.locator("#gh-n-out").bounding_box(),
        )
        middle = number["y"] + number["height"] / 2
        assert track["y"] <= middle <= track["y"] + track["height"], (track, number)
        assert track["height"] >= 44, "the slider keeps 44 px to touch"
        assert page.locator(".demo-sticky #gh-result").count() == 0
        result = page.locator("#gh-result").bounding_box()
        assert result["y"] >= max(c["bottom"] for c in view["charts"]), (
            "the result under the charts"
        )
    finally:
        context.close()


def test_on_a_phone_the_slider_and_both_whole_charts_share_the_screen(browser, site_url):
    """Scrolling the demo up a pixel at a time (4 px steps) to where the slider sticks and a
    little past: in a band of scroll positions at least 80 px deep, the slider is in clear view
    and both charts are whole on the screen below it, titles, "N = 1" labels and axes. With the
    163 px block the band was 17 px deep: a reader who scrolled a little too far or not far
    enough lost the top or the bottom of a chart."""
    context, page = open_phone(browser, site_url, PHONE)
    try:
        stick_slider(page)
        stuck_at = page.evaluate("scrollY")
        band = 0
        for y in range(stuck_at - 300, stuck_at + 41, 4):
            page.evaluate(f"scrollTo(0, {y})")
            view = layout(page)
            if not whole_below(view) and in_clear_view(page, "#gh-n"):
                band += 4
            if view["stuck"] and view["scrollY"] == stuck_at:
                assert not whole_below(view), view
                assert all(c["labelText"] == "N = 1" for c in view["charts"]), view
        assert band >= 80, f"slider and both whole charts share the screen over {band} px of scroll"
    finally:
        context.close()


def test_dragging_n_on_a_phone_moves_no_chart(browser, site_url):
    """Dragging N by touch with the slider just stuck: both charts stay whole and in place (the
    result line, whose words change length as N moves, is under them, not over them) and the
    marker label follows N."""
    context, page = open_phone(browser, site_url, PHONE)
    try:
        stick_slider(page)
        before = layout(page)
        for start, end in ((0.02, 0.5), (0.5, 0.97), (0.97, 0.3)):
            touch_drag(page, "#gh-n", start, end)
            page.wait_for_timeout(50)
            view = layout(page)
            assert not whole_below(view), view
            assert [c["top"] for c in view["charts"]] == [c["top"] for c in before["charts"]]
            n = page.evaluate(GOODHART)["n"]
            assert all(c["labelText"] == f"N = {n:,}" for c in view["charts"]), view
            for selector in ("#gh-n", *CHARTS, "#gh-result"):
                assert in_clear_view(page, selector), selector
            result_agrees_with_summary(page)
    finally:
        context.close()


def test_a_phone_on_its_side_shows_the_slider_and_both_whole_charts(browser, site_url):
    """844 x 390: the slider (not stuck: the screen is too low to spare the room) and both
    charts, side by side, whole under it, when the reader scrolls the slider up to the header;
    the charts were 297 px tall under a 140 px block, in a 342 px screen."""
    context, page = open_phone(browser, site_url, ON_ITS_SIDE)
    try:
        stick_slider(page)
        view = layout(page)
        position = page.eval_on_selector(".demo-sticky", "e => getComputedStyle(e).position")
        assert position == "static", position
        assert in_clear_view(page, "#gh-n")
        assert not whole_below(view), view
        for selector in CHARTS:
            assert in_clear_view(page, selector), selector
        touch_drag(page, "#gh-n", 0.02, 0.6)
        page.wait_for_timeout(50)
        assert not whole_below(layout(page))
        result_agrees_with_summary(page)
        labels = page.evaluate(f"{GOODHART}.charts.slice(0, 2).map(c => c.texts.length)")
        assert all(count >= 8 for count in labels), labels  # axes, legend, ticks still drawn
    finally:
        context.close()


def test_the_desktop_keeps_its_layout(page, site_url):
    """1280 x 800 had no such fault: the slider, the result line under it, then the charts side
    by side, none of it stuck."""
    page.set_viewport_size({"width": 1280, "height": 800})
    open_explorer(page, f"{site_url}{URL}")
    assert page.eval_on_selector(".demo-sticky", "e => getComputedStyle(e).position") == "static"
    slider = page.locator("#gh-n").bounding_box()
    result = page.locator("#gh-result").bounding_box()
    light, heavy = (page.locator(s).bounding_box() for s in CHARTS)
    assert (
        slider["y"] + slider["height"] <= result["y"] < result["y"] + result["height"] < light["y"]
    )
    assert light["y"] == heavy["y"] and light["x"] < heavy["x"], "side by side, light first"
    assert result["y"] - (slider["y"] + slider["height"]) < 20


def test_the_words_a_reader_sees_put_plain_words_first(page, site_url):
    """ "How often the error is huge" before "how heavy its tails are"; no "KL divergence" in
    what to try or under the slider; the term "regressional Goodhart" after what it means."""
    open_explorer(page, f"{site_url}{URL}")
    result = page.text_content("#gh-result")
    assert "tail" not in result and "huge errors" in result, result
    choices = " ".join(page.locator("#goodhart-demo fieldset.demo-choice").all_text_contents())
    assert "tail" not in choices and "Huge errors" in choices, choices
    for title in page.locator("#goodhart-demo .demo-chart-title").all_text_contents():
        plain, _, technical = title.partition(" (")
        assert "huge errors" in plain.lower() and "tails" in technical, title
    help_text = page.text_content("#goodhart-demo .demo-help")
    assert help_text.index("how often the error is huge") < help_text.index("tails"), help_text
    summary = page.text_content("#gh-summary")
    assert summary.index("picks its error") < summary.index("regressional Goodhart"), summary
    steps = page.locator("#what-to-try + .web-only li").all_text_contents()
    assert len(steps) == 4 and not any("KL divergence" in step for step in steps), steps
    for step in steps:
        if "tail" in step:
            assert step.index("huge") < step.index("tail"), step
