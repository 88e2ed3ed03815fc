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
- Mistakes bibtexparser reads without a word, each reported at its line with the fix, never
  left to surface as a wrong "has no 'year' field" further on:
  - a `%` comment line inside an entry (BibTeX has none there): bibtexparser reads it as part
    of the next field's name (`% TODO\n  year`); the field it hides is read under its name;
  - an extra `}` in a value, which ends the entry early: its remaining fields become text
    between entries (`name = value` after an entry's end); the entry's other checks are
    skipped (`broken`), since its fields are missing for that reason alone;
  - a name list BibTeX would misread (names.py: too many commas, an empty name, `&` or `;`
    between names) in `author` or `editor`;
  - an unknown field that is a near miss of a known one (`titel`, `archivePrefx`): kept in
    `misspelt` for checks.py, which reports it under the site's policy.

bibtexparser runs without its middlewares: they resolve a macro only when it is the whole
value and never a `#` concatenation, so values.py reads the values as written instead.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic, EntryProblem
from .fields import KNOWN_FIELDS, near_miss
from .names import name_list_problems
from .values import evaluate

if TYPE_CHECKING:
    from bibtexparser import Library, model

NOT_REFERENCES = frozenset({"bibdesk_info", "comment", "preamble", "string"})
LINE_END = re.compile(r"(?x) \r\n? ")
ENTRY_KEY_IN_RAW = re.compile(r"(?x) @ \s* \w+ \s* [{(] \s* ([^,\s})]+)")
NAME_FIELDS = ("author", "editor")
FIELD_NAME = re.compile(r"""(?x) [^\s"#%'(),={}]+ """)  # what BibTeX reads as a field's name
# Text between entries that starts like the rest of an entry: `, name = ...` or `name = ...`
# (after `%` lines); and each `name =` in it.
ORPHAN_START = re.compile(
    r"""(?x) \A (?: \s* % [^\n]* \n )* [\s}]* (?: , | [^\s"#%'(),={}]+ \s* = )"""
)
ORPHAN_FIELD = re.compile(r"""(?mx) (?: ^ | , ) \s* (?P<name> [^\s"#%'(),={}]+ ) \s* = """)
SHOWN_FIELDS = 5


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
    # unknown fields close to a known name: (name as written, the known name, line)
    misspelt: tuple[tuple[str, str, int], ...] = ()


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

    previous: tuple[model.Entry, RawEntry] | None = None  # the entry the last block was
    for block in library.blocks:
        if isinstance(block, model.ImplicitComment) and previous is not None:
            _orphan_fields(result, *previous, block, file)
        previous = None
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
            added = _add_entry(result, block, macros, later, first_key, file)
            previous = (block, added) if added is not None else None
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
) -> RawEntry | None:
    """Add the entry `block` to `result`; the entry as added (None for a block that is no
    reference or could not be added)."""
    line = (block.start_line or 0) + 1
    entry_type = block.entry_type.lower()
    if entry_type in NOT_REFERENCES:
        return None
    if not block.key:
        result.errors.append(
            Diagnostic(
                file, line, f"@{entry_type} entry without a key (write @{entry_type}{{key, ...}})"
            )
        )
        return None
    fields: dict[str, str] = {}
    field_lines: dict[str, int] = {}
    misspelt: list[tuple[str, str, int]] = []
    broken = False
    for item in block.fields:
        start: int | None = item.start_line  # typed int, yet None when the parser gave none
        field_line = start + 1 if start is not None else line
        written = item.key
        if not (written.isalpha() or FIELD_NAME.fullmatch(written)):  # `%`, a space
            hidden, field_line = _odd_field_name(result, block, written, field_line, line, file)
            if hidden is None:
                broken = True
                continue
            written = hidden
        name = written.lower()
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
        elif name in NAME_FIELDS:
            result.entry_errors.extend(
                _name_problems(block.key, name, item.value, value.value, field_line)
            )
        fields[name] = value.value
        field_lines[name] = field_line
        if name not in KNOWN_FIELDS and (known := near_miss(name)) is not None:
            misspelt.append((written, known, field_line))
    entry = RawEntry(block.key, entry_type, line, fields, field_lines, broken, tuple(misspelt))
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
        return None
    first_key[folded] = (block.key, line)
    if entry_type == "xdata":
        result.xdata[folded] = entry
    else:
        result.entries.append(entry)
    return entry


