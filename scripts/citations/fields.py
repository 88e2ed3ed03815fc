r"""What BibTeX and biblatex fields mean, for an entry's raw (LaTeX) fields: entry types, the
Further reading kind an entry belongs to when it does not say, the year (`year` or biblatex's
`date`), DOIs, arXiv ids and page ranges, in the shapes real files write them.

    >>> infer_kind("misc", {"eprint": "1606.06565", "archiveprefix": "arXiv"})
    'paper'
    >>> year_from_date("2019-03-01/2020-06")
    '2019–2020'
    >>> exact_date("2026-08-26"), exact_date("2026-08"), exact_date("2026"), exact_date("2026-02-30")
    ((2026, 8, 26), (2026, 8, None), None, None)
    >>> normalise_doi("https://doi.org/10.1000/A\\_B"), normalise_doi("10/fvn296")
    ('10.1000/A_B', '10/fvn296')
    >>> arxiv_id({"eprint": "arXiv:1606.06565v2"})
    '1606.06565v2'
    >>> page_range("4299-4307"), page_range("xi-xv"), page_range("e1002")
    ('4299–4307', 'xi–xv', 'e1002')
"""

from __future__ import annotations

import datetime
import difflib
import functools
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from .urls import unescape

BIBTEX_TYPES = frozenset(
    """
    article book booklet conference inbook incollection inproceedings manual mastersthesis misc
    phdthesis proceedings techreport unpublished""".split()
)
BIBLATEX_TYPES = frozenset(
    """
    article book mvbook inbook bookinbook suppbook booklet collection mvcollection incollection
    suppcollection dataset manual misc online patent periodical suppperiodical proceedings
    mvproceedings inproceedings reference mvreference inreference report set software thesis
    unpublished xdata electronic www artwork audio bibnote commentary image jurisdiction
    legislation legal letter movie music performance review standard video customa customb
    customc customd custome customf""".split()
)
OTHER_KNOWN_TYPES = frozenset(
    {"webpage", "preprint", "presentation", "lecture", "podcast", "blog", "post"}
)
KNOWN_TYPES = BIBTEX_TYPES | BIBLATEX_TYPES | OTHER_KNOWN_TYPES

# Field names real files use: BibTeX's, biblatex's (data model, aliases, custom fields), and
# those exporters add (Zotero/Better BibTeX, BibDesk, JabRef, Mendeley, DBLP, ACM, AMS,
# arXiv), plus this site's `kind`. An unknown field is ignored like any other; one that is
# a near miss of a known name (`titel`, `archivePrefx`) is reported (`near_miss`).
BIBTEX_FIELDS = frozenset(
    """
    address annote author booktitle chapter crossref edition editor howpublished institution
    journal key month note number organization pages publisher school series title type volume
    year""".split()
)
BIBLATEX_FIELDS = frozenset(
    """
    abstract addendum afterword annotation annotator authortype bookauthor bookpagination
    booksubtitle booktitleaddon commentator date day doi editora editorb editorc editortype
    editoratype editorbtype editorctype eid endday endmonth endyear entryset entrysubtype eprint
    eprintclass eprinttype eventdate eventtitle eventtitleaddon execute file foreword gender
    holder ids indexsorttitle indextitle introduction isan isbn ismn isrn issn issue
    issuesubtitle issuetitle issuetitleaddon iswc journalsubtitle journaltitle
    journaltitleaddon keywords label langid langidopts language library location mainsubtitle
    maintitle maintitleaddon nameaddon options origdate origlanguage origlocation origpublisher
    origtitle pagetotal pagination part presort pubstate related relatedoptions relatedstring
    relatedtype reprinttitle shortauthor shorteditor shorthand shorthandintro shortjournal
    shortseries shorttitle sortkey sortname sortshorthand sorttitle sortyear subtitle
    titleaddon translator url urldate venue version volumes xdata xref
    archiveprefix primaryclass pdf hyphenation
    lista listb listc listd liste listf usera userb userc userd usere userf verba verbb verbc
    namea nameb namec nameatype namebtype namectype""".split()
)
EXPORTER_FIELDS = frozenset(
    """
    affiliation contents copyright lccn mrnumber mrclass mrreviewer fjournal coden zblnumber
    price size issue_date numpages articleno acmid biburl bibsource timestamp ee pmid pmcid
    arxivid archive archive_location callnumber rights extra shortjournal abstractnote
    local-url uri date-added date-modified modifiedby read rating owner groups ranking priority
    readstatus qualityassured printed relevance comment creationdate modificationdate
    mendeley-groups mendeley-tags keyword kind""".split()
)
KNOWN_FIELDS = BIBTEX_FIELDS | BIBLATEX_FIELDS | EXPORTER_FIELDS
KNOWN_FIELDS_SORTED = tuple(sorted(KNOWN_FIELDS))  # a stable order for near_miss
# A field with a number (BibDesk's bdsk-url-1, bdsk-file-2; url2, isbn13) or an exporter's
# namespace (JabRef's comment-jane, BibDesk's bdsk-..., Mendeley's, x-...): someone's own field.
NUMBERED_OR_CUSTOM_FIELD = re.compile(
    r"(?x) ^ (?: [a-z-]+ [-_]? \d+ | (?: bdsk | comment | mendeley | x ) - [\w-]+ ) $"
)
NEAR_MISS_RATIO = 0.8

