"""Rendering: inline citations, the References section, Further reading, unknown-key messages,
and a property test that no field text ever reaches the HTML unescaped."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from citations.bibliography import Bibliography, Entry, load_bibliography
from citations.further_reading import (
    SourcePage,
    further_reading_page,
    group_by_first_citer,
    heading_id,
    nav_titles,
    uncited_keys,
    works_summary,
)
from citations.latex import decode
from citations.render import (
    Styler,
    fill_late_slots,
    fill_slots,
    render_page,
    template_environment,
)
from citations.style import build_labels, letters, work_names
from citations.syntax import STRAY_PUNCTUATION, arithmatex_math

GOLDEN_BIB = Path(__file__).parent / "golden" / "citations" / "references.bib"
ENV = template_environment()


@pytest.fixture(scope="module")
def styler() -> Styler:
    return Styler(load_bibliography(GOLDEN_BIB, "references.bib"), ENV)


def further_reading_text(styler: Styler, pages: list[SourcePage]) -> str:
    markdown, slots = further_reading_page(styler, pages)
    return fill_late_slots(markdown, slots)


def filled(page) -> str:
    """The page's Markdown with every slot (citations, References list) filled in."""
    return fill_late_slots(fill_slots(page.markdown, page.slots), page.late_slots)


def rendered_text(markdown: str, styler: Styler) -> str:
    """The visible text of the citations of `markdown` (tooltips removed), slots filled in."""
    page = render_page(markdown, styler, source_name="docs/x.md")
    assert page.diagnostics == []
    body = filled(page).split("## References")[0]
    body = re.sub(r'<span class="citation__tip[^"]*".*?</span></span>', "", body)
    return html.unescape(re.sub(r"<[^>]+>", "", body)).strip()


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("[@russell2019human]", "(Russell, 2019)"),
        ("[@manheim2018categorizing]", "(Manheim and Garrabrant, 2018)"),
        ("[@amodei2016concrete, p. 4]", "(Amodei et al., 2016b, p. 4)"),
        (
            "[@amodei2016concrete; @bai2022constitutional]",
            "(Amodei et al., 2016b; Bai et al., 2022)",
        ),
        ("@russell2019human", "Russell (2019)"),
        ("[see @russell2019human, ch. 3]", "(see Russell, 2019, ch. 3)"),
        ("[-@russell2019human]", "(2019)"),
        ("[-@russell2019human, p. 3]", "(2019, p. 3)"),
        ("[@russell2019human p. 3]", "(Russell, 2019, p. 3)"),
        ("[@arc]", "(Alignment Research Center, n.d.)"),
        ("[@amodei2016other]", "(Amodei et al., 2016a)"),
    ],
)
def test_citation_text(markdown: str, text: str, styler: Styler) -> None:
    assert rendered_text(markdown, styler) == text


def test_citation_links_to_its_reference_and_describes_itself(styler: Styler) -> None:
    page = render_page("[@russell2019human; @arc]", styler, source_name="docs/x.md")
    html_out = fill_late_slots(page.slots[0], page.late_slots)
    links = re.findall(
        r'<a class="citation__link" id="cite-1-\d" href="#ref-([^"]+)" aria-describedby="([^"]+)">',
        html_out,
    )
    # described by the reference alone, a span inside the tooltip (not its two links, which
    # Tab never reaches)
    assert links == [("russell2019human", "cite-1-1-tip-text"), ("arc", "cite-1-2-tip-text")]
    for _anchor, described in links:
        tip = described.removesuffix("-text")
        assert f'role="tooltip" id="{tip}"><span id="{described}">' in html_out
        text = html_out.split(f'<span id="{described}">', 1)[1].split("</span> ", 1)[0]
        assert "Full reference" not in text and "<a " not in text
    assert 'title="' not in html_out  # Material's content.tooltips would show a second box
    for anchor, _tip in links:
        assert f'<li class="citation-reference" id="ref-{anchor}">' in filled(page)


def test_references_section_lists_only_what_the_page_cites_sorted(styler: Styler) -> None:
    page = render_page(
        "@russell2019human, [@arc], [@amodei2016concrete], [@arc]", styler, source_name="docs/x.md"
    )
    section = filled(page).split("## References\n\n", 1)[1]
    assert re.findall(r'id="ref-([^"]+)"', section) == [
        "arc",
        "amodei2016concrete",
        "russell2019human",
    ]
    assert page.markdown.count("## References") == 1
    assert page.markdown.endswith(
        '## References\n\n<div class="citation-references" data-search-exclude><!--citation-late:4--></div>\n'
    )


