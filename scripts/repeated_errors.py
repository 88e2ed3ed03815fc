"""Show a build error again when MkDocs would hide it as a repeat (`mkdocs serve`).

MkDocs' command line puts a `DuplicateFilter` on its build logger, which drops a message it has
logged before in the same process. Under `mkdocs serve` a second save of the same broken
references.bib (or chapter) then prints only "Aborted with a BuildError!", without the located
message that says what to fix. `on_build_error` runs just before MkDocs logs the error; when the
filter already holds that message, this logs it through the hook's own logger instead, so every
failed rebuild shows it exactly once.
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import BuildError
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import DuplicateFilter

BUILD_LOGGER = "mkdocs.commands.build"  # the logger MkDocs reports a BuildError on

log = get_plugin_logger("citations")


def show_if_repeated(error: BaseException) -> bool:
    """Log `error` here if MkDocs' duplicate filter would swallow it; True when it did."""
    if not isinstance(error, BuildError):
        return False
    message = str(error)
    for duplicates in logging.getLogger(BUILD_LOGGER).filters:
        if isinstance(duplicates, DuplicateFilter) and message in duplicates.msgs:
            log.error(message)
            return True
    return False
