"""Load and check references.bib (bibtexparser 2.x), with every problem as a located diagnostic.

Rules an entry must follow (each broken rule is an error naming the entry and its line):

- `title` is required; so is an author: `author`, else `editor`, else `organization`;
- `year` is required, except for `kind = {article}` or `{video}` (web pages, channels), which
  then show "n.d." (no date), as REFERENCES.md's `arc` and `miles_channel` need;
- `kind` is one of paper, book, article, video (the Further reading groups);
- `annote` is required: it is the sentence Further reading shows;
- `url` must be http(s); `doi` must look like `10.xxxx/...` (a `https://doi.org/` prefix is
  accepted and dropped).

Parsing is cached by the file's content hash, so `mkdocs serve` re-parses only when the file
changed. Field values stay raw LaTeX until asked for (`Entry.text`), see latex.py.
"""
from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit


from .diagnostics import Diagnostic
from .latex import decode
from .names import Name, parse_names

if TYPE_CHECKING:
    from bibtexparser import model

KINDS: dict[str, str] = {"paper": "Papers", "book": "Books", "article": "Articles and posts", "video": "Videos"}
KINDS_WITHOUT_YEAR = frozenset({"article", "video"})
AUTHOR_FIELDS = ("author", "editor", "organization")
DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:")
DOI_SHAPE = re.compile(r"(?x) ^ 10\.\d{4,9} / \S+ $")
ENTRY_KEY_IN_RAW = re.compile(r"(?x) @ \s* \w+ \s* [{(] \s* ([^,\s}]+)")


@dataclass(frozen=True)
class Entry:
    """One reference: raw LaTeX fields (lower-case names) plus where they are in the file."""

    key: str
    entry_type: str
    line: int
    fields: Mapping[str, str]
    field_lines: Mapping[str, int] = field(default_factory=dict)

    def text(self, name: str) -> str:
        """The field as Unicode text ('' when absent)."""
        raw = self.fields.get(name)
        return decode(raw) if raw else ""

    @property
    def kind(self) -> str:
        return self.fields.get("kind", "").strip().lower()

    @property
    def authors(self) -> tuple[Name, ...]:
        """Authors, else editors, else the organisation as a single author."""
        for name in ("author", "editor"):
            if self.fields.get(name, "").strip():
                return parse_names(self.fields[name])
        org = self.text("organization")
        return (Name(surname=org, display=org),) if org else ()

    @property
    def year(self) -> str:
        return self.text("year")

    @property
    def doi(self) -> str:
        value = self.fields.get("doi", "").strip()
        for prefix in DOI_PREFIXES:
            if value.lower().startswith(prefix):
                return value[len(prefix):]
        return value

    @property
    def arxiv_id(self) -> str:
        prefix = (self.fields.get("archiveprefix") or self.fields.get("eprinttype") or "").strip().lower()
        return self.fields.get("eprint", "").strip() if prefix == "arxiv" else ""

    @property
    def url(self) -> str:
        return self.fields.get("url", "").strip()


@dataclass(frozen=True)
class Bibliography:
    """All entries of the file, by key, in file order; `diagnostics` is empty when it is valid."""

    path: str
    entries: Mapping[str, Entry]
    diagnostics: tuple[Diagnostic, ...] = ()
    content: bytes = b""

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def __getitem__(self, key: str) -> Entry:
        return self.entries[key]


_CACHE: dict[tuple[str, str], Bibliography] = {}


def load_bibliography(path: Path, display_name: str) -> Bibliography:
    """Parse and check the file at `path`; `display_name` is how messages name it."""
    try:
        content = path.read_bytes()
    except OSError as error:
        problem = Diagnostic(display_name, 1, f"cannot read the bibliography ({error.strerror})")
        return Bibliography(display_name, {}, (problem,))
    digest = hashlib.sha256(content).hexdigest()
    cached = _CACHE.get((display_name, digest))
    if cached is None:
        cached = parse_bibliography(content.decode("utf-8-sig"), display_name)
        cached = Bibliography(cached.path, cached.entries, cached.diagnostics, content)
        _CACHE.clear()  # keep only the current version
        _CACHE[(display_name, digest)] = cached
    return cached


