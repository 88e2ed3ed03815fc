"""What is drawn behind each piece of text of an SVG figure, for test_figure_contrast.py.

A figure is read in document order, as it is painted: every filled shape (rect, circle,
ellipse, path, polygon, and what a <use> draws) is laid over what came before, with its fill's
opacity, and a text's background is what all the filled shapes before it whose bounding box
holds the text's anchor point make of the figure's backdrop. The anchor point is where the text
starts (its x, y, moved up by a third of its size to the middle of its letters), through every
transform above it. A bounding box is larger than a path or a circle, so a text beside a shape,
not on it, may be read as on it: a test says so with an exception and its reason.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
NOT_DRAWN = {"title", "desc", "defs", "clipPath", "mask", "marker", "pattern", "symbol", "style"}
SHAPES = {"rect", "circle", "ellipse", "path", "polygon", "polyline"}
BOLD = {"bold", "bolder", "600", "700", "800", "900"}

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
Box = tuple[float, float, float, float]  # left, top, right, bottom


def multiply(m: Matrix, n: Matrix) -> Matrix:
    return (
        m[0] * n[0] + m[2] * n[1],
        m[1] * n[0] + m[3] * n[1],
        m[0] * n[2] + m[2] * n[3],
        m[1] * n[2] + m[3] * n[3],
        m[0] * n[4] + m[2] * n[5] + m[4],
        m[1] * n[4] + m[3] * n[5] + m[5],
    )


def parse_transform(transform: str) -> Matrix:
    """An SVG transform list as one matrix (translate, scale, rotate, skewX/Y, matrix)."""
    matrix = IDENTITY
    for name, arguments in re.findall(r"(\w+)\s*\(([^)]*)\)", transform):
        v = [float(n) for n in re.findall(NUMBER, arguments)]
        if name == "translate":
            step: Matrix = (1, 0, 0, 1, v[0], v[1] if len(v) > 1 else 0)
        elif name == "scale":
            step = (v[0], 0, 0, v[1] if len(v) > 1 else v[0], 0, 0)
        elif name == "rotate":
            a = math.radians(v[0])
            cx, cy = (v[1], v[2]) if len(v) > 2 else (0.0, 0.0)
            step = multiply(
                multiply(
                    (1, 0, 0, 1, cx, cy),
                    (math.cos(a), math.sin(a), -math.sin(a), math.cos(a), 0, 0),
                ),
                (1, 0, 0, 1, -cx, -cy),
            )
        elif name == "skewX":
            step = (1, 0, math.tan(math.radians(v[0])), 1, 0, 0)
        elif name == "skewY":
            step = (1, math.tan(math.radians(v[0])), 0, 1, 0, 0)
        elif name == "matrix":
            step = (v[0], v[1], v[2], v[3], v[4], v[5])
        else:
            raise ValueError(f"unknown transform {name}")
        matrix = multiply(matrix, step)
    return matrix


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def path_points(d: str) -> list[tuple[float, float]]:
    """The end and control points of a path (an arc's ends, widened by its radii): their box
    holds the path."""
    points: list[tuple[float, float]] = []
    x = y = start_x = start_y = 0.0
    counts = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2, "a": 7, "z": 0}
    for command, arguments in re.findall(r"([MmLlHhVvCcSsQqTtAaZz])([^MmLlHhVvCcSsQqTtAaZz]*)", d):
        values = [float(n) for n in re.findall(NUMBER, arguments)]
        lower = command.lower()
        relative = command.islower()
        if lower == "z":
            x, y = start_x, start_y
            continue
        size = counts[lower]
        for i in range(0, max(len(values), 1) if size else 0, size):
            group = values[i : i + size]
            if len(group) < size:
                break
            ox, oy = (x, y) if relative else (0.0, 0.0)
            if lower == "h":
                x = group[0] + (x if relative else 0)
            elif lower == "v":
                y = group[0] + (y if relative else 0)
            elif lower == "a":
                rx, ry = abs(group[0]), abs(group[1])
                nx, ny = group[5] + ox, group[6] + oy
                for px, py in ((x, y), (nx, ny)):
                    points += [(px - rx, py - ry), (px + rx, py + ry)]
                x, y = nx, ny
            else:
                pairs = [(group[k] + ox, group[k + 1] + oy) for k in range(0, size, 2)]
                points += pairs[:-1]
                x, y = pairs[-1]
            if lower == "m" and i == 0:
                start_x, start_y = x, y
            points.append((x, y))
    return points


def _number(element: ET.Element, name: str, default: float = 0.0) -> float:
    found = re.match(NUMBER, element.get(name, "") or "")
    return float(found[0]) if found else default


def shape_points(element: ET.Element, tag: str) -> list[tuple[float, float]]:
    if tag == "rect":
        x, y = _number(element, "x"), _number(element, "y")
        w, h = _number(element, "width"), _number(element, "height")
        return [(x, y), (x + w, y), (x, y + h), (x + w, y + h)]
    if tag in ("circle", "ellipse"):
        cx, cy = _number(element, "cx"), _number(element, "cy")
        rx = _number(element, "r") if tag == "circle" else _number(element, "rx")
        ry = _number(element, "r") if tag == "circle" else _number(element, "ry")
        return [(cx - rx, cy - ry), (cx + rx, cy - ry), (cx - rx, cy + ry), (cx + rx, cy + ry)]
    if tag == "path":
        return path_points(element.get("d", ""))
    values = [float(n) for n in re.findall(NUMBER, element.get("points", ""))]
    return list(zip(values[0::2], values[1::2], strict=False))


@dataclass(frozen=True)
class Shape:
    fill: str
    alpha: float  # fill-opacity times every opacity above it
    box: Box


@dataclass(frozen=True)
class Text:
    text: str
    fill: str
    alpha: float
    size: float  # font size in viewBox units, the transforms' scale applied
    bold: bool
    anchor: tuple[float, float]
    behind: tuple[Shape, ...]  # the filled shapes under its anchor, bottom first


@dataclass
class _Style:
    fill: str = "#000000"
    fill_opacity: float = 1.0
    opacity: float = 1.0
    size: float = 16.0
    bold: bool = False


def _box(matrix: Matrix, points: list[tuple[float, float]]) -> Box | None:
    if not points:
        return None
    moved = [apply(matrix, x, y) for x, y in points]
    xs = [p[0] for p in moved]
    ys = [p[1] for p in moved]
    return min(xs), min(ys), max(xs), max(ys)


def _local(tag: str) -> str:
    return tag.removeprefix(SVG_NS)


def read_figure(source: str) -> list[Text]:
    """Each text (and tspan with text of its own) of a figure with what is drawn behind it."""
    root = ET.fromstring(source)
    ids = {e.get("id"): e for e in root.iter() if e.get("id")}
    shapes: list[Shape] = []
    texts: list[Text] = []

    def style_of(element: ET.Element, parent: _Style) -> _Style:
        style = _Style(parent.fill, parent.fill_opacity, parent.opacity, parent.size, parent.bold)
        inline = {
            k.strip(): v.strip()
            for k, v in (p.split(":", 1) for p in element.get("style", "").split(";") if ":" in p)
        }

        def get(name: str) -> str | None:
            return inline.get(name, element.get(name))

        if get("fill") is not None:
            style.fill = str(get("fill")).strip()
        if get("fill-opacity") is not None:
            style.fill_opacity = float(str(get("fill-opacity")))
        if get("opacity") is not None:
            style.opacity = parent.opacity * float(str(get("opacity")))
        size = re.fullmatch(rf"\s*({NUMBER})(?:px)?\s*", get("font-size") or "")
        if size:
            style.size = float(size[1])
        if get("font-weight") is not None:
            style.bold = str(get("font-weight")).strip() in BOLD
        return style

    def walk(element: ET.Element, matrix: Matrix, parent: _Style) -> None:
        tag = _local(element.tag)
        if tag in NOT_DRAWN:
            return
        matrix = multiply(matrix, parse_transform(element.get("transform", "")))
        style = style_of(element, parent)
        if tag == "use":
            target = ids.get((element.get("href") or element.get(XLINK_HREF) or "").lstrip("#"))
            if target is not None:
                moved = multiply(matrix, (1, 0, 0, 1, _number(element, "x"), _number(element, "y")))
                # the referenced element as if it stood here, inside the <use>
                walk(target, moved, style)
            return
        if tag in SHAPES and style.fill != "none":
            box = _box(matrix, shape_points(element, tag))
            if box is not None:
                shapes.append(Shape(style.fill, style.fill_opacity * style.opacity, box))
        if tag in ("text", "tspan"):
            own = " ".join(((element.text or "") + "".join(c.tail or "" for c in element)).split())
            if own:
                x = _number(element, "x", math.nan)
                y = _number(element, "y", math.nan)
                if math.isnan(x) or math.isnan(y):  # a tspan that carries on from its text
                    x, y = parent_anchor[-1]
                scale = math.sqrt(abs(matrix[0] * matrix[3] - matrix[1] * matrix[2]))
                anchor = apply(matrix, x, y - style.size / 3)
                behind = tuple(
                    s
                    for s in shapes
                    if s.box[0] <= anchor[0] <= s.box[2] and s.box[1] <= anchor[1] <= s.box[3]
                )
                texts.append(
                    Text(
                        own,
                        style.fill,
                        style.fill_opacity * style.opacity,
                        style.size * scale,
                        style.bold,
                        anchor,
                        behind,
                    )
                )
            parent_anchor.append((_number(element, "x"), _number(element, "y")))
        for child in element:
            walk(child, matrix, style)
        if tag in ("text", "tspan"):
            parent_anchor.pop()

    parent_anchor: list[tuple[float, float]] = [(0.0, 0.0)]
    walk(root, IDENTITY, _Style())
    return texts


Mapping = Callable[[str], str]


def seen_colour(colour: str, alpha: float, under, recolour: Mapping):
    """A fill as seen over `under` (a coloraide Color), in the palette `recolour` gives."""
    from coloraide import Color

    c = Color(recolour(colour)).convert("srgb")
    a = c.alpha() * alpha
    return Color(
        "srgb", [a * p + (1 - a) * q for p, q in zip(c.coords(), under.coords(), strict=True)]
    )


def text_contrast(text: Text, backdrop: str, recolour: Mapping) -> tuple[float, str]:
    """(the WCAG 2.1 contrast of a text with what is behind it; that colour as hex)."""
    from coloraide import Color

    under = Color(backdrop).convert("srgb")
    for shape in text.behind:
        under = seen_colour(shape.fill, shape.alpha, under, recolour)
    ink = seen_colour(text.fill, text.alpha, under, recolour)
    return ink.contrast(under, method="wcag21"), under.to_string(hex=True)
