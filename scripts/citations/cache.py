"""A disk cache of the prepared bibliography, so a fresh `mkdocs build` skips parsing and
formatting references.bib when neither it nor the citation templates changed.

Parsing, labelling and formatting 2,000 entries takes a few tenths of a second; a warm build
skips it. The cache lives where Material for
MkDocs keeps its own plugin caches, `.cache/` next to mkdocs.yml (never in docs/), in one file
named by a hash of everything it depends on: the .bib bytes, the reference template's source,
this package's source code and the installed parser packages (so editing or upgrading any of them
invalidates it). Any problem with the cache (unreadable, corrupt,
read-only folder) only means it is rebuilt or not kept; the build never depends on it.

What is read back is verified: every file and every stored result carries the SHA-256 of its
pickled bytes, so a damaged entry (a flipped bit that still unpickles to a plausible page) is
recomputed and written again, never served build after build.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import jinja2

from .policy import Policy
from .templates import REFERENCE_TEMPLATE

if TYPE_CHECKING:  # imported where used: a build whose results are all cached needs neither
    from .bibliography import Bibliography
    from .render import Prepared, Styler

CACHE_FORMAT = "citations-cache-2"
CACHE_FOLDER = Path(".cache") / "citations"
PACKAGE_DIR = Path(__file__).resolve().parent


def cache_key(
    content: bytes, env: jinja2.Environment, templates: list[str], policy: Policy = Policy()
) -> str:
    digest = hashlib.sha256(repr(policy).encode())
    for part in (CACHE_FORMAT, *map(installed_version, ("bibtexparser", "pylatexenc", "jinja2"))):
        digest.update(part.encode() + b"\0")
    digest.update(content)
    for module in sorted(PACKAGE_DIR.glob("*.py")):
        digest.update(b"\0" + module.read_bytes())
    for name in templates:
        source, _filename, _uptodate = env.loader.get_source(env, name)  # type: ignore[union-attr]  # templates.py sets a loader
        digest.update(b"\0" + name.encode() + b"\0" + source.encode())
    return digest.hexdigest()


def installed_version(package: str) -> str:
    """Which copy of `package` is installed: its location and stamp, without importing it
    (a warm build never imports bibtexparser or coloraide) and without
    importlib.metadata, which searches the whole of site-packages for one package."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return f"{package}: none"
    stamp = Path(spec.origin).stat()
    return f"{spec.origin}:{stamp.st_size}:{stamp.st_mtime_ns}"


Sealed = tuple[bytes, bytes]  # (SHA-256 of the payload, pickled payload)


def seal(value: object) -> Sealed:
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return hashlib.sha256(payload).digest(), payload


def unseal(sealed: object) -> object | None:
    """The value, if `sealed` is intact; None for anything damaged or of another format."""
    if not (
        isinstance(sealed, tuple)
        and len(sealed) == 2
        and all(isinstance(part, bytes) for part in sealed)
    ):
        return None
    digest, payload = sealed
    if hashlib.sha256(payload).digest() != digest:
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # noqa: BLE001 - intact bytes of something unreadable here: recompute
        return None


def load(folder: Path, key: str) -> tuple[Bibliography, Prepared] | None:
    from .bibliography import Bibliography
    from .render import Prepared

    try:
        data = (folder / f"{key}.pickle").read_bytes()
    except OSError:
        return None
    found = unseal((data[:32], data[32:]))  # a broken or damaged cache file is simply rebuilt
    if not (isinstance(found, tuple) and len(found) == 2):
        return None
    bibliography, prepared = found
    if not isinstance(bibliography, Bibliography) or not isinstance(prepared, Prepared):
        return None
    return bibliography, prepared


