"""Parts of the book pipeline on their own: the font cache, the upstream workarounds' version
gates and patch files, the offline zip, the index's reading of citations, and the site's fonts
covering every character the book prints."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
UPSTREAM = ROOT / "scripts" / "book_pdf" / "upstream"


# ---------- the font cache ----------


def _site_font(site_dir: Path) -> Path:
    fonts = sorted(
        p
        for p in (site_dir / "assets" / "fonts").glob("inter*400*normal*.woff2")
        if "ext" not in p.name
    )
    assert fonts, "the site vendors Inter (regular, Basic Latin)"
    return fonts[0]


def _glyphs(font: bytes) -> tuple:
    """What a font draws: glyph order, character map, and each glyph's outline and width."""
    from fontTools.pens.recordingPen import RecordingPen
    from fontTools.ttLib import TTFont

    tt = TTFont(io.BytesIO(font))
    glyph_set = tt.getGlyphSet()
    outlines = []
    for name in tt.getGlyphOrder():
        pen = RecordingPen()
        glyph_set[name].draw(pen)
        outlines.append((name, tuple(pen.value), glyph_set[name].width))
    return tuple(tt.getGlyphOrder()), tuple(sorted(tt.getBestCmap().items())), tuple(outlines)


def test_woff2_decompress_and_fonttools_unpack_the_same_glyphs(site_dir, monkeypatch):
    """book_pdf.fonts uses Debian's woff2_decompress (C) when present, else fontTools."""
    from fontTools.ttLib import woff2

    from book_pdf import fonts

    if shutil.which(fonts.WOFF2_DECOMPRESS) is None:
        pytest.fail("woff2_decompress (Debian's woff2, installed by scripts/setup.sh) is missing")
    for path in sorted((site_dir / "assets" / "fonts").glob("*.woff2")):
        reference = io.BytesIO()
        woff2.decompress(io.BytesIO(path.read_bytes()), reference)
        assert _glyphs(fonts._decompress(path.read_bytes())) == _glyphs(reference.getvalue()), (
            path.name
        )
    monkeypatch.setattr(fonts, "WOFF2_DECOMPRESS", "no-such-tool")
    path = _site_font(site_dir)
    assert _glyphs(fonts._decompress(path.read_bytes())) == _glyphs(_fonttools(path))


def _fonttools(path: Path) -> bytes:
    from fontTools.ttLib import woff2

    out = io.BytesIO()
    woff2.decompress(io.BytesIO(path.read_bytes()), out)
    return out.getvalue()


def test_a_truncated_cached_font_is_rebuilt(site_dir, tmp_path):
    from book_pdf.fonts import truetype_of

    woff2_path = _site_font(site_dir)
    expected = truetype_of(woff2_path, tmp_path)
    assert _glyphs(expected) == _glyphs(_fonttools(woff2_path))
    [cached] = tmp_path.glob("*.ttf")
    cached.write_bytes(cached.read_bytes()[:1000])  # a build killed mid-write, a bad disk
    assert truetype_of(woff2_path, tmp_path) == expected
    [rebuilt] = tmp_path.glob("*.ttf")
    assert rebuilt.read_bytes() == expected
    assert rebuilt.stem.endswith(hashlib.sha256(expected).hexdigest()[:32])


def test_a_corrupted_cached_font_does_not_reach_the_pdf(site_dir, tmp_path, monkeypatch):
    """End to end: every cached font flipped in one byte; the book still embeds Inter (not a
    fallback font), and the cache holds good fonts again."""
    from pypdf import PdfReader

    from book_pdf.render import render_pdf

    cache = tmp_path / "cache"
    monkeypatch.setenv("BOOK_PDF_CACHE", str(cache))
    html = "<html lang='en'><body><p>Alignment, reward and proxy.</p></body></html>"
    render_pdf(html, site_dir, tmp_path / "first.pdf")
    fonts = sorted(cache.glob("*.ttf"))
    assert fonts
    for path in fonts:
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0xFF
        path.write_bytes(bytes(data))
    render_pdf(html, site_dir, tmp_path / "second.pdf")
    names = {
        str(f.get_object()["/BaseFont"]).split("+")[-1]
        for page in PdfReader(tmp_path / "second.pdf").pages
        for f in page.get("/Resources", {}).get("/Font", {}).values()
    }
    assert names and all(name.startswith("Inter") for name in names), names
    for path in cache.glob("*.ttf"):
        assert path.stem.endswith(hashlib.sha256(path.read_bytes()).hexdigest()[:32]), path.name


# ---------- upstream workarounds: exact version gates and ready patches ----------


WORKAROUNDS = [
    ("tinyhtml5_fixes", "tinyhtml5"),
    ("weasyprint_fixes", "weasyprint"),
    ("weasyprint_svg_fixes", "weasyprint"),
    ("pydyf_fixes", "pydyf"),
]


def _pinned(package: str) -> str:
    """The version requirements.txt pins, or else (for a dependency of a dependency, such as
    pydyf) the one requirements.lock pins: the version setup installs."""
    for name in ("requirements.txt", "requirements.lock"):
        for line in (ROOT / name).read_text().splitlines():
            if line.strip().lower().startswith(f"{package}=="):
                return line.split("==", 1)[1].strip(" \\")
    pytest.fail(f"neither requirements.txt nor requirements.lock pins {package}")


@pytest.mark.parametrize(("module", "package"), WORKAROUNDS)
def test_each_workaround_is_gated_on_the_pinned_version(module, package):
    """Fails loudly when the pin moves: check whether the new version still has the bug, then
    move the gate (and patch) or delete the workaround."""
    import importlib

    fix = importlib.import_module(f"book_pdf.{module}")
    installed = importlib.import_module(package).__version__
    assert fix.CHECKED_VERSION == _pinned(package) == installed, (
        f"{package} is pinned at {_pinned(package)} (installed {installed}) but book_pdf/{module}.py "
        f"was checked against {fix.CHECKED_VERSION}: re-check the bug ({fix.PATCH}) and update or remove it"
    )
    assert fix.apply() is True


@pytest.mark.parametrize(("module", "package"), WORKAROUNDS)
def test_each_workaround_stays_off_for_another_version(module, package, monkeypatch):
    import importlib

    fix = importlib.import_module(f"book_pdf.{module}")
    monkeypatch.setattr(importlib.import_module(package), "__version__", "999.0")
    assert fix.apply() is False


