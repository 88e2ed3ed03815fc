"""Find pandoc-style citations in Markdown, without touching code, math, URLs or e-mail addresses.

Syntax (as in pandoc):

    [@russell2019human]                     parenthetical          (Russell, 2019)
    [@amodei2016concrete, p. 4]             with a locator         (Amodei et al., 2016, p. 4)
    [@amodei2016concrete, 4]                a bare number is a page (Amodei et al., 2016, p. 4)
    [@russell2019human{}, 99 runs]          `{}`: no locator here  (Russell, 2019, 99 runs)
    [see @russell2019human, ch. 3]          with a prefix          (see Russell, 2019, ch. 3)
    [*see* @a, pp. 3&ndash;5, *passim*]     Markdown and entities in prefix and suffix
    [@amodei2016concrete; @bai2022const]    several works          (Amodei et al., 2016; Bai et al., 2022)
    [-@russell2019human]                    year only              (2019)
    @russell2019human says ...              narrative              Russell (2019) says ...
    @russell2019human [p. 33] says ...      narrative with locator Russell (2019, p. 33) says ...
    [@{weird*key}] · @{weird*key}           braced key: any characters but braces

A key starts with a letter, digit or `_` and may contain `: . _ - /` inside (never at its end,
so the full stop in "as shown by @russell2019human." ends the sentence, not the key); any other
key is written in braces. A `;` inside an HTML entity (`&nbsp;`) does not separate items.

Never citations:

- anything in fenced code blocks (``` or ~~~, at any indentation: pymdownx.superfences fences
  inside admonitions and lists count), in indented code blocks, and in inline code spans;
- math, when pymdownx.arithmatex is configured (`$...$`, `\\(...\\)`, `$$...$$`, `\\[...\\]`,
  `\\begin{..}...\\end{..}`, found with arithmatex's own patterns, within one paragraph);
- e-mail addresses (`ann@example.org`), bare URLs (`https://x.org/@foo`), autolinks
  (`<https://x.org/@foo>`), link and image targets (`[text](https://x.org/@foo)`), reference
  definitions (`[id]: https://...`), HTML tags, comments, and <script>/<style>/<pre> elements;
- an escaped `\\@` (written out as a plain `@`);
- link text: `[@foo](https://...)` and `[@foo][id]` (with `[id]: ...` defined) are links, as in
  Markdown; a citation followed directly by a parenthesis or bracket that is NOT a link target
  stays a citation (`[@key][^1]` is a citation and a footnote).

Where HTML cannot hold a citation's link and tooltip (a bracketed citation inside a link's or an
image's text, `![Figure [@key]](x.svg)`; any citation in an attr_list `{ title="... @key" }`),
it is a *plain* citation: rendered as text only.

Malformed groups are located errors, not guesses: `[@key;]` (an empty item), `[@key.]` (only
punctuation after the key, which belongs outside the brackets), `[@key: 4]` (a locator after a
colon, not a comma), `[@ key]` (a space after the '@'), `[@a @b]` (two keys with no ';'), and
`[@key, p. 4` whose ']' never comes in its paragraph.

`scan()` yields the citations, escapes and errors with their offsets; `substitute()` rebuilds
the text. Scanning is linear in the page's length: every pattern either stops at the next
delimiter of its own kind or is possessive, and a closer that is missing once (an unclosed
comment, `<script>` or math paragraph) is never searched for again (`ScanWork` counts it).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from source_text import CODE_SPAN, code_block_spans

KEY = r"[A-Za-z0-9_](?:[A-Za-z0-9_]|[:./-](?=[A-Za-z0-9_]))*"
BRACED_KEY = r"\{[^{}\n]+\}"

# One item of a bracketed citation: "see @key, ch. 3", "-@key", "@{odd key}{}, 99 runs".
BRACKET_ITEM = re.compile(
    rf"""(?xs)
    ^ \s*
    (?P<prefix> [^@]*? )                # free text before the key, e.g. "see"
    (?<![\w\\])                         # '@' not glued to a word (e-mail) or escaped
    (?P<suppress> - )?
    @ (?: \{{ (?P<braced> [^{{}}\n]+ ) \}} | (?P<key> {KEY} ) )
    (?P<no_locator> [ ]? \{{\}} )?      # pandoc's "[@key{{}}, 99 runs]": the suffix is no locator
    (?P<suffix> [^@]*? )                # locator and suffix, e.g. ", p. 12"
    \s* $
    """
)

# Items are separated by ';', but not by the ';' that ends an HTML entity ("p.&nbsp;4").
ITEM_SEPARATOR = re.compile(
    r"""(?x)
      & (?: \#[0-9]{1,7} | \#[xX][0-9A-Fa-f]{1,6} | [A-Za-z][A-Za-z0-9]{1,31} ) ;   # an entity: skip
    | (?P<separator> ; )
    """
)

# A suffix that is only sentence punctuation ("[@key.]"): it belongs outside the brackets.
# (Commas alone, "[@key,]", are simply dropped.)
STRAY_PUNCTUATION = re.compile(r"(?x) ^ [,\s]* [.:!?] [.,:!?\s]* $")
# A locator after a colon ("[@key: 4]"), which would print "(Author, 2016, : 4)".
COLON_LOCATOR = re.compile(r"(?x) ^ \s* : \s* (?P<locator> \S .* ) $")
# An '@' where a key should start, in a part that BRACKET_ITEM does not read: "[@ key]", with a
# space after the '@', or "[@a @b]", two keys with no ';' between.
SPACED_AT = re.compile(rf"(?<![\w\\])-?@\s+(?P<key>{KEY})")
AT_KEY = re.compile(rf"(?<![\w\\])-?@(?:{BRACED_KEY}|{KEY})")
# A '[' a short way before a narrative key, on its line, with no ']' after it in the paragraph:
# "[@key, p. 4 and text." was meant as a bracketed citation.
# (Not an escaped "\[", and nothing code-like or tag-like between: "`[` @key" is a code span.)
OPEN_BRACKET_BEFORE = re.compile(r"(?<!\\)\[[^\[\]\n@`<>]{0,40}$")


# Reference-style link definitions: "[id]: https://..." (their ids make "[text][id]" a link).
REFERENCE_DEFINITION = re.compile(
    r"""(?xm) ^ [ ]{0,3} \[ (?P<id> [^\]\n]+ ) \] : [ \t]* \S+
        (?: [ \t]+ (?: "[^"\n]*" | '[^'\n]*' | \([^)\n]*\) ) )? [ \t]* $"""
)

