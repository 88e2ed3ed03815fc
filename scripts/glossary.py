"""Site-wide hover definitions, taken from the glossary page itself.

`docs/glossary.md` is the single source: a Markdown definition list whose terms may end with an
abbreviation in parentheses. Each term (and its abbreviation, lower-case and plural forms) becomes
an entry of Python-Markdown's `abbr` glossary, so every page underlines it and shows the first
sentence of its definition on hover (Material's `content.tooltips` styles the `title`). Code is
never touched (the `abbr` extension skips code), and this module removes the markup again from
headings and from the glossary page itself, where a hover would only repeat the text.

    Reinforcement learning from human feedback (RLHF)
    :   A training method in which people compare model outputs, ...

gives hovers on "Reinforcement learning from human feedback", "reinforcement learning from human
feedback" and "RLHF". Terms named in a `<!-- no-hover: A, B -->` comment are defined on the
glossary page but not underlined elsewhere (they are too common in ordinary prose).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

GLOSSARY_URI = "glossary.md"
TERM_LINE = re.compile(
    r"""(?xm)
    ^(?P<term>[^\s:#<*\-][^\n]*)\n      # a term on its own line, not a heading/comment/list
    :\ {3}(?P<body>[^\n]*(?:\n\ {4}[^\n]*)*)   # its definition, continued by indented lines
    """
)
ABBREVIATION = re.compile(r"^(?P<base>.+?)\s+\((?P<abbr>[A-Z][A-Za-z-]*)\)$")
NO_HOVER = re.compile(r"<!--\s*no-hover:(?P<names>[^>]*?)-->")
MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s|$)")
ABBR_IN_HEADING = re.compile(
    r"""(?xs)
    (?P<open><h(?P<level>[1-6])\b[^>]*>)(?P<inner>.*?)(?P<close></h(?P=level)>)
    """
)
ABBR_TAG = re.compile(r"<abbr\b[^>]*>(.*?)</abbr>", re.S)


@dataclass(frozen=True)
class Term:
    """One glossary entry: what it is called, its short form, and the hover text."""

    name: str
    abbreviation: str | None
    definition: str
    line: int

    @property
    def hover(self) -> str:
        text = MARKDOWN_LINK.sub(r"\1", " ".join(self.definition.split()))
        match = FIRST_SENTENCE.match(text)
        return match.group(1) if match else text

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


def plural(noun_phrase: str) -> str:
    """English plural of a phrase's last word; words that rarely take one are left as they are."""
    if noun_phrase.endswith(("s", "ing", "AI", "Law")):
        return noun_phrase
    if noun_phrase.endswith(("x", "ch", "sh")):
        return noun_phrase + "es"
    if noun_phrase.endswith("y") and noun_phrase[-2:-1] not in "aeiou":
        return noun_phrase[:-1] + "ies"
    return noun_phrase + "s"


def parse_glossary(text: str) -> list[Term]:
    terms = []
    for match in TERM_LINE.finditer(text):
        raw = match.group("term").strip()
        abbr = ABBREVIATION.match(raw)
        name, short = (abbr.group("base"), abbr.group("abbr")) if abbr else (raw, None)
        line = text.count("\n", 0, match.start()) + 1
        terms.append(Term(name, short, match.group("body").strip(), line))
    return terms


def no_hover_names(text: str) -> set[str]:
    names: set[str] = set()
    for match in NO_HOVER.finditer(text):
        names.update(n.strip().lower() for n in match.group("names").split(",") if n.strip())
    return names


def hover_definitions(glossary_path: Path) -> dict[str, str]:
    """The `abbr` extension's glossary: every spelling of every hover term -> its hover text."""
    text = glossary_path.read_text(encoding="utf-8")
    skip = no_hover_names(text)
    definitions: dict[str, str] = {}
    for term in parse_glossary(text):
        if term.name.lower() in skip:
            continue
        for spelling in term.spellings():
            definitions.setdefault(spelling, term.hover)
    return definitions


def strip_abbr_from_headings(html: str) -> str:
    """Headings stay plain text: a hover box inside a heading (and its permalink) is noise."""

    def unwrap(match: re.Match[str]) -> str:
        inner = ABBR_TAG.sub(r"\1", match.group("inner"))
        return match.group("open") + inner + match.group("close")

    return ABBR_IN_HEADING.sub(unwrap, html)


def strip_all_abbr(html: str) -> str:
    return ABBR_TAG.sub(r"\1", html)


def configure_hovers(config: MkDocsConfig) -> None:
    """Hand the glossary to the `abbr` extension (Python-Markdown's own `glossary` option).
    A site without docs/glossary.md simply has no hovers."""
    path = Path(config.docs_dir) / GLOSSARY_URI
    if not path.is_file():
        return
    if "abbr" not in config.markdown_extensions:
        raise PluginError("mkdocs.yml: docs/glossary.md needs `abbr` in markdown_extensions "
                          "for its hover definitions; add `- abbr` there")
    config.mdx_configs.setdefault("abbr", {})["glossary"] = hover_definitions(path)


def tidy_hovers(html: str, src_uri: str) -> str:
    """No hovers in headings anywhere, and none on the glossary page, which shows the text."""
    return strip_all_abbr(html) if src_uri == GLOSSARY_URI else strip_abbr_from_headings(html)
