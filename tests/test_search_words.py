"""scripts/search_words.py: the search plugin's separator, extended so that common words and
single letters drop out of queries (Material's search matches every query word as a prefix and
runs no stop-word filter on it: "we" found "weights").

The list against the installed search worker's own, the separator on sentences and as a
property (it removes exactly the common words and single letters, and nothing else), and the
real build's index. Python's `re` reads this separator as JavaScript does (ASCII `\\w`, as
JavaScript without the u flag); the browser tests search the built site with it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import search_words as sw

ROOT = Path(__file__).resolve().parent.parent
BASE = r'[\s\u200b\-\u2013\u2014,:;!?"“”()\[\]/]+|\.(?!\d)'  # mkdocs.yml's separator


def words(text: str, separator: str) -> list[str]:
    return [w for w in re.split(separator, text, flags=re.ASCII) if w]


def test_the_stop_words_are_the_installed_search_workers():
    worker = next(
        (ROOT / ".venv").glob(
            "lib/python*/site-packages/material/templates/assets/javascripts/workers/search.*.min.js"
        )
    )
    listed = re.search(
        r"stopWordFilter=\w+\.generateStopWordFilter\(\[([^\]]*)\]\)",
        worker.read_text(encoding="utf-8"),
    )
    assert listed, "Material's worker no longer defines lunr.stopWordFilter as expected"
    assert json.loads(f"[{listed.group(1)}]") == sw.STOP_WORDS


def test_mkdocs_yml_holds_the_base_separator_and_the_hook():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"      separator: '{BASE}'\n" in config
    assert "  - scripts/search_words.py" in config


@pytest.mark.parametrize(
    ("query", "kept"),
    [
        ("can we just turn it off", ["turn"]),
        ("Can We Just Turn It OFF?", ["Turn"]),
        ("p(doom)", ["doom"]),
        ("paperclip maximizer", ["paperclip", "maximizer"]),
        ("it's what we'd do, can't it", ["it's", "we'd", "can't"]),  # joined words stay whole
        ("Best-of-n sampling, e.g. GPT-5 and o3", ["Best", "sampling", "GPT", "5", "o3"]),
        ("Claude 3.5 Sonnet", ["Claude", "3.5", "Sonnet"]),
        ("in", []),
        ("weights went west", ["weights", "went", "west"]),  # a common word only as itself
    ],
)
def test_queries_keep_their_real_words(query, kept):
    assert words(query, sw.separator(BASE)) == kept


def test_the_separator_is_extended_once():
    once = sw.separator(BASE)
    assert sw.separator(once) == once and once.endswith(BASE)


def test_searchable_words_are_what_search_keeps():
    assert sw.searchable_words("p(doom)") == ["doom"]
    assert sw.searchable_words("turning it off") == ["turning"]
    assert sw.searchable_words("it") == []


_WORD = st.one_of(
    st.sampled_from(sw.STOP_WORDS),
    st.sampled_from(["weights", "turn", "doom", "AGI", "o3", "2.5", "it's", "we'd", "x1", "inner"]),
    st.from_regex(r"[A-Za-z]", fullmatch=True),
    st.from_regex(r"[a-z]{2,8}", fullmatch=True),
).map(lambda w: w.upper() if len(w) % 3 == 0 else w.capitalize() if len(w) % 3 == 1 else w)
_GAP = st.sampled_from([" ", "  ", ", ", "-", " (", ") ", ": ", "? ", "/", " “", "” "])


@given(st.lists(st.tuples(_WORD, _GAP), min_size=1, max_size=12))
def test_the_separator_drops_exactly_the_common_words_and_single_letters(parts):
    """Whatever the case and punctuation: the words left are the base separator's words less
    the stop words and single letters, in order."""
    text = "".join(word + gap for word, gap in parts)
    expected = [
        w
        for w in words(text, BASE)
        if w.lower() not in sw.STOP_WORDS and not (len(w) == 1 and w.isalpha())
    ]
    assert words(text, sw.separator(BASE)) == expected


def test_the_built_index_carries_the_extended_separator(site_dir: Path):
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["separator"] == sw.separator(BASE)
    assert index["config"]["fields"]["tags"] == {"boost": 1000}
