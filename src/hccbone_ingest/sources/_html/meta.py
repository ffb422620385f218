"""Highwire (citation_*), Dublin Core (DC.*, dc.*, DCTERMS.*) and PRISM meta tags, split by
language.

Magtech repeats every Chinese tag with `xml:lang="en"` for the English value; the Chinese
tag's language is `zh`, `cn`, `zh-cn`, `chi` or absent. The declared language is a hint, not
the truth: platforms copy the Chinese value into the English twin, or tag everything `zh`. So
the tags of one name and one declared language are read together and their script decides
(a Chinese title in the `xml:lang="en"` twin is a Chinese title); the declaration decides only
when the script says nothing (digits, dates). An untagged Latin value of an English-only page
is `und`, which English lookups accept.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup

from ...refs.doi import find_doi
from ...text.normalize import cjk_ratio, clean, has_cjk
from .. import _journal_fields as jf
from .dom import attr

_EN = {"en", "eng", "en-us", "en-gb"}
_ZH = {"zh", "cn", "zh-cn", "zh-hans", "zh-hant", "chi", "zho", "chs", "cht"}

# Field -> tag names, most specific first (all lower-case: `DC.Title`, `dc.title` and
# `DCTERMS.title` are read alike).
NAMES: dict[str, tuple[str, ...]] = {
    "title": ("citation_title", "dc.title", "dcterms.title", "prism.title", "eprints.title"),
    "journal": ("citation_journal_title", "prism.publicationname", "dc.source", "dcterms.ispartof",
                "citation_conference_title"),
    "author": ("citation_author", "dc.creator", "dcterms.creator", "dc.contributor", "dcterms.contributor"),
    "authors": ("citation_authors",),
    # Not the bare `keywords`: sites fill it with their own.
    "keywords": ("citation_keywords", "citation_keyword", "dc.keywords", "dc.subject", "dcterms.subject",
                 "prism.keyword"),
    # Not the bare `description`: sites fill it with their own blurb.
    "abstract": ("citation_abstract", "dcterms.abstract"),
    # The abstract, or the site's blurb: read after the DOM (meta_layer.late_meta_layer).
    "description": ("dc.description", "dcterms.description"),
    "doi": ("citation_doi", "prism.doi", "dc.identifier", "dcterms.identifier", "bepress_citation_doi"),
    "volume": ("citation_volume", "prism.volume"),
    "issue": ("citation_issue", "prism.number", "prism.issueidentifier"),
    "first_page": ("citation_firstpage", "prism.startingpage"),
    "last_page": ("citation_lastpage", "prism.endingpage"),
    # `citation_date` is Google Scholar's older name of the publication date; the online date
    # (网络出版日期) is not the publication date (the text adapter keeps them apart too).
    "published": ("citation_publication_date", "citation_date", "prism.publicationdate", "dc.date",
                  "dcterms.issued", "dcterms.date", "prism.coverdate"),
    "year": ("citation_year",),
    "online": ("citation_online_date",),
    "issn": ("citation_issn", "prism.issn", "prism.eissn"),
    "url": ("citation_abstract_html_url", "citation_fulltext_html_url", "og:url"),
    "pdf_url": ("citation_pdf_url",),
    "language": ("citation_language", "dc.language"),
    "site": ("og:site_name", "citation_publisher", "dc.publisher"),
    "reference": ("citation_reference",),
    "institution": ("citation_author_institution",),
    "email": ("citation_author_email",),
}


@dataclass(frozen=True, slots=True)
class MetaTag:
    name: str  # lower-case
    content: str  # cleaned
    lang: str  # "zh" | "en" | "und": the script's verdict, else the declaration


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

    def fallbacks(self, field: str, lang: str | None = None) -> list[str]:
        """The values of every tag name of the field for this language, names in NAMES order:
        when the first name's value fails a check (a banner in `citation_journal_title`), the
        next name (`prism.publicationName`) may still hold a good one."""
        return [t.content for name in NAMES.get(field, (field,)) for t in self.tags
                if t.name == name and _lang_ok(t.lang, lang)]

    def every(self, field: str) -> list[str]:
        """The values of every tag name of a language-neutral field, names in NAMES order: a
        `citation_doi` without a DOI in it must not hide a good `dc.identifier`."""
        return [t.content for name in NAMES.get(field, (field,)) for t in self.tags if t.name == name]

    def of(self, *fields: str) -> list[MetaTag]:
        """The tags of these fields, in document order (authors with their institutions)."""
        names = {n for f in fields for n in NAMES.get(f, (f,))}
        return [t for t in self.tags if t.name in names]


def _lang_ok(tag_lang: str, want: str | None) -> bool:
    if want is None or tag_lang == want:
        return True
    # An untagged value of an English-only page: Latin script, and no tagged twin.
    return tag_lang == "und" and want == "en"


_LATIN = re.compile(r"[A-Za-z]")


def script_lang(text: str) -> str | None:
    """`zh` for text in Chinese script (a Latin abbreviation or two allowed), `en` for Latin
    text without any Chinese, None when the script says nothing (digits, dates, ids)."""
    if has_cjk(text) and cjk_ratio(text) >= 0.2:
        return "zh"
    if _LATIN.search(text) and not has_cjk(text):
        return "en"
    return None


def _declared(lang: str) -> str | None:
    if lang in _EN:
        return "en"
    if lang in _ZH or lang.startswith("zh"):
        return "zh"
    return None


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
    # The script of all the values of one name and one declared language, read together: one
    # `PD-1` keyword among Chinese ones stays Chinese, one Chinese title in an `en` tag does not.
    groups: dict[tuple[str, str], list[str]] = {}
    for name, content, lang in raw:
        groups.setdefault((name, lang), []).append(content)
    verdict = {key: script_lang(" ".join(vals)) for key, vals in groups.items()}
    tags = []
    for name, content, lang in raw:
        code = verdict[(name, lang)] or _declared(lang)
        if code is None:
            code = "zh" if has_cjk(content) or (not lang and name in has_en_twin) else "und"
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
_COMPACT = re.compile(r"^((?:18|19|20)[0-9]{2})([01][0-9])([0-3][0-9])(?:[T\s].*)?$")
# Defaults a CMS prints when it has no date: not dates of an article.
_PLACEHOLDER_DATES = {dt.date(1900, 1, 1), dt.date(1970, 1, 1)}


def parse_date(s: str | None) -> dt.date | None:
    """`YYYY/MM/DD`, `YYYY-MM-DD` (with or without a time), `YYYY年M月D日`, full-width digits
    (the text adapter's rule), and the compact `YYYYMMDD` of `citation_date=20200420`. A date
    that does not exist (`2025-02-30`) or a CMS default (`1900-01-01`) is no date."""
    if not s:
        return None
    m = _COMPACT.match(s.strip())
    if m:
        try:
            d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    else:
        d = jf.parse_date(s)
    return None if d in _PLACEHOLDER_DATES else d


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
