"""The glossary hovers (scripts/glossary.py): parsing, spellings, one mark per term in the lead and one in the body,
never in headings, links or code, plain-text tooltips whatever a definition contains (property
test through Python-Markdown's abbr extension), located errors for a glossary that is not text,
and, on the real site, the marks counted per section."""

from __future__ import annotations

import functools
import html as html_module
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml as yaml_module
from hypothesis import example, given, settings
from hypothesis import strategies as st
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

import glossary
from source_text import ProblemsFound

SAMPLE = """# Glossary

<!-- no-hover: Policy -->

Reward model
:   A learned model that scores outputs. It stands in for [people](rlhf.md).

Reinforcement learning from human feedback (RLHF)
:   A training method in which people compare outputs, and a model
    is optimized against their preferences.

Policy
:   The rule an agent uses to choose actions.

KL penalty
:   A term that keeps the policy close to the original model.
"""


def test_terms_abbreviations_lines_and_first_sentence():
    terms = glossary.parse_glossary(SAMPLE)
    assert [(t.name, t.abbreviation, t.line) for t in terms] == [
        ("Reward model", None, 5),
        ("Reinforcement learning from human feedback", "RLHF", 8),
        ("Policy", None, 12),
        ("KL penalty", None, 15),
    ]
    assert terms[0].hover == "A learned model that scores outputs."
    assert terms[1].hover == (
        "A training method in which people compare outputs, and a model is "
        "optimized against their preferences."
    )


def test_spellings_cover_case_plural_and_abbreviation_but_keep_acronyms():
    reward, rlhf, _policy, kl = glossary.parse_glossary(SAMPLE)
    assert set(reward.spellings()) == {
        "Reward model",
        "Reward models",
        "reward model",
        "reward models",
    }
    assert {"RLHF", "RLHFs", "reinforcement learning from human feedback"} <= set(rlhf.spellings())
    assert "kL penalty" not in kl.spellings()
    assert "KL penalties" in kl.spellings()


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("adversarial suffix", "adversarial suffixes"),
        ("KL penalty", "KL penalties"),
        ("jailbreak", "jailbreaks"),
        ("wireheading", "wireheading"),
        ("Constitutional AI", "Constitutional AI"),
        ("key", "keys"),
    ],
)
def test_plural(phrase, expected):
    assert glossary.plural(phrase) == expected


def test_no_hover_terms_are_defined_but_not_underlined(tmp_path: Path):
    path = tmp_path / "glossary.md"
    path.write_text(SAMPLE, encoding="utf-8")
    hovers = glossary.hover_definitions(path)
    assert "policy" not in hovers and "Policy" not in hovers
    assert hovers["RLHF"] == hovers["reinforcement learning from human feedback"]


def test_hover_text_is_the_plain_text_of_the_first_sentence():
    term = glossary.Term(
        "X", None, "Uses `<b>code</b>`, *emphasis*, a [link](rlhf.md) &amp; more. Second.", 1
    )
    assert term.hover == "Uses <b>code</b>, emphasis, a link & more."


def test_headings_lose_hovers_but_paragraphs_keep_them():
    html = (
        '<h2 id="x">Why <abbr title="t">RLHF</abbr> works<a class="headerlink" href="#x">¶</a></h2>'
        '<p>Then <abbr title="t">RLHF</abbr>.</p>'
    )
    assert glossary.tidy_hovers(html, "rlhf.md") == (
        '<h2 id="x">Why RLHF works<a class="headerlink" href="#x">¶</a></h2>'
        '<p>Then <abbr title="t">RLHF</abbr>.</p>'
    )
    assert "<abbr" not in glossary.tidy_hovers(html, "glossary.md")


def test_a_card_keeps_its_one_link_and_the_term_after_it_is_marked():
    """A Home card is one link stretched over it; a term inside would be a second link under
    it (and lift its paragraph above the card's). So a card marks no term, and the first use
    after the card is the one marked."""
    html = (
        '<div class="ae-cards"><div class="ae-card">\n<p><a class="ae-card__link" href="r.html">'
        'R</a></p>\n<p>Goes to <abbr title="t">RLHF</abbr> first.</p>\n</div>\n</div>'
        '<p>Then <abbr title="t">RLHF</abbr>.</p>'
    )
    tidy = glossary.tidy_hovers(html, "index.md")
    assert "<p>Goes to RLHF first.</p>" in tidy
    assert tidy.endswith('<p>Then <abbr title="t">RLHF</abbr>.</p>')


