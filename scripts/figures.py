"""Figures as the build serves them: a size before they load, a narrow version for phones, and
colours that follow the scheme.

Three jobs, all done on the built copy (the sources in docs/ are never modified):

**Intrinsic sizes** (`add_intrinsic_sizes`, from `on_page_content`). An `<img>` without both
`width` and `height` takes no room until its file arrives and then pushes the text below it
down: a layout shift. Every local image of a page gets the missing attribute(s) from its file
(an SVG's width/height or viewBox, a raster image's pixels), keeping the aspect ratio when one
is given, so `![...](assets/figures/x.svg){ width="720" }` becomes
`<img ... width="720" height="594">`. An SVG with neither a viewBox nor a width and height stops
the build with the page and line to fix.

**Narrow versions** (`add_narrow_variants`, from `on_page_content`, after the sizes). A figure
drawn 720-960 px wide shows its labels at 5-7 px on a phone. Drawing `x-narrow.svg` (480 wide,
the same content stacked) beside `x.svg` is all a contributor does: every `<img>` of a
`<figure>` whose local SVG has such a sibling among the site's files, and that is not already
in a `<picture>`, is wrapped as

    <picture><source media="(max-width: 599px)" srcset="x-narrow.svg" width="480"
    height="934"><img src="x.svg" width="760" height="620" ...></picture>

so a screen up to 599 px wide loads the narrow file, at the narrow file's own aspect ratio from
the start (the `<source>`'s width and height: no layout shift when it arrives). The `<img>` is
untouched: print, the book's PDF (WeasyPrint does not display `<source>`), the social cards and
readers whose browser has no `<picture>` see the wide figure; the figure viewer
(figure-zoom.js) enlarges what the page shows (`currentSrc`). Images outside a `<figure>` (the
home page's card thumbnails, cropped to one shape by CSS) are left alone. A narrow file with no
size of its own stops the build like an unsized image.

**Dark figures** (`with_dark_palette`, from `on_files`). The figures are `<img>` SVGs, which the
page's CSS cannot reach, so each figure carries its own dark palette: a `<style>` added as the
root's first child maps every colour the figure uses (fill, stroke, stop-color, flood-color
attributes, as hex or rgb()/rgba()) to a dark-scheme counterpart under
`@media (prefers-color-scheme: dark)`:

    @media (prefers-color-scheme: dark) { [fill="#fbfaf7" i] { fill: #1c2029 } ... }

Inside an SVG image that media query follows the `color-scheme` of the `<img>` element (CSS
Color Adjustment; Chromium and Firefox), and Material sets `color-scheme: dark` on its slate
scheme, so figures follow the reader's toggle, not just the system setting. The counterpart
of a colour keeps its hue and chroma and mirrors its OKLCh lightness (DARK_LIGHTNESS): a cream
panel becomes a dark panel a little lighter than the page, near-black labels become near-white,
and mid-tone accents move a little lighter, so every contrast in the figure keeps its sense.
Greys and creams take the slate page's cool tint, so panels sit on the page like its own.
Print, the book's PDF (WeasyPrint ignores @media in SVG) and browsers without the feature keep
the colours as drawn; extra.css forces `color-scheme: light` on images in print. Each colour's
counterpart is worked out once and kept in `.cache/figures/` (`DarkColours`), so a build whose
figures bring no new colour does not import coloraide, the slowest part of this work. Narrow
versions are figures like any other: they get their dark palette too.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import os
import posixpath
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

# OKLCh lightness L (0-1) of a colour -> its dark-scheme lightness: a straight line through
# (0.985, 0.25) (the figures' cream background -> a panel just lighter than the slate page) and
# (0.24, 0.92) (their near-black text -> near-white), clamped to a readable range.
DARK_LIGHTNESS = (1.1356, -0.8993)
DARK_LIGHTNESS_RANGE = (0.2, 0.96)
# Greys and creams (OKLCh chroma under NEUTRAL_CHROMA) take on the slate page's own cool tint
# (Material's slate background, hsl(220 15% 14%), is OKLCh chroma 0.015 at hue 264).
NEUTRAL_CHROMA = 0.02
SLATE_TINT = (0.012, 264.0)

COLOUR_ATTRIBUTE = re.compile(r"""(?x)
    \s(?P<name>fill|stroke|stop-color|flood-color|lighting-color)   # a colour presentation attribute
    \s*=\s*(?P<quote>["'])
    (?P<value>
        \#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?                          # written as #rgb or #rrggbb
      | rgba?\(\s*[\d.]+%?\s*(?:,\s*[\d.]+%?\s*){2,3}\)              # or rgb(...) / rgba(...), as the
    )                                                                 # static figures write text
    (?P=quote)
""")
SVG_ROOT = re.compile(r"""(?x)
    <svg\b[^>]*>            # the root element's start tag (the first <svg in the file)
""")
SVG_SIZE = re.compile(r"""(?x)
    \s(?P<name>width|height|viewBox)\s*=\s*(?P<quote>["'])(?P<value>[^"']*)(?P=quote)
""")
IMG_TAG = re.compile(r"""(?x)
    <img\b(?P<attributes>[^>]*?)\s*/?>
""")
IMG_ATTRIBUTE = re.compile(r"""(?x)
    \s(?P<name>src|width|height)\s*=\s*(?P<quote>["'])(?P<value>[^"']*)(?P=quote)
""")
LENGTH = re.compile(r"""(?x)
    ^\s*(?P<number>\d+(?:\.\d+)?)\s*(?:px)?\s*$     # a plain or px length (not %, em, ...)
""")


@functools.cache
def dark_counterpart(colour: str) -> str:
    """The dark-scheme version of a colour: same hue and chroma, mirrored lightness (greys
    and creams tinted like the slate page), the same opacity (#rrggbbaa when it is not opaque).
    Figures share a few colours: each is worked out once."""
    # Imported here: its import is slow, and a site without figures never needs it.
    from coloraide import Color

    oklch = Color(colour).convert("oklch")
    slope_offset, slope = DARK_LIGHTNESS
    low, high = DARK_LIGHTNESS_RANGE
    lightness = min(high, max(low, slope_offset + slope * oklch["lightness"]))
    oklch["lightness"] = lightness
    if oklch.is_achromatic() or oklch["chroma"] < NEUTRAL_CHROMA:
        oklch["chroma"], oklch["hue"] = SLATE_TINT
    return oklch.convert("srgb").fit("srgb").to_string(hex=True)


Counterpart = Callable[[str], str]
ReadFile = Callable[[str], bytes | None]  # a site path's bytes, or None if the site lacks it


def dark_palette_style(svg: str, counterpart: Counterpart = dark_counterpart) -> str:
    """The `<style>` element that gives this SVG's colours their dark counterparts."""
    pairs = sorted({(m["name"], m["value"].lower()) for m in COLOUR_ATTRIBUTE.finditer(svg)})
    rules = " ".join(
        f'[{name}="{value}" i] {{ {name}: {counterpart(value)} }}' for name, value in pairs
    )
    return f"<style>@media (prefers-color-scheme: dark) {{ {rules} }}</style>"


def with_dark_palette(svg: str, counterpart: Counterpart = dark_counterpart) -> str:
    """The SVG with its dark palette as the root's first child (unchanged if it has no colours)."""
    root = SVG_ROOT.search(svg)
    if root is None or not COLOUR_ATTRIBUTE.search(svg):
        return svg
    return svg[: root.end()] + dark_palette_style(svg, counterpart) + svg[root.end() :]


class DarkColours:
    """`dark_counterpart`, remembered between builds in `folder`/dark-colours.json. The file is
    valid for one version of this module and of coloraide; any problem with it (missing,
    damaged, read-only folder) only means the colours are worked out again."""

    FILE_NAME = "dark-colours.json"

    def __init__(self, folder: Path) -> None:
        from citations.cache import installed_version

        self.path = folder / self.FILE_NAME
        self.version = hashlib.sha256(
            Path(__file__).read_bytes() + installed_version("coloraide").encode()
        ).hexdigest()
        self.known: dict[str, str] = {}
        self.changed = False
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if (
            isinstance(stored, dict)
            and stored.get("version") == self.version
            and isinstance(stored.get("colours"), dict)
        ):
            self.known = {
                k: v
                for k, v in stored["colours"].items()
                if isinstance(k, str) and isinstance(v, str)
            }

    def __call__(self, colour: str) -> str:
        if colour not in self.known:
            self.known[colour] = dark_counterpart(colour)
            self.changed = True
        return self.known[colour]

    def save(self) -> None:
        if not self.changed:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump({"version": self.version, "colours": self.known}, stream, sort_keys=True)
            Path(temporary).replace(self.path)
            self.changed = False
        except OSError:
            return


@dataclass(frozen=True)
class Size:
    width: float
    height: float


def svg_size(svg: str) -> Size | None:
    """An SVG's intrinsic size: its width and height in px, else its viewBox's."""
    root = SVG_ROOT.search(svg)
    if root is None:
        return None
    attributes = {m["name"]: m["value"] for m in SVG_SIZE.finditer(root.group(0))}
    width, height = (LENGTH.match(attributes.get(k, "")) for k in ("width", "height"))
    if width and height:
        return Size(float(width["number"]), float(height["number"]))
    box = attributes.get("viewBox", "").replace(",", " ").split()
    if len(box) == 4 and float(box[2]) > 0 and float(box[3]) > 0:
        return Size(float(box[2]), float(box[3]))
    return None


def image_size(name: str, data: bytes) -> Size | None:
    """The intrinsic size of an image file's content (an SVG by its name's suffix)."""
    if name.lower().endswith(".svg"):
        return svg_size(data.decode("utf-8", errors="replace"))
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            return Size(*image.size)
    except (OSError, UnidentifiedImageError):
        return None


@dataclass(frozen=True)
class Unsized:
    """A page's image whose file gives no size."""

    src: str


def local_site_path(src: str, page_url: str) -> str | None:
    """The site path an image's src names from the page at page_url (e.g. "../assets/x.svg"
    from "demos/boat-race.html" -> "assets/x.svg"); None for another site's or a root-relative
    address, or no src."""
    if not src or urlsplit(src).scheme or src.startswith("/"):
        return None
    return posixpath.normpath(
        posixpath.join(posixpath.dirname(page_url), unquote(urlsplit(src).path))
    )


def add_intrinsic_sizes(html: str, page_url: str, read_file: ReadFile) -> tuple[str, list[Unsized]]:
    """Give every local `<img>` of the page both width and height.

    read_file(site_path) returns the content of a site file (or None); page_url is the page's
    URL within the site (e.g. "demos/boat-race.html"), against which src resolves.
    """
    unsized: list[Unsized] = []

    def sized(tag: re.Match[str]) -> str:
        attributes = {m["name"]: m["value"] for m in IMG_ATTRIBUTE.finditer(tag["attributes"])}
        src = attributes.get("src", "")
        site_path = local_site_path(src, page_url)
        if ("width" in attributes and "height" in attributes) or site_path is None:
            return tag.group(0)
        data = read_file(site_path)
        size = image_size(site_path, data) if data is not None else None
        if size is None:
            unsized.append(Unsized(src))
            return tag.group(0)
        given = {k: LENGTH.match(attributes[k]) for k in ("width", "height") if k in attributes}
        width_given, height_given = given.get("width"), given.get("height")
        if width_given:
            width = float(width_given["number"])
            new = f' height="{round(width * size.height / size.width)}"'
        elif height_given:
            height = float(height_given["number"])
            new = f' width="{round(height * size.width / size.height)}"'
        elif given:  # a width or height in %, em, ...: the file cannot say the other
            return tag.group(0)
        else:
            new = f' width="{round(size.width)}" height="{round(size.height)}"'
        return f"<img{tag['attributes']}{new}>"

    return IMG_TAG.sub(sized, html), unsized


NARROW_SUFFIX = "-narrow.svg"
NARROW_MEDIA = "(max-width: 599px)"
# The elements that decide whether an image gets a narrow version: in a <figure>, not already in a
# <picture>. Figures and pictures do not nest in one another on these pages, but depths are
# counted anyway.
FIGURE_CONTEXT = re.compile(r"""(?ix)
    <(?P<close>/?)(?P<element>figure|picture)\b[^>]*>    # a figure's or picture's start or end tag
  | <img\b[^>]*>                                       # or an image
""")


def narrow_src(src: str) -> str | None:
    """The address of the narrow version of the SVG at src ("x.svg" -> "x-narrow.svg"), written
    for a srcset (no spaces or commas, which separate its candidates); None if src is not an SVG
    or is itself a narrow version."""
    path = urlsplit(src).path
    if not path.lower().endswith(".svg") or path.lower().endswith(NARROW_SUFFIX):
        return None
    return (path[: -len(".svg")] + NARROW_SUFFIX).replace(" ", "%20").replace(",", "%2C")


def add_narrow_variants(html: str, page_url: str, read_file: ReadFile) -> tuple[str, list[Unsized]]:
    """Wrap each `<img>` of a `<figure>` whose SVG has an `-narrow.svg` sibling (read_file(site
    path) is not None) in a `<picture>` whose `<source>` serves that sibling to screens up to
    599 px wide, with the sibling's own width and height. Images already in a `<picture>`, or not
    in a `<figure>`, are left alone. Returns the page and the wide images whose narrow file has no
    size (each named by the wide image's src, as the page writes it); such a figure is left
    alone."""
    unsized: list[Unsized] = []
    depth = {"figure": 0, "picture": 0}

    def wrapped(img: str) -> str:
        attributes = {m["name"]: m["value"] for m in IMG_ATTRIBUTE.finditer(img)}
        src = attributes.get("src", "")
        narrow = narrow_src(src)
        site_path = local_site_path(narrow, page_url) if narrow else None
        data = read_file(site_path) if site_path else None
        if site_path is None or data is None:
            return img
        size = image_size(site_path, data)
        if size is None:
            unsized.append(Unsized(src))
            return img
        return (
            f'<picture><source media="{NARROW_MEDIA}" srcset="{narrow}"'
            f' width="{round(size.width)}" height="{round(size.height)}">{img}</picture>'
        )

    def visit(match: re.Match[str]) -> str:
        element = (match["element"] or "").lower()
        if element:
            depth[element] += -1 if match["close"] else 1
            return match.group(0)
        if depth["figure"] > 0 and depth["picture"] <= 0:
            return wrapped(match.group(0))
        return match.group(0)

    return FIGURE_CONTEXT.sub(visit, html), unsized


FIGURE_FOLDER = "assets/figures/"


def serve_dark_figures(files, cache_folder: Path) -> None:
    """on_files: every SVG under assets/figures/ is served with its dark palette (colours
    remembered in `cache_folder`)."""
    colours = DarkColours(cache_folder)
    for file in files:
        if (
            file.src_uri.startswith(FIGURE_FOLDER)
            and file.src_uri.endswith(".svg")
            and file.abs_src_path
        ):
            file.content_string = with_dark_palette(
                Path(file.abs_src_path).read_text(encoding="utf-8"), colours
            )
    colours.save()


def _site_file_reader(files) -> ReadFile:
    """The bytes of a built site file by its site path (None if the site has no such file)."""

    def read_file(site_path: str) -> bytes | None:
        file = files.get_file_from_path(site_path)
        return file.content_bytes if file is not None else None

    return read_file


def _stop_on_unsized(page, unsized: list[Unsized], message: Callable[[Unsized], str]) -> None:
    """Stop the build naming each unsized image at the page line that brings it in."""
    from source_text import Diagnostic, fail

    source = page.markdown or ""
    fail(
        Diagnostic(
            f"docs/{page.file.src_uri}",
            source[: max(source.find(u.src), 0)].count("\n") + 1,
            message(u),
        )
        for u in unsized
    )


def size_images(html: str, page, files) -> str:
    """on_page_content: intrinsic sizes on the page's images; an unsizable SVG stops the build."""
    if "<img" not in html:
        return html
    html, unsized = add_intrinsic_sizes(html, page.file.url, _site_file_reader(files))
    _stop_on_unsized(
        page,
        unsized,
        lambda u: (
            f"image '{u.src}' has no size of its own (give the SVG a viewBox, or the image "
            f'width="..." and height="..." attributes)'
        ),
    )
    return html


def serve_narrow_variants(html: str, page, files) -> str:
    """on_page_content (after size_images): a figure with an `x-narrow.svg` beside its `x.svg`
    shows the narrow one on a phone; a narrow file without a size stops the build."""
    if "<img" not in html or "<figure" not in html:
        return html
    html, unsized = add_narrow_variants(html, page.file.url, _site_file_reader(files))
    _stop_on_unsized(
        page,
        unsized,
        lambda u: (
            f"'{narrow_src(u.src)}', the narrow version of this figure, has no size of its own"
            " (give the SVG a viewBox)"
        ),
    )
    return html
