"""The figures drawn for phones (docs/assets/figures/*-narrow.svg) read at 11 px on the narrowest
phone, and are not so tall that the reader loses the figure while scrolling through it.

A phone up to 599 px wide is shown the narrow version of a figure (scripts/figures.py,
add_narrow_variants), as wide as the content column: on a 320 px phone that is 288 CSS px
(Material's 0.8 rem margins at 20 px a rem; 358 px on a 390 px phone). Until December 2026
the narrow files were drawn 480 units wide with 14-16-unit labels, which a 320 px phone showed at
8.4-9.6 px, smaller than anything else on the page (body text 16.8 px, captions 14 px); they are
now drawn at 19 units or more in the same 480-unit viewBox (11.4 px at 320, 14.2 px at 390).

The static tests read every piece of text's effective font size from the SVG as a browser would
(its own font-size attribute or the size it inherits from its groups; em and % relative to the
parent; scaled by the transforms above it; a size or transform set in CSS is refused, not
guessed: no figure sets one),
and work out the size a 288 px column shows it at. The browser test checks that reading against
Chromium's, and that no text overlaps another or runs out of the viewBox in the fallback font
(DejaVu Sans, wider than the phones' own sans-serifs: an SVG shown as an <img> cannot use the
page's web fonts).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
import tinycss2
from tinycss2.ast import (
    DimensionToken,
    NumberToken,
    PercentageToken,
)

from figures import NARROW_SUFFIX, svg_size
from svg_text import scale_of

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ROOT / "docs" / "assets" / "figures"
NARROW_FIGURES = sorted(FIGURES.glob(f"*{NARROW_SUFFIX}"))

# The content column of a 320 px phone (iPhone SE, first generation: 320 x 568 CSS px), where
# the narrow figures are shown: 320 px less Material's two 0.8 rem margins at 20 px a rem.
COLUMN_PX = 288
MIN_TEXT_PX = 11.0
# A figure much taller than the screen is read a piece at a time, its start scrolled away: worse
# than small text. At most 1.6 screens of that phone at the column's width (909 px: 1.6 x 568).
PHONE_SCREEN_PX = 568
MAX_SCREENS = 1.6

SVG_NS = "{http://www.w3.org/2000/svg}"
TEXT_ELEMENTS = {f"{SVG_NS}{name}" for name in ("text", "tspan", "textPath")}
NOT_DRAWN = {f"{SVG_NS}{name}" for name in ("title", "desc", "metadata", "style", "script")}
INITIAL_FONT_SIZE = 16.0  # `medium`, what an SVG shown as an image starts from
ABSOLUTE_UNITS = {"": 1.0, "px": 1.0, "pt": 4 / 3, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54}
ABSOLUTE_UNITS |= {"mm": 96 / 25.4, "q": 96 / 101.6}


class UnreadableSizeError(ValueError):
    """A font size this reading does not work out (the figure should set its sizes as the
    figures do: a number in the font-size attribute of the element or its group)."""


@dataclass(frozen=True)
class Text:
    """A piece of drawn text: its font size in viewBox units, after the transforms above it."""

    size: float
    text: str


# A size or a transform set by CSS rather than by attributes, which this reading does not
# cascade: no figure does it, and a test that silently misread one would pass a small label.
STYLED_SIZE = re.compile(r"(?<![\w-])(?:font-size|font|transform)\s*:", re.IGNORECASE)


def refuse_styled_sizes(root: ET.Element) -> None:
    """Raise if a <style> element or a style attribute sets a font size or a transform."""
    for element in root.iter():
        css = element.text if element.tag == f"{SVG_NS}style" else element.get("style")
        if css and (found := STYLED_SIZE.search(css)):
            raise UnreadableSizeError(
                f"'{found.group(0)}' in a {element.tag.removeprefix(SVG_NS)}'s CSS: set font sizes"
                " and transforms as the element's attributes, as the figures do"
            )


def _length(tokens: list, parent: float, root: float, attribute: bool) -> float:
    """A font size's value in px (user units), relative sizes against the parent's."""
    if len(tokens) == 1:
        token = tokens[0]
        if isinstance(token, NumberToken) and (attribute or token.value == 0):
            return float(token.value)
        if isinstance(token, PercentageToken):
            return parent * float(token.value) / 100
        if isinstance(token, DimensionToken):
            unit = token.lower_unit
            if unit in ABSOLUTE_UNITS:
                return float(token.value) * ABSOLUTE_UNITS[unit]
            if unit == "em":
                return parent * float(token.value)
            if unit == "rem":
                return root * float(token.value)
    raise UnreadableSizeError(
        f"font size '{tinycss2.serialize(tokens).strip()}' is not one this test reads:"
        " give a number (user units) or px"
    )


def _attribute_tokens(value: str) -> list:
    tokens = tinycss2.parse_component_value_list(value.strip())
    return [t for t in tokens if t.type not in ("whitespace", "comment")]


def text_sizes(source: str) -> list[Text]:
    """Each text, tspan or textPath that draws characters of its own, with the font size it is
    drawn at in viewBox units: its font-size attribute or the size it inherits from its groups,
    relative units against the parent's size, times the scale of every transform above it (and
    its own)."""
    root = ET.fromstring(source)
    refuse_styled_sizes(root)
    root_size: list[float] = []
    found: list[Text] = []

    def walk(element: ET.Element, parent: float, scale: float) -> None:
        size = parent
        if element.get("font-size") is not None:
            tokens = _attribute_tokens(element.get("font-size", ""))
            size = _length(tokens, parent, root_size[0] if root_size else parent, True)
        if not root_size:
            root_size.append(size)
        scale *= scale_of(element.get("transform", ""))
        if element.tag in TEXT_ELEMENTS:
            own = (element.text or "") + "".join(child.tail or "" for child in element)
            if own.strip():
                found.append(Text(size * scale, " ".join(own.split())))
        for child in element:
            if child.tag not in NOT_DRAWN:
                walk(child, size, scale)

    walk(root, INITIAL_FONT_SIZE, 1.0)
    return found


@dataclass(frozen=True)
class Shown:
    """How a 288 px column shows a figure: px per viewBox unit, and its height in px."""

    px_per_unit: float
    height_px: float


def shown_at_column(source: str, column: float = COLUMN_PX) -> Shown:
    """The figure as wide as the column, at the aspect ratio of its width and height (what
    the build gives the <picture>'s <source>) or its viewBox, which is fitted inside it: scaled
    to the smaller of the two ratios unless preserveAspectRatio says otherwise."""
    root = ET.fromstring(source)
    box = (root.get("viewBox") or "").replace(",", " ").split()
    assert len(box) == 4, "a narrow figure has a viewBox (its drawing's coordinates)"
    box_width, box_height = float(box[2]), float(box[3])
    size = svg_size(source)
    assert size is not None
    height = column * size.height / size.width
    across, down = column / box_width, height / box_height
    fit = (root.get("preserveAspectRatio") or "xMidYMid meet").split()
    px_per_unit = max(across, down) if fit[-1] == "slice" else min(across, down)
    return Shown(px_per_unit, height)


def _figure_id(path: Path) -> str:
    return path.name


def test_the_narrow_figures_are_all_found():
    """Every phone figure is looked at (a renamed folder would otherwise pass without a word)."""
    names = {p.name for p in NARROW_FIGURES}
    assert len(names) >= 13, sorted(names)
    assert {"cai-two-phase-narrow.svg", "alignment-chain-of-loss-narrow.svg"} <= names


@pytest.mark.parametrize("path", NARROW_FIGURES, ids=_figure_id)
def test_every_text_of_a_narrow_figure_reads_at_11_px_on_a_320_px_phone(path):
    source = path.read_text(encoding="utf-8")
    shown = shown_at_column(source)
    texts = text_sizes(source)
    assert texts, f"{path.name} draws no text"
    small = sorted(
        {
            (round(t.size * shown.px_per_unit, 2), t.text[:40])
            for t in texts
            if t.size * shown.px_per_unit < MIN_TEXT_PX
        }
    )
    assert not small, (
        f"{path.name} is shown {COLUMN_PX} px wide on a 320 px phone"
        f" ({shown.px_per_unit:.3f} px a unit): text under {MIN_TEXT_PX:g} px (px, text):"
        f" {small[:8]}{' ...' if len(small) > 8 else ''}; set it at"
        f" {MIN_TEXT_PX / shown.px_per_unit:.2f} units or more, or draw the figure narrower"
        " (same units, a narrower viewBox), re-wrapping its lines"
    )


@pytest.mark.parametrize("path", NARROW_FIGURES, ids=_figure_id)
def test_a_narrow_figure_is_under_1_6_screens_tall_on_a_320_px_phone(path):
    shown = shown_at_column(path.read_text(encoding="utf-8"))
    limit = MAX_SCREENS * PHONE_SCREEN_PX
    assert shown.height_px <= limit, (
        f"{path.name} is {shown.height_px:.0f} px tall at {COLUMN_PX} px wide, over"
        f" {MAX_SCREENS:g} screens of a 320 x {PHONE_SCREEN_PX} phone ({limit:.0f} px): use the"
        f" width (side by side where it reads), shorten the gaps, or keep the wide figure's"
        f" content but fewer lines"
    )


def test_the_reading_sees_inherited_relative_and_scaled_sizes_and_refuses_css_sizes():
    """The reader above works sizes out as a browser does (so the tests can fail), and refuses a
    size it would not read right rather than pass it."""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 600" width="480" height="600">'
        "<title>T</title><desc>not drawn</desc>"
        "<style>@media (prefers-color-scheme: dark) { .dim { fill: #ccc } }</style>"
        '<g font-size="20"><text>inherited</text><text font-size="1.5em">em</text>'
        '<text font-size="12px" style="fill: red">px</text>'
        '<g transform="translate(5 5) scale(0.5)"><text font-size="30">scaled '
        '<tspan font-size="50%">half</tspan></text></g></g>'
        "<text>initial</text><text> </text></svg>"
    )
    assert [(t.size, t.text) for t in text_sizes(svg)] == [
        (20, "inherited"),
        (30, "em"),
        (12, "px"),
        (15, "scaled"),
        (7.5, "half"),
        (16, "initial"),
    ]
    shown = shown_at_column(svg)
    assert shown.px_per_unit == pytest.approx(0.6) and shown.height_px == pytest.approx(360)
    # a 15-unit label in a figure 480 wide: 9 px on a 320 px phone, which the test rejects
    assert 15 * shown.px_per_unit < MIN_TEXT_PX
    # a narrower viewBox at the same width and height shows the same units larger
    narrower = svg.replace('viewBox="0 0 480 600"', 'viewBox="0 0 360 450"')
    assert shown_at_column(narrower).px_per_unit == pytest.approx(0.8)
    for unread in (
        svg.replace('font-size="1.5em"', 'font-size="larger"'),
        svg.replace("{ fill: #ccc }", "{ fill: #ccc } .note { font-size: 12px }"),
        svg.replace('style="fill: red"', 'style="font: 700 9px sans-serif"'),
        svg.replace('style="fill: red"', 'style="transform: scale(0.5)"'),
    ):
        with pytest.raises(UnreadableSizeError):
            text_sizes(unread)


def test_the_screen_limit_catches_a_tall_figure():
    tall = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 1600"><text>a</text></svg>'
    assert shown_at_column(tall).height_px > MAX_SCREENS * PHONE_SCREEN_PX  # 960 px


# In Chromium: each text's computed size times its scale on screen, and its box (user units).
TEXT_BOXES = r"""() => {
  const svg = document.documentElement;
  const box = svg.viewBox.baseVal;
  const own = e => [...e.childNodes].some(n => n.nodeType === 3 && n.data.trim());
  const texts = [...svg.querySelectorAll('text, tspan, textPath')].filter(own).map(e => {
    const m = e.getCTM();
    const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) / svg.getCTM().a;
    const text = [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.data).join('');
    return {text: text.trim().replace(/\s+/g, ' '),
            size: parseFloat(getComputedStyle(e).fontSize) * scale};
  });
  const boxes = [...svg.querySelectorAll('text')].filter(e => e.textContent.trim()).map(e => {
    const r = e.getBoundingClientRect(), s = svg.getBoundingClientRect(), k = box.width / s.width;
    return {text: e.textContent.trim().replace(/\s+/g, ' ').slice(0, 40),
            x: box.x + (r.left - s.left) * k, y: box.y + (r.top - s.top) * k,
            w: r.width * k, h: r.height * k};
  });
  return {box: {x: box.x, y: box.y, w: box.width, h: box.height}, texts, boxes};
}"""


@pytest.mark.browser
def test_narrow_figures_in_chromium(browser):
    """Chromium draws each text at the size the static reading works out, inside the viewBox and
    clear of every other text, in the fallback font DejaVu Sans (wider than Helvetica or Roboto,
    which the phones themselves draw these figures in)."""
    context = browser.new_context(viewport={"width": 480, "height": 800})
    page = context.new_page()
    problems: list[str] = []
    for path in NARROW_FIGURES:
        source = path.read_text(encoding="utf-8")
        page.goto(path.as_uri())
        drawn = page.evaluate(TEXT_BOXES)
        expected = [(round(t.size, 2), t.text) for t in text_sizes(source)]
        measured = [(round(t["size"], 2), t["text"]) for t in drawn["texts"]]
        if expected != measured:
            mismatch = [
                pair for pair in zip(expected, measured, strict=False) if pair[0] != pair[1]
            ]
            problems.append(f"{path.name}: sizes read {mismatch[:3]} (static, Chromium)")
        box = drawn["box"]
        problems.extend(
            f"{path.name}: {text['text']!r} runs out of the viewBox"
            for text in drawn["boxes"]
            if text["x"] < box["x"]
            or text["y"] < box["y"]
            or text["x"] + text["w"] > box["x"] + box["w"]
            or text["y"] + text["h"] > box["y"] + box["h"]
        )
        problems.extend(
            f"{path.name}: {a['text']!r} overlaps {b['text']!r}"
            for i, a in enumerate(drawn["boxes"])
            for b in drawn["boxes"][i + 1 :]
            if a["x"] + 0.5 < b["x"] + b["w"]
            and b["x"] + 0.5 < a["x"] + a["w"]
            and a["y"] + 0.5 < b["y"] + b["h"]
            and b["y"] + 0.5 < a["y"] + a["h"]
        )
    context.close()
    assert not problems, problems