def _odd_field_name(
    result: BibFile, block: model.Entry, written: str, field_line: int, line: int, file: str
) -> tuple[str | None, int]:
    """A field name that is no field name, reported: a `%` comment bibtexparser read as the
    start of the next field's name (`% TODO\n  year`), or other text before a name, or a name
    with a space. The field that follows such text, and its line; None when there is none (the
    text swallowed a value: `% year = {2023},`)."""
    lines = written.split("\n")
    last = lines[-1].strip()
    hidden = last if len(lines) > 1 and FIELD_NAME.fullmatch(last) else None
    # bibtexparser's line of a field is the line of its `=`: the name's last line
    hidden_line, field_line = field_line, field_line - (len(lines) - 1)
    source_lines = (block.raw or "").split("\n")
    index = field_line - line
    own_line = 0 <= index < len(source_lines) and source_lines[index].lstrip().startswith("%")
    if "%" in written:
        what = "line" if own_line else "comment"
        if hidden is not None:
            message = (
                f"a '%' comment inside entry '{block.key}' hides the field '{hidden}' that "
                f"follows it (line {hidden_line}); BibTeX has no comments inside entries: "
                f"remove the {what}"
            )
        else:
            message = (
                f"a '%' comment inside entry '{block.key}' is read as a field "
                f"('{_first_line(written)} = ...'); BibTeX has no comments inside entries: "
                f"remove the {what}"
            )
        result.errors.append(Diagnostic(file, field_line, message))
        return hidden, hidden_line
    if hidden is not None:
        result.entry_errors.append(
            EntryProblem(
                field_line,
                block.key,
                f"has '{_first_line(written)}' before its field '{hidden}' (line {hidden_line}); "
                "remove it (or is a '=' or a comma missing?)",
            )
        )
        return hidden, hidden_line
    result.entry_errors.append(
        EntryProblem(
            field_line,
            block.key,
            f"has the field name '{' '.join(written.split())}', with a space in it; a field "
            "name is one word",
        )
    )
    return None, field_line


def _first_line(text: str) -> str:
    return text.strip().split("\n")[0].strip()


def _name_problems(
    key: str, name: str, raw: str, value: str, field_line: int
) -> list[EntryProblem]:
    """`author` or `editor` problems (names.py), each at its line when the value is written
    as one braced or quoted string (else at the field's line)."""
    plain = raw.strip()[:1] in ("{", '"') and raw.count("\n") == value.count("\n")
    return [
        EntryProblem(
            field_line + (value.count("\n", 0, at) if plain else 0),
            key,
            f"has {problem}",
        )
        for at, problem in name_list_problems(value, name)
    ]


def _orphan_fields(
    result: BibFile, block: model.Entry, entry: RawEntry, text: model.ImplicitComment, file: str
) -> None:
    """Text right after an entry that reads `, name = value` or `name = value`: the entry was
    closed early, mostly by an extra `}` in a value. Reported once, where the entry ended; the
    entry is marked broken, so that no "has no 'year' field" buries the cause."""
    raw = text.raw or ""
    if not ORPHAN_START.match(raw):
        return
    extra = 1 + len(raw) - len(raw.lstrip("}"))  # `{T}}}`: the second extra brace starts the text
    names = [
        match
        for match in ORPHAN_FIELD.finditer(raw)
        if raw.count("{", 0, match.start()) == raw.count("}", 0, match.start()) - extra + 1
    ]
    if not names:
        return
    start = (text.start_line or 0) + 1
    first_line = start + raw.count("\n", 0, names[0].start("name"))
    end_line = (block.start_line or 0) + (block.raw or "").count("\n") + 1
    shown = [f"'{match.group('name').lower()}'" for match in names[:SHOWN_FIELDS]]
    more = len(names) - len(shown)
    listed = (
        ", ".join(shown[:-1]) + f" and {shown[-1]}"
        if len(shown) > 1 and not more
        else ", ".join(shown) + (f" and {more} more" if more else "")
    )
    fields = f"field{'s' if len(names) > 1 else ''} {listed}"
    if first_line - end_line <= 1:
        result.errors.append(
            Diagnostic(
                file,
                end_line,
                f"{'an' if extra == 1 else extra} extra '}}' "
                f"{'closes' if extra == 1 else 'close'} entry '{block.key}' before its {fields} "
                f"(line {first_line}); remove {'it' if extra == 1 else 'them'}",
            )
        )
    else:
        result.errors.append(
            Diagnostic(
                file,
                first_line,
                f"the {fields} {'stand' if len(names) > 1 else 'stands'} outside any entry, "
                f"after entry '{block.key}' "
                f"ends (line {end_line}): remove an extra '}}' that closes that entry early, "
                "or add the missing '@type{key,' line above them",
            )
        )
    broken = dataclasses.replace(entry, broken=True)
    if result.entries and result.entries[-1] is entry:
        result.entries[-1] = broken
    elif result.xdata.get(entry.key.casefold()) is entry:
        result.xdata[entry.key.casefold()] = broken


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
    lines = (block.raw or "").split("\n")
    comment = next((n for n, text in enumerate(lines) if text.lstrip().startswith("%")), None)
    if "entry key `%" in reason and comment is not None:  # `% ...` before the closing brace
        return Diagnostic(
            file,
            line + comment,
            f"a '%' comment inside {entry}; BibTeX has no comments inside entries: remove the line",
        )
    return Diagnostic(
        file,
        line,
        f"cannot parse {entry}: {reason.strip().rstrip('.')} "
        "(check for an unclosed brace or quote, or a missing comma)",
    )
