"""The real site, built strictly once per session (`site_dir`), checked for its citations:
nothing left unrendered, every citation resolves on its page, References where needed, and a
complete Further reading page with a downloadable references.bib."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest

from citations.bibliography import load_bibliography
from citations.style import anchor_id

ROOT = Path(__file__).resolve().parent.parent
SKIPPED_TEXT = {"code", "pre", "script", "style"}


@dataclass
class PageFacts:
    """What a page's HTML says about citations."""

    ids: set[str] = field(default_factory=set)
    citation_links: list[dict[str, str]] = field(default_factory=list)
    tooltips: dict[str, str] = field(default_factory=dict)
    headings: list[tuple[str, str]] = field(default_factory=list)  # (id, text) of h2
    text: list[str] = field(default_factory=list)
    toc_links: list[str] = field(default_factory=list)  # hrefs of the page's table of contents


class FactCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self._skip = 0
        self._h2: str | None = None
        self._h2_text: list[str] = []
        self._in_toc = 0  # depth of nested <nav> inside the table of contents

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if "id" in attributes:
            self.facts.ids.add(attributes["id"])
        if tag == "nav" and (self._in_toc or "md-nav--secondary" in attributes.get("class", "")):
            self._in_toc += 1
        if tag == "a" and self._in_toc and "md-nav__link" in attributes.get("class", ""):
            self.facts.toc_links.append(attributes.get("href", ""))
        if tag == "a" and "citation__link" in attributes.get("class", ""):
            self.facts.citation_links.append(attributes)
        if attributes.get("role") == "tooltip":
            self.facts.tooltips[attributes.get("id", "")] = attributes.get("class", "")
        if tag == "h2":
            self._h2, self._h2_text = attributes.get("id", ""), []
        if tag in SKIPPED_TEXT:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._in_toc:
            self._in_toc -= 1
        if tag in SKIPPED_TEXT and self._skip:
            self._skip -= 1
        if tag == "h2" and self._h2 is not None:
            self.facts.headings.append((self._h2, "".join(self._h2_text).replace("¶", "").strip()))
            self._h2 = None

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.facts.text.append(data)
        if self._h2 is not None:
            self._h2_text.append(data)


def facts(path: Path) -> PageFacts:
    collector = FactCollector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector.facts