def test_reference_links_for_doi_arxiv_url_and_further_reading(styler: Styler) -> None:
    page = render_page(
        "[@strathern1997improving; @amodei2016concrete; @arc]",
        styler,
        source_name="docs/demos/x.md",
        further_reading_url="../further-reading.html",
    )
    section = filled(page).split("## References", 1)[1]
    assert (
        'href="https://doi.org/10.1002/(SICI)1234-981X(199707)5:3%3C305::AID-EURO184%3E3.0.CO;2-4"'
        in section
    )
    assert 'href="https://arxiv.org/abs/1606.06565"' in section
    # url equal to the arXiv link: shown once
    assert section.count("https://arxiv.org/abs/1606.06565") == 1
    assert 'href="https://www.alignment.org/"' in section
    assert 'href="../further-reading.html#amodei2016concrete"' in section


def test_page_without_citations_is_unchanged(styler: Styler) -> None:
    text = "# Title\n\nNo citations, just ann@example.org and `@code`.\n"
    page = render_page(text, styler, source_name="docs/x.md")
    assert (page.markdown, page.slots, page.cited) == (text, [], [])


# --- unknown keys -------------------------------------------------------------------------------


def test_unknown_key_message_with_suggestion_and_source_position(styler: Styler) -> None:
    body = "# T\n\nline\n" + "x" * 15 + "[@russel2019human] and [@zzzz]\n"
    page = render_page(body, styler, source_name="docs/rlhf.md", line_offset=3)
    assert [str(d) for d in page.diagnostics] == [
        "docs/rlhf.md:7:17: unknown citation key 'russel2019human' (did you mean 'russell2019human'?)",
        "docs/rlhf.md:7:40: unknown citation key 'zzzz'",
    ]


def test_unknown_key_in_a_group_reports_only_that_key(styler: Styler) -> None:
    page = render_page("[@arc; @nope2020]", styler, source_name="docs/a.md")
    assert [str(d) for d in page.diagnostics] == ["docs/a.md:1:8: unknown citation key 'nope2020'"]


# --- Further reading --------------------------------------------------------------------------------


def headings_and_groups(text: str) -> tuple[list[str], dict[str, str], dict[str, str]]:
    """The page's group headings, each group's Markdown by heading, and each heading's id."""
    headings = re.findall(r"(?m)^## (.+)$", text)
    groups = dict(zip(headings, re.split(r"(?m)^## .+$", text)[1:], strict=True))
    ids = dict(re.findall(r"\[([^\]]+)\]\(#([^)]+)\) \(\d+\)", text))  # the "Jump to" line's
    return headings, groups, ids


def test_further_reading_groups_annotations_and_cited_in(styler: Styler) -> None:
    pages = [
        SourcePage("index.md", "index.html", "Home", ("arc",)),
        SourcePage("demos/x.md", "demos/x.html", "A <demo>", ("arc", "russell2019human", "arc")),
    ]
    text = further_reading_text(styler, pages)
    headings, groups, ids = headings_and_groups(text)
    # by topic: under the first page citing a work that is not the home page; then the rest
    assert headings == ["A &lt;demo&gt;", "Also worth reading"]
    assert ids == {"A &lt;demo&gt;": "a-demo", "Also worth reading": "also-worth-reading"}
    demo = groups["A &lt;demo&gt;"]
    assert re.findall(r'class="further-reading__entry" id="([^"]+)"', demo) == [
        "arc",  # an article before a book: easiest first
        "russell2019human",
    ]
    rest = groups["Also worth reading"]
    assert re.findall(r'class="further-reading__entry" id="([^"]+)"', rest)[0] == "miles_channel"
    assert "Five concrete failure modes — a classic." in rest
    assert (
        'Cited in: <a href="index.html#ref-arc" aria-label="Home, citing Alignment Research Center">'
        'Home</a>, <a href="demos/x.html#ref-arc" aria-label="A &lt;demo&gt;, citing Alignment '
        'Research Center">A &lt;demo&gt;</a></p>' in demo
    )
    assert "](references.bib)" in text
    assert "Cited in" not in rest
    # the chapter filter: an option for each page that cites, in order; each entry names its pages
    total = len(re.findall(r'class="further-reading__entry"', text))
    assert re.findall(r'<option value="([^"]*)">([^<]*)</option>', text) == [
        ("", f"any page (all {total} works)"),
        ("index.html", "Home"),
        ("demos/x.html", "A &lt;demo&gt;"),
    ]
    assert 'id="arc" data-cited-in="index.html demos/x.html">' in demo
    assert 'id="miles_channel" data-cited-in="">' in rest


