"""The Vue layout's inline `window.metaData = {...};` object (body#metaVue pages).

Its `referenceList` carries structured reference fields (type, year, persons): they are kept
as JSON in `Reference.structured_json` beside the printed string.
"""

from __future__ import annotations

import json
import re
from typing import Any

from bs4 import BeautifulSoup

from ...records import Affiliation, Author, Reference
from ...refs.doi import find_doi
from ...text.normalize import clean, has_cjk
from .dom import parse_html, text_lines
from .fields import affiliation_line, join_pieces, keywords_of
from .js_literal import js_object_to_json
from .layer import Layer
from .meta import doi_of, parse_date, parse_year

_START = re.compile(r"window\.metaData\s*=\s*")


class BadMetaData(ValueError):
    """The page has a `window.metaData` assignment that is not a JSON object."""


def find_metadata(soup: BeautifulSoup) -> dict[str, Any] | None:
    """The decoded object, None when the page has none; BadMetaData when it is unreadable."""
    for script in soup.find_all("script"):
        src = script.string or script.get_text()
        m = _START.search(src)
        if not m:
            continue
        obj = _decode_object(src, m.end())
        if not isinstance(obj, dict):
            raise BadMetaData("window.metaData is not a JSON object")
        return obj
    return None


def _decode_object(src: str, start: int) -> Any:
    """JSON as Magtech serialises it; else the same object written as a JavaScript literal
    (single-quoted strings, unquoted keys, trailing commas) by a hand-made template."""
    try:
        return json.JSONDecoder().raw_decode(src, start)[0]
    except (json.JSONDecodeError, RecursionError) as e:
        error = e
    try:
        as_json = js_object_to_json(src, start)
        if as_json is not None:
            return json.loads(as_json)
    except (json.JSONDecodeError, RecursionError):
        pass
    raise BadMetaData(f"window.metaData is neither JSON nor a plain object literal: {error}")


def _text(v: Any) -> str | None:
    """A JSON value as cleaned text; HTML inside (abstracts, references) reduced to its text."""
    if v is None or isinstance(v, (dict, list, bool)):
        return None
    s = str(v)
    if "<" in s and ">" in s:
        s = BeautifulSoup(s, "lxml").get_text(" ") if re.search(r"<[a-zA-Z/]", s) else s
    return clean(s)


def _abstract_text(v: Any) -> str | None:
    """An abstract given as HTML paragraphs (`<p><strong>目的</strong> …</p><p>…`): one piece
    per paragraph, joined by the text adapter's rule (no space between two Chinese sides),
    so a structured Chinese abstract reads `…。方法 …` as the text copy does."""
    if v is None or isinstance(v, (dict, list, bool)):
        return None
    s = str(v)
    if not re.search(r"<[a-zA-Z/]", s):
        return clean(s)
    pieces = text_lines(parse_html(s))
    return clean(join_pieces(pieces)) if pieces else None


def _dict(v: Any) -> dict[str, Any]:
    return v if isinstance(v, dict) else {}


def _list(v: Any) -> list[Any]:
    return v if isinstance(v, list) else []


def _str_items(v: Any, *keys: str) -> list[str]:
    """A list of strings, or of objects holding the string under one of `keys`."""
    out = []
    for it in _list(v):
        if isinstance(it, dict):
            it = next((it[k] for k in keys if it.get(k)), None)
        t = _text(it)
        if t:
            out.append(t)
    return out


def _labels(v: Any) -> list[int]:
    if isinstance(v, list):
        v = ",".join(str(x) for x in v)
    return [int(d) for d in re.findall(r"\d+", str(v or ""))]


# Document field <- metaData key (Magtech's pinyin names: juan = volume, qi = issue,
# qiShiYe/jieShuYe = first/last page, lanMu = column, qiKanMingCheng = journal name).
_ARTICLE_TEXT = {"title_zh": "title_cn", "title_en": "title_en", "volume": "juan", "issue": "qi",
                 "first_page": "qiShiYe", "last_page": "jieShuYe", "section": "lanMu_cn"}
_JOURNAL_TEXT = {"journal_zh": "qiKanMingCheng_CN", "journal_en": "qiKanMingCheng_EN", "issn": "issn"}