@pytest.mark.parametrize(("module", "package"), WORKAROUNDS)
def test_each_upstream_patch_applies_to_the_pinned_release(module, package, tmp_path):
    """The ready patch for upstream applies cleanly to the installed (pinned) package."""
    import importlib

    if shutil.which("patch") is None:
        pytest.fail("GNU patch is needed to check the upstream patches")
    fix = importlib.import_module(f"book_pdf.{module}")
    patch_file = ROOT / "scripts" / "book_pdf" / fix.PATCH
    assert patch_file.is_file()
    source = Path(importlib.import_module(package).__path__[0])
    shutil.copytree(source, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    result = subprocess.run(
        ["patch", "-p1", "--dry-run", "-i", str(patch_file)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# pydyf's page references: the cached property against pydyf's own, and the patch's result.

PDF_STEPS = st.lists(st.sampled_from(["page", "object", "read", "new kids"]), max_size=40)


def _build_pdf(steps: list[str], on_read) -> None:
    """Play steps on a new pydyf PDF: add a page, add another object (so that page numbers have
    gaps), read (on_read(pdf)), or give the page tree a new Kids list of the same length."""
    import pydyf

    pdf = pydyf.PDF()
    for step in [*steps, "read"]:
        if step == "page":
            pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        elif step == "object":
            pdf.add_object(pydyf.Dictionary({}))
        elif step == "new kids":
            kids = pdf.pages["Kids"]
            pdf.pages["Kids"] = pydyf.Array([*kids[3:], *kids[:3]])
        else:
            on_read(pdf)


def _pydyfs_page_references(pdf) -> tuple[bytes, ...]:
    from book_pdf import pydyf_fixes

    return pydyf_fixes.ORIGINAL_PAGE_REFERENCES.__get__(pdf)


@pytest.mark.parametrize("pages", [0, 1, 122])
def test_cached_page_references_are_pydyfs_and_built_once(pages):
    from book_pdf.pydyf_fixes import page_references

    def check(pdf):
        assert page_references(pdf) == _pydyfs_page_references(pdf)
        assert len(page_references(pdf)) == pages
        assert page_references(pdf) is page_references(pdf), "read again, not rebuilt"

    _build_pdf(["page", "object"] * pages, check)


@settings(max_examples=200, deadline=None)
@given(PDF_STEPS)
def test_cached_page_references_follow_pages_added_after_a_read(steps):
    from book_pdf.pydyf_fixes import page_references

    def check(pdf):
        assert page_references(pdf) == _pydyfs_page_references(pdf)

    _build_pdf(steps, check)


def test_the_pydyf_workaround_leaves_another_version_untouched(monkeypatch):
    import pydyf

    from book_pdf import pydyf_fixes

    monkeypatch.setattr(pydyf.PDF, "page_references", pydyf_fixes.ORIGINAL_PAGE_REFERENCES)
    monkeypatch.setattr(pydyf, "__version__", "0.14.0")
    assert pydyf_fixes.apply() is False
    assert vars(pydyf.PDF)["page_references"] is pydyf_fixes.ORIGINAL_PAGE_REFERENCES


def test_the_pydyf_patch_gives_pydyfs_page_references(tmp_path):
    """The ready patch, applied to a copy of the installed pydyf, answers what pydyf does."""
    import json
    import sys

    import pydyf

    from book_pdf import pydyf_fixes

    shutil.copytree(
        pydyf.__path__[0], tmp_path / "pydyf", ignore=shutil.ignore_patterns("__pycache__")
    )
    patch_file = ROOT / "scripts" / "book_pdf" / pydyf_fixes.PATCH
    subprocess.run(["patch", "-p1", "-s", "-i", str(patch_file)], cwd=tmp_path, check=True)
    steps = ["page", "read", "object", "page", "page", "read", "object", "object", "page"] * 5
    expected: list[list[str]] = []
    _build_pdf(
        steps, lambda pdf: expected.append([r.decode() for r in _pydyfs_page_references(pdf)])
    )
    program = (
        "import json, sys, pydyf\n"
        "assert pydyf.__file__.startswith(sys.argv[1]), pydyf.__file__\n"
        "pdf, reads = pydyf.PDF(), []\n"
        "for step in json.loads(sys.argv[2]) + ['read']:\n"
        "    if step == 'page': pdf.add_page(pydyf.Dictionary({'Type': '/Page'}))\n"
        "    elif step == 'object': pdf.add_object(pydyf.Dictionary({}))\n"
        "    else: reads.append([r.decode() for r in pdf.page_references])\n"
        "print(json.dumps(reads))\n"
    )
    patched = subprocess.run(
        [sys.executable, "-c", program, str(tmp_path), json.dumps(steps)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(patched.stdout) == expected


def _structure_tree(pdf: bytes) -> tuple:
    """A tagged PDF's structure tree as plain values: every object reachable from
    /StructTreeRoot, by object number, with a reference to a page written as its page index."""
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    reader = PdfReader(io.BytesIO(pdf))
    page_index = {
        reference.idnum: i
        for i, page in enumerate(reader.pages)
        if (reference := page.indirect_reference) is not None
    }
    objects: dict[int, object] = {}
    pending = [reader.root_object.raw_get("/StructTreeRoot")]

    def plain(value):
        if isinstance(value, IndirectObject):
            if value.idnum in page_index:
                return ("page", page_index[value.idnum])
            pending.append(value)
            return ("object", value.idnum)
        if isinstance(value, DictionaryObject):
            return {key: plain(value.raw_get(key)) for key in value}
        if isinstance(value, ArrayObject):
            return [plain(item) for item in value]
        return repr(value)

    while pending:
        reference = pending.pop()
        if reference.idnum not in objects:
            objects[reference.idnum] = None
            objects[reference.idnum] = plain(reference.get_object())
    return tuple(sorted(objects.items()))


def _page_refs(tree: tuple) -> list:
    return [node["/Pg"] for _, node in tree if isinstance(node, dict) and "/Pg" in node]


def test_a_tagged_pdf_has_the_same_structure_tree_with_the_pydyf_workaround(monkeypatch):
    import pydyf
    from weasyprint import HTML

    from book_pdf import pydyf_fixes

    chapter = (
        "<h2>Part {0}</h2><p>Text with <a href='#part-1'>a link</a> and <em>emphasis</em>.</p>"
        "<ul><li>one</li><li>two</li></ul><table><tr><th>a</th><td>b</td></tr></table>"
        "<img alt='a figure' src='data:image/svg+xml,<svg xmlns=\"http://www.w3.org/2000/svg\"/>'>"
    )
    html = "".join(
        f"<section id='part-{n}' style='break-after: page'>{chapter.format(n)}</section>"
        for n in range(1, 5)
    )
    document = HTML(string=f"<html lang='en'><body>{html}</body></html>").render(pdf_tags=True)
    trees = {}
    for name, page_references in [
        ("pydyf's", pydyf_fixes.ORIGINAL_PAGE_REFERENCES),
        ("cached", pydyf_fixes.CACHED_PAGE_REFERENCES),
    ]:
        monkeypatch.setattr(pydyf.PDF, "page_references", page_references)
        trees[name] = _structure_tree(document.write_pdf(pdf_tags=True))
    assert trees["cached"] == trees["pydyf's"]
    assert {page for _, page in _page_refs(trees["cached"])} == {0, 1, 2, 3}, "/Pg on every page"


# WeasyPrint's SVG text: whole runs where nothing moves glyphs apart (Kozea/WeasyPrint#2249).

SVG_TEXT_CASES = [
    '<text x="10" y="30">AVATAR To Ty Wo, office ffi</text>',
    '<text x="150" y="60" text-anchor="middle" font-weight="700">Centred: Te Ya</text>',
    '<text x="290" y="90" text-anchor="end" font-style="italic">Ended: AV</text>',
    '<text x="10" y="120">Run <tspan font-weight="700">Tv bold</tspan> then <tspan dy="4">Yo low</tspan></text>',
    '<text x="10" y="150" dx="5" dy="-2" dominant-baseline="central">Shifted AV</text>',
    '<text x="10" y="180" display-anchor="middle">Anchored To</text>',
    '<text x="10" y="210">e\u0301 combining, \u00e9 precomposed</text>',
    '<text x="10 30 50" y="240">Per glyph x</text>',
    '<text x="10" y="270" rotate="0 15">Rotated</text>',
    '<text x="10" y="300" letter-spacing="2">Spaced</text>',
    '<text x="10" y="330" textLength="200">Stretched</text>',
    '<text x="10" y="360" rotate="0">Zero rotation AV</text>',
    '<text x="150" y="390" text-anchor="middle"><tspan font-style="italic">r</tspan> \u2212 \u03b2 KL</text>',
]


def _svg_text_pdf(figures: list[str], fonts_css: str | None) -> bytes:
    """An uncompressed PDF drawing each SVG as an image (as the book does), fonts from
    fonts_css (the site's, or the system's when None)."""
    from urllib.parse import quote

    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from book_pdf.fonts import LocalFontCacheFetcher

    fonts, fetcher = FontConfiguration(), LocalFontCacheFetcher()
    sheets = [CSS(filename=fonts_css, font_config=fonts, url_fetcher=fetcher)] if fonts_css else []
    body = "".join(
        f"<img style='width: 100%' src='data:image/svg+xml,{quote(svg)}'>" for svg in figures
    )
    html = HTML(string=f"<html lang='en'><body>{body}</body></html>", url_fetcher=fetcher)
    document = html.render(font_config=fonts, stylesheets=sheets)
    return re.sub(
        rb"/(CreationDate|ModDate) \([^)]*\)", b"", document.write_pdf(uncompressed_pdf=True)
    )


def _as_svg(text: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 400" font-size="16" '
        f'font-family="Inter, sans-serif">{text}</svg>'
    )


def _patched_weasyprint_pdf(tmp_path: Path, figures: list[str], fonts_css: str | None) -> bytes:
    """The same PDF from a copy of the installed WeasyPrint with the ready upstream patch."""
    import json
    import sys

    import weasyprint

    from book_pdf import weasyprint_svg_fixes

    shutil.copytree(
        weasyprint.__path__[0],
        tmp_path / "weasyprint",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    patch_file = ROOT / "scripts" / "book_pdf" / weasyprint_svg_fixes.PATCH
    subprocess.run(["patch", "-p1", "-s", "-i", str(patch_file)], cwd=tmp_path, check=True)
    program = (
        "import json, sys\n"
        f"sys.path[:0] = [sys.argv[1], {str(ROOT / 'tests')!r}, {str(ROOT / 'scripts')!r}]\n"
        "import weasyprint\n"
        "assert weasyprint.__file__.startswith(sys.argv[1]), weasyprint.__file__\n"
        "from test_book_parts import _svg_text_pdf\n"
        "with open(sys.argv[2], encoding='utf-8') as arguments:\n"
        "    sys.stdout.buffer.write(_svg_text_pdf(*json.load(arguments)))\n"
    )
    arguments = tmp_path / "arguments.json"
    arguments.write_text(json.dumps([figures, fonts_css]), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-c", program, str(tmp_path), str(arguments)],
        cwd=tmp_path,
        capture_output=True,
        check=True,
    ).stdout


def _first_difference(ours: bytes, theirs: bytes) -> str:
    at = next(
        (i for i, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b),
        min(len(ours), len(theirs)),
    )
    return f"first difference at byte {at}: ours {ours[at - 80 : at + 80]!r} vs patched {theirs[at - 80 : at + 80]!r}"


def _assert_drawn_as_patched(tmp_path: Path, figures: list[str], fonts_css: str | None) -> bytes:
    """The PDF with the workaround, checked byte for byte against the patched WeasyPrint's."""
    from book_pdf import weasyprint_svg_fixes

    assert weasyprint_svg_fixes.apply()
    try:
        ours = _svg_text_pdf(figures, fonts_css)
    finally:
        weasyprint_svg_fixes.restore()
    theirs = _patched_weasyprint_pdf(tmp_path, figures, fonts_css)
    assert ours == theirs, _first_difference(ours, theirs)
    return ours


def test_svg_text_workaround_draws_what_the_patched_weasyprint_draws(tmp_path):
    """Each kind of SVG text (runs, anchors, tspans, shifts, and the per-glyph cases that stay
    WeasyPrint's), in the system's fonts: byte for byte the PDF of the patched WeasyPrint."""

    figures = [_as_svg(case) for case in SVG_TEXT_CASES]
    ours = _assert_drawn_as_patched(tmp_path, figures, None)
    assert _svg_text_pdf(figures, None) != ours, "WeasyPrint's own drawing differs (the bug)"


def test_svg_text_workaround_draws_every_site_figure_as_the_patched_weasyprint(site_dir, tmp_path):
    """Every figure of the site, in the site's fonts, as the patched WeasyPrint draws it."""

    figures = [p.read_text() for p in sorted((site_dir / "assets" / "figures").glob("*.svg"))]
    assert len(figures) >= 15
    _assert_drawn_as_patched(
        tmp_path, figures, str(site_dir / "assets" / "stylesheets" / "fonts.css")
    )


def test_pinned_weasyprint_still_draws_svg_text_code_point_by_code_point():
    """The bug the workaround is for: one text-showing operator per letter in WeasyPrint's own
    drawing, one per run with the workaround (when this fails on the pinned version, upstream
    has fixed #2249: drop book_pdf/weasyprint_svg_fixes.py)."""
    from book_pdf import weasyprint_svg_fixes

    figure = [_as_svg('<text x="10" y="30">AVATAR</text>')]
    weasyprint_svg_fixes.restore()
    own = _svg_text_pdf(figure, None)
    assert weasyprint_svg_fixes.apply()
    try:
        fixed = _svg_text_pdf(figure, None)
    finally:
        weasyprint_svg_fixes.restore()
    assert len(re.findall(rb"\bTJ\b", own)) == len("AVATAR")
    assert len(re.findall(rb"\bTJ\b", fixed)) == 1


# ---------- the offline zip ----------


def test_zip_links_and_zip_only_elements_are_cut_exactly():
    from book_pdf.offline_zip import without_zip_links

    page = (
        '<div class="ae-downloads">Read offline: <a href="x.pdf">PDF</a>\n'
        '  <span class="offline-zip">&middot; <a href="alignment-explained-offline.zip" download>Zip</a></span>\n'
        '</div><ul><li>keep <img src="a.png"></li><li class="offline-zip"><a href="../alignment-explained-offline.zip">'
        'Download</a>: a zip <em>of it</em></li></ul><p>Also <a href="alignment-explained-offline.zip#x">here</a>.</p>'
        '<p><a href="other.zip">other</a></p>'
    )
    assert without_zip_links(page) == (
        '<div class="ae-downloads">Read offline: <a href="x.pdf">PDF</a>\n  \n</div>'
        '<ul><li>keep <img src="a.png"></li></ul><p>Also .</p><p><a href="other.zip">other</a></p>'
    )
    assert without_zip_links("<p>nothing to cut</p>") == "<p>nothing to cut</p>"


def test_search_files_no_worker_loads_are_left_out(tmp_path):
    from book_pdf.offline_zip import unused_search_files

    lunr = tmp_path / "assets" / "javascripts" / "lunr"
    for name in (
        "wordcut.js",
        "tinyseg.js",
        "min/lunr.de.min.js",
        "min/lunr.th.min.js",
        "min/lunr.multi.min.js",
        "min/lunr.stemmer.support.min.js",
    ):
        (lunr / name).parent.mkdir(parents=True, exist_ok=True)
        (lunr / name).write_text("//")
    (tmp_path / "search").mkdir()
    index = tmp_path / "search" / "search_index.json"
    index.write_text('{"config": {"lang": ["en"]}, "docs": []}')
    assert len(unused_search_files(tmp_path)) == 6
    index.write_text('{"config": {"lang": ["en", "th"]}, "docs": []}')
    prefix = "assets/javascripts/lunr/"
    assert unused_search_files(tmp_path) == {prefix + "tinyseg.js", prefix + "min/lunr.de.min.js"}


def test_the_offline_zip_holds_no_source_map_unused_script_or_link_to_itself(site_dir):
    from book_pdf import PDF_NAME, ZIP_NAME, build_book, build_offline_zip

    archive = site_dir / ZIP_NAME
    if not archive.is_file():
        if not (site_dir / PDF_NAME).is_file():
            build_book(site_dir)
        build_offline_zip(site_dir)
    assert list(site_dir.rglob("*.map")), "the site has source maps to leave out"
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        assert not [n for n in names if n.endswith(".map")]
        assert not [n for n in names if n.endswith(("wordcut.js", "tinyseg.js"))]
        assert not [n for n in names if n.endswith("/404.html")], "only a server shows a 404 page"
        assert any(n.endswith("search/search_index.json") for n in names)
        assert any(n.endswith(PDF_NAME) for n in names), "the book is in the zip"
        pages = [n for n in names if n.endswith(".html")]
        assert len(pages) > 10
        for name in pages:
            html = zipped.read(name).decode("utf-8")
            assert ZIP_NAME not in html, f"{name} links to the zip it is in"
            assert "Download the book (PDF)" in html, f"{name}: the rest of the footer stays"
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert ZIP_NAME in home, "the site itself still offers the zip"


# ---------- the index reads citations as the text prints them ----------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Amodei et al., 2016", ["Amodei"]),
        ("Bai et al., 2022b", ["Bai"]),
        ("Clark and Amodei, 2016", ["Clark", "Amodei"]),
        ("Manheim and Garrabrant (2018)", ["Manheim", "Garrabrant"]),
        ("Russell (2019)", ["Russell"]),
        ("Alignment Research Center, n.d.", ["Alignment Research Center"]),
        ("Langosco di Langosco et al., 2022", ["Langosco di Langosco"]),
        ("de Blanc, 2011", ["de Blanc"]),
    ],
)
def test_cited_author_names_are_read_from_the_citation_text(text, names):
    from book_pdf import htmltree as ht
    from book_pdf.book_index import IndexEntry, citation_authors

    link = ht.Element("a", {"data-cite": "k"})
    link.text = text
    assert citation_authors(link) == names
    assert IndexEntry("de Blanc", ()).sort_key == "de blanc"


def _cited(authors: dict[str, str], *citations: tuple[str, str]) -> list[list[str]]:
    """The index's names for each citation (key, text as printed) of works whose authors are
    given as BibTeX name lists."""
    from book_pdf import htmltree as ht
    from book_pdf.book_index import CitedAuthors, person_labels
    from citations.names import parse_names

    cited = CitedAuthors({key: parse_names(raw) for key, raw in authors.items()})
    links = []
    for key, text in citations:
        links.append(ht.Element("a", {"data-cite": key}))
        links[-1].text = text
    labels = person_labels(cited(link) for link in links)
    return [[labels[name] for name in cited(link)] for link in links]


def test_the_index_names_cited_people_by_surname_and_initials():
    """ "Amodei, D.": two people of one surname are two entries, an organisation keeps its
    name, and the citation's n-th name is the work's n-th author."""
    works = {
        "kwa": "Kwa, Thomas and Thomas, Drake and Garriga-Alonso, Adri{\\`a}",
        "thomas": "Drake Thomas and Thomas Kwa",
        "chen1": "Chen, Yanda and others",
        "chen2": "Chen, Yueh-Han and Doe, Jane and Roe, Richard",
        "openai": "{OpenAI}",
        "goodhart": "Goodhart, Charles A. E.",
    }
    assert _cited(
        works,
        ("kwa", "Kwa et al., 2024"),
        ("thomas", "Thomas and Kwa, 2024"),
        ("chen1", "Chen et al., 2024"),
        ("chen2", "Chen et al., 2025"),
        ("openai", "OpenAI, 2023"),
        ("goodhart", "Goodhart (1975)"),
    ) == [
        ["Kwa, T."],
        ["Thomas, D.", "Kwa, T."],
        ["Chen, Y."],
        ["Chen, Y.-H."],
        ["OpenAI"],
        ["Goodhart, C. A. E."],
    ]


def test_a_citation_that_prints_only_its_year_indexes_the_works_authors():
    """ "AISI [-@aisi2026incident]" prints "2026a" (the sentence names the author): the book's
    index listed "2026a" and "2026c" as cited authors, first in the list, and the institute,
    Anthropic and OpenAI lost the page (a reader review). Its names are the work's, as a full
    citation of it prints them."""
    works = {
        "aisi": "{AI Security Institute}",
        "pair": "Clark, Jack and Amodei, Dario",
        "many": "Kwa, Thomas and Thomas, Drake and Garriga-Alonso, Adri{\\`a}",
        "others": "Clark, Jack and Amodei, Dario and others",  # the site prints "Clark et al."
    }
    assert _cited(
        works,
        ("aisi", "2026a"),
        ("pair", "2016"),
        ("many", "(2024)"),
        ("aisi", "AI Security Institute, 2026a"),
        ("others", "2019"),
    ) == [
        ["AI Security Institute"],
        ["Clark, J.", "Amodei, D."],
        ["Kwa, T."],
        ["AI Security Institute"],
        ["Clark, J."],
    ]


def test_no_name_in_the_books_index_is_a_year(site_dir):
    """Read back from the real book's HTML: every entry the index lists is a name or a term."""
    import re

    from book_pdf.pipeline import book_document

    index = next(
        el for el in book_document(site_dir).iter() if "book-index" in (el.get("class") or "")
    )
    names = [  # an entry: its name, then its page numbers in a span
        (li.text or "").strip()
        for li in index.iter("li")
        if "index-entry" in (li.get("class") or "")
    ]
    assert len(names) > 100, "the index lists almost nothing"
    assert "AI Security Institute" in names
    years = [n for n in names if re.match(r"\s*\(?\d{4}", n)]
    assert not years, years


def test_the_index_tells_one_person_spelt_two_ways_from_two_people_of_one_surname():
    """ "Paul" and "Paul F." Christiano are one person, listed with the fuller initials; Dario
    and Daniela Amodei share their initials, so are listed with their given names; "Sam" and
    "Samuel" are not taken for one name (two entries rather than two people merged)."""
    works = {
        "c1": "Paul F. Christiano and Jan Leike",
        "c2": "Christiano, Paul",
        "a1": "Amodei, Dario and others",
        "a2": "Amodei, Daniela and others",
        "b1": "Bowman, Sam",
        "b2": "Bowman, Samuel R.",
        "m1": "Mercado, Noem{\\'\\i}",
        "m2": "Mercado, Noemi and others",
    }
    assert _cited(
        works,
        ("c1", "Christiano and Leike, 2017"),
        ("c2", "Christiano, 2019"),
        ("a1", "Amodei et al., 2016"),
        ("a2", "Amodei et al., 2024"),
        ("b1", "Bowman, 2023"),
        ("b2", "Bowman, 2024"),
        ("m1", "Mercado, 2024"),
        ("m2", "Mercado et al., 2025"),
    ) == [
        ["Christiano, P. F.", "Leike, J."],
        ["Christiano, P. F."],
        ["Amodei, Dario"],
        ["Amodei, Daniela"],
        ["Bowman, S."],
        ["Bowman, S. R."],
        ["Mercado, N."],
        ["Mercado, N."],
    ]


def test_the_index_keeps_a_name_the_bibliography_does_not_give_as_printed():
    """A work missing from the bibliography (or a name not where the citation puts it): the
    surname as printed; a work without author, whose citation prints its title: no one."""
    works = {"known": "Russell, Stuart", "untitled": "", "odd": "Norvig, Peter"}
    assert _cited(
        works,
        ("missing", "Clark and Amodei, 2016"),
        ("untitled", "Concrete Problems, 2016"),
        ("odd", "Russell, 2020"),
        ("known", "Russell, 2019"),
    ) == [["Clark", "Amodei"], [], ["Russell, S."], ["Russell, S."]]


# ---------- named examples in the index ----------


def _examples(text: str) -> tuple[list, list[str]]:
    from book_pdf.named_examples import parse_examples

    problems: list = []
    examples = parse_examples(text, problems)
    return examples, [str(p) for p in problems]


def test_named_examples_are_read_with_their_lines():
    examples, problems = _examples(
        "# a comment\nCoastRunners (boat race): [CoastRunners]\nKing Midas: Midas\n"
        "Blackmail stress test: [blackmail, blackmailed]\n"
    )
    assert problems == []
    assert [(e.heading, e.spellings, e.line) for e in examples] == [
        ("CoastRunners (boat race)", ("CoastRunners",), 2),
        ("King Midas", ("Midas",), 3),
        ("Blackmail stress test", ("blackmail", "blackmailed"), 4),
    ]
    assert _examples("") == ([], []) and _examples("# only comments\n") == ([], [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "CoastRunners: [CoastRunners\nKing Midas: [Midas]\n",
            "docs/book-index.yml, line 2: not valid YAML",
        ),
        ("- CoastRunners\n", "docs/book-index.yml, line 1: expected a list of examples"),
        ("ok: [a]\nCoinRun: [CoinRun, [nested]]\n", "line 2: 'CoinRun': its spellings must be"),
        ("CoinRun: ['']\n", "line 1: 'CoinRun': its spellings must be words"),
        ("A: [Midas]\nB: [Midas]\n", "line 2: 'Midas' already names the example on line 1"),
        ("'': [Midas]\n", "line 1: an example needs a heading"),
    ],
)
def test_mistakes_in_the_named_examples_are_located(text: str, expected: str):
    """Each mistake names docs/book-index.yml, its line and what to write (no traceback)."""
    _, problems = _examples(text)
    assert len(problems) == 1 and expected in problems[0], problems
    assert "docs/book-index.yml, line " in problems[0]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_as_named_examples_gives_examples_or_located_problems(text: str):
    """Whatever a contributor types, reading it never raises: examples, or problems each with
    the file and a line."""
    examples, problems = _examples(text)
    assert all(re.match(r"docs/book-index\.yml, line \d+: ", p) for p in problems), problems
    assert all(e.heading and all(e.spellings) for e in examples)


def test_named_examples_are_found_as_written_longest_first():
    from book_pdf.named_examples import NamedExample, NameFinder

    finder = NameFinder(
        [
            NamedExample("GPT-6 Astra", ("GPT-6 Astra", "Astra"), 1),
            NamedExample("CoinRun (game)", ("CoinRun",), 2),
        ]
    )
    found = [(m.term, m.start) for m in finder.uses("GPT-6 Astra, then Astra; coinrun, CoinRuns")]
    assert found == [("GPT-6 Astra", 0), ("GPT-6 Astra", 18)]  # case and whole words count
    assert finder.headings_in("CoinRun and Astra and CoinRun") == ["CoinRun (game)", "GPT-6 Astra"]
    assert NameFinder([]).uses("anything") == []


def test_the_index_lists_named_examples_where_each_chapter_first_names_them():
    """A heading or a link that names an example is its place in that chapter; else its first
    use in the running text (given an id); one place per chapter; the glossary is left out.
    Spellings no chapter uses, and examples that are glossary terms, are located problems."""
    from book_pdf import htmltree as ht
    from book_pdf.book_index import build_index
    from book_pdf.chapter import Chapter
    from book_pdf.named_examples import NamedExample
    from book_pdf.nav import NavPage

    one = ht.parse_fragment(
        "<section><p>Intro.</p><h2 id='boats'>The CoastRunners boat</h2>"
        "<p>CoastRunners again, and King Midas.</p></section>"
    )
    two = ht.parse_fragment(
        "<section><p>Nothing <code>CoastRunners</code> here; then <em>the CoastRunners boat</em>"
        " and <a href='x.html'>the CoastRunners page</a>.</p></section>"
    )
    glossary = ht.parse_fragment(
        "<section><dl><dt>Reward hacking</dt><dd>As CoastRunners shows.</dd></dl></section>"
    )
    chapters = [
        Chapter(NavPage("one.html", "One"), "One", one),
        Chapter(NavPage("two.html", "Two"), "Two", two),
        Chapter(NavPage("glossary.html", "Glossary"), "Glossary", glossary),
    ]
    examples = [
        NamedExample("CoastRunners (boat race)", ("CoastRunners",), 1),
        NamedExample("King Midas", ("Midas",), 2),
        NamedExample("Coinrun", ("Coinrun",), 3),
        NamedExample("Reward hacking", ("reward hacking",), 4),
    ]
    problems: list = []
    index = build_index(chapters, {}, examples, problems)
    entries = {e.name: e.anchors for e in index.terms}
    assert entries["CoastRunners (boat race)"][0] == "boats"  # the heading, not the intro
    second = entries["CoastRunners (boat race)"][1]
    assert len(entries["CoastRunners (boat race)"]) == 2  # none from the glossary
    marked = next(el for el in two.iter() if el.get("id") == second)
    assert marked.tag == "a"  # the link names it; code is not a use
    midas = next(el for el in one.iter() if el.get("id") == entries["King Midas"][0])
    assert (midas.tag, midas.text) == ("span", "Midas")
    assert "Coinrun" not in entries
    assert [str(p) for p in problems] == [
        "docs/book-index.yml, line 3: no chapter uses 'Coinrun' (as written, case included): "
        "correct the spelling to the chapters' own, or remove the example",
        "docs/book-index.yml, line 4: 'Reward hacking' is a glossary term, indexed already: "
        "remove it",
    ]


def test_a_misspelt_named_example_stops_the_book_with_its_line(site_dir, tmp_path):
    """The real site with one example misspelt: the book says which line, and how to fix it."""
    from book_pdf import BookError
    from book_pdf.pipeline import book_document

    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    examples = copy / "book-index.yml"
    examples.write_text(
        examples.read_text(encoding="utf-8") + "Coast runners: [Coastrunners]\n", encoding="utf-8"
    )
    line = examples.read_text(encoding="utf-8").count("\n")
    with pytest.raises(BookError) as raised:
        book_document(copy)
    assert str(raised.value) == (
        f"docs/book-index.yml, line {line}: no chapter uses 'Coastrunners' (as written, case "
        "included): correct the spelling to the chapters' own, or remove the example"
    )


def test_the_cover_takes_homes_question_and_chapter_ones_figure():
    """The cover's line under the title is the first sentence of Home's hero, which the
    Introduction then leaves out (it repeated the cover word for word); its figure is the chain
    of loss as a chapter prints it (its src, the first sentence of its alt)."""
    from book_pdf import htmltree as ht
    from book_pdf.assemble import COVER_FIGURE, find_cover_figure, take_cover_tagline
    from book_pdf.chapter import Chapter
    from book_pdf.nav import NavPage

    home = ht.parse_fragment(
        '<section><p class="ae-hero__promise">Why is it so hard? A plain guide.</p></section>'
    )
    src = "file:///site" + COVER_FIGURE
    one = ht.parse_fragment(f'<section><img src="{src}" alt="The chain. In four steps."></section>')
    chapters = [
        Chapter(NavPage("index.html", "Home"), "Home", home),
        Chapter(NavPage("one.html", "One"), "One", one),
    ]
    assert take_cover_tagline(chapters) == "Why is it so hard?"
    assert ht.text_of(home) == "A plain guide."  # the Introduction starts after it
    figure = find_cover_figure(chapters)
    assert figure is not None and (figure.src, figure.alt) == (src, "The chain.")
    assert take_cover_tagline(chapters[1:]) == "" and find_cover_figure(chapters[:1]) is None


def test_links_inside_parentheses_are_those_after_an_unclosed_bracket_of_their_paragraph():
    from book_pdf import htmltree as ht
    from book_pdf.numbering import links_inside_parentheses

    root = ht.parse_document(
        "<body><p>See (<a id='a1'>one</a>) and <a id='a2'>two</a> (now <em>in <a id='a3'>three</a></em>"
        "</p><p><a id='a4'>four</a> after an unclosed paragraph</p>"
        "<ul><li>(a list <p>a (<a id='a5'>five</a></p> <a id='a6'>six</a>)</li></ul></body>"
    )
    found = links_inside_parentheses(root)
    inside = {a.get("id") for a in root.iter("a") if id(a) in found}
    assert inside == {"a1", "a3", "a5", "a6"}


def test_index_finds_a_term_in_every_form_the_site_marks_it():
    """The site marks "reward models" and "RLHF"; the index files them under the glossary's own
    heading, and a word the glossary does not define is not a term."""
    from book_pdf import htmltree as ht
    from book_pdf.book_index import TermFinder, term_spellings

    terms = ["Reinforcement learning from human feedback (RLHF)", "Reward model", "KL penalty"]
    by_spelling = term_spellings(terms)

    def term_of(text: str, tag: str = "abbr") -> list[str]:
        element = ht.Element(tag, {"class": "glossary-term__name"})
        element.text = text
        return TermFinder(by_spelling).terms_in(element)

    assert term_of("RLHF") == [terms[0]]
    assert term_of("reinforcement learning from human feedback") == [terms[0]]
    assert term_of("reward  models") == [terms[1]]
    assert term_of("KL penalty") == [terms[2]]
    assert term_of("kL penalty") == []
    assert term_of("reward model", tag="span") == []
    # a link whose whole text is the term (the site marks no term inside a link), not a citation
    assert term_of("RLHF", tag="a") == [terms[0]]
    assert term_of("the RLHF chapter", tag="a") == []
    cited = ht.Element("a", {"data-cite": "ouyang2022training"})
    cited.text = "RLHF"
    assert TermFinder(by_spelling).terms_in(cited) == []
    # a term introduced in italics (the site marks no term too common in prose to underline)
    assert term_of("reward models", tag="em") == [terms[1]]
    assert term_of("the reward model", tag="em") == []  # italics around more than the term
    # headings name terms anywhere in them, each once, in order; the site marks no heading
    assert term_of("Why RLHF needs a reward model, and a KL penalty", tag="h2") == [
        terms[0],
        terms[1],
        terms[2],
    ]
    assert term_of("Reward modelling", tag="h3") == []  # a longer word is not the term


# ---------- typographer's quotes ----------


def _typeset(markup: str, step: Callable[[Any], Any]) -> tuple[Any, str]:
    """What a typography step returns for a <body> holding markup, and the body's markup after
    it (markup the parser writes back as it is when step is a no-op)."""
    from book_pdf import htmltree as ht

    root = ht.parse_document(f"<body>{markup}</body>")
    result = step(root)
    return result, ht.to_html(ht.part(root, "body"))[len("<body>") : -len("</body>")]


def _educated(markup: str) -> str:
    from book_pdf.typography import educate_quotes

    return _typeset(markup, educate_quotes)[1]


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('Nobody writes "grasped".', "Nobody writes “grasped”."),
        ('He said "<em>fine</em>".', "He said “<em>fine</em>”."),
        ("It's <em>Goodhart's</em> 'law'.", "It’s <em>Goodhart’s</em> ‘law’."),
        ('<code>"x" it\'s</code>" then', '<code>"x" it\'s</code>” then'),
        ('<a title="keep \'this\'">"Link"</a>', "<a title=\"keep 'this'\">“Link”</a>"),
        ("<pre>print('a')</pre>", "<pre>print('a')</pre>"),
        ("no quotes at all", "no quotes at all"),
    ],
)
def test_quotes_are_curled_the_way_they_face(markup, expected):
    assert _educated(markup) == expected


_PIECES = st.lists(
    st.one_of(
        st.sampled_from(["word", " ", ".", ",", "'", '"', "it's", "(", ")", "—"]),
        st.sampled_from(["<em>", "</em>", "<code>'c\"</code>"]),
    ),
    max_size=20,
)


@settings(max_examples=200, deadline=None)
@given(_PIECES)
def test_curling_changes_nothing_but_the_quotes_outside_code(pieces):
    """Whatever the text: straightening the result gives the input back, code keeps its
    straight quotes, and no straight quote is left anywhere else."""
    markup = "".join(pieces).replace("<em></em>", "")
    if markup.count("<em>") != markup.count("</em>"):
        markup = markup.replace("<em>", "").replace("</em>", "")
    before = _educated_plain(markup)
    after = _educated(markup)
    assert after.translate(str.maketrans("‘’“”", "''\"\"")) == before
    outside_code = re.sub(r"<code>.*?</code>", "", after)
    assert "'" not in outside_code and '"' not in outside_code
    assert after.count("<code>'c\"</code>") == markup.count("<code>'c\"</code>")


def _educated_plain(markup: str) -> str:
    """The markup as the parser writes it back, untouched."""
    return _typeset(markup, lambda root: None)[1]


# ---------- cross-references ----------


def _two_chapters(markup: str):
    from book_pdf import htmltree as ht
    from book_pdf.chapter import Chapter
    from book_pdf.nav import NavPage
    from chapter_numbers import PartNumber

    pages = [("one.html", markup), ("two.html", "<p>Target.</p>")]
    return [
        Chapter(
            NavPage(path, path),
            path,
            ht.parse_fragment(f'<section id="{NavPage(path, path).slug}">{body}</section>'),
            number=PartNumber("Chapter", str(number)),
        )
        for number, (path, body) in enumerate(pages, start=1)
    ]


def test_a_cross_reference_opens_the_citation_that_follows_it():
    """ "RLHF (Chapter 2) (Christiano et al., 2017)" would stutter: the link's label takes over the
    citation's "(" and book.css prints " (Chapter 2; " before the citation's works."""
    from book_pdf import htmltree as ht
    from book_pdf.numbering import XREF_CITES_CLASS, mark_cross_references

    citation = (
        '<span class="citation">(<a class="citation__link" href="#x">Christiano, 2017</a>)</span>'
    )
    chapters = _two_chapters(
        f'<p>Into <a href="#two">RLHF</a> {citation}. And <a href="#two">again</a>, {citation}.'
        f' In (<a href="#two">a note</a> {citation}).</p>'
    )
    assert mark_cross_references(chapters, {}) == 3
    first, second, third = [a for a in chapters[0].section.iter("a") if a.get("data-xref")]
    assert ht.has_class(first, XREF_CITES_CLASS) and not first.tail
    spans = [s for s in chapters[0].section.iter("span") if ht.has_class(s, "citation")]
    assert spans[0].text is None and "".join(spans[0].itertext()) == "Christiano, 2017)"
    # a comma between them, or a link inside the text's own "(": left as they were
    assert not ht.has_class(second, XREF_CITES_CLASS) and spans[1].text == "("
    assert not ht.has_class(third, XREF_CITES_CLASS) and spans[2].text == "("


def test_a_cross_reference_that_is_the_subject_inside_parentheses_is_set_off_by_commas():
    """ "(Constitutional AI, Chapter 5 has the figures)" misreads; "(Constitutional AI, Chapter 5,
    has the figures)" does not. A link that ends its parenthesis keeps the one comma."""
    from book_pdf import htmltree as ht
    from book_pdf.numbering import (
        XREF_APPOSITION_CLASS,
        XREF_IN_PARENS_CLASS,
        mark_cross_references,
    )

    chapters = _two_chapters(
        '<p>One (<a href="#two">the study</a> has more). Two (see <a href="#two">the study</a>).'
        ' Three (<a href="#two">the study</a>, and more). Four <a href="#two">it</a> goes on.</p>'
    )
    assert mark_cross_references(chapters, {}) == 4
    links = [a for a in chapters[0].section.iter("a") if a.get("data-xref")]
    assert [ht.has_class(a, XREF_IN_PARENS_CLASS) for a in links] == [True, True, True, False]
    assert [ht.has_class(a, XREF_APPOSITION_CLASS) for a in links] == [True, False, False, False]


# ---------- a table that runs on to another page ----------


def _table(rows: int, attributes: str = "") -> str:
    body = "".join(f"<tr><td>Row {i}</td><td>Cell {i}</td></tr>" for i in range(1, rows + 1))
    return (
        f"<table{attributes}><caption>Caption</caption>"
        f"<thead><tr><th>Head A</th><th>Head B</th></tr></thead><tbody>{body}</tbody></table>"
    )


def test_a_table_that_runs_on_is_marked_continued_on_the_pages_it_runs_on_to():
    """book.css prints "Table 1.1 (continued)" at the head of each page a table runs on to, over
    its repeated header row; never on the page a table starts on (here the second table starts a
    page, caption first: a string set by the caption would have read as that page's own), nor
    after the table ends. numbering.py gives the label to the table's first body row."""
    from pypdf import PdfReader
    from weasyprint import CSS, HTML

    from book_pdf import htmltree as ht
    from book_pdf.numbering import TABLE_CONTINUED, number_figures_and_tables
    from book_pdf.render import BOOK_CSS

    chapters = _two_chapters(
        f"<p>Before.</p>{_table(90)}<p>After the first table.</p>"
        '<p style="break-before: page">Own page.</p>'
        + _table(5, ' style="break-before: page"')
        + "<p>After the second.</p>"
        '<p style="break-before: page">Last page.</p>'
    )
    chapter = chapters[0]
    chapter.section.set("class", "chapter")
    number_figures_and_tables(chapter)
    first_rows = [next(t.iter("tbody"))[0] for t in chapter.section.iter("table")]
    assert [row.get(TABLE_CONTINUED) for row in first_rows] == ["Table 1.1", "Table 1.2"]
    html = f"<html><body>{ht.to_html(chapter.section)}</body></html>"
    pdf = HTML(string=html).render(stylesheets=[CSS(filename=str(BOOK_CSS))]).write_pdf()
    texts = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    first = [i for i, text in enumerate(texts) if "Row " in text and "Table 1.1" in text]
    second = next(i for i, text in enumerate(texts) if "Table 1.2" in text)
    assert len(first) >= 3, "the long table runs on to two more pages"
    assert "Table 1.1 Caption" in texts[first[0]] and "(continued)" not in texts[first[0]]
    for index in first[1:]:
        assert "Table 1.1 (continued)" in texts[index], (index, texts[index][:80])
        assert "Head A" in texts[index], "the header row is repeated"
    assert texts[second].lstrip().startswith("Table 1.2 Caption"), "it starts its page"
    others = [text for i, text in enumerate(texts) if i not in first[1:]]
    assert not [text for text in others if "(continued)" in text], others


# ---------- short endings tied ----------


def _tied(markup: str) -> str:
    from book_pdf.typography import tie_short_endings

    return _typeset(markup, tie_short_endings)[1]


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # a short last word, even after a line break in the source; a long one is left alone
        ("<p>ask three\nquestions.</p>", "<p>ask three\u00a0questions.</p>"),
        ("<p>it belongs to.</p>", "<p>it belongs\u00a0to.</p>"),
        ("<p>an interpretability.</p>", "<p>an interpretability.</p>"),
        # ten letters and its closing marks count as short ("conditions." was a runt line)
        ("<p>some conditions.)</p>", "<p>some\u00a0conditions.)</p>"),
        ("<p>some conditionals.</p>", "<p>some conditionals.</p>"),
        # the last run of text after an element, a locator after a citation, list items
        ("<p>see <em>this</em> and that.</p>", "<p>see <em>this</em> and\u00a0that.</p>"),
        (
            '<p>us (<a class="citation__link">Nozick, 1974</a>, pp. 42–45).</p>',
            '<p>us (<a class="citation__link">Nozick,\u00a01974</a>, pp.\u00a042–45).</p>',
        ),
        ("<ul><li>one two</li></ul>", "<ul><li>one\u00a0two</li></ul>"),
        # ending inside an element: tied there; ending in a list or code: not this block's words
        ("<p>a <strong>bold end</strong></p>", "<p>a <strong>bold\u00a0end</strong></p>"),
        (
            "<p>call this <em>alignment faking</em>.</p>",
            "<p>call this <em>alignment\u00a0faking</em>.</p>",
        ),
        # a tail that holds only the last word ties it to the element before
        (
            '<p>as <a href="#x">Chapter 8</a> describes.</p>',
            '<p>as <a href="#x">Chapter 8</a>\u00a0describes.</p>',
        ),
        # ending on a cross-reference: its printed label, "(Chapter 2).", ends the block, and
        # the link's words stay breakable (tied, they and the label made a 95 pt run)
        (
            '<p>see <a class="xref" data-xref="Chapter 2">Specification gaming</a>.</p>',
            '<p>see <a class="xref" data-xref="Chapter 2">Specification gaming</a>.</p>',
        ),
        (
            '<p>(see <a class="xref xref--in-parens" data-xref="Chapter 2">reward hacking</a>).</p>',
            '<p>(see <a class="xref xref--in-parens" data-xref="Chapter 2">reward hacking</a>).</p>',
        ),
        ("<p>code <code>x = 1</code></p>", "<p>code <code>x = 1</code></p>"),
        ("<li>intro<ul><li>a b</li></ul></li>", "<li>intro<ul><li>a\u00a0b</li></ul></li>"),
        ("<p>single</p>", "<p>single</p>"),
    ],
)
def test_short_endings_are_tied_to_the_word_before(markup, expected):
    assert _tied(markup) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["word", "to.", "longerwordhere.", " ", "\n", "<em>x y</em>", "<code>a b</code>"]
        ),
        max_size=12,
    )
)
def test_tying_changes_only_spaces_into_one_no_break_space(pieces):
    """Whatever the paragraph: its text reads the same with its spaces collapsed, and at most its
    last gap became a no-break space."""
    from book_pdf import htmltree as ht
    from book_pdf.typography import tie_short_endings

    root = ht.parse_document(f"<body><p>{''.join(pieces)}</p></body>")
    before = " ".join("".join(root.itertext()).split())
    tied = tie_short_endings(root)
    after = "".join(root.itertext())
    assert tied <= 1 and after.count("\u00a0") == tied
    assert " ".join(after.replace("\u00a0", " ").split()) == before
    if tied:
        assert after.rstrip().rsplit("\u00a0", 1)[-1].split() == [
            after.split()[-1].split("\u00a0")[-1]
        ]