def _config(tmp_path: Path, extensions: list[str]) -> MkDocsConfig:
    config = MkDocsConfig()
    config.load_dict(
        {"site_name": "t", "docs_dir": str(tmp_path), "markdown_extensions": extensions}
    )
    errors, _warnings = config.validate()
    assert not errors
    return config


def test_configure_hovers_feeds_the_abbr_extension(tmp_path: Path):
    (tmp_path / "glossary.md").write_text(SAMPLE, encoding="utf-8")
    config = _config(tmp_path, ["abbr"])
    glossary.configure_hovers(config)
    assert (
        config.mdx_configs["abbr"]["glossary"]["reward model"]
        == "A learned model that scores outputs."
    )


def test_configure_hovers_without_abbr_is_a_clear_error(tmp_path: Path):
    (tmp_path / "glossary.md").write_text(SAMPLE, encoding="utf-8")
    with pytest.raises(PluginError, match="needs `abbr` in markdown_extensions"):
        glossary.configure_hovers(_config(tmp_path, ["toc"]))


def test_a_site_without_a_glossary_has_no_hovers(tmp_path: Path):
    config = _config(tmp_path, ["abbr"])
    glossary.configure_hovers(config)
    assert "glossary" not in config.mdx_configs.get("abbr", {})


# --- one mark per term in the lead and in the body, none in links ---------------------------------------------------


def test_a_term_is_marked_at_its_first_use_in_the_lead_and_in_the_body_only():
    """The lead (the "In one minute" box, folded on a phone) and the body each mark a term
    once; later sections do not mark it again (20 to 50 underlines a chapter read as
    documentation)."""
    t, u = '<abbr title="t">RLHF</abbr>', '<abbr title="u">PPO</abbr>'
    page = (
        f"<p>{t} and {t}.</p>"
        f"<h2 id='a'>First</h2><p>{t}, {t}, {u}.</p><h3 id='b'>Sub</h3><p>{u} again.</p>"
        f"<h2 id='c'>Next</h2><p>Then {t}, {u}.</p>"
    )
    assert glossary.tidy_hovers(page, "rlhf.md") == (
        f"<p>{t} and RLHF.</p>"
        f"<h2 id='a'>First</h2><p>{t}, RLHF, {u}.</p><h3 id='b'>Sub</h3><p>PPO again.</p>"
        f"<h2 id='c'>Next</h2><p>Then RLHF, PPO.</p>"
    )


def test_no_mark_inside_a_link():
    page = '<p><a href="rlhf.html">the <abbr title="t">RLHF</abbr> chapter</a>, then <abbr title="t">RLHF</abbr>.</p>'
    assert glossary.tidy_hovers(page, "x.md") == (
        '<p><a href="rlhf.html">the RLHF chapter</a>, then <abbr title="t">RLHF</abbr>.</p>'
    )


def test_marked_terms_get_a_tooltip_instead_of_a_title():
    out = glossary.hover_tips(
        '<p><abbr title="A &quot;quoted&quot; &lt;b&gt; def.">RLHF</abbr> and '
        '<abbr title="B.">PPO</abbr></p>'
    )
    assert out == (
        '<p><span class="glossary-term"><abbr class="glossary-term__name" tabindex="0" aria-describedby="term-1-tip">'
        'RLHF</abbr><span class="glossary-term__tip hover-tip" role="tooltip" id="term-1-tip">A "quoted" &lt;b&gt; def.'
        '</span></span> and <span class="glossary-term"><abbr class="glossary-term__name" tabindex="0" '
        'aria-describedby="term-2-tip">PPO</abbr><span class="glossary-term__tip hover-tip" role="tooltip" '
        'id="term-2-tip">B.</span></span></p>'
    )


