r"""A .bib file read the way BibTeX and biber read it: the bytes as text, the blocks found by
bibtexparser, every field value evaluated (values.py), and every problem located.

- Text: UTF-8 (a BOM is dropped). A file that is not UTF-8 is read as Windows-1252/Latin-1,
  with a warning naming the first line that is not UTF-8; a file with NUL bytes (UTF-16, a
  binary) is an error. CRLF and CR-only line ends count as one line end each.
- Blocks: entries, and `@string` macros in file order (a macro must be defined before use).
  `@comment` (JabRef's `jabref-meta`, BibDesk's groups), `@preamble`, text between entries
  and BibDesk's `@bibdesk_info` are not references and are skipped. `@xdata` entries are kept
  apart: they only lend fields (inheritance.py).
- Keys: BibTeX compares keys ignoring case, so `Smith2020` after `smith2020` is a duplicate;
  a key is otherwise taken exactly as written (`weird*key` loads, and only that key finds it).

bibtexparser runs without its middlewares: they resolve a macro only when it is the whole
value and never a `#` concatenation, so values.py reads the values as written instead.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic, EntryProblem
from .values import evaluate

if TYPE_CHECKING:
    from bibtexparser import Library, model

NOT_REFERENCES = frozenset({"bibdesk_info", "comment", "preamble", "string"})
LINE_END = re.compile(r"(?x) \r\n? ")
ENTRY_KEY_IN_RAW = re.compile(r"(?x) @ \s* \w+ \s* [{(] \s* ([^,\s})]+)")


@dataclass(frozen=True)
class RawEntry:
    """An entry as written: type and field names lower-case, values evaluated (still LaTeX),
    1-based lines of the entry and of each field."""

    key: str
    entry_type: str
    line: int
    fields: dict[str, str]
    field_lines: dict[str, int] = field(default_factory=dict)
    broken: bool = False  # a value could not be read (reported); skip the entry's other checks


@dataclass
class BibFile:
    """What the file holds, and what is wrong with it: `errors` stop the build, `warnings` do
    not (MkDocs' --strict makes them stop it)."""

    entries: list[RawEntry] = field(default_factory=list)
    xdata: dict[str, RawEntry] = field(default_factory=dict)  # by lower-case key
    errors: list[Diagnostic] = field(default_factory=list)
    entry_errors: list[EntryProblem] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)