PAPER_TYPES = frozenset(
    """
    article inproceedings conference incollection inbook bookinbook suppbook suppcollection
    inreference phdthesis mastersthesis thesis techreport report unpublished preprint
    suppperiodical""".split()
)
BOOK_TYPES = frozenset(
    "book mvbook collection mvcollection proceedings mvproceedings booklet manual reference mvreference periodical".split()
)
VIDEO_TYPES = frozenset({"video", "movie"})
WEB_TYPES = frozenset({"misc", "online", "www", "electronic", "webpage", "preprint"})
VIDEO_WORDS = re.compile(r"(?ix) \b (?: video | youtube | vimeo | recorded \s+ talk ) \b")
VIDEO_HOSTS = ("youtube.com", "youtu.be", "vimeo.com")

DOI_PREFIX = re.compile(
    r"(?ix) ^ (?: (?: https? :// )? (?: dx\. )? doi\.org / | doi \s* : \s* | doi \s+ )"
)
DOI_SHAPE = re.compile(r"(?x) ^ (?: 10\.\d{4,9} / \S+ | 10 / [A-Za-z0-9]+ ) $")
ARXIV_PREFIX = re.compile(r"(?ix) ^ arxiv \s* : \s*")
DATE = re.compile(
    r"""(?x) ^ (?P<start> \d{4} ) (?: - \d{2} (?: - \d{2} )? )? [~?%]?
        (?: / (?: (?P<end> \d{4} ) (?: - \d{2} (?: - \d{2} )? )? [~?%]? | \.\. )? )? $"""
)
DAY_OR_MONTH = re.compile(r"(?x) (?P<year> \d{4} ) - (?P<month> \d{2} ) (?: - (?P<day> \d{2} ) )?")
PAGE = r"(?: [A-Za-z]{0,3} \d+ [A-Za-z]? | [ivxlcdm]+ | [IVXLCDM]+ )"
PAGE_RANGE = re.compile(
    rf"(?x) (?<! [\w.] ) (?P<first> {PAGE} ) \s* [-–—]+ \s* (?P<last> {PAGE} ) (?! [\w.] )"
)


def infer_kind(entry_type: str, fields: Mapping[str, str]) -> str:
    """The Further reading group for an entry without `kind`: papers (articles, proceedings,
    chapters, theses, reports; a web or misc entry with a DOI or arXiv id), books, videos
    (when type or fields say so), and articles and posts (web pages, everything else)."""
    if entry_type in VIDEO_TYPES or _says_video(fields):
        return "video"
    if entry_type in PAPER_TYPES:
        return "paper"
    if entry_type in BOOK_TYPES:
        return "book"
    if entry_type in WEB_TYPES and (fields.get("doi") or arxiv_id(fields)):  # a preprint
        return "paper"
    return "article"


def _says_video(fields: Mapping[str, str]) -> bool:
    described = " ".join(
        fields.get(name, "") for name in ("howpublished", "type", "entrysubtype", "note")
    )
    if VIDEO_WORDS.search(described):
        return True
    host = urlsplit(unescape(fields.get("url", "").split(" ")[0])).netloc.lower()
    return any(host == site or host.endswith("." + site) for site in VIDEO_HOSTS)