def test_further_reading_folds_each_topic_and_counts_its_works_by_kind(styler: Styler) -> None:
    """Each topic's list is a fold, open as written (no scripts, the book: everything shows),
    its heading outside it (contents list, search, headings lists); its summary counts by kind."""
    pages = [SourcePage("a.md", "a.html", "Chapter A", ("arc", "russell2019human"))]
    markdown, _slots = further_reading_page(styler, pages)
    folds = re.findall(
        r'(?m)^<details class="further-reading__fold" open><summary>([^<]+)</summary>'
        r'<div class="further-reading" data-search-exclude><!--citation-late:\d+-->'
        r"</div></details>$",
        markdown,
    )
    uncited = len(styler.bibliography.entries) - 2
    assert folds[0] == "2 works: 1 article, 1 book"
    assert folds[1].startswith(f"{uncited} works: 1 video, ")
    assert re.search(r"(?m)^## Chapter A\n\n<details", markdown), "the fold under its heading"
    assert (
        "Jump to: [Chapter A](#chapter-a) (2) · [Also worth reading](#also-worth-reading)"
        in markdown
    )


def test_group_by_first_citer() -> None:
    """Each work under the first page citing it, the home page (which introduces everything)
    only when no other page cites it; pages in nav order, then the works no page cites."""
    home = SourcePage("index.md", "index.html", "Home", ("a", "b", "f"))
    one = SourcePage("one.md", "one.html", "One", ("c", "b"))
    two = SourcePage("two.md", "two.html", "Two", ("a", "c", "d"))
    three = SourcePage("three.md", "three.html", "Three", ("d",))
    grouped = group_by_first_citer(["a", "b", "c", "d", "e", "f"], [home, one, two, three])
    assert [(page.title if page else None, keys) for page, keys in grouped] == [
        ("Home", ["f"]),
        ("One", ["b", "c"]),
        ("Two", ["a", "d"]),
        (None, ["e"]),
    ]
    assert group_by_first_citer(["a"], [two]) == [(two, ["a"])]  # no empty groups
    assert group_by_first_citer([], [home]) == []


@pytest.mark.parametrize(
    ("kinds", "summary"),
    [
        (["paper", "article", "paper"], "3 works: 1 article, 2 papers"),
        (["book", "book"], "2 books"),
        (["video"], "1 video"),
        (["paper", "book", "video", "article"], "4 works: 1 video, 1 article, 1 book, 1 paper"),
    ],
)
def test_works_summary_counts_by_kind_easiest_first(kinds: list[str], summary: str) -> None:
    assert works_summary(kinds) == summary


def test_group_heading_ids_are_the_toc_extensions() -> None:
    """The "Jump to" line links each group by the id Markdown gives its heading."""

    for title in ("RLHF", "Goodhart's Law", "Why capability makes it worse", "A <demo>"):
        page = markdown.markdown(f"## {html.escape(title)}", extensions=["toc"])
        assert f'<h2 id="{heading_id(title)}">' in page, page


def test_nav_titles_and_uncited(styler: Styler) -> None:
    nav = [
        {"Home": "index.md"},
        {"Demos": ["demos/index.md", {"Boat": "demos/boat.md"}]},
        {"Ext": "https://x.org"},
    ]
    assert nav_titles(nav) == {"index.md": "Home", "demos/index.md": "", "demos/boat.md": "Boat"}
    pages = [SourcePage("index.md", "index.html", "Home", ("arc", "russell2019human"))]
    assert "arc" not in uncited_keys(styler, pages) and "miles_channel" in uncited_keys(
        styler, pages
    )


# --- escaping property ----------------------------------------------------------------------------

