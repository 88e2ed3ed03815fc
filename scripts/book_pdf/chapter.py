"""Turn one built page into one chapter of the book.

Only the page's article (`article.md-content__inner`) is kept: Material's page chrome (header,
sidebars, flex layout) is never rendered, which is what makes WeasyPrint lose nothing.
Then, in order: drop what only makes sense on screen, read a caption's "Figure 2." permalink as
plain text again, fold a figure's "in words" text into its alt (figure_text.py), unwrap inline wrappers that print as
plain text (fewer boxes for WeasyPrint), take out the page's References section (its entries
say where each cited work is listed once: see bibliography.py), give every id a chapter prefix
so ids stay unique in one book, and rewrite links so they point inside the book (or to the web,
for the live demos).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from posixpath import dirname, join, normpath
from urllib.parse import urldefrag, urlsplit

from chapter_numbers import PartNumber
from figure_permalinks import PERMALINK_CLASS as FIGURE_PERMALINK_CLASS

from . import htmltree as ht
from .figure_text import fold_into_alt
from .htmltree import Element
from .nav import NavPage
from .problems import Problem

ARTICLE_START = '<article class="md-content__inner'
REFERENCES_ID = "references"
REF_PREFIX = "ref-"
BIB_PREFIX = "bib-"
CITED_KEY = "data-cite"  # set on each citation link: the key it cites
# Hover boxes (role="tooltip", e.g. the citation hook's full reference) repeat what the
# bibliography says; permalinks, edit buttons and live demos only work on screen, and so does
# text the authors marked with the site's `web-only` class ("hover over a citation", ...).
WEB_ONLY_CLASS = "web-only"
SCREEN_ONLY_CLASSES = {
    "headerlink",
    "md-content__button",
    "md-source-file",
    "md-tags",
    "demo-live",
    WEB_ONLY_CLASS,
}
SCREEN_ONLY_TAGS = {"script", "noscript", "template", "style", "button", "input", "iframe"}
# Wrappers that print as nothing but their text: a glossary term's <span> and <abbr> (its
# definition is a tooltip, left out) and the citation hook's <span>s around "(Author, year)". Each inline element costs
# WeasyPrint a box to style, lay out line by line and draw, so they are unwrapped (their text and
# the citation link inside stay); one with an id is kept, as something may link to it.
PRINT_NEUTRAL_TAGS = {"abbr"}
ADMONITION_TITLE_CLASS = "admonition-title"
FOLD_TITLE_CLASS = "fold-title"  # a fold's <summary>, a heading in the book
# Material's admonition types: a <details> of one of them is a box (```??? note```), not one of
# the site's own folds (References, Further reading).
ADMONITION_TYPES = {
    *("note", "abstract", "info", "tip", "success", "question", "warning", "failure"),
    *("danger", "bug", "example", "quote", "summary", "tldr", "todo", "hint", "important"),
    *("check", "done", "help", "faq", "caution", "attention", "fail", "missing", "error"),
    *("seealso", "cite"),
}
DEFINITION_CLASS = "definition"  # a <dt> and its <dd>, one list item (pair_definitions)
PRINT_NEUTRAL_SPAN_CLASSES = {"citation", "citation__work", "glossary-term"}


@dataclass
class Chapter:
    """A page ready for the book: its <section>, its title and h2 sections, and the reference
    entries its References section held (key -> <li>), for the bibliography."""

    page: NavPage
    title: str
    section: Element
    references: dict[str, Element] = field(default_factory=dict)
    citations: list[str] = field(default_factory=list)
    number: PartNumber | None = None  # numbering.number_chapters; None: front or back matter
    marks: int = 0  # ids book_index has added so far (they are numbered)

    @property
    def slug(self) -> str:
        return self.page.slug


def read_chapter(site_dir: Path, page: NavPage, problems: list[Problem]) -> Chapter | None:
    """Extract and clean one page's article; problems are appended, None if unusable."""
    path = site_dir / page.path
    if not path.is_file():
        problems.append(Problem(str(path), f"nav page '{page.title}' was not built"))
        return None
    article = ht.parse_element_source(path, ARTICLE_START, "</article>")
    if article is None or not _is_article(article):
        problems.append(
            Problem(str(path), "no <article class='md-content__inner'> (not a Material page?)")
        )
        return None
    ht.remove_where(article, _is_screen_only)
    ht.unwrap_where(article, _is_figure_permalink)
    headings_from_roles(article)
    headings_from_fold_titles(article)
    pair_definitions(article)
    fold_into_alt(article, str(path), problems)
    references = _take_references(article)
    h1 = next((h for h in ht.walk_headings(article) if h.tag == "h1"), None)
    title = ht.text_of(h1) if h1 is not None else page.title
    section = ht.Element("section", {"class": "chapter", "id": page.slug, "data-page": page.path})
    section.text = article.text
    section.extend(list(article))
    if h1 is None:
        h1 = ht.Element("h1")
        h1.text = title
        section.insert(0, h1)
    h1.set("class", (h1.get("class", "") + " chapter-title").strip())  # running head, bookmark
    return Chapter(page, title, section, references)


