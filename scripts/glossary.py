"""Site-wide hover definitions, taken from the glossary page itself.

`docs/glossary.md` is the single source: a Markdown definition list whose terms may end with an
abbreviation in parentheses. Each term (and its abbreviation, lower-case and plural forms) becomes
an entry of Python-Markdown's `abbr` glossary, so pages mark it and show the first sentence of
its definition in a hover box. Code is never touched (the `abbr` extension skips code).

    Reinforcement learning from human feedback (RLHF)
    :   A training method in which people compare model outputs, ...

gives hovers on "Reinforcement learning from human feedback", "reinforcement learning from human
feedback" and "RLHF". Terms named in a `<!-- no-hover: A, B -->` comment are defined on the
glossary page but not marked elsewhere (they are too common in ordinary prose).

A term is marked at its first use in the page's lead (before the first `<h2>`: the "In one
minute" box) and at its first use in the body after it, never in a
heading, never inside a link's text (no underline on an underline, no control in a control),
not on the page whose title names it (Goodhart's Law on "Goodhart's Law": the whole page
explains it; `terms_named_by`), and not at all on the glossary page, where a hover would only
repeat the text (`tidy_hovers`, on_page_content). In the finished page (`hover_tips`, on_post_page, after the search index is
made) each marked term gets the same CSS-only tooltip as a citation (citations.css): shown on
hover and on keyboard focus or a tap (the term is focusable), hidden by Escape (citations.js).
Like a citation, whose link goes to its References entry, a term is a link to its glossary
entry: `role="link"`, named by its own text and described by the tooltip, and Enter or a click
follows the tooltip's "In the glossary" link (citations.js; a tap on a touch screen only opens
the tooltip). It stays an `<abbr>`, not an `<a>`, because the book is printed from these pages
and prints an `<abbr>` as plain text (scripts/book_pdf) but an `<a>` as a link.
A term's entry may end with a paragraph of related terms, the words a newcomer searches for
where the guide uses another (`RELATED_TERMS`):

    Corrigibility
    :   The disposition of a system to accept correction, ...

        Related terms: kill switch, turning it off.

The glossary page shows the line; the term's search entry carries them as its tags, so that a
search for one finds the term (scripts/glossary_search.py). They get no hovers.
The hover text is plain text: the first sentence of the definition's rendered Markdown,
unescaped once and escaped again into the tooltip, so nothing in a definition is ever markup
(Material's own abbreviation tooltips would render the `title` as HTML, which is why terms
keep no `title`).
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

import search_words
from glossary_search import term_anchor
from source_text import Diagnostic, ProblemsFound, code_block_spans, code_spans, fail
from text_files import decode_utf8

GLOSSARY_URI = "glossary.md"
TERM_LINE = re.compile(
    r"""(?xm)
    ^(?P<term>[^\s:#<*\-][^\n]*)\n      # a term on its own line, not a heading/comment/list
    :\ {3}(?P<body>[^\n]*             # its definition,
      (?:\n(?:\ {4}|\ {0,3}\t)[^\n]*)*)  # continued by indented lines (a tab is four columns)
    """
)
ABBREVIATION = re.compile(r"^(?P<base>.+?)\s+\((?P<abbr>[A-Z][A-Za-z-]*)\)$")
# A line that starts a definition, or a slip that looks like one: up to three spaces, a colon,
# then any spaces or a tab before the text.
DEFINITION_START = re.compile(r"(?P<lead>[ ]{0,3}:[ \t]*)(?=\S)")
# What Python-Markdown's def_list reads as one (after expanding tabs to four columns).
DEF_LIST_START = re.compile(r"[ ]{0,3}:[ ]{1,3}")
WELL_FORMED_START = ":   "
# What def_list and TERM_LINE both read alike: a colon at the start of the line, three to six
# spaces (seven or more put the text in a paragraph of its own, eleven or more in a code block).
READ_ALIKE = re.compile(r":[ ]{3,6}")
TERM_START = re.compile(r"[^\s:#<*\-]")  # as TERM_LINE's term: not a heading, comment, list
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# The last paragraph of a definition: "Related terms: kill switch, turning it off." (a line of
# its own, indented four spaces, after a blank line). RELATED_ATTEMPT also finds the slips.
RELATED_TERMS = re.compile(r"^[ ]{4}Related terms: (?P<list>\S.*)$")
RELATED_ATTEMPT = re.compile(r"(?i)^[ \t]*(?:[*_]{1,2})?related[ \t]+terms?[*_]{0,2}[ \t]*[:*_]")
# What a related term may not hold: Markdown or HTML (it is shown and searched as plain text).
RELATED_MARKUP = re.compile(r"[\[\]*_`<>|]")

NO_HOVER = re.compile(r"<!--\s*no-hover:(?P<names>[^>]*?)-->")
# A glossary section heading naming the letters it holds: "## A–C", "## R" (any dash).
LETTER_HEADING = re.compile(
    r"(?xm) ^\#\#[ ]+ (?P<range> (?P<first> [A-Z] ) (?: [ ]* [-–—] [ ]* (?P<last> [A-Z] ) )? ) [ ]* $"
)
FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s|$)")
TAG = re.compile(r"<[^>]*>")
# What on_page_content looks at: section and heading boundaries, links, and marked terms.
HOVER_CONTEXT = re.compile(
    r"""(?xs)
      (?P<heading> <h(?P<level>[1-6])\b [^>]* > .*? </h(?P=level)> )
    | (?P<card> <div \s+ class="ae-card (?: \s [^"]* )? " [^>]* > (?: (?!<div\b) . )*? </div> )
    | (?P<link_open> <a (?= [\s>] ) )
    | (?P<link_close> </a> )
    | (?P<fold_open> <details\b (?P<fold_attributes> [^>]* ) > )
    | (?P<fold_close> </details> )
    | (?P<abbr> <abbr\b (?P<attributes> [^>]* ) > (?P<term> .*? ) </abbr> )
    """
)
ABBR_TAG = re.compile(r"<abbr\b[^>]*>(.*?)</abbr>", re.DOTALL)
TITLED_ABBR = re.compile(r"""(?xs) <abbr \s+ title="(?P<title>[^"]*)" > (?P<term> .*? ) </abbr>""")
TITLE_ATTRIBUTE = re.compile(r"""(?x) \b title="(?P<title>[^"]*)" """)
OPEN_ATTRIBUTE = re.compile(r"\bopen\b")  # a <details> shown open
HOVER_TIP = (
    '<span class="glossary-term"><abbr class="glossary-term__name"{role} tabindex="0" '
    'aria-describedby="{id}">{term}</abbr><span class="glossary-term__tip hover-tip" '
    'role="tooltip" id="{id}">{text}{more}</span></span>'
)
# A term with an entry to go to is a link to it (Enter and a click follow MORE_LINK,
# citations.js): the role a screen reader announces, with the term's text as its name (an
# <abbr> of no role, a generic element, may have no name).
LINK_ROLE = ' role="link"'
# After the definition, for touch screens (as a citation's "Full reference"): the whole entry,
# which links on to where a chapter puts the term to work. Out of the Tab order, as the term
# itself leads there from the keyboard.
MORE_LINK = ' <a class="glossary-term__more" href="{href}" tabindex="-1">In the glossary</a>'


