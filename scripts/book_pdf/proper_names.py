"""Proper names are never hyphenated at a line end: "Christi-/ano", "Chat-/GPT" and "Ox-/ford"
misread, and a book's typesetter would not split them.

Which words are names: those the book only ever writes capitalized ("Christiano", "DeepMind"),
never in lower case, so "Specification" at the start of a title, which the text also writes as
"specification", may still be split like any word. Addresses do not count: the book's "Hugging
Face" was split ("Hug-/ging") because an address in the references reads ".../hugging-face-...". Words shorter than the stylesheet's
`hyphenate-limit-chars` minimum are never split anyway and are left out.

How, at no cost to layout: WeasyPrint hyphenates with pyphen, which picks its patterns file by
the text's language from `pyphen.LANGUAGES`, its public registry of dictionary files. While the
book is laid out, the hyphenation language is registered to a copy of pyphen's own file with
patterns per name that forbid every break inside it (".c8h8r8i8s8t8i8a8n8o.": an even number
forbids a break, and 8 outranks every number of the English patterns), as a whole word and
before an apostrophe ("Christiano’s"). Each pattern is anchored at both ends of the word: one
anchored at its start only also matched every longer word beginning with the name: "Cooper" (an
author) kept "cooperative" whole, and "Inform" and "Summarize", capitalized only in titles of
works, kept "information" and "summarizers" whole (110 words of the book, 37 distinct, and the
cause of some of its loosest lines). Wrapping each name in an unhyphenated span did the same
and cost 0.2-0.3 s of a 7 s book (README, Speed): WeasyPrint lays out every inline box; a
pattern costs nothing. The registry is restored after.
"""

from __future__ import annotations

import contextlib
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyphen

from .address_breaks import ADDRESS

WORD = re.compile(r"[^\W\d_]+")
SHORTEST_SPLIT_WORD = 6  # book.css: hyphenate-limit-chars: 6 2 3
FORBID = "8"  # even: no break here; higher than any number in pyphen's English patterns but
# the odd 9 of a whole-word exception, which write_dictionary drops for the names
PATTERN_DIGIT = re.compile(r"\d")
APOSTROPHES = ("\u2019", "'")  # typographer's (typography.py curls the text's) and straight


def proper_names(text: str) -> set[str]:
    """The words of `text` (lower-cased, as pyphen matches them) written only with a capital,
    long enough to be split."""
    written: dict[str, bool] = {}  # lower-cased word -> seen in lower case
    for word in WORD.findall(ADDRESS.sub(" ", text)):  # an address's lower case is no evidence
        if len(word) < SHORTEST_SPLIT_WORD:
            continue
        key = word.lower()
        written[key] = written.get(key, False) or not word[0].isupper()
        # "ChatGPT", "DeepMind": a capital inside marks a name wherever it stands
        if any(letter.isupper() for letter in word[1:]) and not word.isupper():
            written[key] = False
    return {word for word, in_lower_case in written.items() if not in_lower_case}


def unbreakable_patterns(word: str) -> list[str]:
    """The patterns that forbid every break inside `word`, alone or before an apostrophe
    ("Christiano’s", whose "’s" the right-hand limit keeps from being split off), and inside
    no other word ("cooperative" for "Cooper")."""
    letters = FORBID.join(word.lower())  # pyphen matches words lower()-cased
    return [f".{letters}.", *(f".{letters}{FORBID}{mark}" for mark in APOSTROPHES)]


@contextlib.contextmanager
def names_kept_whole(text: str, language: str) -> Iterator[None]:
    """While laying out `text` in `language` (its lang attribute, "en-US"), pyphen does not
    split its proper names; afterwards its registry is as it was. A language pyphen has no
    patterns for is left alone (WeasyPrint does not hyphenate it)."""
    key = pyphen.language_fallback(language)
    names = proper_names(text)
    if key is None or not names:
        yield
        return
    original = pyphen.LANGUAGES[key]
    with tempfile.TemporaryDirectory(prefix="book-hyphenation-") as folder:
        path = Path(folder) / f"hyph_{key}_names.dic"
        write_dictionary(Path(original), sorted(names), path)
        pyphen.LANGUAGES[key] = path
        try:
            yield
        finally:
            pyphen.LANGUAGES[key] = original


def write_dictionary(base: Path, names: Iterable[str], out: Path) -> None:
    """pyphen's file `base` with one pattern per name, in UTF-8 (the names may hold letters,
    "ń", that the base file's own encoding, named on its first line, cannot).

    A word the base file lists as an exception, whole (".sep8t9em8b9er." for "September": an
    exception's 9, odd, outranks every other number), is dropped from it, so that the name's own
    pattern decides: "Sep-/tember" was split though it is written only with a capital."""
    names = sorted(names)
    whole_words = {f".{name}." for name in names}
    with base.open("rb") as raw:
        encoding = raw.readline().decode().strip()
    patterns = base.read_text(encoding).split("\n", 1)[1].rstrip("\n").split("\n")
    kept = [p for p in patterns if PATTERN_DIGIT.sub("", p.strip()) not in whole_words]
    lines = ["UTF-8", *kept, *(pattern for name in names for pattern in unbreakable_patterns(name))]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
