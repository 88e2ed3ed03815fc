"""Find pandoc-style citations in Markdown, without touching code, URLs or e-mail addresses.

Syntax (as in pandoc):

    [@russell2019human]                     parenthetical          (Russell, 2019)
    [@amodei2016concrete, p. 4]             with a locator         (Amodei et al., 2016, p. 4)
    [see @russell2019human, ch. 3]          with a prefix          (see Russell, 2019, ch. 3)
    [@amodei2016concrete; @bai2022const]    several works          (Amodei et al., 2016; Bai et al., 2022)
    [-@russell2019human]                    year only              (2019)
    @russell2019human says ...              narrative              Russell (2019) says ...

A key starts with a letter, digit or `_` and may contain `: . _ - /` inside (never at its end,
so the full stop in "as shown by @russell2019human." ends the sentence, not the key).

Never citations:

- anything in fenced code blocks (``` or ~~~, at any indentation: pymdownx.superfences fences
  inside admonitions and lists count), in indented code blocks, and in inline code spans;
- e-mail addresses (`ann@example.org`), bare URLs (`https://x.org/@foo`), autolinks
  (`<https://x.org/@foo>`), link and image targets (`[text](https://x.org/@foo)`), reference
  definitions (`[id]: https://...`), HTML tags, comments, and <script>/<style>/<pre> elements;
- an escaped `\\@` (written out as a plain `@`);
- link text: `[@foo](https://...)` and `[@foo][id]` (with `[id]: ...` defined) are links, as in
  Markdown; a citation followed directly by a parenthesis or bracket that is NOT a link target
  stays a citation (`[@key][^1]` is a citation and a footnote).

`scan()` yields the citations (and escapes) with their offsets; `substitute()` rebuilds the text.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

KEY = r"[A-Za-z0-9_](?:[A-Za-z0-9_]|[:./-](?=[A-Za-z0-9_]))*"

# One item of a bracketed citation: "see @key, ch. 3" or "-@key".
BRACKET_ITEM = re.compile(
    rf"""(?xs)
    ^ \s*
    (?P<prefix> [^@]*? )                # free text before the key, e.g. "see"
    (?<![\w\\])                         # '@' not glued to a word (e-mail) or escaped
    (?P<suppress> - )?
    @ (?P<key> {KEY} )
    (?P<suffix> [^@]*? )                # locator, e.g. ", p. 12"
    \s* $
    """
)

# Lines that open containers whose content is indented (admonitions, details, tabs, list items).
CONTAINER_START = re.compile(
    r"""(?x)
    ^ (?P<indent> [ ]* )
    (?: (?: !!! | \?\?\?\+? | ===!? ) [ ]        # admonition, details, tab
      | [-*+] [ ]+                                # bullet list item
      | \d{1,9} [.)] [ ]+                         # ordered list item
    )
    """
)

FENCE_OPEN = re.compile(r"(?x) ^ (?P<indent> [ \t]* ) (?P<fence> `{3,} | ~{3,} )")

# Reference-style link definitions: "[id]: https://..." (their ids make "[text][id]" a link).
REFERENCE_DEFINITION = re.compile(
    r"""(?xm) ^ [ ]{0,3} \[ (?P<id> [^\]\n]+ ) \] : [ \t]* \S+
        (?: [ \t]+ (?: "[^"\n]*" | '[^'\n]*' | \([^)\n]*\) ) )? [ \t]* $"""
)

# An inline code span: a run of backticks, text not crossing a blank line, the same run again.
# It starts with the literal backtick (not a lookbehind), which lets the regex engine jump from
# backtick to backtick: ten times faster on a chapter. `(?<![`\\]`)` checks the character before it.
CODE_SPAN = r"(?P<ticks> ` (?<![`\\]`) `* ) (?!`) (?: (?! \n [ \t]* \n ) . )*? (?<!`) (?P=ticks) (?!`)"
INLINE_CODE = re.compile(CODE_SPAN, re.VERBOSE | re.DOTALL)