def test_a_tooltip_ends_with_a_link_to_its_terms_glossary_entry():
    """For a touch screen, where the term itself opens the tooltip: the whole entry, which
    links on to the chapter that puts the term to work. Only for terms the glossary knows."""
    out = glossary.hover_tips(
        '<p><abbr title="A def.">RLHF</abbr>, <abbr title="Unknown.">X</abbr></p>',
        {"A def.": "reinforcement-learning-from-human-feedback-rlhf"},
        "../glossary.html",
    )
    assert (
        'id="term-1-tip">A def. <a class="glossary-term__more" '
        'href="../glossary.html#reinforcement-learning-from-human-feedback-rlhf" '
        'tabindex="-1">In the glossary</a></span>'
    ) in out
    assert 'id="term-2-tip">Unknown.</span>' in out


def test_a_term_with_a_glossary_entry_is_a_link_to_it():
    """A screen reader announces the focused term as a link named by its own text (an <abbr>
    of no role is generic: no name), and Enter follows it to the entry (citations.js). It stays
    an <abbr>, which the book prints as plain text, and the tooltip's link stays out of the Tab
    order (the term leads there). A term with no entry to go to is no link."""
    out = glossary.hover_tips(
        '<p><abbr title="A def.">RLHF</abbr>, <abbr title="Unknown.">X</abbr></p>',
        {"A def.": "reinforcement-learning-from-human-feedback-rlhf"},
        "glossary.html",
    )
    assert out == (
        '<p><span class="glossary-term"><abbr class="glossary-term__name" role="link" '
        'tabindex="0" aria-describedby="term-1-tip">RLHF</abbr><span class="glossary-term__tip '
        'hover-tip" role="tooltip" id="term-1-tip">A def. <a class="glossary-term__more" '
        'href="glossary.html#reinforcement-learning-from-human-feedback-rlhf" tabindex="-1">'
        "In the glossary</a></span></span>, "
        '<span class="glossary-term"><abbr class="glossary-term__name" tabindex="0" '
        'aria-describedby="term-2-tip">X</abbr><span class="glossary-term__tip hover-tip" '
        'role="tooltip" id="term-2-tip">Unknown.</span></span></p>'
    )


def test_entry_anchors_are_the_ids_the_glossary_page_gives_its_terms(tmp_path):
    from glossary_search import anchor_terms

    source = tmp_path / "glossary.md"
    source.write_text(
        "# Glossary\n\nReward model\n:   A model that scores answers. More.\n\n"
        "Reinforcement learning from human feedback (RLHF)\n:   Training from comparisons.\n\n"
        "Goodhart's Law\n:   When a measure becomes a target.\n",
        encoding="utf-8",
    )
    anchors = glossary.entry_anchors(source, "docs/glossary.md")
    page = anchor_terms(
        "<dl><dt>Reward model</dt><dd>x</dd><dt>Reinforcement learning from human feedback "
        "(RLHF)</dt><dd>y</dd><dt>Goodhart&#39;s Law</dt><dd>z</dd></dl>",
        "glossary.md",
    )
    ids = re.findall(r'<dt id="([^"]+)">', page)
    assert sorted(anchors.values()) == sorted(ids) and len(ids) == 3
    assert anchors["A model that scores answers."] == "reward-model"


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.tip_text: list[str] = []
        self._in_tip = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if self._in_tip:
            self._in_tip += 1
        elif attributes.get("role") == "tooltip":
            self._in_tip = 1

    def handle_endtag(self, tag):
        if self._in_tip:
            self._in_tip -= 1

    def handle_data(self, data):
        if self._in_tip:
            self.tip_text.append(data)


definition_text = st.text(alphabet="ab <>&\"'=/`*_[]()!#;:x.\n", min_size=1, max_size=60).filter(
    lambda s: s.strip() and not s.lstrip().startswith(("#", "-", "*", ">", "`"))
)


