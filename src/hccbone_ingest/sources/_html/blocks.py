"""Block classification for journal pages of unknown platforms (Yiigle, RHHZ, E-Tiller,
CNKI-hosted sites, Hans): labelled blocks first (`摘要:` `Abstract:` `关键词:` `Key words:`
`参考文献`), then the script of each block (Chinese vs Latin) decides its language.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from ... import vocab
from ...records import Affiliation, Author, Reference
from ...refs.doi import find_dois
from ...text.normalize import clean, has_cjk
from .. import _journal_fields as jf
from .authors import author_line
from .dom import BLOCK_TAGS, classes, inline_text, name_words, text_lines, unique_tags
from .fields import (
    abstract_label,
    affiliations_from_lines,
    heading_label,
    is_reference_heading,
    join_pieces,
    keyword_label,
    keywords_of,
    label_value,
    numbered_items,
    reference_doi,
)
from .layer import Layer
from .magtech_dom import add_lang, apply_labelled, is_lang, marked_lines, read_header
from .meta import script_lang
from .values import looks_like_name, split_bilingual, title_problem

# A section heading that ends the block before it (labels are found by vocab.match_label_html).
_SECTION = re.compile(r"^(引言|前言|Introduction|1\s+\S)", re.IGNORECASE)
# A structured abstract's part label (`目的`, `Objective`) continues the abstract.
_PART_WORDS = sorted({*vocab.PART_LABELS_ZH, *vocab.PART_LABELS_EN, *vocab.PART_LABELS_ZH_MORE,
                      *vocab.PART_LABELS_EN_MORE}, key=len, reverse=True)
_PART = re.compile(r"^[【\[]?(" + "|".join(map(re.escape, _PART_WORDS)) + r")[】\]]?([:：\s]|$)",
                   re.IGNORECASE)
_CITE_KEYS = ("citation_zh", "citation_en")


def _stop(line: str) -> bool:
    """A line that ends the block before it: another label, or a section heading."""
    return bool(_SECTION.match(line)) or vocab.match_label_html(line) is not None


def _abstract_heading(lines: list[str], i: int) -> tuple[str, str] | None:
    """`摘要` / `Abstract` as a heading of its own (Yiigle: `<h4>摘要</h4><p>…`). The same
    word is also a tab or a metrics legend, so the next line must be a paragraph in the
    heading's script."""
    key = heading_label(lines[i], ("abstract_zh", "abstract_en"))
    if key is None or i + 1 >= len(lines):
        return None
    lang = vocab.label_lang(key)
    nxt = lines[i + 1]
    if len(nxt) < 20 or _stop(nxt) or not is_lang(nxt, lang):
        return None
    return lang, ""


def _abstracts(layer: Layer, lines: list[str]) -> None:
    i = 0
    while i < len(lines):
        line = lines[i]
        kw = keyword_label(line)
        if kw:
            layer.keywords.setdefault(kw[0], keywords_of(kw[1]))
            i += 1
            continue
        lab = abstract_label(line) or _abstract_heading(lines, i)
        if not lab:
            i += 1
            continue
        lang, first = lab
        parts = [first] if clean(first) else []
        i += 1
        while i < len(lines) and not _stop(lines[i]):
            nxt = lines[i]
            # the block keeps its script; a structured part label continues it
            if is_lang(nxt, lang) or _PART.match(nxt):
                parts.append(nxt)
                i += 1
            else:
                break
        text = clean(join_pieces(parts)) if parts else None
        if text:
            layer.abstracts.setdefault(lang, text)


def _reference_list(soup: BeautifulSoup) -> list[Reference]:
    """The list under a `参考文献`/`References` heading: `[n]` items, or <li> in order."""
    for el in soup.find_all(string=True):
        t = clean(str(el))
        if not t or not is_reference_heading(t):
            continue
        head = el.parent
        if head is None:
            continue
        # the heading's block, then the blocks after it until the list shows up
        block: Tag = head
        while block.parent is not None and clean(block.parent.get_text(" ")) == t:
            block = block.parent
        refs = _sibling_items(block)
        if refs:
            return refs
        if block.parent is not None:  # heading and list share one block
            refs = _items(block.parent, after=t)
            if refs:
                return refs
    return []


