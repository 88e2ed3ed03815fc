"""Load and check references.bib, with every problem as a located diagnostic.

The steps, each in its own module:

    bibfile.py       bytes → text (encodings, line ends), blocks (bibtexparser), values
                     (`#`, @string macros, a missing comma), keys (duplicates ignore case)
    inheritance.py   `crossref` and `xdata`: a child takes the fields it lacks from its parent
    checks.py        the rules an entry is checked against; the site's editorial policy
                     (policy.py) decides which of them stop the build
    fields.py        what the fields mean (kind, year or date, DOI, arXiv id, pages)

Problems come back in three lists: `diagnostics` stop the build, `warnings` are logged as
warnings (MkDocs' --strict stops on them), `notes` as INFO. A problem many entries share is one
message with a count and the first few places (diagnostics.summarise).

Parsing is cached by the file's content hash, so `mkdocs serve` re-parses only when the file
changed. Field values stay raw LaTeX until asked for (`Entry.text`), see latex.py.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import checks
from .bibfile import LINE_END, RawEntry, read_blocks, text_of
from .checks import AUTHOR_FIELDS, KINDS, KINDS_WITHOUT_YEAR
from .diagnostics import Diagnostic, EntryProblem, summarise
from .fields import arxiv_id, infer_kind, normalise_doi, year_from_date
from .inheritance import inherit
from .latex import decode
from .names import Name, parse_names
from .policy import Policy
from .urls import addresses

__all__ = [
    "AUTHOR_FIELDS",
    "KINDS",
    "KINDS_WITHOUT_YEAR",
    "Bibliography",
    "Entry",
    "Policy",
    "load_bibliography",
    "parse_bibliography",
]


START_HERE = "start here"  # the keyword (tag) that puts an entry in Further reading's first group


def keyword_set(keywords: str) -> frozenset[str]:
    """A `keywords` field's tags, compared as words: "Start-Here; AI" -> {"start here", "ai"}."""
    return frozenset(
        " ".join(tag.replace("-", " ").replace("_", " ").casefold().split())
        for tag in re.split(r"[,;]", keywords)
        if tag.strip()
    )


@dataclass(frozen=True)
class Entry:
    """One reference: raw LaTeX fields (lower-case names, inherited ones included) plus where
    they are in the file."""

    key: str
    entry_type: str
    line: int
    fields: Mapping[str, str]
    field_lines: Mapping[str, int] = field(default_factory=dict)
    broken: bool = False  # its fields could not all be read (reported): not checked further

    def text(self, name: str) -> str:
        """The field as Unicode text ('' when absent)."""
        raw = self.fields.get(name)
        return decode(raw) if raw else ""

    @functools.cached_property
    def kind(self) -> str:
        """The Further reading group: `kind` when it names one, else inferred (fields.py)."""
        given = self.fields.get("kind", "").strip().lower()
        return given if given in KINDS else infer_kind(self.entry_type, self.fields)

    @property
    def authors(self) -> tuple[Name, ...]:
        """Authors, else editors, else the organisation as a single author."""
        for name in ("author", "editor"):
            if self.fields.get(name, "").strip():
                return parse_names(self.fields[name])
        org = self.text("organization")
        return (Name(surname=org, display=org, inverted=org),) if org else ()

    @property
    def starts_here(self) -> bool:
        """Tagged for Further reading's "Start here" group: `keywords` (a reference manager's
        tags, comma- or semicolon-separated) holds "start here" (or start-here, Start_Here)."""
        return START_HERE in keyword_set(self.text("keywords"))

    @property
    def year(self) -> str:
        """`year`, else the year (or range of years) of biblatex's `date`."""
        return self.text("year") or year_from_date(self.fields.get("date", "")) or ""

    @property
    def doi(self) -> str:
        return normalise_doi(self.fields.get("doi", ""))

    @property
    def arxiv_id(self) -> str:
        return arxiv_id(self.fields)

    @property
    def urls(self) -> tuple[str, ...]:
        """The addresses of the `url` field (unescaped; not necessarily http)."""
        return addresses(self.fields.get("url", ""))


@dataclass(frozen=True)
class Bibliography:
    """All entries of the file, by key, in file order; `diagnostics` is empty when it is valid."""

    path: str
    entries: Mapping[str, Entry]
    diagnostics: tuple[Diagnostic, ...] = ()
    content: bytes = b""
    warnings: tuple[Diagnostic, ...] = ()
    notes: tuple[Diagnostic, ...] = ()

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def __getitem__(self, key: str) -> Entry:
        return self.entries[key]


_CACHE: dict[tuple[str, str, Policy], Bibliography] = {}


def load_bibliography(path: Path, display_name: str, policy: Policy = Policy()) -> Bibliography:
    """Parse and check the file at `path`; `display_name` is how messages name it."""
    try:
        content = path.read_bytes()
    except OSError as error:
        problem = Diagnostic(display_name, 1, f"cannot read the bibliography ({error.strerror})")
        return Bibliography(display_name, {}, (problem,))
    digest = hashlib.sha256(content).hexdigest()
    cached = _CACHE.get((display_name, digest, policy))
    if cached is None:
        text, errors, warnings = text_of(content, display_name)
        parsed = (
            parse_bibliography(text, display_name, policy)
            if not errors
            else Bibliography(display_name, {})
        )
        cached = Bibliography(
            parsed.path,
            parsed.entries,
            _sorted([*errors, *parsed.diagnostics]),
            content,
            _sorted([*warnings, *parsed.warnings]),
            parsed.notes,
        )
        _CACHE.clear()  # keep only the current version
        _CACHE[(display_name, digest, policy)] = cached
    return cached


def parse_bibliography(text: str, display_name: str, policy: Policy = Policy()) -> Bibliography:
    """Parse BibTeX or biblatex `text`; every malformed block and every rule broken becomes a
    diagnostic, a warning or a note (see the module docstring)."""
    found = read_blocks(LINE_END.sub("\n", text), display_name)
    raw_entries, missing = inherit(found.entries, found.xdata)
    stopping: list[EntryProblem] = list(found.entry_errors)
    told: list[EntryProblem] = []
    strange: list[EntryProblem] = []
    (stopping if policy.editorial else told).extend(missing)
    entries: dict[str, Entry] = {}
    for raw in raw_entries:
        entry = _entry(raw)
        entries[raw.key] = entry
        strange.extend(checks.type_problems(raw))
        if raw.broken:
            continue
        editorial = policy.editorial
        rules = [
            *(checks.editorial_problems(raw, entry.kind) if editorial else ()),
            *checks.rendering_problems(raw),
        ]
        (stopping if editorial else told).extend(rules)
        # Under the policy a rule's own message already names a near miss it asks for.
        (stopping if editorial else strange).extend(
            [
                *checks.misspelt_fields(raw, named=rules if editorial else ()),
                *checks.year_problems(raw),
            ]
        )
    return Bibliography(
        display_name,
        entries,
        _sorted([*found.errors, *summarise(display_name, stopping)]),
        warnings=_sorted([*found.warnings, *summarise(display_name, strange)]),
        notes=tuple(summarise(display_name, told)),
    )


def _entry(raw: RawEntry) -> Entry:
    return Entry(raw.key, raw.entry_type, raw.line, raw.fields, raw.field_lines, raw.broken)


def _sorted(problems: list[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(sorted(problems, key=lambda d: (d.line, d.message)))
