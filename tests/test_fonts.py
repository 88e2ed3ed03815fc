"""The vendored fonts cover what the site and the book show (no fallback font for an arrow or a
Greek letter), fonts.css matches the files, and make_fonts' helpers do what they say."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import tinycss2
from fontTools.ttLib import TTFont

import make_fonts
import site_text

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "docs" / "assets" / "fonts"
FONTS_CSS = ROOT / "docs" / "assets" / "stylesheets" / "fonts.css"
REGENERATE = "run `.venv/bin/python scripts/make_fonts.py` (or replace the character in the text)"


def _cmap(name: str) -> set[int]:
    path = FONTS / name
    return set(TTFont(path).getBestCmap()) if path.is_file() else set()


def _describe(codes: set[int]) -> str:
    return ", ".join(f"{chr(c)} U+{c:04X} {unicodedata.name(chr(c), '?')}" for c in sorted(codes))


def _faces_for(role: str) -> list[make_fonts.Face]:
    return [face for face in make_fonts.FACES if face.role == role]


@pytest.fixture(scope="module")
def shown(site_dir) -> dict[str, set[int]]:
    """What the built site and the book show, by role."""
    counts = make_fonts.shown_characters(site_dir)
    return {role: {ord(c) for c in site_text.visible(counts[role])} for role in site_text.ROLES}


@pytest.mark.parametrize("face", make_fonts.FACES, ids=lambda f: f.file_name())
def test_every_shown_character_is_drawn_by_its_face(shown, face):
    """No character the site shows falls back to another font: each is in its face's core file
    or in the safety-set extension, which browsers fetch only for pages that use it. (A new
    character that only the extension has costs a page one small extra download, not a wrong
    glyph, so a contributor's edit never fails here for that; `make_fonts.py` moves it into the
    core file, and `make bench` shows the weight.)"""
    missing = shown[face.role] - _cmap(face.file_name()) - _cmap(face.file_name("-ext"))
    assert not missing, f"{face.file_name()} lacks {_describe(missing)}: {REGENERATE}"


def test_the_book_text_is_covered_by_the_site_fonts(site_dir):
    """The book's own text ("Contents", running heads, the index...) included."""
    book = site_text.book_characters(site_dir, ROOT / "scripts" / "book_pdf" / "book.css")
    for role in site_text.ROLES:
        used = {ord(c) for c in site_text.visible(book[role])}
        for face in _faces_for(role):
            covered = _cmap(face.file_name()) | _cmap(face.file_name("-ext"))
            missing = used - covered
            assert not missing, (
                f"the book's {role} text: {face.file_name()} lacks {_describe(missing)}: {REGENERATE}"
            )


@pytest.mark.parametrize("face", make_fonts.FACES, ids=lambda f: f.file_name())
def test_each_face_covers_the_documented_safety_set(face):
    covered = _cmap(face.file_name()) | _cmap(face.file_name("-ext"))
    letters = set(range(0x20, 0x7F)) | {
        c for c in range(0xA0, 0x180) if unicodedata.category(chr(c))[0] == "L"
    }
    letters -= {0x149, 0x17F}  # ŉ (deprecated by Unicode) and the long s: in neither face
    greek = {c for c in range(0x391, 0x3CA) if unicodedata.category(chr(c)).startswith("L")}
    punctuation = {ord(c) for c in "–—‘’“”…•′″‹›"}
    required = letters | greek | punctuation
    if face.role == "body":
        required |= {ord(c) for c in "←↑→↓↔−×√≈≤≥✓✗"}
    missing = required - covered
    assert not missing, f"{face.file_name()} lacks {_describe(missing)}: {REGENERATE}"


def _font_faces() -> list[dict[str, str]]:
    faces = []
    for rule in tinycss2.parse_stylesheet(
        FONTS_CSS.read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True
    ):
        if rule.type == "at-rule" and rule.lower_at_keyword == "font-face":
            declarations = tinycss2.parse_blocks_contents(
                rule.content or [], skip_comments=True, skip_whitespace=True
            )
            faces.append(
                {
                    d.lower_name: tinycss2.serialize(d.value).strip()
                    for d in declarations
                    if d.type == "declaration"
                }
            )
    return faces


