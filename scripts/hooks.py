"""MkDocs hooks for Alignment Explained (placeholder until the citation hook lands)."""
from __future__ import annotations

from mkdocs.structure.files import File, Files


def on_files(files: Files, *, config) -> Files:
    files.append(File.generated(config, "further-reading.md", content="# Further reading\n\nComing soon.\n"))
    return files
