"""The citation style, in one place: every rule that decides what a citation or a reference
says (the markup around it is in the templates, overrides/partials/citations/).

    author part     Russell · Manheim and Garrabrant · Amodei et al. · the title when no author
    year letters    2016a, 2016b: assigned over the whole file, ordered by title, so "2016a"
                    means the same work on every page and in Further reading
    a citation      (see Russell, 2019, ch. 3; Amodei et al., 2016) · Russell (2019, p. 3) · (2019)
    author list     of a formatted reference: "A, B, and C"; more than six: "A, B, C, et al."
    sort order      first author's surname, then author part, year with its letter, title
    back links      lettered a, b, ..., z, aa, ... as footnotes' are
    a work's name   in the accessible names of links repeated once per work: its short title,
                    with the label where two works share one ("In Further reading: ...")

A citation is made once, as `Part`s whose words carry their plain text and their HTML together
(`Styled`): the search index's stand-in is the parts' text, the visible citation is the same
parts marked up by the template, so the two cannot say different things.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from .bibliography import Entry
    from .names import Name

NO_DATE = "n.d."
# A long author list is cut as the AMA and Vancouver styles cut it: six names in full, more than
# six as the first three and "et al.". Ten names pushed a title off a phone's screen in Further
# reading and in a tooltip; the full list stays in the entry (and the BibTeX download).
MAX_AUTHORS_IN_FULL = 6
AUTHORS_BEFORE_ET_AL = 3
SAFE_ID = re.compile(r"(?x) [A-Za-z0-9_-]+")
UNSAFE_ID_CHARS = re.compile(r"(?x) [^A-Za-z0-9_-]+")


@dataclass(frozen=True, slots=True)
class Styled:
    """The same words as plain text and as escaped HTML, always made together."""

    html: Markup
    text: str

    @classmethod
    def plain(cls, text: str) -> Styled:
        """Text with no markup of its own (escaped for HTML)."""
        return cls(escape(text), text)

    def __add__(self, other: Styled) -> Styled:
        return Styled(self.html + other.html, self.text + other.text)

    def __bool__(self) -> bool:
        return bool(self.html or self.text)


NOTHING = Styled(Markup(""), "")


@dataclass(frozen=True)
class Label:
    """What a citation of one entry shows: `authors` ("Amodei et al.") and `year` ("2016a")."""

    authors: str
    year: str

    @property
    def parenthetical(self) -> str:
        return f"{self.authors}, {self.year}"


# --- labels: the et-al rule and the year letters ----------------------------------------------


def author_label(entry: Entry) -> str:
    """ "Russell", "Manheim and Garrabrant", "Amodei et al.", or the title without authors."""
    return names_label(entry.authors) or entry.text("title")


def names_label(authors: Sequence[Name]) -> str:
    """The et-al rule on a work's author list ("and others" as the bibliography gives it): ""
    when it names nobody. The book's index reads a citation that printed only its year by it."""
    names = [name for name in authors if not name.is_others]
    if not names:
        return ""
    if len(names) == 1 and len(authors) == 1:
        return names[0].surname
    if len(names) == 2 and len(authors) == 2:
        return f"{names[0].surname} and {names[1].surname}"
    return f"{names[0].surname} et al."


def build_labels(entries: Iterable[Entry]) -> dict[str, Label]:
    """Labels for every entry, with a/b/c suffixes where author label and year collide."""
    groups: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        groups[(author_label(entry), entry.year or NO_DATE)].append(entry)
    labels: dict[str, Label] = {}
    for (authors, year), members in groups.items():
        if len(members) == 1:
            labels[members[0].key] = Label(authors, year)
            continue
        members.sort(key=lambda e: (sort_text(e.text("title")), e.key))
        for index, entry in enumerate(members):
            labels[entry.key] = Label(authors, f"{year}{letters(index)}")
    return labels


def letters(index: int) -> str:
    """a..z, then aa, ab, ... (year letters and back links; 27 works by the same authors in
    one year is unusual, not wrong)."""
    found = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        found = chr(ord("a") + rest) + found
    return found


def short_title(entry: Entry) -> str:
    """What a link names a work by when its words alone would not say which: biblatex's
    `shorttitle`, else the title before its subtitle ("Concrete Problems in AI Safety")."""
    return entry.text("shorttitle") or entry.text("title").split(": ", 1)[0].rstrip(".")


def work_names(entries: Iterable[Entry], labels: Mapping[str, Label]) -> dict[str, str]:
    """{key: the name a link gives its work} for the accessible names of the links a References
    entry and Further reading repeat once per work ("In Further reading: Concrete Problems in AI
    Safety"): the short title; with the label after it where two works share it ("Constitutional
    Classifiers (Sharma et al., 2025)"), the label alone for a work without a title. Unique across
    the file, as the labels are, so that no two links to different works share a name."""
    entries = list(entries)
    titles = {entry.key: short_title(entry) for entry in entries}
    shared = Counter(sort_text(title) for title in titles.values() if title)
    names = {}
    for key, title in titles.items():
        label = labels[key].parenthetical
        if not title:
            names[key] = label
        elif shared[sort_text(title)] > 1:
            names[key] = f"{title} ({label})"
        else:
            names[key] = title
    return names


