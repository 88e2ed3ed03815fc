"""A citation's prefix and suffix as pandoc reads them: a leading bare number is a page
locator, page ranges get an en dash, and the text is Markdown (emphasis, code, entities).

    [@key, 7]                 → ", p. 7"
    [@key, 33, 35-37, and x]  → ", pp. 33, 35–37, and x"
    [@key{}, 99 runs]         → ", 99 runs"            (pandoc's `{}`: no locator)
    [@key, pp. 3&ndash;5, *passim*] → ", pp. 3–5, <em>passim</em>"

Only inline Markdown that stays text-like is applied (emphasis, strong, code, escapes,
entities): links, images, raw HTML and line breaks stay literal text, so a prefix or suffix can
never open an element the citation's own markup would then close wrongly. Everything else is
HTML-escaped.
"""

from __future__ import annotations

import functools
import html
import re

import markdown
from markupsafe import Markup, escape

from .style import NOTHING, Styled

# A locator at the start of a suffix: an optional label, then page numbers, ranges and lists.
LOCATOR = re.compile(
    r"""(?x)
    ^ (?P<lead> ,? \s* )
    (?P<label> (?: pp? | ch | chap | chs | sec | secs | fig | figs | vol | vols | para | paras | nn? | ll? | col | cols ) \. \s*
             | § \s*
             | (?: pages? | chapters? | sections? | figures? | volumes? | paragraphs? | notes? | lines? | columns? ) \s+ )?
    (?P<numbers> \d+ (?: \s* -{1,2} \s* \d+ )? (?: \s* , \s* \d+ (?: \s* -{1,2} \s* \d+ )? )*+ )
    (?P<rest> (?! \d ) .* )
    $
    """
)
RANGE_DASH = re.compile(r"(?x) (?<= \d ) \s* -{1,2} \s* (?= \d )")
MARKDOWN_SIGNS = re.compile(r"[*_`&\\<>]")
TAG = re.compile(r"<[^>]*>")
# Python-Markdown's inline patterns that could produce elements other than text formatting.
UNSAFE_INLINE = (
    "reference",
    "link",
    "image_link",
    "image_reference",
    "short_reference",
    "short_image_ref",
    "autolink",
    "automail",
    "linebreak",
    "html",
)


def with_locator(suffix: str, *, locator: bool = True) -> str:
    """`suffix` with a bare page number labelled ("7" → "p. 7") and ranges en-dashed, as pandoc
    reads a locator; unchanged when `locator` is False (`[@key{}, ...]`) or there is none."""
    if not locator:
        return suffix
    found = LOCATOR.match(suffix)
    if found is None:
        return suffix
    numbers = found.group("numbers")
    label = found.group("label")
    if label is None:
        label = "pp. " if "," in numbers or "-" in numbers else "p. "
    return found.group("lead") + label + RANGE_DASH.sub("–", numbers) + found.group("rest")


def affix(text: str) -> Styled:
    """`text` (a prefix or suffix as written) rendered as inline Markdown, escaped, with the
    same as plain text (for the search index and attributes)."""
    if not text:
        return NOTHING
    if not MARKDOWN_SIGNS.search(text):
        return Styled(escape(text), text)
    rendered = _inline_markdown().reset().convert(text)
    rendered = rendered.removeprefix("<p>").removesuffix("</p>")
    return Styled(Markup(rendered), html.unescape(TAG.sub("", rendered)))


@functools.cache
def _inline_markdown() -> markdown.Markdown:
    """Python-Markdown reduced to one paragraph of text formatting (its public registries)."""
    md = markdown.Markdown()
    for name in UNSAFE_INLINE:
        md.inlinePatterns.deregister(name, strict=False)
    for name in (
        "empty",
        "indent",
        "code",
        "hashheader",
        "setextheader",
        "hr",
        "olist",
        "ulist",
        "quote",
        "reference",
    ):
        md.parser.blockprocessors.deregister(name, strict=False)
    md.preprocessors.deregister("html_block", strict=False)
    return md
