"""A zip of the built site for reading offline: unzip, open index.html, search works.

It holds every file of the site (the PDF too, when it was built first) under one top folder,
but never itself, so builds do not nest zips inside zips.
"""
from __future__ import annotations

from pathlib import Path

ZIP_NAME = "alignment-explained-offline.zip"
TOP_FOLDER = "alignment-explained"


def build_offline_zip(site_dir: Path, out: Path | None = None) -> Path:
    """Write the zip (default: <site_dir>/alignment-explained-offline.zip) and return its path."""
    import zipfile   # here, not at the top: `python -m book_pdf` without --zip never needs it

    site_dir = Path(site_dir).resolve()
    out = (Path(out) if out else site_dir / ZIP_NAME).resolve()
    partial = out.with_name(out.name + ".part")
    files = sorted(p for p in site_dir.rglob("*") if p.is_file() and p not in (out, partial))
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in files:
            archive.write(path, f"{TOP_FOLDER}/{path.relative_to(site_dir).as_posix()}")
    partial.replace(out)
    return out
