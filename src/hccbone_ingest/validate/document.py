"""`validate_document`: every published field of a parsed document through its validator.

A failing scalar becomes None; a failing author, affiliation or keyword value becomes None, and
the row is dropped when nothing valid is left in it; a failing abstract row is dropped (its
text is required). Each failure adds one flag `invalid:<field>:<reason>` to `quality_flags`
(first occurrence order, no duplicates). Row renumbering:
- authors: `position` is the position in the published author list, so it is renumbered 1..n;
- affiliations keep their printed label (`affiliation_id` is documented as the printed label);
  authors lose the ids of dropped affiliations, so every id an author holds names a row;
- keywords: `position` renumbered 1..n per language.

A journal document left with no valid title, no abstract and no references, or an AI summary
left with no title and no claim, raises `NotADocument` (quarantine, stage `validate`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from ..errors import NotADocument
from ..records import Document, ParsedDocument
from .abstracts import abstract_reason
from .biblio import (
    citation_reason,
    date_reason,
    doi_reason,
    email_reason,
    issn_reason,
    issue_reason,
    journal_reason,
    page_range_ok,
    page_reason,
    section_reason,
    statement_reason,
    url_reason,
    volume_reason,
    year_reason,
)
from .institutions import affiliation_reason
from .keywords import keyword_reason
from .names import is_name_list, name_reason
from .titles import title_reason

_DATES = ("received_date", "revised_date", "accepted_date", "published_date")


def _corresponding_reason(s: str, lang: str) -> str | None:
    """One name, or several (`张三, 李四`) when a page lists more than one corresponding author."""
    r = name_reason(s, lang)
    return None if r and is_name_list(s) else r


# Document scalar fields, in the order they are checked (the order of their flags).
_SCALARS: tuple[tuple[str, Callable[[Any], str | None]], ...] = (
    ("title_zh", lambda v: title_reason(v, "zh")),
    ("title_en", lambda v: title_reason(v, "en")),
    ("journal_zh", lambda v: journal_reason(v, "zh")),
    ("journal_en", lambda v: journal_reason(v, "en")),
    ("issn", issn_reason),
    ("year", year_reason),
    ("volume", volume_reason),
    ("issue", issue_reason),
    ("first_page", page_reason),
    ("last_page", page_reason),
    ("section", section_reason),
    *((k, date_reason) for k in (*_DATES, "updated_date")),
    ("corresponding_author_zh", lambda v: _corresponding_reason(v, "zh")),
    ("corresponding_author_en", lambda v: _corresponding_reason(v, "en")),
    ("corresponding_email", email_reason),
    ("funding_zh", lambda v: statement_reason(v, "zh")),
    ("funding_en", lambda v: statement_reason(v, "en")),
    ("citation_zh", lambda v: citation_reason(v, "zh")),
    ("citation_en", lambda v: citation_reason(v, "en")),
    ("url", url_reason),
)


class _Flags:
    def __init__(self) -> None:
        self.items: list[str] = []
        self.rejected: dict[str, str] = {}  # field -> first reason (for the quarantine message)

    def add(self, field: str, reason: str) -> None:
        flag = f"invalid:{field}:{reason}"
        if flag not in self.items:
            self.items.append(flag)
        self.rejected.setdefault(field, reason)


# How a whole abstract ends: a sentence mark, perhaps inside a closing bracket or quote.
_ABSTRACT_END = re.compile(r"[。.!?！？…](?:[)）\]】\"”’]*)\s*$")


def validate_document(doc: ParsedDocument) -> None:
    """Null or drop every value that fails its validator, flag it, quarantine an empty shell."""
    d = doc.document
    flags = _Flags()
    titles = {"zh": d.title_zh, "en": d.title_en}  # as parsed: abstracts are checked against them
    _check_doi(d, flags)
    for name, check in _SCALARS:
        value = getattr(d, name)
        if value is None:
            continue
        reason = check(value)
        if reason:
            setattr(d, name, None)
            flags.add(name, reason)
    _check_cross_fields(d, flags)
    _check_authors(doc, flags)
    _check_abstracts(doc, titles, flags)
    _check_keywords(doc, flags)
    for a in doc.abstracts:  # kept (it is what the page shows) but marked: the copy may stop mid-abstract
        if not _ABSTRACT_END.search(a.text):
            flags.items.append(f"truncated:abstract_{a.lang}")
    d.quality_flags = list(dict.fromkeys([*d.quality_flags, *flags.items]))
    _quarantine(doc, flags)


def _check_doi(d: Document, flags: _Flags) -> None:
    if d.doi is None:
        return
    reason = doi_reason(d.doi)
    if reason is None:
        return
    old_key = d.doi_key
    d.doi = d.doi_key = d.doi_valid = None
    flags.add("doi", reason)
    if old_key and d.doc_id == f"doi:{old_key}" and d.content_sha256:
        d.doc_id = f"sha256:{d.content_sha256[:16]}"  # the id fallback of sources.base.content_id


def _check_cross_fields(d: Document, flags: _Flags) -> None:
    for lang in ("zh", "en"):
        title, journal = getattr(d, f"title_{lang}"), getattr(d, f"journal_{lang}")
        if title and journal and title.strip() == journal.strip():
            setattr(d, f"title_{lang}", None)
            flags.add(f"title_{lang}", "journal_name")
    if d.first_page and d.last_page and not page_range_ok(d.first_page, d.last_page):
        d.last_page = None
        flags.add("last_page", "before_first_page")
    dates: list[tuple[str, dt.date]] = [(k, getattr(d, k)) for k in _DATES if getattr(d, k) is not None]
    bad: list[str] = []
    for i, (k1, v1) in enumerate(dates):
        for k2, v2 in dates[i + 1:]:
            if v1 > v2:
                bad += [k1, k2]
    for k in dict.fromkeys(bad):  # which of two contradicting dates is wrong is unknown: both go
        setattr(d, k, None)
        flags.add(k, "date_order")


def _check_authors(doc: ParsedDocument, flags: _Flags) -> None:
    kept_affs = []
    for aff in doc.affiliations:
        for lang in ("zh", "en"):
            value = getattr(aff, f"name_{lang}")
            if value is not None and (reason := affiliation_reason(value, lang)):
                setattr(aff, f"name_{lang}", None)
                flags.add(f"affiliations.name_{lang}", reason)
        if aff.postcode is not None and not (len(aff.postcode) == 6 and aff.postcode.isascii()
                                             and aff.postcode.isdigit()):
            aff.postcode = None
            flags.add("affiliations.postcode", "bad_format")
        if aff.name_zh is not None or aff.name_en is not None:
            kept_affs.append(aff)
    dropped_ids = {a.affiliation_id for a in doc.affiliations} - {a.affiliation_id for a in kept_affs}
    doc.affiliations = kept_affs

    kept = []
    for au in doc.authors:
        for lang in ("zh", "en"):
            value = getattr(au, f"name_{lang}")
            if value is not None and (reason := name_reason(value, lang)):
                setattr(au, f"name_{lang}", None)
                flags.add(f"authors.name_{lang}", reason)
        if au.email is not None and (reason := email_reason(au.email)):
            au.email = None
            flags.add("authors.email", reason)
        if au.name_zh is None and au.name_en is None:
            continue
        au.affiliation_ids = [i for i in au.affiliation_ids if i not in dropped_ids]
        kept.append(au)
    for pos, au in enumerate(kept, 1):
        au.position = pos
    doc.authors = kept


def _check_abstracts(doc: ParsedDocument, titles: dict[str, str | None], flags: _Flags) -> None:
    kept = []
    for ab in doc.abstracts:
        if ab.lang in ("zh", "en") and (reason := abstract_reason(ab.text, ab.lang, title=titles[ab.lang])):
            flags.add(f"abstract_{ab.lang}", reason)
            continue
        kept.append(ab)
    doc.abstracts = kept


def _check_keywords(doc: ParsedDocument, flags: _Flags) -> None:
    kept = []
    counters: dict[str, int] = {}
    for kw in doc.keywords:
        if kw.lang in ("zh", "en") and (reason := keyword_reason(kw.text, kw.lang)):
            flags.add(f"keyword_{kw.lang}", reason)
            continue
        counters[kw.lang] = counters.get(kw.lang, 0) + 1
        kw.position = counters[kw.lang]
        kept.append(kw)
    doc.keywords = kept


# ----------------------------------------------------------------------------- quarantine


def _quarantine(doc: ParsedDocument, flags: _Flags) -> None:
    d = doc.document
    has_title = bool(d.title_zh or d.title_en)
    if d.source == "ai_summary":
        if has_title or doc.claims:
            return
        wanted, what = ("title_en", "title_zh"), "no valid title and no claims"
    elif d.source == "journal" or d.doc_type == "journal_article":
        if has_title or doc.abstracts or doc.references:
            return
        wanted, what = ("title_zh", "title_en", "abstract_zh", "abstract_en"), \
            "no valid title, abstract or references"
    else:
        return
    parts = []
    for f in wanted:
        if f in flags.rejected:
            parts.append(f"{f} rejected ({flags.rejected[f]})")
    missing = [f for f in wanted if f not in flags.rejected]
    missing.append("claims" if d.source == "ai_summary" else "references")
    parts.append("none found: " + ", ".join(missing))
    raise NotADocument(
        f"{what}: {'; '.join(parts)}. Not published: if this file is an article page, the adapter "
        f"({d.adapter or 'unknown'}) must find its title or abstract; otherwise no adapter should claim it."
    )
