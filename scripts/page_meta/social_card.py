"""Each page's social-card image: a 1200×630 PNG with the page title and a figure of the page.

Link previews (Open Graph, Twitter cards) ignore SVG, so the card is drawn as SVG from
`social-card.svg.j2` and rasterised at build time with resvg (the `resvg-py` package), using the
site's own fonts: the vendored woff2 files are unpacked to TrueType with fontTools first, since
resvg reads only TrueType/OpenType. Material's `social` plugin was not used: it fetches its
fonts from Google Fonts on first use (this build has no network) and does not show a figure.

A page without a figure gets a card with its title alone. Cards are cached by content in
`.cache/social/`, so a rebuild re-renders (and reads the fonts) only when something changed.
"""

from __future__ import annotations

import base64
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import jinja2

TEMPLATE = Path(__file__).with_name("social-card.svg.j2")
WIDTH, HEIGHT = 1200, 630
TITLE_WIDTH = 440  # px of the left column the title may use
TITLE_TOP = 100
FIGURE_BOX = {"x": 540, "y": 128, "width": 600, "height": 420}
ASCII = set(range(0x20, 0x7F))
BAND_COLOUR = "#2f4b7c"  # the card's band and the favicon's ground: the site's header blue
BAND_NAME_SIZE, BAND_TAGLINE_SIZE, BAND_GAP = 34, 26, 18  # px, as social-card.svg.j2 sets them
BLURB_GAP, BLURB_BOTTOM = 60, 540  # px: where the description may sit under the title's bar
BLURB_SIZES = (24, 21)  # px: the description's size, smaller where a long title leaves less room
TOUCH_ICON_SIZE = 180  # px: Apple's home-screen icon size for current iPhones


@dataclass(frozen=True)
class CardText:
    """What one card says: the page's title (Home's: the tagline), the site's name and the
    tagline after it in the band, the page's description under the title, the address at the
    foot, and the figure beside them."""

    title: str
    site_name: str
    address: str
    figure_svg: bytes | None = None
    tagline: str = ""
    blurb: str = ""


@dataclass(frozen=True)
class Blurb:
    """The description's lines at `size` px, `line` px apart (none when it does not fit)."""

    lines: tuple[str, ...]
    size: int
    line: int


@dataclass(frozen=True)
class Title:
    """The title broken into lines that fit TITLE_WIDTH at `size` px."""

    lines: tuple[str, ...]
    size: int
    top: int = TITLE_TOP

    @property
    def line_height(self) -> int:
        return round(self.size * 1.2)


@dataclass(frozen=True)
class Font:
    path: Path
    family: str
    weight: int
    italic: bool
    advances: dict[int, int]  # code point → advance width in font units
    units_per_em: int

    def width(self, text: str, size: float) -> float:
        fallback = self.units_per_em // 2
        return sum(self.advances.get(ord(c), fallback) for c in text) * size / self.units_per_em