# ---------- addresses break before a hyphen ----------


def _address_broken(markup: str) -> str:
    from book_pdf.address_breaks import break_addresses_before_hyphens

    return _typeset(markup, break_addresses_before_hyphens)[1]


_H = "\u200b-\u2060"  # a break before the hyphen, none after it


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (
            '<a href="https://openai.com/x">openai.com/index/learning-from-human</a>',
            f'<a href="https://openai.com/x">openai.com/index/learning{_H}from{_H}human</a>',
        ),
        ("<a>doi:10.1007/978-1-349-17295</a>", f"<a>doi:10.1007/978{_H}1{_H}349{_H}17295</a>"),
        # words, addresses with no hyphen, and links holding elements are left alone
        ("<a>alignment-faking</a>", "<a>alignment-faking</a>"),
        ("<a>see openai.com/a-b here</a>", "<a>see openai.com/a-b here</a>"),
        ("<a>arxiv.org/abs/2209.00626</a>", "<a>arxiv.org/abs/2209.00626</a>"),
        ("<a><span>x/a-b</span></a>", "<a><span>x/a-b</span></a>"),
        ("<p>x/a-b</p>", "<p>x/a-b</p>"),
    ],
)
def test_an_address_breaks_before_its_hyphens(markup, expected):
    assert _address_broken(markup) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab/-.:_9 ", min_size=1, max_size=30))
