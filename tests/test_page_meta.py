"""scripts/page_meta: descriptions, revision dates, page citations and social cards, unit by unit
(the built site is checked in test_page_meta_build.py)."""

from __future__ import annotations

import io
import struct
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import bibtexparser
import pytest
from hypothesis import given
from hypothesis import strategies as st

from page_meta.citation import PageCitation
from page_meta.description import LIMIT, read_page, shorten
from page_meta.revision import revision_of
from page_meta.social_card import HEIGHT, TITLE_WIDTH, WIDTH, CardMaker, CardText

ROOT = Path(__file__).resolve().parent.parent
FIGURE = ROOT / "docs" / "assets" / "figures" / "rlhf-pipeline.svg"

words = st.text(
    alphabet=st.characters(categories=("L", "N"), max_codepoint=0x24F), min_size=1, max_size=14
)
# Sentences as the splitter knows them: a capital first, a full stop last.
sentences = st.tuples(
    st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), st.lists(words, min_size=1, max_size=30)
).map(lambda t: t[0] + " ".join(t[1]) + ".")


@given(st.lists(sentences, min_size=1, max_size=12))
def test_a_description_is_short_and_made_of_the_texts_own_words(parts: list[str]) -> None:
    text = " ".join(parts)
    result = shorten(text)
    assert 0 < len(result) <= LIMIT
    if result.endswith("…"):
        assert text.startswith(result[:-1])
        assert len(parts[0]) > LIMIT  # an ellipsis only when no whole sentence fits
    else:
        assert text.startswith(result)
        assert result == text or result.endswith(".")


def test_the_summary_box_wins_over_the_first_paragraph_and_skips_its_title() -> None:
    html = (
        '<h1 id="t">Goodhart\'s Law<a class="headerlink" href="#t">¶</a></h1>'
        "<p>Intro paragraph.</p>"
        '<div class="admonition abstract"><p class="admonition-title">In one minute</p>'
        '<p>When a <abbr title="x">measure</abbr> becomes a target,\n it drifts.</p></div>'
        '<figure><img src="assets/figures/goodhart-variants.svg" alt="Four panels."></figure>'
    )
    facts = read_page(html)
    assert facts.title == "Goodhart's Law"
    assert facts.description == "When a measure becomes a target, it drifts."
    assert (facts.figure_src, facts.figure_alt) == (
        "assets/figures/goodhart-variants.svg",
        "Four panels.",
    )


def test_without_a_summary_the_first_top_level_paragraph_is_used() -> None:
    facts = read_page(
        '<h1>G</h1><div class="grid"><p>In a card.</p></div><p>The page says this.</p>'
    )
    assert facts.description == "The page says this."
    assert facts.figure_src == ""


def test_revision_labels_say_what_the_date_rests_on() -> None:
    meta = {
        "git_revision_date_localized_raw_iso_date": "2025-11-02",
        "git_revision_date_localized_hash": "f00",
    }
    today = date(2026, 1, 5)
    assert (
        revision_of(meta, shallow=frozenset(), today=today).label == "Last updated 2 November 2025"
    )
    shallow = revision_of(meta, shallow=frozenset({"f00"}), today=today)
    assert (shallow.basis, shallow.label) == (
        "shallow",
        "Last updated on or before 2 November 2025",
    )
    built = revision_of(
        {"git_revision_date_localized_raw_iso_date": "2026-01-05"}, shallow=frozenset(), today=today
    )
    assert (built.basis, built.day) == ("build", today)


CITATION = PageCitation(
    title="Goodhart's Law: 100% {braces} & more_",
    url="https://example.org/site/demos/boat-race.html",
    author="The Alignment Explained contributors",
    site_name="Alignment Explained",
    day=date(2026, 3, 4),
    revised="Last updated 4 March 2026",
    site_url="https://example.org/site/",
)


def test_the_bibtex_entry_reads_back_with_bibtexparser() -> None:
    library = bibtexparser.parse_string(CITATION.bibtex)
    assert library.failed_blocks == []
    (entry,) = library.entries
    assert entry.key == "alignmentexplained-demos-boat-race"
    assert entry.entry_type == "misc"
    assert entry["url"] == CITATION.url
    assert entry["year"] == "2026"
    # Special characters are escaped for LaTeX, and the title is protected by a second brace.
    assert entry["title"].startswith("{") and r"\&" in entry["title"] and r"\%" in entry["title"]
    assert r"\{braces\}" in entry["title"]


def test_the_formatted_reference_names_author_year_title_site_date_and_address() -> None:
    reference = replace(CITATION, title="RLHF").reference
    assert reference == (
        "The Alignment Explained contributors (2026). RLHF. Alignment Explained. "
        "Last updated 4 March 2026. https://example.org/site/demos/boat-race.html"
    )