# --- a citation -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CitedWork:
    """One work of a citation as the writer asked for it: `[see @key, p. 3]`, `[-@key]`."""

    label: Label
    prefix: Styled = NOTHING  # "see", inline Markdown (affixes.py)
    suffix: Styled = NOTHING  # ", p. 3"
    suppress_author: bool = False


@dataclass(frozen=True, slots=True)
class Part:
    """A run of a citation's words; `work` is the index of the work whose link they are, or
    None for punctuation, prefixes and suffixes."""

    words: Styled
    work: int | None = None


def citation_parts(works: Sequence[CitedWork], narrative: bool) -> list[Part]:
    """A citation's words in order: "(", "see ", [Russell, 2019], ", ch. 3", "; ", ..., ")"."""
    parts = [Part(Styled.plain("("))] if not narrative else []
    for index, work in enumerate(works):
        if index:
            parts.append(Part(Styled.plain("; ")))
        if work.prefix:
            parts.append(Part(work.prefix + Styled.plain(" ")))
        suffix = work.suffix
        if work.suppress_author:
            link = Styled.plain(work.label.year)
        elif narrative:  # Russell (2019, p. 3): the locator inside the link's brackets
            link = (
                Styled.plain(f"{work.label.authors} ({work.label.year}")
                + suffix
                + Styled.plain(")")
            )
            suffix = NOTHING
        else:
            link = Styled.plain(work.label.parenthetical)
        parts.append(Part(link, index))
        if suffix:
            parts.append(Part(suffix))
    if not narrative:
        parts.append(Part(Styled.plain(")")))
    return parts


def plain_text(parts: Sequence[Part]) -> str:
    """What a citation reads as, e.g. "(see Russell, 2019, ch. 3)" (the search index's)."""
    return "".join(part.words.text for part in parts)


# --- a formatted reference and a References list ----------------------------------------------


def author_list(entry: Entry) -> str:
    """The first author surname first, the rest as written, as author-date styles list them:
    "Russell, Stuart"; "Amodei, Dario, and Chris Olah"; "Amodei, Dario, Chris Olah, and Jacob
    Steinhardt"; more than MAX_AUTHORS_IN_FULL: the first AUTHORS_BEFORE_ET_AL and "et al.";
    "and others" in the file: the names given and "et al."."""
    authors = [name for name in entry.authors if not name.is_others]
    if not authors:
        return ""
    if len(authors) > MAX_AUTHORS_IN_FULL:
        authors = authors[:AUTHORS_BEFORE_ET_AL]
    names = [authors[0].inverted] + [name.display for name in authors[1:]]
    if len(authors) < len(entry.authors):
        return ", ".join(names) + ", et al."
    if len(names) == 1:
        return names[0]
    if len(names) == 2 and authors[0].inverted == authors[0].display:  # "OpenAI and Jane Doe"
        return " and ".join(names)
    # "Amodei, Dario and Chris Olah" would read as three people: the comma before "and" stays.
    return ", ".join(names[:-1]) + ", and " + names[-1]


@functools.lru_cache(maxsize=16384)
def sort_text(text: str) -> str:
    """Accent- and case-insensitive sort form ("Mané" sorts with "Mane")."""
    if text.isascii():  # nothing to strip: skip the per-character pass
        return text.casefold()
    stripped = unicodedata.normalize("NFKD", text)
    return "".join(c for c in stripped if not unicodedata.combining(c)).casefold()


def sort_key(entry: Entry, labels: Mapping[str, Label]) -> tuple[str, ...]:
    """References lists: by first author's surname, then the label ("et al." after co-authors),
    then year with its letter (2016a before 2016b), then title."""
    label = labels[entry.key]
    first = entry.authors[0].surname if entry.authors else entry.text("title")
    return (
        sort_text(first),
        sort_text(label.authors),
        label.year,
        sort_text(entry.text("title")),
        entry.key,
    )


def references_entry_id(key: str) -> str:
    """The id of a work's entry in a page's References list (partials/citations/references.html
    writes it), where its citations and Further reading's "Cited in" links land."""
    return f"ref-{anchor_id(key)}"


def anchor_id(key: str) -> str:
    """An HTML id (and CSS-selector) safe form of a citation key, stable and collision-free.

    >>> anchor_id("amodei2016concrete")
    'amodei2016concrete'
    >>> anchor_id("doi:10.1/x")[:12]
    'doi-10-1-x-1'
    """
    if SAFE_ID.fullmatch(key):
        return key
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:6]
    return f"{UNSAFE_ID_CHARS.sub('-', key)}-{digest}"