# Everything the citation pass must step over or act on, leftmost match wins; at the same
# position the first alternative wins, so protected constructs come before citations.
INLINE = re.compile(
    rf"""(?xs)
    (?= [`<!\[\]\\@hfw] )                # cheap filter: every alternative starts with one of these
    (?:
      (?P<code> {CODE_SPAN} )
    | (?P<comment> <!-- .*? --> )
    | (?P<raw_element> < (?P<element> script | style | pre | code | textarea | svg | math) \b [^>]* >
                       .*? </ (?P=element) \s* > )
    | (?P<autolink> < [A-Za-z][A-Za-z0-9+.-]{{1,31}} : [^\s<>]* > | < [^\s<>@]+ @ [^\s<>]+ > )
    | (?P<tag> </? [A-Za-z][A-Za-z0-9:-]* (?: \s [^<>]* )? /? > )
    | (?P<link> !? \[ (?P<link_text> [^\[\]]* ) \]
                \( (?: [^()\s] | \( [^()\s]* \) )* (?: \s+ (?: "[^"]*" | '[^']*' | \([^)]*\) ) )? \s* \) )
    | (?P<reference_link> \[ (?P<ref_text> [^\[\]]* ) \] [ ]? \[ (?P<ref_id> (?!\^) [^\[\]]* ) \] )
    | (?P<link_target> \] \( [^)\n]* \) )
    | (?P<definition> (?: (?<![^\n]) | (?<=\n[ ]) | (?<=\n[ ]{{2}}) | (?<=\n[ ]{{3}}) )
                      \[ [^\]\n]+ \] : [ \t]* \S+
                      (?: [ \t]+ (?: "[^"\n]*" | '[^'\n]*' | \([^)\n]*\) ) )? [ \t]* $ )
    | (?P<url> \b (?: https? | ftp ) :// [^\s<>\[\]()"']+ (?: \( [^\s()]* \) [^\s<>\[\]()"']* )*
             | \b www \. [A-Za-z0-9-]+ \. [^\s<>\[\]()"']+ )
    | (?P<escaped_at> \\ @ )
    | (?P<bracket> \[ (?P<body> [^\[\]]* @ [^\[\]]* ) \] )
    | (?P<narrative> (?<![\w\\/@.:+=?&%-]) @ (?P<narrative_key> {KEY} ) )   # not after a word: e-mails
    )
    """,
    re.MULTILINE,
)

BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class CiteItem:
    """One work in a citation: `[see @key, p. 3]` → prefix "see", key, suffix ", p. 3"."""

    key: str
    offset: int  # of the '@' in the scanned text
    prefix: str = ""
    suffix: str = ""
    suppress_author: bool = False


@dataclass(frozen=True, slots=True)
class Citation:
    """A bracketed group `[...]` (parenthetical) or a single narrative `@key`."""

    items: tuple[CiteItem, ...]
    start: int
    end: int
    narrative: bool = False


@dataclass(frozen=True, slots=True)
class EscapedAt:
    """`\\@`: a literal at-sign."""

    start: int
    end: int


Token = Citation | EscapedAt


def scan(markdown: str) -> tuple[Token, ...]:
    """Citations and escaped at-signs of `markdown`, in order, skipping every protected region.

    Cached: the pre-scan of all pages (on_files) and the page pass (on_page_markdown) see the
    same text, so each page is scanned once per build.
    """
    if "@" not in markdown:
        return ()
    return _scan_cached(markdown)


@functools.lru_cache(maxsize=1024)
def _scan_cached(markdown: str) -> tuple[Token, ...]:
    return tuple(_scan(markdown))


def _scan(markdown: str) -> Iterator[Token]:
    definitions = {m.group("id").strip().casefold() for m in REFERENCE_DEFINITION.finditer(markdown)}
    position = 0
    for start, end in code_block_spans(markdown):
        yield from _scan_inline(markdown, position, start, definitions)
        position = end
    yield from _scan_inline(markdown, position, len(markdown), definitions)


Edit = tuple[int, int, str]  # replace text[start:end] with this


def substitutions(markdown: str, replace: Callable[[Citation], str]) -> list[Edit]:
    """The edits that replace each citation by `replace(citation)` and `\\@` by `@`."""
    return [(token.start, token.end, "@" if isinstance(token, EscapedAt) else replace(token)) for token in scan(markdown)]


def substitute(markdown: str, replace: Callable[[Citation], str]) -> str:
    """`markdown` with each citation replaced by `replace(citation)` and `\\@` by `@`."""
    return apply_edits(markdown, substitutions(markdown, replace))


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """`text` with each (start, end, replacement) applied; edits are in order and do not overlap."""
    pieces: list[str] = []
    position = 0
    for start, end, replacement in edits:
        pieces.append(text[position:start])
        pieces.append(replacement)
        position = end
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


def cited_keys(markdown: str) -> list[str]:
    """Every key cited in `markdown`, in order of appearance (with repeats)."""
    return [item.key for token in scan(markdown) if isinstance(token, Citation) for item in token.items]