@pytest.mark.parametrize("title", ["Alignment Explained", "alignment  explained"])
def test_a_page_titled_with_the_sites_name_does_not_name_it_twice(title: str) -> None:
    """Home's reference read "Alignment Explained. Alignment Explained." (a journalist's review):
    the venue is left out of the reference and the BibTeX entry when the title already is it."""
    home = replace(CITATION, title=title)
    assert home.reference == (
        f"The Alignment Explained contributors (2026). {title}. "
        "Last updated 4 March 2026. https://example.org/site/demos/boat-race.html"
    )
    entry = bibtexparser.parse_string(home.bibtex).entries[0]
    assert "howpublished" not in entry.fields_dict and entry["title"] == f"{{{title}}}"
    assert bibtexparser.parse_string(CITATION.bibtex).entries[0]["howpublished"] == (
        "Alignment Explained"
    )


@pytest.fixture(scope="module")
def cards(tmp_path_factory: pytest.TempPathFactory) -> CardMaker:
    return CardMaker(
        ROOT / "docs" / "assets" / "fonts",
        tmp_path_factory.mktemp("cards"),
        heading_font="Literata",
        body_font="Inter",
    )


def _png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", png[16:24])


def test_a_card_is_a_1200_by_630_png_and_is_cached(cards: CardMaker) -> None:
    args: dict[str, Any] = {
        "title": "Reinforcement learning from human feedback",
        "site_name": "Alignment Explained",
        "address": "example.org/site",
        "figure_svg": FIGURE.read_bytes(),
    }
    png = cards.card(CardText(**args))
    assert _png_size(png) == (WIDTH, HEIGHT)
    assert len(list(cards.cache_dir.glob("*.png"))) == 1
    assert cards.card(CardText(**args)) == png
    assert len(list(cards.cache_dir.glob("*.png"))) == 1
    without_figure = cards.card(CardText(**{**args, "figure_svg": None}))
    assert _png_size(without_figure) == (WIDTH, HEIGHT) and without_figure != png


def test_titles_are_broken_to_fit_the_card(cards: CardMaker) -> None:
    title = cards.fit_title("Specification gaming and reward hacking, with a rather long subtitle")
    font = cards._font("Literata", 700)
    assert 1 < len(title.lines) <= 4
    assert all(font.width(line, title.size) <= TITLE_WIDTH for line in title.lines)
    assert (
        " ".join(title.lines)
        == "Specification gaming and reward hacking, with a rather long subtitle"
    )


def test_the_card_svg_escapes_the_title(cards: CardMaker) -> None:
    svg = cards.svg(
        CardText(title="A <b>bold</b> & risky title", site_name="S", address="a", figure_svg=None)
    )
    assert "&lt;b&gt;bold&lt;/b&gt;" in svg and "&amp;" in svg and "<b>" not in svg


def test_the_band_carries_the_tagline_when_it_fits_and_leaves_it_off_when_not(
    cards: CardMaker,
) -> None:
    """A feed shows the card, and "Alignment Explained" alone leaves "alignment of what?"."""
    tagline = "Why it is so hard to make AI do what people mean"

    def band(tagline: str) -> str:
        return cards.svg(
            CardText(title="RLHF", site_name="Alignment Explained", address="a", tagline=tagline)
        )

    assert f"· {tagline}</tspan>" in band(tagline)
    too_long = tagline + ", and what researchers are doing about it, chapter by chapter"
    assert not cards.band_fits("Alignment Explained", too_long)
    svg = band(too_long)
    assert "<tspan" not in svg


def test_the_description_fills_the_space_under_the_title_whole_or_not_at_all(
    cards: CardMaker,
) -> None:
    short = "Manageable, serious, or fatal? Three camps on aligning far more capable AI."
    lines = cards.fit_blurb(short, TITLE_WIDTH, 6 * 33).lines
    assert 1 < len(lines) <= 6 and " ".join(lines) == short
    assert cards.fit_blurb(short, TITLE_WIDTH, 33).lines == ()
    # where 24 px does not fit, 21 px may: a long title still leaves its description
    tight = cards.fit_blurb(short, TITLE_WIDTH, 2 * 29)
    assert tight.size == 21 and " ".join(tight.lines) == short
    svg = cards.svg(
        CardText(
            title="Where experts disagree",
            site_name="S",
            address="a",
            figure_svg=FIGURE.read_bytes(),
            blurb=short,
        )
    )
    assert all(f">{line}</text>" in svg for line in lines)
    # a description too long for the room under the title is left out, not cut
    long_title = "Specification gaming and reward hacking, with a rather long subtitle"
    svg = cards.svg(
        CardText(
            title=long_title,
            site_name="S",
            address="a",
            figure_svg=FIGURE.read_bytes(),
            blurb=short * 6,
        )
    )
    assert "Manageable" not in svg and "…" not in svg


def test_the_touch_icon_is_an_opaque_180_px_square(cards: CardMaker) -> None:
    """iOS rounds a home-screen icon's corners itself and fills transparent ones with black."""
    from PIL import Image

    png = cards.touch_icon((ROOT / "docs" / "assets" / "images" / "favicon.svg").read_bytes())
    assert _png_size(png) == (180, 180)
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    for corner in [(0, 0), (179, 0), (0, 179), (179, 179)]:
        assert image.getpixel(corner) == (0x2F, 0x4B, 0x7C, 255), corner
