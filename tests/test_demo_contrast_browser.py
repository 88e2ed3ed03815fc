"""Contrast of the demos' controls and chart colours, in both colour schemes, measured in Debian's
Chromium on what it renders (WCAG 2.1: 3:1 for user interface components and graphics, 1.4.11;
4.5:1 for text, 1.4.3). The controls are native inputs whose look the browser decides, so they are
judged on their pixels: a slider's filled track and thumb, a radio button's ring, a text field's
border, each against the panel around it.
"""

from __future__ import annotations

import io
from collections import Counter

import pytest
from coloraide import Color
from PIL import Image

pytestmark = pytest.mark.browser

PAGES = {
    "specification-gaming.html": "#live-boat-loop",
    "goodhart.html": "#live-goodhart-tails",
    "rlhf.html": "#live-kl-leash",
    "core-difficulties.html": "#live-coin-moved",
    "demos/goodhart-explorer.html": "#goodhart-demo",
    "demos/boat-race.html": "#boat-race-demo",
}
CONTROLS = ".demo input[type=range], .demo input[type=radio], .demo input[type=checkbox], .demo input[type=number]"
RING = 5  # CSS px of panel around a control, to read the panel's colour from


def _rgb(pixel) -> Color:
    return Color("srgb", [c / 255 for c in pixel[:3]])


def _contrast(a: Color, b: Color) -> float:
    return a.contrast(b, method="wcag21")


def _open(browser, site_url, path, scheme):
    context = browser.new_context(
        viewport={"width": 1440, "height": 900}, device_scale_factor=2, color_scheme=scheme
    )
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
    selector = PAGES[path]
    page.wait_for_selector(f"{selector}.js-demo-ready")
    page.locator(selector).scroll_into_view_if_needed()
    page.wait_for_function(
        f"!['waiting', 'computing', 'training'].includes(document.querySelector('{selector}').dataset.state)",
        timeout=60_000,
    )
    page.eval_on_selector_all(".demo details", "ds => ds.forEach(d => { d.open = true; })")
    return context, page


def _shot(page, box: dict, ring: float) -> tuple[Image.Image, float]:
    clip = {
        "x": box["x"] - ring,
        "y": box["y"] - ring,
        "width": box["width"] + 2 * ring,
        "height": box["height"] + 2 * ring,
    }
    image = Image.open(io.BytesIO(page.screenshot(clip=clip))).convert("RGB")
    return image, image.width / clip["width"]


def _panel(image: Image.Image, ring_px: int) -> Color:
    """The commonest colour in the ring around the control: the panel it sits on."""
    w, h = image.size
    pixels = [
        image.getpixel((x, y))
        for x in range(w)
        for y in range(h)
        if x < ring_px - 1 or y < ring_px - 1 or x >= w - ring_px + 1 or y >= h - ring_px + 1
    ]
    return _rgb(Counter(pixels).most_common(1)[0][0])


