"""SVG text drawn as one run instead of letter by letter: the book's figures cost a tenth.

Why: WeasyPrint 70 lays out and draws every character of an SVG <text> on its own (one Pango
layout, one PDF text object per letter), so that per-letter x/y/dx/dy/rotate lists can move each
one. The site's figures never use those lists, yet their ~400 labels were a fifth of the
book's drawing time. A <text>/<tspan> with at most one position of each kind, no rotate, no
letter-spacing and no textLength is laid out as one run here, placed and bounded exactly where
its first letter and the sum of its letters would be (so text-anchor keeps working), and drawn
with WeasyPrint's own draw_first_line. The run is also kerned, as a browser draws it, and copies
out of the PDF as words rather than letters. Any other text goes to WeasyPrint's own code.
Applied only to the WeasyPrint versions it was checked against; tests/test_pdf.py compares it
with the original on a figure.
"""
from __future__ import annotations

import importlib
from math import inf

import weasyprint
import weasyprint.svg as svg_module
from weasyprint.matrix import Matrix
from weasyprint.svg.bounding_box import extend_bounding_box
from weasyprint.svg.utils import normalize, size

# The module, not the function `weasyprint.svg.text` that shadows it as a package attribute.
svg_text = importlib.import_module("weasyprint.svg.text")
CHECKED_VERSIONS = ("70.",)
_original_text = svg_text.text
_PER_LETTER = ("rotate", "textLength", "letter-spacing")


def _positions(node, name: str) -> list[str]:
    value = node.attrib.get(name)
    return normalize(value).strip().split(" ") if value is not None else []


def is_single_run(node) -> bool:
    """True when no attribute of node can move its letters apart."""
    if not node.text or any(node.get(name) not in (None, "", "0") for name in _PER_LETTER):
        return False
    return all(len(_positions(node, name)) <= 1 for name in ("x", "y", "dx", "dy"))


def text_as_one_run(svg, node, font_size):
    """WeasyPrint's svg.text.text for a node that is_single_run, in one layout."""
    if not is_single_run(node):
        return _original_text(svg, node, font_size)
    from weasyprint.css.properties import INITIAL_VALUES
    from weasyprint.draw.text import draw_emojis, draw_first_line
    from weasyprint.text.line_break import split_first_line

    style = svg_text.Style()
    style.update(INITIAL_VALUES)
    style.font_config = svg.font_config
    style["font_family"] = [font.strip("\"'") for font in node.get("font-family", "sans-serif").split(",")]
    style["font_style"] = node.get("font-style", "normal")
    style["font_size"] = font_size
    if node.get("direction") in ("ltr", "rtl"):
        style["direction"] = node.get("direction")
    weight = node.get("font-weight", 400)
    try:
        style["font_weight"] = {"normal": 400, "bold": 700}.get(weight) or int(weight)
    except ValueError:
        style["font_weight"] = 400

    layout, _, _, width, height, baseline = split_first_line(node.text, style, svg.context, inf, 0)

    x, y, dx, dy = (_positions(node, name) for name in ("x", "y", "dx", "dy"))
    x = size(x[0], font_size, svg.inner_width) if x else None
    y = size(y[0], font_size, svg.inner_height) if y else None
    dx = size(dx[0], font_size, svg.inner_width) if dx else 0
    dy = size(dy[0], font_size, svg.inner_height) if dy else 0

    ascent, descent = font_size * .8, font_size * .2   # as WeasyPrint: "TODO: use real values"
    y_align = 0
    display_anchor = node.get("display-anchor")
    alignment_baseline = node.get("dominant-baseline", node.get("alignment-baseline"))
    if display_anchor == "middle":
        y_align = -height / 2
    elif display_anchor == "top":
        pass
    elif display_anchor == "bottom":
        y_align = -height
    elif alignment_baseline in ("central", "middle"):
        y_align = (ascent + descent) / 2 - descent
    elif alignment_baseline in ("text-before-edge", "before_edge", "top", "hanging", "text-top"):
        y_align = ascent
    elif alignment_baseline in ("text-after-edge", "after_edge", "bottom", "text-bottom"):
        y_align = -descent

    # The first letter's placement, as in WeasyPrint's loop (including its "if x:" test).
    if x:
        svg.cursor_d_position[0] = 0
    if y:
        svg.cursor_d_position[1] = 0
    svg.cursor_d_position[0] += dx
    svg.cursor_d_position[1] += dy
    x = svg.cursor_position[0] if x is None else x
    y = svg.cursor_position[1] if y is None else y
    svg.cursor_position = x + width, y
    x_position = x + svg.cursor_d_position[0]
    y_position = y + svg.cursor_d_position[1] + y_align
    points = ((x_position, y_position - baseline), (x_position + width, y_position - baseline + height))
    node.text_bounding_box = extend_bounding_box(node.text_bounding_box, points)

    svg.stream.push_state()
    fill, stroke = svg.set_graphical_state(node, font_size)
    svg.stream.begin_text()
    layout.reactivate(style)
    svg.fill_stroke(fill, stroke, text=True)
    text_box = svg_text.TextBox(layout, style)
    text_box.baseline = baseline
    emojis = draw_first_line(svg.stream, text_box, "none", "none",
                             Matrix(a=1, d=-1, e=x_position, f=y_position))
    svg.stream.end_text()
    svg.stream.pop_state()
    draw_emojis(svg.stream, style, x, y, emojis)


def apply() -> bool:
    """Install once; False (WeasyPrint's own code stays) for versions not checked."""
    if not weasyprint.__version__.startswith(CHECKED_VERSIONS):
        return False
    svg_module.TAGS["text"] = svg_module.TAGS["tspan"] = text_as_one_run
    svg_module.text = text_as_one_run    # svg/__init__ compares TAGS entries with this name
    return True


def restore() -> None:
    """WeasyPrint's own letter-by-letter text again (for comparisons in tests)."""
    svg_module.TAGS["text"] = svg_module.TAGS["tspan"] = _original_text
    svg_module.text = _original_text