def _sibling_items(head: Tag) -> list[Reference]:
    """The list after a heading: one list element, or one <p> per reference (Hans prints
    `<p>[1] …</p><p>[2] …</p>`), so consecutive siblings are read until one is no item."""
    refs: list[Reference] = []
    for i, sib in enumerate(head.find_next_siblings()):
        found = _items(sib)
        if not found:
            if refs or i >= 2:  # the list ended, or never started near the heading
                break
            continue
        refs += found
    return refs


def _items(el: Tag, after: str | None = None) -> list[Reference]:
    lines = text_lines(el)
    if after is not None and after in lines:
        lines = lines[lines.index(after) + 1:]
    items = numbered_items(lines, allow_dot=True)
    if not items:
        lis = el.find_all("li") if el.name in ("ol", "ul") or el.find(["ol", "ul"]) else []
        items = [(i, t) for i, t in enumerate((inline_text(li) for li in lis), 1) if t]
        items = [(i, t) for i, t in items if jf.looks_like_citation(t) or reference_doi(t)]
    return [Reference(ref_no=n, raw=t, doi=reference_doi(t)) for n, t in items]


# Class/id words of title blocks on pages that print the title in a <p>/<div> (Hans: `art_title`).
_TITLE_WORDS = frozenset(("title", "tit", "biaoti", "timu"))
# ... unless the name says whose title it is: `journal-title`, `site-title`, `column-title`.
_NOT_ARTICLE_WORDS = frozenset(("journal", "site", "logo", "page", "menu", "column", "lanmu", "section",
                                "qikan", "kanming", "header", "footer"))
def _title_candidates(soup: BeautifulSoup) -> list[Tag]:
    """Headings first, then blocks whose class/id says title, in document order."""
    heads = soup.find_all(["h1", "h2"], limit=6)
    named = []
    for el in soup.find_all(["p", "div", "span", "td", "h3"]):
        words = set(name_words(el))
        if words & _TITLE_WORDS and not words & _NOT_ARTICLE_WORDS:
            named.append(el)
    return unique_tags([*heads, *named])


def _titles(layer: Layer, soup: BeautifulSoup) -> None:
    for el in _title_candidates(soup):
        t = inline_text(el)
        if (t and 8 < len(t) <= 300 and el.find(BLOCK_TAGS) is None and not _stop(t)
                and not is_reference_heading(t) and not jf.looks_like_citation(t)):
            layer.set("title_zh" if is_lang(t, "zh") else "title_en", t)


def _is_name(name: str | None, lang: str) -> bool:
    return looks_like_name(name, lang)


def _author_blocks(soup: BeautifulSoup) -> list[tuple[str, Tag, list[Author]]]:
    """Innermost blocks that read as an author line: names with <sup> labels and nothing else."""
    found: list[tuple[str, Tag, list[Author]]] = []
    # Candidates are the nearest block around each <sup>: one look per line, however deep
    # the page nests (a find per element would be quadratic on nested tables).
    # (`ul`: one author per <li>, as the current Magtech layout prints them)
    for el in unique_tags(sup.find_parent(["p", "div", "td", "span", "ul", "ol"])
                          for sup in soup.find_all("sup")):
        text = inline_text(el) or ""
        if len(text) > 400:
            continue
        lang = "zh" if has_cjk(text) else "en"
        authors = author_line(el, lang)
        if (authors and any(a.affiliation_ids for a in authors)
                and all(_is_name(a.name_zh or a.name_en, lang) for a in authors)):
            found.append((lang, el, authors))
    return found


def _people(layer: Layer, soup: BeautifulSoup) -> None:
    """The first author line of each language, and the affiliation block right after it."""
    seen: set[str] = set()
    for lang, el, authors in _author_blocks(soup):
        if lang in seen:
            continue
        seen.add(lang)
        affs: list[Affiliation] = []
        for sib in el.find_next_siblings(limit=2):
            affs = affiliations_from_lines(marked_lines(sib), lang)
            if affs:
                break
        add_lang(layer, lang, authors, affs)


