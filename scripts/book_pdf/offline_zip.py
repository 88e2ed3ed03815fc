"""A zip of the built site for reading offline: unzip, open index.html, search works.

It holds every file a page of the site can load (the PDF too, when it was built first) under one
top folder, and not:
- itself (builds do not nest zips), and no link to itself: links to the zip, and elements marked
  with the class `offline-zip` (a link with its separator or sentence), are cut out of the
  zipped pages, which are otherwise copied byte for byte;
- source maps (`*.map`: only a browser's developer tools read them);
- the 404 page: only a web server shows it, and MkDocs writes its URLs from the published root
  (`/alignment-explained/...`), so opened from a folder it came out unstyled;
- the search language files that Material's search worker does not load for the site's
  languages (`search/search_index.json`'s config.lang), e.g. the Thai word splitter for an
  English site. The rule is the worker's own: `tinyseg.js` for Japanese, `wordcut.js` for Hindi
  and Thai, `lunr.<lang>.min.js` for each language but English, `lunr.multi` for more than one,
  `lunr.stemmer.support` whenever any of these is loaded.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from site_text import VOID_TAGS

ZIP_NAME = "alignment-explained-offline.zip"
TOP_FOLDER = "alignment-explained"
ZIP_ONLY_CLASS = "offline-zip"  # an element that makes sense only where the zip is
SERVER_ONLY_PAGES = {"404.html"}
LUNR_FOLDER = "assets/javascripts/lunr"
SEARCH_INDEX = "search/search_index.json"


def build_offline_zip(site_dir: Path, out: Path | None = None) -> Path:
    """Write the zip (default: <site_dir>/alignment-explained-offline.zip) and return its path."""
    import zipfile  # here, not at the top: `python -m book_pdf` without --zip never needs it

    site_dir = Path(site_dir).resolve()
    out = (Path(out) if out else site_dir / ZIP_NAME).resolve()
    partial = out.with_name(out.name + ".part")
    files = sorted(p for p in site_dir.rglob("*") if p.is_file() and p not in (out, partial))
    unused = unused_search_files(site_dir)
    with zipfile.ZipFile(
        partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6
    ) as archive:
        for path in files:
            relative = path.relative_to(site_dir).as_posix()
            if path.suffix == ".map" or relative in unused or relative in SERVER_ONLY_PAGES:
                continue
            name = f"{TOP_FOLDER}/{relative}"
            if path.suffix == ".html":
                archive.writestr(
                    name, without_zip_links(path.read_text(encoding="utf-8"), out.name)
                )
            else:
                archive.write(path, name)
    partial.replace(out)
    return out


def unused_search_files(site_dir: Path) -> set[str]:
    """Site-relative paths of the search language files no page's search worker loads."""
    folder = site_dir / LUNR_FOLDER
    if not folder.is_dir():
        return set()
    try:
        config = json.loads((site_dir / SEARCH_INDEX).read_text(encoding="utf-8"))["config"]
        languages = list(config["lang"])
    except (OSError, ValueError, KeyError, TypeError):
        return set()  # no readable search config: keep every file, to be safe
    loaded = {f"min/lunr.{lang}.min.js" for lang in languages if lang != "en"}
    if "ja" in languages:
        loaded.add("tinyseg.js")
    if {"hi", "th"} & set(languages):
        loaded.add("wordcut.js")
    if len(languages) > 1:
        loaded.add("min/lunr.multi.min.js")
    if loaded:
        loaded.add("min/lunr.stemmer.support.min.js")
    return {
        f"{LUNR_FOLDER}/{p.relative_to(folder).as_posix()}"
        for p in folder.rglob("*")
        if p.is_file() and p.relative_to(folder).as_posix() not in loaded
    }


def without_zip_links(html: str, zip_name: str = ZIP_NAME) -> str:
    """The page with every link to the zip, and every element of class `offline-zip`, cut out;
    the rest of the text is kept exactly as it was (it is not re-serialised)."""
    finder = _ZipLinkFinder(zip_name)
    finder.feed(html)
    finder.close()
    offsets = _line_offsets(html)
    kept, position = [], 0
    for (start_line, start_col), (end_line, end_col) in sorted(finder.spans):
        start = offsets[start_line - 1] + start_col
        if start < position:
            continue  # inside a span already cut
        kept.append(html[position:start])
        position = html.index(">", offsets[end_line - 1] + end_col) + 1  # past the end tag
    kept.append(html[position:])
    return "".join(kept)


class _ZipLinkFinder(HTMLParser):
    """Collects where each element to cut starts and where its end tag starts, as (line,
    column) pairs of the input."""

    def __init__(self, zip_name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.zip_name = zip_name
        self.stack: list[tuple[str, tuple[int, int], bool]] = []
        self.spans: list[tuple[tuple[int, int], tuple[int, int]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            return
        values = dict(attrs)
        cut = ZIP_ONLY_CLASS in (values.get("class") or "").split() or (
            tag == "a" and (values.get("href") or "").split("#")[0].split("/")[-1] == self.zip_name
        )
        self.stack.append((tag, self.getpos(), cut))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, start, cut = self.stack.pop()
            if open_tag == tag:
                if cut:
                    self.spans.append((start, self.getpos()))
                return


def _line_offsets(text: str) -> list[int]:
    offsets, total = [0], 0
    for line in text.splitlines(keepends=True):
        total += len(line)
        offsets.append(total)
    return offsets