ALLOWED_TAGS = {"span", "a", "div", "ul", "li", "p", "em", "strong", "code", "details", "summary"}
nasty = st.text(alphabet="ab <>&\"'=/;:x", min_size=1, max_size=30).filter(lambda s: s.strip())


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


@settings(max_examples=150, deadline=None)
@given(title=nasty, author=nasty, annote=nasty, venue=nasty, prefix=nasty, locator=nasty)
def test_rendering_never_emits_unescaped_field_text(
    title, author, annote, venue, prefix, locator
) -> None:
    fields = {
        "author": "{" + author + "}",
        "title": title,
        "year": "2020",
        "kind": "paper",
        "annote": annote,
        "journal": venue,
        "url": "https://example.org/?a=1&b=<2>",
    }
    bib = Bibliography("references.bib", {"k": Entry("k", "article", 1, fields)})
    styler = Styler(bib, ENV)
    prefix = prefix.replace("@", "").replace(";", "")
    locator = locator.replace("@", "").replace(";", "")
    # "[@k, .]" is an error (tested apart)
    assume(not STRAY_PUNCTUATION.match(" ".join(locator.split())))
    page = render_page(f"[{prefix} @k, {locator}]", styler, source_name="docs/x.md")
    assert page.diagnostics == []
    outputs = [
        fill_late_slots(page.slots[0], page.late_slots),
        page.late_slots[-1],
        further_reading_text(styler, [SourcePage("x.md", "x.html", title, ("k",))]),
    ]
    for output in outputs:
        collector = TagCollector()
        collector.feed(output.split("<div", 1)[-1] if output is outputs[2] else output)
        for tag, attrs in collector.tags:
            assert tag in ALLOWED_TAGS, (tag, output)
            assert {name for name, _ in attrs} <= {
                "class",
                "href",
                "id",
                "role",
                "aria-describedby",
                "data-search-exclude",
                "tabindex",
                "aria-label",
                "aria-hidden",
                "data-cited-in",
            }
        for value in (decode(title), decode(annote) if output is outputs[2] else None):
            if value:
                assert str(escape(value)) in output
    assert str(escape(decode("{" + author + "}"))) in outputs[0]
    assert 'href="https://example.org/?a=1&amp;b=&lt;2&gt;"' in outputs[1]


def test_an_addendum_follows_the_venue_and_is_escaped() -> None:
    """biblatex's `addendum` says what the year cannot, e.g. a conference paper's later volume."""
    fields = {
        "author": "{Goodhart, C. A. E.}",
        "title": "Problems",
        "year": "1975",
        "kind": "paper",
        "booktitle": "Papers in Monetary Economics",
        "volume": "I",
        "addendum": "Given in 1975; the volume & its <i>index</i> appeared in 1976.",
    }
    bib = Bibliography("references.bib", {"g": Entry("g", "incollection", 1, fields)})
    html_text = str(Styler(bib, ENV).reference_html("g", links=False))
    text = html.unescape(re.sub(r"<[^>]+>", "", html_text))
    assert (
        "Papers in Monetary Economics I. Given in 1975; the volume & its <i>index</i> appeared in 1976."
        in text
    )
    assert "&lt;i&gt;index&lt;/i&gt;" in html_text and "<i>" not in html_text
    without = dict(fields)
    del without["addendum"]
    plain = Bibliography("references.bib", {"g": Entry("g", "incollection", 1, without)})
    assert (
        str(Styler(plain, ENV).reference_html("g", links=False))
        .rstrip()
        .endswith("Papers in Monetary Economics I.")
    )


def _reference_text(fields: dict[str, str], *, links: bool = False, key: str = "o") -> str:
    bib = Bibliography("references.bib", {key: Entry(key, "online", 1, fields)})
    return html.unescape(
        re.sub(r"<[^>]+>", "", str(Styler(bib, ENV).reference_html(key, links=links)))
    )


POST = {
    "author": "{OpenAI}",
    "title": "The Hugging Face Incident and the Road Ahead",
    "year": "2026",
    "date": "2026-08-26",
    "howpublished": "OpenAI blog",
    "url": "https://openai.com/index/x/",
    "kind": "article",
}


