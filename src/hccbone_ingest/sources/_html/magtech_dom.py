"""Magtech article pages from their DOM: the table layout (`J_*` classes) and the panel
layout (`div.abs-con`, `h3.abs-tit`, `#divPanel`/`#divPanelEn`, `div[name="#abstract"]`).

Both run on a DOM already stripped of clutter (dom.strip_clutter).
"""

from __future__ import annotations

import copy
import re

from bs4 import BeautifulSoup, Tag

from ... import vocab
from ...records import Affiliation, Reference, RelatedArticle
from ...text.normalize import cjk_ratio, clean, has_cjk
from .. import _journal_fields as jf
from .authors import author_line
from .dom import inline_text, text_lines
from .fields import (
    SUP_CLOSE,
    SUP_OPEN,
    abstract_label,
    affiliations_from_lines,
    date_field,
    emails,
    heading_label,
    is_reference_heading,
    join_pieces,
    keyword_label,
    keywords_of,
    label_value,
    labelled_values,
    numbered_items,
    pair_affiliations,
    parse_header,
    reference_doi,
)
from .layer import Layer

_MAGTECH_MARKERS = re.compile(
    r"magtech\.(com|org)|class\s*=\s*[\"'](?:[^\"']*\s)?mag-|J_biaoti|J_author_cn|J_zhaiyao|abs-tit|"
    r"divPanel|id\s*=\s*[\"']metaVue[\"']|window\.metaData\s*=", re.IGNORECASE)


def magtech_markers(text: str) -> int:
    """How many distinct Magtech markers the page source carries."""
    return len({m.group(0).lower()[:8] for m in _MAGTECH_MARKERS.finditer(text)})


def is_lang(text: str, lang: str) -> bool:
    zh = has_cjk(text) and cjk_ratio(text) >= 0.2
    return zh if lang == "zh" else not zh


# ------------------------------------------------------------------ shared pieces

def marked_lines(el: Tag) -> list[str]:
    """Lines of `el` with <sup> text wrapped in ⟦⟧ (affiliation labels stay separable)."""
    el = copy.copy(el)
    for sup in el.find_all("sup"):
        sup.replace_with(SUP_OPEN + sup.get_text("") + SUP_CLOSE)
    return text_lines(el)


def apply_labelled(layer: Layer, lines: list[str], lang: str) -> None:
    """`收稿日期:…`, `通信作者:…`, `基金资助:` + value lines (joined with `; `, as the text
    adapter joins a label's continuation lines)."""
    fields: list[list[str]] = []  # [key, value] pairs, values extended by continuation lines
    for line in lines:
        found = labelled_values(line)
        if found:
            fields += [[k, v] for k, v in found]
        elif fields and fields[-1][0] == "funding":
            fields[-1][1] = f"{fields[-1][1]}; {line}" if fields[-1][1] else line
    for key, value in fields:
        d = date_field(key, value)
        if d:
            if layer.doc.get(d[0]) not in (None, d[1]):
                layer.flags.append(f"date_mismatch:{key}")
            layer.set(*d)
        elif key == "corresponding":
            name, email = jf.split_corresponding(value)
            layer.set(f"corresponding_author_{lang}", name)
            layer.set("corresponding_email", email)
        elif key == "funding":
            layer.set(f"funding_{lang}", clean(value))
    for line in lines:
        if re.match(r"(?i)^(e-?mail|电子邮箱|邮箱)\s*[:：]", line):
            for e in emails(line):
                layer.set("corresponding_email", e)


def _abstract_blocks(layer: Layer, blocks: list[list[str]]) -> None:
    """Paragraphs (as lines) of an abstract area -> abstracts and keywords, by label, else by
    script. Lines are joined as the text adapter joins them, so HTML and text copies agree."""
    parts: dict[str, list[str]] = {"zh": [], "en": []}
    for lines in blocks:
        if not lines:
            continue
        kw = keyword_label(lines[0])
        if kw:
            layer.keywords.setdefault(kw[0], keywords_of(" ".join([kw[1], *lines[1:]])))
            continue
        lab = abstract_label(lines[0])
        if lab:
            lang, first = lab
            lines = [x for x in [clean(first), *lines[1:]] if x]
        else:
            lang = "zh" if is_lang(lines[0], "zh") else "en"
        parts[lang] += lines
    for lang, ps in parts.items():
        text = clean(join_pieces(ps)) if ps else None
        if text:
            layer.abstracts.setdefault(lang, text)


def _references(container: Tag | None) -> list[Reference]:
    if container is None:
        return []
    items: list[tuple[int, str]] = []
    for tr in container.find_all("tr"):
        cells = [c for c in tr.find_all(["td", "th"], recursive=False)]
        if len(cells) >= 2:
            label = inline_text(cells[0]) or ""
            m = re.fullmatch(r"\[?(\d{1,4})\]?\.?", label)
            text = inline_text(cells[1]) if m else None
            if m and text:
                items.append((int(m.group(1)), text))
    if not items:
        items = numbered_items(text_lines(container), allow_dot=True)
    return [Reference(ref_no=n, raw=text, doi=reference_doi(text)) for n, text in items]