def test_address_breaks_only_fence_the_hyphens_of_addresses(text):
    """Whatever the link's text: without the two invisible characters it reads the same, and
    they stand on both sides of every hyphen of an address and nowhere else."""
    from book_pdf import htmltree as ht
    from book_pdf.address_breaks import break_addresses_before_hyphens

    root = ht.parse_document(f"<body><a>{text}</a></body>")
    link = ht.part(ht.part(root, "body"), "a")
    changed = break_addresses_before_hyphens(root)
    after = link.text or ""
    assert after.replace("\u200b", "").replace("\u2060", "") == text
    is_address = "/" in text and " " not in text
    assert changed == (is_address and "-" in text)
    expected = text.count("-") if changed else 0
    assert after.count(_H) == after.count("\u200b") == after.count("\u2060") == expected


# ---------- every printed character has a glyph in the site font it is set in ----------

FAMILY_OF_TAG = {
    "h1": "Literata",
    "h2": "Literata",
    "h3": "Literata",
    "h4": "Literata",
    "code": "JetBrains Mono",
    "pre": "JetBrains Mono",
    "kbd": "JetBrains Mono",
}


def test_every_character_has_a_glyph_in_its_site_font(site_dir):
    """The book names only the site's fonts; a character none of them has is drawn in a system
    fallback font (DejaVu). This lists exactly which characters, in which family, and where."""
    import tinycss2
    from fontTools.ttLib import TTFont

    from book_pdf.address_breaks import WORD_JOINER, ZERO_WIDTH_SPACE
    from book_pdf.pipeline import book_document

    # line-break controls, never drawn: no glyph is looked up for them (the PDF tests check
    # that the book embeds no font but the site's)
    invisible = {ZERO_WIDTH_SPACE, WORD_JOINER}
    fonts_css = site_dir / "assets" / "stylesheets" / "fonts.css"
    cmaps: dict[str, set[int]] = {}
    for rule in tinycss2.parse_stylesheet(
        fonts_css.read_text(), skip_comments=True, skip_whitespace=True
    ):
        if rule.type == "at-rule" and rule.lower_at_keyword == "font-face":
            body = tinycss2.serialize(rule.content or [])
            family_match = re.search(r"font-family\s*:\s*[\"']?([^\"';]+)", body)
            assert family_match, f"an @font-face without a font-family: {body}"
            family = family_match[1].strip()
            url = re.search(r"url\([\"']?([^\"')]+)", body)
            if url is None:  # a metric-matched fallback face (local() only): not a site font
                continue
            font = TTFont(fonts_css.parent / url[1])
            cmaps.setdefault(family, set()).update(font.getBestCmap())
    missing: dict[tuple[str, str], set[str]] = {}

    def note(text: str, family: str, tag: str) -> None:
        for ch in text:
            if not ch.isspace() and ch not in invisible and ord(ch) not in cmaps.get(family, set()):
                missing.setdefault((family, ch), set()).add(tag)

    def visit(el, family: str) -> None:
        if not isinstance(el.tag, str):
            return
        family = FAMILY_OF_TAG.get(el.tag, family)
        note(el.text or "", family, el.tag)
        for child in el:
            visit(child, family)
            note(child.tail or "", family, el.tag)

    visit(book_document(site_dir).find("body"), "Inter")
    report = sorted(
        f"{family}: U+{ord(ch):04X} {ch!r} in <{'>, <'.join(sorted(tags))}>"
        for (family, ch), tags in missing.items()
    )
    assert not report, "characters without a glyph in the site's fonts:\n" + "\n".join(report)