def content_pages(site: Path) -> list[Path]:
    """Every page MkDocs made from Markdown (not the 404 page or vendored files)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative == "404.html" or relative.startswith("assets/"):
            continue
        pages.append(path)
    return pages


@pytest.fixture(scope="module")
def pages(site_dir: Path) -> dict[str, PageFacts]:
    return {p.relative_to(site_dir).as_posix(): facts(p) for p in content_pages(site_dir)}


@pytest.fixture(scope="module")
def bibliography():
    bib = load_bibliography(ROOT / "references.bib", "references.bib")
    assert bib.diagnostics == ()
    return bib


def test_no_citation_syntax_is_left_in_any_page(pages: dict[str, PageFacts]) -> None:
    leftovers = {
        name: re.findall(r".{0,30}\[-?@.{0,30}", " ".join(f.text)) for name, f in pages.items()
    }
    assert {name: found for name, found in leftovers.items() if found} == {}


def test_the_pages_that_must_cite_do(pages: dict[str, PageFacts]) -> None:
    for name in ("index.html", "alignment-problem.html"):
        assert pages[name].citation_links, f"{name} has no rendered citation"


def test_every_citation_resolves_on_its_page(pages: dict[str, PageFacts]) -> None:
    for name, page in pages.items():
        for link in page.citation_links:
            target = link["href"]
            assert target.startswith("#ref-") and target[1:] in page.ids, (name, target)
            # described by the reference alone: a span of its own inside the tooltip
            described = link["aria-describedby"]
            tip = described.removesuffix("-text")
            assert described != tip and described in page.ids, (name, described)
            assert tip in page.tooltips and "citation__tip" in page.tooltips[tip], (name, tip)
            assert "title" not in link  # no native tooltip on top of ours


def test_pages_that_cite_have_a_references_section_and_others_do_not(
    pages: dict[str, PageFacts],
) -> None:
    for name, page in pages.items():
        has_section = ("references", "References") in page.headings
        if name == "further-reading.html":
            continue
        assert has_section == bool(page.citation_links), name
        if has_section:
            assert page.headings[-1] == ("references", "References"), (
                f"{name}: References is not last"
            )
            assert "#references" in page.toc_links, (
                f"{name}: References is not in the table of contents"
            )
            cited = {link["href"][len("#ref-") :] for link in page.citation_links}
            listed = {i[len("ref-") :] for i in page.ids if i.startswith("ref-")}
            assert cited == listed, name


def test_further_reading_lists_every_entry_in_its_group(site_dir: Path, bibliography) -> None:
    """Start here, then each work under the first page citing it that is not the home page (a
    topic), then the works no page cites; every entry with its annotation."""
    text = (site_dir / "further-reading.html").read_text(encoding="utf-8")
    titles = {
        value: html.unescape(title)
        for value, title in re.findall(r'<option value="([^"]+)">([^<]*)</option>', text)
    }
    sections = re.split(r'<h2 id="[^"]*">', text)
    group_of = {}
    for section in sections[1:]:
        title = html.unescape(section.split("<", 1)[0]).strip()
        for anchor in re.findall(r'<li class="further-reading__entry" id="([^"]+)"', section):
            group_of[anchor] = title
    start = [key for key, entry in bibliography.entries.items() if entry.starts_here]
    assert 4 <= len(start) <= 10, "a short Start here group, tagged in references.bib"
    for key, entry in bibliography.entries.items():
        anchor = anchor_id(key)
        cited_in = re.search(rf'id="{re.escape(anchor)}" data-cited-in="([^"]*)"', text)
        assert cited_in, key
        citers = cited_in.group(1).split()
        topic = [p for p in citers if p != "index.html"] or citers
        expected = (
            "Start here"
            if entry.starts_here
            else titles[topic[0]]
            if topic
            else "Also worth reading"
        )
        assert group_of.get(anchor) == expected, key
        found = re.search(rf'id="{re.escape(anchor)}"[^>]*>(.*?)</div>', text, re.DOTALL)
        assert found, f"no entry for {key}"
        block = found.group(1)
        assert html.escape(entry.text("annote"), quote=False) in block.replace(
            "&#39;", "'"
        ).replace("&#34;", '"'), key


def test_further_reading_opens_with_a_jump_list_of_its_groups(site_dir: Path) -> None:
    """A line at the top jumps to each group (Start here, then each topic), with how many works
    it holds (for the screen only; on a phone, where the topics come folded, the script hides it:
    the folded topics are the index); each topic's list is a fold, open as written."""
    text = (site_dir / "further-reading.html").read_text(encoding="utf-8")
    jump = re.search(r'<p class="further-reading__jump web-only">(.*?)</p>', text, re.DOTALL)
    assert jump, "no jump list"
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a> \((\d+)\)', jump.group(1))
    sections = re.split(r'<h2 id="([^"]*)">', text)
    counts = {
        sections[i]: len(re.findall(r'<li class="further-reading__entry"', sections[i + 1]))
        for i in range(1, len(sections) - 1, 2)
    }
    assert len(links) >= 8
    assert [(anchor, int(n)) for anchor, _, n in links] == [
        (anchor, counts[anchor]) for anchor, _, _ in links
    ]
    assert [anchor for anchor, _, _ in links] == list(counts)[: len(links)]
    folds = re.findall(
        r'<details class="further-reading__fold" open><summary>(\d+) ', text
    )  # "6 articles" when one kind
    assert links[0][0] == "start-here"
    assert [int(n) for n in folds] == [int(n) for _, _, n in links][1:]
    # The chapter filter comes hidden: without scripts a reader gets the whole list, no dead form.
    assert '<form class="further-reading__filter web-only" data-search-exclude hidden>' in text