def parse_bibliography(text: str, display_name: str) -> Bibliography:
    """Parse BibTeX `text` with bibtexparser; every malformed block and every rule broken
    becomes a diagnostic."""
    library = _quiet_parse(text)
    problems = [_failed_block_diagnostic(block, display_name) for block in library.failed_blocks]
    return _checked(display_name, [
        Entry(
            key=block.key,
            entry_type=block.entry_type.lower(),
            line=block.start_line + 1,
            fields={f.key.lower(): str(f.value) for f in block.fields},
            field_lines={f.key.lower(): (f.start_line or block.start_line) + 1 for f in block.fields},
        )
        for block in library.entries
    ], problems)


def _checked(display_name: str, found: list[Entry], problems: list[Diagnostic]) -> Bibliography:
    entries: dict[str, Entry] = {}
    for entry in found:
        entries[entry.key] = entry
        problems.extend(check_entry(entry, display_name))
    return Bibliography(display_name, entries, tuple(sorted(problems, key=lambda d: (d.line, d.message))))


def _quiet_parse(text: str) -> model.Library:
    """bibtexparser logs each failed block itself; we report them our way instead."""
    import bibtexparser  # imported here: a warm build (cache hit) never needs it

    logger = logging.getLogger("bibtexparser.splitter")
    previous, logger.disabled = logger.disabled, True
    try:
        return bibtexparser.parse_string(text)
    finally:
        logger.disabled = previous


def _failed_block_diagnostic(block: model.ParsingFailedBlock, file: str) -> Diagnostic:
    from bibtexparser import model

    line = (block.start_line or 0) + 1
    if isinstance(block, model.DuplicateBlockKeyBlock):
        first = block.previous_block.start_line + 1 if block.previous_block else "?"
        return Diagnostic(file, line, f"duplicate key '{block.key}' (first defined at line {first})")
    key_match = ENTRY_KEY_IN_RAW.match(block.raw or "")
    entry = f"entry '{key_match.group(1)}'" if key_match else "this block"
    if isinstance(block, model.DuplicateFieldKeyBlock):
        fields = ", ".join(f"'{name}'" for name in sorted(block.duplicate_keys))
        return Diagnostic(file, line, f"{entry} has the field {fields} more than once")
    reason = getattr(block.error, "abort_reason", "") or str(block.error) or "syntax error"
    return Diagnostic(
        file, line,
        f"cannot parse {entry}: {reason.strip().rstrip('.')} "
        "(check for an unclosed brace or quote, or a missing comma)",
    )


def check_entry(entry: Entry, file: str) -> list[Diagnostic]:
    """The rules of the module docstring, for one entry."""
    problems: list[Diagnostic] = []

    def report(message: str, field_name: str | None = None) -> None:
        line = entry.field_lines.get(field_name, entry.line) if field_name else entry.line
        problems.append(Diagnostic(file, line, f"entry '{entry.key}' {message}"))

    kind = entry.kind
    allowed = ", ".join(KINDS)
    if "kind" not in entry.fields:
        report(f"has no 'kind' field (allowed values: {allowed})")
    elif kind not in KINDS:
        report(f"has kind '{entry.fields['kind'].strip()}', which is not allowed (allowed values: {allowed})", "kind")
    if not entry.text("title"):
        report("has no 'title' field")
    if not any(entry.fields.get(name, "").strip() for name in AUTHOR_FIELDS):
        report("has no 'author' field (editor or organization may stand for it)")
    if not entry.year and kind not in KINDS_WITHOUT_YEAR:
        report("has no 'year' field (only kind article or video may omit it; they show 'n.d.')")
    if not entry.text("annote"):
        report("has no 'annote' field (one sentence for Further reading: why read it)")
    if "url" in entry.fields:
        scheme = urlsplit(entry.url).scheme.lower()
        if scheme not in ("http", "https"):
            shown = f"scheme '{scheme}:'" if scheme else "no scheme"
            report(f"has a url with {shown}; only http:// and https:// links are allowed", "url")
    if "doi" in entry.fields and not DOI_SHAPE.match(entry.doi):
        report(f"has doi '{entry.fields['doi'].strip()}', which is not a DOI (expected 10.xxxx/...)", "doi")
    return problems
