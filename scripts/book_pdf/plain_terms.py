"""Where a chapter first uses a glossary term in plain text, for the book's index.

The index points at places the site marks (book_index.py): a hover, an italic introduction, a
heading, a link. Terms too common in prose to mark (the glossary's `no-hover` list: fine-tuning,
red teaming, reward function, chain of thought...) were then indexed only at the glossary,
though a chapter uses them on page after page. So in a chapter with no marked place for a term,
its first use in the running text is found here and given an id: the term's words in any
inflection ("fine-tuned", "red-teamed", "chains of thought"), compared as Snowball (Porter 2)
stems, joined by spaces or hyphens, and its abbreviation as written.

Only terms of two words or more are looked for: a one-word term ("policy", "debate") means
something else as often as not in ordinary prose ("steer policy", "the debate over risk"), and
the index would send a reader to the wrong sense; those keep their marked places.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

import snowballstemmer

import glossary

from . import htmltree as ht
from .htmltree import Element

WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")  # "Goodhart's" is one word
BETWEEN_WORDS = re.compile(r"\s+|\s*-\s*|-")  # what may join a term's words: "red-teamed"
# Not running text: headings, links and hovers are book_index's marked places; code; a figure's
# drawing; the References lists and citations (names and titles, not uses).
SKIPPED_TAGS = frozenset(
    {*ht.HEADINGS, "a", "abbr", "code", "pre", "kbd", "samp", "script", "style"}
)
SKIPPED_CLASSES = frozenset({"citation", "citation-references", "citation-reference"})


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A word's Snowball stem, case and an English possessive set aside."""
    word = word.casefold().replace("’", "'")
    return _stemmer().stemWord(word.removesuffix("'s"))


@dataclass(frozen=True)
class PlainForm:
    term: str  # as the glossary writes it
    stems: tuple[str, ...] = ()  # the name's words, stemmed
    prefixes: tuple[str, ...] = ()  # what each word of any inflection begins with
    abbreviation: str | None = None  # matched as written, whole


def plain_forms(terms: Iterable[str]) -> list[PlainForm]:
    """The terms of two words or more, as this module looks for them."""
    forms = []
    for term in terms:
        name, abbreviation = glossary.name_and_abbreviation(term)
        words = WORD.findall(name)
        if len(words) >= 2:
            stems = tuple(stem(w) for w in words)
            prefixes = tuple(
                _common_prefix(w.casefold(), s) for w, s in zip(words, stems, strict=True)
            )
            forms.append(PlainForm(term, stems, prefixes, abbreviation))
    return forms


def _common_prefix(word: str, stemmed: str) -> str:
    """ "policy", "polici" -> "polic": what the word and its stem share, so that every word with
    that stem starts with it (Snowball changes a word's end, never its start)."""
    size = 0
    while size < min(len(word), len(stemmed)) and word[size] == stemmed[size]:
        size += 1
    return word[:size]


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term: str


class UseFinder:
    """One regex for every candidate use (each word a term word's prefix, then more letters),
    run in C; a candidate is a use when its words' stems are a term's."""

    def __init__(self, forms: Iterable[PlainForm]) -> None:
        forms = list(forms)
        alternatives = sorted(
            (r"[\s-]+".join(re.escape(p) + r"[\w'’]*+" for p in f.prefixes) for f in forms),
            key=len,
            reverse=True,
        )
        alternatives += sorted({re.escape(f.abbreviation) for f in forms if f.abbreviation})
        self.pattern = (
            re.compile(r"(?i)(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")
            if alternatives
            else None
        )
        self.by_stems = {form.stems: form.term for form in forms}
        self.by_stems.update({(f.abbreviation,): f.term for f in forms if f.abbreviation})

    def uses(self, text: str) -> list[Match]:
        """Every use of the terms in text, earliest first, none overlapping."""
        if self.pattern is None:
            return []
        found = []
        for candidate in self.pattern.finditer(text):
            words = WORD.findall(candidate.group())
            gaps = WORD.split(candidate.group())[1:-1]
            if not all(BETWEEN_WORDS.fullmatch(gap) for gap in gaps):
                continue
            key = (words[0],) if len(words) == 1 else tuple(stem(w) for w in words)
            if (term := self.by_stems.get(key)) is not None:
                found.append(Match(candidate.start(), candidate.end(), term))
        return found


class FindsUses(Protocol):
    """What mark_first_uses looks with: UseFinder for terms, NameFinder for named examples."""

    def uses(self, text: str) -> list[Match]: ...


def mark_first_uses(
    section: Element, finder: FindsUses, terms: Iterable[str], make_id: Iterator[str]
) -> dict[str, str]:
    """Wrap the first running-text use of each of terms in section in a <span> with the next id
    of make_id; return term -> id. (One finder serves every chapter: its regex is compiled once.)"""
    placed: dict[str, str] = {}
    wanted = set(terms)

    def take(text: str | None) -> tuple[str | None, list[Element]]:
        """The text cut before its first new use, and the spans (each holding a use, its tail
        the text up to the next) that follow it."""
        if not text or not wanted:
            return text, []
        new = [m for m in finder.uses(text) if m.term in wanted]
        first_of: dict[str, Match] = {}
        for match in new:
            first_of.setdefault(match.term, match)
        if not first_of:
            return text, []
        spans, cut = [], text
        chosen = sorted(first_of.values(), key=lambda m: m.start)
        for n, match in enumerate(chosen):
            span = ht.Element("span", {"id": next(make_id)})
            span.text = text[match.start : match.end]
            following = chosen[n + 1].start if n + 1 < len(chosen) else len(text)
            span.tail = text[match.end : following]
            spans.append(span)
            placed[match.term] = span.get("id", "")
            if n == 0:
                cut = text[: match.start]
        wanted.difference_update(placed)
        return cut, spans

    def walk(element: Element) -> None:
        element.text, spans = take(element.text)
        for offset, span in enumerate(spans):
            element.insert(offset, span)
        for child in list(element):
            if child.tag in SKIPPED_TAGS or not isinstance(child.tag, str):
                pass
            elif child.tag.startswith("{") or ht.classes(child) & SKIPPED_CLASSES:
                pass  # SVG or MathML; citations and reference lists
            elif not any(span is child for span in spans):
                walk(child)
            child.tail, tail_spans = take(child.tail)
            position = list(element).index(child) + 1
            for offset, span in enumerate(tail_spans):
                element.insert(position + offset, span)

    walk(section)
    return placed