@dataclass(frozen=True)
class Term:
    """One glossary entry: what it is called, its short form, and the hover text."""

    name: str
    abbreviation: str | None
    definition: str
    line: int
    related: tuple[str, ...] = ()  # its "Related terms:" line, in order

    @property
    def hover(self) -> str:
        """The first sentence of the definition, as plain text (Markdown rendered, tags dropped)."""
        return first_sentence(plain_text(self.definition))

    def spellings(self) -> list[str]:
        """The forms a chapter may use: as written, lower-cased first letter, plural."""
        forms: list[str] = []
        bases = [self.name]
        if self.name[1:2].islower():  # "Reward model" -> "reward model", but "KL penalty" stays
            bases.append(self.name[:1].lower() + self.name[1:])
        for base in bases:
            forms += [base, plural(base)]
        if self.abbreviation:
            forms += [self.abbreviation, self.abbreviation + "s"]
        return list(dict.fromkeys(forms))


def first_sentence(text: str) -> str:
    """Up to the first full stop, question or exclamation mark that ends a word (whitespace
    collapsed); the whole text when there is none."""
    text = " ".join(text.split())
    match = FIRST_SENTENCE.match(text)
    return match.group(1) if match else text


def plural(noun_phrase: str) -> str:
    """English plural of a phrase's last word; words that rarely take one are left as they are."""
    if noun_phrase.endswith(("s", "ing", "AI", "Law")):
        return noun_phrase
    if noun_phrase.endswith(("x", "ch", "sh")):
        return noun_phrase + "es"
    if noun_phrase.endswith("y") and noun_phrase[-2:-1] not in "aeiou":
        return noun_phrase[:-1] + "ies"
    return noun_phrase + "s"