@pytest.mark.parametrize("links", [False, True])
def test_a_date_to_the_day_follows_the_venue_and_precedes_the_addendum(links: bool) -> None:
    """A reporter prints "in a post on 26 August": the tooltip (no links) and the lists (links)
    give the day the bib's `date` holds, after the venue, and any addendum after it."""
    text = _reference_text({**POST, "addendum": "A technical report accompanies it"}, links=links)
    assert text.startswith(
        "OpenAI (2026). The Hugging Face Incident and the Road Ahead. OpenAI blog. 26 August 2026."
        " A technical report accompanies it."
    )


def test_a_date_does_not_change_the_label() -> None:
    bib = Bibliography("references.bib", {"o": Entry("o", "online", 1, POST)})
    page = render_page("A post [@o].", Styler(bib, ENV), source_name="docs/x.md")
    assert "(OpenAI, 2026)" in re.sub(r"<[^>]+>", "", fill_slots(page.markdown, page.slots))


@pytest.mark.parametrize(
    ("fields", "ending"),
    [
        ({"date": "2026-08"}, "OpenAI blog. August 2026."),  # a month: printed too
        ({"date": "2026"}, "OpenAI blog."),  # the year alone: the label has it
        ({"date": "2026-08~"}, "OpenAI blog."),  # approximate: not printed as if exact
        ({"date": "2026-08-26/2026-08-28"}, "OpenAI blog."),  # a range: the label's years
        ({"howpublished": "Why?"}, "Why? 26 August 2026."),
        ({"howpublished": "Acme Inc."}, "Acme Inc. 26 August 2026."),
        # a venue that goes on: the date is its own sentence, not the date of what it names
        (
            {"howpublished": "OpenAI blog; a technical incident report accompanies it"},
            "blog; a technical incident report accompanies it. 26 August 2026.",
        ),
        ({"howpublished": ""}, "Road Ahead. 26 August 2026."),  # no venue: the date alone
    ],
)
def test_a_date_is_printed_to_the_month_or_day_only(fields: dict[str, str], ending: str) -> None:
    entry = {k: v for k, v in {**POST, **fields}.items() if v}
    assert _reference_text(entry).endswith(ending)


# --- the two stages: plain text for the search index, full HTML in the finished page -----------


def test_search_content_gets_plain_text_and_the_page_gets_the_full_citation(styler: Styler) -> None:
    page = render_page(
        "Text [see @russell2019human, ch. 3] and @arc.", styler, source_name="docs/x.md"
    )
    assert "xcitationslot0x" in page.markdown and "xcitationslot1x" in page.markdown
    content = fill_slots(page.markdown, page.slots)
    visible = re.sub(r"<!--.*?-->", "", content.split("## References")[0])
    assert visible == "Text (see Russell, 2019, ch. 3) and Alignment Research Center (n.d.).\n\n"
    final = fill_late_slots(content, page.late_slots)
    assert "<!--citation" not in final
    assert final.count('role="tooltip"') == 2 and final.count('<li class="citation-reference"') == 2


def test_a_stand_in_changed_by_someone_else_is_left_alone(styler: Styler) -> None:
    page = render_page("[@arc]", styler, source_name="docs/x.md")
    content = fill_slots(page.markdown, page.slots).replace(
        "Alignment Research Center, n.d.", "changed"
    )
    assert "<!--citation:0-->(changed)" in fill_late_slots(content, page.late_slots)


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# Title [@arc]", True),
        ("   ### Deep [@arc]", True),
        ("Setext title [@arc]\n=====", True),
        ("Setext two [@arc]\n---\n", True),
        ("Prose [@arc]\n\n---\n", False),
        ("Prose [@arc]", False),
        ("A #hashtag [@arc]", False),
    ],
)
def test_citations_in_headings_use_an_element_slot(
    markdown: str, expected: bool, styler: Styler
) -> None:
    page = render_page(markdown, styler, source_name="docs/x.md")
    assert ('<span data-citation-slot="0"></span>' in page.markdown) is expected
    assert ("xcitationslot0x" in page.markdown) is not expected


# --- located errors, literal stand-ins, and any input at all ------------------------------------