@settings(max_examples=200, deadline=None)
@given(definition=definition_text)
@example(definition="[]::")  # renders to nothing: no hover at all
@example(definition="Inert here: `<img src=x onerror=alert(1)>` and <b>bold</b>.")
def test_hover_text_is_plain_escaped_text_whatever_the_definition_contains(
    tmp_path_factory, definition
):
    """The glossary's own path to a page: hover_definitions, Python-Markdown's abbr, tidy_hovers,
    hover_tips. The tooltip holds text only (no element, so no script), and that text is
    exactly the hover text."""
    folder = tmp_path_factory.mktemp("glossary")
    body = "\n    ".join(line.strip() for line in definition.splitlines() if line.strip())
    (folder / "glossary.md").write_text(f"# Glossary\n\nWidget\n:   {body}\n", encoding="utf-8")
    definitions = glossary.hover_definitions(folder / "glossary.md")
    if "Widget" not in definitions:
        return  # nothing to hover (e.g. an empty definition)
    converter = markdown.Markdown(
        extensions=["abbr"], extension_configs={"abbr": {"glossary": definitions}}
    )
    page = glossary.hover_tips(glossary.tidy_hovers(converter.convert("A Widget here."), "x.md"))
    parser = _Elements()
    parser.feed(page)
    tags = [tag for tag, _ in parser.elements]
    assert tags == ["p", "span", "abbr", "span"], page
    assert all(
        not name.startswith("on") and name != "title"
        for _, attrs in parser.elements
        for name in attrs
    )
    assert "".join(parser.tip_text) == definitions["Widget"]


# --- a glossary that is not text ------------------------------------------------------------------------


def test_a_glossary_that_is_not_utf8_is_a_located_error(tmp_path: Path):
    (tmp_path / "glossary.md").write_bytes(
        "# Glossary\n\nCaf\u00e9\n:   Latin-1 here.\n".encode("latin-1")
    )
    with pytest.raises(ProblemsFound) as error:
        glossary.configure_hovers(_config(tmp_path, ["abbr"]))
    assert (
        str(error.value)
        == f"{tmp_path.name}/glossary.md:3:4: not UTF-8 text (byte 0xe9); save the file as UTF-8"
    )


def test_a_binary_glossary_is_a_located_error(tmp_path: Path):
    (tmp_path / "glossary.md").write_bytes(b"# Glossary\n\n\x00\x01\x02binary")
    with pytest.raises(
        ProblemsFound, match=r"glossary.md:3: contains NUL bytes, so it is not a text file"
    ):
        glossary.configure_hovers(_config(tmp_path, ["abbr"]))


# --- terms split by the wrap of the Markdown source ---------------------------------------------

SPELLINGS = {
    "reward tampering": "t",
    "reward model": "m",
    "reinforcement learning from human feedback": "r",
    "RLHF": "a",
}


def _marked(markdown_text: str) -> list[str]:
    """The terms the `abbr` extension marks in a page, as the site configures it."""
    md = markdown.Markdown(
        extensions=["abbr", "admonition"], extension_configs={"abbr": {"glossary": SPELLINGS}}
    )
    return re.findall(r"<abbr[^>]*>(.*?)</abbr>", md.convert(markdown_text), re.DOTALL)


@pytest.mark.parametrize(
    "source",
    [
        "It tried reward\ntampering once.",
        "!!! abstract\n\n    It tried reward\n    tampering once.",
        "- It tried reward\n  tampering once.",
        "It tried reward   \t\n\t  tampering once.",
    ],
)
def test_a_term_split_by_a_line_break_is_marked_once_joined(source: str):
    assert _marked(source) == []  # the extension alone misses it: what this works around
    joined = glossary.join_wrapped_terms(source, SPELLINGS)
    assert _marked(joined) == ["reward tampering"]
    assert joined.count("\n") == source.count("\n") - 1


def test_the_longest_term_wins_and_every_break_in_it_is_joined():
    source = "Training by reinforcement\nlearning from human\nfeedback."
    assert glossary.join_wrapped_terms(source, SPELLINGS) == (
        "Training by reinforcement learning from human feedback."
    )


@pytest.mark.parametrize(
    "source",
    [
        "It tried reward\n\ntampering once.",  # a blank line: two paragraphs
        "## Why reward\ntampering matters",  # the heading would swallow the paragraph
        "| reward\ntampering |",  # a table row
        "```\nreward\ntampering\n```",  # code
        "See `reward\ntampering` in code.",  # inline code
        "It tried reward  \ntampering once.",  # a hard line break
        "A reward\ntamperings-free run.",  # not the term: a longer word
        "It tried reward tampering once.",  # nothing to join
    ],
)
def test_what_is_not_a_wrapped_term_is_left_alone(source: str):
    assert glossary.join_wrapped_terms(source, SPELLINGS) == source