def name_and_abbreviation(term: str) -> tuple[str, str | None]:
    """ "Reinforcement learning from human feedback (RLHF)" -> (its name, "RLHF")."""
    abbr = ABBREVIATION.match(term)
    return (abbr.group("base"), abbr.group("abbr")) if abbr else (term, None)


def parse_glossary(text: str) -> list[Term]:
    terms = []
    related = dict(related_lines(text))
    matches = list(TERM_LINE.finditer(text))
    for i, match in enumerate(matches):
        name, short = name_and_abbreviation(match.group("term").strip())
        line = text.count("\n", 0, match.start()) + 1
        end = text.count("\n", 0, matches[i + 1].start()) + 1 if i + 1 < len(matches) else None
        mine = [words for at, words in related.items() if at > line and (end is None or at < end)]
        terms.append(Term(name, short, match.group("body").strip(), line, mine[0] if mine else ()))
    return terms


def related_terms(line: str) -> tuple[str, ...] | None:
    """The related terms a well-formed "Related terms:" line lists (None for any other line)."""
    found = RELATED_TERMS.match(line)
    if not found:
        return None
    listed = found.group("list").strip()
    listed = listed.removesuffix(".").rstrip()
    return tuple(" ".join(item.split()) for item in listed.split(","))


def related_lines(text: str) -> list[tuple[int, tuple[str, ...]]]:
    """(line number, related terms) of each well-formed "Related terms:" line that ends an
    entry, outside comments."""
    lines = text.split("\n")
    hidden = _comment_lines(text)
    found = []
    for index, line in enumerate(lines):
        words = related_terms(line)
        if words is not None and index not in hidden and _ends_an_entry(lines, index):
            found.append((index + 1, words))
    return found


def _ends_an_entry(lines: list[str], index: int) -> bool:
    """Whether the line at `index` is a paragraph of its own at the end of a definition: a blank
    line above it, a definition's line above that, and a blank line (or the end) below it."""
    above = lines[index - 2] if index >= 2 else ""
    return (
        index >= 2
        and not lines[index - 1].strip()
        and (DEFINITION_START.match(above) is not None or above.startswith("    "))
        and (index + 1 == len(lines) or not lines[index + 1].strip())
    )


def no_hover_names(text: str) -> set[str]:
    names: set[str] = set()
    for match in NO_HOVER.finditer(text):
        names.update(n.strip().lower() for n in match.group("names").split(",") if n.strip())
    return names


def plain_text(markdown_text: str) -> str:
    """What a reader sees of some Markdown: rendered, tags dropped, entities decoded."""
    rendered = _markdown().reset().convert(markdown_text)
    return html.unescape(TAG.sub("", rendered))


@functools.cache
def _markdown() -> markdown.Markdown:
    return markdown.Markdown()