# ---------- reading the site: Lexbor builds the tree tinyhtml5 would ----------

TRICKY_HTML = [
    "<p>a<!-- a comment -->b &nbsp;&amp; &lt;tag&gt;<br>c<p>unclosed<li>item<li>next",
    "<table><tr><td>1<td>2</table><p>after <b>bold <i>both</b> italic</i>",
    (
        '<svg viewBox="0 0 10 10" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<clipPath id="c"><rect width="1"/></clipPath><use xlink:href="#c"/><linearGradient gradientUnits="x"/>'
        "<foreignObject><p>html <em>again</em></p></foreignObject><title>t</title></svg><p>after svg"
    ),
    '<math><mi>x</mi><mo>=</mo><mn>1</mn></math><p lang="en" data-x="">text</p><img alt="a &quot;b&quot;">',
]


def _same_tree(markup: str):
    """(tinyhtml5's tree, book_pdf's tree) of one document, comments left out of the first."""
    import tinyhtml5

    from book_pdf import htmltree as ht

    reference = tinyhtml5.parse(markup, namespace_html_elements=False)
    for parent in reference.iter():
        for child in [c for c in parent if not isinstance(c.tag, str)]:
            ht.remove(parent, child)
    return _shape(reference), _shape(ht.parse_document(markup))