def test_malformed_citations_are_located_diagnostics(styler: Styler) -> None:
    page = render_page(
        "# T\n\nFine [@arc].\nBad [@arc;] and [@russell2019human.]\n",
        styler,
        source_name="docs/x.md",
        line_offset=2,
    )
    assert [str(d) for d in page.diagnostics] == [
        "docs/x.md:6:10: citation '[@arc;]' has an empty item (a ';' with no @key beside it); remove the extra ';'",
        "docs/x.md:6:35: citation '[@russell2019human.]' ends with '.' right after its key; put the punctuation "
        "outside the brackets, e.g. '[@russell2019human].'",
    ]


def test_literal_stand_ins_in_a_page_are_shown_as_written(styler: Styler) -> None:
    source = "A xcitationslot7x, a <!--citation-late:3--> and [@arc] <!--citation:0-->(x).\n"
    page = render_page(source, styler, source_name="docs/x.md")
    assert page.word != "citation" and page.diagnostics == []
    html_out = markdown.Markdown().convert(page.markdown)
    final = fill_late_slots(fill_slots(html_out, page.slots, page.word), page.late_slots)
    assert 'A xcitationslot7x, a <!--citation-late:3--> and <span class="citation">' in final
    assert "<!--citation:0-->(x)" in final and final.count('<li class="citation-reference"') == 1


def test_a_slot_that_ends_up_in_a_tag_or_a_link_gets_plain_text(styler: Styler) -> None:
    page = render_page("[@arc] and [@russell2019human]", styler, source_name="docs/x.md")
    moved = f'<a href="x">{page.markdown.split()[0]}</a> <img alt="{page.markdown.split()[2]}">'
    assert fill_slots(moved, page.slots) == (
        '<a href="x">(Alignment Research Center, n.d.)</a> <img alt="(Russell, 2019)">'
    )


def test_references_link_back_to_every_citation(styler: Styler) -> None:
    page = render_page(
        "[@arc] then @russell2019human and [see @arc].", styler, source_name="docs/x.md"
    )
    final = filled(page)
    assert re.findall(r'<a class="citation__link" id="([^"]+)" href="#ref-arc"', final) == [
        "cite-1-1",
        "cite-3-1",
    ]
    arc = final.split('id="ref-arc"')[1].split("</li>")[0]
    # each named after the work too (a links list shows names alone), the visible letter first
    assert re.findall(
        r'<a href="#([^"]+)" aria-label="(\w): back to citation (\d) of 2 of '
        r'Alignment Research Center, n\.d\.">(\w)</a>',
        arc,
    ) == [("cite-1-1", "a", "1", "a"), ("cite-3-1", "b", "2", "b")]
    russell = final.split('id="ref-russell2019human"')[1].split("</li>")[0]
    assert (
        '<a class="citation-reference__back web-only" href="#cite-2-1" '
        'aria-label="Back to where this page cites Russell, 2019">↩</a>'
    ) in russell
    assert (
        '<a class="citation-reference__more" href="further-reading.html#russell2019human" '
        'aria-label="In Further reading: Human Compatible">In Further reading</a>'
    ) in russell


def test_links_repeated_once_per_work_are_named_after_it() -> None:
    """A screen reader's list of links shows names alone: "In Further reading", the back links
    and Further reading's "Cited in" end their names with the work's short title (the label
    where two works share one, or where a work has no title), unique across the file."""
    entries = [
        Entry("a", "misc", 1, {"title": "Concrete Problems: A Survey", "author": "Amodei, Dario"}),
        Entry("b", "misc", 2, {"title": "System Card", "author": "{Anthropic}", "year": "2025"}),
        Entry(
            "c", "misc", 3, {"title": "System Card: {Claude}", "author": "{OpenAI}", "year": "2025"}
        ),
        Entry(
            "d", "misc", 4, {"title": "A Very Long Title", "shorttitle": "Long", "author": "X, Y"}
        ),
        Entry("e", "misc", 5, {"author": "Doe, Jane", "year": "2001"}),
    ]
    assert work_names(entries, build_labels(entries)) == {
        "a": "Concrete Problems",
        "b": "System Card (Anthropic, 2025)",
        "c": "System Card (OpenAI, 2025)",
        "d": "Long",
        "e": "Doe, 2001",
    }


