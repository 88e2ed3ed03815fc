"""The book's index (glossary terms, named examples and cited authors, with page numbers) and the
page numbers of Further reading's "Cited in".

Both point at places in the text: for each term, author or work, the first place in each chapter
where it appears, given an id here. A term appears where the site marks it with a hover, where a
heading names it ("## Debate"; the site marks no heading), where the text sets it in italics
as it introduces it ("*value learning*"; some terms are too common in prose to mark at all), and
where a link's whole text is the term ("[Goodhart's Law](goodhart.md)"; the site marks no link);
in a chapter with none of these, a term of two words or more appears at its first use in the
running text, in any inflection (plain_terms.py: "fine-tuned" for fine-tuning). A
work appears where it is cited. Chapters start on a
new page, so one place per chapter never prints the same page twice; the page numbers themselves
come from WeasyPrint's target-counter() (book.css). Terms are listed as the glossary spells them,
and among them the stories and named examples of docs/book-index.yml (named_examples.py).

Authors are the ones citations name ("Amodei et al., 2016" indexes Amodei, "Clark and Amodei"
both), listed as a book's index lists people: surname and initials, "Amodei, D.", so that two
people of one surname are two entries ("Thomas, D." is not "Kwa, T."). The initials are those of
the work's author in references.bib, the citation's n-th name being the work's n-th author, read
by the site's own citations package (its parser and its name rules, which made the citation's
text). An organisation keeps its whole name ("OpenAI"), and so does a name the bibliography does
not give. Two spellings of one person's given names are one entry ("Paul" and "Paul F.
Christiano": one first name, the initials agreeing), with the fuller initials; two people whose
initials are the same ("Dario" and "Daniela Amodei") are listed with their given names in full.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import glossary
from citations.names import Name
from citations.style import names_label

from . import htmltree as ht
from .chapter import CITED_KEY, Chapter
from .htmltree import Element
from .named_examples import NamedExample, NameFinder, unused_examples
from .plain_terms import FindsUses, UseFinder, mark_first_uses, plain_forms
from .problems import Problem

GLOSSARY_PAGE = "glossary.html"
# Pages whose mentions are not indexed: Further reading lists every work and many terms in its
# annotations, Who's who the organisations with a sentence or two each; the index points at where
# the chapters use them.
UNINDEXED_PAGES = ("whos-who.html", "further-reading.html")
CITED_IN_CLASS = "further-reading__cited"  # the hook's "Cited in: <chapter links>" paragraph
ENTRY_CLASS = "further-reading__entry"  # its entry, whose id is the work's key
PAGE_REF_CLASS = "page-ref"  # an empty link book.css fills with the page number

# The author part of a citation's text: "Amodei et al., 2016a" or "Russell (2019)" -> the names.
CITATION_YEAR = re.compile(r"""(?x)
    (?:,\s*|\s*\()                      # ", " before the year, or " (" in a narrative citation
    (?:\d{4}[a-z]?|n\.d\.)              # the year (with its a/b suffix) or "n.d."
    \)?\s*$