def year_from_date(date: str) -> str | None:
    """The year part of a biblatex `date` (ISO 8601 / EDTF: `2019`, `2019-03-01`, ranges
    `2019/2020`, open `2019/`, circa `2019~`), or None when it is not such a date."""
    match = DATE.match(date.strip())
    if not match:
        return None
    start, end = match.group("start"), match.group("end")
    if date.strip().endswith(("/", "/..")):
        return f"{start}–"
    return f"{start}–{end}" if end and end != start else start


def exact_date(date: str) -> tuple[int, int, int | None] | None:
    """(year, month, day) of a biblatex `date` given to the month (`2026-08`, day None) or the
    day (`2026-08-26`); None for a year alone, a range, an approximate or uncertain date (EDTF
    `~ ? %`), a month or day the calendar does not have, and anything else."""
    match = DAY_OR_MONTH.fullmatch(date.strip())
    if not match or not is_calendar_date(date):
        return None
    day = match.group("day")
    return int(match.group("year")), int(match.group("month")), int(day) if day else None


def is_calendar_date(date: str) -> bool:
    """Whether `date` is a biblatex date (year_from_date) whose every month and day exist:
    `2026-02-29` and `2026-13` are not, though they have the shape of one."""
    if year_from_date(date) is None:
        return False
    for match in DAY_OR_MONTH.finditer(date):
        year, month, day = match.group("year", "month", "day")
        try:
            datetime.date(max(int(year), 1), int(month), int(day or 1))
        except ValueError:
            return False
    return True


def normalise_doi(value: str) -> str:
    """The DOI itself: `https://doi.org/`, `doi:` prefixes and LaTeX escapes removed."""
    return DOI_PREFIX.sub("", unescape(value)).strip()


def is_doi(doi: str) -> bool:
    return bool(DOI_SHAPE.match(doi))


def arxiv_id(fields: Mapping[str, str]) -> str:
    """The arXiv identifier of an `eprint` marked as arXiv (archiveprefix, eprinttype, or an
    `arXiv:` prefix), with any version suffix (`v2`) kept: the entry names that version."""
    eprint = unescape(fields.get("eprint", ""))
    kind = (fields.get("archiveprefix") or fields.get("eprinttype") or "").strip().lower()
    if kind == "arxiv" or ARXIV_PREFIX.match(eprint):
        return ARXIV_PREFIX.sub("", eprint).strip()
    return ""


def page_range(pages: str) -> str:
    """Ranges with an en dash, however they were written (`1-10`, `1--10`, `1 - 10`)."""
    if "-" not in pages and "—" not in pages and "–" not in pages:
        return pages
    return PAGE_RANGE.sub(lambda m: f"{m.group('first')}–{m.group('last')}", pages)


@functools.lru_cache(maxsize=1024)
def near_miss(name: str) -> str | None:
    """The known field name that the unknown field `name` (lower case) is a misspelling of
    (`titel` → title, `archiveprefx` → archiveprefix, `yaer` → year), else None.

    >>> near_miss("titel"), near_miss("archiveprefx"), near_miss("yaer"), near_miss("title")
    ('title', 'archiveprefix', 'year', None)
    >>> near_miss("bdsk-url-2"), near_miss("isbn13"), near_miss("researchgate")
    (None, None, None)
    """
    if name in KNOWN_FIELDS or NUMBERED_OR_CUSTOM_FIELD.match(name):
        return None
    for known in KNOWN_FIELDS_SORTED:  # a transposition: `yaer`, `jounral`
        if len(known) == len(name) and sorted(known) == sorted(name) and _transposed(known, name):
            return known
    close = difflib.get_close_matches(name, KNOWN_FIELDS_SORTED, n=1, cutoff=NEAR_MISS_RATIO)
    return close[0] if close else None


def _transposed(known: str, name: str) -> bool:
    """`name` is `known` with two neighbouring letters swapped."""
    differ = [i for i, (a, b) in enumerate(zip(known, name, strict=True)) if a != b]
    return len(differ) == 2 and differ[1] == differ[0] + 1