@given(
    words=st.lists(
        st.sampled_from(["reward", "tampering", "model", "RLHF", "the", "`code`", "#", "|", "-"]),
        max_size=12,
    ),
    gaps=st.lists(st.sampled_from([" ", "\n", "\n  ", "  \n", "\n\n", "\t\n    "]), max_size=12),
)
@settings(max_examples=300, deadline=None)
def test_joining_only_turns_soft_line_breaks_into_spaces(words: list[str], gaps: list[str]):
    source = "".join(w + g for w, g in zip(words, gaps + [""] * len(words), strict=False))
    joined = glossary.join_wrapped_terms(source, SPELLINGS)
    assert joined.split() == source.split()  # the same words in the same order
    assert joined.count("\n\n") == source.count("\n\n")  # no paragraph merged
    assert glossary.join_wrapped_terms(joined, SPELLINGS) == joined  # nothing left to join


def test_a_wrapped_term_on_the_site_gets_its_hover(site_dir: Path):
    # docs/specification-gaming.md wraps "reward\n    tampering" in its one-minute summary
    source = Path("docs/specification-gaming.md").read_text(encoding="utf-8")
    assert re.search(r"reward\n\s+tampering \(wireheading\)", source), "the example moved"
    page = (site_dir / "specification-gaming.html").read_text(encoding="utf-8")
    summary = re.split(r'<p class="admonition-title"[^>]*>In one minute</p>', page, maxsplit=1)[1]
    summary = summary.split("</div>", 1)[0]
    assert re.search(r"<abbr[^>]*>reward tampering</abbr>", summary)


# --- the real site --------------------------------------------------------------------------------------

SECTION = re.compile(r"<h2\b")
MARKED = re.compile(
    r'<abbr class="glossary-term__name"[^>]*>(.*?)</abbr><span class="glossary-term__tip[^"]*" '
    r'role="tooltip" id="[^"]+">(.*?)</span>',
    re.DOTALL,
)


CLOSED_FOLD = re.compile(r"<details\b(?![^>]*\bopen\b)[^>]*>.*?</details>", re.DOTALL)


@pytest.mark.parametrize("name", ["rlhf.html", "goodhart.html", "index.html"])
def test_each_term_is_marked_at_most_once_in_the_lead_and_once_in_the_body_on_the_site(
    site_dir: Path, name: str
):
    article = (
        (site_dir / name)
        .read_text(encoding="utf-8")
        .split('<article class="md-content__inner', 1)[1]
    )
    article = article.split("</article>", 1)[0]
    lead, *sections = SECTION.split(article)
    marked_anywhere = 0
    for whole in (lead, "".join(sections)):
        # a closed fold marks its own first use, the text around it its own
        folded = "".join(CLOSED_FOLD.findall(whole))
        for part in (CLOSED_FOLD.sub("", whole), folded):
            tips = [html_module.unescape(tip) for _term, tip in MARKED.findall(part)]
            assert len(tips) == len(set(tips)), (name, sorted(t for t in tips if tips.count(t) > 1))
            marked_anywhere += len(tips)
    assert "<abbr title=" not in article and article.count("<abbr") == marked_anywhere
    if name == "rlhf.html":
        assert 5 <= marked_anywhere <= 25


def test_every_term_on_the_site_is_a_link_to_its_entry(site_dir: Path):
    """Each marked term, on every page, is announced as a link (role="link", the way Enter
    follows it, citations.js) and has the tooltip link it follows; it stays an <abbr>, which
    the book prints as plain text."""
    terms = 0
    for path in site_dir.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for tag in re.findall(r'<abbr class="glossary-term__name"[^>]*>', text):
            assert ' role="link" tabindex="0" aria-describedby="term-' in tag, (path.name, tag)
            terms += 1
        assert text.count(' role="link" tabindex="0" aria-describedby="term-') == text.count(
            '<a class="glossary-term__more" '
        ), path.name
    assert terms > 100


# --- definition-list slips: what def_list renders wrongly is a located error ------------------------


class _AnyTag(yaml_module.SafeLoader):
    """mkdocs.yml read as plain YAML: its `!ENV` tags become None."""


_AnyTag.add_multi_constructor("!", lambda _loader, _suffix, _node: None)