def read_glossary(path: Path, display_name: str) -> str:
    """The glossary's text; a located error for a file that is not UTF-8 text."""
    text = decode_utf8(path.read_bytes(), display_name, binary_ok=False)
    if isinstance(text, Diagnostic):
        raise ProblemsFound([text])
    return text


def hover_definitions(
    glossary_path: Path, display_name: str = "docs/glossary.md"
) -> dict[str, str]:
    """The `abbr` extension's glossary: every spelling of every hover term -> its hover text."""
    text = read_glossary(glossary_path, display_name)
    fail(glossary_problems(text, display_name))
    skip = no_hover_names(text)
    definitions: dict[str, str] = {}
    for term in parse_glossary(text):
        if (
            term.name.lower() in skip or not term.hover
        ):  # nothing to show (e.g. only a link definition)
            continue
        for spelling in term.spellings():
            definitions.setdefault(spelling, term.hover)
    return definitions


def entry_anchors(glossary_path: Path, display_name: str = "docs/glossary.md") -> dict[str, str]:
    """Each hover text -> the id its term's entry gets on the glossary page (the glossary page's
    <dt> ids, glossary_search.anchor_terms), for the tooltip's link to the whole entry."""
    text = read_glossary(glossary_path, display_name)
    anchors: dict[str, str] = {}
    for term in parse_glossary(text):
        shown = plain_text(term.name + (f" ({term.abbreviation})" if term.abbreviation else ""))
        anchors.setdefault(term.hover, term_anchor(" ".join(shown.split())))
    return anchors


def glossary_problems(text: str, display_name: str) -> list[Diagnostic]:
    """What would make hovers silently wrong (so the build stops on it): a spelling that two
    terms share (the hover would show the first one's definition), a `no-hover` name that is no
    term (the term it meant is underlined after all), and slips of the definition-list syntax
    (`definition_syntax_problems`: a term with no hover, or a glossary page rendered wrong)."""
    terms = parse_glossary(text)
    problems: list[Diagnostic] = []
    owner: dict[str, Term] = {}
    for term in terms:
        for spelling in term.spellings():
            first = owner.setdefault(spelling.lower(), term)
            if first is not term:
                what = (
                    "is defined twice"
                    if first.name == term.name
                    else f"shares the spelling '{spelling}' with '{first.name}'"
                )
                problems.append(
                    Diagnostic(
                        display_name,
                        term.line,
                        f"term '{term.name}' {what} (first at line {first.line}); "
                        "merge the two entries or rename one",
                    )
                )
                break
    problems.extend(definition_syntax_problems(text, display_name))
    problems.extend(related_terms_problems(text, display_name))
    names = {term.name.lower() for term in terms}
    for match in NO_HOVER.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        problems.extend(
            Diagnostic(
                display_name,
                line,
                f"no-hover names '{name}', which is not a term of the "
                "glossary; correct the name or remove it from the comment",
            )
            for name in (n.strip() for n in match.group("names").split(","))
            if name and name.lower() not in names
        )
    return sorted(problems)