def _shape(root) -> list[tuple]:
    return [(el.tag, sorted(el.attrib.items()), el.text or "", el.tail or "") for el in root.iter()]


@pytest.mark.parametrize("markup", TRICKY_HTML)
def test_the_fast_parser_builds_tinyhtml5s_tree(markup):
    for document in (markup, f"<!doctype html><html><body>{markup}</body></html>"):
        reference, ours = _same_tree(document)
        assert ours == reference


def test_every_built_page_parses_to_tinyhtml5s_tree(site_dir):
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        reference, ours = _same_tree(page.read_text(encoding="utf-8"))
        assert ours == reference, page.name


# Markup in the shapes MkDocs writes (well nested: paragraphs of inline markup, lists, tables,
# figures with inline SVG, entities, comments, void elements), made up at random: the fast
# parser still builds tinyhtml5's tree. (Token soup is left out on purpose: on broken nesting
# such as a <p> straight inside a <table>, the two parsers follow different editions of the
# HTML standard, and MkDocs never writes it.)
_TEXT = st.sampled_from(
    [
        "word",
        " ",
        "\n",
        "&amp;",
        "&nbsp;",
        "&lt;b&gt;",
        "é",
        "“q”",
        "<!-- c -->",
        "<br>",
        "<img alt='a &quot;b&quot;' src='x.svg'>",
    ]
)


