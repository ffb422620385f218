"""E-Tiller (勤云) article pages saved as HTML, `front_table` layout: `#FileTitle`/`#EnTitle`,
`#KeyWord`/`#EnKeyWord` (one link per keyword), the `#Author`/`#EnAuthor` tables (one row per
author: name | institution | e-mail), `#Abstract`/`#EnAbstract`, `span.label` date fields
(`投稿时间`, `修订日期`, `录用日期`; `在线发布日期` is not the publication date) and
`#ReferenceText`/`#EnReferenceText` (the page's own citation lines).
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from ... import vocab
from ...records import Affiliation, Author
from ...text.normalize import clean
from .dom import inline_text
from .fields import affiliation_line, emails, keywords_of
from .layer import Layer
from .meta import parse_date, script_lang


def _by_id(soup: BeautifulSoup, name: str) -> Tag | None:
    el = soup.find(id=name)
    return el if isinstance(el, Tag) else None


_MARKERS = frozenset(("FileTitle", "EnTitle", "EnAbstract"))


def is_etiller(soup: BeautifulSoup) -> bool:
    return soup.find(id=lambda v: v in _MARKERS) is not None  # one walk for the three ids


def _keywords(el: Tag | None) -> list[str]:
    if el is None:
        return []
    links = [t for t in (inline_text(a) for a in el.find_all("a")) if t]
    return links if links else keywords_of(inline_text(el) or "")


def _author_rows(table: Tag | None) -> list[tuple[str, str, str]]:
    """(name, institution, e-mail) of each author row (the header row has no name link and
    holds the column names)."""
    if table is None:
        return []
    rows = []
    for tr in table.find_all("tr"):
        cells = tr.find_all("td", recursive=False)
        if len(cells) < 2 or "tr_head" in (tr.get("class") or []):
            continue
        name, inst = inline_text(cells[0]) or "", inline_text(cells[1]) or ""
        mail = " ".join(emails(inline_text(cells[2]) or "")) if len(cells) > 2 else ""
        if name and not vocab.match_label(name):
            rows.append((name, inst, mail))
    return rows


def _people(layer: Layer, soup: BeautifulSoup) -> None:
    zh, en = _author_rows(_by_id(soup, "Author")), _author_rows(_by_id(soup, "EnAuthor"))
    if zh and en and len(zh) != len(en):
        layer.flags.append("author_count_mismatch")
        en = []
    n = max(len(zh), len(en))
    insts: dict[str, list[str]] = {"zh": [], "en": []}
    for lang, rows in (("zh", zh), ("en", en)):
        for _, inst, _ in rows:
            if inst and inst not in insts[lang]:
                insts[lang].append(inst)
    # ids by the first language's distinct institutions; the other pairs only if it has as many
    ids_of = zh if zh else en
    base = "zh" if zh else "en"
    other = "en" if base == "zh" else "zh"
    paired = len(insts[other]) == len(insts[base])
    for i in range(n):
        name_zh = zh[i][0] if zh else None
        name_en = en[i][0] if en else None
        inst = ids_of[i][1]
        mail = (zh[i][2] if zh else "") or (en[i][2] if en else "")
        layer.authors.append(Author(i + 1, name_zh, name_en,
                                    [insts[base].index(inst) + 1] if inst else [],
                                    bool(mail), mail or None))
    for j, inst in enumerate(insts[base]):
        a = affiliation_line(inst, base, j + 1)
        b = affiliation_line(insts[other][j], other, j + 1) if paired and insts[other] else None
        names = {base: a and getattr(a, f"name_{base}"), other: b and getattr(b, f"name_{other}")}
        layer.affiliations.append(Affiliation(j + 1, names["zh"], names["en"],
                                              (a.postcode if a else None) or (b.postcode if b else None)))


# Date labels of this layout (the shared field parser does not know 投稿时间/修订日期).
_DATES = {"投稿时间": "received_date", "投稿日期": "received_date", "收稿日期": "received_date",
          "修订日期": "revised_date", "修回日期": "revised_date", "录用日期": "accepted_date",
          "接受日期": "accepted_date", "出版日期": "published_date"}


def _dates(layer: Layer, soup: BeautifulSoup) -> None:
    for span in soup.find_all("span", class_="label"):
        label = re.sub(r"[\s:：]", "", span.get_text(""))
        field = _DATES.get(label)
        if field is None:
            continue
        value = ""
        for sib in span.next_siblings:  # the text up to the next label
            if isinstance(sib, Tag) and "label" in (sib.get("class") or []):
                break
            value += str(sib) if isinstance(sib, NavigableString) else sib.get_text("")
        layer.set(field, parse_date(clean(value)))


def etiller_layer(soup: BeautifulSoup) -> Layer | None:
    if not is_etiller(soup):
        return None
    layer = Layer("dom")
    for el_id, lang in (("FileTitle", "zh"), ("EnTitle", "en")):
        t = inline_text(_by_id(soup, el_id))
        if t and script_lang(t) == lang:
            layer.set(f"title_{lang}", t)
    for el_id, lang in (("KeyWord", "zh"), ("EnKeyWord", "en")):
        kws = _keywords(_by_id(soup, el_id))
        if kws:
            layer.keywords[lang] = kws
    for el_id, lang in (("Abstract", "zh"), ("EnAbstract", "en")):
        t = inline_text(_by_id(soup, el_id))
        if t and script_lang(t) == lang:
            layer.abstracts[lang] = t
    for el_id, lang in (("ReferenceText", "zh"), ("EnReferenceText", "en")):
        layer.set(f"citation_{lang}", inline_text(_by_id(soup, el_id)))
    _people(layer, soup)
    _dates(layer, soup)
    return layer
