"""The citation feature's Jinja templates: where they live and what they are called.

They are in overrides/partials/citations/, so a site can override any of them in its theme's
custom_dir; the project's own copies are the fallback (`theme_environment`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig

TEMPLATE_DIR = Path(__file__).resolve().parent.parent.parent / "overrides"
CITATION_TEMPLATE = "partials/citations/citation.html"
REFERENCE_TEMPLATE = "partials/citations/reference.html"
REFERENCES_TEMPLATE = "partials/citations/references.html"
FURTHER_READING_TEMPLATE = "partials/citations/further-reading.md"
FURTHER_READING_GROUP_TEMPLATE = "partials/citations/further-reading-group.html"


def template_environment(dirs: Sequence[str | Path] = (TEMPLATE_DIR,)) -> jinja2.Environment:
    """A Jinja environment over `dirs` with autoescape (tests; the hook uses the theme's loader)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]), autoescape=True
    )


def theme_environment(config: MkDocsConfig) -> jinja2.Environment:
    """The theme's templates (so a site's overrides/ wins) with this project's partials as a
    fallback (a site without them still builds), autoescape switched on."""
    env = config.theme.get_env()
    theme_loaders = [env.loader] if env.loader is not None else []
    env.loader = jinja2.ChoiceLoader([*theme_loaders, jinja2.FileSystemLoader(str(TEMPLATE_DIR))])
    env.autoescape = True
    return env
