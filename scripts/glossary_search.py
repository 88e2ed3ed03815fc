"""One search result per glossary term, where the reader lands on the term.

Material's search plugin makes one entry per heading, and the glossary's headings are letter
ranges ("J–P") over a definition list: a search for "sycophancy" returned "Glossary › J–P",
a run of every term from Jailbreak on, and landed on the letter heading. The terms are a
definition list on purpose (hovers, the checks and the book read them as such; a heading per
term would also fill the page's table of contents), so instead:

- each term (`<dt>`) gets an id, its name slugified as the site's headings are
  (`anchor_terms`, on the glossary page's content), so that a link can point at it;
- a term's "Related terms:" paragraph (scripts/glossary.py) gets a class, and its label a span,
  for the page's style (`anchor_terms`);
- after the search plugin has written `search/search_index.json`, its letter-range entries for
  the glossary are replaced by one entry per term, titled with the term and holding its
  definition, with its related terms as the entry's `tags` (`split_glossary_entries`): Material
  searches tags as it does titles (the boost is `fields` in mkdocs.yml), and shows them as
  labels under the result, so "AGI" finds Superintelligence and says why. The offline plugin, which runs after every other
  `on_post_build`, then writes the same index into `search_index.js` for file://.

The index file is the search plugin's output, a JSON document of `{"config", "docs"}` with
`location`, `title` and `text` per entry, which this rewrites as data; nothing of the plugin
itself is touched.
"""

from __future__ import annotations

import html.parser
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown.extensions.toc import slugify

from site_text import VOID_TAGS

GLOSSARY_SOURCE = "glossary.md"
ANCHORED_TERM = re.compile(r'<dt id="([^"]+)">(.*?)</dt>\s*<dd>(.*?)</dd>', re.DOTALL)
RELATED_PARAGRAPH = re.compile(r"<p>Related terms: (.*?)</p>", re.DOTALL)
# The paragraph as anchor_terms marks it up for the page's style, and as glossary_entries reads
# it back: one spelling for both ({} is the list of terms).
MARKED_RELATED_HTML = (
    '<p class="glossary__related"><span class="glossary__related-label">Related terms:</span>'
    " {}</p>"
)
MARKED_RELATED = re.compile(
    r"\s*" + re.escape(MARKED_RELATED_HTML).replace(re.escape("{}"), "(.*?)"), re.DOTALL
)


@dataclass(frozen=True)
class GlossaryEntry:
    term: str  # as the glossary spells it, plain text
    anchor: str
    definition: str  # plain text
    related: tuple[str, ...] = ()  # its related terms, plain text


def term_anchor(term: str) -> str:
    """The id of a term, as the toc extension would slugify a heading of that name."""
    return slugify(term, "-")


def anchor_terms(page_html: str, src_uri: str) -> str:
    """The glossary page with an id on each of its terms (any other page as it is)."""
    if src_uri != GLOSSARY_SOURCE:
        return page_html

    def with_id(found: re.Match[str]) -> str:
        term = _plain(found[1])
        return f'<dt id="{term_anchor(term)}">{found[1]}</dt>'

    marked = RELATED_PARAGRAPH.sub(lambda found: MARKED_RELATED_HTML.format(found[1]), page_html)
    return re.sub(r"<dt>(.*?)</dt>", with_id, marked, flags=re.DOTALL)


def glossary_entries(page_html: str) -> list[GlossaryEntry]:
    """The terms and definitions of a built glossary page, in order."""
    entries = []
    for found in ANCHORED_TERM.finditer(page_html):
        related = MARKED_RELATED.search(found[3])
        definition = MARKED_RELATED.sub("", found[3])
        words = _plain(related[1]).removesuffix(".").split(",") if related else []
        entries.append(
            GlossaryEntry(
                _plain(found[2]),
                found[1],
                _plain(definition),
                tuple(w.strip() for w in words if w.strip()),
            )
        )
    return entries


def split_glossary_entries(
    index: dict[str, Any], location: str, entries: list[GlossaryEntry]
) -> dict[str, Any]:
    """The search index with the glossary page's section entries (location#section) replaced,
    where the first one was, by one entry per term; the page's own entry (no #) stays, and
    each new entry keeps the page's search settings (its boost)."""
    docs = index["docs"]
    is_section = [d["location"].startswith(f"{location}#") for d in docs]
    if not any(is_section) or not entries:
        return index
    first = is_section.index(True)
    settings = {
        k: v for k, v in docs[first].items() if k not in ("location", "title", "text", "tags")
    }
    per_term = [
        {
            "location": f"{location}#{e.anchor}",
            "title": e.term,
            "text": e.definition,
            **({"tags": list(e.related)} if e.related else {}),
            **settings,
        }
        for e in entries
    ]
    kept = [d for d, section in zip(docs, is_section, strict=True) if not section]
    return {**index, "docs": [*kept[:first], *per_term, *kept[first:]]}


def rewrite_search_index(site_dir: Path, glossary_page: str = "glossary.html") -> int:
    """Rewrite the built site's search index with one entry per glossary term; returns how many
    terms it holds (0 when the site has no search index or no glossary)."""
    index_path, page_path = site_dir / "search" / "search_index.json", site_dir / glossary_page
    if not index_path.is_file() or not page_path.is_file():
        return 0
    entries = glossary_entries(page_path.read_text(encoding="utf-8"))
    index = json.loads(index_path.read_text(encoding="utf-8"))
    index_path.write_text(
        json.dumps(split_glossary_entries(index, glossary_page, entries), separators=(",", ":")),
        encoding="utf-8",
    )
    return len(entries)


class _ShownText(html.parser.HTMLParser):
    """The text of an HTML fragment as the page shows it, without tooltips (a citation's full
    reference, a term's definition), which would otherwise run into the definition."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.open: list[bool] = []  # for each open element: is it (in) a tooltip?

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID_TAGS:
            hidden = bool(self.open and self.open[-1]) or ("role", "tooltip") in attrs
            self.open.append(hidden)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID_TAGS and self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if not (self.open and self.open[-1]):
            self.parts.append(data)


def _plain(fragment: str) -> str:
    parser = _ShownText()
    parser.feed(fragment)
    parser.close()
    return " ".join("".join(parser.parts).split())