class CardMaker:
    """Renders cards with the fonts of `fonts_dir`, caching PNGs in `cache_dir`."""

    def __init__(
        self, fonts_dir: Path, cache_dir: Path, *, heading_font: str, body_font: str
    ) -> None:
        self.cache_dir = cache_dir
        self.heading_font, self.body_font = heading_font, body_font
        self._fonts_dir = fonts_dir
        self._fonts: list[Font] | None = None
        template = TEMPLATE.read_text(encoding="utf-8")
        self._template = jinja2.Environment(
            autoescape=True, keep_trailing_newline=True
        ).from_string(template)
        # What every card depends on besides its text, read once: the template, how a card is
        # laid out (this module: a change to it redraws them all) and the fonts.
        self._drawn_by = (
            template,
            Path(__file__).read_bytes(),
            sorted((p.name, p.stat().st_size) for p in fonts_dir.glob("*.woff2")),
        )

    def card(self, text: CardText) -> bytes:
        """The PNG of one card (from the cache when the same card was made before)."""
        key = hashlib.sha256(repr((text, self._drawn_by)).encode()).hexdigest()
        cached = self.cache_dir / f"{key}.png"
        if cached.is_file():
            return cached.read_bytes()
        png = self._render(self.svg(text))
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(png)
        return png

    def touch_icon(self, favicon_svg: bytes) -> bytes:
        """The favicon as a 180 px square PNG (a home-screen icon): on the favicon's own
        background colour edge to edge, as iOS rounds the corners itself and fills transparent
        ones with black."""
        image = "data:image/svg+xml;base64," + base64.b64encode(favicon_svg).decode("ascii")
        svg = (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{TOUCH_ICON_SIZE}" '
            f'height="{TOUCH_ICON_SIZE}"><rect width="100%" height="100%" fill="{BAND_COLOUR}"/>'
            f'<image width="100%" height="100%" href="{image}"/></svg>'
        )
        return self._render(svg)

    def _render(self, svg: str) -> bytes:
        import resvg_py

        return bytes(
            resvg_py.svg_to_bytes(
                svg_string=svg,
                font_files=[str(f.path) for f in self.fonts],
                # System fonts only as a fallback for glyphs the site fonts lack (figures use β).
                skip_system_fonts=False,
                font_family=self.body_font,
                sans_serif_family=self.body_font,
                serif_family=self.heading_font,
            )
        )

    def svg(self, text: CardText) -> str:
        figure = (
            "data:image/svg+xml;base64," + base64.b64encode(text.figure_svg).decode("ascii")
            if text.figure_svg
            else ""
        )
        width = TITLE_WIDTH if figure else WIDTH - 2 * 64
        # With a description to show, the title keeps to three lines so that it has room.
        fitted = self.fit_title(text.title, width, max_lines=3 if text.blurb else 4)
        blurb_top = fitted.top + len(fitted.lines) * fitted.line_height + 28 + BLURB_GAP
        return self._template.render(
            title=fitted,
            blurb=self.fit_blurb(text.blurb, width, BLURB_BOTTOM - blurb_top),
            blurb_top=blurb_top,
            site_name=text.site_name,
            tagline=text.tagline if self.band_fits(text.site_name, text.tagline) else "",
            address=text.address,
            figure=figure,
            box=FIGURE_BOX,
            heading_font=self.heading_font,
            body_font=self.body_font,
        )

    def band_fits(self, site_name: str, tagline: str) -> bool:
        """Whether the site's name and the tagline after it fit the band on one line (a long
        tagline is left off rather than run off the card)."""
        used = self._font(self.heading_font, 600).width(site_name, BAND_NAME_SIZE)
        used += BAND_GAP + self._font(self.body_font, 400).width("· " + tagline, BAND_TAGLINE_SIZE)
        return used <= WIDTH - 2 * 64

    def fit_blurb(self, text: str, width: float, height: float) -> Blurb:
        """The page's description under its title, in the space the title leaves: the card's
        left column was empty under a short title, and a feed shows the card, not the text. All
        of it or none, at 24 px or else 21: a description cut off with an ellipsis reads as a
        broken card."""
        font = self._font(self.body_font, 400)
        for size in BLURB_SIZES:
            line = round(size * 1.375)
            lines = _wrap(" ".join(text.split()), lambda t, size=size: font.width(t, size), width)
            if len(lines) > 0 and len(lines) * line <= height:
                return Blurb(tuple(lines), size, line)
        return Blurb((), BLURB_SIZES[0], 0)

    def fit_title(self, title: str, width: float = TITLE_WIDTH, max_lines: int = 4) -> Title:
        """The largest size (56 px down to 32) at which the title fits `width` in `max_lines`."""
        font = self._font(self.heading_font, 700)
        for size in range(56, 31, -4):
            lines = _wrap(title, lambda text, size=size: font.width(text, size), width)
            if len(lines) <= max_lines and all(font.width(line, size) <= width for line in lines):
                return Title(tuple(lines), size)
        return Title(tuple(_wrap(title, lambda text: font.width(text, 32), width)[:5]), 32)

    @property
    def fonts(self) -> list[Font]:
        """The site's fonts that cover ASCII, unpacked to TrueType once (kept in the cache)."""
        if self._fonts is None:
            self._fonts = [
                f for f in (self._unpack(p) for p in sorted(self._fonts_dir.glob("*.woff2"))) if f
            ]
        return self._fonts

    def _unpack(self, source: Path) -> Font | None:
        # Here: a build whose cards are all cached never needs it.
        from fontTools.ttLib import TTFont, woff2

        data = source.read_bytes()
        target = (
            self.cache_dir / "fonts" / f"{hashlib.sha256(data).hexdigest()[:16]}-{source.stem}.ttf"
        )
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            buffer = io.BytesIO()
            woff2.decompress(io.BytesIO(data), buffer)
            target.write_bytes(buffer.getvalue())
        font = TTFont(target, lazy=True)
        cmap = font.getBestCmap() or {}
        if not set(cmap) >= ASCII:
            return None  # a subset for other scripts: it would shadow the Latin face
        metrics = font["hmtx"].metrics
        return Font(
            path=target,
            family=font["name"].getBestFamilyName() or source.stem,
            weight=font["OS/2"].usWeightClass,
            italic=bool(font["OS/2"].fsSelection & 1),
            advances={code: metrics[glyph][0] for code, glyph in cmap.items() if glyph in metrics},
            units_per_em=font["head"].unitsPerEm,
        )

    def _font(self, family: str, weight: int) -> Font:
        faces = [f for f in self.fonts if f.family == family and not f.italic]
        if not faces:
            raise LookupError(f"no upright {family!r} font among {self._fonts_dir}/*.woff2")
        return min(faces, key=lambda f: abs(f.weight - weight))


def _wrap(text: str, width_of, limit: float) -> list[str]:
    """Greedy line breaking at spaces by measured width."""
    lines: list[str] = []
    for word in text.split():
        if lines and width_of(f"{lines[-1]} {word}") <= limit:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines
