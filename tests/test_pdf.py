"""The book PDF (scripts/book_pdf): built once per session from the real site, then checked
against that site's own HTML: every chapter and section bookmarked, the contents page's numbers
true, every word kept, each citation linked to its work's one entry, metadata, links, fonts, paper.
Also writes PNG previews of the cover and a chapter page to test-artifacts/ for a person to see.
"""

from __future__ import annotations

import html
import itertools
import re
import shutil
import statistics
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import tinyhtml5
from pypdf import PdfReader
from pypdf.generic import Destination, StreamObject

from book_pdf import PDF_NAME, build_book
from book_pdf.render import PrintSettings, render_pdf
from chapter_numbers import NOT_IN_BOOK
from conftest import pdf_page_png
from svg_text import text_sizes, viewbox_width

pytestmark = pytest.mark.pdf

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
WORD = re.compile(r"\w+")
MAX_MISSING_WORDS = 0.02
A4 = (595.3, 841.9)
LETTER = (612.0, 792.0)
MM = 72 / 25.4  # points per millimetre
# The page area of book.css's @page on A4 (24 mm top margin, 26 mm bottom), in points.
TEXT_TOP, TEXT_BOTTOM = 24 * MM, A4[1] - 26 * MM
BODY_PT = 10.0  # book.css: html { font-size: 10pt }
MIN_LABEL_PT = 7.0  # the smallest type a book's figure labels are set in


# ---------- fixtures: the PDF once per session ----------


@pytest.fixture(scope="session")
def pdf_path(site_dir: Path) -> Path:
    """The PDF the main build wrote, or (until the build does) one built here, once."""
    path = site_dir / PDF_NAME
    if not path.is_file():
        build_book(site_dir)
    return path


@pytest.fixture(scope="session")
def reader(pdf_path: Path) -> PdfReader:
    return PdfReader(pdf_path)


@pytest.fixture(scope="session")
def page_texts(raw_page_texts: list[str]) -> list[str]:
    """Text of each page, its quotation marks straight, so that the site's text and the book's
    (which curls them) compare."""
    return [_plain_quotes(page) for page in raw_page_texts]


@pytest.fixture(scope="session")
def raw_page_texts(pdf_path: Path) -> list[str]:
    """Text of each page, by poppler's pdftotext (what a reader's copy-paste gets)."""
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf_path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out.split("\f")[:-1]


CURLY_QUOTES = str.maketrans("‘’“”", "''\"\"")


def _plain_quotes(text: str) -> str:
    """Typographer's quotes as the straight ones they stand for (the book curls the site's)."""
    return text.translate(CURLY_QUOTES)


@pytest.fixture(scope="session")
def outline(reader: PdfReader) -> list[tuple[str, int, list[tuple[str, int]]]]:
    """(title, page index, [(child title, page index)]) of each top-level bookmark."""
    entries: list[tuple[str, int, list[tuple[str, int]]]] = []
    for item in reader.outline:
        if isinstance(item, list):
            entries[-1][2].extend(_bookmark(reader, c) for c in item if not isinstance(c, list))
        else:
            entries.append((*_bookmark(reader, item, top=True), []))
    return entries


def _bookmark(reader: PdfReader, item: Destination, *, top: bool = False) -> tuple[str, int]:
    """A bookmark's title (without a chapter's number or an appendix's letter: "3 Goodhart's
    Law" is "Goodhart's Law" here, as the site titles it; a section's "A wish granted..." keeps
    its "A") and page index."""
    title, page = item.title, reader.get_destination_page_number(item)
    assert title is not None and page is not None, f"a bookmark without a title or page: {item}"
    number = r"^(?:\d+|[A-Z]) (?=\S)" if top else r"^\d+ (?=\S)"
    return _plain_quotes(re.sub(number, "", title)), page


@pytest.fixture(scope="session")
def chapters(site_dir: Path) -> list[dict]:
    """What the site shows for each nav page: h1, h2s and words of its article, read straight
    from the built HTML (References sections, permalinks, edit buttons, hidden and live-demo
    parts left out, as on screen and in print)."""
    return [_site_chapter(site_dir / path) for path in _nav_paths(site_dir)]


# ---------- the site's own HTML, read independently of book_pdf ----------


def _parse(path: Path):
    return tinyhtml5.parse(path.read_text(encoding="utf-8"), namespace_html_elements=False)


def _classes(el) -> set[str]:
    return set(el.get("class", "").split())


def _text(el) -> str:
    return _plain_quotes(" ".join("".join(el.itertext()).split()))


def _nav_paths(site_dir: Path) -> list[str]:
    """The pages of the site's primary navigation that the book prints, in order: all but
    chapter_numbers.NOT_IN_BOOK (About this guide, a page about the website)."""
    left_out = {source.removesuffix(".md") + ".html" for source in NOT_IN_BOOK}
    nav = next(
        el
        for el in _parse(site_dir / "index.html").iter()
        if el.tag == "nav" and "md-nav--primary" in _classes(el)
    )
    paths: list[str] = []
    for a in nav.iter("a"):
        href = a.get("href", "")
        if "md-nav__link" in _classes(a) and href.endswith(".html") and "#" not in href:
            path = str(Path(href)).replace("\\", "/")
            if path not in paths and path not in left_out:
                paths.append(path)
    return paths


def _drop_screen_only(parent) -> None:
    for child in list(parent):
        if (
            not isinstance(child.tag, str)  # an HTML comment
            or child.tag in ("script", "style", "svg", "button")
            or child.get("hidden") is not None
            or child.get("role") == "tooltip"
            or _classes(child)
            & {
                "headerlink",
                "md-content__button",
                "demo-live",
                "md-source-file",
                "web-only",
                "further-reading__cited",
                "figure-text",  # the book tells it in the figure's alt (book_pdf/figure_text.py)
            }
        ):
            if child.tail:
                prev = list(parent).index(child)
                if prev:
                    parent[prev - 1].tail = (parent[prev - 1].tail or "") + child.tail
                else:
                    parent.text = (parent.text or "") + child.tail
            parent.remove(child)
        else:
            _drop_screen_only(child)


def _printed_article(page: Path):
    """A built page's article as the book prints it: without what _drop_screen_only drops."""
    article = next(
        el
        for el in _parse(page).iter()
        if el.tag == "article" and "md-content__inner" in _classes(el)
    )
    _drop_screen_only(article)
    return article


def _site_chapter(path: Path) -> dict:
    article = _printed_article(path)
    children = list(article)
    marker = next((el for el in article.iter() if el.get("id") == "references"), None)
    if marker is not None and marker in children:  # a heading: drop it and the lists after it
        start = children.index(marker)
        end = next(
            (
                i
                for i in range(start + 1, len(children))
                if children[i].tag in ("h1", "h2")
                or not any((d.get("id") or "").startswith("ref-") for d in children[i].iter())
            ),
            len(children),
        )
        for el in children[start:end]:
            article.remove(el)
    elif marker is not None:  # a container somewhere below the article
        for parent in article.iter():
            if marker in list(parent):
                parent.remove(marker)
                break
    h1 = next(el for el in article.iter("h1"))
    home = path.name == "index.html" and path.parent.name != "demos"
    words = Counter(w.casefold() for w in WORD.findall(" ".join(article.itertext())))
    if home:
        # The book's title and Home's opening question are the cover's, not the Introduction's
        # (book_pdf/assemble.py): a short Home lost them past the 2% a chapter may lose.
        promise = next(el for el in article.iter() if "ae-hero__promise" in _classes(el))
        question = re.match(r".+?[.?!](?=\s|$)", _text(promise))
        cover = _text(h1) + " " + (question.group() if question else "")
        words -= Counter(w.casefold() for w in WORD.findall(cover))
    return {
        "path": path.name,
        # The home page's h1 is the book's own title; in the book it is the Introduction.
        "title": "Introduction" if home else _text(h1),
        "sections": [_text(h2) for h2 in article.iter("h2")],
        "words": words,
        "demo_figures": sum(1 for el in article.iter("figure") if "demo-static" in _classes(el)),
    }


def _reference_keys(site_dir: Path) -> set[str]:
    keys: set[str] = set()
    for path in _nav_paths(site_dir):
        for el in _parse(site_dir / path).iter():
            if (el.get("id") or "").startswith("ref-"):
                keys.add(el.get("id").removeprefix("ref-"))
    return keys


BOOK_PARTS = ("Contents", "Bibliography", "Index")  # the book's own, not pages of the site


def _chapter_entries(outline):
    return [entry for entry in outline if entry[0] not in BOOK_PARTS]


# ---------- tests ----------


def test_bookmarks_cover_every_chapter_and_its_sections(outline, chapters, reader):
    book = _chapter_entries(outline)
    assert [title for title, _, _ in book] == [c["title"] for c in chapters]
    # a numbered chapter's bookmark carries its number, "3 Goodhart's Law", as the contents does
    raw = [item.title for item in reader.outline if not isinstance(item, list)]
    numbers = [int(m[1]) for title in raw if (m := re.match(r"(\d+) \S", title))]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 9, raw
    # and the demos, after the guide's end, are lettered appendices: "B The boat race"
    letters = [m[1] for title in raw if (m := re.match(r"([A-Z]) \S", title))]
    assert letters == ["A", "B", "C"], raw
    for (title, _, children), chapter in zip(book, chapters, strict=True):
        assert [t for t, _ in children] == chapter["sections"], f"sections of {title}"
    starts = [page for _, page, _ in book]
    assert starts == sorted(set(starts)), "every chapter starts on a page of its own, in nav order"


def test_contents_page_numbers_are_where_chapters_start(outline, pdf_path):
    contents_page = next(page for title, page, _ in outline if title == "Contents")
    layout = subprocess.run(
        [
            "pdftotext",
            "-layout",
            "-f",
            str(contents_page + 1),
            "-l",
            str(contents_page + 1),
            str(pdf_path),
            "-",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    layout = _plain_quotes(layout)
    printed = {}
    for line in layout.splitlines():
        match = re.match(
            r"^\s*(?:(?:\d+|[A-Z])\s+(?=[A-Z]))?(?P<title>\S.*?)[\s.]*\s(?P<page>\d+)\s*$", line
        )
        if match:
            printed[" ".join(match["title"].split())] = int(match["page"])
    expected = {title: page + 1 for title, page, _ in outline if title != "Contents"}
    assert printed == expected


BBOX_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def _page_words(pdf_path: Path, page: int) -> list[tuple[float, float, float, float, str]]:
    """(xMin, yMin, xMax, yMax, text) of each word on a page (1-based), in points, by poppler."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf_path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [
        (float(m[1]), float(m[2]), float(m[3]), float(m[4]), html.unescape(m[5]))
        for m in BBOX_WORD.finditer(out)
    ]


def test_no_doubled_space_where_screen_only_markup_was_left_out(
    outline, pdf_path, raw_page_texts
) -> None:
    """A teacher's review, reading the book with pypdf, found "two  demos" and "such as  agents"
    on the Introduction's first page, where the book drops a web-only span and unwraps a glossary
    term. The page sets no doubled space there: WeasyPrint ends a justified line's text run with
    its space glyph pushed further by the line's stretch, and pypdf reads the push as a second
    space. So the gap is measured (as wide as its line's others), and a reader's copy (poppler's
    text) is searched for a doubled space between words anywhere in the book."""
    doubled = [
        (number, line)
        for number, text in enumerate(raw_page_texts, 1)
        for line in text.splitlines()
        if re.search(r"\S {2,}\S", line)
    ]
    assert not doubled, f"{len(doubled)} lines with a doubled space, e.g. {doubled[:3]}"
    intro = next(page for title, page, _ in outline if title == "Introduction")
    words = _page_words(pdf_path, intro + 1)
    measured = 0
    for before, after in [("two", "demos"), ("as", "agents")]:
        for left, right in itertools.pairwise(words):
            if (left[4], right[4]) != (before, after) or abs(left[1] - right[1]) > 0.5:
                continue
            line = sorted((w for w in words if abs(w[1] - left[1]) <= 0.5), key=lambda w: w[0])
            gaps = [b[0] - a[2] for a, b in itertools.pairwise(line)]
            gap = right[0] - left[2]
            assert abs(gap - statistics.median(gaps)) <= 0.3, (before, after, gap, gaps)
            measured += 1
    assert measured, "neither gap found on one line of the Introduction's first page"


def test_contents_sets_numbers_titles_and_page_numbers_in_columns(outline, pdf_path, tmp_path):
    """Every line of the contents in three columns of one width each: chapter numbers right-
    aligned ("9" and "10" end at one place; 10-12 once almost touched their titles, 1-9 did
    not), every title starting at one place, numbered or not, and page numbers right-aligned,
    the dots of every line ending at one place. The dots are drawn, not text (a screen reader
    heard some 40 ". " a line), so they are found in the page's picture: grey marks on the
    line's baseline between the title and the page number, never closer to the title than the
    gap book.css sets (2.6 mm), and every line's ending at one place."""
    from PIL import Image

    contents_page = next(page for title, page, _ in outline if title == "Contents") + 1
    lines: list[list] = []
    for word in sorted(_page_words(pdf_path, contents_page)[1:], key=lambda w: w[3]):
        if lines and word[3] - lines[-1][0][3] < 3:  # one line: the same foot, within 3 pt
            lines[-1].append(word)
        else:
            lines.append([word])
    dpi = 300
    picture = Image.open(pdf_page_png(pdf_path, contents_page, dpi, tmp_path / "contents"))
    grey = picture.convert("L")
    scale = dpi / 72
    numbers, titles, dots_start, dots_end, pages, gaps = [], [], [], [], [], []
    for line in lines:
        line.sort()
        if not line[-1][4].isdigit() or len(line) < 2:
            continue
        number = line[0][4]  # "9", or an appendix's letter, "B"
        numbered = number.isdigit() or (len(number) == 1 and number.isupper())
        numbered = numbered and line[1][0] - line[0][2] > 2 * MM  # not a title's first word
        if numbered:
            numbers.append(line[0][2])
        words = line[1:] if numbered else line
        titles.append(words[0][0])
        pages.append(words[-1][2])
        title_end, page_start = words[-2][2], words[-1][0]
        # The dots: dark pixels in a band around the baseline, between title and page number.
        top, foot = int((words[-1][3] - 4) * scale), int((words[-1][3] + 1) * scale)
        marked = [
            x
            for x in range(int(title_end * scale) + 1, int(page_start * scale) - 1)
            if any(int(grey.getpixel((x, y)) or 255) < 200 for y in range(top, foot))  # type: ignore[arg-type]
        ]
        assert marked, f"no dots after {words[:-1]}"
        dots_start.append(marked[0] / scale)
        dots_end.append(marked[-1] / scale)
        gaps.append(marked[0] / scale - title_end)
    assert len(titles) == len(outline) - 1 and len(numbers) >= 9, (titles, numbers)
    for column in (numbers, titles, dots_end, pages):
        assert max(column) - min(column) < 0.5, column
    assert min(gaps) >= 2.5 * MM, gaps
    assert min(titles) - max(numbers) >= 3 * MM, "a clear gap after the widest number"


def test_a_screen_reader_hears_the_contents_as_titles_and_page_numbers(tags):
    """The contents' dots are no text in the structure tree (a leader(". ") was some 40 tagged
    ". " spans a line, 716 on the page, which a screen reader reads out or pauses over), and
    its page numbers are no second Link inside the title's (a pseudo-element of the link)."""
    for part in tags.iter():
        kids = [k for k in part.children if k.name]
        heads = [i for i, k in enumerate(kids) if k.name == "H1" and k.text_content() == "Contents"]
        if heads:
            entries = next(k for k in kids[heads[0] :] if k.name == "L")
            break
    else:
        raise AssertionError("no H1 Contents in the structure tree")
    items = [k for k in entries.children if k.name == "LI"]
    assert len(items) >= 15, len(items)
    for item in items:
        texts = [t.text for t in item.iter() if t.text]
        assert texts[-1].isdigit() and len(texts) <= 3, texts  # number, title, page number
        assert not any(
            t.name == "Link"
            for link in item.iter()
            if link.name == "Link"
            for t in link.iter()
            if t is not link
        ), texts


def test_no_link_is_tagged_inside_another_link(tags):
    """A cross-reference's "(Chapter 7)" was the link's ::after, which WeasyPrint tags as a
    second Link inside the first (403 of them): a screen reader said "link, link", as if there
    were two places to go. The label is text after the link now (numbering.py)."""
    nested = [
        link.text_content()
        for link in tags.iter()
        if link.name == "Link"
        and any(inner.name == "Link" for inner in link.iter() if inner is not link)
    ]
    assert not nested, f"{len(nested)} Links hold another Link, e.g. {nested[:3]}"


def _outermost_matching(root: Tag, pattern: re.Pattern[str]) -> Iterator[Tag]:
    """The outermost tags whose whole text matches."""
    for child in root.children:
        if child.name and pattern.fullmatch(" ".join(child.text_content().split())):
            yield child
        else:
            yield from _outermost_matching(child, pattern)


def test_a_screen_reader_can_jump_to_each_summary_and_takeaways(tags):
    """The site marks the boxes' titles "In one minute" and "Key takeaways" as headings
    (role="heading", which test_a_skimmer_can_jump_to_a_chapters_summary_and_takeaways jumps
    to); WeasyPrint tags by element, so in the book they were P, and a reader moving by
    headings skipped them. They are H2 now (chapter.headings_from_roles), and a "More
    evidence" fold's title, a NonStruct summary, a heading below its section's."""
    found = list(
        _outermost_matching(
            tags, re.compile(r"In one minute|Key takeaways|More evidence \([^)]*\)")
        )
    )
    by_title = Counter(" ".join(t.text_content().split())[:13] for t in found)
    assert by_title["In one minute"] >= 9 and by_title["Key takeaways"] >= 9, by_title
    assert by_title["More evidence"] >= 5, by_title
    not_headings = [
        (t.name, t.text_content()) for t in found if not re.fullmatch(r"H[2-6]", t.name)
    ]
    assert not not_headings, not_headings


def test_a_glossary_term_and_its_definition_are_one_list_item(tags, site_dir):
    """A <dt> and its <dd> were two sibling LIs (220 items for 109 terms): a screen reader
    announced a list alternating terms and definitions, nothing tying one to the other. Each
    term is one LI holding its definition now (chapter.pair_definitions). WeasyPrint tags a
    page at a time, so the glossary is a Sect a page, and a definition running onto the next
    page goes on in a second LI at its top."""
    document = next(d for d in tags.iter() if any(s.name == "Sect" for s in d.children))
    sects = [s for s in document.children if s.name == "Sect"]
    first = next(
        i
        for i, sect in enumerate(sects)
        if any(h.name == "H1" and h.text_content() == "Glossary" for h in sect.children)
    )
    end = next(
        (i for i in range(first + 1, len(sects)) if any(h.name == "H1" for h in sects[i].children)),
        len(sects),
    )
    page = _parse(site_dir / "glossary.html")
    terms = [_text(dt) for dt in page.iter("dt")]
    definitions = [_text(dd) for dd in page.iter("dd")]
    assert len(terms) == len(definitions) >= 100, (len(terms), len(definitions))

    def letters(text: str) -> str:
        return re.sub(r"\W", "", text)

    done = 0
    for sect in sects[first:end]:
        items = [li for lst in sect.children if lst.name == "L" for li in lst.children]
        for number, item in enumerate(items):
            assert item.name == "LI", item.name
            text = letters(item.text_content())
            # the definition's start: the book adds " (Chapter 7)" after a cross-reference
            if done < len(terms) and text.startswith(
                letters(terms[done]) + letters(definitions[done])[:40]
            ):
                done += 1
            else:  # only the rest of the definition before, carried over to this page
                assert number == 0 and done, (
                    f"{text[:60]!r}: not {terms[done]!r} and its definition"
                )
    assert done == len(terms), f"{done} of {len(terms)} terms in one item with their definition"


def test_every_chapter_keeps_its_words(outline, page_texts, chapters):
    book = _chapter_entries(outline)
    ends = [page for _, page, _ in book[1:]] + [
        min((p for t, p, _ in outline if t in ("Bibliography", "Index")), default=len(page_texts))
    ]
    for (_, start, _), end, chapter in zip(book, ends, chapters, strict=True):
        pdf_words = Counter(w.casefold() for w in WORD.findall(" ".join(page_texts[start:end])))
        missing = chapter["words"] - pdf_words
        total = sum(chapter["words"].values())
        assert total, f"{chapter['path']} has no words"
        assert sum(missing.values()) <= MAX_MISSING_WORDS * total, (
            f"{chapter['path']}: {sum(missing.values())} of {total} words missing from the PDF, "
            f"e.g. {missing.most_common(8)}"
        )


def _further_reading_keys(site_dir: Path) -> set[str]:
    """Keys with an entry on the site's Further reading page (the hook gives each its key as id)."""
    page = site_dir / "further-reading.html"
    if not page.is_file():
        return set()
    return {el.get("id") for el in _parse(page).iter() if "further-reading__entry" in _classes(el)}


def test_citations_resolve_to_each_works_one_entry(reader, outline, page_texts, site_dir):
    text = "\n".join(page_texts)
    assert "[@" not in text
    keys = _reference_keys(site_dir)
    assert not [k for k in keys if f"@{k}" in text], "a pandoc citation leaked into the text"
    # Keys with a year (most of them) never occur in prose: seeing one means it was not rendered.
    leaked = [
        k
        for k in keys
        if re.search(r"\d", k) and re.search(rf"(?<![\w/.-]){re.escape(k)}(?![\w-])", text)
    ]
    assert not leaked, "a citation key leaked into the text"
    listed = _further_reading_keys(site_dir) & keys
    assert listed, "the site's Further reading lists the cited works"
    expected = {f"further-reading--{k}" if k in listed else f"bib-{k}" for k in keys}
    assert expected <= set(reader.named_destinations), "each cited work has an entry in the book"
    bib_anchors = {
        name.removeprefix("bib-") for name in reader.named_destinations if name.startswith("bib-")
    }
    assert bib_anchors == keys - listed, (
        "a Bibliography lists only works Further reading lacks, once each"
    )
    assert ("Bibliography" in [t for t, _, _ in outline]) == bool(keys - listed)
    if keys:
        assert "References" not in [c for _, _, children in outline for c, _ in children]
        everything = {f"further-reading--{k}" for k in keys} | {f"bib-{k}" for k in keys}
        cited = set(_internal_destinations(reader)) & everything
        assert cited == expected, "every cited work's citations link to its one entry"


def test_works_missing_from_further_reading_get_a_bibliography():
    """Unit check of book_pdf.bibliography: a work with an entry elsewhere in the book is linked
    there and not listed again; one without gets a Bibliography entry."""
    from book_pdf import htmltree as ht
    from book_pdf.bibliography import collect_entries, entry_homes, point_citations
    from book_pdf.chapter import Chapter
    from book_pdf.nav import NavPage

    def chapter(slug: str, markup: str, references: dict[str, str]) -> Chapter:
        section = ht.parse_fragment(f'<section id="{slug}">{markup}</section>')[0]
        refs = {
            k: ht.parse_fragment(f'<li id="ref-{k}">{v}</li>')[0] for k, v in references.items()
        }
        return Chapter(NavPage(path=f"{slug}.html", title=slug), slug, section, refs)

    more = '<a class="citation-reference__more" href="{}">In Further reading</a>'
    text = chapter(
        "text",
        '<p><a class="citation__link" href="#bib-a">A</a> '
        '<a class="citation__link" href="#bib-b">B</a> <a class="citation__link" href="#bib-c">C</a></p>',
        {
            "a": "Work A. " + more.format("#fr--a"),
            "b": "Work B. " + more.format("#fr"),
            "c": "Work C.",
        },
    )
    further = chapter("fr", '<div id="fr--a">Work A, annotated.</div>', {})
    homes = entry_homes([text, further])
    assert homes == {"a": "#fr--a"}, "a link to a chapter's start (b) or no link (c) is no home"
    point_citations([text, further], homes)
    assert [a.get("href") for a in text.section.iter("a")] == ["#fr--a", "#bib-b", "#bib-c"]
    assert [e.key for e in collect_entries([text, further], homes)] == ["b", "c"]


def _link_annotations(reader: PdfReader):
    for page in reader.pages:
        for reference in page.get("/Annots") or []:
            annot = reference.get_object()
            if annot.get("/Subtype") == "/Link":
                yield annot


def _internal_destinations(reader: PdfReader) -> list[str]:
    return [str(a["/Dest"]) for a in _link_annotations(reader) if "/Dest" in a]


def test_links_are_clickable_inside_and_out(reader):
    annots = list(_link_annotations(reader))
    external = [a["/A"]["/URI"] for a in annots if "/A" in a and a["/A"].get("/S") == "/URI"]
    internal = _internal_destinations(reader)
    assert any(str(u).startswith(("http://", "https://")) for u in external)
    assert internal and all(d in reader.named_destinations for d in internal), (
        "internal links land somewhere"
    )


def test_links_say_in_words_where_they_go(reader):
    """A tagged PDF's link annotations carry a description (/Contents) that screen readers and
    link tooltips read out: the book's own words for the target, never its anchor name."""
    internal = [a for a in _link_annotations(reader) if "/Dest" in a]
    raw = sorted({str(a["/Dest"]) for a in internal if str(a.get("/Contents")) == str(a["/Dest"])})
    assert not raw, f"{len(raw)} link targets described by their anchor name, e.g. {raw[:3]}"
    said = {str(a["/Dest"]): str(a["/Contents"]) for a in internal}
    assert said["further-reading--wiener1960some"].startswith("Further reading: Wiener, Norbert")
    assert all("--" not in words for words in said.values())
    web = [a for a in _link_annotations(reader) if "/A" in a]
    assert web and all(str(a["/Contents"]) == str(a["/A"]["/URI"]) for a in web), (
        "a link to the web keeps its address"
    )


def test_document_metadata(reader, site_dir):
    home = _parse(site_dir / "index.html")
    meta = {el.get("name"): el.get("content") for el in home.iter("meta") if el.get("name")}
    logo = next(el for el in home.iter("a") if "md-logo" in _classes(el))
    info = reader.metadata
    assert info.title == logo.get("title")
    assert info.author == meta["author"] and info.author
    assert info.subject == meta["description"] and info.subject
    assert reader.trailer["/Root"]["/Lang"] == home.get("lang")


SITE_FONT_FAMILIES = ("Inter", "Literata", "JetBrains")


def _embedded_fonts(reader: PdfReader) -> dict[str, set[int]]:
    """Embedded font name (subset prefix dropped) -> the 1-based pages that use it."""
    embedded: dict[str, set[int]] = {}
    for number, page in enumerate(reader.pages, start=1):
        for reference in ((page.get("/Resources") or {}).get("/Font") or {}).values():
            font = reference.get_object()
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = descendant["/FontDescriptor"].get_object()
            if any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                embedded.setdefault(str(font["/BaseFont"]).split("+")[-1], set()).add(number)
    return embedded


def test_site_fonts_are_embedded(reader):
    embedded = _embedded_fonts(reader)
    assert any(name.startswith("Inter") for name in embedded), embedded
    assert any(name.startswith("Literata") for name in embedded), embedded


def test_no_embedded_font_other_than_the_sites(reader):
    """A fallback font (DejaVu) means a character the site's fonts lack: see
    tests/test_book.py::test_every_character_has_a_glyph_in_its_site_font for which."""
    others = {
        name: sorted(pages)
        for name, pages in _embedded_fonts(reader).items()
        if not name.startswith(SITE_FONT_FAMILIES)
    }
    assert not others, f"fonts other than the site's embedded (name: pages): {others}"


def test_the_colophon_names_exactly_the_typefaces_embedded(reader, page_texts):
    """The colophon's "Set in ..." lists the families the book embeds, no more (JetBrains Mono
    only when some text is code)."""
    set_in = re.search(r"Set in (.+?), the website", " ".join(page_texts[1].split()))
    assert set_in, page_texts[1]
    named = set(re.split(r", | and ", set_in[1]))
    embedded = set(_embedded_fonts(reader))
    printed_names = {"Inter": "Inter", "Literata": "Literata", "JetBrains": "JetBrains Mono"}
    families = {
        printed_names[family]
        for family in SITE_FONT_FAMILIES
        if any(name.startswith(family) for name in embedded)
    }
    assert named == families, (named, embedded)


def test_demos_print_their_static_figure_and_live_url(page_texts, chapters):
    text = " ".join(" ".join(page_texts).split())
    assert text.count("Interactive version:") == sum(c["demo_figures"] for c in chapters)


def test_a4_by_default_and_letter_on_request(reader, site_dir, tmp_path):
    assert all(_size(p) == A4 for p in reader.pages)
    letter = tmp_path / "letter.pdf"
    render_pdf(
        "<html lang='en'><body><p>Letter</p></body></html>",
        site_dir,
        letter,
        PrintSettings(paper="letter"),
    )
    assert _size(PdfReader(letter).pages[0]) == LETTER


def _size(page) -> tuple[float, float]:
    return (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1))


def test_preview_images_for_a_person(pdf_path, outline, page_texts):
    """Cover, contents, a chapter opening, a page with a figure and the index as PNG, in
    test-artifacts/, for a person to look at."""
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm (Debian poppler-utils) is needed for the previews")
    ARTIFACTS.mkdir(exist_ok=True)
    chapter_page = _chapter_entries(outline)[min(1, len(outline) - 1)][1] + 1
    contents_page = next(page for title, page, _ in outline if title == "Contents") + 1
    figure_page = next(
        i + 1 for i, text in enumerate(page_texts) if re.search(r"Figure \d+\.\d+ ", text)
    )
    index_page = next(page for title, page, _ in outline if title == "Index") + 1
    previews = (
        ("pdf-cover", 1),
        ("pdf-contents", contents_page),
        ("pdf-chapter", chapter_page),
        ("pdf-figure", figure_page),
        ("pdf-index", index_page),
    )
    for name, page in previews:
        assert pdf_page_png(pdf_path, page, 80, ARTIFACTS / name).stat().st_size > 5000


def test_no_word_is_left_alone_before_an_inline_element(site_dir, tmp_path):
    """WeasyPrint 70 leaves one word alone on a line when the text before an inline element
    fits only without its trailing space (book_pdf.weasyprint_fixes). One paragraph per width,
    1 px apart, so one of them falls in that window of a space's width."""
    words = "Alignment work asks whether a trained system pursues what its designers intended"
    paragraphs = "".join(
        f'<p style="width:{width}px;margin:0 0 8px">{words} <span>(Someone et al., 2020)</span> and more.</p>'
        for width in range(440, 600)
    )
    out = tmp_path / "lines.pdf"
    render_pdf(f"<html lang='en'><body>{paragraphs}</body></html>", site_dir, out)
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    first_lines = [
        line.strip() for line in text.splitlines() if line.strip().startswith("Alignment")
    ]
    assert len(first_lines) == 160
    assert all(len(line.split()) > 1 for line in first_lines), [
        line for line in first_lines if len(line.split()) == 1
    ]


def test_no_line_is_cut_short_by_hyphenating_a_run_that_fits(site_dir, tmp_path):
    """The same bug with hyphens on: a run that fits only without its trailing space, after an
    inline element, had its first long word hyphenated, wherever it stood: "What   is   lost
    here   is   certainty   about   which   goal   the   model   ab-" (book_pdf.weasyprint_fixes).
    Across the widths where the run fits, no first line ends inside "internalized"."""
    run = (
        "What is lost here is certainty about <em>which</em> goal the model internalized. "
        "The chapter <span>(Someone et al., 2020)</span> treats this as goal misgeneralization."
    )
    paragraphs = "".join(
        f'<p style="width:{width}px;margin:0 0 8px">{run}</p>' for width in range(450, 570)
    )
    out = tmp_path / "lines.pdf"
    render_pdf(f"<html lang='en'><body>{paragraphs}</body></html>", site_dir, out)
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    first_lines = [line for line in lines if line.startswith("What is")]
    assert len(first_lines) == 120
    assert all("internalized." in line for line in first_lines), [
        line for line in first_lines if "internalized." not in line
    ]


def test_a_folder_that_is_not_a_built_site_gets_a_clear_error(tmp_path):
    from book_pdf import BookError

    with pytest.raises(BookError) as error:
        build_book(tmp_path)
    assert str(tmp_path / "index.html") in str(error.value)
    assert "build the site" in str(error.value)


def test_cli_reports_problems_without_a_traceback(tmp_path):
    import os
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "book_pdf", "--site-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")},
        check=False,
    )
    assert result.returncode == 1
    assert "index.html" in result.stderr and "Traceback" not in result.stderr