def test_further_reading_cited_in_links_resolve_to_pages_citing_the_entry(
    site_dir: Path, pages
) -> None:
    text = (site_dir / "further-reading.html").read_text(encoding="utf-8")
    entries = re.findall(
        r'<li class="further-reading__entry" id="([^"]+)"[^>]*>(.*?)</li>', text, re.DOTALL
    )
    assert entries
    checked = 0
    for anchor, block in entries:
        if "Cited in:" not in block:
            continue
        for href in re.findall(r'<a href="([^"]+)"', block.split("Cited in:", 1)[1]):
            path, _, fragment = href.partition("#")
            target = (site_dir / path).resolve()
            assert target.is_file(), (anchor, href)
            assert fragment == f"ref-{anchor}", ("lands on the page's entry for it", href)
            assert f'id="{fragment}"' in target.read_text(encoding="utf-8"), (anchor, href)
            cited = {
                link["href"]
                for link in pages[target.relative_to(site_dir).as_posix()].citation_links
            }
            assert f"#ref-{anchor}" in cited, (anchor, href)
            checked += 1
    assert checked > 0
    # the chapter filter reads the same pages from each entry's data-cited-in
    for anchor, pages_listed, block in re.findall(
        r'<li class="further-reading__entry" id="([^"]+)" data-cited-in="([^"]*)">(.*?)</li>',
        text,
        re.DOTALL,
    ):
        linked = re.findall(r'<a href="([^"#]+)#', block.split("Cited in:", 1)[-1])
        assert pages_listed.split() == (linked if "Cited in:" in block else []), anchor


def test_every_page_links_its_references_to_further_reading(site_dir: Path, pages) -> None:
    further_ids = pages["further-reading.html"].ids
    for path in content_pages(site_dir):
        for href in re.findall(
            r'class="citation-reference__more" href="([^"]+)"', path.read_text(encoding="utf-8")
        ):
            file, _, anchor = href.partition("#")
            assert (path.parent / file).resolve() == (site_dir / "further-reading.html").resolve()
            assert anchor in further_ids


TOOLTIP = re.compile(
    r'<a class="citation__link" [^>]*href="#ref-(?P<anchor>[^"]+)"[^>]*>.*?</a>'
    r'<span class="citation__tip hover-tip" role="tooltip"[^>]*>(?P<tip>.*?)'
    r'<a class="citation__entry"',
    flags=re.DOTALL,
)


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def test_every_tooltip_prints_its_works_day_or_month(site_dir: Path, bibliography) -> None:
    """A reporter writes "in a post on 26 August": each citation's tooltip gives the day (or
    month) of its work's `date`, which only the bib file held (a journalist's review), and the
    label keeps its year and letter."""
    from citations.reference import printed_date

    dated = {
        anchor_id(key): printed_date(entry.fields.get("date", ""))
        for key, entry in bibliography.entries.items()
    }
    checked = 0
    for path in content_pages(site_dir):
        for found in TOOLTIP.finditer(path.read_text(encoding="utf-8")):
            if day := dated.get(found["anchor"]):
                checked += 1
                assert f". {day}." in _text(found["tip"]), (path.name, found["anchor"])
    assert checked >= 50, checked
    capability = (site_dir / "capability.html").read_text(encoding="utf-8")
    assert (
        ">OpenAI, 2026e</a>" in capability
        and "The Hugging Face Incident and the Road Ahead. OpenAI blog; a technical incident"
        " report accompanies it. 26 August 2026."
        in _text(capability)
    )