@functools.cache
def site_markdown_config() -> tuple[tuple[object, ...], dict[str, object]]:
    """The site's markdown_extensions and their settings, from mkdocs.yml as written."""
    config = yaml_module.load(
        (Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8"),
        Loader=_AnyTag,
    )
    names: list[str] = []
    settings_of: dict[str, object] = {}
    for item in config["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        names.append(name)
        settings_of[name] = options or {}
    return tuple(names), settings_of


def site_html(markdown_text: str) -> str:
    """A page converted with the site's Markdown extensions (as the build converts it)."""
    names, settings_of = site_markdown_config()
    return markdown.Markdown(
        extensions=list(names),  # type: ignore[arg-type]
        extension_configs=settings_of,  # type: ignore[arg-type]
    ).convert(markdown_text)


GLOSSARY_HEAD = "# Glossary\n\n## A–C\n\n"  # the terms start on line 5


def _definition_list(html_text: str) -> list[tuple[str, str]] | None:
    """(tag, text) of each child of the page's definition lists; None if one is nested in
    another (a term inside a definition)."""
    lists = re.findall(r"<dl>(.*?)</dl>", html_text, re.DOTALL)
    if any("<dl>" in items for items in lists) or html_text.count("<dl>") != len(lists):
        return None
    return [
        (tag, " ".join(re.sub(r"<[^>]+>", "", text).split()))
        for items in lists
        for tag, text in re.findall(r"<(dt|dd)>(.*?)</\1>", items, re.DOTALL)
    ]


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        (  # (A) one space after the colon, and no blank line before the next term
            "Autoencoder\n: A network trained to reproduce its input.\n"
            "AI control\n:   Safety measures designed to hold even against the model.\n",
            [
                "docs/glossary.md:6: the definition of 'Autoencoder' starts ': '; write ':   ' (a colon and three spaces) at the start of the line",
                "docs/glossary.md:7: leave a blank line between the definition of 'Autoencoder' and the next term 'AI control' (without it, the term and its definition are nested inside that definition)",
            ],
        ),
        (  # (B) continuation lines indented two spaces, no blank line before the next term
            "Autoencoder\n:   A network trained to reproduce its input through a\n"
            "  narrow middle layer.\nAI control\n:   Safety measures designed to hold.\n",
            [
                "docs/glossary.md:7: this line continues the definition of 'Autoencoder' but is indented 2 spaces; indent it four spaces, as every line of a definition after its first",
            ],
        ),
        (  # a well-formed one-line definition, then the next term straight below it
            "Autoencoder\n:   A network trained to reproduce its input.\n"
            "AI control\n:   Safety measures designed to hold.\n",
            [
                "docs/glossary.md:7: leave a blank line between the definition of 'Autoencoder' and the next term 'AI control' (without it, the term and its definition are nested inside that definition)",
            ],
        ),
    ],
)
def test_definition_slips_that_nest_the_glossary_are_located(entries: str, expected: list[str]):
    text = GLOSSARY_HEAD + entries
    assert _definition_list(site_html(text)) is None  # a <dl> nested in a definition
    assert [str(p) for p in glossary.glossary_problems(text, "docs/glossary.md")] == expected


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        (  # renders right, but the hover parser skips it: the term gets no hover
            "Autoencoder\n:  A network trained to reproduce its input.\n",
            "docs/glossary.md:6: the definition of 'Autoencoder' starts ':  '; write ':   ' (a colon and three spaces) at the start of the line",
        ),
        (
            "Autoencoder\n:\tA network trained to reproduce its input.\n",
            "docs/glossary.md:6: the definition of 'Autoencoder' starts ':\\t'; write ':   ' (a colon and three spaces) at the start of the line",
        ),
        (  # not a definition at all: "Autoencoder :A network ..." as one paragraph
            "Autoencoder\n:A network trained to reproduce its input.\n",
            "docs/glossary.md:6: the definition of 'Autoencoder' starts ':'; write ':   ' (a colon and three spaces) at the start of the line",
        ),
        (  # the hover would stop at "A network trained to"
            "Autoencoder\n:   A network trained to\nreproduce its input.\n",
            "docs/glossary.md:7: this line continues the definition of 'Autoencoder' but is not indented; indent it four spaces, as every line of a definition after its first",
        ),
        (
            "Autoencoder\n\n:   A network trained to reproduce its input.\n",
            "docs/glossary.md:5: a blank line separates the term 'Autoencoder' from its definition (line 7); remove it, so that the term gets its hover definition",
        ),
        (
            ":   A network trained to reproduce its input.\n",
            "docs/glossary.md:5: this definition has no term on the line above it; write the term there",
        ),
    ],
)
def test_definition_slips_that_lose_a_hover_are_located(entries: str, expected: str):
    text = GLOSSARY_HEAD + entries
    terms = glossary.parse_glossary(text)
    assert [(t.name, t.hover) for t in terms] != [
        ("Autoencoder", "A network trained to reproduce its input.")
    ]
    assert [str(p) for p in glossary.glossary_problems(text, "docs/glossary.md")] == [expected]


