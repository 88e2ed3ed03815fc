"""SVG text shaped as whole runs, not code point by code point: a WeasyPrint bug's workaround.

The bug (WeasyPrint 70.0, https://github.com/Kozea/WeasyPrint/issues/2249, open and labelled a
bug by WeasyPrint's maintainer): every SVG <text> and <tspan> is laid out and drawn one code
point at a time, so that x/y/dx/dy/rotate lists could move each glyph. Shaping each code point
on its own loses what a font does across letters: kerning, ligatures, combining accents. In the
book, 315 of the figures' 514 labels come out up to 4 px wider than the site draws them (Inter's
kerning pairs lost), and each label costs one Pango layout and one PDF text object per letter.

The issue proposes the fix this workaround makes: when nothing can move glyphs apart (at most
one x, y, dx and dy, no rotation, no letter-spacing, no textLength: every label the site's
figures have), the text is laid out and drawn as one run; any other text keeps WeasyPrint's own
code. Everything else (fonts, baseline alignment, bounding box for text-anchor, emojis) is
WeasyPrint's own computation, unchanged. The same fix inside WeasyPrint is
upstream/weasyprint-70.0-svg-text-runs.patch; tests/test_book_parts.py checks that this module
draws exactly what the patched WeasyPrint draws, for test cases and for every figure of the site.

This workaround applies to exactly the version pinned in requirements.txt (CHECKED_VERSION); a
test fails when the pin moves, so that the next version is checked (and the workaround dropped
once fixed).
"""

from __future__ import annotations

import importlib
from math import inf

import weasyprint
import weasyprint.svg as svg_package
from weasyprint.matrix import Matrix
from weasyprint.svg.bounding_box import extend_bounding_box
from weasyprint.svg.utils import normalize, size

# The module: `weasyprint.svg.text` as an attribute is the function that shadows it.
svg_text = importlib.import_module("weasyprint.svg.text")

CHECKED_VERSION = "70.0"
PATCH = "upstream/weasyprint-70.0-svg-text-runs.patch"
ORIGINAL_TEXT = svg_text.text
_FONT_WEIGHTS = {"normal": 400, "bold": 700}


def _values(node, name: str) -> list[str]:
    """An SVG position list (x, y, dx, dy, rotate) as WeasyPrint splits it."""
    value = node.attrib.get(name)
    return normalize(value).strip().split(" ") if value is not None else []


def is_one_run(svg, node, font_size: float) -> bool:
    """True when nothing can move the glyphs of node apart, as the upstream patch decides."""
    if not node.text:
        return False
    if any(len(_values(node, name)) > 1 for name in ("x", "y", "dx", "dy")):
        return False
    if any(value and float(value) for value in _values(node, "rotate")):
        return False
    return not (
        svg.length(node.get("letter-spacing"), font_size)
        or svg.length(node.get("textLength"), font_size)
    )


def text_in_one_run(svg, node, font_size: float) -> None:
    """WeasyPrint's SVG text drawing (svg/text.py, text()), with one run for the whole text
    when is_one_run, and WeasyPrint's own letter-by-letter drawing otherwise."""
    if not is_one_run(svg, node, font_size):
        ORIGINAL_TEXT(svg, node, font_size)
        return
    from weasyprint.css.properties import INITIAL_VALUES
    from weasyprint.draw.text import draw_emojis, draw_first_line
    from weasyprint.text.line_break import split_first_line

    style = svg_text.Style()
    style.update(INITIAL_VALUES)
    style.font_config = svg.font_config
    style["font_family"] = [
        font.strip("\"'") for font in node.get("font-family", "sans-serif").split(",")
    ]
    style["font_style"] = node.get("font-style", "normal")
    style["font_size"] = font_size
    if node.get("direction") in ("ltr", "rtl"):
        style["direction"] = node.get("direction")
    weight = node.get("font-weight", 400)
    try:
        style["font_weight"] = _FONT_WEIGHTS.get(weight) or int(weight)
    except ValueError:
        style["font_weight"] = 400

    layout, _, _, width, height, baseline = split_first_line(node.text, style, svg.context, inf, 0)
    x, y, dx, dy = (
        [size(value, font_size, extent) for value in _values(node, name)]
        for name, extent in (
            ("x", svg.inner_width),
            ("y", svg.inner_height),
            ("dx", svg.inner_width),
            ("dy", svg.inner_height),
        )
    )
    y_align = _vertical_alignment(node, font_size, height)

    # WeasyPrint's letter loop, run once for the whole text (its "if x:" test included).
    if x and x[0]:
        svg.cursor_d_position[0] = 0
    if y and y[0]:
        svg.cursor_d_position[1] = 0
    svg.cursor_d_position[0] += dx[0] if dx else 0
    svg.cursor_d_position[1] += dy[0] if dy else 0
    x_start = x[0] if x else svg.cursor_position[0]
    y_start = y[0] if y else svg.cursor_position[1]
    svg.cursor_position = x_start + width, y_start
    x_position = x_start + svg.cursor_d_position[0]
    y_position = y_start + svg.cursor_d_position[1] + y_align
    node.text_bounding_box = extend_bounding_box(
        node.text_bounding_box,
        (
            (x_position, y_position - baseline),
            (x_position + width, y_position - baseline + height),
        ),
    )

    svg.stream.push_state()
    fill, stroke = svg.set_graphical_state(node, font_size)
    svg.stream.begin_text()
    layout.reactivate(style)
    svg.fill_stroke(fill, stroke, text=True)
    text_box = svg_text.TextBox(layout, style)
    text_box.baseline = baseline
    emojis = draw_first_line(
        svg.stream, text_box, "none", "none", Matrix(a=1, d=-1, e=x_position, f=y_position)
    )
    svg.stream.end_text()
    svg.stream.pop_state()
    draw_emojis(svg.stream, style, x_start, y_start, emojis)


def _vertical_alignment(node, font_size: float, height: float) -> float:
    """WeasyPrint's baseline shift for display-anchor / dominant-baseline, as it computes it."""
    ascent, descent = font_size * 0.8, font_size * 0.2  # WeasyPrint's own estimate
    display_anchor = node.get("display-anchor")
    alignment_baseline = node.get("dominant-baseline", node.get("alignment-baseline"))
    if display_anchor == "middle":
        return -height / 2
    if display_anchor == "top":
        return 0
    if display_anchor == "bottom":
        return -height
    if alignment_baseline in ("central", "middle"):
        return (ascent + descent) / 2 - descent
    if alignment_baseline in ("text-before-edge", "before_edge", "top", "hanging", "text-top"):
        return ascent
    if alignment_baseline in ("text-after-edge", "after_edge", "bottom", "text-bottom"):
        return -descent
    return 0


def apply() -> bool:
    """Install once; False (WeasyPrint left as it is) for any other version. WeasyPrint looks
    text drawing up in its TAGS table, and recognizes text elements by comparing that entry with
    its module's `text` name (for text-anchor), so both point at the workaround."""
    if weasyprint.__version__ != CHECKED_VERSION:
        return False
    svg_package.TAGS["text"] = svg_package.TAGS["tspan"] = text_in_one_run
    svg_package.text = text_in_one_run
    return True


def restore() -> None:
    """WeasyPrint's own drawing again (tests compare the two)."""
    svg_package.TAGS["text"] = svg_package.TAGS["tspan"] = ORIGINAL_TEXT
    svg_package.text = ORIGINAL_TEXT