def _scan_inline(text: str, start: int, end: int, definitions: set[str]) -> Iterator[Token]:
    if "@" not in text[start:end]:
        return
    for match in INLINE.finditer(text, start, end):
        kind = match.lastgroup
        if kind == "escaped_at":
            yield EscapedAt(match.start(), match.end())
        elif kind == "narrative":
            key = match.group("narrative_key")
            at = match.start()
            yield Citation((CiteItem(key, at),), at, match.end(), narrative=True)
        elif kind == "bracket":
            yield from _bracket_tokens(match, definitions)
        elif kind == "reference_link":
            ref_id = (match.group("ref_id") or match.group("ref_text")).strip().casefold()
            if ref_id not in definitions:
                # Not a link: "[@key] [other]" is two bracket groups, each scanned on its own.
                first_end = match.end("ref_text") + 1
                yield from _scan_inline(text, match.start(), first_end, definitions)
                yield from _scan_inline(text, first_end, match.end(), definitions)


def _bracket_tokens(match: re.Match[str], definitions: set[str]) -> Iterator[Token]:
    body = match.group("body")
    body_start = match.start("body")
    if BLANK_LINE.search(body):  # a paragraph break: no bracket spans paragraphs
        yield from _scan_inline(match.string, body_start, match.end("body"), definitions)
        return
    items: list[CiteItem] = []
    offset = body_start
    for part in body.split(";"):
        item = BRACKET_ITEM.match(part)
        if item is None:
            # Not a citation group (e.g. "[mail ann@x.org]"): look for narrative keys inside.
            yield from _scan_inline(match.string, body_start, match.end("body"), definitions)
            return
        items.append(
            CiteItem(
                key=item.group("key"),
                offset=offset + item.start("key") - 1,
                prefix=" ".join(item.group("prefix").split()),
                suffix=" ".join(item.group("suffix").split()),
                suppress_author=bool(item.group("suppress")),
            )
        )
        offset += len(part) + 1
    yield Citation(tuple(items), match.start(), match.end())


def code_spans(markdown: str) -> list[tuple[int, int]]:
    """(start, end) of every code block and every inline code span outside them: what is an
    example, not prose (links.py skips these too)."""
    spans = code_block_spans(markdown)
    inline: list[tuple[int, int]] = []
    position = 0
    for start, end in [*spans, (len(markdown), len(markdown))]:
        inline.extend(m.span() for m in INLINE_CODE.finditer(markdown, position, start))
        position = end
    return sorted(spans + inline)


def code_block_spans(markdown: str) -> list[tuple[int, int]]:
    """(start, end) offsets of fenced and indented code blocks, whole lines.

    Indentation is judged against the enclosing container (admonition, list item, tab), whose
    content Python-Markdown indents by four spaces: text indented four spaces inside `!!! note`
    is prose, eight spaces is code.
    """
    spans: list[tuple[int, int]] = []
    containers: list[int] = []  # content indent of each open container
    fence: tuple[str, int] | None = None  # (fence char, length) while inside a fenced block
    code_indent: int | None = None  # while inside an indented code block
    block_start = 0
    previous_blank = True
    offset = 0
    for line in markdown.splitlines(keepends=True):
        line_start, offset = offset, offset + len(line)
        stripped = line.strip()
        expanded = line.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip(" "))
        if fence is not None:
            char, length = fence
            if stripped.startswith(char * length) and not stripped.strip(char):
                spans.append((block_start, offset))
                fence = None
            continue
        if not stripped:
            previous_blank = True
            continue
        if code_indent is not None:
            if indent >= code_indent:
                continue
            spans.append((block_start, line_start))
            code_indent = None
        if previous_blank:
            while containers and containers[-1] > indent:
                containers.pop()
            base = containers[-1] if containers else 0
            if indent - base >= 4:
                code_indent, block_start = base + 4, line_start
                previous_blank = False
                continue
        previous_blank = False
        opening = FENCE_OPEN.match(line)
        if opening:
            fence_text = opening.group("fence")
            fence, block_start = (fence_text[0], len(fence_text)), line_start
            if fence_text[0] == "`" and "`" in line[opening.end():]:
                fence = None  # "```code```" on one line is inline code, not a fence
            continue
        container = CONTAINER_START.match(expanded)
        if container:
            marker_indent = len(container.group("indent"))
            while containers and containers[-1] > marker_indent:
                containers.pop()
            containers.append(marker_indent + 4)
    if fence is not None or code_indent is not None:
        spans.append((block_start, len(markdown)))
    return _merge_trailing_blank_lines(markdown, spans)


def _merge_trailing_blank_lines(markdown: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Indented blocks end at the next prose line; keep spans ordered and non-overlapping."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