# One attribute of an attr_list: `#id`, `.class` or `key="value"`.
ATTRIBUTE = r"""(?: [#.][\w-]+ | [\w-]+ = (?: "[^"\n]*" | '[^'\n]*' | [^\s{}"']+ ) )"""

# Everything the citation pass must step over or act on, leftmost match wins; at the same
# position the first alternative wins, so protected constructs come before citations.
# Constructs whose end may be far away are matched by their opening only (`comment_open`,
# `raw_open`, `math_open`); the scanner finds their end once (see `_Closers`).
INLINE_TEMPLATE = rf"""(?xs)
    (?= [`<!\[\]\\@hfw{{$] )             # cheap filter: every alternative starts with one of these
    (?:
      (?P<code> {CODE_SPAN} )
    | (?P<comment_open> <!-- )
    | (?P<raw_open> < (?P<element> script | style | pre | code | textarea | svg | math) \b [^<>]* > )
    | (?P<autolink> < [A-Za-z][A-Za-z0-9+.-]{{1,31}} : [^\s<>]* > | < [^\s<>@]+ @ [^\s<>]+ > )
    | (?P<tag> </? [A-Za-z][A-Za-z0-9:-]* (?: \s [^<>]* )? /? > )
    MATH
    | (?P<link> !? \[ (?P<link_text> (?: [^\[\]] | \[ [^\[\]]* \] )*+ ) \]
                \( (?: [^()\s] | \( [^()\s]* \) )*+ (?: \s+ (?: "[^"]*" | '[^']*' | \([^)]*\) ) )? \s* \) )
    | (?P<reference_link> \[ (?P<ref_text> [^\[\]]*+ ) \] [ ]? \[ (?P<ref_id> (?!\^) [^\[\]]*+ ) \] )
    | (?P<link_target> \] \( [^)\n]*+ \) )
    | (?P<definition> (?: (?<![^\n]) | (?<=\n[ ]) | (?<=\n[ ]{{2}}) | (?<=\n[ ]{{3}}) )
                      \[ [^\]\n]+ \] : [ \t]* \S+
                      (?: [ \t]+ (?: "[^"\n]*" | '[^'\n]*' | \([^)\n]*\) ) )? [ \t]* $ )
    | (?P<url> \b (?: https? | ftp ) :// [^\s<>\[\]()"']+ (?: \( [^\s()]* \) [^\s<>\[\]()"']* )*
             | \b www \. [A-Za-z0-9-]+ \. [^\s<>\[\]()"']+ )
    | (?P<escaped_at> \\ @ )
    | (?P<bracket> \[ (?P<body> [^\[\]@]*+ @ [^\[\]]*+ ) \] )
    | (?P<attr_list> \{{ :? [ \t]* {ATTRIBUTE} (?: [ \t]+ {ATTRIBUTE} )*+ [ \t]* \}} )
    | (?P<narrative> (?<![\w\\/@.:+=?&%-]) @ (?: \{{ (?P<narrative_braced> [^{{}}\n]+ ) \}} | (?P<narrative_key> {KEY} ) )
                     (?: [ ] \[ (?!\^) (?P<narrative_locator> [^\[\]@\n]*+ ) \] (?! [(\[:] ) )? )
    )
    """