def json_layer(data: dict[str, Any]) -> Layer:
    layer = Layer("json")
    art = _dict(data.get("article"))
    jour = _dict(data.get("journal"))
    for name, key in _ARTICLE_TEXT.items():
        layer.set(name, _text(art.get(key)))
    for name, key in _JOURNAL_TEXT.items():
        layer.set(name, _text(jour.get(key)))
    layer.set("doi", doi_of(_text(art.get("doi"))))
    layer.set("year", parse_year(_text(art.get("nian"))))
    if art.get("id") is not None:
        layer.set("site_id", _text(art.get("id")))
    for key, name in (("received", "received_date"), ("revised", "revised_date"),
                      ("accept", "accepted_date"), ("publishDate", "published_date")):
        layer.set(name, parse_date(_text(art.get(key))))
    for lang, suffix in (("zh", "cn"), ("en", "en")):
        text = _abstract_text(art.get(f"zhaiyao_{suffix}"))
        if text:
            layer.abstracts[lang] = re.sub(r"^(摘要|Abstract)\s*[:：]\s*", "", text)
        kws = _str_items(art.get(f"keywordList_{suffix}"), "keyword", f"keyword_{suffix}", "name")
        if len(kws) == 1:
            kws = keywords_of(kws[0])
        if kws:
            layer.keywords[lang] = kws
        funds = _str_items(data.get(f"fundList_{suffix}"), "fund", "name", "content", "text")
        if funds:
            layer.set(f"funding_{lang}", "; ".join(funds))
    layer.authors = _authors(data)
    for a in layer.authors:
        if a.is_corresponding:
            layer.set("corresponding_author_zh", a.name_zh)
            layer.set("corresponding_author_en", a.name_en)
            layer.set("corresponding_email", a.email)
            break
    layer.affiliations = _affiliations(data)
    layer.references = _references(data)
    return layer


def _authors(data: dict[str, Any]) -> list[Author]:
    out = []
    for i, a in enumerate(x for x in _list(data.get("authorList")) if isinstance(x, dict)):
        email = _text(a.get("email"))
        corr = bool(email) or any(a.get(k) in (True, 1, "1", "true") for k in
                                  ("isCorr", "corr", "isCorrespondingAuthor", "corresponding"))
        out.append(Author(position=i + 1, name_zh=_text(a.get("name_cn")), name_en=_text(a.get("name_en")),
                          affiliation_ids=_labels(a.get("xref")), is_corresponding=corr,
                          email=email if email and "@" in email else None))
    return [a for a in out if a.name_zh or a.name_en]


def _affiliations(data: dict[str, Any]) -> list[Affiliation]:
    by_id: dict[int, Affiliation] = {}
    for lang, suffix in (("zh", "cn"), ("en", "en")):
        for i, it in enumerate(_list(data.get(f"affList_{suffix}")), 1):
            label = None
            if isinstance(it, dict):
                label = next((it[k] for k in ("label", "order", "xref", "id") if it.get(k) is not None), None)
                it = next((it[k] for k in ("text", "name", "content", "aff") if it.get(k)), None)
            text = _text(it)
            if not text:
                continue
            ids = _labels(label)
            aff = affiliation_line(text, lang, ids[0] if ids else i)
            if aff is None:
                continue
            if ids:
                aff.affiliation_id = ids[0]
            cur = by_id.setdefault(aff.affiliation_id, Affiliation(aff.affiliation_id))
            if lang == "zh":
                cur.name_zh, cur.postcode = aff.name_zh, aff.postcode or cur.postcode
            else:
                cur.name_en, cur.postcode = aff.name_en, cur.postcode or aff.postcode
    return [by_id[k] for k in sorted(by_id)]


def _person(p: Any) -> str | None:
    if isinstance(p, dict):
        name = p.get("name") or p.get("fullName")
        if not name and (p.get("surname") or p.get("givenNames")):
            parts = [str(p.get(k) or "").strip() for k in ("surname", "givenNames")]
            # Chinese names are written without a space (张伟), Western ones with one (Zhang W).
            name = ("" if all(has_cjk(x) for x in parts if x) else " ").join(x for x in parts if x)
        return _text(name)
    return _text(p)


def _scalars(d: dict[str, Any], skip: set[str]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if k not in skip and isinstance(v, (str, int, float, bool))
            and v != ""}


def _references(data: dict[str, Any]) -> list[Reference]:
    refs = []
    for i, r in enumerate(x for x in _list(data.get("referenceList")) if isinstance(x, dict)):
        cits = [c for c in _list(r.get("citationList")) if isinstance(c, dict)]
        raw = clean(" ".join(t for t in (_text(c.get("content")) for c in cits) if t))
        if not raw:
            continue
        labels = _labels(r.get("label"))
        structured = _scalars(r, {"citationList"})
        structured["citations"] = [
            {**_scalars(c, {"content"}),
             "personList": [n for n in (_person(p) for p in _list(c.get("personList"))) if n]}
            for c in cits
        ]
        d = find_doi(raw)
        refs.append(Reference(ref_no=labels[0] if labels else i + 1, raw=raw, doi=d.printed if d else None,
                              structured_json=json.dumps(structured, ensure_ascii=False, sort_keys=True)))
    return refs
