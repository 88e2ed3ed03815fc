"""scripts/figures.py: intrinsic image sizes, and the SVG figures' dark palette (which the book's
PDF must ignore)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import pytest
from coloraide import Color
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.exceptions import PluginError

import figures
from conftest import CHAPTERS, pdf_page_png

ROOT = Path(__file__).resolve().parent.parent
FIGURES = sorted((ROOT / "docs" / "assets" / "figures").glob("*.svg"))
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 660" width="800" height="660">'
    '<rect width="800" height="660" fill="#FBFAF7"/><g fill="#1f1f1f"><text x="9" y="9">A</text></g>'
    '<path d="M0 0" stroke="#2f4b7c" fill="none"/></svg>'
)
hex_colours = st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06x}")


def _lightness(colour: str) -> float:
    return Color(colour).convert("oklch")["lightness"]


def test_dark_counterparts_turn_light_backgrounds_dark_and_dark_text_light():
    assert _lightness(figures.dark_counterpart("#fbfaf7")) < 0.3
    assert _lightness(figures.dark_counterpart("#ffffff")) < 0.3
    assert _lightness(figures.dark_counterpart("#1f1f1f")) > 0.85
    # Text on a panel keeps a strong contrast in the dark palette.
    assert (
        Color(figures.dark_counterpart("#1f1f1f")).contrast(figures.dark_counterpart("#fbfaf7"))
        > 10
    )


@given(hex_colours, hex_colours)
def test_dark_palette_reverses_the_order_of_lightness(a, b):
    """Lighter in light mode means darker in dark mode, so every contrast keeps its sense."""
    if _lightness(a) + 0.02 < _lightness(b):
        assert (
            _lightness(figures.dark_counterpart(a))
            >= _lightness(figures.dark_counterpart(b)) - 0.03
        )


@given(hex_colours)
def test_dark_counterparts_are_valid_srgb_hex(colour):
    dark = figures.dark_counterpart(colour)
    assert len(dark) == 7 and dark.startswith("#") and Color(dark).in_gamut("srgb")


def test_translucent_text_colours_get_dark_counterparts_too():
    """The static figures (scripts/static_figures.js) write text as rgba(0,0,0,0.87): near-white
    at the same opacity in the dark scheme, not near-black on a dark panel."""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"><rect fill="#ffffff"/>'
        '<text fill="rgba(0,0,0,0.87)">a</text><path stroke="rgb(0, 0, 0)"/></svg>'
    )
    style = next(iter(ET.fromstring(figures.with_dark_palette(svg)))).text or ""
    assert '[fill="rgba(0,0,0,0.87)" i]' in style and '[stroke="rgb(0, 0, 0)" i]' in style
    text = figures.dark_counterpart("rgba(0,0,0,0.87)")
    assert _lightness(text) > 0.85 and Color(text)["alpha"] == pytest.approx(0.87, abs=0.01)
    assert len(figures.dark_counterpart("rgb(0, 0, 0)")) == 7  # opaque stays #rrggbb


def test_the_palette_style_is_the_first_child_and_covers_every_colour():
    served = figures.with_dark_palette(SVG)
    root = ET.fromstring(served)
    first = next(iter(root))
    assert first.tag.endswith("style") and first.text is not None
    assert "@media (prefers-color-scheme: dark)" in first.text
    for attribute, value in (("fill", "#fbfaf7"), ("fill", "#1f1f1f"), ("stroke", "#2f4b7c")):
        assert f'[{attribute}="{value}" i]' in first.text
    assert "none" not in first.text
    assert (
        figures.with_dark_palette('<svg xmlns="http://www.w3.org/2000/svg"/>')
        == '<svg xmlns="http://www.w3.org/2000/svg"/>'
    )


def test_dark_colours_are_remembered_between_builds_and_a_damaged_file_is_ignored(
    tmp_path, monkeypatch
):
    first = figures.DarkColours(tmp_path)
    served = figures.with_dark_palette(SVG, first)
    assert served == figures.with_dark_palette(SVG)
    first.save()
    assert (tmp_path / figures.DarkColours.FILE_NAME).is_file()

    def no_colour_science(colour):
        raise AssertionError(f"{colour} worked out again although it was remembered")

    monkeypatch.setattr(figures, "dark_counterpart", no_colour_science)
    assert figures.with_dark_palette(SVG, figures.DarkColours(tmp_path)) == served
    monkeypatch.undo()
    (tmp_path / figures.DarkColours.FILE_NAME).write_text(
        '{"version": "other", "colours": {"#fbfaf7": "#000000"}}'
    )
    assert figures.with_dark_palette(SVG, figures.DarkColours(tmp_path)) == served
    (tmp_path / figures.DarkColours.FILE_NAME).write_text("{not json")
    assert figures.with_dark_palette(SVG, figures.DarkColours(tmp_path)) == served


@pytest.mark.parametrize("path", FIGURES, ids=lambda p: p.name)
def test_every_figure_stays_well_formed_and_gets_a_palette(path):
    source = path.read_text(encoding="utf-8")
    served = figures.with_dark_palette(source)
    ET.fromstring(served)
    assert served.count("<style>") == source.count("<style>") + 1
    # every colour the figure paints with has a dark counterpart (rgba text once had none)
    painted = {
        m[1]
        for m in re.finditer(r'\s(?:fill|stroke|stop-color)="([^"]+)"', source)
        if not re.fullmatch(r"none|transparent|currentColor|url\(.*\)", m[1])
    }
    covered = {m["value"] for m in figures.COLOUR_ATTRIBUTE.finditer(source)}
    assert painted <= covered, sorted(painted - covered)
    assert figures.svg_size(source) is not None, f"{path.name} has no viewBox or width and height"


@pytest.mark.parametrize(
    ("svg", "size"),
    [
        ('<svg width="800" height="660" viewBox="0 0 10 10">', (800, 660)),
        ('<svg width="800px" height="660px">', (800, 660)),
        ('<svg viewBox="0 0 960 440">', (960, 440)),
        ('<svg width="100%" viewBox="0,0,400,300">', (400, 300)),
        ('<svg width="100%">', None),
    ],
)
def test_svg_size(svg, size):
    found = figures.svg_size(svg + "</svg>")
    assert (found and (found.width, found.height)) == size


def _sized(html: str, files: dict[str, bytes], page_url: str = "rlhf.html"):
    return figures.add_intrinsic_sizes(html, page_url, files.get)


def test_intrinsic_sizes_keep_the_aspect_ratio_of_a_given_width():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 660"></svg>'
    html, unsized = _sized(
        '<p><img alt="x" src="assets/figures/a.svg" width="720" /></p>',
        {"assets/figures/a.svg": svg},
    )
    assert (
        html == '<p><img alt="x" src="assets/figures/a.svg" width="720" height="594"></p>'
        and not unsized
    )
    html, _ = _sized(
        '<img src="../assets/figures/a.svg">', {"assets/figures/a.svg": svg}, "demos/boat-race.html"
    )
    assert 'width="800" height="660"' in html
    html, _ = _sized('<img src="a.svg" height="330">', {"a.svg": svg})
    assert 'width="400"' in html


def test_intrinsic_sizes_of_a_raster_image(tmp_path):
    from PIL import Image

    Image.new("RGB", (120, 80)).save(tmp_path / "t.png")
    html, _ = _sized('<img src="t.png">', {"t.png": (tmp_path / "t.png").read_bytes()})
    assert 'width="120" height="80"' in html


def test_images_left_alone():
    for tag in (
        '<img src="https://example.org/x.svg">',
        '<img src="x.svg" width="50%">',
        '<img src="x.svg" width="10" height="10">',
        '<img alt="no source">',
    ):
        assert _sized(tag, {"x.svg": b"<svg viewBox='0 0 1 1'/>"}) == (tag, [])


def test_an_unsizable_image_stops_the_build_with_page_and_line():
    page = SimpleNamespace(
        file=SimpleNamespace(url="rlhf.html", src_uri="rlhf.md"),
        markdown="# RLHF\n\ntext\n\n![alt](assets/figures/bad.svg)\n",
    )
    files = SimpleNamespace(
        get_file_from_path=lambda path: (
            SimpleNamespace(content_bytes=b"<svg></svg>")
            if path == "assets/figures/bad.svg"
            else None
        )
    )
    with pytest.raises(PluginError) as error:
        figures.size_images('<img alt="alt" src="assets/figures/bad.svg">', page, files)
    assert str(error.value).startswith("docs/rlhf.md:5: image 'assets/figures/bad.svg' has no size")


@pytest.mark.pdf
def test_the_book_renders_figures_in_their_light_colours(tmp_path):
    """WeasyPrint ignores the dark palette: a served figure prints as drawn."""
    from PIL import Image
    from weasyprint import HTML

    (tmp_path / "f.svg").write_text(figures.with_dark_palette(SVG), encoding="utf-8")
    (tmp_path / "page.html").write_text(
        '<html><body style="margin:0"><img src="f.svg" style="width:8cm"></body></html>'
    )
    HTML(filename=str(tmp_path / "page.html")).write_pdf(tmp_path / "page.pdf")
    image = Image.open(pdf_page_png(tmp_path / "page.pdf", 1, 40, tmp_path / "page")).convert("RGB")
    assert image.getpixel((40, 40)) == (251, 250, 247)  # the figure's cream, not a dark panel


# ---------- narrow versions for phones (add_narrow_variants) ----------

NARROW = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 934"></svg>'
WIDE_IMG = '<img alt="x" src="assets/figures/a.svg" width="760" height="620">'


def _narrowed(html: str, files: dict[str, bytes], page_url: str = "disagreement.html"):
    return figures.add_narrow_variants(html, page_url, files.get)


def test_a_figure_with_a_narrow_sibling_is_wrapped_in_a_picture():
    html, unsized = _narrowed(
        f"<figure>\n{WIDE_IMG}\n<figcaption>c</figcaption></figure>",
        {"assets/figures/a.svg": SVG.encode(), "assets/figures/a-narrow.svg": NARROW},
    )
    assert not unsized
    assert html == (
        "<figure>\n"
        '<picture><source media="(max-width: 599px)" srcset="assets/figures/a-narrow.svg"'
        f' width="480" height="934">{WIDE_IMG}</picture>'
        "\n<figcaption>c</figcaption></figure>"
    )
    # the <img> is left exactly as it was: what print, the book and the social cards read
    wrapped = re.search(r"<picture>.*?(<img[^>]*>)</picture>", html)
    assert wrapped is not None and wrapped[1] == WIDE_IMG


def test_a_narrow_version_from_a_page_in_a_folder():
    html, _ = _narrowed(
        '<figure class="demo-static"><img src="../assets/figures/a.svg" width="720"'
        ' height="594"></figure>',
        {"assets/figures/a-narrow.svg": NARROW},
        "demos/boat-race.html",
    )
    assert 'srcset="../assets/figures/a-narrow.svg" width="480" height="934">' in html
    assert html.count("<picture>") == 1 and html.endswith("</picture></figure>")
    # with directory URLs (demos/boat-race/) the page is one folder deeper
    html, _ = _narrowed(
        '<figure><img src="../../assets/figures/a.svg"></figure>',
        {"assets/figures/a-narrow.svg": NARROW},
        "demos/boat-race/",
    )
    assert 'srcset="../../assets/figures/a-narrow.svg"' in html


@pytest.mark.parametrize(
    "html",
    [
        # no narrow sibling
        '<figure><img src="assets/figures/b.svg" width="720" height="594"></figure>',
        # already in a hand-written <picture> (left as its author wrote it)
        '<figure><picture><source media="(max-width: 599px)" srcset="assets/figures/'
        'a-narrow.svg"><img src="assets/figures/a.svg" width="760"></picture></figure>',
        # not in a figure: a card thumbnail, cropped to one shape by CSS
        '<p><img class="ae-card__thumb" src="assets/figures/a.svg" width="960" height="560" /></p>',
        # after a figure has closed
        '<figure><img src="x.png"></figure><img src="assets/figures/a.svg">',
        # another site's, a root-relative, a raster or a narrow image itself
        '<figure><img src="https://example.org/assets/figures/a.svg"></figure>',
        '<figure><img src="/assets/figures/a.svg"></figure>',
        '<figure><img src="assets/figures/a.png"></figure>',
        '<figure><img src="assets/figures/a-narrow.svg"></figure>',
        '<figure><img alt="no source"></figure>',
    ],
)
def test_images_without_a_narrow_version_to_add_are_left_alone(html):
    files = {
        "assets/figures/a.svg": SVG.encode(),
        "assets/figures/a-narrow.svg": NARROW,
        "assets/figures/a-narrow-narrow.svg": NARROW,
        "assets/figures/a-narrow.png": b"",
        "a-narrow.svg": NARROW,
    }
    assert _narrowed(html, files) == (html, [])


def test_every_figure_of_a_page_is_looked_at_and_case_does_not_matter():
    html, _ = _narrowed(
        '<FIGURE><img src="a.svg"></FIGURE><p>text</p><figure id="f2"><img src="b.svg">'
        '<img src="c.svg"></figure>',
        {"a-narrow.svg": NARROW, "c-narrow.svg": NARROW},
    )
    assert html.count("<picture>") == 2
    assert '<picture><source media="(max-width: 599px)" srcset="a-narrow.svg"' in html
    assert '<img src="b.svg"><picture>' in html and 'srcset="c-narrow.svg"' in html


def test_a_narrow_version_without_a_size_stops_the_build_with_page_and_line():
    page = SimpleNamespace(
        file=SimpleNamespace(url="rlhf.html", src_uri="rlhf.md"),
        # an earlier image whose name begins like the figure's must not take its line
        markdown="# RLHF\n\n![b](assets/figures/a-b.svg)\n\n<figure markdown>\n"
        "![alt](assets/figures/a.svg)\n</figure>\n",
    )
    contents = {"assets/figures/a.svg": SVG.encode(), "assets/figures/a-narrow.svg": b"<svg/>"}
    files = SimpleNamespace(
        get_file_from_path=lambda path: (
            SimpleNamespace(content_bytes=contents[path]) if path in contents else None
        )
    )
    html = '<figure><img alt="alt" src="assets/figures/a.svg" width="800" height="660"></figure>'
    with pytest.raises(PluginError) as error:
        figures.serve_narrow_variants(html, page, files)
    assert str(error.value).startswith(
        "docs/rlhf.md:6: 'assets/figures/a-narrow.svg', the narrow version of this figure, has no"
        " size"
    )
    contents["assets/figures/a-narrow.svg"] = NARROW
    assert "<picture>" in figures.serve_narrow_variants(html, page, files)


NARROW_FIGURES = [p for p in FIGURES if p.name.endswith(figures.NARROW_SUFFIX)]


@pytest.mark.parametrize("path", NARROW_FIGURES, ids=lambda p: p.name)
def test_narrow_figures_are_drawn_for_a_phone(path):
    """A narrow version stands beside its wide figure, is drawn 480 wide (so a 358 px phone
    column shows it at three quarters of its size), with no label under 14 units (over 10 px on
    that phone), and has its own title and a description that says it is the narrow version."""
    assert path.with_name(path.name.removesuffix(figures.NARROW_SUFFIX) + ".svg").is_file()
    source = path.read_text(encoding="utf-8")
    size = figures.svg_size(source)
    assert size is not None and size.width == 480, size
    sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)"', source)]
    assert sizes and min(sizes) >= 14, sorted(set(sizes))
    root = ET.fromstring(source)
    namespace = "{http://www.w3.org/2000/svg}"
    title, desc = root.find(f"{namespace}title"), root.find(f"{namespace}desc")
    assert title is not None and (title.text or "").strip()
    assert desc is not None and "narrow" in (desc.text or "").lower()


# A live figure's still (<figure class="demo-static">): the page shows the live figure instead
# when JavaScript runs; the still is for print, the book and readers without JavaScript.
DEMO_STILL = re.compile(r'<figure class="demo-static">.*?</figure>', flags=re.DOTALL)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_wide_chapter_figure_has_a_narrow_version(chapter):
    """A figure drawn wider than a phone (600 units or more) shows its labels at 5-7 px in a
    358 px column: every such chapter figure has an `x-narrow.svg` beside it (CoinRun's was the
    last without one, its labels at 7 px on a 390 px phone)."""
    source = DEMO_STILL.sub("", (ROOT / "docs" / f"{chapter}.md").read_text(encoding="utf-8"))
    folder = ROOT / "docs" / "assets" / "figures"
    missing = []
    for name in sorted(set(re.findall(r"assets/figures/([\w-]+)\.svg", source))):
        if name.endswith(figures.NARROW_SUFFIX.removesuffix(".svg")):
            continue
        size = figures.svg_size((folder / f"{name}.svg").read_text(encoding="utf-8"))
        if size is not None and size.width >= 600 and not (folder / f"{name}-narrow.svg").is_file():
            missing.append(f"{name}.svg ({size.width:g} wide)")
    assert not missing, (
        f"docs/{chapter}.md: draw a narrow version of {missing} (README: Add a figure)"
    )