# Math openers, only when pymdownx.arithmatex is configured; its own patterns decide the rest.
MATH_OPEN = r"| (?P<math_open> \$ | \\\( | \\\[ | \\begin\{ )"

BLANK_LINE = re.compile(r"\n[ \t]*\n")


@functools.cache
def inline_pattern(math: bool) -> re.Pattern[str]:
    return re.compile(INLINE_TEMPLATE.replace("MATH", MATH_OPEN if math else ""), re.MULTILINE)


@dataclass(frozen=True)
class MathSyntax:
    """Which math pymdownx.arithmatex finds: its regex sources for the configured forms."""

    patterns: tuple[str, ...] = ()

    @functools.cached_property
    def regex(self) -> re.Pattern[str] | None:
        return (
            re.compile("|".join(f"(?:{p})" for p in self.patterns), re.DOTALL)
            if self.patterns
            else None
        )


NO_MATH = MathSyntax()


def arithmatex_math(config: dict | None) -> MathSyntax:
    """The math forms of an arithmatex configuration (`None`: arithmatex is not in use), with
    arithmatex's own regular expressions (public module constants), so a citation is never
    looked for where arithmatex will see math."""
    if config is None:
        return NO_MATH
    from pymdownx import arithmatex

    inline = set(config.get("inline_syntax", ["dollar", "round"]))
    block = set(config.get("block_syntax", ["dollar", "square", "begin"]))
    patterns = []
    if "dollar" in block:
        patterns.append(arithmatex.RE_DOLLAR_BLOCK)
    if "square" in block:
        patterns.append(arithmatex.RE_BRACKET_BLOCK)
    if "begin" in block:
        patterns.append(arithmatex.RE_TEX_BLOCK)
    if "dollar" in inline:
        patterns.append(
            arithmatex.RE_SMART_DOLLAR_INLINE
            if config.get("smart_dollar", True)
            else arithmatex.RE_DOLLAR_INLINE
        )
    if "round" in inline:
        patterns.append(arithmatex.RE_BRACKET_INLINE)
    return MathSyntax(tuple(patterns))


@dataclass(frozen=True, slots=True)
class CiteItem:
    """One work in a citation: `[see @key, p. 3]` → prefix "see", key, suffix ", p. 3"."""

    key: str
    offset: int  # of the '@' in the scanned text
    prefix: str = ""
    suffix: str = ""
    suppress_author: bool = False
    locator: bool = True  # False after pandoc's `{}`: a leading number in the suffix is no page


