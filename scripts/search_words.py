"""The words that search leaves out: the search plugin's `separator`, extended so that common
words and single letters end words instead of being words.

Why. Material's search (9.8) adds a `*` to every word of a query before Lunr sees it, so each
word matches every indexed word it begins ("we" finds "weights", "went", "weak"), and Lunr runs
no pipeline on a word with a wildcard, so its stop-word filter never drops a query's "we", "it"
or "can" (`transform` in `integrations/search/query/transform/index.ts`; Lunr's
`QueryParser.parseTerm` sets `usePipeline = false` for any term with a `*`). The plugin's
`pipeline` option therefore cannot help: "can we just turn it off" put the glossary's
*Weights* first. What the plugin does apply to a query is its `separator`: each query word is
split with it before the `*` is added (`transformSearchQuery`), as the pages' text is when it is
indexed. A separator that also matches Lunr's English stop words (the same list its
`stopWordFilter` drops from the index, so no indexed word is lost) and single letters removes
them from both; "can we just turn it off" is searched as "turn", "p(doom)" as "doom".

The separator is a JavaScript regular expression without flags (Material compiles it with
`new RegExp(separator)`), so a word is matched in any case letter by letter (`[Ww][Ee]`), and
without a lookbehind (older Safari lacks it): the common word takes the non-word characters
before it along (they are separators anyway), or starts the text. A word joined to a letter,
digit or apostrophe is left whole ("it's", "we'd", "can't" stay as they are indexed).
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

# Lunr 2.3.9's English stop words (`lunr.stopWordFilter`), as in Material's search worker;
# tests/test_search_words.py checks this list against the installed worker.
STOP_WORDS = (
    "a able about across after all almost also am among an and any are as at be because been "
    "but by can cannot could dear did do does either else ever every for from get got had has "
    "have he her hers him his how however i if in into is it its just least let like likely may "
    "me might most must my neither no nor not of off often on only or other our own rather said "
    "say says she should since so some than that the their them then there these they this tis "
    "to too twas us wants was we were what when where which while who whom why will with would "
    "yet you your"
).split()

# What may not touch a common word for it to be one: letters, digits, `_` and apostrophes.
WORD_CHARACTER = r"\w'’"


def any_case(word: str) -> str:
    """A regular expression for `word` in any mix of cases, letter by letter."""
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else c for c in word)


def common_words_pattern(words: tuple[str, ...] | list[str] = STOP_WORDS) -> str:
    """A separator matching any of `words` or a single letter standing alone, with the
    non-word characters before it (or at the start of the text)."""
    alternatives = "|".join(any_case(w) for w in sorted(words, key=len, reverse=True))
    return f"(?:[^{WORD_CHARACTER}]+|^)(?:{alternatives}|[A-Za-z])(?![{WORD_CHARACTER}])"


def separator(base: str) -> str:
    """`base` (the separator in mkdocs.yml) with common words and single letters as separators
    too. Common words come first: `base` would otherwise take the spaces before one, and the
    word could no longer be told from the end of a longer one."""
    common = common_words_pattern()
    return base if common in base else f"{common}|{base}"


def searchable_words(text: str) -> list[str]:
    """The words of `text` that search keeps, lower-cased (roughly: split at anything but
    letters, digits and apostrophes; the site's separator also splits at full stops)."""
    words = re.split(rf"[^{WORD_CHARACTER}]+", text.lower(), flags=re.ASCII)
    return [w for w in words if w and w not in STOP_WORDS and not (len(w) == 1 and w.isalpha())]


@event_priority(100)  # before the search plugin's own on_config, which copies its settings
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """A hook of its own (mkdocs.yml `hooks:`): extend the search plugin's separator, if the
    site has one, in place."""
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None and plugin.config.get("separator"):
            # an item, not an attribute: the plugin reads its settings as items
            plugin.config["separator"] = separator(plugin.config["separator"])
            break
    return config
