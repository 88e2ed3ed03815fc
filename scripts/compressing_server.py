"""A static file server for a built site that compresses like a real host.

Why: page weight and Lighthouse scores mean little over Python's plain http.server, which sends
every file uncompressed. Hosts such as GitHub Pages, Netlify or Cloudflare send text (HTML, CSS,
JS, SVG, JSON, XML) brotli-compressed to browsers that accept it, else gzip, and fonts, images
and archives as they are (woff2 and PNG are compressed already). This server does the same, with
each compressed body made once and kept in memory. Loopback only; used by scripts/bench_pages.py.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import brotli

COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".svg", ".json", ".xml", ".txt", ".bib", ".map"}


@functools.lru_cache(maxsize=2048)
def _compressed(path: str, mtime_ns: int, encoding: str) -> bytes:
    """The file's body in one content encoding (cached by path and modification time)."""
    data = Path(path).read_bytes()
    if encoding == "br":
        return brotli.compress(data, quality=11)
    return gzip.compress(data, compresslevel=9, mtime=0)


def choose_encoding(accept_encoding: str) -> str | None:
    """brotli when the client accepts it, else gzip, else none (q=0 means refused)."""
    offered = {}
    for part in accept_encoding.split(","):
        name, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        offered[name.strip().lower()] = quality
    for encoding in ("br", "gzip"):
        if offered.get(encoding, 0) > 0:
            return encoding
    return None


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler that sends text files brotli- or gzip-compressed."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def send_head(self) -> io.BytesIO | BinaryIO | _Body | None:  # type: ignore[override]  # _Body: a one-read file
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        encoding = choose_encoding(self.headers.get("Accept-Encoding", ""))
        if path.suffix not in COMPRESSIBLE or not path.is_file() or encoding is None:
            return super().send_head()
        body = _compressed(str(path), path.stat().st_mtime_ns, encoding)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)


class _Body:
    """The file-like object send_head returns: copyfile reads it, do_GET closes it."""

    def __init__(self, data: bytes) -> None:
        self.data, self.sent = data, False

    def read(self, size: int = -1) -> bytes:
        if self.sent:
            return b""
        self.sent = True
        return self.data

    def close(self) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """A browser that closes a connection mid-file is no error worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def warm(site_dir: Path, encoding: str = "br") -> int:
    """Compress every text file of the site ahead of the first request (source maps aside, which
    no page loads); return how many. Why: a host serves a compressed file at once, but this
    server would otherwise compress it (brotli at its best, slow) on its first request, and
    Lighthouse reads that wait as the server's response time for every later request too."""
    files = [
        path
        for path in site_dir.rglob("*")
        if path.suffix in COMPRESSIBLE - {".map"} and path.is_file()
    ]
    for path in files:
        _compressed(str(path), path.stat().st_mtime_ns, encoding)
    return len(files)


@contextmanager
def serving(site_dir: Path, *, warmed: bool = False) -> Iterator[str]:
    """Serve site_dir on a free loopback port for the block; yields the base URL. `warmed`:
    compress the site's text files (brotli) before the first request."""
    if warmed:
        warm(site_dir)
    handler = functools.partial(CompressingHandler, directory=str(site_dir))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
