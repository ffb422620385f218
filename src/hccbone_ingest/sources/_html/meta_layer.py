"""Meta tags -> a Layer (the first, most trusted evidence of an HTML page).

Every value passes the checks of `values.py` first: a site's banner in `citation_journal_title`,
a page <title> with the site name in `DC.title`, a `0` counter in `citation_issue` or a
truncated `DC.description` blurb is dropped (flag `meta_rejected:<field>:<reason>`), and the
DOM or the visible text may still supply the field.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from ...records import Affiliation, Author, Reference
from ...text.normalize import clean, has_cjk
from .. import _journal_fields as jf
from .fields import affiliation_line, reference_doi
from .layer import Layer
from .meta import MetaTags, doi_of, parse_date, parse_year, script_lang, split_names
from .values import (
    abstract_problem,
    journal_problem,
    keyword_ok,
    number_ok,
    page_ok,
    split_bilingual,
    strip_chrome_tail,
    strip_site_suffix,
    title_problem,
)


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
    # a name in the other script is no name of this language (a zh-tagged pinyin name); a list
    # that holds one is unreliable as a whole (dropping the name would shift every later author)
    ok = [n for n in names if script_lang(n) in (lang, None) or (lang == "en" and not has_cjk(n))]
    return ok if len(ok) == len(names) else []


_TAGS = re.compile(r"<[^>]{1,200}>")
_ABS_LABEL = re.compile(r"^\s*[【\[]?(摘\s*要|Abstract|ABSTRACT|Summary)[】\]]?\s*[:：]?\s*")


def _plain(value: str) -> str:
    """Meta contents sometimes carry the page's markup (`<p>目的 …</p>`): text only."""
    if "<" in value and _TAGS.search(value):
        value = BeautifulSoup(value, "lxml").get_text(" ")
    return clean(value) or ""


def _titles(layer: Layer, meta: MetaTags, journals: set[str]) -> None:
    sites = journals | {s for s in meta.values("site") if s}
    for lang in ("zh", "en"):
        for value in meta.fallbacks("title", lang):
            t = strip_site_suffix(strip_chrome_tail(_plain(value)), sites)
            why = title_problem(t, journals)
            if why is None:
                layer.set(f"title_{lang}", t)
                break
            layer.flags.append(f"meta_rejected:title_{lang}:{why}")


def _journals(layer: Layer, meta: MetaTags) -> set[str]:
    names: set[str] = set()
    for lang in ("zh", "en"):
        for value in meta.fallbacks("journal", lang):
            why = journal_problem(value)
            if why is None:
                layer.set(f"journal_{lang}", value)
                names.add(value)
                break
            layer.flags.append(f"meta_rejected:journal_{lang}:{why}")
    return names


def _abstracts(layer: Layer, meta: MetaTags, field: str) -> None:
    for lang in ("zh", "en"):
        for value in meta.fallbacks(field, lang):
            text = clean(_ABS_LABEL.sub("", _plain(value), count=1)) or ""
            why = abstract_problem(text)
            if why is None:
                layer.abstracts[lang] = text
                break
            layer.flags.append(f"meta_rejected:abstract_{lang}:{why}")


def _keywords(layer: Layer, meta: MetaTags) -> None:
    for lang in ("zh", "en"):
        kws = meta.values("keywords", lang)
        kws = jf.split_keywords(kws[0]) if len(kws) == 1 else [k for v in kws for k in jf.split_keywords(v)]
        kws = list(dict.fromkeys(k for k in kws if keyword_ok(k)))
        if lang == "zh" and kws and not meta.values("keywords", "en"):
            kws, en = split_bilingual(kws)  # one field holding both lists
            if en:
                layer.keywords["en"] = en
        if kws:
            layer.keywords.setdefault(lang, kws)