@dataclass(frozen=True, slots=True)
class Citation:
    """A bracketed group `[...]` (parenthetical) or a single narrative `@key`. `plain`: where
    HTML cannot hold a link (link or image text, attributes): rendered as text only."""

    items: tuple[CiteItem, ...]
    start: int
    end: int
    narrative: bool = False
    plain: bool = False


@dataclass(frozen=True, slots=True)
class EscapedAt:
    """`\\@`: a literal at-sign."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Malformed:
    """Citation syntax that means nothing certain (`[@key;]`): reported, the text left alone."""

    start: int
    end: int
    offset: int  # where the problem is
    message: str


Token = Citation | EscapedAt | Malformed


@dataclass
class ScanWork:
    """How many characters the scanner went over (searches, and looking for closers): what the
    linear-time tests count instead of timing it."""

    characters: int = 0


@dataclass
class _Context:
    """One page's scan: its reference-link ids, math, the closers known to be missing, work."""

    definitions: set[str]
    math: MathSyntax
    work: ScanWork
    # closer -> (start, end) without it
    missing: dict[str, tuple[int, int]] = field(default_factory=dict)
    # searched from, paragraph end, a blank line was found
    paragraph: tuple[int, int, bool] = (
        0,
        -1,
        False,
    )

    @property
    def inline(self) -> re.Pattern[str]:
        return inline_pattern(self.math.regex is not None)

    def closer(
        self, text: str, closer: re.Pattern[str] | str, name: str, start: int, end: int
    ) -> int | None:
        """End of the first `closer` in text[start:end], or None; once a closer is missing from
        some stretch of text, it is never searched for inside that stretch again."""
        known_start, known_end = self.missing.get(name, (end + 1, -1))
        if known_start <= start and end <= known_end:
            return None
        if isinstance(closer, str):
            found = text.find(closer, start, end)
            stop = -1 if found < 0 else found + len(closer)
        else:
            match = closer.search(text, start, end)
            stop = -1 if match is None else match.end()
        self.work.characters += (end if stop < 0 else stop) - start
        if stop < 0:
            self.missing[name] = (start, end)
            return None
        return stop

    def paragraph_end(self, text: str, start: int, end: int) -> int:
        """Where the paragraph around `start` ends (a blank line), at most `end`."""
        searched_from, stop, blank = self.paragraph
        if not (searched_from <= start < stop and (blank or end <= stop)):
            found = BLANK_LINE.search(text, start, end)
            stop = found.start() if found else end
            self.work.characters += stop - start
            self.paragraph = (start, stop, found is not None)
        return min(stop, end)


def scan(
    markdown: str, math: MathSyntax = NO_MATH, work: ScanWork | None = None
) -> tuple[Token, ...]:
    """Citations, escaped at-signs and malformed citations of `markdown`, in order, skipping
    every protected region.

    Cached: the pre-scan of all pages (on_files) and the page pass (on_page_markdown) see the
    same text, so each page is scanned once per build.
    """
    if "@" not in markdown:
        return ()
    if work is not None:
        return tuple(_scan(markdown, math, work))
    return _scan_cached(markdown, math)


@functools.lru_cache(maxsize=1024)
def _scan_cached(markdown: str, math: MathSyntax) -> tuple[Token, ...]:
    return tuple(_scan(markdown, math, ScanWork()))


def _scan(markdown: str, math: MathSyntax, work: ScanWork) -> Iterator[Token]:
    definitions = {
        m.group("id").strip().casefold() for m in REFERENCE_DEFINITION.finditer(markdown)
    }
    context = _Context(definitions, math, work)
    position = 0
    for start, end in code_block_spans(markdown):
        yield from _scan_inline(markdown, position, start, context)
        position = end
    yield from _scan_inline(markdown, position, len(markdown), context)


Edit = tuple[int, int, str]  # replace text[start:end] with this


def substitutions(
    markdown: str, replace: Callable[[Citation], str], math: MathSyntax = NO_MATH
) -> list[Edit]:
    """The edits that replace each citation by `replace(citation)` and `\\@` by `@`."""
    return [
        (token.start, token.end, "@" if isinstance(token, EscapedAt) else replace(token))
        for token in scan(markdown, math)
        if not isinstance(token, Malformed)
    ]