""")
ET_AL = re.compile(r"(?x) \s+ et \s+ al\.? \s*$")
# A citation that prints only its year (`AISI [-@aisi2026incident]`: the sentence names the
# author itself, in its own words): its authors are the work's, as a full citation prints them.
YEAR_ONLY = re.compile(r"(?x) ^\s* \(? (?:\d{4}[a-z]?|n\.d\.) \)? \s*$")
AUTHOR_SEPARATOR = re.compile(r"(?x) \s*,\s* | \s+ (?:and|&) \s+")
# The bibliography as the built site publishes it (its downloadable copy, authors intact): the
# one the site's citations were made from, whichever site the book is made from.
BIBLIOGRAPHY = "references.bib"


@dataclass(frozen=True)
class IndexEntry:
    name: str
    anchors: tuple[str, ...]  # ids in book order, one per chapter

    @property
    def sort_key(self) -> str:
        """As the name prints, "de Blanc" under D: the order of Further reading, whose entries
        sort by their keys (deblanc2011ontological), so a reader finds a name in the same place
        in both."""
        return self.name.casefold()


@dataclass(frozen=True)
class BookIndex:
    terms: list[IndexEntry]
    authors: list[IndexEntry]

    def __bool__(self) -> bool:
        return bool(self.terms or self.authors)


def build_index(
    chapters: list[Chapter],
    authors: Mapping[str, Sequence[Name]],
    examples: Sequence[NamedExample] = (),
    problems: list[Problem] | None = None,
) -> BookIndex:
    """Mark the places and list them (call before the print-neutral wrappers are unwrapped).
    authors: each work's authors by key (work_authors of the built site); examples: the named
    examples (read_examples), listed among the terms; problems gets the examples no chapter
    names."""
    glossary_page = next((c for c in chapters if c.page.path == GLOSSARY_PAGE), None)
    terms = glossary_terms(glossary_page) if glossary_page is not None else {}
    by_spelling = term_spellings(terms)
    indexed = [c for c in chapters if c.page.path not in UNINDEXED_PAGES]
    find = TermFinder(by_spelling)
    forms = plain_forms(terms)
    finder = UseFinder(forms)
    # The glossary's own entry is added below; its definitions' italics are not uses.
    chapters_read = [c for c in indexed if c is not glossary_page]
    term_places = places_by_chapter(
        chapters_read, find.terms_in, finder, [form.term for form in forms]
    )
    for term, dt in terms.items():  # the glossary's own entry, in book order
        assert glossary_page is not None  # terms come from it
        term_places.setdefault(term, []).insert(
            _chapter_position(chapters, glossary_page, term_places[term]),
            _anchor(dt, glossary_page, "term"),
        )
    if examples:
        example_places = named_example_places(chapters_read, examples)
        if problems is not None:
            problems.extend(unused_examples(examples, example_places, terms))
        for heading, anchors in example_places.items():
            term_places.setdefault(heading, []).extend(anchors)
    cited = CitedAuthors(authors)
    shown = person_labels(cited(link) for c in indexed for link in c.section.iter("a"))
    author_places = first_places(indexed, lambda el: [shown[name] for name in cited(el)])
    return BookIndex(
        terms=_entries(term_places),
        authors=_entries(author_places),
    )


def named_example_places(
    chapters: list[Chapter], examples: Sequence[NamedExample]
) -> dict[str, list[str]]:
    """Example heading -> one id per chapter that names it: a heading or a link whose text names
    it, else its first use in the running text (as a term's, in build_index)."""
    names = NameFinder(examples)

    def named_by(element: Element) -> list[str]:
        if element.tag in ht.HEADINGS or (element.tag == "a" and element.get(CITED_KEY) is None):
            return names.headings_in(ht.text_of(element))
        return []

    return places_by_chapter(chapters, named_by, names, [e.heading for e in examples])


def places_by_chapter(
    chapters: list[Chapter],
    marked_in: Callable[[Element], Iterable[str]],
    finder: FindsUses,
    names: Sequence[str],
) -> dict[str, list[str]]:
    """Name -> one id per chapter: its first marked place there (marked_in), or in a chapter
    with none, the first use of one of names in the running text (finder), given an id. Terms
    and named examples are placed the same way."""
    found: dict[str, list[str]] = {}
    for chapter in chapters:
        places = first_places([chapter], marked_in)
        unplaced = [name for name in names if name not in places]
        ids = (_next_id(chapter, "use") for _ in itertools.count())
        for name, anchor in mark_first_uses(chapter.section, finder, unplaced, ids).items():
            places[name] = [anchor]
        for name, anchors in places.items():
            found.setdefault(name, []).extend(anchors)
    return found


def glossary_terms(glossary: Chapter) -> dict[str, Element]:
    """Term -> its <dt>, from the glossary's definition lists."""
    terms: dict[str, Element] = {}
    for dt in glossary.section.iter("dt"):
        terms.setdefault(ht.text_of(dt), dt)
    return terms


def term_spellings(terms: Iterable[str]) -> dict[str, str]:
    """Every form the site marks a glossary term in ("reward models", "RLHF") -> the term as the
    glossary writes it ("Reinforcement learning from human feedback (RLHF)"): the site's own
    rules (scripts/glossary.py), so the index finds exactly the words the site marks."""
    by_spelling: dict[str, str] = {}
    for term in terms:
        name, abbreviation = glossary.name_and_abbreviation(term)
        for spelling in glossary.Term(name, abbreviation, "", 0).spellings():
            by_spelling.setdefault(spelling, term)
    return by_spelling


def citation_authors(element: Element) -> list[str]:
    """The names a citation link prints ("Clark and Amodei, 2016" -> Clark, Amodei)."""
    if element.tag != "a" or element.get(CITED_KEY) is None:
        return []
    if YEAR_ONLY.match(ht.text_of(element)):
        return []  # the author suppressed: CitedAuthors names the work's own
    return _printed_names(CITATION_YEAR.sub("", ht.text_of(element)))


def _printed_names(author_part: str) -> list[str]:
    """ "Clark and Amodei" -> Clark, Amodei; "Amodei et al." -> Amodei."""
    return [name for name in AUTHOR_SEPARATOR.split(ET_AL.sub("", author_part)) if name]


def first_places(
    chapters: list[Chapter], names_of: Callable[[Element], Iterable[str]]
) -> dict[str, list[str]]:
    """Name -> ids of the first element in each chapter that names_of says mentions it."""
    places: dict[str, list[str]] = {}
    for chapter in chapters:
        seen: set[str] = set()
        for element in chapter.section.iter():
            for name in names_of(element):
                if name not in seen:
                    seen.add(name)
                    places.setdefault(name, []).append(_anchor(element, chapter, "ix"))
    return places


@dataclass(frozen=True)
class CitedName:
    """A name a citation prints, with the given names references.bib has for it ("" for an
    organisation, or for a name the bibliography does not give)."""

    surname: str
    given: str = ""


def work_authors(site_dir: Path) -> dict[str, tuple[Name, ...]]:
    """Each work's authors by key ("and others" kept at the end, as the site's et-al rule reads
    the list), as the site's citations package reads the built site's references.bib: {} when
    it has none."""
    path = site_dir / BIBLIOGRAPHY
    from citations.bibliography import load_bibliography  # bibtexparser: only when indexing

    if not path.is_file():
        return {}
    entries = load_bibliography(path, path.name).entries
    return {key: tuple(e.authors) for key, e in entries.items()}


class CitedAuthors:
    """The people a citation link names, each with the given names of the work's author in that
    place (the citation's first name is the work's first author, its second the second)."""

    def __init__(self, authors: Mapping[str, Sequence[Name]]) -> None:
        self.authors = authors
        self._seen: dict[tuple[str, str], list[CitedName]] = {}

    def __call__(self, element: Element) -> list[CitedName]:
        key = element.get(CITED_KEY) if element.tag == "a" else None
        if key is None:
            return []
        text = ht.text_of(element)
        if (key, text) not in self._seen:
            printed = citation_authors(element)
            authors = self.authors.get(key)
            if not printed and authors and YEAR_ONLY.match(text):
                # the names a full citation of the work prints, by the site's own et-al rule
                printed = _printed_names(names_label(authors))
            self._seen[key, text] = self._names(printed, authors) if printed else []
        return self._seen[key, text]

    @staticmethod
    def _names(printed: list[str], authors: Sequence[Name] | None) -> list[CitedName]:
        if authors is None:  # a work the bibliography does not have: the names as printed
            return [CitedName(name) for name in printed]
        if not authors:  # no author: the citation prints the work's title, which is nobody
            return []
        names = []
        for place, name in enumerate(printed):
            author = authors[place] if place < len(authors) else None
            if author is not None and _folded(author.surname) == _folded(name):
                names.append(CitedName(name, given_names(author)))
            else:  # not the work's author in that place (never, as the site labels): as printed
                names.append(CitedName(name))
        return names


def given_names(name: Name) -> str:
    """ "Paul F." of Paul F. Christiano ("" for an organisation; a "Jr." left out)."""
    rest = name.inverted[len(name.surname) :]
    return rest[2:].split(", ")[0].strip() if rest.startswith(", ") else ""


def initials(given: str) -> str:
    """ "Paul F." -> "P. F."; "Yueh-Han" -> "Y.-H."."""
    return " ".join(
        "-".join(f"{part[0]}." for part in word.split("-") if part) for word in given.split()
    )


def person_labels(cited: Iterable[Iterable[CitedName]]) -> dict[CitedName, str]:
    """How the index lists each name a citation prints: one label per person ("Amodei, D."),
    the same for two spellings of one person's given names, different for two people of one
    surname (see the module docstring)."""
    by_surname: dict[str, list[CitedName]] = {}
    for name in dict.fromkeys(name for names in cited for name in names):
        by_surname.setdefault(_folded(name.surname), []).append(name)
    labels: dict[CitedName, str] = {}
    for names in by_surname.values():
        people = _people(names)
        short = [_label(person, full=False) for person in people]
        for person, label in zip(people, short, strict=True):
            shown = _label(person, full=True) if short.count(label) > 1 else label
            labels.update(dict.fromkeys(person, shown))
    return labels


def _people(names: list[CitedName]) -> list[list[CitedName]]:
    """Names of one surname grouped by person: given names that agree are one person's (a bare
    surname joins the one person there is, else stands for itself)."""
    people: list[list[CitedName]] = []
    for name in (n for n in names if n.given):
        matching = [p for p in people if any(_same_person(name.given, o.given) for o in p)]
        merged = [name, *(n for p in matching for n in p)]
        people = [p for p in people if all(p is not m for m in matching)] + [merged]
    bare = [n for n in names if not n.given]
    if bare and len(people) == 1:
        people[0].extend(bare)
    elif bare:
        people.append(bare)
    return people


def _same_person(one: str, other: str) -> bool:
    """Whether two spellings of given names can be one person's: word by word, the same name,
    or the same initial where one of them is only an initial ("Paul F." and "Paul": yes; "Dario"
    and "Daniela", "Sam" and "Samuel": no)."""
    for a, b in zip(one.split(), other.split(), strict=False):
        if _is_initial(a) or _is_initial(b):
            if initials(a) != initials(b):
                return False
        elif _folded(a) != _folded(b):
            return False
    return True


def _is_initial(word: str) -> bool:
    return all(len(part.rstrip(".")) <= 1 for part in word.split("-"))


def _label(person: list[CitedName], *, full: bool) -> str:
    """ "Amodei, D." (or "Amodei, Dario" in full) from the fullest spelling of the person's given
    names; the surname alone when there are none."""
    given = max((n.given for n in person), key=lambda g: (len(g.split()), len(g), g), default="")
    if not given:
        return person[0].surname
    return f"{person[0].surname}, {given if full else initials(given)}"


def _folded(text: str) -> str:
    """For comparing names: case, accents and spacing aside ("Noemí" is "Noemi")."""
    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def page_numbers_for_cited_in(chapters: list[Chapter]) -> int:
    """Further reading's "Cited in: Home, The alignment problem" -> "Cited on pp. 3, 12": one page
    per chapter, where it first cites the work. Returns how many paragraphs were rewritten."""
    cited = first_places(
        chapters, lambda el: [key] if el.tag == "a" and (key := el.get(CITED_KEY)) else []
    )
    rewritten = 0
    for chapter in chapters:
        parent_of = ht.parents(chapter.section)
        for paragraph in [p for p in chapter.section.iter("p") if ht.has_class(p, CITED_IN_CLASS)]:
            entry = paragraph
            while entry in parent_of and not ht.has_class(entry, ENTRY_CLASS):
                entry = parent_of[entry]
            key = (entry.get("id") or "").removeprefix(f"{chapter.slug}--")
            anchors = cited.get(key, [])
            if not anchors:
                ht.remove(parent_of[paragraph], paragraph)
                continue
            for child in list(paragraph):
                paragraph.remove(child)
            paragraph.text = "Cited on p. " if len(anchors) == 1 else "Cited on pp. "
            paragraph.extend(page_links(anchors))
            rewritten += 1
    return rewritten


def page_links(anchors: Iterable[str]) -> list[Element]:
    """Comma-separated empty links that book.css fills with their target's page number."""
    links: list[Element] = []
    for anchor in anchors:
        if links:
            links[-1].tail = ", "
        links.append(ht.Element("a", {"class": PAGE_REF_CLASS, "href": f"#{anchor}"}))
    return links


EMPHASIS = frozenset({"em", "i"})


class TermFinder:
    """Which glossary terms an element names, in the ways the module docstring lists."""

    def __init__(self, by_spelling: dict[str, str]) -> None:
        self.by_spelling = by_spelling
        self.in_heading = (
            glossary.terms_pattern(tuple(sorted(by_spelling))) if by_spelling else None
        )

    def terms_in(self, element: Element) -> list[str]:
        tag = element.tag
        # A hover mark, a term set in italics, or a link that names it: the site marks no term
        # inside a link, so "[Goodhart's Law](goodhart.md)" would go unindexed.
        if tag == "abbr" or tag in EMPHASIS or (tag == "a" and element.get(CITED_KEY) is None):
            term = self.by_spelling.get(ht.text_of(element))  # whitespace already collapsed
            return [term] if term else []
        if tag in ht.HEADINGS and self.in_heading is not None:
            found = (
                self.by_spelling[m.group()] for m in self.in_heading.finditer(ht.text_of(element))
            )
            return list(dict.fromkeys(found))
        return []


def _anchor(element: Element, chapter: Chapter, kind: str) -> str:
    element_id = element.get("id")
    if not element_id:
        element_id = _next_id(chapter, kind)
        element.set("id", element_id)
    return element_id


def _next_id(chapter: Chapter, kind: str) -> str:
    chapter.marks += 1
    return f"{chapter.slug}--{kind}-{chapter.marks}"


def _chapter_position(chapters: list[Chapter], chapter: Chapter, anchors: list[str]) -> int:
    """Where an anchor of chapter goes among anchors (one per chapter, in book order)."""
    order = {c.slug: i for i, c in enumerate(chapters)}
    mine = order[chapter.slug]
    return sum(1 for a in anchors if order.get(a.split("--", 1)[0], -1) < mine)


def _entries(places: dict[str, list[str]]) -> list[IndexEntry]:
    return sorted(
        (IndexEntry(name, tuple(anchors)) for name, anchors in places.items()),
        key=lambda e: (e.sort_key, e.name),
    )