@pytest.mark.parametrize(
    "entries",
    [
        # as README writes it
        "Autoencoder\n:   A network trained to reproduce\n    its input.\n\nAI control\n:   Safety measures.\n",
        # four-space continuation lines end the definition: the next term may follow directly
        "Autoencoder\n:   A network trained to reproduce\n    its input.\nAI control\n:   Safety measures.\n",
        # up to six spaces after the colon read the same; a tab indents four columns
        "Autoencoder\n:    A network trained to reproduce\n\tits input.\n\nAI control\n:      Safety measures.\n",
        # a second paragraph, a list, code and a comment inside or between entries
        "Autoencoder\n:   A network trained to reproduce its input.\n\n    A second paragraph.\n\n"
        "<!-- a note: with: colons -->\n\nAI control\n:   Safety measures:\n\n    - one\n    - two\n\n"
        "    ```text\n    : not a definition\n    ```\n",
    ],
)
def test_well_formed_definitions_pass(entries: str):
    text = GLOSSARY_HEAD + entries
    children = _definition_list(site_html(text))
    assert children is not None and [t for tag, t in children if tag == "dt"] == [
        "Autoencoder",
        "AI control",
    ]
    assert glossary.definition_syntax_problems(text, "docs/glossary.md") == []
    assert [t.name for t in glossary.parse_glossary(text)] == ["Autoencoder", "AI control"]
    assert glossary.parse_glossary(text)[0].hover == "A network trained to reproduce its input."


def test_the_real_glossary_has_no_definition_slips():
    path = Path(__file__).resolve().parent.parent / "docs" / "glossary.md"
    text = path.read_text(encoding="utf-8")
    assert glossary.definition_syntax_problems(text, "docs/glossary.md") == []


GAPS = [":   ", ":    ", ":      ", ": ", ":  ", ":\t", ":", " :   ", ":       ", ":" + " " * 11]
CONTINUATIONS = [None, "    ", "\t", "  ", "", "   "]


@given(
    first=st.tuples(st.sampled_from(GAPS), st.sampled_from(CONTINUATIONS), st.booleans()),
    second=st.tuples(st.sampled_from(GAPS), st.sampled_from(CONTINUATIONS), st.just(False)),
    between=st.sampled_from(["\n\n", "\n"]),
)
@settings(max_examples=150, deadline=None)
def test_the_check_passes_exactly_the_glossaries_that_come_out_right(
    first: tuple[str, str | None, bool], second: tuple[str, str | None, bool], between: str
):
    """Any mix of the slips above: no problem reported if and only if the page's definition list
    (the site's own Markdown) and the hovers (parse_glossary) both come out as meant."""
    names = ["Autoencoder", "AI control"]
    texts = [("A network trained to", "reproduce its input."), ("Safety measures", "that hold.")]
    entries = []
    for name, (start, then), (gap, continuation, blank) in zip(
        names, texts, [first, second], strict=True
    ):
        definition = f"{start} {then}" if continuation is None else f"{start}\n{continuation}{then}"
        entries.append(name + "\n" + ("\n" if blank else "") + gap + definition)
    text = GLOSSARY_HEAD + between.join(entries) + "\n"
    meant = [(name, f"{start} {then}") for name, (start, then) in zip(names, texts, strict=True)]
    html_text = site_html(text)
    right = (
        "<dd>\n<" not in html_text  # seven spaces or more after ':': a paragraph (or code) in it
        and _definition_list(html_text)
        == [
            (tag, value)
            for name, sentence in meant
            for tag, value in (("dt", name), ("dd", sentence))
        ]
        and [(t.name, t.hover) for t in glossary.parse_glossary(text)] == meant
    )
    problems = glossary.definition_syntax_problems(text, "docs/glossary.md")
    assert right == (not problems), (text, problems)


