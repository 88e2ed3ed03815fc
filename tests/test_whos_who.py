"""docs/whos-who.md, the Who's who: an entry for every organization the pages name.

A reader's review: the chapters name many organizations (AI companies, testing groups, a
government institute), and a newcomer could not tell a lab that builds models from a group that
tests them. The Who's who sorts them by that role. It is a page of its own, next to the Glossary,
and not part of the glossary's definition list on purpose: every term of that list is underlined
with a hover wherever a chapter uses it ("OpenAI" on almost every page), and search splits the
glossary into one entry per term (scripts/glossary_search.py).

The source tests hold the list to the text: each organization the test knows has an entry and is
named in some page (or wrote or published a work a page cites), and a search of the pages for names
shaped like an organization's ("... Research", "... Institute") finds none the test does not know.
The built-site tests check that each entry cites a source and links to a chapter section that
exists."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Mapping
from pathlib import Path

import pytest

from citations.bibliography import Entry, load_bibliography
from glossary import parse_glossary

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGE = DOCS / "whos-who.md"

# Each entry's heading -> the names the pages use for it (any one counts as a use).
ENTRIES: dict[str, tuple[str, ...]] = {
    "Anthropic": ("Anthropic",),
    "DeepSeek": ("DeepSeek",),
    "Google DeepMind": ("Google DeepMind", "DeepMind", "Google"),
    "OpenAI": ("OpenAI",),
    "xAI": ("xAI",),
    "Apollo Research": ("Apollo Research",),
    "METR": ("METR",),
    "Palisade Research": ("Palisade Research",),
    "UK AI Security Institute (AISI)": ("UK AI Security Institute", "AISI"),
    "Center for AI Standards and Innovation (CAISI)": (
        "Center for AI Standards and Innovation",
        "CAISI",
    ),
    "Alignment Research Center": ("Alignment Research Center",),
    "Berkeley": ("Berkeley",),
    "Center for AI Safety": ("Center for AI Safety",),
    "Distributed AI Research Institute (DAIR)": (
        "Distributed AI Research Institute",
        "DAIR Institute",
        "DAIR",
    ),
    "Epoch AI": ("Epoch AI",),
    "Future of Life Institute": ("Future of Life Institute",),
    "Machine Intelligence Research Institute (MIRI)": (
        "Machine Intelligence Research Institute",
        "MIRI",
    ),
    "Cursor": ("Cursor",),
    "Hugging Face": ("Hugging Face",),
}
# Named in the pages with no entry, and why: each is described where it is named, and the guide
# draws on none of them for evidence.
NOT_LISTED: dict[str, str] = {
    "Wikimedia Foundation": "named once, as a party the Hugging Face incident touched",
    "International AI Safety Report": "a report, not an organization",
    "BlueDot Impact": "in Where experts disagree's list of links, described there",
    "MATS": "in the same list of links",
    "AI Now Institute": "in the same list of links",
}
# What a name shaped like an organization's looks like: capitalized words before "Research",
# "Institute" and the like, or after "Center for" and the like.
ORGANIZATION_SHAPED = re.compile(
    r"""(?x)
      (?:\b[A-Z][\w'-]*[ ])+ (?:Research|Institute|Foundation|Impact|Labs?|University)\b
    | \b(?:Center|Centre|Institute|University|Laboratory)[ ](?:for|of)(?:[ ][A-Z][\w-]*)+
    """
)

LEADING_WORD = re.compile(r"^(?:The|A|An|At|By|From|In|Of) ")  # a sentence's start, not the name


def test_the_search_for_organization_shaped_names_finds_them():
    text = (
        "In 2026 the Center for Safe Machines and Redwood Research, with the Apollo Institute,\n"
        "wrote to a university; research continued."
    )
    found = [LEADING_WORD.sub("", m.group()) for m in ORGANIZATION_SHAPED.finditer(text)]
    assert found == ["Center for Safe Machines", "Redwood Research", "Apollo Institute"]


def _pages() -> dict[str, str]:
    """Every page's Markdown but the Who's who itself, comments left out."""
    return {
        str(path.relative_to(DOCS)): re.sub(
            r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.DOTALL
        )
        for path in sorted(DOCS.rglob("*.md"))
        if path != PAGE
    }


def _entry_headings() -> list[str]:
    return re.findall(r"(?m)^### (.+?)\s*$", PAGE.read_text(encoding="utf-8"))


def _named(name: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def test_the_page_has_an_entry_for_each_organization_and_no_other():
    assert sorted(_entry_headings()) == sorted(ENTRIES)


@functools.cache
def _bibliography() -> Mapping[str, Entry]:
    return load_bibliography(ROOT / "references.bib", "references.bib").entries


CITED_KEY = re.compile(r"(?<![\w.-])@([\w:.-]*\w)")  # "[@key]", "[-@key]", "@key argues"


def _cited(text: str) -> set[str]:
    return {key for key in CITED_KEY.findall(text) if key in _bibliography()}


def _wrote_or_published(entry: Entry) -> str:
    """The organizations behind a work: an author that is one (no given name), and the
    `howpublished` text ("Epoch AI", "DAIR Institute")."""
    organizations = [a.display for a in entry.authors if "," not in a.inverted]
    return " ".join([*organizations, entry.fields.get("howpublished", "")])


@pytest.mark.parametrize("entry", sorted(ENTRIES))
def test_each_entry_is_named_or_cited_in_some_page(entry):
    """An entry for an organization no page names any longer, nor cites a work of, is stale:
    remove it. A cited work counts: the Center for AI Safety is met as the author of the
    statement the chapters cite, and Epoch AI as the publisher of a test they report."""
    bib = _bibliography()
    names = ENTRIES[entry]
    used_in = [
        path
        for path, text in _pages().items()
        if any(_named(n, text) for n in names)
        or any(_named(n, _wrote_or_published(bib[key])) for key in _cited(text) for n in names)
    ]
    assert used_in, f"no page names or cites {entry!r} ({', '.join(names)})"


@pytest.mark.parametrize("name", sorted(NOT_LISTED))
def test_each_name_left_out_is_still_named(name):
    assert any(_named(name, text) for text in _pages().values()), (
        f"no page names {name!r}: remove it from NOT_LISTED"
    )


def test_every_organization_shaped_name_in_the_pages_is_known():
    """A chapter that names a new "... Research" or "... Institute" needs an entry for it in
    the Who's who (and in ENTRIES), or a reason in NOT_LISTED."""
    known = [n for names in ENTRIES.values() for n in names] + list(NOT_LISTED)
    unknown = set()
    for path, text in _pages().items():
        for found in ORGANIZATION_SHAPED.finditer(text):
            name = LEADING_WORD.sub("", " ".join(found.group().split()))
            if not any(name in k or k in name for k in known):
                unknown.add(f"{path}: {name}")
    assert not unknown, "organizations with no Who's who entry:\n" + "\n".join(sorted(unknown))


def test_no_organization_is_a_glossary_term():
    """The names stay plain text in the chapters: no hover, no underline on every page."""
    terms = {t.name.lower() for t in parse_glossary((DOCS / "glossary.md").read_text("utf-8"))}
    names = {n.lower() for names in ENTRIES.values() for n in names}
    assert not terms & names


def test_the_nav_lists_it_right_after_the_glossary():
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - Glossary: glossary.md\n  - Who's who: whos-who.md\n" in nav


# The built site


def _sections(page_html: str) -> dict[str, str]:
    """Each entry's heading text -> its HTML, up to the next heading."""
    article = page_html.split('<article class="md-content__inner', 1)[1].split("</article>")[0]
    parts = re.split(r'(<h[23] id="[^"]+">.*?</h[23]>)', article, flags=re.DOTALL)
    sections = {}
    for i in range(1, len(parts), 2):
        if parts[i].startswith("<h3"):
            title = html.unescape(re.sub(r"<[^>]+>", "", parts[i])).replace("¶", "").strip()
            sections[title] = parts[i + 1]
    return sections


def test_each_entry_cites_a_source_and_links_to_a_chapter_section_that_exists(site_dir):
    sections = _sections((site_dir / "whos-who.html").read_text(encoding="utf-8"))
    assert sorted(sections) == sorted(ENTRIES)
    for title, body in sections.items():
        assert 'class="citation' in body, f"{title}: no citation"
        links = re.findall(r'<a href="([\w/-]+\.html)#([^"]+)"', body)
        links = [(page, anchor) for page, anchor in links if page != "whos-who.html"]
        assert links, f"{title}: no link to a chapter section"
        for page, anchor in links:
            target = (site_dir / page).read_text(encoding="utf-8")
            assert f'id="{anchor}"' in target, f"{title}: {page}#{anchor} does not exist"


def test_the_glossary_leads_to_it(site_dir):
    glossary = (site_dir / "glossary.html").read_text(encoding="utf-8")
    intro = glossary.split('<article class="md-content__inner', 1)[1].split("<h2", 1)[0]
    assert 'href="whos-who.html"' in intro