def related_terms_problems(text: str, display_name: str) -> list[Diagnostic]:
    """What would keep a "Related terms:" line from working: written otherwise than
    `    Related terms: a, b` (indented four spaces, a paragraph of its own at the end of an
    entry, on one line), an empty or marked-up item, one that search could never find (only
    common words and single letters, which search leaves out: scripts/search_words.py), one that
    is already a term's name or abbreviation, or one listed under two terms."""
    lines = text.split("\n")
    hidden = _comment_lines(text)
    spellings = {s.lower(): t.name for t in parse_glossary(text) for s in t.spellings()}
    problems: list[Diagnostic] = []
    listed: dict[str, int] = {}
    form = "'    Related terms: a, b' (indented four spaces, on one line)"
    for index, line in enumerate(lines):
        if index in hidden or not RELATED_ATTEMPT.match(line):
            continue
        where = display_name, index + 1
        words = related_terms(line)
        if words is None:
            problems.append(Diagnostic(*where, f"a malformed 'Related terms:' line; write {form}"))
            continue
        if not _ends_an_entry(lines, index):
            problems.append(
                Diagnostic(
                    *where,
                    "a 'Related terms:' line must be the last paragraph of a term's definition: "
                    "a blank line above it (below the definition) and below it, "
                    f"written {form}",
                )
            )
            continue
        for word in words:
            if not word:
                problems.append(
                    Diagnostic(*where, "an empty related term (two commas, or one at the end)")
                )
            elif RELATED_MARKUP.search(word):
                problems.append(
                    Diagnostic(
                        *where,
                        f"related term '{word}' holds Markdown or HTML; write it as plain text",
                    )
                )
            elif not search_words.searchable_words(word):
                problems.append(
                    Diagnostic(
                        *where,
                        f"related term '{word}' could never be found: search leaves out common "
                        "words and single letters; name it with a more specific word",
                    )
                )
            elif word.lower() in spellings:
                problems.append(
                    Diagnostic(
                        *where,
                        f"related term '{word}' is already the glossary term "
                        f"'{spellings[word.lower()]}'; remove it from the list",
                    )
                )
            elif word.lower() in listed:
                problems.append(
                    Diagnostic(
                        *where,
                        f"related term '{word}' is listed twice (first at line "
                        f"{listed[word.lower()]}); keep it under one term",
                    )
                )
            else:
                listed[word.lower()] = index + 1
    return problems


def definition_syntax_problems(text: str, display_name: str) -> list[Diagnostic]:
    """Slips in the definition list that Python-Markdown's def_list reads differently from
    TERM_LINE, so that the glossary page or a hover comes out wrong without an error:

    - a definition not written `:   ` (a colon, three spaces; up to six read the same) at the
      start of its line: TERM_LINE skips it, so the term gets no hover (with no space after the
      colon, def_list too: the term and the definition become one paragraph);
    - a line right below a definition's first line, indented less than four spaces and not
      after a blank line: def_list takes everything up to the next blank line into the
      definition, so a term there becomes a nested `<dl>` inside it (write a blank line before
      the next term), and a continuation line so indented cuts the hover short (indent it four
      spaces); after four-space continuation lines such a line falls out of the definition;
    - a blank line between a term and its definition (TERM_LINE misses it: no hover), or a
      definition with no term above it (e.g. right below a heading).
    """
    lines = text.split("\n")
    hidden = _hidden_lines(text)
    problems: list[Diagnostic] = []
    name = "a term"  # of the definition being read

    def report(index: int, message: str) -> None:
        problems.append(Diagnostic(display_name, index + 1, message))

    for index, line in enumerate(lines):
        start = DEFINITION_START.match(line)
        if index in hidden or not start:
            continue
        above = _term_above(lines, hidden, index)
        if above != "continued":
            name = f"'{above[1].strip()}'" if above else "a term"
        lead = start.group("lead")
        if not READ_ALIKE.fullmatch(lead):
            report(
                index,
                f"the definition of {name} starts {lead!r}; write {WELL_FORMED_START!r} "
                "(a colon and three spaces) at the start of the line",
            )
        if above is None:
            report(index, "this definition has no term on the line above it; write the term there")
        elif above != "continued" and above[0] != index - 1:
            report(
                above[0],
                f"a blank line separates the term {name} from its definition (line {index + 1}); "
                "remove it, so that the term gets its hover definition",
            )
        if DEF_LIST_START.match(line.expandtabs(4)):
            problems.extend(_continuation_problems(lines, hidden, index, name, display_name))
    return problems


def _hidden_lines(text: str) -> set[int]:
    """Line indexes inside HTML comments and code blocks: not the definition list."""
    hidden: set[int] = set()
    for start, end in [*(m.span() for m in COMMENT.finditer(text)), *code_block_spans(text)]:
        first = text.count("\n", 0, start)
        hidden.update(range(first, first + text.count("\n", start, max(start, end - 1)) + 1))
    return hidden