def test_fonts_css_matches_the_vendored_files():
    """Every url() exists, every unicode-range is exactly its file's characters, and every
    woff2 file is used: fonts.css and the files were made together by make_fonts.py."""
    used = set()
    for face in _font_faces():
        match = re.search(r'url\("\.\./fonts/(?P<name>[^"]+)"\)', face["src"])
        if match is None:
            assert "local(" in face["src"], face
            continue
        name = match["name"]
        used.add(name)
        assert (FONTS / name).is_file(), f"fonts.css names a missing file {name}: {REGENERATE}"
        codes: set[int] = set()
        for start, end in (
            r.split("-") if "-" in r else (r, r)
            for r in face["unicode-range"].replace("U+", "").split(",")
        ):
            codes |= set(range(int(start, 16), int(end, 16) + 1))
        assert codes == _cmap(name), (
            f"fonts.css's unicode-range for {name} is not its file's: {REGENERATE}"
        )
        assert face["font-display"] == "optional"
    assert used == {p.name for p in FONTS.glob("*.woff2")}


def test_each_face_has_a_metric_matched_fallback():
    faces = _font_faces()
    for family in {f["font-family"].strip('"') for f in faces if "url(" in f["src"]}:
        fallbacks = [f for f in faces if f["font-family"].strip('"') == f"{family} fallback"]
        assert fallbacks, family
        for fallback in fallbacks:
            size = float(fallback["size-adjust"].rstrip("%"))
            assert 80 < size < 130, fallback
            assert float(fallback["ascent-override"].rstrip("%")) > 50, fallback


def test_the_preloaded_faces_exist():
    partial = (ROOT / "overrides" / "partials" / "font-preloads.html").read_text(encoding="utf-8")
    names = re.findall(r'"([a-z]+-\d{3}-(?:normal|italic))"', partial)
    assert len(names) == 4
    # The headings' face first: fetched last, it missed its window on a slow link (bench_fonts.py).
    assert names[0] == "literata-600-normal", names
    for name in names:
        assert (FONTS / f"{name}.woff2").is_file(), name


def test_unicode_range_is_exact_and_short():
    assert make_fonts.unicode_range({0x41, 0x42, 0x43, 0x2192}) == "U+41-43,U+2192"
    assert make_fonts.unicode_range(set()) == ""


def test_site_text_sorts_headings_from_body_and_skips_scripts():
    counts = site_text.html_characters(
        '<h2 id="x">Kl\u00e9 \u2192<a class="headerlink">\u00b6</a></h2><p title="\u03b1">b\u2013</p>'
        "<script>var s = '\u2603';</script><svg><text>\u263a</text></svg>"
    )
    assert {"\u00e9", "\u2192", "\u00b6"} <= set(counts["heading"])
    assert {"\u03b1", "\u2013", "\u00e9"} <= set(counts["body"])  # headings count for both
    assert "\u2603" not in counts["body"] and "\u263a" not in counts["body"]
    assert "\u2022" in counts["body"] and "\u2022" not in counts["heading"]  # list markers


def test_heading_face_selectors_come_from_the_stylesheets(tmp_path):
    (tmp_path / "a.css").write_text(
        ".md-typeset .promise { font-family: var(--ae-heading-font); }\n"
        "@media screen { .md-typeset .card > .title:hover, blockquote { font: 600 1rem Literata, serif; } }\n"
        ".md-typeset .body { font-family: var(--md-text-font); }\n",
        encoding="utf-8",
    )
    tags, classes = site_text.heading_selectors([tmp_path / "a.css"])
    assert classes == {"promise", "title"} and "blockquote" in tags and "h1" in tags
    counts = site_text.html_characters(
        '<p class="promise">\u201cx\u201d</p><p class="body">\u00e9</p>', (tags, classes)
    )
    assert "\u201c" in counts["heading"] and "\u00e9" not in counts["heading"]


def test_every_font_file_is_really_woff2():
    for path in FONTS.glob("*.woff2"):
        assert path.read_bytes()[:4] == b"wOF2", path.name