def _wrapped(tag: str, attributes: str = ""):
    return lambda inner: f"<{tag}{attributes}>{''.join(inner)}</{tag}>"


_INLINE_WRAPPERS = [
    _wrapped("em"),
    _wrapped("strong"),
    _wrapped("a", " href='#x' class='c'"),
    _wrapped("span", " lang='en' data-x=''"),
    _wrapped("code"),
]
_INLINE = st.recursive(
    _TEXT,
    lambda inner: st.tuples(st.sampled_from(_INLINE_WRAPPERS), st.lists(inner, max_size=4)).map(
        lambda pair: pair[0](pair[1])
    ),
    max_leaves=12,
)
_SVG = st.lists(
    st.sampled_from(
        [
            "<rect width='1' height='1'/>",
            "<text x='1' y='2'>label &amp; more</text>",
            "<clipPath id='k'><path d='M0 0h1'/></clipPath>",
            "<g transform='rotate(90)'><circle r='1'/></g>",
            "<foreignObject><p>html <em>inside</em></p></foreignObject>",
            "<title>t</title>",
        ]
    ),
    max_size=4,
).map(lambda parts: f"<svg viewBox='0 0 1 1' role='img'>{''.join(parts)}</svg>")
_BLOCK = st.one_of(
    st.lists(_INLINE, max_size=4).map(_wrapped("p")),
    st.lists(_INLINE, max_size=3).map(_wrapped("h2", " id='h'")),
    st.lists(st.lists(_INLINE, max_size=3).map(_wrapped("li")), max_size=3).map(_wrapped("ul")),
    st.lists(st.lists(_INLINE, max_size=2).map(_wrapped("td")), min_size=1, max_size=3)
    .map(_wrapped("tr"))
    .map(lambda row: f"<table><tbody>{row}</tbody></table>"),
    st.tuples(_SVG, st.lists(_INLINE, max_size=2).map(_wrapped("figcaption"))).map(
        lambda parts: f"<figure>{''.join(parts)}</figure>"
    ),
    st.just("<math><mi>x</mi><mo>=</mo><mn>1</mn></math>"),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_BLOCK, max_size=6).map(_wrapped("div", " class='md-content'")))
def test_the_fast_parser_builds_tinyhtml5s_tree_for_any_page_shape(markup):
    reference, ours = _same_tree(markup)
    assert ours == reference


def test_a_contents_longer_than_a_page_still_numbers_every_chapter_right(site_dir, tmp_path):
    """The chapters are first laid out as if the front matter took a page per part; a contents
    of two pages makes render_book lay them out again from the right page, and every printed
    number (contents and a back-matter page reference) is the page its target starts on."""
    from pypdf import PdfReader

    from book_pdf import htmltree as ht
    from book_pdf.render import render_pdf

    count = 70  # entries: more than one A4 page of contents
    entries = "".join(
        f'<li class="toc-entry"><a class="toc-link" href="#c{i}">'
        f'<span class="toc-title">Chapter {i}</span></a></li>'
        for i in range(count)
    )
    chapters = "".join(
        f'<section class="chapter" id="c{i}"><h1 class="chapter-title">Chapter {i}</h1>'
        f"<p>Text of chapter {i}.</p></section>"
        for i in range(count)
    )
    document = ht.parse_document(
        "<!doctype html><html lang='en'><head></head><body>"
        '<section class="cover"><h1 class="cover-title">A book</h1></section>'
        '<section class="colophon"><p>Colophon.</p></section>'
        f'<nav class="contents" id="contents"><ul>{entries}</ul></nav>'
        f"{chapters}"
        '<section class="chapter" id="back"><h1 class="chapter-title">Back</h1>'
        '<p>Chapter 5 is on page <a class="page-ref" href="#c5"></a>.</p></section>'
        "</body></html>"
    )
    out = tmp_path / "book.pdf"
    render_pdf(document, site_dir, out)
    texts = [page.extract_text() for page in PdfReader(out).pages]
    starts = {
        i: next(n for n, text in enumerate(texts, 1) if f"Text of chapter {i}." in text)
        for i in range(count)
    }
    assert starts[0] > 4, "the contents takes more than one page"
    contents = "\n".join(texts[2 : starts[0] - 1])
    for i in range(count):
        assert re.search(rf"Chapter {i}\W*?{starts[i]}\s*$", contents, re.MULTILINE), i
    assert f"Chapter 5 is on page {starts[5]}." in texts[-1]


@pytest.mark.parametrize("site_url", ["https://example.org/site/", None])
def test_a_live_demos_caption_and_address_stand_beside_its_qr_code(site_url):
    """The caption's text, then the address, as one block with the QR code beside it (book.css
    sets them in a row): a code in a row of its own under the address made each demo figure 2 cm
    taller. Without a site URL there is no code to scan, only the page's path."""
    from book_pdf import htmltree as ht
    from book_pdf.live_demos import caption_live_demos

    chapters = _two_chapters(
        '<div class="demo" id="one--race"><figure class="demo-static"><img alt="x"><figcaption>'
        '<span class="caption-label">Figure 1.1</span> The race.</figcaption></figure></div>'
    )
    [address] = caption_live_demos(chapters[0], site_url)
    assert address == f"{site_url or ''}one.html#race"
    caption = next(chapters[0].section.iter("figcaption"))
    assert "demo-caption" in ht.classes(caption) and not (caption.text or "").strip()
    text, *code = list(caption)
    assert ht.text_of(text) == "Figure 1.1 The race. Interactive version: " + (
        address if site_url else f"{address} on the website or in the offline copy"
    )
    assert [ht.classes(el) for el in code] == ([{"demo-qr"}] if site_url else [])