def _comment_lines(text: str) -> set[int]:
    """Line indexes inside HTML comments. (Not `_hidden_lines`: a definition's later paragraph,
    indented four spaces after a blank line, reads as a code block to a plain Markdown parser.)"""
    hidden: set[int] = set()
    for match in COMMENT.finditer(text):
        first = text.count("\n", 0, match.start())
        hidden.update(range(first, first + match.group().count("\n") + 1))
    return hidden


def _term_above(
    lines: list[str], hidden: set[int], index: int
) -> tuple[int, str] | Literal["continued"] | None:
    """The term of the definition at `index`: (its line index, its text), the nearest
    non-blank line above when it reads as a term; "continued" below another definition (this
    one is a second paragraph of it); None below a heading, a comment and the like."""
    above = index - 1
    while above >= 0 and not lines[above].strip() and above not in hidden:
        above -= 1
    if above < 0 or above in hidden:
        return None
    line = lines[above]
    if DEFINITION_START.match(line) or line[:1].isspace():
        return "continued"
    return (above, line) if TERM_START.match(line) else None


def _continuation_problems(
    lines: list[str], hidden: set[int], index: int, name: str, display_name: str
) -> list[Diagnostic]:
    """The lines after a definition's first line, up to the next blank line, as def_list reads
    them (see definition_syntax_problems)."""
    first = True
    for below in range(index + 1, len(lines)):
        line = lines[below].expandtabs(4)
        if not line.strip():
            return []
        if below in hidden or line.startswith("    "):
            first = False
            continue
        if DEFINITION_START.match(line):  # a second definition of the same term
            return []
        if below + 1 < len(lines) and DEFINITION_START.match(lines[below + 1]):
            if not first:
                return []  # after indented lines, def_list starts a new entry here
            return [
                Diagnostic(
                    display_name,
                    below + 1,
                    f"leave a blank line between the definition of {name} and the next term "
                    f"'{line.strip()}' (without it, the term and its definition are nested "
                    "inside that definition)",
                )
            ]
        indent = len(line) - len(line.lstrip(" "))
        spaces = f"{indent} space{'s' if indent != 1 else ''}" if indent else "not indented"
        return [
            Diagnostic(
                display_name,
                below + 1,
                f"this line continues the definition of {name} but is "
                f"{'indented ' if indent else ''}{spaces}; indent it four spaces, as every "
                "line of a definition after its first",
            )
        ]
    return []


def glossary_order_problems(text: str, display_name: str) -> list[Diagnostic]:
    """What `make check` also asks of the glossary page, for its readers: terms in alphabetical
    order, each under the letter heading (`## A–C`) that holds it."""
    terms = parse_glossary(text)
    problems: list[Diagnostic] = []
    order = [term.name.casefold() for term in terms]
    for i in range(len(terms) - 1):
        if order[i + 1] >= order[i]:
            continue
        if i == 0 or order[i - 1] <= order[i + 1]:  # the earlier term is the stray one
            stray, other, where = terms[i], terms[i + 1], "below"
        else:
            stray, other, where = terms[i + 1], terms[i], "above"
        problems.append(
            Diagnostic(
                display_name,
                stray.line,
                f"term '{stray.name}' is out of alphabetical order; "
                f"move it {where} '{other.name}' (line {other.line}), to its place",
            )
        )
    for term in terms:
        heading = _letter_heading(text, term.line)
        if heading and not heading[1] <= term.name[:1].upper() <= heading[2]:
            problems.append(
                Diagnostic(
                    display_name,
                    term.line,
                    f"term '{term.name}' is under '## {heading[0]}'; "
                    "move it to the section of its first letter",
                )
            )
    return problems


def _letter_heading(text: str, line: int) -> tuple[str, str, str] | None:
    """The last `## A–C` heading above `line`: its text, first and last letter."""
    found = None
    for match in LETTER_HEADING.finditer(text):
        if text.count("\n", 0, match.start()) + 1 > line:
            break
        found = (
            match.group("range"),
            match.group("first"),
            match.group("last") or match.group("first"),
        )
    return found


