"""The project as the build sees it, read without building: mkdocs.yml, the site's files and
each page's Markdown (front matter removed, with the lines it took), the way the hook reads them.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.structure.files import File, Files, get_files

from citations.site_pass import SourceText, read_sources
from source_text import Diagnostic

CONFIG_FILE = "mkdocs.yml"


@dataclass
class Project:
    """One project folder: its configuration, its files and its pages' sources."""

    root: Path
    config: MkDocsConfig
    files: Files
    pages: list[SourceText]

    def name(self, file: File) -> str:
        """How messages name a file: its path from the project folder, e.g. docs/rlhf.md."""
        return self.relative(Path(file.abs_src_path or file.src_uri))

    def relative(self, path: Path) -> str:
        return Path(os.path.relpath(path, self.root)).as_posix()


@contextmanager
def quiet_mkdocs() -> Iterator[None]:
    """MkDocs logs its own, less precise, link warnings while converting a page; the check
    reports its own messages instead."""
    logger = logging.getLogger("mkdocs")
    previous = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(previous)


def load_project(root: Path) -> tuple[Project | None, list[Diagnostic]]:
    """The project at `root`, and the pages that could not be read (not UTF-8); None with the
    reason when mkdocs.yml itself is broken."""
    config_file = root / CONFIG_FILE
    try:
        with quiet_mkdocs():
            config = load_config(str(config_file))
    except (ConfigurationError, OSError) as error:
        return None, [Diagnostic(CONFIG_FILE, 1, f"mkdocs.yml cannot be loaded: {error}")]
    files = get_files(config)
    project = Project(root, config, files, [])
    project.pages, unreadable = read_sources(files.documentation_pages(), config.nav, project.name)
    return project, unreadable
