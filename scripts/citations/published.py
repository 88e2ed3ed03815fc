r"""The copy of references.bib the site publishes (site/references.bib, the download that Further
reading offers): the file as written, without what only means something on its owner's
machine. The source file is never changed; the build publishes this copy instead.

Left out of the copy:

- fields: `file` and `local-url` (Zotero, JabRef, Mendeley, BibDesk: paths of attachments on
  the owner's disk, e.g. `/Users/jane/Zotero/storage/...pdf`); BibDesk's `bdsk-file-N` (an
  alias of a local file), `bdsk-url-N` (its link list, which may hold `file://` addresses;
  the published address is `url`), `date-added`, `date-modified`, `modifiedby`, `read` and
  `rating`; JabRef's `owner`, `timestamp`, `creationdate`, `modificationdate`, `groups` and
  its special fields (`readstatus`, `ranking`, `priority`, `qualityassured`, `printed`,
  `relevance`); Mendeley's `mendeley-groups` and `mendeley-tags` (see PRIVATE_FIELDS);
- JabRef's `@Comment{jabref-meta: fileDirectory...}` blocks (a local folder) and BibDesk's
  header line `%% Created for <user> at <date>`.

Everything else is kept byte for byte: the encoding, a BOM, the line ends, comments, @string
and @preamble, each entry's layout. A file without any of the above (the usual case, and this
site's own) is published as it is, without being parsed.

Why the fields are cut out of the text rather than written out by bibtexparser: bibtexparser
2.1's writer, given the blocks as this package reads them (without middlewares; bibfile.py says
why), puts every value in a second pair of braces (`{{2000}}`) and turns a concatenation into
literal text (`{proc # {Seventeenth ...}}`), and with its middlewares it would write resolved
and re-formatted values instead of what the author wrote. So the file is split by bibtexparser
(the same splitter the build reads it with), and each private field is removed from the text
where bibtexparser found it: its name, `=` and value as written (bibtexparser keeps both
exactly), with its comma; a field alone on its lines takes its whole lines with it, and a last
field takes the comma before it. Should a field not be found that way, its whole entry is
left out of the copy, with a located warning (which stops a strict build): never published.

    >>> print(published_copy(b'''@misc{k,
    ...   title = {T},
    ...   file = {/Users/jane/k.pdf},
    ...   year = {2024}}''', "references.bib").content.decode())
    @misc{k,
      title = {T},
      year = {2024}}
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from .diagnostics import Diagnostic

if TYPE_CHECKING:
    from bibtexparser import model

PRIVATE_FIELDS = frozenset(
    {
        "file",
        "local-url",
        "date-added",
        "date-modified",
        "modifiedby",
        "read",
        "rating",
        "owner",
        "timestamp",
        "creationdate",
        "modificationdate",
        "groups",
        "readstatus",
        "ranking",
        "priority",
        "qualityassured",
        "printed",
        "relevance",
        "mendeley-groups",
        "mendeley-tags",
    }
)
PRIVATE_NUMBERED = re.compile(r"(?x) bdsk-(?:file|url)-\d+")
# Whether a file may hold any of it at all (a quick look at the bytes, before any parsing).
_NAMES = "|".join(re.escape(name) for name in sorted(PRIVATE_FIELDS, key=len, reverse=True))
MAY_BE_PRIVATE = re.compile(
    rf"""(?ix) (?<! [\w-] ) (?: {_NAMES} | bdsk-(?:file|url)-\d+ ) \s* =
        | jabref-meta: \s* filedirectory | ^ %% [ \t]* created [ \t]+ for [ \t]""".encode(),
    re.MULTILINE,
)
PRIVATE_COMMENT = re.compile(r"(?ix) \A @ \s* comment \s* [{(] \s* jabref-meta: \s* filedirectory")
BIBDESK_OWNER = re.compile(r"(?imx) ^ %% [ \t]* created [ \t]+ for [ \t] [^\n]* \n?")
LINE_END = re.compile(r"(?x) \r\n | \r | \n")


class Published(NamedTuple):
    content: bytes
    warnings: list[Diagnostic]


def is_private(field_name: str) -> bool:
    """Whether the field (any case) is left out of the published copy."""
    name = field_name.lower()
    return name in PRIVATE_FIELDS or bool(PRIVATE_NUMBERED.fullmatch(name))


def published_copy(content: bytes, file: str) -> Published:
    """`content` (the bytes of a .bib file) without its private fields and comments (see the
    module docstring), and a warning for each entry left out whole; `content` itself when it
    has none, or when it is not text (the build reports that file, and publishes nothing).
    `file` is how warnings name the file."""
    if not MAY_BE_PRIVATE.search(content) or b"\x00" in content:
        return Published(content, [])
    bom = content.startswith(b"\xef\xbb\xbf")
    body = content[3:] if bom else content
    encoding = _encoding(body)
    warnings: list[Diagnostic] = []
    kept = _without_private(body.decode(encoding), file, warnings)
    return Published((b"\xef\xbb\xbf" if bom else b"") + kept.encode(encoding), warnings)


def _encoding(body: bytes) -> str:
    """How bibfile.py reads the bytes: UTF-8, else Windows-1252, else Latin-1."""
    for encoding in ("utf-8", "cp1252"):
        try:
            body.decode(encoding)
        except UnicodeDecodeError:
            continue
        return encoding
    return "latin-1"


@dataclass(frozen=True, slots=True)
class _Lines:
    """Where each line starts in a text and in the same text with `\n` line ends."""

    original: list[int]
    normal: list[int]

    @classmethod
    def of(cls, text: str) -> _Lines:
        original, normal, removed = [0], [0], 0
        for end in LINE_END.finditer(text):
            removed += len(end.group()) - 1
            original.append(end.end())
            normal.append(end.end() - removed)
        return cls(original, normal)

    def to_original(self, position: int) -> int:
        """An offset in the `\n` text as an offset in the original one."""
        line = bisect.bisect_right(self.normal, position) - 1
        return self.original[line] + position - self.normal[line]


def _without_private(text: str, file: str, warnings: list[Diagnostic]) -> str:
    from .bibfile import LINE_END as NORMAL_ENDS
    from .bibfile import _quiet_split

    lines = _Lines.of(text)
    normal = NORMAL_ENDS.sub("\n", text)
    starts = lines.normal
    spans: list[tuple[int, int]] = [
        (owner.start(), owner.end()) for owner in BIBDESK_OWNER.finditer(normal)
    ]
    from bibtexparser import model

    for block in _quiet_split(normal).blocks:
        if block.start_line is None or not block.raw:
            continue
        begin = normal.find(block.raw, starts[block.start_line])
        if begin < 0:
            continue
        if isinstance(block, model.ExplicitComment) and PRIVATE_COMMENT.match(block.raw):
            spans.append(_whole_lines(normal, begin, begin + len(block.raw)))
        elif isinstance(block, model.Entry):
            try:
                spans.extend(_private_fields(normal, starts, block, begin))
            except _NotFoundError as error:
                spans.append(_whole_lines(normal, begin, begin + len(block.raw)))
                warnings.append(
                    Diagnostic(
                        file,
                        block.start_line + 1,
                        f"entry '{block.key}': its field '{error.args[0]}' (a private field, "
                        "see scripts/citations/published.py) was not found in the text, so the "
                        f"published {file} leaves the whole entry out",
                    )
                )
    kept, position = [], 0
    for start, end in _merged(spans):
        kept.append(text[position : lines.to_original(start)])
        position = lines.to_original(end)
    kept.append(text[position:])
    return "".join(kept)


def _private_fields(
    text: str, starts: list[int], block: model.Entry, begin: int
) -> list[tuple[int, int]]:
    """The spans of `text` that hold the private fields of the entry at `begin`."""
    end = begin + len(block.raw or "")
    head = text.find(",", begin, end)  # after the entry's key
    spans = []
    for item in block.fields:
        if not is_private(item.key):
            continue
        found = _field_span(text, starts, item, begin, end)
        if found is None:
            raise _NotFoundError(item.key)
        start, value_end = found
        after = _skip(text, value_end, " \t")
        if after < end and text[after] == ",":
            spans.append(_whole_lines(text, start, after + 1))
            continue
        before = len(text[head + 1 : start].rstrip()) + head + 1  # just after the text before it
        if head >= 0 and before > head + 1 and text[before - 1] == ",":
            spans.append((before - 1, value_end))  # the last field: with the comma before it
        else:
            spans.append(_whole_lines(text, start, value_end))
    return spans


class _NotFoundError(Exception):
    """A private field bibtexparser read but the text does not show where (args: its name)."""


def _field_span(
    text: str, starts: list[int], item: model.Field, begin: int, end: int
) -> tuple[int, int] | None:
    """Where `name = value` is, as bibtexparser read it: its `=` on the field's line."""
    equals_line: int | None = item.start_line  # typed int, yet None when the parser gave none
    if equals_line is None or equals_line >= len(starts):
        return None
    line_start = starts[equals_line]
    line_end = starts[equals_line + 1] if equals_line + 1 < len(starts) else len(text)
    for match in _assignment(item.key).finditer(text, begin, min(line_end, end)):
        equals = text.index("=", match.start() + len(item.key))
        if line_start <= equals and text.startswith(item.value, match.end()):
            return match.start(), match.end() + len(item.value)
    return None


@functools.lru_cache(maxsize=64)
def _assignment(name: str) -> re.Pattern[str]:
    """`name =` and the blanks after it, where a field's name can start."""
    return re.compile(rf"(?<! [^\s,{{(] ) {re.escape(name)} \s* = \s*", re.VERBOSE)


def _whole_lines(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) with the blanks after it, widened to whole lines when nothing else is on
    them."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = _skip(text, end, " \t")
    if text[line_start:start].strip(" \t") or (line_end < len(text) and text[line_end] != "\n"):
        return start, line_end
    return line_start, min(line_end + 1, len(text))


def _skip(text: str, position: int, characters: str) -> int:
    while position < len(text) and text[position] in characters:
        position += 1
    return position


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