def test_a_missing_stylesheet_or_paper_is_named_before_any_work(tmp_path):
    """Both problems at once, each naming its option and the fix, before the site is read."""
    import os
    import sys

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "book_pdf",
            "--site-dir",
            str(tmp_path),
            "--stylesheet",
            str(tmp_path / "mine.css"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")},
        check=False,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"--stylesheet: no such file: {tmp_path / 'mine.css'}" in result.stderr
    assert "index.html" not in result.stderr  # reported before the site is looked at


def test_print_settings_own_stylesheet_untagged_uncompressed(site_dir, tmp_path):
    """A stylesheet of one's own wins over book.css; untagged leaves out the structure tree;
    uncompressed writes the page content as plain operators."""
    mine = tmp_path / "mine.css"
    mine.write_text("h1::after { content: ' MY OWN EDITION'; }", encoding="utf-8")
    html = "<html lang='en'><body><h1>Title</h1><p>Some text to print.</p></body></html>"
    outputs = {}
    for name, settings in {
        "default": PrintSettings(),
        "mine": PrintSettings(stylesheets=(mine,)),
        "untagged": PrintSettings(tagged=False),
        "uncompressed": PrintSettings(compressed=False),
    }.items():
        outputs[name] = tmp_path / f"{name}.pdf"
        render_pdf(html, site_dir, outputs[name], settings)
    readers = {name: PdfReader(path) for name, path in outputs.items()}
    assert "MY OWN EDITION" in readers["mine"].pages[0].extract_text()
    assert "MY OWN EDITION" not in readers["default"].pages[0].extract_text()
    assert "/StructTreeRoot" in readers["default"].root_object
    assert "/StructTreeRoot" not in readers["untagged"].root_object
    plain, packed = (
        readers[n].pages[0]["/Contents"].get_object() for n in ("uncompressed", "default")
    )
    assert isinstance(plain, StreamObject) and isinstance(packed, StreamObject)
    assert "/Filter" not in plain and "/Filter" in packed
    assert b"BT" in plain.get_data()  # text operators, readable as they are
    assert outputs["uncompressed"].stat().st_size > outputs["default"].stat().st_size


def test_build_book_passes_its_print_settings_on(site_dir, tmp_path, monkeypatch):
    from book_pdf import pipeline

    seen = []
    monkeypatch.setattr(pipeline, "render_pdf", lambda *args: seen.append(args[3]))
    mine = tmp_path / "mine.css"
    mine.write_text("p { color: black }", encoding="utf-8")
    build_book(
        site_dir,
        tmp_path / "book.pdf",
        paper="letter",
        stylesheets=[mine],
        tagged=False,
        compressed=False,
    )
    assert seen == [PrintSettings("letter", (mine.resolve(),), tagged=False, compressed=False)]


# ---------- the speed-ups and upstream workarounds keep the book the same ----------


def test_print_neutral_wrappers_are_unwrapped_keeping_text_and_links():
    from book_pdf import htmltree as ht
    from book_pdf.chapter import _is_print_neutral

    body = ht.parse_fragment(
        '<p>ours <span class="citation">(<span class="citation__work"><a href="#a">W, 1960</a></span>)'
        '</span>. Then <span class="citation">(<span class="citation__work"><a href="#b">N, '
        '<abbr title="reward model">RM</abbr> 2024</a></span>)</span>, <abbr title="x">RLHF</abbr> '
        'and <abbr id="kept" title="y">K</abbr> <span class="citation-ref__title">T</span></p>'
    )
    assert ht.unwrap_where(body, _is_print_neutral) == 6
    assert ht.to_html(body[0]) == (
        '<p>ours (<a href="#a">W, 1960</a>). Then (<a href="#b">N, RM 2024</a>), RLHF and '
        '<abbr id="kept" title="y">K</abbr> <span class="citation-ref__title">T</span></p>'
    )


def test_garbage_collection_pause_nests_and_restores():
    import gc

    from gc_pause import gc_paused

    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled(), "the inner pause must not switch collection back on"
    assert gc.isenabled()


def test_tinyhtml5_parses_the_same_with_the_working_regex_cache(site_dir):
    """book_pdf.tinyhtml5_fixes only makes parsing faster: same tree for every page."""
    import xml.etree.ElementTree as ET

    import tinyhtml5.inputstream as inputstream

    from book_pdf import tinyhtml5_fixes

    pages = [site_dir / path for path in _nav_paths(site_dir)]
    assert tinyhtml5_fixes.apply()
    fast = [ET.tostring(_parse(page)) for page in pages]
    inputstream.characters_until_regex = {}  # tinyhtml5's own (never-hitting) cache
    try:
        slow = [ET.tostring(_parse(page)) for page in pages]
    finally:
        tinyhtml5_fixes.apply()
    assert fast == slow


def test_a_one_shot_command_exits_with_its_code_and_output_kept(tmp_path):
    """one_shot.exit_without_teardown: the collector is off while main runs, what it printed
    reaches the pipe (buffers are flushed before the process ends at once), its code is kept."""
    script = (
        "import gc, sys\n"
        "from one_shot import exit_without_teardown\n"
        "def main():\n"
        "    print('collector on:', gc.isenabled())\n"
        "    print('to stderr', file=sys.stderr)\n"
        "    return 3\n"
        "exit_without_teardown(main)\n"
        "print('never reached')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT / "scripts",
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        3,
        "collector on: False\n",
        "to stderr\n",
    )


# ---------- the book's typography, numbers, index and accessibility ----------


def _bbox_pages(pdf_path: Path) -> list:
    """Every page poppler finds, its <line>s and <word>s with their boxes, in points."""
    import xml.etree.ElementTree as ET

    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf_path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return list(ET.fromstring(out.replace('xmlns="http://www.w3.org/1999/xhtml"', "")).iter("page"))


def _line_text(line) -> str:
    """A <line> of _bbox_pages as text, its words joined by spaces."""
    return " ".join(word.text or "" for word in line.iter("word"))


def _bbox_lines(pdf_path: Path) -> list[tuple[float, float, float, str]]:
    """(height, left, right, text) of every line poppler finds, in points."""
    lines = []
    for line in (line for page in _bbox_pages(pdf_path) for line in page.iter("line")):
        y_min, y_max, x_min, x_max = (
            float(line.get(name, "nan")) for name in ("yMin", "yMax", "xMin", "xMax")
        )
        lines.append(
            (
                round(y_max - y_min, 1),
                x_min,
                x_max,
                _line_text(line),
            )
        )
    return lines


def test_body_text_is_set_to_a_book_measure(pdf_path):
    """Median characters per full line of body text (the commonest line height, from the
    column's left edge to its right: justified lines) between 60 and 80, as books set it."""
    import statistics

    lines = _bbox_lines(pdf_path)
    body_height = Counter(h for h, *_ in lines).most_common(1)[0][0]
    body = [line for line in lines if line[0] == body_height]
    left = Counter(round(x0) for _, x0, _, _ in body).most_common(1)[0][0]
    right = Counter(round(x1) for _, _, x1, _ in body).most_common(1)[0][0]
    full = [len(text) for _, x0, x1, text in body if abs(x0 - left) < 2 and abs(x1 - right) < 2]
    assert len(full) > 500, "most body lines are justified to the full measure"
    assert 60 <= statistics.median(full) <= 80, statistics.median(full)


LINE_PITCH = 1.5 * BODY_PT  # book.css: html { line-height: 1.5 }
# Inter's word space between two words' boxes, as poppler measures it on the tightest justified
# lines (not stretched at all): 0.26 em. LaTeX's default tolerance stretches a space to about
# 1.5-2 times its width; a line past twice a normal space reads as loose.
NORMAL_SPACE_EM = 0.26
LOOSE_SPACE_EM = 2 * NORMAL_SPACE_EM
# WeasyPrint breaks lines one at a time, first fit, so a line before an unbreakable run (a
# citation's "(Carlsmith, 2022)", a name, "(Chapter 7)", a tied "were disasters.") stretches
# to fill what the run leaves: no bar holds every line. 12.6% of the lines were this loose
# (245 of 1,947) before the hyphenation limits of book.css, names' patterns anchored at both
# ends (proper_names.py), cross-references' endings left untied (typography.py) and the
# trailing-space workaround's hyphenated case (weasyprint_fixes.py); 9.2% (180) after.
MAX_LOOSE_SHARE = 0.11

Word = tuple[float, float, float, float, str]  # x0, y0, x1, y1, text


def _box(element) -> tuple[float, float, float, float]:
    """A poppler <word>'s or <line>'s box: x0, y0, x1, y1, in points."""
    x0, y0, x1, y1 = (float(element.get(k, "nan")) for k in ("xMin", "yMin", "xMax", "yMax"))
    return x0, y0, x1, y1


def _visual_lines(page) -> list[list[Word]]:
    """A page's words grouped into the lines they are set on, each left to right: a word joins
    a line it overlaps by more than half its height. (poppler's own <line>s will not do: it
    splits a line whose spaces are wide into a "flow" per word, so the loosest lines would go
    unmeasured.)"""
    words: list[Word] = [(*_box(word), word.text or "") for word in page.iter("word")]
    lines: list[tuple[list[float], list[Word]]] = []  # ([top, bottom], words)
    for word in sorted(words, key=lambda w: (w[1], w[0])):
        top, bottom = word[1], word[3]
        for extent, members in reversed(lines[-3:]):
            overlap = min(bottom, extent[1]) - max(top, extent[0])
            if overlap > 0.5 * min(bottom - top, extent[1] - extent[0]):
                members.append(word)
                extent[:] = [min(top, extent[0]), max(bottom, extent[1])]
                break
        else:
            lines.append(([top, bottom], [word]))
    return [sorted(members) for _, members in lines]


def _justified_body_lines(pages: list) -> list[tuple[float, int, str]]:
    """(mean gap between words in em, page number, text) of every justified line of body text:
    set in the body's size (the commonest word height), from the text's left edge or an indent
    to its right edge, and followed by another line of its paragraph (a last line is set ragged)
    or at the foot of the page. Gaps next to a word of another size (inline code) are left out."""
    pages_lines = [_visual_lines(page) for page in pages]
    height = Counter(round(w[3] - w[1], 1) for lines in pages_lines for line in lines for w in line)
    body_height = height.most_common(1)[0][0]

    def is_body(word: Word) -> bool:
        return round(word[3] - word[1], 1) == body_height

    body = [line for lines in pages_lines for line in lines if is_body(line[0])]
    left = Counter(round(line[0][0]) for line in body).most_common(1)[0][0]
    right = Counter(round(line[-1][2]) for line in body).most_common(1)[0][0]
    justified = []
    for number, lines in enumerate(pages_lines, start=1):
        tops = [line[0][1] for line in lines]
        for line in lines:
            first, last = line[0], line[-1]
            if not (is_body(first) and is_body(last)) or first[0] < left - 1:
                continue
            if abs(last[2] - right) > 1.5:
                continue
            continued = any(abs(top - first[1] - LINE_PITCH) < 1.5 for top in tops)
            if not continued and last[3] < TEXT_BOTTOM - LINE_PITCH:
                continue  # a paragraph's last line that happens to reach the edge
            gaps = [b[0] - a[2] for a, b in itertools.pairwise(line) if is_body(a) and is_body(b)]
            if len(gaps) >= 3:
                text = " ".join(word[4] for word in line)
                justified.append((statistics.mean(gaps) / BODY_PT, number, text))
    return justified


def test_justified_lines_rarely_stretch_their_spaces_past_twice_a_normal_space(pdf_path):
    """Justified text stretches a line's spaces to fill it, and a reader notices spaces that
    open to twice their width: around citations, names kept whole and words that would not
    hyphenate. At most one justified line of body text in nine may stretch its spaces that far
    (MAX_LOOSE_SHARE: the loosest lines are named when this fails)."""
    lines = _justified_body_lines(_bbox_pages(pdf_path))
    assert len(lines) > 1500, "most body lines are found justified"
    assert statistics.median(gap for gap, *_ in lines) < 1.6 * NORMAL_SPACE_EM
    loose = sorted((line for line in lines if line[0] > LOOSE_SPACE_EM), reverse=True)
    worst = [f"p. {page}: {gap:.2f} em: {text}" for gap, page, text in loose[:15]]
    assert len(loose) <= MAX_LOOSE_SHARE * len(lines), (
        f"{len(loose)} of {len(lines)} justified lines ({len(loose) / len(lines):.1%}) have "
        f"spaces over {LOOSE_SPACE_EM} em; the loosest: {worst}"
    )


def test_figures_break_out_of_the_measure_so_their_labels_stay_legible(pdf_path):
    """The site's 720-960 px figures are set wider than the text, into the side margins, so that
    their labels print at about 7 pt, not 5 pt."""
    lines = _bbox_lines(pdf_path)
    body_height = Counter(h for h, *_ in lines).most_common(1)[0][0]
    left = Counter(round(x0) for h, x0, _, _ in lines if h == body_height).most_common(1)[0][0]
    right = Counter(round(x1) for h, _, x1, _ in lines if h == body_height).most_common(1)[0][0]
    intent = [(x0, x1) for _, x0, x1, text in lines if text == "Human intent"]
    assert intent and min(x0 for x0, _ in intent) < left - 10, (intent, left)
    assert max(x1 for _, x1 in intent) < 595 - 30, "and stays well inside the page"
    # (the boat race's charts: their axis titles, see the 7 pt test below)
    axis = [h / (body_height / BODY_PT) for h, *_, text in lines if text == "Training episode"]
    assert len(axis) >= 2 and min(axis) >= MIN_LABEL_PT, axis
    assert right - left < 400, "the text itself keeps its measure"


def test_no_page_inside_a_chapter_is_left_more_than_half_empty(pdf_path, outline):
    """A figure too tall for the rest of its page moves on and leaves a gap: wide figures once
    left page 26 with its text ending at 37% of its height. Figures are capped in height (book.css)
    so that none does: apart from a chapter's last page, text runs past 40% of every page."""
    pages = _bbox_pages(pdf_path)
    starts = {page for _, page, _ in outline} | {len(pages)}
    short = []
    for index, page in enumerate(pages):
        if index + 1 in starts:  # a chapter's (or the book's) last page ends where it ends
            continue
        height = float(page.get("height", "nan"))
        bottoms = [float(line.get("yMax", "0")) for line in page.iter("line")]
        text = [y for y in bottoms if y < height - 50]  # not the page number in the foot
        if text and max(text) < 0.4 * height:
            short.append((index + 1, round(max(text) / height, 2)))
    assert not short, f"pages whose text ends above 40% of the page: {short}"


MAX_EMPTY = 0.4  # of a page's text area, below its last line (a chapter's last page aside)
CAPTION = re.compile(r"Figure (?:\d+|[A-Z])\.\d+ ")


def _figure_opens(page, body_height: float, measure: tuple[float, float]) -> bool:
    """Whether a figure opens the page: a figure caption ("Figure 2.3 ...") on it with no line of
    running text above it (text in the body's size across most of the measure; a figure's
    labels are smaller, and its rows of labels are not set to the measure)."""
    lines = [line for line in _visual_lines(page) if TEXT_TOP < line[0][3] <= TEXT_BOTTOM + 1]
    left, right = measure
    for line in lines:
        if CAPTION.match(" ".join(word[4] for word in line)):
            return True
        text_sized = all(round(word[3] - word[1], 1) == body_height for word in line)
        if text_sized and line[-1][2] - line[0][0] > 0.8 * (right - left):
            return False
    return False


def test_no_page_inside_a_chapter_is_more_than_two_fifths_empty_unless_a_figure_follows(
    pdf_path, outline
):
    """Every page but a part's last (a chapter, the glossary, the index) is filled to three
    fifths of its text area or more, or is followed by a page that opens on a figure, which may
    not fit what is left (figures cannot break). A table or a box that moved on whole and left
    a third of a page empty is what this catches (a long table breaks, a long box too: book.css).
    It does not catch a chapter's Key takeaways, which stays whole and may leave up to two fifths
    of the page before it empty (Where experts disagree's left 32%, p. 85 of 149)."""
    pages = _bbox_pages(pdf_path)
    lines = [line for page in pages for line in _visual_lines(page)]
    heights = Counter(round(w[3] - w[1], 1) for line in lines for w in line)
    body_height = heights.most_common(1)[0][0]
    body = [line for line in lines if round(line[0][3] - line[0][1], 1) == body_height]
    measure = (
        Counter(round(line[0][0]) for line in body).most_common(1)[0][0],
        Counter(round(line[-1][2]) for line in body).most_common(1)[0][0],
    )
    ends = {page for _, page, _ in outline} | {len(pages)}
    holes = [
        (index + 1, f"{1 - _filled(page):.0%} empty")
        for index, page in enumerate(pages)
        if index + 1 not in ends
        and _filled(page) < 1 - MAX_EMPTY
        and not _figure_opens(pages[index + 1], body_height, measure)
    ]
    assert not holes, f"pages more than {MAX_EMPTY:.0%} empty before a page of text: {holes}"


def test_a_more_evidence_fold_does_not_leave_the_page_before_it_a_quarter_empty(pdf_path):
    """A fold printed open that is kept whole moves on when it does not fit: chapter 7's "More
    evidence" (two items and a table) left the page before it 45% empty. A fold at the top of a
    page follows a page whose text runs into its last quarter."""
    pages = _bbox_pages(pdf_path)
    tops = {
        index
        for index, page in enumerate(pages)
        for line in page.iter("line")
        if _line_text(line).startswith("More evidence")
        and _box(line)[1] < 0.25 * float(page.get("height", "nan"))
    }
    printed = [_line_text(line) for page in pages for line in page.iter("line")]
    assert any(text.startswith("More evidence") for text in printed), "no More evidence fold"
    for index in tops:
        before = pages[index - 1]
        height = float(before.get("height", "nan"))
        bottoms = [_box(line)[3] for line in before.iter("line") if _box(line)[3] < height - 50]
        assert bottoms and max(bottoms) > 0.75 * height, (
            f"p. {index}: text ends at {max(bottoms) / height:.0%} before a fold on p. {index + 1}"
        )


MIN_LAST_PAGE_LINES = 5


def test_no_chapter_ends_on_a_page_of_a_line_or_two(pdf_path, outline):
    """A chapter's last page holds more than the tail of its last paragraph: the boat race once
    ended on a page of two lines, the end of a sentence pointing to Goodhart's Law, after a
    page with room for all but those two. When this fails, tighten (or lengthen) the end of the
    chapter named, as an editor fits copy to the page."""
    pages = _bbox_pages(pdf_path)
    starts = {page for _, page, _ in outline} | {len(pages)}
    runts = {}
    for title, start, _ in outline:
        end = min(page for page in starts if page > start)
        if end - start < 2:  # a part of one page (the contents) ends where it starts
            continue
        lines = [
            line
            for line in pages[end - 1].iter("line")
            if TEXT_TOP < float(line.get("yMax", "0")) <= TEXT_BOTTOM + 1
        ]
        if len(lines) < MIN_LAST_PAGE_LINES:
            runts[title] = (end, len(lines))
    assert not runts, f"chapters whose last page (page, lines) holds a line or two: {runts}"


def _filled(page) -> float:
    """How far down the page area a page's text runs, from 0 (none) to 1 (its foot)."""
    bottoms = [float(line.get("yMax", "0")) for line in page.iter("line")]
    text = [y for y in bottoms if TEXT_TOP < y <= TEXT_BOTTOM + 1]  # not the page number
    return (max(text, default=TEXT_TOP) - TEXT_TOP) / (TEXT_BOTTOM - TEXT_TOP)


def test_each_demo_chapter_opens_on_a_page_at_most_a_third_empty(pdf_path, outline, site_dir):
    """A demo chapter opens on a figure 15-17 cm tall (image, caption, address, QR code) that does
    not fit under its title and summary: it moved on alone and left the first page 45-55% empty.
    The text after it now fills that page first, as a book defers a figure (placement.py)."""
    pages = _bbox_pages(pdf_path)
    starts = {
        path: page
        for path, (_, page, _) in zip(_nav_paths(site_dir), _chapter_entries(outline), strict=True)
        if path.startswith("demos/")
    }
    assert len(starts) >= 3, "the demos' index and its two demo pages are chapters"
    empty = {path: round(1 - _filled(pages[page]), 2) for path, page in starts.items()}
    assert all(share <= 1 / 3 for share in empty.values()), f"first pages' empty share: {empty}"


# What the book may print under 7 pt: marks that are symbols, not labels, each with why. A text
# with no letter or digit counts as a symbol, and one printed under 7 pt must be named here.
SMALL_SYMBOLS = {
    ("demo-boat-race.svg", "+"): "the mark inside each reward target's circle on the race course "
    "(boat-course-draw.js), sized to its circle: a symbol read by its shape, not a label",
}


def test_every_figure_prints_every_label_at_7_pt_or_more(reader, site_dir):
    """A book's figure labels print at 7 pt or more. The site draws its figures for a screen
    (labels of 11-15 px, 720-960 px wide) and the book prints each at most 174 mm wide and 125 mm
    tall (book.css), so a label's printed size depends on the figure's shape as well as its font
    size: Constitutional AI's 800 x 660 figure, set 125 mm tall, printed its 12 px labels at
    6.4 pt; the boat race's result, once drawn 960 px wide, its ticks at 5.4 pt. Every figure of
    every page of the book, hand-drawn or generated from a live demo: its smallest label (the SVG
    text or tspan of a letter or digit with the smallest font size, its groups' scales applied),
    times the scale it prints at (its image's width in the PDF's structure tree over the SVG's
    viewBox). A text with no letter or digit is a symbol, and one under 7 pt must be named, with
    why, in SMALL_SYMBOLS."""
    widths = _figure_widths(reader)
    printed: dict[str, tuple[float, str]] = {}
    small_symbols: dict[tuple[str, str], float] = {}
    missing: list[str] = []
    for path in _nav_paths(site_dir):
        for figure in _printed_article(site_dir / path).iter("figure"):
            img = figure.find(".//img")
            if img is None or not img.get("src", "").endswith(".svg"):
                continue
            svg = (site_dir / path).parent / img.get("src", "")
            alt = _plain_quotes(" ".join(img.get("alt", "").split()))
            # A figure told in words on the site carries that text after its alt in the book.
            width = widths.get(alt) or next(
                (w for told, w in widths.items() if told.startswith(alt + " ")), None
            )
            if width is None:
                missing.append(f"{path}: {svg.name}")
                continue
            source = svg.read_text(encoding="utf-8")
            scale = width * PT_PER_PX / viewbox_width(source)  # points per viewBox unit
            labels = [(round(size * scale, 2), text) for size, text in text_sizes(source)]
            printed[f"{path}: {svg.name}"] = min(p for p in labels if re.search(r"\w", p[1]))
            for size, text in labels:
                if not re.search(r"\w", text) and size < MIN_LABEL_PT:
                    small_symbols.setdefault((svg.name, text), size)
    assert not missing, f"figures the book prints without their alt text, or not at all: {missing}"
    names = {key.rsplit(" ", 1)[1] for key in printed}
    assert {"cai-two-phase.svg", "live-kl-leash.svg", "demo-boat-race.svg"} <= names, names
    small = {key: label for key, label in printed.items() if label[0] < MIN_LABEL_PT}
    assert not small, f"smallest labels under {MIN_LABEL_PT} pt (pt, text): {small}"
    assert set(small_symbols) == set(SMALL_SYMBOLS), (
        f"symbols printed under {MIN_LABEL_PT} pt (pt): {small_symbols}; named: {set(SMALL_SYMBOLS)}"
    )


PT_PER_PX = 0.75  # WeasyPrint writes a figure's /BBox in CSS pixels


def _figure_widths(reader: PdfReader) -> dict[str, float]:
    """Each tagged figure's alt text (quotes straight) -> its image's width, in CSS pixels."""
    widths: dict[str, float] = {}
    for node in _structure(reader):
        if node["/S"] == "/Figure" and "/Alt" in node and "/A" in node:
            x1, _, x2, _ = (float(v) for v in node["/A"]["/BBox"])
            widths[_plain_quotes(" ".join(str(node["/Alt"]).split()))] = x2 - x1
    return widths


@pytest.fixture(scope="session")
def layout_text(pdf_path: Path) -> str:
    """The book's text laid out as on its pages, lines kept: pdftotext's default mode joins a
    word hyphenated at a line end (and an address broken after its own hyphen)."""
    return subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf_path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.fixture(scope="session")
def line_end_breaks(layout_text: str) -> list[tuple[str, str]]:
    """Each word split over a line end inside a page, as (its part before the hyphen, its part
    after)."""
    # (a word split over a page break is left out: the running head or foot comes between)
    # (and only words: an address or identifier split at its own hyphen is no hyphenation)
    return re.findall(r"(?<![\w/.])([^\W\d_]+)-\n[ \t]*([^\W\d_]+)\b", layout_text)


def test_an_address_breaks_before_its_own_hyphen_never_after(layout_text):
    """ "openai.com/index/learning-from-human-" at a line end reads as a hyphenated word, and
    a copy drops the hyphen: the book breaks an address before a hyphen, so the next line
    starts with it (book_pdf/address_breaks.py), or after a slash."""
    after = re.findall(r"(\S*/\S*-)\n", layout_text)
    assert not after, after
    before = re.findall(r"\S*/\S*\n[ \t]*-\S+", layout_text)
    assert len(before) >= 3, "some addresses in the references break before a hyphen"


@pytest.fixture(scope="session")
def book_tree(site_dir: Path):
    from book_pdf.pipeline import book_document

    return book_document(site_dir)


def test_a_cross_reference_never_splits_its_chapter(line_end_breaks, book_tree):
    """The "(Chapter 8)" book.css writes after a cross-reference is never hyphenated
    ("Chap-ter")."""
    labels = {word for a in book_tree.iter("a") for word in a.get("data-xref", "").split()}
    assert "Chapter" in labels
    split = [f"{a}-{b}" for a, b in line_end_breaks if a + b in labels]
    assert not split, split


def test_words_are_hyphenated_where_an_english_dictionary_splits_them(line_end_breaks, book_tree):
    """pyphen's British patterns split "rewar-ded" and "presen-ted"; the book hyphenates with its
    American ones (BookInfo.hyphenation_language), so every split falls where they allow. A
    hyphen that the text itself has ("alignment-faking") is not a split."""
    import pyphen

    text = "".join(book_tree.itertext())
    dictionary = pyphen.Pyphen(lang="en_US")
    splits = [(a, b) for a, b in line_end_breaks if f"{a}-{b}" not in text]
    assert len(splits) > 100, "the body text is hyphenated"
    wrong = [f"{a}-{b}" for a, b in splits if len(a) not in dictionary.positions(a + b)]
    assert not wrong, wrong
    assert book_tree.find("body").get("lang") == "en-US"
    assert book_tree.get("lang") == "en", "the document's own language is the site's"


def test_proper_names_are_never_split_at_a_line_end(line_end_breaks, book_tree):
    """ "Christi-/ano", "Chat-/GPT" and "Ox-/ford" misread: a word the book only ever writes
    with a capital is kept whole (book_pdf/proper_names.py); other words still split."""
    from book_pdf.proper_names import proper_names

    text = "".join(book_tree.itertext())
    names = proper_names(text)
    assert {"christiano", "chatgpt", "oxford"} <= names
    # A line may end at a word's own hyphen ("cyber-/security", also written "Cybersecurity" in
    # a title): that is no hyphenation.
    hyphenated = {w.lower() for w in re.findall(r"[^\W\d_]+-[^\W\d_]+", text)}
    split = [
        f"{a}-{b}"
        for a, b in line_end_breaks
        if (a + b).lower() in names and f"{a}-{b}".lower() not in hyphenated
    ]
    assert not split, split


def test_no_paragraph_ends_on_a_line_of_one_short_word(layout_text):
    """A paragraph's last line holding only "to." or "2016)." after a full line is a runt; the
    book ties short endings to the word before (typography.tie_short_endings). Read with
    -layout: a paragraph's last line is followed by a blank one."""
    lines = layout_text.split("\n")
    runts = [
        (lines[i - 1].strip()[-30:], line.strip())
        for i, line in enumerate(lines[1:-1], start=1)
        if re.fullmatch(r"\S{1,10}[.!?:;)]", line.strip())
        and not lines[i + 1].strip()
        and len(lines[i - 1].strip()) > 60
        and not lines[i - 1].rstrip().endswith("-")  # a hyphenated word's end: not a tie's job
    ]
    assert not runts, runts


def _pages_of(outline, title: str) -> range:
    """The page indexes of a top-level part of the book, from its bookmark to the next one's."""
    starts = [page for _, page, _ in outline]
    start = next(page for name, page, _ in outline if name == title)
    later = [page for page in starts if page > start]
    return range(start, min(later) if later else start + 10)


def _table_pages(table, page_texts: list[str]) -> list[int]:
    """The pages a table's rows are on, in order: from its caption's page to the page holding
    its last row's first cell."""
    caption = " ".join("".join(table.find("caption").itertext()).split())
    label = " ".join(
        caption.split()[:4]
    )  # "Table 3.1 Some documented": not a cross-reference to it
    first = next(
        i
        for i, text in enumerate(page_texts)
        if _plain_quotes(label) in _plain_quotes(" ".join(text.split()))
    )
    words = _plain_quotes("".join(list(table.iter("tr"))[-1][0].itertext())).split()
    # The cell's first 30 characters or, where the cell wraps in a narrow column (pdftotext
    # reads a row's lines across its cells: "AI doing the Agents beat ... research"), its first
    # words, down to two.
    for count in range(len(words), min(len(words), 2) - 1, -1):
        start = " ".join(words[:count])[:30]
        pages = [i for i in range(first, len(page_texts)) if start in _joined(page_texts[i])]
        if pages:
            return list(range(first, pages[0] + 1))
    raise AssertionError(f"the last row of {label!r} ({' '.join(words)!r}) is on no page")


def _body_rows(table) -> list[str]:
    """The first cell of each body row, as text."""
    return [
        " ".join("".join(row[0].itertext()).split())
        for row in table.iter("tr")
        if row.find("td") is not None
    ]


def test_short_tables_stay_whole_and_long_ones_break_two_rows_a_side(book_tree, page_texts):
    """A table of three rows or fewer is on one page: split, it would read as two tables. A longer
    one may break between rows (else a tall one moves on whole and leaves half a page empty), but
    never within two rows of either end, and its header row is repeated on the next page."""
    tables = list(book_tree.iter("table"))
    assert len(tables) >= 5
    for table in tables:
        rows, pages = _body_rows(table), _table_pages(table, page_texts)
        if len(rows) <= 3:
            assert len(pages) == 1, (rows[0], pages)
        for page in pages[1:]:
            text = _joined(page_texts[page])
            # the header row's cells (a body row's own header, <th scope="row">, is not one)
            header = [
                " ".join("".join(th.itertext()).split())
                for head in table.iter("thead")
                for th in head.iter("th")
            ]
            assert all(cell in text for cell in header), (rows[0], page + 1, "no header row")
            on_page = [row for row in rows if _plain_quotes(row)[:30] in text]
            assert len(on_page) >= 2, (rows[0], page + 1, on_page)
        if len(pages) > 1:
            before = [
                row for row in rows if _plain_quotes(row)[:30] in _joined(page_texts[pages[0]])
            ]
            assert len(before) >= 2, (rows[0], pages[0] + 1, before)


def test_a_table_that_runs_on_is_marked_continued_over_its_repeated_header(
    book_tree, pdf_path, page_texts
):
    """A table broken over pages is marked as a book marks it: each page it runs on to reads
    "Table 3.1 (continued)" in its head, above the repeated header row (book.css, @page
    chapter); no other page carries such a line, the table's first page included. The tables
    that break are found from the PDF, not named."""
    runs_on: dict[int, tuple[str, str]] = {}
    for table in book_tree.iter("table"):
        label = next(
            " ".join("".join(span.itertext()).split())
            for span in table.iter("span")
            if "caption-label" in _classes(span)
        )
        head = " ".join("".join(next(table.iter("th")).itertext()).split())
        for page in _table_pages(table, page_texts)[1:]:
            runs_on[page] = (label, head)
    assert runs_on, "no table breaks over pages now: this test has nothing to read"
    # "Table 3.1", "Table B.1"; in an unnumbered chapter (the Who's who) just "Table 1"
    marker = re.compile(r"\bTable (?:(?:\d+|[A-Z])\.)?\d+ \(continued\)")
    for index, page in enumerate(_bbox_pages(pdf_path)):
        lines = [
            (float(line.get("yMin")), float(line.get("yMax")), _line_text(line))
            for line in page.iter("line")
        ]
        marks = [line for line in lines if marker.search(line[2])]
        if index not in runs_on:
            assert not marks, f"page {index + 1}, which no table runs on to: {marks}"
            continue
        label, head = runs_on[index]
        found = [line for line in marks if f"{label} (continued)" in line[2]]
        assert len(found) == 1, f"page {index + 1}: {label} runs on to it, marked {found}"
        mark = found[0]
        header = next(line for line in lines if line[2].startswith(head))
        assert mark[1] <= TEXT_TOP + 1 and mark[1] < header[0], (
            f"page {index + 1}: the mark is not in the head, above the header row"
        )


def test_no_table_leaves_the_page_before_it_half_empty(book_tree, pdf_path, page_texts):
    """Kept whole, Goodhart's four-row table (each row five lines deep) moved on and left the
    page before it 40% empty, and the page after it too. A table that starts a page follows a
    page whose text fills at least two thirds of the text area (or a chapter's last page)."""
    pages = _bbox_pages(pdf_path)

    def body_bottoms(page) -> list[float]:
        return [float(line.get("yMax")) for line in page.iter("line")][1:-1]  # head, number

    head = statistics.median(float(next(p.iter("line")).get("yMax")) for p in pages[5:])
    foot = statistics.median(max(body_bottoms(p), default=0) for p in pages[5:])
    for table in book_tree.iter("table"):
        first = _table_pages(table, page_texts)[0]
        lines = list(pages[first].iter("line"))
        words = _line_text(lines[1]) if len(lines) > 1 else ""
        if not words.startswith("Table "):  # [0] is the running head; the caption is not first
            continue
        filled = (max(body_bottoms(pages[first - 1])) - head) / (foot - head)
        next_is_chapter = "CHAPTER" in _joined(page_texts[first])[:200]
        assert next_is_chapter or filled >= 2 / 3, (
            f"page {first}'s text fills {filled:.0%} of its text area, "
            f"before {words[:40]!r} on page {first + 1}"
        )


def test_the_contents_page_has_no_running_head_above_its_title(page_texts, outline):
    page = page_texts[_pages_of(outline, "Contents")[0]]
    assert page.split()[0] == "Contents", page[:80]


def test_glossary_definitions_are_set_ragged_without_stretched_spaces(pdf_path, outline):
    """Justified, a short definition ending in "(Chapter 8)." had 8 pt gaps between its words
    (a space is under 3 pt). Definitions are set ragged: no gap on their lines over 4.5 pt."""
    pages = _bbox_pages(pdf_path)
    lines = [line for i in _pages_of(outline, "Glossary") for line in pages[i].iter("line")]
    left = min(float(line.get("xMin")) for line in lines)
    definitions = [line for line in lines if float(line.get("xMin")) > left + 10]  # indented
    assert len(definitions) > 100
    gaps = []
    for line in definitions:
        words = list(line.iter("word"))
        gaps += [
            (float(b.get("xMin")) - float(a.get("xMax")), a.text, b.text)
            for a, b in itertools.pairwise(words)
        ]
    assert max(gaps)[0] < 4.5, max(gaps)


def test_glossary_definitions_are_not_hyphenated(pdf_path, outline, site_dir):
    """Ragged right, the definitions need no hyphens: justified-text hyphenation had split some
    30 words there, names among them ("Good-/hart's Law", "Specifica-/tion gaming"). A line may
    still end at a word's own hyphen ("value-/specification" for "value-specification"). The
    page's introduction, justified, is not a definition."""
    pages = _pages_of(outline, "Glossary")
    text = subprocess.run(
        [
            *("pdftotext", "-layout", "-enc", "UTF-8"),
            *("-f", str(pages[0] + 1), "-l", str(pages[-1] + 1), str(pdf_path), "-"),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # From the first letter heading: the introduction above it is justified prose like a
    # chapter's, hyphenated as a chapter is ("organi-/zations" when it named the Who's who).
    first_heading = re.search(r"(?m)^[ \t]*A–C[ \t]*$", text)
    assert first_heading, "the glossary's first letter heading"
    text = text[first_heading.start() :]
    source = " ".join(_text(_parse(site_dir / "glossary.html")).split())
    breaks = re.findall(r"(?<![\w/.])([^\W\d_]+)-\n[ \t]*([^\W\d_]+)\b", text)
    assert len(text) > 20_000
    split = [f"{a}-{b}" for a, b in breaks if f"{a}-{b}" not in source]
    assert not split, split


def _joined(text: str) -> str:
    """Text with lines re-joined: a word hyphenated at a line end made whole again."""
    return " ".join(re.sub(r"(?<=\w)-\n(?=\w)", "", text).split())


def test_web_only_text_is_not_in_the_book(page_texts, site_dir):
    """Nothing marked web-only on the site (instructions like "hover over", "press") is printed,
    and the phrases issue 14 named are gone whatever their markup."""
    text = _joined("\n".join(page_texts)).casefold()
    phrases = [
        "Hover over a citation",
        "Download the whole site as a PDF",
        "follow the Next link",
        "hover over one",
        "Press Drive the boat",
        "Download the offline copy",
        # found by reading the book as a reader (December 2026): a card for a web page, and
        # instructions to a reader who has a demo in front of them
        "The quick overview",
        "Drive a lap yourself first",
        "Here you choose",
        "raised to its maximum",
        # a figure's fold: told in the figure's alt text instead (book_pdf/figure_text.py)
        "The figure in words",
    ]
    for path in _nav_paths(site_dir):
        phrases.extend(
            _text(el)
            for el in _parse(site_dir / path).iter()
            if "web-only" in _classes(el) and len(_text(el).split()) >= 4
        )
    assert len(phrases) > 6, "the site marks its web-only text"
    printed = [p for p in phrases if " ".join(p.split()).casefold() in text]
    assert not printed, printed


def test_site_address_on_the_cover_and_colophon(page_texts, site_dir):
    canonical = next(
        el for el in _parse(site_dir / "index.html").iter("link") if el.get("rel") == "canonical"
    )
    address = canonical.get("href").removesuffix("index.html")
    assert address.startswith("https://")
    assert address in page_texts[0], "cover"
    assert address in " ".join(page_texts[1].split()), "colophon, the cover's verso"


def test_the_cover_says_what_the_book_is_about_in_the_sites_words(
    page_texts, site_dir, reader, pdf_path
):
    """Under the title, the question Home opens with (docs/index.md's hero), in large type, so
    that "AI" is on the cover in more than the small print; the figure Home leads with, on the
    one page; "made from the website" is the colophon's, no longer the cover's first line."""
    home = _parse(site_dir / "index.html")
    promise = next(el for el in home.iter() if "ae-hero__promise" in _classes(el))
    question = re.match(r".+?[.?!](?=\s|$)", _text(promise))
    assert question, _text(promise)
    cover, colophon = (" ".join(page_texts[i].split()) for i in (0, 1))
    assert question.group() in cover, cover
    assert "made from the website" not in cover and "made from the website" in colophon
    tallest_ai = max(w[3] - w[1] for w in _page_words(pdf_path, 1) if w[4] == "AI")
    assert tallest_ai > 20, f"'AI' on the cover at most {tallest_ai:.1f} pt tall"
    first_page = reader.pages[0].indirect_reference.idnum
    figures = [
        str(node["/Alt"])
        for node in _structure(reader)
        if node["/S"] == "/Figure" and "/Pg" in node and node.raw_get("/Pg").idnum == first_page
    ]
    assert figures and all(alt.startswith("The chain of loss") for alt in figures), figures


def _structure(reader: PdfReader) -> list[Any]:
    """Every element of the PDF's structure tree."""
    root: Any = reader.trailer["/Root"]
    nodes, stack = [], [root["/StructTreeRoot"].get_object()["/K"]]
    while stack:
        node = stack.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            stack.extend(node)
        elif hasattr(node, "get") and "/S" in node:
            nodes.append(node)
            stack.append(node.get("/K", []))
    return nodes


@pytest.fixture(scope="session")
def tags(pdf_path: Path) -> Tag:
    """The structure tree as poppler's `pdfinfo -struct-text` prints it: each tag with the
    text it holds, which is what a screen reader reading the tags meets."""
    out = subprocess.run(
        ["pdfinfo", "-struct-text", str(pdf_path)], capture_output=True, text=True, check=True
    ).stdout
    root = Tag("", "", [])
    stack: list[tuple[int, Tag]] = [(-1, root)]
    for line in out.splitlines():
        depth, item = len(line) - len(line.lstrip(" ")), line.strip()
        if not item:
            continue
        while stack[-1][0] >= depth:
            stack.pop()
        parent = stack[-1][1]
        if item.startswith('"'):
            parent.children.append(Tag("", item[1:-1], []))
        else:
            tag = Tag(item.split()[0].rstrip(":"), "", [])
            parent.children.append(tag)
            stack.append((depth, tag))
    return root


@dataclass
class Tag:
    """A structure element (name "") or a text it holds (name "", text set)."""

    name: str
    text: str
    children: list[Tag]

    def iter(self) -> Iterator[Tag]:
        yield self
        for child in self.children:
            yield from child.iter()

    def text_content(self) -> str:
        return "".join(t.text for t in self.iter())


def test_the_cover_names_the_edition_and_the_colophon_the_version(page_texts):
    """A reader's cover says which edition (its date); the build's version (a git hash, with
    "-dirty" when built from uncommitted changes) belongs on the colophon, where a reporter of
    a mistake can find it."""
    cover, colophon = " ".join(page_texts[0].split()), " ".join(page_texts[1].split())
    edition = re.search(r"Edition of (\d{1,2} \w+ \d{4})", cover)
    assert edition, cover
    assert "Version" not in cover and "dirty" not in cover, cover
    assert re.search(rf"Version \S+, {edition[1]}\.", colophon), colophon


def test_chapters_figures_and_tables_are_numbered_by_chapter(outline, page_texts):
    """Chapter N's figures read "Figure N.1", "Figure N.2", ... in order (tables likewise), and
    the author's own "Figure 1." is gone."""
    book = _chapter_entries(outline)
    ends = [page for _, page, _ in book[1:]] + [len(page_texts)]
    numbered = 0
    for (title, start, _), end in zip(book, ends, strict=True):
        text = " ".join(page_texts[start:end])
        match = re.search(r"CHAPTER (\d+)|Chapter (\d+)", page_texts[start])
        for kind in ("Figure", "Table"):
            # captions, not "(p. 28)" after a cross-reference or a "(continued)" page's head
            labels = re.findall(rf"\b{kind} (\d+)\.(\d+) (?!\(p\.|\(continued\))", text)
            if not labels:
                continue
            assert match, f"{title}: a chapter with numbered {kind.lower()}s has a number"
            chapter = int(match[1] or match[2])
            assert [(int(c), int(k)) for c, k in labels] == [
                (chapter, k) for k in range(1, len(labels) + 1)
            ], title
            numbered += len(labels)
    assert numbered >= 10
    assert not re.search(r"Figure \d+\. ", " ".join(page_texts)), (
        "an author's unnumbered-by-chapter label"
    )


def test_cross_references_print_the_chapter_number(page_texts, outline):
    """A link to a numbered chapter prints its number, "(Chapter 3)", and that chapter is the one
    the link names; a link to a place inside a chapter would also print its page."""
    text = " ".join(" ".join(page_texts).split())
    numbers = {}
    for title, page, _ in _chapter_entries(outline):
        match = re.search(r"(?im)^chapter (\d+)$", page_texts[page])  # its own label
        if match:
            numbers[int(match[1])] = " ".join(title.split())
    refs = re.findall(r"([A-Z][\w'’ -]{2,60}?) \(Chapter (\d+)\)", text)
    assert len(refs) > 20, refs[:5]
    assert all(int(n) in numbers for _, n in refs), "every referenced chapter exists"
    for title_word in ("Specification gaming", "Constitutional AI"):
        cited = {int(n) for name, n in refs if name.endswith(title_word)}
        assert cited <= {n for n, t in numbers.items() if title_word.casefold() in t.casefold()}, (
            title_word
        )


def test_a_cross_reference_inside_parentheses_does_not_nest_them(page_texts):
    """ "(the study (Chapter 7))" reads "(the study, Chapter 7)", and "(the study, Chapter 7, has
    more)" where the sentence goes on; the number never starts a line."""
    text = " ".join(" ".join(page_texts).split())
    nested = re.findall(r"\([^()]{0,80}\((?:Chapter \d+|[^()]*p\. \d+)\)\)", text)
    assert not nested, nested[:5]
    assert len(re.findall(r", (?:Chapter \d+|Appendix [A-Z])\)", text)) >= 5  # the form is in use
    # "(Constitutional AI, Chapter 5, has the figures)", not "(..., Chapter 5 has the figures)"
    run_on = re.findall(r"\([^()]{0,80}, Chapter \d+ [a-z]+[^()]*\)", text)
    assert not run_on, run_on[:5]
    broken = [m for page in page_texts for m in re.findall(r"Chapter[ \t]*\n\s*\d+", page)]
    assert not broken, broken[:5]


def test_a_link_to_a_table_prints_its_number_and_page(page_texts):
    """ "The [table](#table-agent-incidents) lists them" reads "The table (Table 7.1, p. 67) lists
    them":
    a table's id, given to its title line, goes to the table (tables.py)."""
    text = " ".join(" ".join(page_texts).split())
    refs = re.findall(r"\b[Tt]he table \(Table (\d+)\.1, p\. (\d+)\)", text)
    assert len(refs) >= 2, refs
    assert all(f"Table {chapter}.1" in page_texts[int(page) - 1] for chapter, page in refs)


def test_a_cross_reference_before_a_citation_shares_its_parentheses(page_texts):
    """ "RLHF (Chapter 4) (Christiano et al., 2017)" reads "RLHF (Chapter 4; Christiano et al.,
    2017)", and a figure's "(Figure 3.2, p. 28; Gao et al., 2023)" likewise."""
    text = " ".join(" ".join(page_texts).split())
    pairs = re.findall(r"\((?:Chapter \d+|[^()]{0,40}p\. \d+)\) \([A-Z][^()]{0,60}\d{4}", text)
    assert not pairs, pairs[:5]
    assert len(re.findall(r"\(Chapter \d+; [A-Z][^()]{0,80}\d{4}[a-z]?\)", text)) >= 5
    # Nor any two parentheses side by side, in either order: "(OpenAI, 2025c) (RLHF, Chapter 4)"
    # and "(21% against 41%) (Ouyang et al., 2022)" read as a stutter (a book review); the fix
    # is the sentence's, in the chapter.
    side_by_side = re.findall(r".{30}\) \(.{30}", text)
    assert not side_by_side, side_by_side[:5]


def test_quotes_and_apostrophes_are_typographers(raw_page_texts, page_texts):
    """The site's straight quotes print curled, each the way it faces: no straight quote is
    left, opening quotes follow a space or start a line, closing ones end a word."""
    text = "\n".join(raw_page_texts)
    assert "'" not in text and '"' not in text, re.findall(r".{30}['\"].{30}", text)[:5]
    assert text.count("’") > 200 and text.count("“") > 50
    assert text.count("“") == text.count("”"), "every double quote opened is closed"
    assert not re.search(r"\w“|“\s", text), re.findall(r".{20}(?:\w“|“\s).{20}", text)[:5]
    assert not re.search(r"\s”", text), re.findall(r".{20}\s”.{20}", text)[:5]
    assert "Goodhart’s Law" in text and "Goodhart's Law" in " ".join(page_texts)


def test_a_table_caption_never_ends_a_page(page_texts):
    """A table's caption sits above it: at the foot of a page, apart from its table, it would
    label nothing."""
    for index, text in enumerate(page_texts):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        body = lines[:-1] if lines and lines[-1].isdigit() else lines  # the page number
        assert not (body and re.match(r"Table \d+\.\d+\b", body[-1])), (
            f"page {index + 1} ends with {body[-1]!r}, its table on the next page"
        )


def test_figures_named_in_the_text_read_as_the_book_numbers_them(page_texts, outline):
    """The site's "[Figure 2](#id)" prints the book's own label and page, "Figure 3.2 (p. 29)":
    that page holds the caption, in the same chapter; no author's "Figure 2" is left in the
    text of a numbered chapter (an unnumbered one, the Introduction, labels its own "Figure 1")."""
    book = _chapter_entries(outline)
    ends = [page for _, page, _ in book[1:]] + [len(page_texts)]
    named = appendix = 0
    for (title, start, _), end in zip(book, ends, strict=True):
        numbered = re.match(
            r"\s*(?:CHAPTER|Chapter|APPENDIX|Appendix) (\d+|[A-Z])\b", page_texts[start]
        )
        for index in range(start, end):
            text = " ".join(page_texts[index].split())
            # "Figure 3.2 (p. 29)", or inside the text's own parentheses "(Figure 3.2, p. 29)",
            # the same chapter's figure that the author's "[Figure 2](#id)" named; a reference to
            # another chapter's figure (the demos chapter's list of live figures) reads
            # "(Figure 2.2, p. 17)" too, and also sends the reader to its caption
            for label, form, page in re.findall(
                r"\b((?:Figure|Table) (?:\d+|[A-Z])\.\d+)( \(|, )p\. (\d+)\)", text
            ):
                named += 1
                appendix += label.split()[1][0].isalpha()
                own = label.split()[1].split(".")[0] == (numbered and numbered.group(1))
                assert own or form == ", ", f"{title}: {label} is in another chapter"
                if own:
                    assert start < int(page) <= end, f"{title}: {label} is in another chapter"
                caption = " ".join(page_texts[int(page) - 1].split())
                assert re.search(rf"\b{re.escape(label)} (?!\(p\.|\(continued\))", caption), (
                    f"page {index + 1} sends the reader to page {page} for {label}"
                )
            bare = re.findall(r"\b(?:Figure|Table) \d+\b(?!\.\d)", text)
            assert not (numbered and bare), f"page {index + 1}: {bare}: an author's number"
    assert named >= 4, "the chapters' own references to their figures"
    # the boat race's "What to notice", printed before its figure, which the book defers
    assert appendix >= 1, "an appendix's text sends the reader to its own figure"


def _page_numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


def test_further_reading_cites_pages_not_chapter_names(page_texts, outline, site_dir):
    """ "Cited in: Home, The alignment problem" becomes "Cited on pp. 5, 9": each page cites the
    work (its citation's author name is on that page)."""
    further = next(page for title, page, _ in outline if title == "Further reading")
    index = next(page for title, page, _ in outline if title == "Index")
    text = "\n".join(page_texts[further:index])
    assert "Cited in" not in text
    cited = re.findall(r"Cited on pp?\. (\d+(?:, \d+)*)", " ".join(text.split()))
    assert len(cited) >= 40
    pages = {p for group in cited for p in _page_numbers(group)}
    assert pages and all(1 <= p < further + 1 for p in pages), (
        "citations come before Further reading"
    )
    surnames = {
        _text(a).split()[0]
        for path in _nav_paths(site_dir)
        for a in _parse(site_dir / path).iter("a")
        if "citation__link" in _classes(a)
    }
    for page in pages:
        assert any(name in _joined(page_texts[page - 1]) for name in surnames), (
            f"page {page} cites nothing"
        )


def test_each_further_reading_heading_shares_its_page_with_its_first_work(page_texts, outline):
    """ "Also worth reading" and its line of introduction once ended a page, its works starting on
    the next (the fold under them could break before its first work). Under each of Further
    reading's headings, its page holds the start of a work: an author list with its year."""
    further = next(children for title, _, children in outline if title == "Further reading")
    assert len(further) >= 5, further
    for title, page in further:
        text = " ".join(page_texts[page].split())
        assert title in text, (title, page + 1)
        after = text[text.index(title) + len(title) :]
        assert re.search(r"\((?:19|20)\d\d[a-z]?\)\.", after), (
            f"'{title}' ends p. {page + 1} without a work under it"
        )


def _with_next_page_start(page_texts: list[str], index: int) -> str:
    """A page's text and the first lines of the next page's (after its running head), without
    the page number between them: a term may begin at the foot of its page and end on the
    next ("eval-" / "uation awareness")."""
    lines = page_texts[index].rstrip().splitlines()
    while lines and (not lines[-1].strip() or lines[-1].strip().isdigit()):
        lines.pop()
    following = page_texts[index + 1].splitlines()[1:6] if index + 1 < len(page_texts) else []
    return "\n".join(lines + [line for line in following if line.strip()])


INDEX_ENTRY = re.compile(r"(?m)(?:^|\s{2,})([A-Za-z][^\d\n]*?)\s+(\d+(?:, \d+)*)(?=\s{2,}|$)")


def _index_layout(pdf_path: Path, outline) -> str:
    index = next(page for title, page, _ in outline if title == "Index")
    layout = subprocess.run(
        ["pdftotext", "-layout", "-f", str(index + 1), str(pdf_path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return _plain_quotes(layout)


def test_index_page_numbers_point_at_pages_with_the_term(page_texts, outline, pdf_path):
    """Each index entry's page numbers are pages where the term (or an author's name) appears;
    a term's abbreviation in parentheses counts, e.g. "PPO" for "Proximal policy optimization (PPO)",
    a cited author's surname, "Amodei" for "Amodei, D." (the citation prints the surname), and a
    named example's spellings in docs/book-index.yml ("blackmailed" for "Blackmail stress test")."""
    from book_pdf.named_examples import parse_examples

    problems: list = []
    spellings = {
        example.heading: example.spellings
        for example in parse_examples(
            (ROOT / "docs" / "book-index.yml").read_text(encoding="utf-8"), problems
        )
    }
    assert spellings and not problems, problems
    index = next(page for title, page, _ in outline if title == "Index")
    layout = _index_layout(pdf_path, outline)
    authors_at = layout.index("Cited authors")
    entries = [(m[1], m[2], m.start() > authors_at) for m in INDEX_ENTRY.finditer(layout)]
    assert len(entries) > 60, entries[:5]
    checked = 0
    for name, numbers, is_author in entries:
        forms = [name.strip(), *re.findall(r"\(([^)]+)\)", name)]
        forms += [re.sub(r"\s*\([^)]*\)", "", name).strip()]
        if is_author:
            forms.append(name.split(", ")[0])
        forms += spellings.get(_plain_quotes(name.strip()), ())
        # a hyphenated term broken at its own hyphen ("peer-" / "preservation") is extracted
        # without it, as poppler joins a line ending in a hyphen to the next
        forms += [form.replace("-", "") for form in forms if "-" in form]
        for page in _page_numbers(numbers):
            assert 1 <= page <= index, (name, page)
            text = _with_next_page_start(page_texts, page - 1)
            on_page = _joined(text).casefold()
            assert any(form.casefold() in on_page for form in forms if form) or any(
                _inflected_in(form, text) for form in forms if " " in form or "-" in form
            ), (name, page)
            checked += 1
    assert checked > 100


def test_index_names_cited_people_by_surname_and_initials(pdf_path, outline):
    """A cited person is listed as a book's index lists people, "Amodei, D.", with the initials
    references.bib gives (its given names in full where two people of one surname share their
    initials), so that two people of one surname are two entries; an organisation keeps its name
    whole. Read against the bibliography as the site's citations package reads it."""
    from citations.bibliography import load_bibliography

    layout = _index_layout(pdf_path, outline)
    names = [m[1].strip() for m in INDEX_ENTRY.finditer(layout, layout.index("Cited authors"))]
    assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]
    known: set[str] = set()
    for entry in load_bibliography(ROOT / "references.bib", "references.bib").entries.values():
        for author in entry.authors:
            given = author.inverted[len(author.surname) :].removeprefix(", ").split(", ")[0]
            if not given:
                known.add(author.surname)  # an organisation
                continue
            short = " ".join("-".join(p[0] + "." for p in w.split("-")) for w in given.split())
            known |= {f"{author.surname}, {short}", f"{author.surname}, {given}"}
    unknown = [name for name in names if name not in known]
    assert not unknown, f"index names that are no author of references.bib: {unknown}"
    with_initials = [n for n in names if re.search(r", (?:[^\W\d_]\.[ -]?)+$", n)]
    assert len(with_initials) > len(names) / 2, names
    organisations = [n for n in names if "," not in n]
    assert organisations, "organisations (OpenAI, METR) keep their whole name"


INDEX_HANG = 3 * MM  # book.css hangs an index entry's turnover lines by 4 mm


def _index_lines_out_of_place(pages: list) -> tuple[list[str], int]:
    """The faults of an index's line breaks, read from its pages' lines (poppler's words, in the
    text area: no running head, no page number), and how many turnover lines there are. A
    turnover line (one hung under its entry's first) that starts with a page number must follow a
    line that ends with a page number and its comma: the term's line holds its first numbers, and
    numbers break only after a comma, never one carried over whole or split ("12-" / "14")."""
    lines = [
        (line[0][0], " ".join(word[4] for word in line))
        for page in pages
        for line in _visual_lines(page)
        if TEXT_TOP < line[0][3] <= TEXT_BOTTOM + 1
    ]
    left = Counter(round(x0) for x0, _ in lines).most_common(1)[0][0]
    faults, turnovers = [], 0
    for (_, before), (x0, text) in itertools.pairwise(lines):
        if x0 > left + INDEX_HANG / 2:
            turnovers += 1
        if not re.match(r"\d", text):
            continue
        if not re.search(r"\d,$", before):
            faults.append(f"{before!r} / {text!r}")
        elif x0 < left + INDEX_HANG:
            faults.append(f"{text!r} is not hung under its entry ({x0 - left:.1f} pt)")
    return faults, turnovers


def test_an_index_entry_that_runs_over_keeps_its_first_page_numbers_by_its_term(pdf_path, outline):
    """A long entry breaks as a book's index breaks: its first line holds the term and as many
    of its page numbers as fit, and the rest turn over after a comma, hung under it. The
    numbers used to move to the next line all together whenever they did not all fit (padding
    on their span: "Reinforcement learning from human feedback (RLHF)" alone on a line, half
    of it empty, over its ten numbers)."""
    index = next(page for title, page, _ in outline if title == "Index")
    faults, _ = _index_lines_out_of_place(_bbox_pages(pdf_path)[index:])
    assert not faults, f"index lines broken away from their term or number: {faults}"


def test_index_entries_of_any_length_break_after_a_comma(site_dir, tmp_path):
    """The same rule on entries made to run over at every point (a term of 2 to 7 words, 1 to
    30 page numbers of 1 to 3 digits), typeset as the book sets its index (book.html.j2's
    markup, book.css, the site's fonts): the real index has only one or two entries that run
    over, and which ones changes with every edition."""
    from book_pdf.assemble import assemble_book
    from book_pdf.book_index import BookIndex, IndexEntry
    from book_pdf.metadata import read_book_info
    from book_pdf.render import part_markup

    terms = [
        "Reinforcement learning from human feedback (RLHF)",
        "Cooperative inverse reinforcement learning (CIRL)",
        "Goal misgeneralization in deep reinforcement learning",
        "Specification gaming",
        "Eliciting latent knowledge (ELK)",
    ]
    numbers = [
        [4, 9, 17, 26, 32, 41, 50, 60, 69, 103],
        [99] * 10,
        [104] * 14,
        list(range(1, 31)),
        [7, 123, 45, 6, 118, 9, 88, 101, 3, 64, 130],
    ]
    cases = [(term, pages) for term in terms for pages in numbers]
    entries = [
        IndexEntry(term, tuple(f"t{i}-{j}" for j in range(len(pages))))
        for i, (term, pages) in enumerate(cases)
    ]
    root = assemble_book(read_book_info(site_dir), [], [], BookIndex(entries, []))
    index = next(el for el in root.iter() if "book-index" in _classes(el))
    items = [li for li in index.iter("li") if "index-entry" in _classes(li)]
    for li, (_, pages) in zip(items, cases, strict=True):
        for link, page in zip(li.iter("a"), pages, strict=True):
            link.text = str(page)  # as render.py writes a chapter's page number in
    out = tmp_path / "index.pdf"
    render_pdf(part_markup(root, [index]), site_dir, out)
    faults, turnovers = _index_lines_out_of_place(_bbox_pages(out))
    assert turnovers >= 15, f"only {turnovers} entries ran over: the test checks little"
    assert not faults, f"index lines broken away from their term or number: {faults}"


def _inflected_in(term: str, text: str) -> bool:
    """Whether text uses a term of several words in some inflection ("fine-tuned" for
    "Fine-tuning", "red-team" for "red teaming"): the same Snowball stems, word after word,
    joined by spaces, hyphens or a line break."""
    import snowballstemmer

    stemmer = snowballstemmer.stemmer("english")

    def stems(words: str) -> list[str]:
        return stemmer.stemWords(re.findall(r"[a-z0-9]+", words.casefold().replace("'s", "")))

    wanted, found = stems(term), stems(text)
    # a term broken at its own hyphen at a line end comes out of poppler as one word: "finetuned"
    joined = stemmer.stemWord("".join(re.findall(r"[a-z0-9]+", term.casefold())))
    return joined in found or any(found[i : i + len(wanted)] == wanted for i in range(len(found)))


def test_index_terms_point_into_the_chapters_not_only_the_glossary(page_texts, outline):
    """A term's index entry gives the page where each chapter first uses it (the words the site
    marks with a hover), then its glossary page: most terms are used before the glossary."""
    glossary = next(page for title, page, _ in outline if title.casefold() == "glossary")
    index = next(page for title, page, _ in outline if title == "Index")
    text = " ".join(" ".join(page_texts[index:]).split())
    terms = text[text.index("Terms") : text.index("Cited authors")]
    entries = re.findall(r"([A-Za-z][^\d]*?) (\d+(?:, \d+)*)", terms)
    assert len(entries) > 40, entries[:5]
    in_chapters = [name for name, numbers in entries if min(_page_numbers(numbers)) <= glossary]
    assert len(in_chapters) * 3 >= len(entries) * 2, f"only {in_chapters} point into the chapters"


def test_index_finds_terms_too_common_to_mark_where_chapters_use_them(page_texts, outline):
    """Fine-tuning, red teaming and reward functions are never hover-marked (too common in
    prose), and the index pointed only at their glossary entries, though chapters use them on
    many pages ("fine-tuned", "red-team"): now each chapter's first use is indexed."""
    glossary = next(page for title, page, _ in outline if title.casefold() == "glossary")
    index = next(page for title, page, _ in outline if title == "Index")
    text = " ".join(" ".join(page_texts[index:]).split())
    terms = text[text.index("Terms") : text.index("Cited authors")]
    pages = {
        name.strip(): _page_numbers(numbers)
        for name, numbers in re.findall(r"([A-Za-z][^\d]*?) (\d+(?:, \d+)*)", terms)
    }
    for term in ("Fine-tuning", "Red teaming", "Reward function"):
        in_chapters = [page for page in pages[term] if page <= glossary]
        assert len(in_chapters) >= 2, (term, pages[term])


def test_pdf_is_tagged_with_language_and_alt_text(reader, site_dir):
    root = reader.trailer["/Root"]
    assert root["/Lang"] == _parse(site_dir / "index.html").get("lang")
    assert root.get("/MarkInfo", {}).get("/Marked") == True  # noqa: E712 (a pypdf BooleanObject)
    tree = root["/StructTreeRoot"].get_object()
    kinds: Counter = Counter()
    alts: list[str] = []

    def walk(node, depth=0):
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            for child in node:
                walk(child, depth)
        elif hasattr(node, "get") and "/S" in node:
            kinds[str(node["/S"])] += 1
            if str(node["/S"]) == "/Figure" and "/Alt" in node:
                alts.append(str(node["/Alt"]))
            if "/K" in node and depth < 200:
                walk(node["/K"], depth + 1)

    walk(tree["/K"])
    for kind in ("/H1", "/H2", "/P", "/L", "/LI", "/Table", "/Figure", "/Link"):
        assert kinds[kind], f"no {kind} in the structure tree: {kinds.most_common(12)}"
    assert any("QR code" in alt for alt in alts), "the QR codes say what they are"
    assert len([a for a in alts if len(a) > 40]) >= 10, "figures carry their alt text"
    # A figure told in words on the site (a `??? figure-text` fold) is told in its alt here.
    told = [a for a in alts if a.startswith("Three positions on an arrow")]
    assert len(told) == 1 and "Common ground, in a band below all three" in told[0], told


def test_each_chapters_key_takeaways_is_whole_on_its_last_page(page_texts, reader):
    """A chapter's Key takeaways, its last box, is never split: split 2 | 5, its last five points
    stood on the chapter's last page under no title (a book review)."""
    tops = [
        (item.title or "", reader.get_destination_page_number(item))
        for item in reader.outline
        if not isinstance(item, list)
    ]
    numbered = [i for i, (title, _) in enumerate(tops) if re.match(r"\d+ ", title)]
    assert len(numbered) == 9, tops
    for i in numbered:
        last_page = " ".join(page_texts[tops[i + 1][1] - 1].split())
        assert "Key takeaways" in last_page, f"{tops[i][0]}: its last page lacks the whole box"


def test_a_web_link_prints_its_address_after_its_name(page_texts, layout_text):
    """On paper "BlueDot Impact" led nowhere (a book review): a link named, not written as an
    address, prints its address after it, short, and one with a hyphen reads whole; the list is
    set ragged, as justified its lines opened wide gaps ("AI   as   Normal   Technology")."""
    text = " ".join(" ".join(page_texts).split())
    for named in ("BlueDot Impact (bluedot.org)", "DAIR Institute (dair-institute.org)"):
        assert named in text, named
    assert "arXiv:2210.10760 (arxiv.org" not in text  # an identifier says where it goes
    listed = [line.strip() for line in layout_text.split("\n") if "(normaltech.ai)" in line]
    assert listed and all("   " not in line for line in listed), listed


def test_live_demo_figures_give_their_address_and_a_qr_code_that_scans(
    page_texts, pdf_path, site_dir, tmp_path
):
    """Under each live demo's static figure: its full address (site URL + page + #id) and a QR
    code that decodes (zxing-cpp, from the rendered page) to the same address."""
    import zxingcpp
    from PIL import Image

    canonical = next(
        el for el in _parse(site_dir / "index.html").iter("link") if el.get("rel") == "canonical"
    )
    site_url = canonical.get("href", "").removesuffix("index.html")
    addresses: list[str] = []
    for path in _nav_paths(site_dir):
        addresses.extend(
            f"{site_url}{path}#{demo.get('id')}"
            for demo in _parse(site_dir / path).iter("div")
            if "demo" in _classes(demo)
            and demo.get("id")
            and any("demo-static" in _classes(f) for f in demo.iter("figure"))
        )
    assert addresses
    bbox = _bbox_pages(pdf_path)
    for address in addresses:
        page = next(
            (i + 1 for i, text in enumerate(page_texts) if address in "".join(text.split())), None
        )
        assert page, f"{address} is not printed"
        qr_png = pdf_page_png(pdf_path, page, 200, tmp_path / "qr")
        codes = {r.text: r.position for r in zxingcpp.read_barcodes(Image.open(qr_png))}
        assert address in codes, (address, set(codes))
        # Beside the address, not in a row of its own above it (which cost each figure 2 cm),
        # and inside the page's right margin.
        corners = [codes[address].top_left, codes[address].bottom_right]
        qr_top, qr_bottom = (c.y * 72 / 200 for c in corners)
        qr_right = corners[1].x * 72 / 200
        words = [w for w in bbox[page - 1].iter("word") if w.text == "Interactive"]
        assert words, f"no 'Interactive version' on page {page}"
        assert any(
            qr_top < float(w.get("yMax")) and float(w.get("yMin")) < qr_bottom for w in words
        )
        assert qr_right < float(bbox[page - 1].get("width")) - 15 * 72 / 25.4


def test_the_site_numbers_its_chapters_as_the_book_does(book_tree, site_dir, page_texts):
    """A reader with both finds "Chapter 7" on the site where the book's cross-references send
    them: each page's web label equals the book's number for it, and the book prints its own
    label once (the site's is web-only)."""
    book = {
        section.get("data-page"): " ".join(_text(label).split())
        for section in book_tree.iter("section")
        for label in section.iter("p")
        if "chapter-number" in _classes(label)
    }
    site = {}
    for path in _nav_paths(site_dir):
        labels = [el for el in _parse(site_dir / path).iter("p") if "chapter-label" in _classes(el)]
        if labels:
            site[path] = " ".join(_text(labels[0]).split())
    assert len(site) >= 9 and site == book, (site, book)
    text = "\n".join(page_texts)
    for label in site.values():
        assert len(re.findall(rf"(?im)^{re.escape(label)}$", text)) == 1, label


def test_the_ten_minute_overview_is_not_in_the_book(page_texts: list[str]) -> None:
    """It repeats three chapters' boxes for the web; the book has the chapters."""
    assert not any("Alignment in six minutes" in page for page in page_texts)


def test_about_this_guide_is_a_page_of_the_site_only(outline, page_texts: list[str]) -> None:
    """It is about the website (its footer, "Last updated", the PDF's cover); the book has its
    colophon, and Home's link to it is on Home's web-only line of downloads."""
    assert "About this guide" not in [title for title, _, _ in outline]
    text = "\n".join(page_texts)
    assert "To be completed by the maintainers" not in text
    assert "About this guide" not in text


def test_the_colophon_says_how_to_cite_the_book_and_who_stands_behind_it(page_texts, site_dir):
    """A reader who takes the printed book into a meeting can cite it (edition, version, the
    PDF's address) and sees what About says about who makes it and where to report an error,
    not a book that looks more authoritative than the site (a policy adviser's review)."""
    from book_pdf.provenance import read_provenance

    colophon = " ".join(page_texts[1].split()).replace("- ", "-")
    edition = re.search(r"Version (\S+), (\d{1,2} \w+ \d{4})\.", colophon)
    assert edition, colophon
    canonical = next(
        el for el in _parse(site_dir / "index.html").iter("link") if el.get("rel") == "canonical"
    )
    pdf_url = canonical.get("href").removesuffix("index.html") + PDF_NAME
    cite = f"Edition of {edition[2]}, version {edition[1]}. {pdf_url}"
    assert "How to cite this book:" in colophon and cite in colophon.replace("/ ", "/"), colophon
    problems: list = []
    provenance = read_provenance(site_dir, problems)
    assert not problems and provenance.who and provenance.report_url
    for paragraph in provenance.who:
        assert _plain_quotes(paragraph) in colophon, paragraph
    assert provenance.report_url in colophon.replace("/ ", "/").replace(" -", "-"), colophon