def test_the_names_of_a_works_links_are_escaped() -> None:
    bib = Bibliography(
        "references.bib",
        {
            "q": Entry(
                "q",
                "misc",
                1,
                {"title": 'Say "No" <now> \\& then', "author": '{R\\&D "Lab"}', "year": "2020"},
            )
        },
    )
    page = render_page("[@q] and [@q]", Styler(bib, ENV), source_name="docs/x.md")
    entry = filled(page).split('id="ref-q"')[1].split("</li>")[0]
    names = re.findall(r'aria-label="([^"]*)"', entry)
    assert [html.unescape(name) for name in names] == [
        'In Further reading: Say "No" <now> & then',
        'a: back to citation 1 of 2 of R&D "Lab", 2020',
        'b: back to citation 2 of 2 of R&D "Lab", 2020',
    ]
    assert all("<" not in name and ">" not in name for name in names)
    text = further_reading_text(Styler(bib, ENV), [SourcePage("x.md", "x.html", "X & Y", ("q",))])
    (cited,) = re.findall(r'<a href="x.html#ref-q" aria-label="([^"]*)">', text)
    assert html.unescape(cited) == 'X & Y, citing Say "No" <now> & then'


@pytest.mark.parametrize(
    ("index", "label"), [(0, "a"), (25, "z"), (26, "aa"), (27, "ab"), (701, "zz"), (702, "aaa")]
)
def test_back_link_labels(index: int, label: str) -> None:
    assert letters(index) == label


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("[@russell2019human, 7]", "(Russell, 2019, p. 7)"),
        ("[@russell2019human, 7-9]", "(Russell, 2019, pp. 7–9)"),
        ("[@russell2019human{}, 99 runs]", "(Russell, 2019, 99 runs)"),
        ("[@russell2019human, p.&nbsp;4]", "(Russell, 2019, p.\u00a04)"),
        ("[@russell2019human, *passim*]", "(Russell, 2019, passim)"),
        ("@russell2019human [p. 33] says", "Russell (2019, p. 33) says"),
        ("@russell2019human [33] says", "Russell (2019, p. 33) says"),
    ],
)
def test_pandoc_locators_and_suffixes(markdown: str, text: str, styler: Styler) -> None:
    assert rendered_text(markdown, styler) == text