def substitute(
    markdown: str, replace: Callable[[Citation], str], math: MathSyntax = NO_MATH
) -> str:
    """`markdown` with each citation replaced by `replace(citation)` and `\\@` by `@`."""
    return apply_edits(markdown, substitutions(markdown, replace, math))


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


def cited_keys(markdown: str, math: MathSyntax = NO_MATH) -> list[str]:
    """Every key cited in `markdown`, in order of appearance (with repeats)."""
    return [
        item.key
        for token in scan(markdown, math)
        if isinstance(token, Citation)
        for item in token.items
    ]


def _scan_inline(
    text: str,
    start: int,
    end: int,
    context: _Context,
    *,
    plain: bool = False,
    narratives: bool = True,
) -> Iterator[Token]:
    """The tokens of text[start:end]. `plain`: inside link text or an attr_list (citations
    there are plain text); `narratives`: whether a bare `@key` counts (not in link text)."""
    if text.find("@", start, end) < 0:
        return
    pattern = context.inline
    position = start
    while position < end:
        match = pattern.search(text, position, end)
        if match is None:
            context.work.characters += end - position
            return
        context.work.characters += match.end() - position
        kind, position = match.lastgroup, match.end()
        if kind == "escaped_at":
            yield EscapedAt(match.start(), match.end())
        elif kind == "narrative":
            if narratives:
                yield _unclosed_bracket(text, match.start(), match.end()) or _narrative(
                    match, plain
                )
        elif kind == "bracket":
            yield from _bracket_tokens(match, context, plain)
        elif kind == "comment_open":
            position = context.closer(text, "-->", "comment", position, end) or position
        elif kind == "raw_open":
            element = match.group("element").lower()
            position = (
                context.closer(text, _closing_tag(element), element, position, end) or position
            )
        elif kind == "math_open":
            position = _math_end(text, match.start(), end, context) or position
        elif kind == "link":
            text_start, text_end = match.span("link_text")
            if text.find("[", text_start, text_end) >= 0:  # "![Figure [@key]](x.svg)"
                yield from _scan_inline(
                    text, text_start, text_end, context, plain=True, narratives=False
                )
        elif kind == "attr_list":
            yield from _scan_inline(text, match.start() + 1, match.end() - 1, context, plain=True)
        elif kind == "reference_link":
            ref_id = (match.group("ref_id") or match.group("ref_text")).strip().casefold()
            if ref_id not in context.definitions:
                # Not a link: "[@key] [other]" is two bracket groups, each scanned on its own.
                first_end = match.end("ref_text") + 1
                yield from _scan_inline(
                    text, match.start(), first_end, context, plain=plain, narratives=narratives
                )
                yield from _scan_inline(
                    text, first_end, match.end(), context, plain=plain, narratives=narratives
                )


@functools.cache
def _closing_tag(element: str) -> re.Pattern[str]:
    return re.compile(rf"</{element}\s*>", re.IGNORECASE)


def _math_end(text: str, start: int, end: int, context: _Context) -> int | None:
    """End of the math starting at `start` (arithmatex's patterns, within its paragraph)."""
    regex = context.math.regex
    assert regex is not None
    paragraph_end = context.paragraph_end(text, start, end)
    found = regex.match(text, start, paragraph_end)
    return found.end() if found is not None and found.end() > start else None


def _narrative(match: re.Match[str], plain: bool) -> Citation:
    key = match.group("narrative_braced") or match.group("narrative_key")
    locator = match.group("narrative_locator")
    suffix = " ".join(locator.split()) if locator is not None else ""
    at = match.start()
    return Citation(
        (CiteItem(key, at, suffix=suffix),), at, match.end(), narrative=True, plain=plain
    )