def store(folder: Path, key: str, bibliography: Bibliography, prepared: Prepared) -> None:
    """Write atomically and keep only this version; failing to write is not an error."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        digest, payload = seal((bibliography, prepared))
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(digest + payload)
        Path(temporary).replace(folder / f"{key}.pickle")
        for old in folder.glob("*.pickle"):
            if old.name != f"{key}.pickle":
                old.unlink(missing_ok=True)
    except OSError:
        return


_MEMORY: dict[str, tuple[Bibliography, Prepared]] = {}


class BibliographySource:
    """references.bib for one build: parsed and formatted only when something needs it, and
    then taken from memory or the disk cache when possible (a build whose results are all
    cached never parses it at all). A file with problems is never cached; its `diagnostics`
    say what is wrong. `key` identifies the prepared data ("" when the file is unreadable).
    """

    def __init__(
        self,
        bib_path: Path,
        display_name: str,
        env: jinja2.Environment,
        project_dir: Path,
        policy: Policy = Policy(),
    ) -> None:
        self.bib_path, self.display_name, self.env, self.policy = (
            bib_path,
            display_name,
            env,
            policy,
        )
        self.folder = project_dir / CACHE_FOLDER
        self._loaded: tuple[Bibliography, Styler] | None = None
        self._unsaved: tuple[Bibliography, Prepared] | None = None
        try:
            self.content = bib_path.read_bytes()
        except OSError:
            self.content, self.key = b"", ""
            return
        self.key = cache_key(self.content, env, [REFERENCE_TEMPLATE], policy)

    @property
    def diagnostics(self) -> tuple:
        return self._load()[0].diagnostics

    @property
    def bibliography(self) -> Bibliography:
        return self._load()[0]

    @property
    def styler(self) -> Styler:
        return self._load()[1]

    def _load(self) -> tuple[Bibliography, Styler]:
        from .render import Styler

        if self._loaded is None:
            found = (_MEMORY.get(self.key) or load(self.folder, self.key)) if self.key else None
            if found is None:
                return self._parse()
            _MEMORY.clear()
            _MEMORY[self.key] = found
            self._loaded = (found[0], Styler(found[0], self.env, found[1]))
        return self._loaded

    def save(self) -> None:
        """Write what was parsed and prepared to the disk cache (if this process parsed it and it
        is sound), for the next build; separate so the site pass can do it after sending its result."""
        if self._unsaved is not None:
            store(self.folder, self.key, *self._unsaved)
            self._unsaved = None

    def _parse(self) -> tuple[Bibliography, Styler]:
        from .bibliography import load_bibliography
        from .render import Styler

        bibliography = load_bibliography(self.bib_path, self.display_name, self.policy)
        styler = Styler(bibliography, self.env)
        if not bibliography.diagnostics and self.key:
            prepared = styler.prepare_all()
            self._unsaved = (bibliography, prepared)
            _MEMORY.clear()
            _MEMORY[self.key] = (bibliography, prepared)
        self._loaded = (bibliography, styler)
        return self._loaded


class ResultCache:
    """Results of the citation pass (a page's RenderedPage, the Further reading page), kept on
    disk and in memory by a hash of all their inputs: the prepared bibliography's key, the
    templates they use, and the caller's own inputs (the page's Markdown, its path, ...).

    A page whose Markdown, bibliography and templates did not change is not rendered again,
    neither by the next `mkdocs build` nor by the next `serve` rebuild. All results live in one
    file, read once on the first lookup and written once by `prune()` (after a successful
    build, keeping only the results this build used): a file per page cost a cold build more
    in file creation than rendering the page does. Each result in it is sealed with its own
    checksum and unpickled only when asked for; a damaged one counts as missing, and the file
    is written again without it.
    """

    _memory: ClassVar[dict[str, object]] = {}  # shared by every instance in this process
    FILE_NAME = "results.pickle"

    def __init__(
        self, project_dir: Path, base_key: str, env: jinja2.Environment, templates: list[str]
    ) -> None:
        self.folder = project_dir / CACHE_FOLDER / "results"
        self.enabled = bool(base_key)
        digest = hashlib.sha256(base_key.encode())
        for name in templates:
            source, _filename, _uptodate = env.loader.get_source(env, name)  # type: ignore[union-attr]  # templates.py sets a loader
            digest.update(b"\0" + source.encode())
        self.base = digest.hexdigest()
        self.used: set[str] = set()
        self._stored: dict[str, Sealed] | None = None
        self._saved: set[str] = set()  # written to the file by the site pass's own process
        self._changed = False

    def key(self, *parts: str) -> str:
        digest = hashlib.sha256(self.base.encode())
        for part in parts:
            digest.update(b"\0" + part.encode())
        return digest.hexdigest()

    def get(self, key: str) -> object | None:
        if not self.enabled:
            return None
        self.used.add(key)
        if key in self._memory:
            return self._memory[key]
        stored = self._on_disk()
        if key not in stored:
            return None
        value = unseal(stored[key])
        if value is None:  # damaged: recomputed by the caller, and the file written again
            del stored[key]
            self._changed = True
            return None
        self._memory[key] = value
        return value

    def put(self, key: str, value: object, *, saved: bool = False) -> None:
        """Keep `value`; `saved` says the file already holds it (the site pass's own process
        wrote it: see site.py), so it is no reason to write the file again."""
        if not self.enabled:
            return
        self.used.add(key)
        self._memory[key] = value
        if saved:
            self._saved.add(key)
        else:
            self._changed = True

    def prune(self) -> None:
        """Forget the results this build did not use; save the rest (only if anything changed)."""
        for key in [k for k in self._memory if k not in self.used]:
            del self._memory[key]
        if not self.enabled:
            return
        kept = [key for key in sorted(self.used) if key in self._memory]
        stored = self._stored
        if not self._changed and (stored is None or set(kept) == stored.keys() | self._saved):
            return  # all came from memory (a `serve` rebuild) or from an identical file
        entries = {key: (stored or {}).get(key) or seal(self._memory[key]) for key in kept}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(entries, stream, protocol=pickle.HIGHEST_PROTOCOL)
            Path(temporary).replace(self.folder / self.FILE_NAME)
            self._stored, self._saved, self._changed = entries, set(), False
            for stale in self.folder.glob(
                "*.pickle"
            ):  # one file per result, as older versions kept
                if stale.name != self.FILE_NAME:
                    stale.unlink(missing_ok=True)
        except OSError:
            return

    def _on_disk(self) -> dict[str, Sealed]:
        if self._stored is None:
            try:
                with (self.folder / self.FILE_NAME).open("rb") as stream:
                    stored = pickle.load(stream)
            except Exception:  # noqa: BLE001 - missing or broken: compute again
                stored = {}
            self._stored = stored if isinstance(stored, dict) else {}
        return self._stored
