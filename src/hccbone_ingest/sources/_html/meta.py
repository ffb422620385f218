"""Highwire (citation_*), Dublin Core (DC.*) and PRISM meta tags, split by language.

Magtech repeats every Chinese tag with `xml:lang="en"` for the English value; the Chinese
tag's language is `zh`, `cn`, `zh-cn`, `chi` or absent. A tag without a language is taken as
Chinese when it holds Chinese script or when the same name also exists in English; otherwise
(an English-only page) it is `und`, which English lookups accept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup

from ...refs.doi import find_doi
from ...text.normalize import clean, has_cjk
from .. import _journal_fields as jf
from .dom import attr

_EN = {"en", "eng", "en-us", "en-gb"}
_ZH = {"zh", "cn", "zh-cn", "zh-hans", "chi", "zho", "chs"}

# Field -> tag names, most specific first (all lower-case).
NAMES: dict[str, tuple[str, ...]] = {
    "title": ("citation_title", "dc.title", "prism.title"),
    "journal": ("citation_journal_title", "prism.publicationname", "dc.source"),
    "author": ("citation_author", "dc.creator", "dc.contributor"),
    "authors": ("citation_authors",),
    # Not the bare `keywords`: sites fill it with their own.
    "keywords": ("citation_keywords", "dc.keywords", "dc.subject", "prism.keyword"),
    # Not the bare `description`: sites fill it with their own blurb.
    "abstract": ("citation_abstract", "dc.description"),
    "doi": ("citation_doi", "prism.doi", "dc.identifier", "bepress_citation_doi"),
    "volume": ("citation_volume", "prism.volume"),
    "issue": ("citation_issue", "prism.number", "prism.issueidentifier"),
    "first_page": ("citation_firstpage", "prism.startingpage"),
    "last_page": ("citation_lastpage", "prism.endingpage"),
    "published": ("citation_publication_date", "citation_date", "dc.date", "prism.publicationdate",
                  "prism.coverdate"),
    "online": ("citation_online_date",),
    "issn": ("citation_issn", "prism.issn", "prism.eissn"),
    "url": ("citation_abstract_html_url", "citation_fulltext_html_url", "og:url"),
    "pdf_url": ("citation_pdf_url",),
    "language": ("citation_language", "dc.language"),
    "site": ("og:site_name", "citation_publisher", "dc.publisher"),
}


@dataclass(frozen=True, slots=True)
class MetaTag:
    name: str  # lower-case
    content: str  # cleaned
    lang: str  # "zh" | "en" | "und"


class MetaTags:
    """The page's meta tags in document order, with language-aware lookups."""

    def __init__(self, tags: list[MetaTag]) -> None:
        self.tags = tags

    def values(self, field: str, lang: str | None = None) -> list[str]:
        """Every value of the first tag name (in NAMES order) that has one for this language.

        `lang=None`: language-neutral fields (DOI, pages, dates) — any language, first wins.
        """
        for name in NAMES.get(field, (field,)):
            vals = [t.content for t in self.tags if t.name == name and _lang_ok(t.lang, lang)]
            if vals:
                return vals
        return []

    def first(self, field: str, lang: str | None = None) -> str | None:
        v = self.values(field, lang)
        return v[0] if v else None


def _lang_ok(tag_lang: str, want: str | None) -> bool:
    if want is None or tag_lang == want:
        return True
    # An untagged value of an English-only page: Latin script, and no tagged twin.
    return tag_lang == "und" and want == "en"


def read_meta(soup: BeautifulSoup) -> MetaTags:
    raw: list[tuple[str, str, str]] = []
    for el in soup.find_all("meta"):
        name = (attr(el, "name") or attr(el, "property")).strip().lower()
        content = clean(attr(el, "content"))
        if not name or not content:
            continue
        lang = (attr(el, "xml:lang") or attr(el, "lang")).strip().lower()
        raw.append((name, content, lang))
    has_en_twin = {n for n, _, lang in raw if lang in _EN}
    tags = []
    for name, content, lang in raw:
        if lang in _EN:
            code = "en"
        elif lang in _ZH or lang.startswith("zh"):
            code = "zh"
        elif lang:
            code = "und"
        else:
            code = "zh" if has_cjk(content) or name in has_en_twin else "und"
        tags.append(MetaTag(name, content, code))
    return MetaTags(tags)


_JOIN_SEMI = re.compile(r"\s*[;；]\s*")
_JOIN_CJK = re.compile(r"\s*[,，、;；]\s*|\s+")
_JOIN_LATIN = re.compile(r"\s*[,，、]\s*|\s+and\s+")


def split_names(joined: str) -> list[str]:
    """`citation_authors`-style joined names -> names (`, ` `，` `;` `；` `、` or spaces)."""
    joined = joined.strip().strip(",;，；、")
    if not joined:
        return []
    if has_cjk(joined):
        parts = _JOIN_CJK.split(joined)
    elif _JOIN_SEMI.search(joined):
        parts = _JOIN_SEMI.split(joined)  # "Li, Zhao; Wang, Xin": the comma is inside a name
    else:
        parts = _JOIN_LATIN.split(joined)
    return [c for c in (clean(p) for p in parts) if c]


_YEAR = re.compile(r"(?<![0-9])(1[89][0-9]{2}|20[0-9]{2})(?![0-9])")

# One date rule for text copies and HTML (`YYYY/MM/DD`, `YYYY-MM-DD`, `YYYY年M月D日`, full-width
# digits; ASCII digits only, since `\d` would also take other scripts' digits).
parse_date = jf.parse_date


def parse_year(s: str | None) -> int | None:
    if not s:
        return None
    m = _YEAR.search(s)
    return int(m.group(1)) if m else None


def doi_of(s: str | None) -> str | None:
    """The DOI as printed inside a value such as `doi:10.3877/…` or `https://doi.org/10.…`."""
    if not s:
        return None
    m = find_doi(s)
    return m.printed if m else None