def test_a_captions_permalink_reads_as_the_books_own_number(tmp_path):
    """On the site a caption's "Figure 1." links to its figure (figure_permalinks.py); the book
    reads it as text again and labels the figure by chapter, "Figure 1.1", with no link to
    print a cross-reference for and no author's number left over."""
    from book_pdf import htmltree as ht
    from book_pdf.chapter import read_chapter
    from book_pdf.nav import NavPage
    from book_pdf.numbering import number_figures_and_tables
    from chapter_numbers import PartNumber
    from figure_permalinks import link_figures

    figure = link_figures(
        '<figure><img alt="a map" src="x-map.svg"><figcaption>Figure 1. A <em>map</em>.'
        "</figcaption></figure>"
    )
    assert 'class="figure-permalink"' in figure
    (tmp_path / "one.html").write_text(
        f'<html><body><article class="md-content__inner md-typeset"><h1>One</h1>{figure}'
        "</article></body></html>",
        encoding="utf-8",
    )
    problems: list = []
    chapter = read_chapter(tmp_path, NavPage("one.html", "One"), problems)
    assert chapter is not None and not problems
    chapter.number = PartNumber("Chapter", "1")
    labels = number_figures_and_tables(chapter)
    caption = next(chapter.section.iter("figcaption"))
    assert " ".join(ht.text_of(caption).split()) == "Figure 1.1 A map."
    assert not list(caption.iter("a"))
    assert labels == {"figure-x-map": "Figure 1.1"}


def test_a_live_demos_id_stands_for_the_figure_the_book_prints_for_it():
    """The demos page links "[the boat race in miniature](…#live-boat-loop)", the live figure's
    div; the book prints its static figure, so the link reads "(Figure 2.2, p. 17)"."""
    from book_pdf import htmltree as ht
    from book_pdf.numbering import mark_cross_references, number_figures_and_tables

    chapters = _two_chapters('<p>See <a href="#live-x">the race</a> and <a href="#two">it</a>.</p>')
    chapters[1].section.append(
        ht.parse_fragment(
            '<div class="demo" id="live-x"><figure class="demo-static"><img alt="x">'
            "<figcaption>The race.</figcaption></figure><div class='demo-live'></div></div>"
        )
    )
    labels = number_figures_and_tables(chapters[1])
    assert labels["live-x"] == "Figure 2.1"
    assert mark_cross_references(chapters, labels) == 2
    link = next(a for a in chapters[0].section.iter("a") if a.get("href") == "#live-x")
    assert link.get("data-xref") == "Figure 2.1, " and "xref--page" in link.get("class", "")


# ---------- a figure told in words ----------


def test_a_figure_in_words_becomes_the_figures_alt_in_the_book():
    """The site's "The figure in words" fold has no way to open on paper, and the tagged PDF gives
    a figure only its alt: the fold's text joins the alt (its summary left out) and the fold goes."""
    from book_pdf import htmltree as ht
    from book_pdf.figure_text import fold_into_alt

    article = ht.parse_fragment(
        '<article><figure><img alt="Three positions."><figcaption>Figure 1.</figcaption></figure>'
        '\n<details class="figure-text"><summary>The figure in words</summary>'
        "<ul><li><strong>Left.</strong> Iterate.</li><li>Right: <em>halt</em>.</li></ul>"
        "<p>Common ground.</p></details><p>After.</p></article>"
    )
    problems: list = []
    fold_into_alt(article, "disagreement.html", problems)
    assert not problems
    assert next(article.iter("img")).get("alt") == (
        "Three positions. Left. Iterate. Right: halt. Common ground."
    )
    assert not list(article.iter("details")) and ht.text_of(article).endswith("After.")


def test_a_figure_in_words_away_from_its_figure_is_a_problem_that_names_the_page():
    from book_pdf import htmltree as ht
    from book_pdf.figure_text import fold_into_alt

    article = ht.parse_fragment(
        '<article><p>Text.</p><details class="figure-text"><summary>The figure in words</summary>'
        "<p>Words.</p></details></article>"
    )
    problems: list = []
    fold_into_alt(article, "site/research.html", problems)
    [problem] = problems
    assert str(problem).startswith("site/research.html: a '??? figure-text' fold must come")
    assert "straight after the <figure>" in problem.message


def test_a_figure_that_is_its_whole_section_prints_its_words_before_it():
    """A section of a heading and a figure has no text to fill the page the figure leaves when it
    moves on (the research map left p. 74 46% empty): its words are printed, as the section's
    text, before it, and its alt stays the site's one sentence."""
    from book_pdf import htmltree as ht
    from book_pdf.figure_text import fold_into_alt

    article = ht.parse_fragment(
        '<article><h2>A map</h2><figure><img alt="A grid."><figcaption>Figure 1.</figcaption>'
        '</figure>\n<details class="figure-text"><summary>The figure in words</summary>'
        "<p>The columns are four.</p><ul><li>Row.</li></ul></details><h2>Next</h2></article>"
    )
    problems: list = []
    fold_into_alt(article, "research.html", problems)
    assert not problems
    blocks = list(next(article.iter("article")))
    assert [block.tag for block in blocks] == ["h2", "div", "figure", "h2"]
    assert [ht.text_of(block) for block in blocks[1]] == ["The columns are four.", "Row."]
    assert "figure-words" in (blocks[1].get("class") or "") and not list(article.iter("details"))
    assert next(article.iter("img")).get("alt") == "A grid."


# ---------- the reading order ----------


def test_the_book_reads_the_sites_nav_without_the_pages_the_site_keeps_to_itself(tmp_path):
    """About this guide is in the site's nav, not in the book (chapter_numbers.NOT_IN_BOOK)."""
    from book_pdf.nav import read_nav

    links = "".join(
        f'<li><a class="md-nav__link" href="{href}">{title}</a></li>'
        for href, title in (
            ("index.html", "Home"),
            ("further-reading.html", "Further reading"),
            ("about.html", "About this guide"),
        )
    )
    (tmp_path / "index.html").write_text(
        f'<html><body><nav class="md-nav md-nav--primary"><ul>{links}</ul></nav></body></html>',
        encoding="utf-8",
    )
    assert [page.path for page in read_nav(tmp_path)] == ["index.html", "further-reading.html"]


def test_a_box_title_marked_as_a_heading_becomes_one_and_keeps_its_classes():
    """WeasyPrint tags by element, not by ARIA: the site's `role="heading"` box titles ("In one
    minute", "Key takeaways") were P in the PDF, so heading navigation skipped them."""
    from book_pdf import htmltree as ht
    from book_pdf.chapter import headings_from_roles

    root = ht.parse_fragment(
        '<section><div class="admonition abstract"><p class="admonition-title" role="heading"'
        ' aria-level="2">In one minute</p><p>Text.</p></div>'
        '<p role="heading" aria-level="1">Low</p><p role="heading">No level</p>'
        '<p class="admonition-title">Note</p></section>'
    )
    assert headings_from_roles(root) == 2
    title, _, low, no_level, note = [el for el in root.iter() if el.text]
    assert (title.tag, title.get("class"), title.get("role")) == ("h2", "admonition-title", None)
    assert low.tag == "h2"  # level 1 is the chapter's title
    assert (no_level.tag, note.tag) == ("p", "p")


def test_each_term_and_its_definitions_are_one_list_item():
    """WeasyPrint tags a <dt> and a <dd> as two sibling LIs: the glossary's 109 terms were 220
    items, and nothing tied a definition to its term."""
    from book_pdf import htmltree as ht
    from book_pdf.chapter import DEFINITION_CLASS, pair_definitions

    root = ht.parse_fragment(
        "<section><dl><dt id='a'>A</dt><dd>Def a.</dd><dt>B</dt><dt>B2</dt><dd>Def b.</dd>"
        "<dd>More b.</dd><dt>C</dt><dd>Def c.</dd></dl></section>"
    )
    assert pair_definitions(root) == 3
    dl = next(root.iter("dl"))
    assert [li.tag for li in dl] == ["li"] * 3
    assert all(li.get("class") == DEFINITION_CLASS for li in dl)
    assert [[el.tag for el in li] for li in dl] == [
        ["dt", "dd"],
        ["dt", "dt", "dd", "dd"],
        ["dt", "dd"],
    ]
    assert dl[0][0].get("id") == "a"


def test_an_admonition_folds_summary_becomes_a_heading_below_its_section():
    """A "More evidence" fold's <summary> is tagged NonStruct; printed open, the fold is a box
    like the others, and its title a heading one level below its section's. The site's own
    folds (Further reading's counts) keep their summary."""
    from book_pdf import htmltree as ht
    from book_pdf.chapter import FOLD_TITLE_CLASS, headings_from_fold_titles, headings_from_roles

    root = ht.parse_fragment(
        '<section><h1>T</h1><div class="admonition"><p class="admonition-title" role="heading"'
        ' aria-level="2">In one minute</p></div><details class="note"><summary>A</summary>'
        '<p>x</p></details><h2>S</h2><details class="note"><summary class="s">B</summary></details>'
        '<details class="tip"><summary>C</summary></details>'
        '<details class="further-reading__fold"><summary>9 articles</summary></details></section>'
    )
    headings_from_roles(root)
    assert headings_from_fold_titles(root) == 3
    a, b, c, works = (next(iter(d)) for d in root.iter("details"))
    assert (a.tag, a.get("class")) == ("h2", FOLD_TITLE_CLASS)  # below the h1, not the box's h2
    assert (b.tag, b.get("class")) == ("h3", f"s {FOLD_TITLE_CLASS}")
    assert c.tag == "h3", "a second fold of a section is not nested under the first's title"
    assert works.tag == "summary"
