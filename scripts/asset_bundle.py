"""One stylesheet and one script for the site's own CSS and JavaScript.

Why: a stylesheet in <head> holds back the first paint until it has arrived, and on a phone each
file is another request on a slow, high-latency network (Lighthouse's mobile run models four
times the round trip of a desktop); our seven small stylesheets and three scripts cost more in
requests than in bytes. So `mkdocs.yml` lists the sources the ordinary way (`extra_css`,
`extra_javascript`, one job a file) and the build serves each list as one file, joined in the
listed order:

    assets/stylesheets/site.<hash>.css   every extra_css file
    assets/javascripts/site.<hash>.js    every classic extra_javascript file (deferred by
                                         overrides/main.html, like Material's own bundle)

The hash is of the content, so a changed file is never read from a stale cache. `on_config`
reads the sources and puts the bundle in the lists' place; `on_files` adds it as a generated
file. The sources are still published as they are (the book reads fonts.css), but no page
links them. Scripts with `type` (modules) or `async` stay separate, after the bundle.

A bundle joins files from one folder, so a relative `url()` in a stylesheet or a script's
`document.currentScript.src` means the same in the bundle as in its source; an `@import` (which
must open a stylesheet) cannot be joined. Both stop the build with the line to fix.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from citations.diagnostics import Diagnostic, fail
from citations.policy import line_of

CSS_BUNDLE = "site.{hash}.css"
JS_BUNDLE = "site.{hash}.js"

# An @import or @charset rule at the start of a line (outside comments, which CSS files here
# write on lines of their own): it would have to open the bundle, not sit in its middle.
AT_RULE_THAT_MUST_LEAD = re.compile(r"""(?xm)
    ^ [ \t]* @(?P<rule> import | charset ) \b
""")


@dataclass(frozen=True, slots=True)
class Bundle:
    """A generated file of the site and the sources it joins."""

    uri: str
    content: str
    sources: tuple[str, ...]


def bundle_assets(config: MkDocsConfig) -> list[Bundle]:
    """Replace the stylesheets and classic scripts that mkdocs.yml lists by one bundle each (in
    the config, for the templates); return the bundles for `add_bundles`. What a theme or plugin
    added to the lists stays as it is, after the bundle. Stops the build, naming the line of
    mkdocs.yml or of the stylesheet, when a source cannot be joined."""
    docs = Path(config.docs_dir)
    problems: list[Diagnostic] = []
    bundles: list[Bundle] = []
    for setting, name, joinable in (
        ("extra_css", CSS_BUNDLE, lambda entry: True),
        ("extra_javascript", JS_BUNDLE, _is_classic),
    ):
        listed = _listed_in_config_file(config, setting)
        entries = list(config[setting])
        sources = [str(e) for e in entries if str(e) in listed and joinable(e)]
        if not sources:
            continue
        bundle = _join(docs, sources, name, setting, config, problems)
        if bundle:
            config[setting] = [bundle.uri] + [e for e in entries if str(e) not in bundle.sources]
            bundles.append(bundle)
    fail(problems)
    return bundles


def _listed_in_config_file(config: MkDocsConfig, setting: str) -> set[str]:
    """The paths the config file itself lists under `setting` (not those a theme or plugin
    added), read from its YAML nodes (no tag such as !ENV needs resolving for that)."""
    try:
        root = yaml.compose(
            Path(config.config_file_path).read_text(encoding="utf-8"), Loader=yaml.SafeLoader
        )
    except (OSError, TypeError, ValueError, yaml.YAMLError):
        return {str(entry) for entry in config[setting]}  # no file to read: a config made in code
    listed: set[str] = set()
    for key, value in root.value if isinstance(root, yaml.MappingNode) else []:
        if key.value == setting and isinstance(value, yaml.SequenceNode):
            for item in value.value:
                if isinstance(item, yaml.ScalarNode):
                    listed.add(item.value)
                elif isinstance(item, yaml.MappingNode):
                    listed.update(
                        v.value
                        for k, v in item.value
                        if k.value == "path" and isinstance(v, yaml.ScalarNode)
                    )
    return listed


def _is_classic(script: str | ExtraScriptValue) -> bool:
    """A plain `<script src>` (a string in mkdocs.yml, or a mapping without type or async)."""
    return not isinstance(script, ExtraScriptValue) or not (script.type or script.async_)


def add_bundles(files: Files, config: MkDocsConfig, bundles: list[Bundle]) -> Files:
    """The bundles as generated files of the site (after its own files, so a source of the same
    name never shadows one)."""
    for bundle in bundles:
        files.append(File.generated(config, bundle.uri, content=bundle.content))
    return files


def _join(
    docs: Path,
    sources: list[str],
    name: str,
    setting: str,
    config: MkDocsConfig,
    problems: list[Diagnostic],
) -> Bundle | None:
    """The sources joined in order into one file in their folder, or None (and problems)."""
    config_name = Path(config.config_file_path).name if config.config_file_path else "mkdocs.yml"
    where = line_of(config.config_file_path, (setting,))
    folders = {posixpath.dirname(source) for source in sources}
    if len(folders) > 1:
        problems.append(
            Diagnostic(
                config_name,
                where,
                f"{setting} lists files in {len(folders)} folders "
                f"({', '.join(sorted(f or '.' for f in folders))}); the build joins them into one "
                "file, so keep them in one folder (relative url()s and script paths must stay valid)",
            )
        )
        return None
    parts: list[str] = []
    for source in sources:
        path = docs / source
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            problems.append(
                Diagnostic(
                    config_name,
                    where,
                    f"{setting} names '{source}', which is not a file in "
                    f"{Path(config.docs_dir).name}/ (check the path, relative to the docs folder)",
                )
            )
            continue
        except (OSError, UnicodeDecodeError) as error:
            problems.append(
                Diagnostic(
                    config_name,
                    where,
                    f"{setting} names '{source}', which cannot be read as "
                    f"UTF-8 text ({error}); save it as UTF-8",
                )
            )
            continue
        if name.endswith(".css"):
            for match in AT_RULE_THAT_MUST_LEAD.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                problems.append(
                    Diagnostic(
                        f"{Path(config.docs_dir).name}/{source}",
                        line,
                        f"@{match['rule']} cannot be joined into the site's one stylesheet "
                        f"(it must open a file); list the imported file in {setting} instead",
                    )
                )
        separator = "" if name.endswith(".css") else ";"  # a script ending in an expression
        parts.append(f"/* {source} */\n{text.rstrip()}{separator}\n")
    if problems:
        return None
    content = "\n".join(parts)
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:8]
    uri = posixpath.join(folders.pop(), name.format(hash=digest))
    if uri in sources:
        problems.append(
            Diagnostic(
                config_name,
                where,
                f"{setting} names '{uri}', the name of the bundle the build makes",
            )
        )
        return None
    return Bundle(uri, content, tuple(sources))
