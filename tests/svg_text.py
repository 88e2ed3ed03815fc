"""The text of an SVG figure with the size each piece is drawn at, for the tests that hold
figures' labels to a readable size: on a desktop (test_figure_legibility.py) and in the book
(test_pdf.py)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

SVG_NS = "{http://www.w3.org/2000/svg}"
NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
NOT_DRAWN = {f"{SVG_NS}title", f"{SVG_NS}desc"}


def scale_of(transform: str) -> float:
    """How much an SVG transform enlarges text (translate and rotate: not at all)."""
    scale = 1.0
    for name, arguments in re.findall(r"(\w+)\s*\(([^)]*)\)", transform):
        values = [float(n) for n in re.findall(NUMBER, arguments)]
        if name == "scale":
            scale *= abs(values[0] * (values[1] if len(values) > 1 else values[0])) ** 0.5
        elif name == "matrix":
            scale *= abs(values[0] * values[3] - values[1] * values[2]) ** 0.5
    return scale


def text_sizes(source: str) -> list[tuple[float, str]]:
    """(font size in viewBox units, the groups' scales applied; text) of each text and tspan that
    draws text of its own, symbols included. Sizes are inherited as SVG inherits them; an element
    with none anywhere above it has the initial 16. The title and description are not drawn."""

    def walk(element: ET.Element, scale: float, size: float) -> Iterator[tuple[float, str]]:
        scale *= scale_of(element.get("transform", ""))
        own = re.fullmatch(rf"\s*({NUMBER})(?:px)?\s*", element.get("font-size", ""))
        styled = re.search(rf"font-size:\s*({NUMBER})", element.get("style", ""))
        size = float(styled[1]) if styled else float(own[1]) if own else size
        if element.tag in (f"{SVG_NS}text", f"{SVG_NS}tspan"):
            text = " ".join(((element.text or "") + "".join(c.tail or "" for c in element)).split())
            if text:
                yield size * scale, text
        for child in element:
            if child.tag not in NOT_DRAWN:
                yield from walk(child, scale, size)

    return list(walk(ET.fromstring(source), 1.0, 16.0))


def viewbox_width(source: str) -> float:
    found = re.search(rf'viewBox="\s*{NUMBER}[\s,]+{NUMBER}[\s,]+({NUMBER})', source)
    assert found, "the figure has no viewBox"
    return float(found[1])
