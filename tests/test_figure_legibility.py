"""Chapter figures read comfortably on a desktop: every label of a wide chapter figure at 12 CSS
px or more where the page shows it.

A figure is drawn 720-960 units wide and shown at most as wide as its `width` (720 or 760), but a
desktop's column is narrower: from 1220 px to 1599 px (1280 x 800, 1366, 1440 x 900, 1536) Material
fits the page between its two sidebars in a 688 px column, so a figure drawn 960 wide shows at
0.72 of its size. Readers met the labels at 10-11 px (a 15-unit credit line of the chain of loss at
10.75 px; Constitutional AI's 14-unit box text at 11.5 px). The static test works the size out
from each SVG and the page's `width`; the browser test measures it at 1280 x 800, and so also
checks that the column the static test assumes is the one the browser lays out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import CHAPTERS
from svg_text import text_sizes, viewbox_width

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ROOT / "docs" / "assets" / "figures"

# The content column of a chapter on a desktop with both sidebars (1220-1599 px wide): Material's
# 61 rem grid less its two 12.1 rem sidebars and the content's 1.2 rem margins, at 20 px a rem.
# (From 1600 px a rem is 22 px and the column 756 px; from 960 to 1219 px only the contents
# sidebar shows and the column is 686-945 px.)
DESKTOP_COLUMN_PX = 688
MIN_LABEL_PX = 12.0

# A live figure's still (<figure class="demo-static">): the page shows the live figure instead,
# and the still is for print, the book and readers without JavaScript.
DEMO_STILL = re.compile(r'<figure class="demo-static">.*?</figure>', flags=re.DOTALL)
FIGURE = re.compile(r"<figure\b.*?</figure>", flags=re.DOTALL)
# ![alt](assets/figures/x.svg){ width="720" } or <img src="assets/figures/x.svg" width="720">
MARKDOWN_IMAGE = re.compile(r"\]\(assets/figures/([\w-]+)\.svg\)(\{[^}]*\})?")
HTML_IMAGE = re.compile(r'<img\b[^>]*\bsrc="assets/figures/([\w-]+)\.svg"[^>]*>')
WIDTH = re.compile(r'\bwidth="(\d+(?:\.\d+)?)"')


def svg_labels(source: str) -> list[tuple[float, str]]:
    """(font size in viewBox units; text) of each piece of text holding a letter or a digit: the
    labels (a lone arrow or tick is a mark, held to its own size by the book's test)."""
    return [(size, text) for size, text in text_sizes(source) if re.search(r"\w", text)]


def chapter_figures(chapter: str) -> list[tuple[str, float]]:
    """(figure name, the width its page gives it) of each wide figure of a chapter, in page
    order: the SVGs of its <figure>s, without live figures' stills and narrow versions."""
    source = DEMO_STILL.sub("", (ROOT / "docs" / f"{chapter}.md").read_text(encoding="utf-8"))
    found = []
    for figure in FIGURE.findall(source):
        images = [(m[1], m[2] or "") for m in MARKDOWN_IMAGE.finditer(figure)]
        images += [(m[1], m[0]) for m in HTML_IMAGE.finditer(figure)]
        for name, attributes in images:
            if name.endswith("-narrow"):
                continue
            svg = (FIGURES / f"{name}.svg").read_text(encoding="utf-8")
            width = WIDTH.search(attributes)
            found.append((name, float(width[1]) if width else viewbox_width(svg)))
    return found


FIGURES_SHOWN = [
    pytest.param(chapter, name, width, id=f"{chapter}:{name}")
    for chapter in CHAPTERS
    for name, width in chapter_figures(chapter)
]


def test_every_chapter_with_a_figure_is_looked_at():
    """The figures are found at all (a page that changed how it writes a figure would otherwise
    drop out of the test without a word)."""
    names = {name for chapter in CHAPTERS for name, _ in chapter_figures(chapter)}
    assert {"cai-two-phase", "research-map", "disagreement-spectrum"} <= names, names
    assert len(names) >= 13, sorted(names)


@pytest.mark.parametrize(("chapter", "name", "width"), FIGURES_SHOWN)
def test_every_label_of_a_chapter_figure_reads_at_12_px_on_a_desktop(chapter, name, width):
    source = (FIGURES / f"{name}.svg").read_text(encoding="utf-8")
    # A size set in a stylesheet would escape this reading; the figures set theirs on elements.
    for style in re.findall(r"<style\b[^>]*>(.*?)</style>", source, flags=re.DOTALL):
        assert "font" not in style, f"{name}.svg sets a font in a <style>: set it on the element"
    shown = min(width, DESKTOP_COLUMN_PX)
    scale = shown / viewbox_width(source)
    labels = svg_labels(source)
    assert labels, f"{name}.svg has no labels"
    small = sorted(
        {(round(size * scale, 2), text) for size, text in labels if size * scale < MIN_LABEL_PX}
    )
    assert not small, (
        f"docs/{chapter}.md shows {name}.svg at {shown:g} px on a desktop ({scale:.3f} px a unit):"
        f" labels under {MIN_LABEL_PX:g} px (px, text): {small[:6]}; set them at"
        f" {MIN_LABEL_PX / scale:.1f} units or more (README: Add a figure)"
    )


def test_the_measure_catches_a_small_label():
    """The reading above sees inherited, styled and scaled sizes (so the test can fail)."""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 960 400"><title>T</title>'
        '<g font-size="18"><text>big</text><text style="font-size: 15px">styled</text>'
        '<g transform="scale(0.5)"><text font-size="30">scaled</text></g>'
        "<text>→</text></g><text>initial</text></svg>"
    )
    assert svg_labels(svg) == [(18, "big"), (15, "styled"), (15, "scaled"), (16, "initial")]
    assert 15 * DESKTOP_COLUMN_PX / viewbox_width(svg) < MIN_LABEL_PX  # 10.75 px: would fail


