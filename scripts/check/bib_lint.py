r"""What the build accepts in references.bib but an editor should not let in: entries no page
cites, entries a reader cannot find (no DOI, arXiv id or URL), identifiers in the wrong shape,
the same work twice, and keys that break the project's convention.

The key convention (written down in CONTRIBUTING.md): **authorYEARword**, all lower case, ASCII
letters and digits only: the first author's surname (or the organisation), the year, and the
first word of the title that is not an article or preposition, e.g. `amodei2016concrete` for
Amodei et al. (2016), "Concrete Problems in AI Safety"; `hadfieldmenell2017offswitch` for
"The Off-Switch Game". An entry without a year (a website, a channel) leaves the year out and
may join two words with `_`: `arc`, `miles_channel`. A paper published after its arXiv
preprint may keep the preprint's year (`lee2023rlaif`, published in 2024). A key exported by a
reference manager in its own shape passes when it names the first author and the year
(`Lanham:2023aa`, `amodeiConcreteProblems2016`): a contributor's file keeps its keys.

Only the bibliography's own problems are reported by site_checks.py (the build's checks,
including the DOI's shape); these run on top of them, on the entries as the build read them,
leaving out an entry the build could not read whole (`Entry.broken`, reported by the build), so
that its missing fields never bury the cause.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence

from citations.bibliography import Bibliography, Entry
from citations.further_reading import SourcePage
from citations.policy import NOCITE, SECTION, Policy, line_of
from source_text import Diagnostic

BIB_FILE = "references.bib"
DATED_KEY = re.compile(r"(?x) ^ [a-z]+ (?P<year> \d{4} ) [a-z]+ $")
UNDATED_KEY = re.compile(r"(?x) ^ [a-z]+ (?: _ [a-z]+ )? $")
# arXiv identifiers (https://info.arxiv.org/help/arxiv_identifier.html): since April 2007
# YYMM.NNNN, with five digits from January 2015 on (`1606.06565`); before, archive/YYMMNNN
# (`hep-th/9901001`, `math.GT/0309136`); either with an optional version (`v2`).
ARXIV_NEW = re.compile(
    r"(?x) ^ (?P<yymm> \d{2} (?: 0[1-9] | 1[0-2] ) ) \. (?P<number> \d{4,5} ) (?: v[1-9]\d* )? $"
)
ARXIV_OLD = re.compile(
    r"(?x) ^ [a-z]+ (?: -[a-z]+ )? (?: \. [A-Z]{2} )? / \d{2} (?: 0[1-9] | 1[0-2] ) \d{3} (?: v[1-9]\d* )? $"
)
MINOR_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "on",
        "in",
        "at",
        "to",
        "for",
        "and",
        "or",
        "from",
        "with",
        "by",
        "as",
        "is",
        "are",
        "why",
        "how",
        "what",
    }
)
WORD = re.compile(
    r"(?x) [A-Za-z0-9]+ (?: [-'’] [A-Za-z0-9]+ )*"
)  # "Off-Switch" and "Don't" are one word
NOT_ALNUM = re.compile(r"(?x) [^A-Za-z0-9]")
VERSION = re.compile(r"(?x) v \d+ $")


def lint_bibliography(
    bibliography: Bibliography, cited: Sequence[SourcePage], policy: Policy, config_file: str
) -> list[Diagnostic]:
    entries = list(bibliography.entries.values())
    # An entry the build could not read whole (an extra '}' cut it short, a value that cannot
    # be read) has an error of its own: its missing fields are no further problem to report.
    whole = [entry for entry in entries if not entry.broken]
    return [
        *uncited(entries, cited, policy, config_file),
        *unfindable(whole),
        *bad_arxiv_ids(whole),
        *duplicates(whole),
        *bad_keys(whole),
    ]


def uncited(
    entries: Sequence[Entry], cited: Sequence[SourcePage], policy: Policy, config_file: str
) -> Iterator[Diagnostic]:
    """Every entry is cited somewhere, or listed under extra.citations.nocite on purpose."""
    keys = {key for page in cited for key in page.keys}
    known = [entry.key for entry in entries]
    for entry in entries:
        if entry.key not in keys and entry.key not in policy.nocite:
            yield Diagnostic(
                BIB_FILE,
                entry.line,
                f"entry '{entry.key}' is cited on no page; cite it where it "
                f"supports a claim, remove it, or list it under extra.{SECTION}.{NOCITE} in mkdocs.yml "
                "to keep it in Further reading only",
            )
    line = line_of(config_file, ("extra", SECTION, NOCITE))
    for key in policy.nocite:
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            yield Diagnostic(
                "mkdocs.yml",
                line,
                f"extra.{SECTION}.{NOCITE} names '{key}', which is no entry of {BIB_FILE}{hint}",
            )


def unfindable(entries: Iterable[Entry]) -> Iterator[Diagnostic]:
    """A reader can check every source: by a DOI, an eprint, a URL or an ISBN, or, for print
    only, by a full citation of the journal issue (volume or number, and pages)."""
    for entry in entries:
        if (
            entry.doi
            or entry.urls
            or any(entry.fields.get(name, "").strip() for name in ("eprint", "isbn"))
        ):
            continue
        if all(entry.text(name) for name in ("journal", "pages")) and (
            entry.text("volume") or entry.text("number")
        ):
            continue
        yield Diagnostic(
            BIB_FILE,
            entry.line,
            f"entry '{entry.key}' has no doi, eprint, url or isbn (nor journal, "
            "volume and pages); add one, so that a reader can check the source",
        )


def bad_arxiv_ids(entries: Iterable[Entry]) -> Iterator[Diagnostic]:
    for entry in entries:
        found = entry.arxiv_id
        if found and not is_arxiv_id(found):
            line = entry.field_lines.get("eprint", entry.line)
            yield Diagnostic(
                BIB_FILE,
                line,
                f"entry '{entry.key}' has eprint '{found}', which is not an arXiv id "
                "(expected e.g. 1606.06565, 1606.06565v2 or hep-th/9901001)",
            )


def is_arxiv_id(text: str) -> bool:
    new = ARXIV_NEW.match(text)
    if new:
        return new.group("yymm") >= "0704" and len(new.group("number")) == (
            5 if new.group("yymm") >= "1501" else 4
        )
    return bool(ARXIV_OLD.match(text))


def duplicates(entries: Iterable[Entry]) -> Iterator[Diagnostic]:
    """The same work entered twice: one DOI, one arXiv id, or one title in one year (the same
    title in another year is taken as another edition)."""
    seen: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        for what, value in (
            ("doi", entry.doi.lower()),
            ("arXiv id", _unversioned(entry.arxiv_id)),
            ("title and year", f"{_words(entry.text('title'))} {entry.year}"),
        ):
            if not value.strip():
                continue
            first = seen.setdefault((what, value), entry)
            if first is not entry:
                yield Diagnostic(
                    BIB_FILE,
                    entry.line,
                    f"entry '{entry.key}' has the same {what} as '{first.key}' "
                    f"(line {first.line}); keep one entry for the work and cite that key",
                )


def bad_keys(entries: Iterable[Entry]) -> Iterator[Diagnostic]:
    for entry in entries:
        year = entry.year[:4]
        dated = DATED_KEY.match(entry.key)
        if dated and year and dated.group("year") not in (year, _arxiv_year(entry.arxiv_id)):
            yield Diagnostic(
                BIB_FILE,
                entry.line,
                f"key '{entry.key}' says {dated.group('year')}, but the entry's "
                f"year is {year}; rename it (e.g. '{suggested_key(entry)}') here and where it is cited",
            )
        elif not (dated if year else UNDATED_KEY.match(entry.key)) and not names_its_work(entry):
            form = "authorYEARword" if year else "author or author_word (no year)"
            yield Diagnostic(
                BIB_FILE,
                entry.line,
                f"key '{entry.key}' does not follow the convention {form}, lower "
                f"case (e.g. '{suggested_key(entry)}'); rename it here and where it is cited",
            )


def names_its_work(entry: Entry) -> bool:
    """Whether a key in a reference manager's own shape names the first author and the year (or,
    undated, the author), which is what the convention is for: BibDesk's `Lanham:2023aa`,
    Zotero's `amodeiConcreteProblems2016`, JabRef's `Amodei2016`. A contributor's exported file
    keeps its keys; a key that names neither (`ref12`) still gets a suggestion."""
    if not entry.authors:
        return False
    key = _alphanumeric(entry.key)
    surname = _alphanumeric(entry.authors[0].surname)
    return bool(surname) and surname in key and entry.year[:4] in key


def _alphanumeric(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", _ascii(text).lower())


def suggested_key(entry: Entry) -> str:
    """authorYEARword for `entry`, from its first author's surname, year and title."""
    surname = entry.authors[0].surname if entry.authors else entry.key
    words = [w for w in _ascii(entry.text("title")).lower().split() if w not in MINOR_WORDS]
    word = words[0] if words else ""
    return (
        f"{_ascii(surname).lower().replace(' ', '')}{entry.year[:4]}{word}"
        if entry.year
        else _ascii(surname).lower()
    )


def _ascii(text: str) -> str:
    """Letters and digits without accents, words separated by one space ("Off-Switch" → "OffSwitch")."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(NOT_ALNUM.sub("", w) for w in WORD.findall(folded))


def _words(title: str) -> str:
    return " ".join(word.casefold() for word in WORD.findall(title))


def _arxiv_year(arxiv: str) -> str:
    """The year a new-style arXiv id was posted in (`2309.00267` → 2023): a paper published
    later may keep the year of its preprint in its key."""
    new = ARXIV_NEW.match(arxiv)
    return f"20{new.group('yymm')[:2]}" if new else ""


def _unversioned(arxiv: str) -> str:
    return VERSION.sub("", arxiv)
