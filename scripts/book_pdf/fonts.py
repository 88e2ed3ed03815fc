"""The site's own fonts, embedded in the book, without paying to unpack unused ones.

Why this exists: WeasyPrint unpacks every @font-face's woff2 file to TrueType in pure Python
(fontTools) on every run, face by face, and the site's fonts.css declares many faces, some
for characters an English book rarely has. So the book keeps only the @font-face rules whose
unicode-range meets a character of the book. WeasyPrint 70 also merges faces that share family,
weight and style into one embedded font, which garbles every character of the second file (a
Lithuanian author's "ė" printed as "&"): so each face without Basic Latin in its range is renamed
"<family> Ext" and book.css names both families, e.g. "Inter", "Inter Ext". The woff2 files are
unpacked by Google's woff2_decompress (Debian's woff2 package, in C rather than Python)
or, where it is missing, by fontTools, and handed to WeasyPrint through its public URL-fetcher
hook; the TrueType is kept in a cache keyed by the woff2 file's content hash (BOOK_PDF_CACHE, else the user's cache folder),
so later builds skip even that. A cached file also carries the hash of its own content in its
name and is checked on every read: a truncated or corrupted one is rebuilt, never embedded (a
bad font would otherwise silently send the whole book to a fallback font). The fetcher refuses
every URL that is not a local file: building the book never touches the network.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.request import url2pathname

import tinycss2
from fontTools.ttLib import woff2
from weasyprint.urls import URLFetcher, URLFetcherResponse

WOFF2_DECOMPRESS = "woff2_decompress"

UNICODE_RANGE = re.compile(
    r"""(?x)
    U\+(?P<start>[0-9A-F?]{1,6})      # U+0100, or a wildcard form like U+4??
    (?:-(?P<end>[0-9A-F]{1,6}))?      # optional end of the range: U+0100-02BA
""",
    re.IGNORECASE,
)

FONT_FAMILY = re.compile(r"""(?x)
    (?P<prop>font-family\s*:\s*)      # the descriptor
    ["']?(?P<name>[^"';]+?)["']?      # its one family name, quoted or not
    (?=\s*;|\s*$)
""")


def needed_font_faces(fonts_css: Path, text: str) -> str:
    """fonts.css with only the @font-face rules whose unicode-range covers a character of text
    (rules without a unicode-range are always kept)."""
    characters = {ord(c) for c in text}
    rules = tinycss2.parse_stylesheet(
        fonts_css.read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True
    )
    kept: list[str] = []
    for rule in rules:
        if rule.type != "at-rule" or rule.lower_at_keyword != "font-face":
            kept.append(tinycss2.serialize([rule]))
            continue
        ranges = _unicode_ranges(rule)
        if not _covers(ranges, characters):
            continue
        declarations = tinycss2.serialize(rule.content or [])
        if ranges is not None and not _covers(ranges, {ord("A")}):
            declarations = FONT_FAMILY.sub(
                lambda m: f'{m["prop"]}"{m["name"]} Ext"', declarations, count=1
            )
        kept.append(f"@font-face {{{declarations}}}")
    return "\n".join(kept)


def cache_dir() -> Path:
    base = (
        os.environ.get("BOOK_PDF_CACHE")
        or os.environ.get("XDG_CACHE_HOME")
        or str(Path.home() / ".cache")
    )
    return Path(base) / "book-pdf" if not os.environ.get("BOOK_PDF_CACHE") else Path(base)


class LocalFontCacheFetcher(URLFetcher):
    """file: and data: URLs only; woff2 fonts come back as cached TrueType."""

    def __init__(self, cache: Path | None = None) -> None:
        super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=False)
        self.cache = cache or cache_dir()

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        if url.startswith("file:") and url.split("?")[0].endswith(".woff2"):
            path = Path(url2pathname(url.split("?")[0].removeprefix("file:")))
            return URLFetcherResponse(
                url, truetype_of(path, self.cache), headers={"Content-Type": "font/ttf"}
            )
        return super().fetch(url, headers)


def truetype_of(woff2_path: Path, cache: Path) -> bytes:
    """The TrueType data of a woff2 file, unpacked once per distinct file content."""
    data = woff2_path.read_bytes()
    source = hashlib.sha256(data).hexdigest()[:32]
    cached = _verified_cache_entry(cache, source)
    if cached is not None:
        return cached
    font = _decompress(data)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        target = cache / f"{source}-{hashlib.sha256(font).hexdigest()[:32]}.ttf"
        partial = target.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(font)
        partial.replace(target)
    except OSError:
        pass  # a read-only home only costs speed
    return font


def _decompress(data: bytes) -> bytes:
    """woff2 -> TrueType: woff2_decompress when installed (and it succeeds), else fontTools."""
    tool = shutil.which(WOFF2_DECOMPRESS)
    if tool:
        with tempfile.TemporaryDirectory(prefix="book-pdf-font-") as folder:
            source = Path(folder) / "font.woff2"
            source.write_bytes(data)
            result = subprocess.run([tool, str(source)], capture_output=True, check=False)
            target = source.with_suffix(".ttf")
            if result.returncode == 0 and target.is_file():
                return target.read_bytes()
    out = io.BytesIO()
    woff2.decompress(io.BytesIO(data), out)
    return out.getvalue()


def _verified_cache_entry(cache: Path, source: str) -> bytes | None:
    """The cached TrueType for a woff2 content hash, if one is there whole: the hash of its
    content must match the one in its name. Anything else cached for that source is removed."""
    for path in sorted(cache.glob(f"{source}-*.ttf")) if cache.is_dir() else []:
        font = path.read_bytes()
        if path.stem == f"{source}-{hashlib.sha256(font).hexdigest()[:32]}":
            return font
        try:
            path.unlink()  # truncated or corrupted: rebuilt below
        except OSError:
            pass
    return None


def _unicode_ranges(rule) -> list[tuple[int, int]] | None:
    for declaration in tinycss2.parse_blocks_contents(
        rule.content, skip_comments=True, skip_whitespace=True
    ):
        if declaration.type == "declaration" and declaration.lower_name == "unicode-range":
            ranges = []
            for match in UNICODE_RANGE.finditer(tinycss2.serialize(declaration.value)):
                start = match["start"]
                end = match["end"] or start.replace("?", "F")
                ranges.append((int(start.replace("?", "0"), 16), int(end, 16)))
            return ranges
    return None


def _covers(ranges: list[tuple[int, int]] | None, characters: set[int]) -> bool:
    if ranges is None:
        return True
    return any(start <= c <= end for c in characters for start, end in ranges)