def _related(container: Tag | None) -> list[RelatedArticle]:
    """The related-articles tab (`div#related`): `[n] text` lines, else one row per list item
    (or per link when there is no list), the item's visible text as printed."""
    if container is None:
        return []
    numbered = numbered_items(text_lines(container))
    if numbered:
        return [RelatedArticle(item_no=n, raw=t) for n, t in numbered]
    items = [li for li in container.find_all("li") if li.find("li") is None]
    if not items:
        items = container.find_all("a", href=True)
    texts = [t for t in (inline_text(el) for el in items) if t and _is_related_item(t)]
    return [RelatedArticle(item_no=i, raw=t) for i, t in enumerate(texts, 1)]


def _is_related_item(text: str) -> bool:
    """An article, not the tab's chrome (`更多`, `相关文章`, a page number)."""
    return len(text) >= 6 and not vocab.is_chrome(text) and vocab.match_label(text) is None


def _by_name(soup: BeautifulSoup, *names: str) -> Tag | None:
    for n in names:
        el = soup.find(attrs={"name": n}) or soup.find(id=n.lstrip("#"))
        if el is not None:
            return el
    return None


def read_header(layer: Layer, lines: list[str], limit: int = 60) -> int | None:
    """The `journal ›› year, Vol. ›› Issue` line (or a bare `year, vol(issue): pages`) among
    the first `limit` lines -> the layer's fields; returns its index. Reference and
    self-citation lines (`…[J]. 刊名, 2019, 7(1): 12-16`) have the same tail and are no header;
    nothing after the reference heading is."""
    for i, line in enumerate(lines[:limit]):
        if is_reference_heading(line) or heading_label(line, ("related",)):
            return None
        if jf.looks_like_citation(line):
            continue
        h = parse_header(line)
        if h is None:
            continue
        if h.journal:
            layer.set("journal_zh" if has_cjk(h.journal) else "journal_en", h.journal)
        for name in ("year", "volume", "issue", "first_page", "last_page"):
            layer.set(name, getattr(h, name))
        layer.set("doi", h.doi.printed if h.doi else None)
        return i
    return None


def is_column(line: str) -> bool:
    """A journal column name (专家论坛): short Chinese, no digits or punctuation."""
    return has_cjk(line) and len(line) <= 15 and not re.search(r"[0-9,.，。:：;；()（）]", line)


def _citations(layer: Layer, lines: list[str]) -> None:
    """The lines after `引用本文:` are the page's own citation, Chinese then English."""
    for i, line in enumerate(lines):
        found = label_value(line, ("citation_zh", "citation_en"))
        if found is None and heading_label(line, ("citation_zh", "citation_en")) is None:
            continue
        rest = [clean(found[1]) if found else None, *lines[i + 1:i + 3]]
        cands = [c for c in rest if c and jf.looks_like_citation(c)]
        layer.set("citation_zh", next((c for c in cands if has_cjk(c)), None))
        layer.set("citation_en", next((c for c in cands if not has_cjk(c)), None))
        return


# ------------------------------------------------------------------ panel layout

def panel_layer(soup: BeautifulSoup) -> Layer | None:
    con = soup.select_one("div.abs-con")
    titles = soup.select("h3.abs-tit")
    if con is None and not titles:
        return None
    layer = Layer("dom")
    head_lines = text_lines(con) if con is not None else []
    hi = read_header(layer, head_lines)
    for t in titles:
        text = inline_text(t)
        if text:
            layer.set("title_zh" if is_lang(text, "zh") else "title_en", text)
    if hi is not None:  # the column name sits between the header line and the title
        title_texts = {inline_text(t) for t in titles}
        for line in head_lines[hi + 1:]:
            if line in title_texts:
                break
            if is_column(line):
                layer.set("section", line)
            break
    for target, lang in (("#divPanel", "zh"), ("#divPanelEn", "en")):
        line = soup.find(attrs={"data-target": target})
        authors = author_line(line, lang) if line is not None else []
        panel = soup.find(id=target[1:])
        affs: list[Affiliation] = []
        if panel is not None:
            for addr in panel.find_all("address"):
                affs += affiliations_from_lines(marked_lines(addr), lang)
            for ul in panel.find_all(["ul", "ol"]):
                if ul.find_parent("address") is None:
                    apply_labelled(layer, _item_lines(ul), lang)
        add_lang(layer, lang, authors, affs)
    _citations(layer, head_lines)
    abstract = _by_name(soup, "#abstract")
    if abstract is not None:
        _abstract_blocks(layer, [text_lines(p) for p in _paragraphs(abstract)])
    layer.references = _references(_by_name(soup, "#reference", "#references"))
    layer.related = _related(_by_name(soup, "#relatedArticles", "#related"))
    return layer