# Between the words of a term, a soft line break: a newline with the next line's indentation,
# but never a blank line (that ends the paragraph).
SOFT_BREAK = r"[ \t]*\n[ \t]*"
# A line a term may not be joined out of: a heading or a table row would take in the next line.
BLOCK_LINE = re.compile(r"[ \t]*[#|]")


def join_wrapped_terms(markdown_text: str, spellings: Iterable[str]) -> str:
    """The page with each multi-word term that a line break splits ("reward\\n  tampering") on
    one line, so that the `abbr` extension, which matches a term's words with single spaces only,
    marks it there too. Why: chapters are wrapped at about 100 columns, and a term split by the
    wrap got no hover (and no index entry in the book). Code, headings and table rows are left
    as they are; a line break inside a paragraph renders as a space either way."""
    multi_word = tuple(sorted(s for s in spellings if " " in s))
    if not multi_word or "\n" not in markdown_text:
        return markdown_text
    pattern = terms_pattern(multi_word, f"(?:[ ]|{SOFT_BREAK})")
    code: list[tuple[int, int]] | None = None  # read only for a page that has a wrapped term
    pieces: list[str] = []
    position = 0
    for found in pattern.finditer(markdown_text):
        start, end = found.span()
        line_start = markdown_text.rfind("\n", 0, start) + 1
        if (
            "\n" not in found.group()
            or "  \n" in found.group()  # two trailing spaces: a hard line break, kept
            or BLOCK_LINE.match(markdown_text, line_start)
        ):
            continue
        code = code_spans(markdown_text) if code is None else code
        if any(a < end and start < b for a, b in code):
            continue
        pieces += [markdown_text[position:start], " ".join(found.group().split())]
        position = end
    pieces.append(markdown_text[position:])
    return "".join(pieces)


@functools.cache
def terms_pattern(
    spellings: tuple[str, ...], between: str = "[ ]", flags: int = 0
) -> re.Pattern[str]:
    """One alternation of the spellings as whole words (not inside a longer word or a hyphenated
    one), longest first so that a term wins over a shorter term inside it; `between` is what may
    separate a term's words. Shared by the hook (terms split by a line wrap) and the book index
    (terms named in a heading)."""
    alternatives = (
        between.join(re.escape(word) for word in form.split(" "))
        for form in sorted(spellings, key=len, reverse=True)
    )
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", flags)


def strip_all_abbr(html_text: str) -> str:
    return ABBR_TAG.sub(r"\1", html_text)


def configure_hovers(config: MkDocsConfig) -> None:
    """Hand the glossary to the `abbr` extension (Python-Markdown's own `glossary` option).
    A site without docs/glossary.md simply has no hovers."""
    path = Path(config.docs_dir) / GLOSSARY_URI
    if not path.is_file():
        return
    if "abbr" not in config.markdown_extensions:
        raise PluginError(
            "mkdocs.yml: docs/glossary.md needs `abbr` in markdown_extensions "
            "for its hover definitions; add `- abbr` there"
        )
    name = Path(config.docs_dir).name + "/" + GLOSSARY_URI
    config.mdx_configs.setdefault("abbr", {})["glossary"] = hover_definitions(path, name)


def tooltip_entries(config: MkDocsConfig) -> dict[str, str]:
    """`entry_anchors` of the site's glossary ({} for a site without one)."""
    path = Path(config.docs_dir) / GLOSSARY_URI
    if not path.is_file():
        return {}
    return entry_anchors(path, Path(config.docs_dir).name + "/" + GLOSSARY_URI)


