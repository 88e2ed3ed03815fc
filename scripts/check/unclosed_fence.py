"""A pymarkdownlnt rule (loaded by markdown_lint.py) for a slip no built-in rule reports: a code
fence that is never closed, which turns the rest of the page (or of its list or box) into code.

CommonMark closes such a fence at the end of its container, so the page still renders, just
wrongly; the parser marks that end as forced, which is what this rule looks for.
"""

from __future__ import annotations

from typing import cast

from pymarkdown.plugin_manager.plugin_details import PluginDetails
from pymarkdown.plugin_manager.plugin_scan_context import PluginScanContext
from pymarkdown.plugin_manager.rule_plugin import RulePlugin
from pymarkdown.tokens.markdown_token import EndMarkdownToken, MarkdownToken


class UnclosedFence(RulePlugin):
    """Reports the opening line of every fenced code block closed by the end of its container."""

    def __init__(self) -> None:
        super().__init__()
        self.__open: list[MarkdownToken] = []

    def get_details(self) -> PluginDetails:
        return PluginDetails(
            plugin_name="unclosed-fence",
            plugin_id="AE100",
            plugin_enabled_by_default=True,
            plugin_description="Code fence is never closed",
            plugin_version="0.1.0",
            plugin_interface_version=1,
            plugin_url="CONTRIBUTING.md",
        )

    def starting_new_file(self) -> None:
        self.__open = []

    def next_token(self, context: PluginScanContext, token: MarkdownToken) -> None:
        if token.is_fenced_code_block:
            self.__open.append(token)
        elif token.is_fenced_code_block_end and self.__open:
            opening = self.__open.pop()
            if cast(EndMarkdownToken, token).was_forced:
                self.report_next_token_error(context, opening)
