"""scripts/figure_refs.py: a page's own figure named in plain text stops the build, at its line
and column, with the link to write; links, captions, code and other works' figures pass."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from figure_refs import captioned, check_figure_mentions

FIGURES = """\
Some text.

<figure markdown="span" id="figure-loop">
  ![A loop](assets/figures/loop.svg)
  <figcaption>Figure 1. A loop. Figure 2 of the paper is different.</figcaption>
</figure>

<figure markdown="span">
  ![A chain](assets/figures/chain.svg)
  <figcaption>Figure 2: A chain.</figcaption>
</figure>
"""


def _check(text: str) -> list[str]:
    return [str(d) for d in check_figure_mentions(FIGURES + text, "docs/page.md", 3)]


def test_a_plain_mention_names_line_column_and_the_link_to_write():
    assert _check("As Figure 1 shows, it loops.\n") == [
        "docs/page.md:15:4: 'Figure 1' names this page's figure in plain text: link it, as "
        "[Figure 1](#figure-loop), so that the book prints its number and page"
    ]


def test_a_figure_without_an_id_is_told_to_get_one():
    (problem,) = _check("See Figure 2.\n")
    assert "give its <figure> an id" in problem and "[Figure 2](#that-id)" in problem


def test_links_captions_code_and_other_works_figures_pass():
    assert (
        _check(
            "As [Figure 1](#figure-loop) shows, and [Figure 2](#chain) too.\n"
            "Figure 3 of Gao et al. is theirs; so is Table 1.\n"
            "`Figure 1` in code, and\n\n```\nFigure 2 in a block\n```\n"
            "Figures 1 and 2, Figure 12, Figure 1a.\n"
        )
        == []
    )


def test_a_page_without_numbered_captions_has_nothing_to_check():
    assert check_figure_mentions("Figure 1 of the paper.\n", "docs/p.md") == []


def test_captions_are_read_with_their_ids_and_tables_too():
    tables = '<table id="t-costs"><caption>Table 1. Costs</caption><tr><td>1</td></tr></table>'
    found = captioned(FIGURES + tables)
    assert {key: f.element_id for key, f in found.items()} == {
        ("Figure", "1"): "figure-loop",
        ("Figure", "2"): None,
        ("Table", "1"): "t-costs",
    }
    (problem,) = check_figure_mentions(FIGURES + tables + "\nIn Table 1, costs.\n", "p.md")
    assert "[Table 1](#t-costs)" in problem.message


WORDS = st.lists(
    st.sampled_from(["the", "loop", "shows", "that,", "and", "(see", "it)"]), max_size=6
)


@given(st.lists(st.tuples(WORDS, st.sampled_from(["plain", "linked"])), min_size=1, max_size=5))
def test_every_plain_mention_and_no_linked_one_is_reported_where_it_is(parts):
    """Prose made of words and mentions of Figure 1, each plain or linked: one problem per plain
    mention, at its own line and column."""
    lines, expected = [], []
    first_line = FIGURES.count("\n") + 1
    for words, form in parts:
        prefix = " ".join(words) + (" " if words else "")
        mention = "Figure 1" if form == "plain" else "[Figure 1](#figure-loop)"
        lines.append(f"{prefix}{mention} ends here.")
        if form == "plain":
            expected.append((first_line + len(lines) - 1, len(prefix) + 1))
    problems = check_figure_mentions(FIGURES + "\n".join(lines) + "\n", "p.md")
    assert [(p.line, p.column) for p in problems] == expected