def text_of(content: bytes, file: str) -> tuple[str, list[Diagnostic], list[Diagnostic]]:
    """The file's text with `\n` line ends, its errors and its warnings."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in content:
        line = content[: content.find(b"\x00")].count(b"\n") + 1 if b"\x00" in content else 1
        return (
            "",
            [
                Diagnostic(
                    file,
                    line,
                    "the file is not text in UTF-8 (it has NUL bytes: is it UTF-16, "
                    "or not a .bib file?); save it as UTF-8",
                )
            ],
            [],
        )
    try:
        text = content.decode("utf-8-sig")
        warnings = []
    except UnicodeDecodeError as error:
        line = _lines(content[: error.start]) + 1
        byte = content[error.start]
        text = _legacy(content)
        warnings = [
            Diagnostic(
                file,
                line,
                f"the file is not UTF-8 (byte 0x{byte:02X} on this line); read it as "
                "Windows-1252 (Latin-1): save it as UTF-8 to be sure every character is right",
            )
        ]
    return LINE_END.sub("\n", text), [], warnings


def _lines(prefix: bytes) -> int:
    """Line ends in `prefix`, with CRLF and CR-only ends counted once each."""
    return prefix.count(b"\n") + prefix.count(b"\r") - prefix.count(b"\r\n")


def _legacy(content: bytes) -> str:
    """Windows-1252 where it decodes (smart quotes, en dashes), else Latin-1 byte for byte."""
    try:
        return content.decode("cp1252")
    except UnicodeDecodeError:
        return content.decode("latin-1")


def read_blocks(text: str, file: str) -> BibFile:
    """Split `text` (with `\n` line ends) into entries and evaluate every value."""
    library = _quiet_split(text)
    result = BibFile()
    later = _string_lines(library)
    macros: dict[str, str] = {}
    first_key: dict[str, tuple[str, int]] = {}
    from bibtexparser import model

    for block in library.blocks:
        line = (block.start_line or 0) + 1
        if isinstance(block, model.DuplicateBlockKeyBlock) and isinstance(
            block.ignore_error_block, model.String
        ):
            block = block.ignore_error_block  # noqa: PLW2901 - a macro defined again: BibTeX uses the newer value from here on
        if isinstance(block, model.String):
            later.pop(block.key.lower(), None)
            value = evaluate(block.value, macros, later)
            if value.problem:
                result.errors.append(
                    Diagnostic(
                        file, line + value.line_offset, f"@string '{block.key}' {value.problem}"
                    )
                )
            macros[block.key.lower()] = value.value
        elif isinstance(block, model.Entry):
            _add_entry(result, block, macros, later, first_key, file)
        elif isinstance(block, model.ParsingFailedBlock):
            result.errors.append(_failed_block(block, file))
    return result


def _add_entry(
    result: BibFile,
    block: model.Entry,
    macros: dict[str, str],
    later: dict[str, int],
    first_key: dict[str, tuple[str, int]],
    file: str,
) -> None:
    line = (block.start_line or 0) + 1
    entry_type = block.entry_type.lower()
    if entry_type in NOT_REFERENCES:
        return
    if not block.key:
        result.errors.append(
            Diagnostic(
                file, line, f"@{entry_type} entry without a key (write @{entry_type}{{key, ...}})"
            )
        )
        return
    fields: dict[str, str] = {}
    field_lines: dict[str, int] = {}
    broken = False
    for item in block.fields:
        name = item.key.lower()
        start: int | None = item.start_line  # typed int, yet None when the parser gave none
        field_line = start + 1 if start is not None else line
        if (
            name in fields
        ):  # bibtexparser compares field names as written; BibTeX ignores their case
            result.errors.append(
                Diagnostic(file, line, f"entry '{block.key}' has the field '{name}' more than once")
            )
            broken = True
        value = evaluate(item.value, macros, later, what=f"its '{name}' value")
        if value.problem:
            broken = True
            result.entry_errors.append(
                EntryProblem(field_line + value.line_offset, block.key, value.problem)
            )
        fields[name] = value.value
        field_lines[name] = field_line
    entry = RawEntry(block.key, entry_type, line, fields, field_lines, broken)
    folded = block.key.casefold()
    if folded in first_key:
        first, first_line = first_key[folded]
        also = "" if first == block.key else f" as '{first}'; BibTeX ignores the case of keys"
        result.errors.append(
            Diagnostic(
                file,
                line,
                f"duplicate key '{block.key}' (first defined at line {first_line}{also})",
            )
        )
        return
    first_key[folded] = (block.key, line)
    if entry_type == "xdata":
        result.xdata[folded] = entry
    else:
        result.entries.append(entry)


def _string_lines(library: Library) -> dict[str, int]:
    """Where each @string is defined (lower-case name → 1-based line); entries above it cannot
    use it yet."""
    from bibtexparser import model

    return {
        block.key.lower(): (block.start_line or 0) + 1
        for block in library.blocks
        if isinstance(block, model.String)
    }


def _quiet_split(text: str) -> Library:
    """bibtexparser logs each failed block itself; we report them our way instead."""
    import bibtexparser  # imported here: a warm build (cache hit) never needs it

    logger = logging.getLogger("bibtexparser.splitter")
    previous, logger.disabled = logger.disabled, True
    try:
        return bibtexparser.parse_string(text, parse_stack=[])
    finally:
        logger.disabled = previous


def _failed_block(block: model.ParsingFailedBlock, file: str) -> Diagnostic:
    from bibtexparser import model

    line = (block.start_line or 0) + 1
    if isinstance(block, model.DuplicateBlockKeyBlock):
        previous = block.previous_block.start_line
        first = previous + 1 if previous is not None else "?"
        return Diagnostic(
            file, line, f"duplicate key '{block.key}' (first defined at line {first})"
        )
    key_match = ENTRY_KEY_IN_RAW.match(block.raw or "")
    entry = f"entry '{key_match.group(1)}'" if key_match else "this block"
    if isinstance(block, model.DuplicateFieldKeyBlock):
        fields = ", ".join(f"'{name}'" for name in sorted(block.duplicate_keys))
        return Diagnostic(file, line, f"{entry} has the field {fields} more than once")
    reason = getattr(block.error, "abort_reason", "") or str(block.error) or "syntax error"
    return Diagnostic(
        file,
        line,
        f"cannot parse {entry}: {reason.strip().rstrip('.')} "
        "(check for an unclosed brace or quote, or a missing comma)",
    )