def terms_named_by(title: str, definitions: dict[str, str]) -> frozenset[str]:
    """The hover texts of the terms a page's title names, as whole words in any case
    ("Specification gaming and reward hacking": both terms): definitions is the `abbr`
    extension's glossary (spelling -> hover text)."""
    if not title or not definitions:
        return frozenset()
    pattern = terms_pattern(tuple(definitions), flags=re.IGNORECASE)
    folded = {spelling.casefold(): hover for spelling, hover in definitions.items()}
    return frozenset(folded[found.group().casefold()] for found in pattern.finditer(title))


def tidy_hovers(html_text: str, src_uri: str, unmarked: frozenset[str] = frozenset()) -> str:
    """Keep a term's mark only at its first use in the page's lead (before its first `##`: the
    "In one minute" box, folded on a phone) and at its first use in the body after it, never in
    a heading, inside a link or in one of Home's cards (a card is one link, stretched over it: a
    term there would be a second, hidden one); none on the glossary page, which shows the text.
    Marking the first use in every section had put 20 to 50 underlines in a chapter, beside its
    citations and links (a reader review: the page read like documentation). A use in a closed
    fold ("The figure in words") does not count as the first in the text around it, which most
    readers never open: the fold marks its own first use, and the text its own (a later review
    found "preference model" marked only in a closed fold, not where the chapter explains it).
    Terms whose hover text is in unmarked (those the page's title names) are not marked at all:
    an underlined "Goodhart's Law" on the page called Goodhart's Law (a reader review)."""
    if src_uri == GLOSSARY_URI:
        return strip_all_abbr(html_text)
    if "<abbr" not in html_text:
        return html_text
    pieces: list[str] = []
    position = 0
    links = 0  # <a> elements open here
    folds: list[bool] = []  # the <details> open here: whether each is closed (no `open`)
    marked: set[str] = set()  # terms (by hover text) marked in the lead, then in the body
    marked_in_folds: set[str] = set()  # ... and in its closed folds
    in_lead = True
    for found in HOVER_CONTEXT.finditer(html_text):
        kind = found.lastgroup
        if kind == "heading" and found.group("level") == "2" and in_lead:
            marked.clear()  # the body begins
            marked_in_folds.clear()
            in_lead = False
        if kind == "link_open":
            links += 1
        elif kind == "link_close":
            links = max(links - 1, 0)
        elif kind == "fold_open":
            folds.append(not OPEN_ATTRIBUTE.search(found.group("fold_attributes")))
        elif kind == "fold_close":
            if folds:
                folds.pop()
        elif kind in ("heading", "card") and "<abbr" in found.group():
            pieces += [html_text[position : found.start()], strip_all_abbr(found.group())]
            position = found.end()
        elif kind == "abbr":
            title = TITLE_ATTRIBUTE.search(found.group("attributes"))
            key = title.group("title") if title else found.group("term")
            seen = marked_in_folds if any(folds) else marked
            if links or key in seen or key in unmarked:
                pieces += [html_text[position : found.start()], found.group("term")]
                position = found.end()
            else:
                seen.add(key)
    pieces.append(html_text[position:])
    return "".join(pieces)


def hover_tips(
    html_text: str, entries: dict[str, str] | None = None, glossary_url: str = ""
) -> str:
    """Each marked term with its definition in a tooltip (plain text), instead of a `title`;
    with `entries` (hover text -> the term's id on the glossary page, `entry_anchors`), the
    tooltip ends with a link to the term's entry at glossary_url, and the term is a link there
    (LINK_ROLE)."""
    if "<abbr" not in html_text:
        return html_text
    count = 0

    def tip(found: re.Match[str]) -> str:
        nonlocal count
        count += 1
        hover = html.unescape(found.group("title"))
        text = html.escape(hover, quote=False)
        anchor = (entries or {}).get(hover)
        more = MORE_LINK.format(href=html.escape(f"{glossary_url}#{anchor}")) if anchor else ""
        return HOVER_TIP.format(
            id=f"term-{count}-tip",
            role=LINK_ROLE if more else "",
            term=found.group("term"),
            text=text,
            more=more,
        )

    return TITLED_ABBR.sub(tip, html_text)