def test_the_build_stops_on_a_definition_slip(tmp_path: Path):
    (tmp_path / "glossary.md").write_text(
        GLOSSARY_HEAD + "Autoencoder\n: A network.\n\nAI control\n:   Safety measures.\n",
        encoding="utf-8",
    )
    with pytest.raises(ProblemsFound) as stopped:
        glossary.configure_hovers(_config(tmp_path, ["abbr"]))
    assert [str(d) for d in stopped.value.diagnostics] == [
        f"{tmp_path.name}/glossary.md:6: the definition of 'Autoencoder' starts ': '; write ':   ' (a colon and three spaces) at the start of the line"
    ]


def test_a_use_in_a_closed_fold_does_not_stand_for_the_text_around_it():
    """A reader review found "preference model" marked only inside a closed "The figure in
    words", not where the chapter explains it: a closed fold marks its own first use, the text
    its own; an open fold is text like any other."""
    t = '<abbr title="t">PM</abbr>'
    page = (
        f"<h2 id='a'>A</h2><details class='figure-text'><summary>Words</summary><p>{t}, {t}.</p>"
        f"</details><p>Then {t}, {t}.</p><details><summary>More</summary><p>{t}.</p></details>"
        f"<details open><summary>Open</summary><p>{t}.</p></details>"
    )
    assert glossary.tidy_hovers(page, "x.md") == (
        f"<h2 id='a'>A</h2><details class='figure-text'><summary>Words</summary><p>{t}, PM.</p>"
        f"</details><p>Then {t}, PM.</p><details><summary>More</summary><p>PM.</p></details>"
        "<details open><summary>Open</summary><p>PM.</p></details>"
    )


def test_a_term_the_pages_title_names_is_not_marked_on_that_page():
    """ "Goodhart's Law" underlined on the page called Goodhart's Law (a reader review): the
    whole page explains it. Every spelling counts, in any case; other terms keep their marks."""
    definitions = {
        "Goodhart's Law": "g",
        "goodhart's Law": "g",
        "Specification gaming": "s",
        "specification gaming": "s",
        "reward hacking": "r",
        "RLHF": "h",
        "Reinforcement learning from human feedback": "h",
        "reinforcement learning from human feedback": "h",
        "PPO": "p",
    }
    named = glossary.terms_named_by
    assert named("Goodhart's Law", definitions) == {"g"}
    assert named("Specification gaming and reward hacking", definitions) == {"s", "r"}
    assert named("Reinforcement learning from human feedback", definitions) == {"h"}
    assert named("The Goodhart explorer", definitions) == frozenset()
    assert named("", definitions) == named("Goodhart's Law", {}) == frozenset()
    g, p = '<abbr title="g">Goodhart\'s Law</abbr>', '<abbr title="p">PPO</abbr>'
    page = f"<p>{g} and {p}.</p><h2 id='a'>First</h2><p>{g}, {p}.</p>"
    assert glossary.tidy_hovers(page, "goodhart.md", named("Goodhart's Law", definitions)) == (
        f"<p>Goodhart's Law and {p}.</p><h2 id='a'>First</h2><p>Goodhart's Law, {p}.</p>"
    )


def test_the_real_chapters_do_not_mark_the_terms_their_titles_name(site_dir: Path):
    for page, term in (
        ("goodhart.html", "Goodhart's Law"),
        ("constitutional-ai.html", "Constitutional AI"),
        ("rlhf.html", "RLHF"),
        ("specification-gaming.html", "reward hacking"),
    ):
        html = (site_dir / page).read_text(encoding="utf-8")
        marks = re.findall(r'<abbr class="glossary-term__name"[^>]*>([^<]*)</abbr>', html)
        assert marks, page  # other terms are still marked
        assert term.casefold() not in {m.casefold() for m in marks}, (page, term)