def _item_lines(ul: Tag) -> list[str]:
    """One line per list item (labels and their value run), continuation blocks as own lines."""
    lines: list[str] = []
    for li in ul.find_all("li", recursive=False):
        lines += text_lines(li)
    return lines


def _paragraphs(el: Tag) -> list[Tag]:
    """The innermost paragraph-like blocks of an area (p, or div/td without block children)."""
    ps = el.find_all("p")
    if ps:
        return [p for p in ps if p.find("p") is None]
    return [el]


def add_lang(layer: Layer, lang: str, authors: list, affs: list[Affiliation]) -> None:
    """Pair one language's authors/affiliations with the other language's, by position."""
    if authors:
        if not layer.authors:
            layer.authors = authors
        elif len(layer.authors) == len(authors):
            for a, b in zip(layer.authors, authors, strict=True):
                setattr(a, f"name_{lang}", getattr(b, f"name_{lang}"))
                a.affiliation_ids = a.affiliation_ids or b.affiliation_ids
                a.is_corresponding = a.is_corresponding or b.is_corresponding
                a.email = a.email or b.email
        else:
            layer.flags.append("author_count_mismatch")
    if affs:
        zh = [a for a in layer.affiliations if a.name_zh]
        en = [a for a in layer.affiliations if a.name_en]
        layer.affiliations = pair_affiliations(zh + (affs if lang == "zh" else []),
                                               en + (affs if lang == "en" else []))


# ------------------------------------------------------------------ table layout

def table_layer(soup: BeautifulSoup) -> Layer | None:
    if soup.select_one(".J_biaoti, .J_biaoti_en, .J_author_cn, .J_zhaiyao") is None:
        return None
    layer = Layer("dom")
    for cls, lang in (("J_biaoti", "zh"), ("J_biaoti_en", "en")):
        el = soup.find(class_=cls)
        layer.set(f"title_{lang}", inline_text(el))
    for cls, lang in (("J_author_cn", "zh"), ("J_author_en", "en")):
        el = soup.find(class_=cls)
        if el is not None:
            add_lang(layer, lang, author_line(el, lang), [])
    zh_affs: list[Affiliation] = []
    en_affs: list[Affiliation] = []
    for el in soup.find_all(class_="J_author_dizhi"):
        lines = marked_lines(el)
        if lines and is_lang(" ".join(lines), "zh"):
            zh_affs += affiliations_from_lines(lines, "zh")
        elif lines:
            en_affs += affiliations_from_lines(lines, "en")
    if zh_affs or en_affs:
        layer.affiliations = pair_affiliations(zh_affs, en_affs)
    blocks: list[list[str]] = []
    for el in soup.find_all(class_=["J_zhaiyao", "J_zhaiyao_en"]):
        if el.find(class_=["J_zhaiyao", "J_zhaiyao_en"]) is not None or _is_reference_row(el):
            continue
        for p in _paragraphs(el):
            lines = text_lines(p)
            if not lines or parse_header(lines[0]) is not None:  # the header line is no abstract
                continue
            if labelled_values(lines[0]) and not abstract_label(lines[0]):
                apply_labelled(layer, lines, "zh" if is_lang(lines[0], "zh") else "en")
            else:
                blocks.append(lines)
    _abstract_blocks(layer, blocks)
    lines = text_lines(soup)
    read_header(layer, lines)
    _citations(layer, lines)
    layer.references = _references(_reference_table(soup))
    layer.related = _related(_by_name(soup, "#relatedArticles", "#related"))
    return layer


_LABEL_CELL = re.compile(r"\s*\[?\d{1,4}\]?\.?\s*")


def _reference_table(soup: BeautifulSoup) -> Tag | None:
    """The table whose rows are `[n] | reference` after the `参考文献` heading. Found from
    the rows, in one pass: asking every table for its preceding heading and its text would be
    quadratic on pages of nested tables."""
    heading = soup.find(string=lambda s: bool(s) and is_reference_heading(str(s)))
    if heading is None:
        return None
    for tr in heading.find_all_next("tr"):
        if _is_label_row(tr):
            return tr.find_parent("table")
    return None


def _is_label_row(tr: Tag) -> bool:
    """A row whose first cell holds only a reference label (`[12]`, `12.`)."""
    first = tr.find(["td", "th"], recursive=False)
    if first is None or first.find(["table", "div", "p"]) is not None:
        return False
    return bool(_LABEL_CELL.fullmatch(first.get_text("")))


def _is_reference_row(el: Tag) -> bool:
    tr = el.find_parent("tr")
    return tr is not None and _is_label_row(tr)


# ------------------------------------------------------------------ any Magtech layout

def related_layer(soup: BeautifulSoup) -> Layer:
    """The related-articles tab on its own, for pages whose other parts match no known layout."""
    layer = Layer("dom")
    layer.related = _related(_by_name(soup, "#relatedArticles", "#related"))
    return layer
