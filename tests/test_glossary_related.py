"""A glossary entry's related terms ("    Related terms: AGI, p(doom)", scripts/glossary.py):
parsed from the Markdown, located errors for each slip (what `make check` and the build print),
and, as a property, the same words read back from the page the site's Markdown makes of it
(scripts/glossary_search.py, which turns them into the search entry's tags)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import glossary
import glossary_search as gs
from test_glossary import GLOSSARY_HEAD, site_html

ROOT = Path(__file__).resolve().parent.parent

ENTRY = (
    "Corrigibility\n:   Accepting correction. See\n    [the chapter](core-difficulties.md).\n"
    "\n{related}\n\nDebate\n:   Two systems argue.\n"
)


def _problems(related: str) -> list[str]:
    text = GLOSSARY_HEAD + ENTRY.format(related=related)
    return [str(p) for p in glossary.glossary_problems(text, "docs/glossary.md")]


def test_related_terms_belong_to_their_entry_and_leave_its_hover_alone():
    text = GLOSSARY_HEAD + ENTRY.format(related="    Related terms: kill switch, turning it off.")
    corrigibility, debate = glossary.parse_glossary(text)
    assert corrigibility.related == ("kill switch", "turning it off")
    assert corrigibility.hover == "Accepting correction."
    assert debate.related == ()
    assert _problems("    Related terms: kill switch, turning it off.") == []
    assert "kill switch" not in corrigibility.spellings()  # no hovers on related terms


def test_the_page_shows_them_and_the_search_entry_carries_them_as_tags():
    text = GLOSSARY_HEAD + ENTRY.format(related="    Related terms: kill switch, p(doom)")
    page = gs.anchor_terms(site_html(text), "glossary.md")
    assert (
        '<p class="glossary__related"><span class="glossary__related-label">Related terms:</span>'
        " kill switch, p(doom)</p>" in page
    )
    entry, _ = gs.glossary_entries(page)
    assert entry.related == ("kill switch", "p(doom)")
    assert entry.definition == "Accepting correction. See the chapter."  # not in the text
    index = {"config": {}, "docs": [{"location": "glossary.html#ac", "title": "A", "text": ""}]}
    record = gs.split_glossary_entries(index, "glossary.html", [entry])["docs"][0]
    assert record["tags"] == ["kill switch", "p(doom)"]


@pytest.mark.parametrize(
    ("related", "expected"),
    [
        (
            "    Related terms:",
            "docs/glossary.md:9: a malformed 'Related terms:' line; write '    Related terms: a, b' (indented four spaces, on one line)",
        ),
        (
            "  Related terms: kill switch",
            "docs/glossary.md:9: a malformed 'Related terms:' line; write '    Related terms: a, b' (indented four spaces, on one line)",
        ),
        (
            "    related term: kill switch",
            "docs/glossary.md:9: a malformed 'Related terms:' line; write '    Related terms: a, b' (indented four spaces, on one line)",
        ),
        (
            "    Related terms: kill switch,\n    stop button",
            "docs/glossary.md:9: a 'Related terms:' line must be the last paragraph of a term's definition: a blank line above it (below the definition) and below it, written '    Related terms: a, b' (indented four spaces, on one line)",
        ),
        (
            "    Related terms: kill switch,, stop button",
            "docs/glossary.md:9: an empty related term (two commas, or one at the end)",
        ),
        (
            "    Related terms: *kill* switch",
            "docs/glossary.md:9: related term '*kill* switch' holds Markdown or HTML; write it as plain text",
        ),
        (
            "    Related terms: turn it off, it",
            "docs/glossary.md:9: related term 'it' could never be found: search leaves out common words and single letters; name it with a more specific word",
        ),
        (
            "    Related terms: debate",
            "docs/glossary.md:9: related term 'debate' is already the glossary term 'Debate'; remove it from the list",
        ),
        (
            "    Related terms: kill switch, Kill switch",
            "docs/glossary.md:9: related term 'Kill switch' is listed twice (first at line 9); keep it under one term",
        ),
    ],
)
def test_each_slip_is_located_with_its_fix(related: str, expected: str):
    assert _problems(related) == [expected]


def test_a_related_line_not_ending_an_entry_is_located():
    text = GLOSSARY_HEAD + (
        "Corrigibility\n:   Accepting correction.\n    Related terms: kill switch\n\n"
        "Debate\n:   Two systems argue.\n"
    )
    assert [str(p) for p in glossary.glossary_problems(text, "docs/glossary.md")] == [
        "docs/glossary.md:7: a 'Related terms:' line must be the last paragraph of a term's definition: a blank line above it (below the definition) and below it, written '    Related terms: a, b' (indented four spaces, on one line)"
    ]


def test_the_real_glossary_names_the_newcomers_words():
    terms = glossary.parse_glossary((ROOT / "docs" / "glossary.md").read_text(encoding="utf-8"))
    related = {word: t.name for t in terms for word in t.related}
    assert related["AGI"] == "Superintelligence"
    assert related["paperclip maximizer"] == "Instrumental convergence"
    assert related["p(doom)"] == "Existential catastrophe"
    assert related["kill switch"] == "Corrigibility"


_RELATED = st.from_regex(r"[a-z][a-z0-9()' -]{1,20}[a-z0-9)]", fullmatch=True).filter(
    lambda w: "  " not in w and bool(glossary.search_words.searchable_words(w))
)


@given(st.lists(_RELATED, min_size=1, max_size=5, unique_by=str.lower))
def test_the_page_gives_back_the_related_terms_the_markdown_lists(words: list[str]):
    """The check reads the Markdown (glossary.py), search reads the page made of it
    (glossary_search.py): for any well-formed list, both read the same terms."""
    words = [w for w in words if w.lower() not in ("corrigibility", "debate", "debates")]
    if not words:
        return
    text = GLOSSARY_HEAD + ENTRY.format(related="    Related terms: " + ", ".join(words))
    assert glossary.glossary_problems(text, "docs/glossary.md") == []
    assert glossary.parse_glossary(text)[0].related == tuple(words)
    entry = gs.glossary_entries(gs.anchor_terms(site_html(text), "glossary.md"))[0]
    assert entry.related == tuple(words)
