"""Fields an entry inherits: from its `crossref` parent (BibTeX, biber) and from the `@xdata`
entries its `xdata` field names (biblatex).

A child keeps its own fields and takes each missing one from the parent, as BibTeX does, with
biber's default renamings where a parent's field means something else in the child: a book's
`title` is an `@inbook`'s `booktitle`, a proceedings' `title` an `@inproceedings`' `booktitle`,
a multi-volume work's `title` a volume's `maintitle`, a periodical's `title` an article's
`journaltitle` (biblatex manual, "Data Inheritance", default rules). Fields that identify an
entry (its key, `ids`, `crossref` itself, ...) and this site's own `kind` and `annote`, which
describe one work, are never inherited. Parents may have parents; a cycle is reported.

    >>> parent = RawEntry("proc", "proceedings", 1, {"title": "Proc. X", "year": "2020", "publisher": "P"})
    >>> child = RawEntry("paper", "inproceedings", 9, {"title": "A paper", "crossref": "proc"}, {"crossref": 11})
    >>> resolved, problems = inherit([parent, child], {})
    >>> sorted(resolved[1].fields.items())
    [('booktitle', 'Proc. X'), ('crossref', 'proc'), ('publisher', 'P'), ('title', 'A paper'), ('year', '2020')]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from .bibfile import RawEntry
from .diagnostics import EntryProblem

NEVER_INHERITED = frozenset(
    {
        "ids",
        "crossref",
        "xref",
        "xdata",
        "entryset",
        "entrysubtype",
        "execute",
        "label",
        "options",
        "presort",
        "related",
        "relatedoptions",
        "relatedstring",
        "relatedtype",
        "shorthand",
        "shorthandintro",
        "sortkey",
        "kind",
        "annote",
    }
)
TITLE_ONLY = ("shorttitle", "sorttitle", "indextitle", "indexsorttitle")


def _renaming(prefix: str) -> dict[str, str]:
    renamed = {
        "title": f"{prefix}title",
        "subtitle": f"{prefix}subtitle",
        "titleaddon": f"{prefix}titleaddon",
    }
    return {**renamed, **dict.fromkeys(TITLE_ONLY, "")}  # "": not inherited


BOOK, MAIN, JOURNAL = _renaming("book"), _renaming("main"), _renaming("journal")
# (parent types, child types) → {parent field: child field}: biber's default inheritance rules.
RENAMINGS: list[tuple[frozenset[str], frozenset[str], dict[str, str]]] = [
    (frozenset({"mvbook", "book"}), frozenset({"inbook", "bookinbook", "suppbook"}), BOOK),
    (frozenset({"mvbook"}), frozenset({"book"}), MAIN),
    (frozenset({"mvcollection", "mvreference"}), frozenset({"collection", "reference"}), MAIN),
    (
        frozenset({"mvcollection", "mvreference"}),
        frozenset({"incollection", "inreference", "suppcollection"}),
        MAIN,
    ),
    (
        frozenset({"collection", "reference"}),
        frozenset({"incollection", "inreference", "suppcollection"}),
        BOOK,
    ),
    (frozenset({"mvproceedings"}), frozenset({"proceedings"}), MAIN),
    (frozenset({"mvproceedings"}), frozenset({"inproceedings"}), MAIN),
    (frozenset({"proceedings"}), frozenset({"inproceedings"}), BOOK),
    (frozenset({"periodical"}), frozenset({"article", "suppperiodical"}), JOURNAL),
]


def inherit(
    entries: Sequence[RawEntry], xdata: Mapping[str, RawEntry]
) -> tuple[list[RawEntry], list[EntryProblem]]:
    """`entries` with inherited fields filled in, and the references that lead nowhere."""
    by_key = {entry.key.casefold(): entry for entry in entries}
    resolver = _Resolver(by_key, xdata)
    return [resolver.resolve(entry) for entry in entries], resolver.problems


class _Resolver:
    def __init__(self, by_key: Mapping[str, RawEntry], xdata: Mapping[str, RawEntry]) -> None:
        self.by_key, self.xdata = by_key, xdata
        self.done: dict[str, RawEntry] = {}
        self.problems: list[EntryProblem] = []

    def resolve(self, entry: RawEntry, pending: frozenset[str] = frozenset()) -> RawEntry:
        """`entry` with its xdata and crossref fields; `pending` are the entries whose
        resolution led here (a cycle if `entry` is one of them)."""
        folded = entry.key.casefold()
        if folded in self.done:
            return self.done[folded]
        if not ({"crossref", "xdata"} & entry.fields.keys()):
            return entry
        pending = pending | {folded}
        fields, lines = dict(entry.fields), dict(entry.field_lines)
        for name in _names(entry.fields.get("xdata", "")):
            donor = self._donor(entry, name, "xdata", self.xdata, pending)
            if donor is not None:
                _take(fields, lines, donor.fields, {}, entry.field_lines.get("xdata", entry.line))
        parent_key = entry.fields.get("crossref", "").strip()
        if parent_key:
            parent = self._donor(entry, parent_key, "crossref", self.by_key, pending)
            if parent is not None:
                _take(
                    fields,
                    lines,
                    parent.fields,
                    _renamings(parent.entry_type, entry.entry_type),
                    entry.field_lines.get("crossref", entry.line),
                )
        resolved = dataclasses.replace(entry, fields=fields, field_lines=lines)
        self.done[folded] = resolved
        return resolved

    def _donor(
        self,
        entry: RawEntry,
        name: str,
        field_name: str,
        pool: Mapping[str, RawEntry],
        pending: frozenset[str],
    ) -> RawEntry | None:
        line = entry.field_lines.get(field_name, entry.line)
        donor = pool.get(name.casefold())
        if donor is None:
            what = "@xdata entry" if field_name == "xdata" else "entry"
            self.problems.append(
                EntryProblem(
                    line,
                    entry.key,
                    f"has {field_name} '{name}', but no {what} has that key",
                    f"missing-{field_name}",
                )
            )
            return None
        if donor.key.casefold() in pending:
            self.problems.append(
                EntryProblem(
                    line, entry.key, f"has {field_name} '{name}', which leads back to itself"
                )
            )
            return None
        return self.resolve(donor, pending)


def _names(value: str) -> list[str]:
    return [name.strip() for name in value.split(",") if name.strip()]


def _renamings(parent_type: str, child_type: str) -> dict[str, str]:
    for parents, children, renaming in RENAMINGS:
        if parent_type in parents and child_type in children:
            return renaming
    return {}


def _take(
    fields: dict[str, str],
    lines: dict[str, int],
    donor: Mapping[str, str],
    renaming: Mapping[str, str],
    line: int,
) -> None:
    """Copy the donor's fields that `fields` lacks (own fields win; a field the donor has under
    the child's name wins over a renamed one), each located at the line that asked for it."""
    for name, value in donor.items():
        if name in NEVER_INHERITED or name in renaming:
            continue
        if name not in fields:
            fields[name], lines[name] = value, line
    for name, target in renaming.items():
        if target and name in donor and target not in fields:
            fields[target], lines[target] = donor[name], line
