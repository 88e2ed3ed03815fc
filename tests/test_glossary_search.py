"""scripts/glossary_search.py: one search entry per glossary term, landing on the term.

Unit tests on the pure steps, a property test on the index rewrite, and the real build's index
(both the JSON the search plugin wrote and the JS copy the offline plugin makes from it)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import glossary
import glossary_search as gs

ROOT = Path(__file__).resolve().parent.parent

PAGE = (
    "<h2 id='ac'>A–C</h2><dl>\n<dt>AI control</dt>\n<dd>Safety that holds "
    '<span class="citation"><a href="#ref-x">Greenblatt, 2024</a><span class="citation__tip" '
    'role="tooltip">Ryan <em>Greenblatt</em> (2024). Long title.</span></span>. See '
    '<a href="research.html#ai-control">research</a>.</dd>\n'
    "<dt>Proximal policy optimization (PPO)</dt>\n<dd>An algorithm &amp; more.</dd>\n</dl>"
)


def test_terms_get_ids_slugified_as_headings_are_on_the_glossary_only():
    anchored = gs.anchor_terms(PAGE, "glossary.md")
    assert '<dt id="ai-control">AI control</dt>' in anchored
    assert '<dt id="proximal-policy-optimization-ppo">' in anchored
    assert gs.anchor_terms(PAGE, "rlhf.md") == PAGE


def test_entries_read_the_shown_text_without_tooltips():
    entries = gs.glossary_entries(gs.anchor_terms(PAGE, "glossary.md"))
    assert [(e.term, e.anchor) for e in entries] == [
        ("AI control", "ai-control"),
        ("Proximal policy optimization (PPO)", "proximal-policy-optimization-ppo"),
    ]
    assert entries[0].definition == "Safety that holds Greenblatt, 2024. See research."
    assert entries[1].definition == "An algorithm & more."


def _index(*locations: str) -> dict:
    return {
        "config": {"lang": ["en"]},
        "docs": [{"location": loc, "title": loc, "text": "t", "boost": 2} for loc in locations],
    }


def test_letter_sections_become_one_entry_per_term_in_their_place():
    entries = gs.glossary_entries(gs.anchor_terms(PAGE, "glossary.md"))
    index = _index("index.html", "glossary.html", "glossary.html#ac", "glossary.html#di", "z.html")
    out = gs.split_glossary_entries(index, "glossary.html", entries)
    assert [d["location"] for d in out["docs"]] == [
        "index.html",
        "glossary.html",
        "glossary.html#ai-control",
        "glossary.html#proximal-policy-optimization-ppo",
        "z.html",
    ]
    term = out["docs"][2]
    assert term["title"] == "AI control" and term["boost"] == 2
    assert out["config"] == index["config"]


def test_an_index_without_glossary_sections_or_a_glossary_without_terms_is_left_alone():
    entries = gs.glossary_entries(gs.anchor_terms(PAGE, "glossary.md"))
    index = _index("index.html", "glossary.html")
    assert gs.split_glossary_entries(index, "glossary.html", entries) == index
    index = _index("glossary.html", "glossary.html#ac")
    assert gs.split_glossary_entries(index, "glossary.html", []) == index


def test_no_search_index_means_nothing_to_rewrite(tmp_path):
    assert gs.rewrite_search_index(tmp_path) == 0


@given(
    st.lists(st.sampled_from(["a.html", "b.html#x", "glossary.html#ac", "glossary.html#rt"])),
    st.lists(st.from_regex(r"[A-Z][a-z]{1,8}( [a-z]{2,6})?", fullmatch=True), unique=True),
)
def test_every_other_entry_keeps_its_order_and_each_term_appears_once(locations, terms):
    entries = [gs.GlossaryEntry(t, gs.term_anchor(t), "d") for t in terms]
    out = gs.split_glossary_entries(_index(*locations), "glossary.html", entries)["docs"]
    others = [d["location"] for d in out if not d["location"].startswith("glossary.html#")]
    assert others == [loc for loc in locations if not loc.startswith("glossary.html#")]
    glossary_docs = [d["title"] for d in out if d["location"].startswith("glossary.html#")]
    has_sections = any(loc.startswith("glossary.html#") for loc in locations)
    assert glossary_docs == (
        terms
        if has_sections and terms
        else [loc for loc in locations if loc.startswith("glossary.html#")]
    )


def test_the_built_search_finds_each_glossary_term_at_its_own_anchor(site_dir):
    """Both indexes (JSON, and the JS copy the offline plugin writes for file://) hold one entry
    per term of docs/glossary.md, at an id the built glossary page has."""
    terms = glossary.parse_glossary((ROOT / "docs" / "glossary.md").read_text(encoding="utf-8"))
    page = (site_dir / "glossary.html").read_text(encoding="utf-8")
    data = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    script = (site_dir / "search" / "search_index.js").read_text(encoding="utf-8")
    found = {d["title"]: d for d in data["docs"] if d["location"].startswith("glossary.html#")}
    names = [t.name + (f" ({t.abbreviation})" if t.abbreviation else "") for t in terms]
    assert sorted(found) == sorted(names)
    for doc in found.values():
        anchor = doc["location"].split("#", 1)[1]
        assert f'<dt id="{anchor}">' in page, anchor
        assert doc["text"] and "role=" not in doc["text"], doc
        assert re.search(re.escape(json.dumps(doc["location"])), script), doc["location"]
    sycophancy = found["Sycophancy"]
    assert sycophancy["text"].startswith("A model telling people what they seem to want to hear")
