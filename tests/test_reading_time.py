"""scripts/reading_time.py: a numbered page's reading time, from the prose a reader reads."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import CHAPTERS
from reading_time import WORDS_PER_MINUTE, prose_words, reading_minutes
from test_content import prose_words as words_a_reader_sees


def test_words_are_counted_in_the_prose_and_not_in_figures_or_scripts() -> None:
    html = (
        "<h2>Why it matters</h2><p>A model's <em>reward</em> &amp; its <a href='#x'>goal</a>"
        " differ.</p><figure><img alt='a long description'><figcaption>Figure 1. Nine"
        " words of caption that a reader skims past.</figcaption></figure>"
        "<script>const notWords = 'a b c';</script><ul><li>One point, 2026.</li></ul>"
    )
    assert prose_words(html) == 3 + 6 + 3  # "model's" is one word, "&" none, "2026" one


def test_a_closed_figure_in_words_fold_and_a_buttons_label_are_not_read_in_passing() -> None:
    html = (
        "<p>Four words of prose.</p>"
        '<details class="figure-text"><summary>The figure in words</summary>'
        "<ul><li>Told <em>again</em>.</li></ul><p>More.</p></details>"
        "<p>Two more.<br>Then <button>Read the one-minute summary</button>three.</p>"
    )
    assert prose_words(html) == 4 + 2 + 2


def test_minutes_round_up_and_never_say_zero() -> None:
    words = lambda n: "<p>" + " ".join(["word"] * n) + "</p>"  # noqa: E731
    assert reading_minutes("") == 1
    assert reading_minutes(words(WORDS_PER_MINUTE)) == 1
    assert reading_minutes(words(WORDS_PER_MINUTE + 1)) == 2
    assert reading_minutes(words(10 * WORDS_PER_MINUTE)) == 10


@given(
    st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzé", min_size=1, max_size=12),
        max_size=60,
    ),
    st.sampled_from(["p", "li", "td", "span"]),
)
def test_any_text_counts_one_word_per_word_whatever_the_markup(words: list[str], tag: str) -> None:
    html = "".join(f"<{tag}>{word}</{tag}>\n" for word in words)
    assert prose_words(html) == len(words)


@pytest.mark.site
@pytest.mark.parametrize("slug", CHAPTERS)
def test_each_chapter_shows_its_reading_time_beside_its_number(site_dir: Path, slug: str) -> None:
    text = (site_dir / f"{slug}.html").read_text(encoding="utf-8")
    kicker = re.search(
        r'<div class="chapter-kicker web-only">\s*<p class="chapter-label">Chapter \d+</p>\s*'
        r'<p class="chapter-kicker__time">(\d+)-minute read</p>',
        text,
    )
    assert kicker, f"{slug}: no reading time beside the chapter's number"
    minutes = int(kicker.group(1))
    # Counted another way, on the finished page (tooltips left out; figure captions, live demos'
    # text and citations as printed counted in, some 300 words): no more, and 2 minutes less at most.
    seen = math.ceil(words_a_reader_sees(site_dir / f"{slug}.html") / WORDS_PER_MINUTE)
    assert seen - 2 <= minutes <= seen, (minutes, seen)
    assert 5 <= minutes <= 15, f"{slug}: {minutes} minutes"


@pytest.mark.site
@pytest.mark.parametrize("page", ["demos/boat-race.html", "demos/goodhart-explorer.html"])
def test_a_demo_says_it_is_one_beside_its_chapter_number(site_dir: Path, page: str) -> None:
    """Home promises chapters and two hands-on demos; a reader met "Chapter 11" on the boat race,
    after the guide's end, with nothing to say it was a demo. It is an appendix (the book's
    letter), and "Interactive demo" comes first, before its letter ("Appendix C" first undersold
    the demos, a later review); the chapters and the demos' index say nothing of the kind."""
    kicker = (
        r'<div class="chapter-kicker web-only chapter-kicker--demo">\s*'
        r'<p class="chapter-kicker__kind">Interactive demo</p>\s*'
        r'<p class="chapter-label">Appendix [A-Z]</p>'
    )
    text = (site_dir / page).read_text(encoding="utf-8")
    assert re.search(kicker, text), page
    for other in ["demos/index.html", "rlhf.html"]:
        assert "chapter-kicker__kind" not in (site_dir / other).read_text(encoding="utf-8")
