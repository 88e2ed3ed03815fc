"""Finding citations in Markdown: the pandoc forms, the things that are never citations, and
property tests that protected text (code, e-mails, URLs) survives the pass byte for byte."""
from __future__ import annotations

import pytest
from citations.syntax import KEY, Citation, EscapedAt, cited_keys, code_block_spans, scan, substitute
from hypothesis import given, settings
from hypothesis import strategies as st


def citations(markdown: str) -> list[Citation]:
    return [token for token in scan(markdown) if isinstance(token, Citation)]


def items(markdown: str) -> list[tuple[str, str, str, bool]]:
    return [(i.prefix, i.key, i.suffix, i.suppress_author) for c in citations(markdown) for i in c.items]


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
    assert [(c.narrative, c.items[0].key, c.start, c.end) for c in found] == [(True, "russell2019human", 3, 20)]


@pytest.mark.parametrize("key", ["a:b", "a.b", "a_b", "a-b", "a/b", "doi:10.1/x_y-z", "miles_channel", "_x", "2019a"])
def test_keys_may_contain_internal_punctuation(key: str) -> None:
    assert cited_keys(f"[@{key}] and @{key}.") == [key, key]


@pytest.mark.parametrize("key", ["a:", "a.", "a-", "a/"])
def test_punctuation_at_the_end_is_not_part_of_the_key(key: str) -> None:
    assert cited_keys(f"see @{key} now") == [key[:-1]]


def test_offsets_point_at_the_at_sign() -> None:
    text = "x [see @abc, p. 1; @de]"
    assert [text[i.offset] for c in citations(text) for i in c.items] == ["@", "@"]
    assert [text[i.offset + 1:i.offset + 4] for c in citations(text) for i in c.items] == ["abc", "de]"]


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
        "=== \"Tab\"\n\n    ```\n    @key\n    ```\n",
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
    assert substitute(text, lambda c: "<" + ",".join(i.key for i in c.items) + ">") == "A <a> b <c>, `@d` [e](https://x/@f)."


# --- properties ---------------------------------------------------------------------------------

keys = st.from_regex(rf"\A{KEY}\Z")
words = st.text(alphabet="abcdefghij klmnop,;:!?'\"()-", min_size=1, max_size=12)
code_text = st.text(alphabet="abc @[];-:./_\\\"<>&", min_size=1, max_size=20)
emails = st.from_regex(r"\A[a-z][a-z0-9._+-]{0,8}[a-z0-9]@[a-z]{1,8}\.(org|com|co\.uk)\Z")
urls = st.builds(lambda host, path: f"https://{host}.org/@{path}",
                 st.from_regex(r"\A[a-z]{1,8}\Z"), st.from_regex(r"\A[a-z0-9_]{1,8}(/@[a-z]{1,4})?\Z"))

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
fenced = st.lists(code_text, min_size=1, max_size=3).map(lambda lines: "```\n" + "\n".join(lines) + "\n```")
indented = st.lists(code_text, min_size=1, max_size=3).map(lambda lines: "\n".join("    " + x for x in lines))


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
@given(st.lists(st.one_of(code_text.map(lambda t: f"`{t}`"), emails, urls, fenced), min_size=1, max_size=6))
def test_documents_without_citations_come_back_identical(parts: list[str]) -> None:
    markdown = "\n\n".join(parts).replace("\\", "")  # no escapes: nothing may change at all
    assert substitute(markdown, lambda c: "CHANGED") == markdown
