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
exists.

A second review, a journalist's, asked for the people: Where experts disagree names about twenty
across its camps, mostly with no role. The page's last section, "People the guide quotes", is a
table of them (cards on a phone, scripts/tables.py), each with where the guide places them, their
own statement and their affiliation where a source gives it. Its rules, below: every person it
lists is named in some page, and every statement it cites for a person is one that person wrote;
and the other way round, every person Where experts disagree names is listed. What counts as a
person the chapter names: an author (a person, not an organization) of a work the chapter cites,
whose surname its prose uses, and uses only as a name (never in lower case: an author named He
is not the "He" that starts a sentence). A surname with no cited work behind it is not a holder of a view the
chapter sets out (the chapter's "the heads of OpenAI" names nobody), and a cited author the prose
does not name ("Its authors see a warning") is not quoted by name. The rows follow the chapter's
order of camps; people from other chapters come after them."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
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
    # a report, not an organization, but the source a policy reader most needs placed: who asked
    # for it, who wrote it, that it recommends no policy (a reader's review)
    "International AI Safety Report": ("International AI Safety Report",),
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


# The people

PEOPLE_HEADING = "## People the guide quotes"
PEOPLE_ANCHOR = "people-the-guide-quotes"
DEBATE = DOCS / "disagreement.md"
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


@dataclass(frozen=True)
class Person:
    name: str
    placement: str  # Markdown: where the guide places them, with links
    statement: str  # Markdown: their own statement, cited
    affiliation: str

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


def _people() -> list[Person]:
    """The rows of the people's table, in order."""
    section = PAGE.read_text(encoding="utf-8").split(PEOPLE_HEADING, 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    header, _rule, *body = rows
    assert [c.strip() for c in header.strip("|").split("|")] == [
        "Person",
        "Where the guide places them",
        "Their own statement",
        "Affiliation then",
    ]
    people = []
    for row in body:
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        assert len(cells) == 4, row
        people.append(Person(*cells))
    return people


def _prose(markdown: str) -> str:
    """A page's own words: no front matter, comments, citations or link targets."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.DOTALL)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    text = re.sub(r"\[[^\]]*@[^\]]*\]", "", text)  # [@key], [see @key, p. 3]
    text = CITED_KEY.sub("", text)
    return re.sub(r"\]\([^)]*\)", "]", text)


def _surnames(key: str) -> set[str]:
    """The surnames of a work's authors who are people (organizations have no given name)."""
    return {a.surname for a in _bibliography()[key].authors if "," in a.inverted}


def test_each_person_listed_is_named_in_some_page():
    """A person no page names any longer is stale: remove their row."""
    pages = {path: _prose(text) for path, text in _pages().items()}
    unnamed = [p.name for p in _people() if not any(_named(p.surname, t) for t in pages.values())]
    assert not unnamed, f"listed but named on no page: {unnamed}"


def test_each_persons_statement_is_their_own():
    """Every work the statement column cites for a person lists that person among its authors:
    a reader quotes them from their own words, not from a report about them."""
    for person in _people():
        keys = _cited(person.statement)
        assert keys, f"{person.name}: no statement cited"
        assert len(keys) == len(set(CITED_KEY.findall(person.statement))), (
            f"{person.name}: a key not in references.bib"
        )
        for key in keys:
            assert person.surname in _surnames(key), f"{person.name} is not an author of {key}"


def test_every_person_the_debate_chapter_names_is_listed():
    """The rule (see the module's docstring): the surnames, used in Where experts disagree's
    prose, of the people who wrote the works it cites."""
    markdown = DEBATE.read_text(encoding="utf-8")
    prose = _prose(markdown)
    words = set(re.findall(r"[\w'-]+", prose))
    named = {
        surname
        for key in _cited(markdown)
        for surname in _surnames(key)
        # used as a name somewhere other than a sentence's start, where "He" (an author's
        # surname) is the pronoun; and never in lower case, as a word of the prose
        if re.search(rf"(?<![.!?]\s)(?<![\w-]){re.escape(surname)}(?![\w-])", prose)
        and surname.lower() not in words
    }
    assert len(named) >= 15, f"the rule finds too few people to be right: {sorted(named)}"
    listed = {p.surname for p in _people()}
    assert not named - listed, f"named in {DEBATE.name} but not listed: {sorted(named - listed)}"


def test_the_people_follow_the_order_of_the_chapters_camps():
    """Each row's first link is where the guide places the person: the debate chapter's
    sections in its order, then other chapters."""
    sections = re.findall(r"(?m)^## (.+?)(?: \{[^}]*\})?\s*$", DEBATE.read_text(encoding="utf-8"))
    anchors = [re.sub(r"[^\w\s-]", "", s.lower()).strip().replace(" ", "-") for s in sections]
    places = []
    for person in _people():
        links = LINK.findall(person.placement)
        assert links, f"{person.name}: no link to where the guide places them"
        page, _, anchor = links[0].partition("#")
        places.append(anchors.index(anchor) if page == DEBATE.name else len(anchors))
    assert places == sorted(places), list(zip([p.name for p in _people()], places, strict=True))


def test_the_debate_chapter_leads_to_the_people():
    """From the head of Where experts disagree, before its first section."""
    head = DEBATE.read_text(encoding="utf-8").split("\n## ", 1)[0]
    assert f"(whos-who.md#{PEOPLE_ANCHOR})" in head


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


def test_the_people_are_a_titled_table_set_as_cards_on_a_phone_whose_links_land(site_dir):
    """A four-column table on a 390 px phone is one word a line; scripts/tables.py sets it as
    one card a person (table[data-stack] in extra.css), each cell labelled with its column."""
    page = (site_dir / "whos-who.html").read_text(encoding="utf-8")
    section = page.split(f'<h2 id="{PEOPLE_ANCHOR}">', 1)[1].split("</article>")[0]
    table = re.search(r"<table\b[^>]*>.*?</table>", section, flags=re.DOTALL)
    assert table, "the people's section has no table"
    assert "data-stack" in table.group(0).split(">", 1)[0]
    assert re.search(r"<caption>\s*People the guide quotes", table.group(0))
    rows = re.findall(r'<tr role="row">(.*?)</tr>', table.group(0), flags=re.DOTALL)[1:]
    assert len(rows) == len(_people())
    for row in rows:
        assert 'data-label="Where the guide places them"' in row
        assert 'class="citation' in row, row[:120]
        for target, anchor in re.findall(r'<a href="([\w/-]+\.html)#([^"]+)"', row):
            linked = (site_dir / target).read_text(encoding="utf-8")
            assert f'id="{anchor}"' in linked, f"{target}#{anchor} does not exist"
    debate = (site_dir / "disagreement.html").read_text(encoding="utf-8")
    assert f'href="whos-who.html#{PEOPLE_ANCHOR}"' in debate


def test_each_appears_in_link_is_named_with_its_chapter(site_dir):
    """A screen reader's list of links shows names alone: "Where it fits" and "Debate" say which
    chapter they lead to ("Where it fits (Constitutional AI)", scripts/appears_in.py), their
    visible words first; a link that already names its chapter keeps its words as its name."""
    page = (site_dir / "whos-who.html").read_text(encoding="utf-8")
    lines = re.findall(r"<p>Appears in: (.*?)</p>", page, re.DOTALL)
    assert len(lines) >= len(ENTRIES) - 5
    titles = {
        "constitutional-ai.html": "Constitutional AI",
        "research.html": "What researchers are doing",
        "rlhf.html": "RLHF",
    }
    named = 0
    for line in lines:
        for attrs, inner in re.findall(r"<a ([^>]*)>(.*?)</a>", line):
            found = re.search(r'href="([^"]+)"', attrs)
            assert found, attrs
            href = found[1]
            label = re.search(r'aria-label="([^"]*)"', attrs)
            words = html.unescape(re.sub(r"<[^>]+>", "", inner))
            if label is None:
                assert "#" not in href, (href, words)  # only a link to a chapter's start
                continue
            name = html.unescape(label[1])
            assert name.startswith(f"{words} (") and name.endswith(")"), name
            page_title = titles.get(href.split("#")[0])
            if page_title:
                assert name == f"{words} ({page_title})"
            named += 1
    assert named >= 30  # 32 in December 2026
    assert (
        '<a href="constitutional-ai.html#where-it-fits" '
        'aria-label="Where it fits (Constitutional AI)">Where it fits</a>' in page
    )


def test_appears_in_names_are_escaped_and_skip_what_names_its_chapter():
    from appears_in import name_appearances

    titles = {"a.html": 'Q&A "now"', "b.html": "B"}
    before = (
        '<p>Appears in: <a href="a.html#x">Why <em>&lt;this&gt;</em></a> · '
        '<a href="b.html">B</a> · <a href="https://example.org/">Out</a></p>'
        '<p>Elsewhere: <a href="a.html#y">Y</a></p>'
    )
    after = name_appearances(before, "whos-who.html", titles)
    assert after == before.replace(
        '<a href="a.html#x">',
        '<a href="a.html#x" aria-label="Why &lt;this&gt; (Q&amp;A &#34;now&#34;)">',
    )
    assert name_appearances(
        '<p>Appears in: <a href="../a.html#x">X</a></p>', "demos/p.html", titles
    ) == ('<p>Appears in: <a href="../a.html#x" aria-label="X (Q&amp;A &#34;now&#34;)">X</a></p>')
