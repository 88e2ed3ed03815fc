"""Figures a reader can link to (scripts/figure_permalinks.py): an id on every numbered figure and
its caption's "Figure N." a link to it; on the built site, every numbered figure of every page."""

from __future__ import annotations

import html as html_text
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figure_permalinks import link_figures

IMG = '<img alt="a" src="assets/figures/{name}.svg" width="720" height="400">'


def figure(caption: str, *, attributes: str = "", name: str | None = "x-map") -> str:
    image = IMG.format(name=name) if name else "<canvas></canvas>"
    return f"<figure{attributes}>\n{image}\n<figcaption>{caption}</figcaption>\n</figure>"


def ids(html: str) -> list[str]:
    return re.findall(r'<figure[^>]*\sid="([^"]+)"', html)


def test_a_numbered_figure_gets_an_id_from_its_image_and_a_linked_number() -> None:
    html = link_figures(figure("Figure 1. Three positions. Each card ends with an estimate."))
    assert html.startswith('<figure id="figure-x-map">')
    assert (
        '<figcaption><a class="figure-permalink" href="#figure-x-map">Figure 1.</a> Three'
        " positions." in html
    )


def test_the_authors_id_stays_and_the_number_links_to_it() -> None:
    """The five hand-written ids, which the text links to ("[Figure 2](#figure-overoptimization)")."""
    html = link_figures(figure("Figure 2. Overoptimization.", attributes=' id="figure-overopt"'))
    assert ids(html) == ["figure-overopt"]
    assert '<a class="figure-permalink" href="#figure-overopt">Figure 2.</a>' in html


def test_other_attributes_are_kept() -> None:
    html = link_figures(figure("Figure 1: A map.", attributes=' class="wide"'))
    assert html.startswith('<figure class="wide" id="figure-x-map">')
    assert '<a class="figure-permalink" href="#figure-x-map">Figure 1:</a> A map.' in html


def test_without_an_image_the_id_comes_from_the_captions_first_words() -> None:
    html = link_figures(
        figure("Figure 3. The <em>KL</em> leash, shown as a chart of reward. More.", name=None)
    )
    assert ids(html) == ["figure-the-kl-leash-shown-as-a"]
    bare = link_figures(figure("Figure 4.", name=None))
    assert ids(bare) == ["figure-1"]


def test_ids_are_unique_on_the_page() -> None:
    """The same image twice, and an id a heading already has, get -2, -3."""
    page = (
        '<h2 id="figure-x-map">Figure x map</h2>'
        + figure("Figure 1. One.")
        + figure("Figure 2. The same drawing again.")
    )
    html = link_figures(page)
    assert ids(html) == ["figure-x-map-2", "figure-x-map-3"]
    assert 'href="#figure-x-map-2">Figure 1.</a>' in html
    assert 'href="#figure-x-map-3">Figure 2.</a>' in html


@pytest.mark.parametrize(
    "caption",
    [
        "A toy CoinRun, a still of the live figure.",  # a demo's still: its <div> has the id
        "The idea at the centre of this guide.",  # the home page's picture
        "As Figure 1 shows, the chain loses something.",  # a number, not at the start
    ],
)
def test_a_figure_without_a_number_is_left_alone(caption: str) -> None:
    page = f'<div class="demo" id="live-x">{figure(caption)}</div>'
    assert link_figures(page) == page


def test_a_page_without_captions_is_returned_as_it_is() -> None:
    page = "<p>Figure 1. Not a caption.</p>"
    assert link_figures(page) is page


def test_linking_twice_changes_nothing_more() -> None:
    once = link_figures(figure("Figure 1. A map.") + figure("Figure 2. B.", name="y"))
    assert link_figures(once) == once


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["x-map", "y", None]),
            st.text(alphabet="abc .<>&\"'", max_size=20),
            st.booleans(),
        ),
        max_size=5,
    )
)
def test_every_numbered_figure_gets_a_unique_id_its_caption_links_to(figures) -> None:
    page = "".join(
        figure(
            f"Figure {n + 1}. {html_text.escape(text)}",
            name=name,
            attributes=' id="given"' if given and n == 0 else "",
        )
        for n, (name, text, given) in enumerate(figures)
    )
    html = link_figures(page)
    found = ids(html)
    assert len(found) == len(figures) == len(set(found))
    links = re.findall(r'<a class="figure-permalink" href="#([^"]+)">Figure \d+\.</a>', html)
    assert links == found


# --- the built site ---------------------------------------------------------------------------


class _Figures(HTMLParser):
    """Each <figure> of a page's article: its id, its caption's text and the caption's links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.figures: list[dict] = []
        self.ids: list[str] = []
        self._figure: dict | None = None
        self._in_caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(attributes["id"] or "")
        if tag == "figure":
            self._figure = {"id": attributes.get("id"), "caption": "", "links": []}
            self.figures.append(self._figure)
        elif tag == "figcaption" and self._figure is not None:
            self._in_caption = True
        elif tag == "a" and self._in_caption and self._figure is not None:
            self._figure["links"].append((attributes.get("class"), attributes.get("href")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "figcaption":
            self._in_caption = False
        elif tag == "figure":
            self._figure = None

    def handle_data(self, data: str) -> None:
        if self._in_caption and self._figure is not None:
            self._figure["caption"] += data


def _pages(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.html") if "<figure" in p.read_text("utf-8"))


def test_every_numbered_figure_on_the_site_has_an_id_its_caption_links_to(site_dir: Path) -> None:
    """A reader can send a link that opens at any numbered figure: its caption's "Figure N."
    links to the figure's id, which is the only one of its kind on the page. The hand-written
    ids the text links to are unchanged."""
    numbered = 0
    kept: set[str] = set()
    for path in _pages(site_dir):
        parser = _Figures()
        parser.feed(path.read_text(encoding="utf-8"))
        name = path.relative_to(site_dir).as_posix()
        for found in parser.figures:
            caption = " ".join(found["caption"].split())
            if not re.match(r"Figure \d+[.:]", caption):
                continue
            numbered += 1
            assert found["id"], f"{name}: a figure without an id: {caption[:60]}"
            assert parser.ids.count(found["id"]) == 1, f"{name}: id {found['id']} twice"
            assert found["links"][:1] == [("figure-permalink", f"#{found['id']}")], (
                f"{name}: {caption[:40]} does not link to #{found['id']}"
            )
            kept.add(found["id"])
    assert numbered >= 15, numbered
    assert {
        "figure-chain-of-loss",
        "figure-corrigibility-tension",
        "figure-overoptimization",
        "figure-rlhf-pipeline",
        "figure-where-gaming-slips-in",
        "figure-disagreement-spectrum",
    } <= kept