def headings_from_roles(root: Element) -> int:
    """Make each element the site marks `role="heading"` (a box's "In one minute" or "Key
    takeaways" title, `aria-level="2"`) the heading element of that level.

    WeasyPrint tags by element, not by ARIA: the titles were `P` in the PDF's structure tree,
    so a screen reader's heading navigation skipped the boxes the site lets it jump to. The
    element keeps its classes (book.css sets `.admonition-title` as before and gives it
    `bookmark-level: none`, so the outline does not change); level 1 is the chapter title's,
    so a lower number becomes 2. Returns how many were made headings.
    """
    made = 0
    for el in root.iter():
        level = el.get("aria-level", "")
        if el.get("role") != "heading" or el.tag in ht.HEADINGS or not level.isdigit():
            continue
        el.tag = f"h{min(max(int(level), 2), 6)}"
        del el.attrib["role"]
        del el.attrib["aria-level"]
        made += 1
    return made


def headings_from_fold_titles(root: Element) -> int:
    """Make the <summary> of each admonition fold ("More evidence (2025–26)", printed open) a
    heading one level below the section it sits in, with the class `fold-title` (book.css sets
    it as the summary was, out of the outline). The book has nothing to open or close, and a
    <summary> is tagged `NonStruct`: heading navigation skipped these boxes too. The site's
    References and Further reading folds are no such box and keep their summary. Returns how
    many were made headings."""
    made, level = 0, 1
    for el in root.iter():
        # a box's own title (and a fold title made here, met next) is not its section's heading
        if el.tag in ht.HEADINGS and not ht.classes(el) & {
            ADMONITION_TITLE_CLASS,
            FOLD_TITLE_CLASS,
        }:
            level = int(el.tag[1])
        if el.tag != "details" or not ht.classes(el) & ADMONITION_TYPES or not len(el):
            continue
        summary = el[0]
        if summary.tag == "summary":
            summary.tag = f"h{min(level + 1, 6)}"
            summary.set("class", f"{summary.get('class', '')} {FOLD_TITLE_CLASS}".strip())
            made += 1
    return made


def pair_definitions(root: Element) -> int:
    """Wrap each term of a definition list with its definition(s) in one <li class="definition">.

    WeasyPrint tags a <dt> and a <dd> as two sibling `LI`s, so the glossary's 109 terms were
    220 list items and nothing tied a definition to its term. An <li> wrapper (set as a plain
    block in book.css, so nothing moves) is one `LI` holding both. The <dt> and <dd> stay, with
    their ids and styles: book_index.py and link_descriptions.py read the terms from <dt>.
    Returns how many pairs were made.
    """
    made = 0
    for dl in list(root.iter("dl")):
        children, group = list(dl), None
        for child in children:
            dl.remove(child)
        for child in children:
            if child.tag == "dt" and (group is None or group[-1].tag == "dd"):
                group = ht.Element("li", {"class": DEFINITION_CLASS})
                dl.append(group)
                made += 1
            if child.tag in ("dt", "dd") and group is not None:
                group.append(child)
            else:
                group = None
                dl.append(child)
    return made


def unwrap_print_neutral(chapter: Chapter) -> None:
    """Replace wrappers that print as plain text by their content (after the index has put its
    marks on the ones it needs, which then carry an id and stay)."""
    ht.unwrap_where(chapter.section, _is_print_neutral)


def link_chapters(
    chapters: list[Chapter],
    site_dir: Path,
    site_url: str | None,
    known_keys: set[str],
    problems: list[Problem],
) -> None:
    """Prefix ids and rewrite every link and image of every chapter to work inside one book."""
    slug_of = {c.page.path: c.slug for c in chapters}
    ids_of = {c.slug: {id_ for el in c.section.iter() if (id_ := el.get("id"))} for c in chapters}
    for chapter in chapters:
        _prefix_ids(chapter)
        _rewrite_links(chapter, slug_of, ids_of, site_url, known_keys, problems, site_dir)
        _rewrite_images(chapter, site_dir)


def _is_article(el: Element) -> bool:
    return el.tag == "article" and ht.has_class(el, "md-content__inner")


def _is_screen_only(el: Element) -> bool:
    tag: object = el.tag  # a comment's tag is the ET.Comment function, whatever the stubs say
    if not isinstance(tag, str):  # comments: never shown, but ElementTree yields their text
        return True
    return (
        el.tag in SCREEN_ONLY_TAGS
        or el.get("hidden") is not None
        or el.get("role") == "tooltip"
        or bool(ht.classes(el) & SCREEN_ONLY_CLASSES)
    )


def _is_figure_permalink(el: Element) -> bool:
    """A caption's "Figure 2." linked to its own figure (figure_permalinks.py): the book reads
    it as the text it was, which numbering.py replaces by the chapter's "Figure 5.2"."""
    return el.tag == "a" and ht.has_class(el, FIGURE_PERMALINK_CLASS)