def test_a_preprint_says_when_it_was_first_posted_and_links_the_post_it_began_as(
    site_dir: Path,
) -> None:
    """The shutdown study's 2026 journal title hid its September 2025 first posting, which Home
    dates the finding by; the blackmail study's arXiv link hid the June 2025 post that the text
    dates it by."""
    home = _text((site_dir / "index.html").read_text(encoding="utf-8"))
    assert (
        "Transactions on Machine Learning Research. First posted in September 2025 as"
        " “Shutdown Resistance in Large Language Models”." in home
    )
    entry = re.search(
        r'<li[^>]*id="ref-lynch2025agentic".*?</li>',
        (site_dir / "disagreement.html").read_text(encoding="utf-8"),
        flags=re.DOTALL,
    )
    assert entry, "disagreement.html cites lynch2025agentic"
    assert (
        '<a class="citation-ref__link" href="https://www.anthropic.com/research/agentic-misalignment">'
        in entry.group(0)
    )
    assert "https://arxiv.org/abs/2510.05179" in entry.group(0)


def test_references_bib_is_downloadable(site_dir: Path) -> None:
    assert (site_dir / "references.bib").read_bytes() == (ROOT / "references.bib").read_bytes()
    assert 'href="references.bib"' in (site_dir / "further-reading.html").read_text(
        encoding="utf-8"
    )
    assert not (ROOT / "docs" / "further-reading.md").exists()
    # Home offers the file in a newcomer's words: what it is for, not its format's name.
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert '<a href="references.bib" download>Download every reference</a>' in home


def test_the_demos_page_shows_each_demo_as_a_picture_that_opens_it(site_dir: Path) -> None:
    """A reader choosing a demo sees what it looks like: each demo's preview (demo-*-thumb.svg, drawn
    from the simulations for a card's size), a link to the demo, under its heading (web-only: the
    book prints the demo chapters' own figures)."""
    text = (site_dir / "demos" / "index.html").read_text(encoding="utf-8")
    thumbs = re.findall(
        r'<p class="web-only"><a class="demo-thumb" href="([^"]+)"><img alt="([^"]+)"'
        r'[^>]* src="([^"]+)"',
        text,
    )
    assert [(href, src.rsplit("/", 1)[1]) for href, _, src in thumbs] == [
        ("boat-race.html", "demo-boat-race-thumb.svg"),
        ("goodhart-explorer.html", "demo-goodhart-thumb.svg"),
    ]
    for href, alt, src in thumbs:
        assert alt.startswith("Open the "), alt
        assert (site_dir / "demos" / href).is_file() and (site_dir / "demos" / src).is_file()


def test_the_glossary_opens_with_a_jump_list_of_its_letter_ranges(site_dir: Path) -> None:
    """81 terms run to 20,000 px on a phone: a line under the introduction jumps to each letter
    range, every one of them, in order (web-only, like Further reading's)."""
    text = (site_dir / "glossary.html").read_text(encoding="utf-8")
    jump = re.search(r'<p class="glossary__jump web-only">(.*?)</p>', text, re.DOTALL)
    assert jump, "no jump list"
    targets = re.findall(r'<a href="#([^"]+)">', jump.group(1))
    ranges = [i for i in re.findall(r'<h2 id="([^"]+)"', text) if i != "references"]
    assert len(ranges) >= 4 and targets == ranges, (targets, ranges)


def test_every_glossary_tooltip_links_to_an_entry_that_exists(site_dir: Path) -> None:
    """Each tooltip's "In the glossary" link lands on its term's entry (a <dt> with that id),
    from pages at the root and in demos/ alike."""
    glossary_ids = set(
        re.findall(r'<dt id="([^"]+)"', (site_dir / "glossary.html").read_text(encoding="utf-8"))
    )
    checked = 0
    for path in site_dir.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        tips = text.count('class="glossary-term__tip')
        links = re.findall(r'<a class="glossary-term__more" href="([^"]+)"', text)
        assert len(links) == tips, (path.name, len(links), tips)
        for href in links:
            page, _, anchor = href.partition("#")
            assert (path.parent / page).resolve() == (site_dir / "glossary.html").resolve(), href
            assert anchor in glossary_ids, (path.name, href)
            checked += 1
    assert checked > 100