markdown_soup = st.text(alphabet="@[]{};,.-$\\`<>!()*_&#:/ \n\tab^\"'=|x0123456789", max_size=120)
keys_or_soup = st.lists(
    st.one_of(
        markdown_soup,
        st.sampled_from(
            [
                "[@arc]",
                "@russell2019human",
                "[@arc; @nope]",
                "[@{weird*key}]",
                "![x [@arc]](y)",
                "xcitationslot0x",
                "<!--citation-late:0-->",
                "<!--citation:1-->",
                "`@arc`",
                "$@arc$",
                "\n\n```\n@arc\n```\n\n",
                "# H [@arc]\n",
            ]
        ),
    ),
    max_size=8,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(source=keys_or_soup)
def test_no_markdown_makes_the_pass_raise_only_located_diagnostics(
    source: str, styler: Styler
) -> None:
    """Whatever a page contains, the pass ends in HTML or in diagnostics that name a line of it."""
    page = render_page(
        source, styler, source_name="docs/x.md", line_offset=3, math=arithmatex_math({})
    )
    lines = source.count("\n") + 1
    for diagnostic in page.diagnostics:
        assert diagnostic.file == "docs/x.md" and diagnostic.column is not None
        assert 4 <= diagnostic.line <= lines + 3 and diagnostic.column >= 1
    html_out = markdown.Markdown(extensions=["attr_list", "pymdownx.arithmatex"]).convert(
        page.markdown
    )
    final = fill_late_slots(fill_slots(html_out, page.slots, page.word), page.late_slots)
    if not page.diagnostics:
        parser = TagCollector()
        parser.feed(final)  # well-formed enough to parse; every citation link has its tooltip
        links = [
            dict(attrs)
            for tag, attrs in parser.tags
            if dict(attrs).get("class") == "citation__link"
        ]
        tips = {
            dict(attrs).get("id")
            for tag, attrs in parser.tags
            if dict(attrs).get("role") == "tooltip"
        }
        ids = {dict(attrs).get("id") for tag, attrs in parser.tags}
        assert all(link["aria-describedby"] in ids for link in links)  # the reference's span
        assert all(link["aria-describedby"].removesuffix("-text") in tips for link in links)


# --- one style: the search index's text is the visible citation's text ---------------------------


class VisibleText(HTMLParser):
    """The text a reader sees of a citation: everything but its tooltips."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.hidden = 0  # depth inside a tooltip

    def handle_starttag(self, tag, attrs):
        if self.hidden or "citation__tip" in (dict(attrs).get("class") or ""):
            self.hidden += 1

    def handle_endtag(self, tag):
        if self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.text.append(data)


affix_text = st.lists(
    st.sampled_from(
        [
            "see",
            "also",
            " ",
            "*",
            "**",
            "_",
            "`",
            "&amp;",
            "&ndash;",
            "&nbsp;",
            "<b>",
            "p.",
            "pp.",
            "ch.",
            "3",
            "-",
            "--",
            "4",
            ",",
            "x",
            "\\*",
            "#",
            "{}",
            "passim",
            "'",
            '"',
        ]
    ),
    max_size=6,
).map("".join)
cite_item = st.tuples(
    st.sampled_from(["russell2019human", "amodei2016concrete", "arc", "manheim2018categorizing"]),
    affix_text,
    affix_text,
    st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(items=st.lists(cite_item, min_size=1, max_size=3), narrative=st.booleans())
def test_the_search_text_of_a_citation_is_its_visible_text(
    items, narrative, styler: Styler
) -> None:
    """Both come from style.citation_parts: for any citation (prefixes, suffixes, locators,
    Markdown and entities in them, suppressed authors, narrative or not), the plain-text
    stand-in the search plugin indexes reads exactly as the citation a reader sees."""
    if narrative:
        key, _prefix, suffix, _suppress = items[0]
        markdown = f"@{key} [{suffix}]" if suffix.strip() else f"@{key}"
    else:
        markdown = (
            "["
            + "; ".join(
                f"{prefix} {'-' if suppress else ''}@{key}" + (f", {suffix}" if suffix else "")
                for key, prefix, suffix, suppress in items
            )
            + "]"
        )
    page = render_page(markdown, styler, source_name="docs/x.md")
    assume(not page.diagnostics and page.late_slots.stand_ins)
    visible = VisibleText()
    visible.feed(page.late_slots[0])
    visible.close()
    assert "".join(visible.text) == html.unescape(page.late_slots.stand_ins[0]), markdown
    assert page.slots[0].endswith(page.late_slots.stand_ins[0])


@pytest.mark.parametrize(
    ("keywords", "starts"),
    [
        ("start-here", True),
        ("Start Here", True),
        ("AI safety; start_here", True),
        ("alignment, START-HERE , rlhf", True),
        ("", False),
        ("starthere", False),
        ("start here later", False),
        ("restart-here", False),
    ],
)
def test_start_here_is_a_keyword_tag_in_any_spelling_a_manager_exports(
    keywords: str, starts: bool
) -> None:
    fields = {"title": "T", "author": "A, B", "year": "2020", "kind": "paper"}
    if keywords:
        fields["keywords"] = keywords
    assert Entry("k", "article", 1, fields).starts_here is starts


def test_further_reading_opens_with_the_start_here_group_easiest_first(tmp_path: Path) -> None:
    """Entries tagged "start-here" move out of their kind's group into a first group, "Start
    here", with its own sentence; videos, then articles, books and papers."""
    bib = GOLDEN_BIB.read_text(encoding="utf-8")
    for key in ("amodei2016concrete", "miles_channel", "russell2019human"):
        bib = bib.replace(f"{{{key},", f"{{{key},\n  keywords = {{safety, start-here}},", 1)
    path = tmp_path / "references.bib"
    path.write_text(bib, encoding="utf-8")
    styler = Styler(load_bibliography(path, "references.bib"), ENV)
    text = further_reading_text(styler, [])
    headings, groups, _ids = headings_and_groups(text)
    assert headings == ["Start here", "Also worth reading"], headings
    start = groups["Start here"]
    assert start.lstrip().startswith("A few places to begin")
    assert re.findall(r'class="further-reading__entry" id="([^"]+)"', start) == [
        "miles_channel",
        "russell2019human",
        "amodei2016concrete",
    ]
    assert 'id="amodei2016concrete"' not in groups["Also worth reading"]  # listed once
    assert "<details" not in start, "Start here is never folded"
    assert "Jump to: [Start here](#start-here) (3)" in text