def _is_print_neutral(el: Element) -> bool:
    if el.get("id") is not None:
        return False
    if el.tag in PRINT_NEUTRAL_TAGS:
        return True
    names = ht.classes(el)
    return el.tag == "span" and bool(names) and names <= PRINT_NEUTRAL_SPAN_CLASSES


def _has_reference(el: Element) -> bool:
    return any((d.get("id") or "").startswith(REF_PREFIX) for d in el.iter())


def _take_references(article: Element) -> dict[str, Element]:
    """Remove the page's References section; return its entries by citation key.

    The section is either a container with id "references", or a heading with that id
    followed by the list(s) of entries (whatever follows and holds no entry, e.g. footnotes,
    stays).
    """
    parent_of = ht.parents(article)
    marker = ht.find_first(article, lambda el: el.get("id") == REFERENCES_ID)
    removed: list[Element] = []
    if marker is not None:
        parent = parent_of[marker]
        if marker.tag in ht.HEADINGS:
            siblings = list(parent)
            following = siblings[siblings.index(marker) + 1 :]
            removed.append(marker)
            for sibling in following:
                if sibling.tag in ht.HEADINGS or not _has_reference(sibling):
                    break
                removed.append(sibling)
        else:
            removed.append(marker)
        for el in removed:
            ht.remove(parent, el)
    entries: dict[str, Element] = {}
    for el in removed:
        for entry in el.iter():
            entry_id = entry.get("id") or ""
            if entry_id.startswith(REF_PREFIX):
                entries[entry_id.removeprefix(REF_PREFIX)] = entry
    return entries


def _prefix_ids(chapter: Chapter) -> None:
    for el in chapter.section.iter():
        if el is not chapter.section and el.get("id"):
            el.set("id", f"{chapter.slug}--{el.get('id')}")


def _rewrite_links(
    chapter: Chapter,
    slug_of: dict[str, str],
    ids_of: dict[str, set[str]],
    site_url: str | None,
    known_keys: set[str],
    problems: list[Problem],
    site_dir: Path,
) -> None:
    for entry in chapter.references.values():  # "In Further reading" and similar links
        entry_parents = ht.parents(entry)
        for link in [el for el in entry.iter("a") if el.get("href") is not None]:
            new = resolve_href(
                link.get("href", ""), chapter.page.path, chapter.slug, slug_of, ids_of, site_url
            )
            if new is None:
                ht.unwrap(entry_parents[link], link)
            else:
                link.set("href", new)
    parent_of = ht.parents(chapter.section)
    for link in [
        el for el in chapter.section.iter() if el.tag == "a" and el.get("href") is not None
    ]:
        href = link.get("href", "")
        if href.startswith("#" + REF_PREFIX):
            key = href.removeprefix("#" + REF_PREFIX)
            chapter.citations.append(key)
            if key not in known_keys:
                problems.append(
                    Problem(
                        str(site_dir / chapter.page.path),
                        f"citation '{key}' has no entry in any References section",
                    )
                )
            link.set("href", f"#{BIB_PREFIX}{key}")
            link.set(CITED_KEY, key)
            continue
        new = resolve_href(href, chapter.page.path, chapter.slug, slug_of, ids_of, site_url)
        if new is None:
            ht.unwrap(parent_of[link], link)
        else:
            link.set("href", new)


def resolve_href(
    href: str,
    page_path: str,
    page_slug: str,
    slug_of: dict[str, str],
    ids_of: dict[str, set[str]],
    site_url: str | None,
) -> str | None:
    """Where a link of a built page points in the book; None when it has no target in print.

    Same-page and cross-page links become book anchors; links to other site files (assets,
    pages outside the nav) become web addresses when the site's URL is known.
    """
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//"):
        return href
    target, fragment = urldefrag(href)
    if not target:
        return (
            f"#{page_slug}--{fragment}"
            if fragment in ids_of.get(page_slug, ())
            else f"#{page_slug}"
        )
    path = normpath(join(dirname(page_path), target))
    if path in slug_of:
        slug = slug_of[path]
        return f"#{slug}--{fragment}" if fragment in ids_of.get(slug, ()) else f"#{slug}"
    if site_url and not path.startswith(".."):
        return site_url.rstrip("/") + "/" + path + (f"#{fragment}" if fragment else "")
    return None


def _rewrite_images(chapter: Chapter, site_dir: Path) -> None:
    """Image sources as file URIs, so they resolve from the one book file wherever it lives."""
    page_dir = (site_dir / chapter.page.path).parent
    for img in chapter.section.iter("img"):
        src = img.get("src", "")
        if src and not urlsplit(src).scheme:
            img.set("src", (page_dir / src).resolve().as_uri())
        img.attrib.pop("srcset", None)
        img.attrib.pop("loading", None)