# Class/id words of affiliation blocks (`article-affiliation`, `author-affil`, `danwei`).
_AFF_WORDS = frozenset(("affiliation", "affiliations", "affil", "affils", "aff", "affs", "danwei", "address"))
_AFF_HINT = re.compile(r"aff|danwei|address", re.IGNORECASE)
# ... but `address` is also the editorial office's postal address in the footer.
_POSTAL = re.compile(r"地\s*址|邮\s*编|邮政编码|电\s*话|传\s*真|编辑部|版权|"
                     r"\bAddress\b|Editorial|Tel\b|Fax\b|Copyright", re.IGNORECASE)
_AFF_TAGS = frozenset(("div", "p", "ul", "ol", "td", "address", "span"))


def _aff_candidate(el: Tag) -> bool:
    """A cheap first filter on the raw id/class strings; name_words then decides word by word."""
    return el.name in _AFF_TAGS and bool(
        _AFF_HINT.search(str(el.get("id") or "")) or _AFF_HINT.search(" ".join(classes(el))))


def _affiliation_blocks(layer: Layer, soup: BeautifulSoup) -> None:
    """Affiliations from blocks whose class/id says so, for a language the author lines gave
    none (an unlabelled single affiliation under a `*`-marked author line)."""
    have = {lang for lang in ("zh", "en") if any(getattr(a, f"name_{lang}") for a in layer.affiliations)}
    for el in soup.find_all(_aff_candidate):
        if len(have) == 2:
            return
        if not set(name_words(el)) & _AFF_WORDS or any(
                set(name_words(c)) & _AFF_WORDS for c in el.find_all(True)):
            continue
        lines = marked_lines(el)
        text = " ".join(lines)
        if not lines or len(text) > 1500 or _POSTAL.search(text):
            continue
        lang = "zh" if is_lang(text, "zh") else "en"
        if lang in have:
            continue
        affs = affiliations_from_lines(lines, lang)
        if affs:
            add_lang(layer, lang, [], affs)
            have.add(lang)


_KW_KEYS = ("keywords_zh", "keywords_en")


def _keyword_links(layer: Layer, soup: BeautifulSoup) -> None:
    """`关键词:` followed by one link per keyword (RHHZ, Hans, E-Tiller): the links are the
    keywords, whatever separates them (Hans prints none). Hans runs the English keywords on
    after the Chinese ones in the same block: the Latin links after the last Chinese one are
    the English keywords."""
    for s in soup.find_all(string=re.compile(r"^\s*[【\[]?\s*(关\s*键\s*[词字]|Key\s*words?)", re.I)):
        label = vocab.match_label(str(s), _KW_KEYS)
        el = s.parent
        while el is not None and el.name not in BLOCK_TAGS:
            el = el.parent
        if label is None or el is None:
            continue
        words = [t for t in (inline_text(a) for a in el.find_all("a")) if t]
        if len(words) < 2:
            continue
        zh, en = split_bilingual(words)
        if label.key == "keywords_zh" and zh:
            layer.keywords.setdefault("zh", zh)
            if en:
                layer.keywords.setdefault("en", en)
        elif label.key == "keywords_en" and not zh:
            layer.keywords.setdefault("en", en)


def _title_twin(layer: Layer, soup: BeautifulSoup, title_zh: str | None) -> None:
    """Hans, RHHZ and others print the English title in the block right after the Chinese
    one, with no class that says so: the block after the one holding exactly the known
    Chinese title, when it reads as an English title (Latin, four words or more)."""
    if not title_zh or layer.doc.get("title_en"):
        return
    head = title_zh[:6]
    # from the text nodes that start the title up to their block: one short walk each, not a
    # text extraction per element of the page
    for s in soup.find_all(string=lambda t: bool(t) and head in t):
        block = s.parent
        while block is not None and block.name not in BLOCK_TAGS:
            block = block.parent
        if block is None or block.name in ("body", "html") or inline_text(block) != title_zh:
            continue
        nxt = block.find_next_sibling()
        t = inline_text(nxt) if nxt is not None else None
        if (t and script_lang(t) == "en" and len(t.split()) >= 4 and nxt.find(BLOCK_TAGS) is None
                and title_problem(t) is None and not _stop(t)):
            layer.set("title_en", t)
        return


