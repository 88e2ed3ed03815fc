"""The rules an entry is checked against, and which of them stop the build.

Under the site's editorial policy (policy.py) every rule below is an error. Without it, a
missing `kind` or `annote` is fine (inferred; no note), a missing year shows "n.d.", and the
rest are INFO messages: the reference still renders, just with less in it.

- `kind` is one of paper, book, article, video (the Further reading groups);
- `annote`: the sentence Further reading shows;
- `title`, and an author: `author`, else `editor`, else `organization`;
- `year` (or biblatex `date`), except for kind article or video (web pages, channels);
- a `date`, with a `year` or without, is a real date (`2019`, `2019-03-01`, `2019/2020`; not
  `March 2019` or `2019-02-30`): a day or a month in it is printed (reference.py);
- addresses (`url`, `\\url` and `\\href` in `howpublished` and `note`) are http(s); `doi`
  looks like `10.xxxx/...` or a short DOI `10/abc`;
- a `crossref` or `xdata` names an entry of the file (inheritance.py).

Two more rules follow the same policy, but are warnings without it (a warning stops a
`--strict` build, and `make site` is strict), since the page would show something wrong or
lose something the file says:

- an unknown field that is a near miss of a known one the entry lacks (`titel`, `archivePrefx`:
  its value is ignored); a required field's "has no 'title' field" names the near miss instead
  ("; it has 'titel' (line 3): did you mean 'title'?");
- a year with a letter (`2024a`): the site adds the letters itself (style.py), so the page
  would show "2024a" next to its own "2024a" and "2024b".

Whatever the policy, an entry type that neither BibTeX nor biblatex knows is a warning (the
entry renders like @misc).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .bibfile import RawEntry
from .diagnostics import EntryProblem
from .fields import KNOWN_TYPES, is_calendar_date, is_doi, normalise_doi
from .latex import decode
from .urls import addresses, linkable, pieces, scheme

KINDS: dict[str, str] = {
    "paper": "Papers",
    "book": "Books",
    "article": "Articles and posts",
    "video": "Videos",
}
KINDS_WITHOUT_YEAR = frozenset({"article", "video"})
AUTHOR_FIELDS = ("author", "editor", "organization")
ADDRESS_FIELDS = ("howpublished", "note")
# The fields a "has no ... field" rule asks for: a near miss of one of them is named there.
MISSING_RULES = {
    "no-title": ("title",),
    "no-author": AUTHOR_FIELDS,
    "no-year": ("year", "date"),
    "no-kind": ("kind",),
    "no-annote": ("annote",),
}
YEAR_WITH_LETTER = re.compile(r"(?x) ^ (?P<year> \d{4} ) \s* [a-z] $")


def editorial_problems(entry: RawEntry, kind: str) -> Iterator[EntryProblem]:
    """The site's own fields, required only under its editorial policy. `kind` is the entry's
    effective kind."""
    allowed = ", ".join(KINDS)
    if "kind" not in entry.fields:
        yield _problem(entry, f"has no 'kind' field (allowed values: {allowed})", "no-kind")
    elif entry.fields["kind"].strip().lower() not in KINDS:
        yield _problem(
            entry,
            f"has kind '{entry.fields['kind'].strip()}', which is not allowed (allowed values: {allowed})",
            "bad-kind",
            "kind",
        )
    if not decode(entry.fields.get("annote", "")):
        yield _problem(
            entry,
            "has no 'annote' field (one sentence for Further reading: why read it)",
            "no-annote",
        )
    if not _year(entry) and kind not in KINDS_WITHOUT_YEAR:
        yield _problem(
            entry,
            "has no 'year' field (only kind article or video may omit it; they show 'n.d.')",
            "no-year",
        )


def rendering_problems(entry: RawEntry) -> Iterator[EntryProblem]:
    """What makes the rendered reference lack something: errors under the editorial policy,
    INFO without it."""
    if not decode(entry.fields.get("title", "")):
        yield _problem(entry, "has no 'title' field", "no-title")
    if not any(entry.fields.get(name, "").strip() for name in AUTHOR_FIELDS):
        yield _problem(
            entry, "has no 'author' field (editor or organization may stand for it)", "no-author"
        )
    date = entry.fields.get("date", "").strip()
    if date and not is_calendar_date(date):  # checked beside a `year` too: it is printed
        yield _problem(
            entry,
            f"has date '{date}', which is not a date like 2019, 2019-03-01 or 2019/2020",
            "bad-date",
            "date",
        )
    if "url" in entry.fields:
        for address in addresses(entry.fields["url"]) or ("",):
            if not linkable(address):
                yield _scheme_problem(entry, "url", address)
    for name in ADDRESS_FIELDS:
        for piece in pieces(entry.fields.get(name, "")):
            if piece.href and not linkable(piece.href):
                yield _scheme_problem(entry, name, piece.href)
    if "doi" in entry.fields and not is_doi(normalise_doi(entry.fields["doi"])):
        yield _problem(
            entry,
            f"has doi '{entry.fields['doi'].strip()}', which is not a DOI (expected 10.xxxx/... or 10/xxxx)",
            "bad-doi",
            "doi",
        )


def misspelt_fields(entry: RawEntry, named: Iterable[EntryProblem] = ()) -> Iterator[EntryProblem]:
    """Unknown fields that are near misses of a known field the entry lacks, except those a
    problem in `named` already names ("has no 'title' field; it has 'titel' ...")."""
    if not entry.misspelt:
        return
    told = {
        field_name
        for problem in named
        if problem.key == entry.key
        for field_name in MISSING_RULES.get(problem.rule, ())
    }
    for written, known, line in entry.misspelt:
        if known in entry.fields or known in told:
            continue
        yield EntryProblem(
            line,
            entry.key,
            f"has the field '{written}', which neither BibTeX nor biblatex knows (its value "
            f"is ignored): did you mean '{known}'?",
            "misspelt-field",
        )


def year_problems(entry: RawEntry) -> Iterator[EntryProblem]:
    written = entry.fields.get("year", "")
    if written.isdigit():
        return
    year = decode(written).strip() if written else ""
    if found := YEAR_WITH_LETTER.match(year):
        yield _problem(
            entry,
            f"has year '{year}'; write year = {{{found.group('year')}}}: the site adds the "
            "letters itself (2024a, 2024b) where one author has several works in a year",
            "year-letter",
            "year",
        )


def type_problems(entry: RawEntry) -> Iterator[EntryProblem]:
    if entry.entry_type not in KNOWN_TYPES:
        yield _problem(
            entry,
            f"has the entry type @{entry.entry_type}, which neither BibTeX nor biblatex knows "
            "(it is shown like @misc)",
            "unknown-type",
        )


def _year(entry: RawEntry) -> str:
    return decode(entry.fields.get("year", "")) or entry.fields.get("date", "").strip()


def _scheme_problem(entry: RawEntry, field_name: str, address: str) -> EntryProblem:
    found = scheme(address)
    shown = f"scheme '{found}:'" if found else "no scheme"
    noun = "a url" if field_name == "url" else f"an address in '{field_name}'"
    return _problem(
        entry,
        f"has {noun} with {shown}; only http:// and https:// links are allowed",
        "bad-url",
        field_name,
    )


def _problem(entry: RawEntry, text: str, rule: str, field_name: str | None = None) -> EntryProblem:
    line = entry.field_lines.get(field_name, entry.line) if field_name else entry.line
    return EntryProblem(line, entry.key, text + _near_miss_hint(entry, rule), rule)


def _near_miss_hint(entry: RawEntry, rule: str) -> str:
    """For a missing field: "; it has 'titel' (line 3): did you mean 'title'?" when it has a
    near miss of it."""
    wanted = MISSING_RULES.get(rule, ())
    for written, known, line in entry.misspelt:
        if known in wanted:
            return f"; it has '{written}' (line {line}): did you mean '{known}'?"
    return ""