def _inner_colours(image: Image.Image, ring_px: int) -> list:
    """The colours inside the ring, each once: the contrast of each colour is what counts, and a
    control's thousands of pixels share a few dozen colours (each pixel's contrast, worked out
    one by one, took seconds a page)."""
    inner = image.crop((ring_px, ring_px, image.width - ring_px, image.height - ring_px))
    return [colour for _, colour in inner.getcolors(inner.width * inner.height) or []]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_every_control_stands_out_from_its_panel(browser, site_url, path, scheme):
    context, page = _open(browser, site_url, path, scheme)
    problems, checked = [], 0
    try:
        for control in page.locator(CONTROLS).all():
            if not control.is_visible():
                continue
            kind = control.get_attribute("type")
            name = control.get_attribute("id") or control.get_attribute("name") or kind
            # clear of the sticky header
            control.evaluate("e => e.scrollIntoView({block: 'center'})")
            if kind == "range":  # a value in the middle: both the filled and the empty track show
                control.evaluate(
                    "e => { e.value = (Number(e.min) + Number(e.max)) / 2; e.dispatchEvent(new Event('input')); }"
                )
            page.wait_for_timeout(50)
            box = control.bounding_box()
            image, scale = _shot(page, box, RING)
            ring_px = round(RING * scale)
            panel = _panel(image, ring_px)
            if kind == "range":
                row = image.height // 2
                filled = _rgb(image.getpixel((ring_px + round(0.15 * box["width"] * scale), row)))
                thumb = _rgb(image.getpixel((image.width // 2, row)))
                for part, colour in (("filled track", filled), ("thumb", thumb)):
                    if _contrast(colour, panel) < 3:
                        problems.append(
                            f"{name}: {part} {colour.to_string(hex=True)} on {panel.to_string(hex=True)} "
                            f"is {_contrast(colour, panel):.2f}:1"
                        )
            else:  # the ring or border: the pixel that stands out most
                best = max(_contrast(_rgb(c), panel) for c in _inner_colours(image, ring_px))
                if best < 3:
                    problems.append(
                        f"{name} ({kind}): its outline reaches only {best:.2f}:1 on {panel.to_string(hex=True)}"
                    )
            checked += 1
    finally:
        context.close()
    assert checked, f"no visible control on {path}"
    assert problems == [], f"{path}, {scheme} scheme: " + "; ".join(problems)


def _composite(colour: str, under: Color) -> Color:
    """A CSS colour, possibly translucent, as seen over `under`."""
    c = Color(colour).convert("srgb")
    alpha = c.alpha()
    return Color(
        "srgb",
        [alpha * a + (1 - alpha) * b for a, b in zip(c.coords(), under.coords(), strict=True)],
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["goodhart.html", "rlhf.html", "demos/goodhart-explorer.html"])
def test_chart_lines_and_text_contrast_with_the_chart_background(browser, site_url, path, scheme):
    context, page = _open(browser, site_url, path, scheme)
    try:
        selector = PAGES[path]
        colours = page.evaluate(
            f"AlignmentDemos.page.themeColours(document.querySelector('{selector}'))"
        )
        canvas = page.locator(f"{selector} canvas").first
        canvas.evaluate("e => e.scrollIntoView({block: 'center'})")
        image = Image.open(io.BytesIO(canvas.screenshot())).convert("RGB")
    finally:
        context.close()
    counts = image.getcolors(image.width * image.height)
    assert counts, "the chart's screenshot has no pixels"
    background = _rgb(max(counts)[1])  # a chart is mostly background
    for name, need in (
        ("proxy", 3),
        ("truth", 3),
        ("fg", 4.5),
        ("muted", 4.5),
        ("proxyText", 4.5),
    ):
        ratio = _contrast(_composite(colours[name], background), background)
        assert ratio >= need, (
            f"{scheme}: {name} {colours[name]} is {ratio:.2f}:1 on {background.to_string(hex=True)}"
        )


# The charts' state: window.AlignmentDemos.<name>.state().charts, each with every text it wrote
# and its colour; and the slider that takes N (or the leash) to its far end, where the proxy's
# score is off the chart and written beside an arrow in the proxy's colour.
CHART_STATES = {
    "goodhart.html": ("goodhartTails", "#lgt-n"),
    "rlhf.html": ("klLeash", "#lkl-d"),
    "demos/goodhart-explorer.html": ("goodhart", "#gh-n"),
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", list(CHART_STATES))
def test_chart_text_in_a_line_colour_reads_at_4_5_to_1(browser, site_url, path, scheme):
    """WCAG 1.4.3: every text a chart writes, 4.5:1 on the chart's background, the texts written
    in a line's colour (the proxy's "proxy 84 at N = 10,000", the true value's "peak") included:
    a line's colour need only reach 3:1 (above), so such a text has a darker (or, in the dark
    scheme, lighter) colour of the same hue, --demo-proxy-text beside --demo-proxy."""
    state, slider = CHART_STATES[path]
    context, page = _open(browser, site_url, path, scheme)
    try:
        selector = PAGES[path]
        page.eval_on_selector(
            slider,
            "e => { e.value = e.max; e.dispatchEvent(new Event('input', {bubbles: true})); }",
        )
        page.wait_for_timeout(300)
        canvas = page.locator(f"{selector} canvas").first
        canvas.evaluate("e => e.scrollIntoView({block: 'center'})")
        image = Image.open(io.BytesIO(canvas.screenshot())).convert("RGB")
        texts = page.evaluate(
            f"window.AlignmentDemos.{state}.state().charts"
            ".flatMap(c => c.texts.map(t => [t.kind, t.text, t.colour]))"
        )
        colours = page.evaluate(
            f"AlignmentDemos.page.themeColours(document.querySelector('{selector}'))"
        )
    finally:
        context.close()
    counts = image.getcolors(image.width * image.height)
    assert counts, "the chart's screenshot has no pixels"
    background = _rgb(max(counts)[1])
    assert texts, f"{path}: the charts report no text"
    # the proxy's score, off the chart at the far end of the slider, is written in its colour
    in_proxy_colour = [t for t in texts if t[2] in (colours["proxy"], colours["proxyText"])]
    if path != "rlhf.html":  # the leash's chart is tall enough for the reward model's score
        assert any(kind == "offscale" for kind, _, _ in in_proxy_colour), texts
    problems = sorted(
        {
            f"{kind} {text!r} in {colour}: {_contrast(_composite(colour, background), background):.2f}:1"
            for kind, text, colour in texts
            if _contrast(_composite(colour, background), background) < 4.5
        }
    )
    assert problems == [], f"{scheme}, on {background.to_string(hex=True)}: " + "; ".join(problems)


# A button's label colour, then the backgrounds from its face out to the page's root: the face a
# reader sees is all of them laid over one another (panels are often translucent).
BUTTON_COLOURS = """b => {
  const layers = [];
  for (let e = b; e; e = e.parentElement) layers.push(getComputedStyle(e).backgroundColor);
  return [getComputedStyle(b).color, layers];
}"""
STATES = {  # how a reader gets each look (no button has a pressed look: labels say what it does)
    "at rest": None,
    "hovered": lambda button: button.hover(),
    "focused": lambda button: button.focus(),
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["specification-gaming.html", "demos/boat-race.html"])
def test_button_labels_are_legible_in_every_state(browser, site_url, path, scheme):
    """WCAG 1.4.3: a button's label 4.5:1 on its face, at rest, hovered and focused
    (the face is the colour behind the button where the button has none of its own)."""
    context, page = _open(browser, site_url, path, scheme)
    # read the end state, not a fade
    page.add_style_tag(content="* { transition: none !important; }")
    problems, checked = [], 0
    try:
        for button in page.locator(".demo button").all():
            if not button.is_visible():
                continue
            name = button.get_attribute("aria-label") or " ".join(button.inner_text().split())
            assert button.get_attribute("aria-pressed") is None, name
            for state, reach in STATES.items():
                page.mouse.move(0, 0)
                button.evaluate("b => b.blur()")
                if reach:
                    button.evaluate("e => e.scrollIntoView({block: 'center'})")
                    reach(button)
                text, layers = button.evaluate(BUTTON_COLOURS)
                background = Color("white")  # the browser's canvas, under the root
                for layer in reversed(layers):
                    background = _composite(layer, background)
                ratio = _contrast(_composite(text, background), background)
                if ratio < 4.5:
                    problems.append(
                        f"{name!r} {state}: {text} on {background.to_string(hex=True)} is {ratio:.2f}:1"
                    )
                checked += 1
    finally:
        context.close()
    assert checked, f"no visible button on {path}"
    assert problems == [], f"{path}, {scheme} scheme: " + "; ".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_clicked_button_does_not_look_pressed(browser, site_url, scheme):
    """After a click the button keeps the focus, and Material fills a focused button: Play and
    Pause read as held down. Filled for keyboard focus only, as the ring is."""
    context, page = _open(browser, site_url, "specification-gaming.html", scheme)
    try:
        button = page.locator(PAGES["specification-gaming.html"] + " .demo-play")
        rest = button.evaluate("b => getComputedStyle(b).backgroundColor")
        button.click()
        page.mouse.move(0, 0)
        page.add_style_tag(content="* { transition: none !important; }")
        assert button.evaluate("b => b === document.activeElement")
        assert button.evaluate("b => getComputedStyle(b).backgroundColor") == rest
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        assert button.evaluate("b => b.matches(':focus-visible')")
        assert button.evaluate("b => getComputedStyle(b).backgroundColor") != rest
    finally:
        context.close()