PAGE_FIGURES = """async () => {
  const out = [];
  for (const img of document.querySelectorAll('.md-content figure img')) {
    const src = img.currentSrc || img.src;
    if (!/\\/assets\\/figures\\/[\\w-]+\\.svg$/.test(src) || img.closest('.demo-static')) continue;
    const host = document.createElement('div');
    host.style.cssText = 'position:absolute;left:-99999px;top:0';
    host.innerHTML = await (await fetch(src)).text();
    document.body.append(host);
    const svg = host.querySelector('svg');
    const sizes = [...svg.querySelectorAll('text, tspan')]
      .filter(t => [...t.childNodes].some(n => n.nodeType === 3 && /\\w/.test(n.data)))
      .map(t => [parseFloat(getComputedStyle(t).fontSize), t.textContent.trim()]);
    host.remove();
    out.push({name: src.split('/').pop(), width: img.getBoundingClientRect().width,
              viewBox: svg.viewBox.baseVal.width, sizes});
  }
  return out;
}"""


@pytest.mark.browser
@pytest.mark.parametrize("chapter", ["constitutional-ai", "research"])
def test_figure_labels_measure_12_px_at_1280_by_800(browser, site_url, chapter):
    """What a desktop reader gets: the figure's rendered width (the column, not its `width`)
    over its viewBox, times each label's computed font size in the served SVG."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{site_url}/{chapter}.html")
    figures = page.evaluate(PAGE_FIGURES)
    context.close()
    expected = dict(chapter_figures(chapter))
    assert {f["name"].removesuffix(".svg") for f in figures} == set(expected), figures
    for figure in figures:
        name = figure["name"].removesuffix(".svg")
        # the static test's column is the one the browser lays out (were it narrower, the static
        # test would read the labels larger than a reader gets them)
        assumed = min(expected[name], DESKTOP_COLUMN_PX)
        assert figure["width"] == pytest.approx(assumed, abs=1), (name, figure["width"], assumed)
        scale = figure["width"] / figure["viewBox"]
        smallest = min(figure["sizes"])
        assert smallest[0] * scale >= MIN_LABEL_PX, (
            f"{name}: '{smallest[1]}' at {smallest[0] * scale:.2f} px ({figure['width']:.0f} px wide)"
        )