def test_each_chapters_search_entry_opens_on_its_title_and_summary(site_dir: Path) -> None:
    """The "Chapter N" label sits outside the indexed content: put before the <h1>, it had
    split each page's search entry into an empty one under the nav title, and moved a chapter
    down the results for its own subject."""
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = {d["location"]: d for d in docs["docs"] if "#" not in d["location"]}
    text = (site_dir / "rlhf.html").read_text(encoding="utf-8")
    assert (
        '<div class="chapter-kicker web-only">\n    <p class="chapter-label">Chapter 4</p>' in text
    )
    for page, title in [
        ("rlhf.html", "Reinforcement learning from human feedback (RLHF)"),
        ("specification-gaming.html", "Specification gaming and reward hacking"),
    ]:
        assert entries[page]["title"] == title, entries[page]
        assert "In one minute" in entries[page]["text"], entries[page]["text"][:80]


def test_search_indexes_no_demo_controls_and_no_noscript_notice(site_dir: Path) -> None:
    """UX review 11: searching "Goodhart" showed the explorer with the snippet "The interactive
    version of this figure needs JavaScript, which is switched off in this browser", and "ready"
    or "reset" landed in a demo's buttons. A live demo's controls and its <noscript> notice carry
    data-search-exclude; the still figure's caption, which says what the demo shows, stays."""
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(d["text"] for d in docs["docs"])
    for chrome in ("needs JavaScript", "Loading the simulation", "Training the agents", "Ready."):
        assert chrome not in text, chrome
    goodhart = [d for d in docs["docs"] if d["location"] == "demos/goodhart-explorer.html"]
    assert goodhart and "Goodhart" in goodhart[0]["text"] + goodhart[0]["title"]
    assert "The result of the live demo" in text  # the boat race's still caption


class _ExcludedNesting(HTMLParser):
    """Elements marked data-search-exclude that hold an element of their own tag."""

    VOID: ClassVar[frozenset[str]] = frozenset(
        {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, bool]] = []  # (tag, marked) of the open elements
        self.nested: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        if any(t == tag and marked for t, marked in self.open):
            self.nested.append(f"<{tag}> inside a <{tag} data-search-exclude> at {self.getpos()}")
        self.open.append((tag, any(name == "data-search-exclude" for name, _ in attrs)))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return


def test_no_search_excluded_element_holds_an_element_of_its_own_tag(site_dir: Path) -> None:
    """Material 9.8's search parser compares elements by tag alone: the first </div> inside a
    <div data-search-exclude> ends the exclusion (material/plugins/search/plugin.py, Element and
    handle_endtag). So the demos' live parts are <section>s, and nothing excluded may hold an
    element of its own tag, or its text leaks into the index (the test above shows the symptom)."""
    problems = []
    for page in sorted(site_dir.rglob("*.html")):
        parser = _ExcludedNesting()
        parser.feed(page.read_text(encoding="utf-8"))
        problems += [f"{page.relative_to(site_dir)}: {n}" for n in parser.nested]
    assert not problems, "\n".join(problems[:10])


def test_the_edit_link_is_at_the_foot_of_the_page_not_beside_its_title(site_dir: Path) -> None:
    """A reader meets the title, not a pencil; a contributor finds the link with "Last updated"."""
    text = (site_dir / "rlhf.html").read_text(encoding="utf-8")
    assert "md-content__button" not in text
    foot = text.split('<aside class="md-source-file ae-page-info"', 1)[1].split("</aside>", 1)[0]
    link = re.search(r'<p class="ae-page-info__edit web-only"><a href="([^"]+)">', foot)
    assert link and link.group(1).endswith("/edit/main/docs/rlhf.md"), foot[:300]
