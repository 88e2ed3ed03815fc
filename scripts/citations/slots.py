"""The stand-ins a page carries between the citation pass and the finished page, and how they
are filled: all a build needs of the citation feature once the pass's results are known (a
warm build takes them from the cache and never imports the parsing or rendering modules).

    x{word}slot3x, <span data-{word}-slot="3"></span>   a citation in the Markdown (render.py)
    <!--{word}:3-->(Russell, 2019)                      after `fill_slots`: the plain text, after
                                                        the marker of its late slot
    <!--{word}-late:9-->                                the References list, likewise
    the full citation with its tooltip, the list        after `fill_late_slots`, in the page

The search plugin indexes page.content without the markers (`without_markers`): each one would
split a text node in two, and its parser's cost is per node.

`word` is "citation" unless the page itself contains such a stand-in (`slot_word`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .diagnostics import Diagnostic

SLOT_WORD = "citation"
ANCHOR_OPEN = re.compile(r"(?x) <a (?= [\s>] )")


@functools.cache
def slot_patterns(word: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The slot token, the heading slot and the late-slot comment for a page's slot word.
    Each starts with a literal (`_matches` finds it with str.find, which is faster than the
    regex engine's own search over a long page)."""
    return (
        re.compile(rf"x{word}slot(?P<n>\d+)x"),
        re.compile(rf'<span data-{word}-slot="(?P<n>\d+)"></span>'),
        re.compile(rf"""(?x) <!--{word} (?:
            -late: (?P<block>\d+)                  # References / Further reading list
          | : (?P<inline>\d+)                      # a citation's plain-text stand-in follows
        ) -->"""),
    )


def slot_word(markdown: str) -> str:
    """ "citation", unless the page contains a stand-in made with it: then "citation1", ..."""
    word, n = SLOT_WORD, 0
    while (
        f"x{word}slot" in markdown or f"<!--{word}" in markdown or f"data-{word}-slot" in markdown
    ):
        n += 1
        word = f"{SLOT_WORD}{n}"
    return word


@dataclass
class LateSlots:
    """What `fill_late_slots` puts in: `html[n]` replaces marker n and the plain-text stand-in
    that follows it (`stand_ins[n]`, empty for the lists)."""

    html: list[str]
    stand_ins: list[str]
    word: str = SLOT_WORD

    def __len__(self) -> int:
        return len(self.html)

    def __getitem__(self, index: int) -> str:
        return self.html[index]


@dataclass
class RenderedPage:
    """A page after the citation pass: Markdown with slots, their HTML, and any problems."""

    markdown: str
    slots: list[str]  # citations: filled into the page content (on_env)
    late_slots: (
        LateSlots  # full citations and the References list: filled into the output (on_post_page)
    )
    cited: list[str]
    diagnostics: list[Diagnostic]

    @property
    def word(self) -> str:
        return self.late_slots.word


def fill_slots(html: str, slots: Sequence[str], word: str = SLOT_WORD) -> str:
    """Put each citation's HTML where its slot ended up after Markdown conversion. A slot
    inside a tag (an attribute) or inside a link's text gets the citation's plain text only:
    a link and tooltip there would break the markup."""
    if not slots:
        return html
    slot, heading_slot, _late = slot_patterns(word)
    pieces: list[str] = []
    position = 0
    anchors = 0  # <a> elements open at `position`
    for found in _slots_in_order(html, word, slot, heading_slot):
        n = int(found.group("n"))
        if n >= len(slots):
            continue  # not one of ours (another plugin's text): leave it
        anchors += len(ANCHOR_OPEN.findall(html, position, found.start())) - html.count(
            "</a>", position, found.start()
        )
        pieces.append(html[position : found.start()])
        pieces.append(
            _plain(slots[n], word) if anchors > 0 or _in_tag(html, found.start()) else slots[n]
        )
        position = found.end()
    pieces.append(html[position:])
    return "".join(pieces)


def _slots_in_order(
    html: str, word: str, slot: re.Pattern[str], heading_slot: re.Pattern[str]
) -> list[re.Match[str]]:
    found = list(_matches(html, f"x{word}slot", slot))
    if "-slot=" in html:
        found += _matches(html, f"<span data-{word}-slot=", heading_slot)
        found.sort(key=lambda match: match.start())
    return found


def _matches(html: str, literal: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(html)` for a pattern that starts with `literal`."""
    start = html.find(literal)
    while start != -1:
        found = pattern.match(html, start)
        if found:
            yield found
        start = html.find(literal, found.end() if found else start + 1)


def _in_tag(html: str, offset: int) -> bool:
    return html.rfind("<", 0, offset) > html.rfind(">", 0, offset)


def _plain(filled: str, word: str) -> str:
    """A slot's content without the marker that would turn it into a link later."""
    return slot_patterns(word)[2].sub("", filled)


def without_markers(html: str, word: str = SLOT_WORD) -> str:
    """`html` without its late-slot markers (the plain-text stand-ins stay)."""
    pieces: list[str] = []
    position = 0
    for marker in _matches(html, f"<!--{word}", slot_patterns(word)[2]):
        pieces.append(html[position : marker.start()])
        position = marker.end()
    pieces.append(html[position:])
    return "".join(pieces)


def fill_late_slots(html: str, slots: LateSlots | Sequence[str]) -> str:
    """Put the full citations (with their tooltips) and the lists into the finished page.

    They are left out of `page.content` on purpose: the search plugin parses every page's
    content in pure Python, and the citation markup and tooltips would multiply its work. The
    content has each citation as plain text instead, so search still finds "Russell, 2019".
    A stand-in that is not found as expected (another plugin changed it) is left untouched.
    """
    if not slots:
        return html
    late_slots = (
        slots if isinstance(slots, LateSlots) else LateSlots(list(slots), [""] * len(slots))
    )
    pieces: list[str] = []
    position = 0
    for match in _matches(html, f"<!--{late_slots.word}", slot_patterns(late_slots.word)[2]):
        n = int(match.group("block") or match.group("inline"))
        if n >= len(late_slots):
            continue
        stand_in = late_slots.stand_ins[n] if match.group("inline") else ""
        end = match.end() + len(stand_in)
        if not html.startswith(stand_in, match.end()):
            continue
        pieces.append(html[position : match.start()])
        pieces.append(late_slots.html[n])
        position = end
    pieces.append(html[position:])
    return "".join(pieces)
