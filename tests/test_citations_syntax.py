"""Finding citations in Markdown: the pandoc forms, the things that are never citations, and
property tests that protected text (code, e-mails, URLs) survives the pass byte for byte."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citations.syntax import (
    KEY,
    NO_MATH,
    Citation,
    EscapedAt,
    Malformed,
    ScanWork,
    arithmatex_math,
    cited_keys,
    code_block_spans,
    scan,
    substitute,
)


def citations(markdown: str) -> list[Citation]:
    return [token for token in scan(markdown) if isinstance(token, Citation)]


def items(markdown: str) -> list[tuple[str, str, str, bool]]:
    return [
        (i.prefix, i.key, i.suffix, i.suppress_author) for c in citations(markdown) for i in c.items
    ]


# --- the forms of the spec ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("[@key]", [("", "key", "", False)]),
        ("[@key, p. 12]", [("", "key", ", p. 12", False)]),
        ("[see @key, ch. 3]", [("see", "key", ", ch. 3", False)]),
        ("[@a; @b]", [("", "a", "", False), ("", "b", "", False)]),
        ("[-@key]", [("", "key", "", True)]),
        ("[see @a, p. 3; also -@b]", [("see", "a", ", p. 3", False), ("also", "b", "", True)]),
        ("[@key,\n  p. 12]", [("", "key", ", p. 12", False)]),
    ],
)
def test_bracketed_forms(markdown: str, expected: list) -> None:
    found = citations(markdown)
    assert len(found) == 1 and not found[0].narrative
    assert (found[0].start, found[0].end) == (0, len(markdown))
    assert items(markdown) == expected


def test_narrative_citation_and_trailing_full_stop() -> None:
    found = citations("As @russell2019human. argued")
    assert [(c.narrative, c.items[0].key, c.start, c.end) for c in found] == [
        (True, "russell2019human", 3, 20)
    ]


@pytest.mark.parametrize(
    "key", ["a:b", "a.b", "a_b", "a-b", "a/b", "doi:10.1/x_y-z", "miles_channel", "_x", "2019a"]
)
def test_keys_may_contain_internal_punctuation(key: str) -> None:
    assert cited_keys(f"[@{key}] and @{key}.") == [key, key]


@pytest.mark.parametrize("key", ["a:", "a.", "a-", "a/"])
def test_punctuation_at_the_end_is_not_part_of_the_key(key: str) -> None:
    assert cited_keys(f"see @{key} now") == [key[:-1]]


def test_offsets_point_at_the_at_sign() -> None:
    text = "x [see @abc, p. 1; @de]"
    assert [text[i.offset] for c in citations(text) for i in c.items] == ["@", "@"]
    assert [text[i.offset + 1 : i.offset + 4] for c in citations(text) for i in c.items] == [
        "abc",
        "de]",
    ]


def test_escaped_at_is_a_literal_at() -> None:
    assert list(scan(r"\@key")) == [EscapedAt(0, 2)]
    assert substitute(r"write \@key here", lambda c: "X") == "write @key here"


def test_a_citation_directly_followed_by_parenthesis_or_bracket_is_still_a_citation() -> None:
    assert cited_keys("[@key](see p. 3)") == ["key"]
    assert cited_keys("[@key][^1]") == ["key"]
    assert cited_keys("[@a][@b]") == ["a", "b"]


# --- never citations --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "markdown",
    [
        "mail ann@example.org today",
        "first.last+tag@sub.example.co.uk",
        r"an escaped \@key",
        "`[@key]` and `@key`",
        "``code ` with @key``",
        "[text](https://x.org/@foo)",
        "![alt](img/@foo.png)",
        '[text](https://x.org/@foo "a title @bar")',
        "<https://x.org/@foo>",
        "<ann@example.org>",
        "bare https://x.org/@foo and www.example.org/@bar",
        "[@handle](https://social.example/@handle)",
        "[@handle][id]\n\n[id]: https://social.example/@handle",
        "[id]: https://x.org/@foo",
        "<!-- [@key] -->",
        '<a href="mailto:x@y.org" data-x="@key">',
        "<style>@media print { x { y: z } }</style>",
        "<script>const a = '@key';</script>",
        "[mail ann@example.org]",
        "```\n[@key]\n```",
        "~~~~python\n@decorator\n~~~~",
        "para\n\n    indented code @key\n",
        "!!! note\n\n    ```\n    [@key] in a fence in an admonition\n    ```\n",
        "- item\n\n        code in a list @key\n",
        "- item\n\n    ```\n    [@key]\n    ```\n",
        '=== "Tab"\n\n    ```\n    @key\n    ```\n',
        "```\nunclosed fence @key\n",
    ],
)
def test_not_citations(markdown: str) -> None:
    assert citations(markdown) == []


def test_prose_inside_containers_is_not_code() -> None:
    text = "!!! note\n\n    Prose cites [@a].\n\n- item\n\n    Continued item cites @b.\n"
    assert cited_keys(text) == ["a", "b"]


def test_code_block_spans_cover_whole_blocks() -> None:
    text = "a\n\n```\n@x\n```\n\nb\n\n    code\n    more\n\nc\n"
    spans = code_block_spans(text)
    assert [text[s:e] for s, e in spans] == ["```\n@x\n```\n", "    code\n    more\n\n"]


def test_substitute_leaves_everything_else_alone() -> None:
    text = "A [@a] b @c, `@d` [e](https://x/@f)."
    assert (
        substitute(text, lambda c: "<" + ",".join(i.key for i in c.items) + ">")
        == "A <a> b <c>, `@d` [e](https://x/@f)."
    )


# --- properties ---------------------------------------------------------------------------------

keys = st.from_regex(rf"\A{KEY}\Z")
words = st.text(alphabet="abcdefghij klmnop,;:!?'\"()-", min_size=1, max_size=12)
code_text = st.text(alphabet='abc @[];-:./_\\"<>&', min_size=1, max_size=20)
emails = st.from_regex(r"\A[a-z][a-z0-9._+-]{0,8}[a-z0-9]@[a-z]{1,8}\.(org|com|co\.uk)\Z")
urls = st.builds(
    lambda host, path: f"https://{host}.org/@{path}",
    st.from_regex(r"\A[a-z]{1,8}\Z"),
    st.from_regex(r"\A[a-z0-9_]{1,8}(/@[a-z]{1,4})?\Z"),
)

protected = st.one_of(
    code_text.map(lambda t: f"`{t}`"),
    emails,
    urls,
    urls.map(lambda u: f"<{u}>"),
    st.tuples(words, urls).map(lambda t: f"[{t[0]}]({t[1]})"),
)
citation_segments = st.one_of(
    keys.map(lambda k: (f"[@{k}]", [k])),
    st.tuples(keys, keys).map(lambda ks: (f"[see @{ks[0]}, p. 3; @{ks[1]}]", list(ks))),
    keys.map(lambda k: (f"@{k}", [k])),
)
fenced = st.lists(code_text, min_size=1, max_size=3).map(
    lambda lines: "```\n" + "\n".join(lines) + "\n```"
)
indented = st.lists(code_text, min_size=1, max_size=3).map(
    lambda lines: "\n".join("    " + x for x in lines)
)


@st.composite
def documents(draw):
    """A Markdown document of paragraphs mixing words, citations and protected inline text,
    with fenced and indented code blocks between paragraphs."""
    blocks, protected_parts, expected_keys = [], [], []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["paragraph", "paragraph", "fenced", "indented"]))
        if kind == "fenced":
            block = draw(fenced)
            protected_parts.append(block)
        elif kind == "indented":
            block = draw(indented)
            protected_parts.append(block)
        else:
            parts = []
            for _ in range(draw(st.integers(1, 5))):
                choice = draw(st.sampled_from(["words", "protected", "citation"]))
                if choice == "words":
                    parts.append(draw(words).replace("(", "").replace(")", ""))
                elif choice == "protected":
                    part = draw(protected)
                    protected_parts.append(part)
                    parts.append(part)
                else:
                    part, cited = draw(citation_segments)
                    expected_keys.extend(cited)
                    parts.append(part)
            block = "x " + " ".join(parts) + " y"
        blocks.append(block)
    return "\n\n".join(blocks) + "\n", protected_parts, expected_keys


@settings(max_examples=300, deadline=None)
@given(documents())
def test_protected_text_is_never_altered_and_every_citation_is_found(document) -> None:
    markdown, protected_parts, expected_keys = document
    assert cited_keys(markdown) == expected_keys
    output = substitute(markdown, lambda c: "\x00CITATION\x00")
    for part in protected_parts:
        assert output.count(part) >= markdown.count(part), part
    assert output.count("\x00CITATION\x00") == len(citations(markdown))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(code_text.map(lambda t: f"`{t}`"), emails, urls, fenced), min_size=1, max_size=6
    )
)
def test_documents_without_citations_come_back_identical(parts: list[str]) -> None:
    markdown = "\n\n".join(parts).replace("\\", "")  # no escapes: nothing may change at all
    assert substitute(markdown, lambda c: "CHANGED") == markdown


# --- pandoc's finer points ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("[@key, p.&nbsp;4]", [("", "key", ", p.&nbsp;4", False)]),
        ("[@a, pp. 3&ndash;5; @b]", [("", "a", ", pp. 3&ndash;5", False), ("", "b", "", False)]),
        ("[@a, &#167;&#x32;; @b]", [("", "a", ", &#167;&#x32;", False), ("", "b", "", False)]),
        ("[*see* @a, *passim*]", [("*see*", "a", ", *passim*", False)]),
        ("[@{weird*key}]", [("", "weird*key", "", False)]),
        ("[see @{Foo_bar.baz.}, p. 3]", [("see", "Foo_bar.baz.", ", p. 3", False)]),
        ("[@key,]", [("", "key", "", False)]),
    ],
)
def test_entities_markdown_and_braced_keys(markdown: str, expected: list) -> None:
    assert items(markdown) == expected


def test_empty_braces_after_the_key_mean_no_locator() -> None:
    with_braces, bare = (
        citations("[@key{}, 99 runs]")[0].items[0],
        citations("[@key, 7]")[0].items[0],
    )
    assert (with_braces.suffix, with_braces.locator) == (", 99 runs", False)
    assert (bare.suffix, bare.locator) == (", 7", True)


def test_narrative_citation_with_a_locator() -> None:
    found = citations("As @key [p. 33] says, and @{odd key} [ch. 2].")
    assert [(c.narrative, c.items[0].key, c.items[0].suffix) for c in found] == [
        (True, "key", "p. 33"),
        (True, "odd key", "ch. 2"),
    ]
    assert "As @key [p. 33]"[found[0].start : found[0].end] == "@key [p. 33]"


@pytest.mark.parametrize(
    "markdown", ["@key [^1] text", "@key [a link](https://x.org)", "@key [ref][id]", "@key [x]: y"]
)
def test_a_following_link_or_footnote_is_no_locator(markdown: str) -> None:
    assert [(c.items[0].key, c.items[0].suffix, c.end) for c in citations(markdown)] == [
        ("key", "", 4)
    ]


def test_a_narrative_before_a_bracketed_citation_is_two_citations() -> None:
    assert cited_keys("@a [@b]") == ["a", "b"]


@pytest.mark.parametrize(
    ("markdown", "offset", "message"),
    [
        (
            "x [@key;]",
            7,
            "citation '[@key;]' has an empty item (a ';' with no @key beside it); remove the extra ';'",
        ),
        (
            "[;@key]",
            1,
            "citation '[;@key]' has an empty item (a ';' with no @key beside it); remove the extra ';'",
        ),
        (
            "[@a;; @b]",
            3,
            "citation '[@a;; @b]' has an empty item (a ';' with no @key beside it); remove the extra ';'",
        ),
        (
            "[@key.]",
            5,
            "citation '[@key.]' ends with '.' right after its key; put the punctuation outside "
            "the brackets, e.g. '[@key].'",
        ),
        (
            "[@{a b}, .]",
            7,
            "citation '[@{a b}, .]' ends with ', .' right after its key; put the punctuation "
            "outside the brackets, e.g. '[@{a b}], .'",
        ),
        # near misses a contributor types, which rendered as "(Amodei et al., 2016, : 4)",
        # "[Amodei et al. (2016) Russell (2019)]" or the brackets as typed
        (
            "x [@amodei2016concrete: 4] y",
            22,
            "citation '[@amodei2016concrete: 4]' has a locator after a colon; write it after a "
            "comma, e.g. '[@amodei2016concrete, 4]'",
        ),
        (
            "[@amodei2016concrete @russell2019human]",
            21,
            "citation '[@amodei2016concrete @russell2019human]' names 2 works without ';' "
            "between them; write '[@amodei2016concrete; @russell2019human]'",
        ),
        (
            "[see @ russell2019human]",
            5,
            "citation '[see @ russell2019human]' has a space between '@' and its key; write "
            "'@russell2019human'",
        ),
        (
            "As shown [@amodei2016concrete, p. 4 and more text.\n\nA new [paragraph].",
            9,
            "a '[' opens the citation '[@amodei2016concrete' but its paragraph never closes it; "
            "add ']' after the citation's locator, e.g. '[@key, p. 4]'",
        ),
    ],
)
def test_malformed_groups_are_located_errors(markdown: str, offset: int, message: str) -> None:
    found = scan(markdown)
    assert [type(t).__name__ for t in found] == ["Malformed"]
    assert isinstance(found[0], Malformed)
    assert (found[0].offset, found[0].message) == (offset, message)
    assert substitute(markdown, lambda c: "X") == markdown  # the text stays as written


@pytest.mark.parametrize(
    "markdown",
    [
        "[see @a, pp. 3: 5]",  # a colon inside a locator, not before it
        "as @a says [1]",  # a bracket after a narrative citation
        "[an aside] and @a says",  # a closed bracket before it
        "write to ann@example.org [or]",  # an e-mail address
        "a [b @a c] d",
    ],
)
def test_near_misses_leave_well_formed_text_alone(markdown: str) -> None:
    assert not [t for t in scan(markdown) if isinstance(t, Malformed)], markdown


# --- math (pymdownx.arithmatex) -------------------------------------------------------------------

MATH = arithmatex_math({})


@pytest.mark.parametrize(
    "markdown",
    [
        "Let $x = @a + 1$ be it.",
        r"Inline \(f(@a)\) math.",
        "$$\nE = @a\n$$",
        r"\[ g(@a) \]",
        "\\begin{align}\nx &= @a\n\\end{align}",
    ],
)
def test_math_is_never_scanned(markdown: str) -> None:
    assert cited_keys(markdown, MATH) == []
    assert cited_keys(markdown) == ["a"]  # without arithmatex, the same text is prose


def test_math_needs_its_closing_dollar_in_the_same_paragraph() -> None:
    assert cited_keys("It costs $5 and\n\n@a says $10.", MATH) == ["a"]
    assert cited_keys("`$` then @a then `$`", MATH) == ["a"]  # dollars in code are no math
    assert cited_keys(r"An escaped \$ and @a \$ too", MATH) == ["a"]


def test_arithmatex_options_choose_the_forms() -> None:
    dollars_only = arithmatex_math({"inline_syntax": ["dollar"], "block_syntax": []})
    assert cited_keys(r"$@a$ and \(@b\)", dollars_only) == ["b"]
    assert arithmatex_math(None) == NO_MATH


# --- where HTML cannot hold a citation: plain text ------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "keys"),
    [
        ("![Figure [@key]](x.svg)", ["key"]),
        ("[see [@key, p. 2]](https://x.org)", ["key"]),
        ('Text {: title="after @key" }', ["key"]),
        ("Text\n{ .note title='[@key]' }", ["key"]),
    ],
)
def test_citations_where_html_cannot_hold_them_are_plain(markdown: str, keys: list[str]) -> None:
    found = citations(markdown)
    assert [i.key for c in found for i in c.items] == keys and all(c.plain for c in found)


def test_link_text_alone_is_still_a_link() -> None:
    assert citations("[@handle](https://social.example/@handle) and [x @y](https://x.org)") == []


# --- literal stand-ins and linear time ------------------------------------------------------------


def test_literal_stand_ins_are_ordinary_text() -> None:
    assert cited_keys("xcitationslot0x <!--citation-late:0--> [@a] <!--citation:3-->") == ["a"]


ADVERSARIAL = {
    "unclosed bracket, many at-signs": lambda n: "[" + "@" * n,
    "many unclosed brackets": lambda n: "[@a " * (n // 4),
    "unclosed comments": lambda n: "<!-- @a " * (n // 8),
    "unclosed script elements": lambda n: "<script>@a " * (n // 11),
    "unclosed math": lambda n: "$x @a " * (n // 6),
    "nested link text": lambda n: "[[@a]" * (n // 5),
    "entities": lambda n: "[@a, " + "&amp;" * (n // 5) + "]",
}


@pytest.mark.parametrize("shape", sorted(ADVERSARIAL))
def test_scanning_is_linear(shape: str) -> None:
    """Counted, not timed: the characters the scanner goes over grow like the input (an
    unclosed '[' before many '@' took quadratic time when a closer was searched for again and
    again)."""
    work = {}
    for n in (5_000, 20_000):
        counter = ScanWork()
        scan(ADVERSARIAL[shape](n), MATH, counter)
        work[n] = counter.characters
        assert work[n] <= 4 * n, (shape, n, work[n])
    assert work[20_000] <= 4.5 * work[5_000], (shape, work)


tricky = st.text(alphabet="@[]{};,.-$\\`<>!()*_&#x:/ \nab12^\"'=", max_size=80)


@settings(max_examples=400, deadline=None)
@given(tricky, st.booleans())
def test_any_text_scans_into_ordered_tokens_within_it(markdown: str, math: bool) -> None:
    tokens = scan(markdown, MATH if math else NO_MATH)
    end = 0
    for token in tokens:
        assert end <= token.start < token.end <= len(markdown)
        end = token.end
        if isinstance(token, Citation):
            assert all(markdown[item.offset] == "@" for item in token.items)
            assert all(item.key for item in token.items)


def test_a_closer_missing_inside_link_text_is_still_found_after_it() -> None:
    assert cited_keys("[a [b] <!-- c](https://x.org) then <!-- @y --> @x") == ["x"]
    math = "[a [b] $c](https://x.org)\nthen $@y$ and @x"
    assert cited_keys(math, MATH) == ["x"]