def _near_miss(group: str, part: str, part_start: int) -> Malformed | None:
    """The error for a bracketed part that was meant as a citation but is not one: a space
    after the '@' ("[@ key]"), or two keys without a ';' ("[@a @b]")."""
    if spaced := SPACED_AT.search(part):
        return Malformed(
            part_start - 1,
            part_start + len(part) + 1,
            part_start + spaced.start(),
            f"citation '{group}' has a space between '@' and its key; write '@{spaced['key']}'",
        )
    keys = AT_KEY.findall(part)
    if len(keys) > 1:
        return Malformed(
            part_start - 1,
            part_start + len(part) + 1,
            part_start + part.index(keys[1]),
            f"citation '{group}' names {len(keys)} works without ';' between them; write "
            f"'[{'; '.join(keys)}]'",
        )
    return None


def _unclosed_bracket(text: str, at: int, key_end: int) -> Malformed | None:
    """A narrative key right after an unclosed '[' ("[@key, p. 4 and more.", the ']' forgotten),
    which would print the '[' and the locator as they are."""
    line_start = text.rfind("\n", 0, at) + 1
    opening = OPEN_BRACKET_BEFORE.search(text, line_start, at)
    if opening is None:
        return None
    paragraph_end = BLANK_LINE.search(text, at)
    rest = text[at : paragraph_end.start() if paragraph_end else len(text)]
    if "]" in rest:
        return None
    return Malformed(
        opening.start(),
        at,
        opening.start(),
        f"a '[' opens the citation '{text[opening.start() : key_end]}' but its paragraph never "
        "closes it; add ']' after the citation's locator, e.g. '[@key, p. 4]'",
    )


def _split_items(body: str) -> list[tuple[int, str]]:
    """`body` split at its item separators, each part with its offset in `body`."""
    parts: list[tuple[int, str]] = []
    start = 0
    for separator in ITEM_SEPARATOR.finditer(body):
        if separator.group("separator"):
            parts.append((start, body[start : separator.start()]))
            start = separator.end()
    parts.append((start, body[start:]))
    return parts


def _bracket_tokens(match: re.Match[str], context: _Context, plain: bool) -> Iterator[Token]:
    body = match.group("body")
    body_start = match.start("body")
    if BLANK_LINE.search(body):  # a paragraph break: no bracket spans paragraphs
        yield from _scan_inline(match.string, body_start, match.end("body"), context, plain=plain)
        return
    group = match.group()
    items: list[CiteItem] = []
    empty: list[int] = []
    for offset, part in _split_items(body):
        if not part.strip():
            empty.append(body_start + max(offset - 1, 0))  # at its ';'
            continue
        item = BRACKET_ITEM.match(part)
        if item is None and (problem := _near_miss(group, part, body_start + offset)):
            yield problem
            return
        if item is None:
            # Not a citation group (e.g. "[mail ann@x.org]"): look for narrative keys inside.
            yield from _scan_inline(
                match.string, body_start, match.end("body"), context, plain=plain
            )
            return
        suffix = " ".join(item.group("suffix").split())
        if not suffix.strip(", "):
            suffix = ""
        key_text = part[item.end("prefix") : item.start("suffix")].strip()
        if colon := COLON_LOCATOR.match(suffix):
            slip = (
                f"citation '{group}' has a locator after a colon; write it after a comma, "
                f"e.g. '[{key_text}, {colon['locator']}]'"
            )
        elif STRAY_PUNCTUATION.match(suffix):
            slip = (
                f"citation '{group}' ends with '{suffix}' right after its key; put the "
                f"punctuation outside the brackets, e.g. '[{key_text}]{suffix}'"
            )
        else:
            slip = ""
        if slip:
            yield Malformed(
                match.start(), match.end(), body_start + offset + item.start("suffix"), slip
            )
            return
        items.append(
            CiteItem(
                key=item.group("braced") or item.group("key"),
                offset=body_start + offset + item.end("prefix") + len(item.group("suppress") or ""),
                prefix=" ".join(item.group("prefix").split()),
                suffix=suffix,
                suppress_author=bool(item.group("suppress")),
                locator=item.group("no_locator") is None,
            )
        )
    if empty:
        where = empty[0]
        yield Malformed(
            match.start(),
            match.end(),
            where,
            f"citation '{group}' has an empty item (a ';' with no @key beside it); "
            "remove the extra ';'",
        )
        return
    yield Citation(tuple(items), match.start(), match.end(), plain=plain)
