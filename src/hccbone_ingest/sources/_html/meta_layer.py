"""Meta tags -> a Layer (the first, most trusted evidence of an HTML page)."""

from __future__ import annotations

import re

from ...records import Author
from ...text.normalize import has_cjk
from .. import _journal_fields as jf
from .layer import Layer
from .meta import MetaTags, doi_of, parse_date, parse_year, split_names


def _is_one_last_first_name(value: str) -> bool:
    """`Smith, John` in a per-author tag is Highwire's `Last, First` form of one name: a
    Latin value with one comma and no other separator. Chinese names hold no comma, so a
    comma there always separates authors."""
    return not has_cjk(value) and value.count(",") == 1 and not re.search(r"[;；，、]|\sand\s", value)


def _names(meta: MetaTags, lang: str) -> list[str]:
    names = meta.values("author", lang)
    # One per-author tag holding every name (`张三，李四`): some sites fill it like `citation_authors`.
    if len(names) == 1 and re.search(r"[,，、;；]", names[0]) and not _is_one_last_first_name(names[0]):
        names = split_names(names[0])
    joined = meta.first("authors", lang)
    if not names and joined:
        names = split_names(joined)
    return names


def meta_layer(meta: MetaTags) -> Layer:
    layer = Layer("meta")
    for lang in ("zh", "en"):
        layer.set(f"title_{lang}", meta.first("title", lang))
        layer.set(f"journal_{lang}", meta.first("journal", lang))
        abstract = meta.first("abstract", lang)
        if abstract:
            layer.abstracts[lang] = abstract
        kws = meta.values("keywords", lang)
        kws = jf.split_keywords(kws[0]) if len(kws) == 1 else kws
        if kws:
            layer.keywords[lang] = kws
    zh, en = _names(meta, "zh"), _names(meta, "en")
    if zh and en and len(zh) != len(en):
        layer.flags.append("meta_author_count_mismatch")
        en = []
    n = max(len(zh), len(en))
    layer.authors = [Author(position=i + 1, name_zh=zh[i] if zh else None, name_en=en[i] if en else None)
                     for i in range(n)]
    emails = meta.values("citation_author_email")
    if len(emails) == 1 and n:
        layer.set("corresponding_email", emails[0])
    for v in meta.values("doi"):
        d = doi_of(v)
        if d:
            layer.set("doi", d)
            break
    layer.set("volume", meta.first("volume"))
    layer.set("issue", meta.first("issue"))
    layer.set("first_page", meta.first("first_page"))
    layer.set("last_page", meta.first("last_page"))
    layer.set("issn", meta.first("issn"))
    layer.set("url", meta.first("url"))
    published = meta.first("published")
    layer.set("published_date", parse_date(published))
    layer.set("year", parse_year(published))
    return layer