_GROUP_SEP = re.compile(r"\s*[;；]\s*")
_NAME_SEP = re.compile(r"\s*[,，、]\s*")


def _grouped_author_line(layer: Layer, lines: list[str]) -> None:
    """Hans' `作者: 甲, 乙:单位一,省 市;丙*:单位二,省 市`: names, then a colon and the
    affiliation of the names before it; `;` starts the next group; `*` marks the
    corresponding author; a name may hold a padding space (`钱 敏`)."""
    for line in lines:
        m = vocab.match_label(line, ("authors_zh",))
        if m is None or not m.colon or (":" not in m.rest and "：" not in m.rest):
            continue
        authors: list[Author] = []
        affs: list[Affiliation] = []
        for group in _GROUP_SEP.split(m.rest.strip(" ;；")):
            parts = re.split(r"[:：]", group, maxsplit=1)
            inst = clean(parts[1]) if len(parts) == 2 else None
            if not inst:
                return  # a group without its affiliation: not this format
            names = parts[0]
            aff_id = next((a.affiliation_id for a in affs if a.name_zh == inst), len(affs) + 1)
            if aff_id > len(affs):
                affs.append(Affiliation(aff_id, name_zh=inst))
            for raw in _NAME_SEP.split(names):
                star = "*" in raw
                name = re.sub(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])", "", raw.replace("*", "")).strip()
                if not _is_name(name, "zh"):
                    return
                authors.append(Author(len(authors) + 1, name_zh=name, affiliation_ids=[aff_id],
                                      is_corresponding=star))
        if authors and not layer.authors:
            layer.authors, layer.affiliations = authors, affs
        return


def block_layer(soup: BeautifulSoup, lines: list[str], title_zh: str | None = None) -> Layer:
    """`soup` stripped of clutter; `lines` its visible lines; `title_zh` the Chinese title
    another layer already knows (its English twin may follow it)."""
    layer = Layer("dom")
    _titles(layer, soup)
    _title_twin(layer, soup, title_zh or str(layer.doc.get("title_zh") or "") or None)
    _grouped_author_line(layer, lines)
    _people(layer, soup)
    _affiliation_blocks(layer, soup)
    _keyword_links(layer, soup)
    read_header(layer, lines, limit=80)
    for line in lines:
        if re.match(r"^(DOI|doi)\s*[:：]", line):
            d = jf.find_doi_in(line)
            if d:
                layer.set("doi", d.printed)
                break
    for line in lines:
        # dates, corresponding author (and e-mail), funding; one line each: on an unknown
        # page the next line is no safe continuation of a fund
        apply_labelled(layer, [line], "zh" if is_lang(line, "zh") else "en")
        cite = label_value(line, _CITE_KEYS)
        c = clean(cite[1]) if cite else None
        if c:
            layer.set("citation_zh" if has_cjk(c) else "citation_en", c)
    for key in ("citation_zh", "citation_en"):  # the page's own citation ends with its DOI
        c = layer.doc.get(key)
        d = jf.find_doi_in(c) if isinstance(c, str) else None
        layer.set("doi", d.printed if d else None)
    _abstracts(layer, lines)
    layer.references = _reference_list(soup)
    return layer


def is_article_list(lines: list[str]) -> bool:
    """A table of contents or a list of search results: two or more different DOIs printed
    before any reference or related-articles heading (an article page prints its own DOI, in
    the header and its self-citation, and other DOIs only in its reference lists). For pages
    whose meta tags name no article."""
    dois: set[str] = set()
    for line in lines:
        if is_reference_heading(line) or heading_label(line, ("related",)):
            break
        dois.update(m.key for m in find_dois(line, join_lines=False))
        if len(dois) >= 2:
            return True
    return False