def _institutions(meta: MetaTags, authors: list[Author]) -> list[Affiliation]:
    """`citation_author_institution` tags follow the `citation_author` they belong to: read in
    document order, one affiliation per distinct institution, ids by first appearance. Only
    when the tags can be tied to authors one to one (per language, by position)."""
    per_lang: dict[str, list[list[str]]] = {"zh": [], "en": []}
    for t in meta.of("citation_author", "institution"):
        lang = "zh" if has_cjk(t.content) else "en"
        if t.name == "citation_author":
            per_lang[lang].append([])
        elif per_lang[lang]:
            per_lang[lang][-1].append(t.content)
    affs: dict[str, list[str]] = {}
    for lang, groups in per_lang.items():
        affs[lang] = list(dict.fromkeys(i for g in groups for i in g))
    zh, en = affs["zh"], affs["en"]
    if zh and en and len(zh) != len(en):
        en = []  # no safe pairing by position
    out: list[Affiliation] = []
    for i in range(max(len(zh), len(en))):
        name_zh = name_en = postcode = None
        if zh:
            a = affiliation_line(zh[i], "zh", i + 1)
            name_zh, postcode = (a.name_zh, a.postcode) if a else (clean(zh[i]), None)
        if en:
            b = affiliation_line(en[i], "en", i + 1)
            name_en = b.name_en if b else clean(en[i])
            postcode = postcode or (b.postcode if b else None)
        out.append(Affiliation(i + 1, name_zh, name_en, postcode))
    for lang in ("zh", "en"):
        names = affs[lang] if (lang == "zh" or en) else []
        groups = per_lang[lang]
        if names and len(groups) == len(authors):
            for a, g in zip(authors, groups, strict=True):
                a.affiliation_ids = a.affiliation_ids or [names.index(x) + 1 for x in dict.fromkeys(g)]
    return out


def _references(meta: MetaTags) -> list[Reference]:
    """`citation_reference` tags: the printed string, or Highwire's `key=value;` form whose
    values are joined in the order given (no field is invented)."""
    out = []
    for i, value in enumerate(meta.values("reference"), 1):
        text = _plain(value)
        if re.match(r"^citation_\w+=", text):
            parts = [clean(p.split("=", 1)[1]) for p in re.split(r";\s*(?=citation_\w+=)", text) if "=" in p]
            text = ". ".join(p for p in parts if p)
        if text:
            out.append(Reference(ref_no=i, raw=text, doi=reference_doi(text)))
    return out


def meta_layer(meta: MetaTags) -> Layer:
    layer = Layer("meta")
    journals = _journals(layer, meta)
    _titles(layer, meta, journals)
    _abstracts(layer, meta, "abstract")
    _keywords(layer, meta)
    zh, en = _names(meta, "zh"), _names(meta, "en")
    if zh and en and len(zh) != len(en):
        layer.flags.append("meta_author_count_mismatch")
        en = []
    n = max(len(zh), len(en))
    layer.authors = [Author(position=i + 1, name_zh=zh[i] if zh else None, name_en=en[i] if en else None)
                     for i in range(n)]
    layer.affiliations = _institutions(meta, layer.authors)
    emails = meta.values("email")
    if len(emails) == 1 and n:
        layer.set("corresponding_email", emails[0])
    for v in meta.every("doi"):
        d = doi_of(v)
        if d:
            layer.set("doi", d)
            break
    for name in ("volume", "issue"):
        vals = meta.every(name)
        good = [v for v in vals if number_ok(v)]
        if vals and number_ok(vals[0]) is None:
            layer.flags.append(f"meta_rejected:{name}:counter")
        layer.set(name, good[0] if good else None)
    first = next((v for v in map(page_ok, meta.every("first_page")) if v), None)
    last = next((v for v in map(page_ok, meta.every("last_page")) if v), None)
    if first and last and first.isdigit() and last.isdigit() and int(last) < int(first):
        layer.flags.append("meta_rejected:last_page:before_first")
        last = None
    layer.set("first_page", first)
    layer.set("last_page", last)
    layer.set("issn", meta.first("issn"))
    layer.set("url", meta.first("url"))
    for value in meta.every("published"):
        d = parse_date(value)
        if d is not None:
            layer.set("published_date", d)
            layer.set("year", d.year)
            break
    else:  # a year alone (`2020`), as Google Scholar allows
        years = [y for y in map(parse_year, [*meta.every("published"), *meta.every("year")]) if y]
        layer.set("year", years[0] if years else None)
    return layer


def late_meta_layer(meta: MetaTags) -> Layer:
    """What meta tags say less surely than the page's DOM, as a layer placed after it:
    `citation_reference` tags (the printed list keeps its numbering and both languages) and
    `DC.description` (the abstract on some sites, the site's blurb on others)."""
    layer = Layer("meta")
    layer.references = _references(meta)
    _abstracts(layer, meta, "description")
    return layer
