"""Text copies of Chinese journal article pages (Magtech family, e.g. the CMA journals).

The page is cut at a few anchors, each block parsed on its own (REFERENCE.md §1):

    platform-switch link (dropped)
    header     `<journal> ›› 2025, Vol. 14 ›› Issue (04) : 522 -527. doi: <DOI>`
    front      column, Chinese title, authors, affiliations, `• 收稿日期:` lines;
               then the same block in English
    `引用本文:` the Chinese and English self-citations
    abstracts  two paragraphs (unlabelled, or `摘要:`/`Abstract:` with `关键词:`/`Key words:`)
    numbered   `[n]` alone on a line + text: references; then `[n] text` restarting at [1]
               with no heading: related articles
    legend     `阅读次数 / 全文 / 摘要` (dropped)

`parse_journal_text` works on any text, so the HTML adapters can fall back to it on a page's
visible text. Every failure on bad input is a `ParseError`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from ..errors import ParseError
from ..records import (
    Abstract,
    Affiliation,
    Author,
    Document,
    Keyword,
    ParsedDocument,
    Reference,
    RelatedArticle,
)
from ..refs.doi import is_valid_doi, normalize_doi
from ..text.normalize import cjk_ratio, clean, has_cjk
from . import _journal_fields as jf
from .base import RawInput, SourceAdapter, make_doc_id
from .registry import register

SOURCE = "journal"

_BULLET = re.compile(r"^[•●▪◦■]\s*")
_PLATFORM_SWITCH = re.compile(r"^切换至")
# The metrics legend at the foot of the page. `摘要` is also a real label, so these lines
# count as chrome only after the numbered lists (or as the last lines of the page).
_METRICS = r"阅读次数|HTML全文|PDF全文|下载次数|被引次数|导出引用"
_LEGEND = re.compile(rf"^(?:{_METRICS}|全文|摘要)(?:\s*[:：]?\s*[0-9]*)$")
_LEGEND_ANYWHERE = re.compile(rf"^(?:{_METRICS})(?:\s*[:：]?\s*[0-9]*)$")
_CITE_ANCHOR = re.compile(r"^(?:引用本文|Cite this article)\s*[:：]?\s*(?P<rest>.*)$", re.IGNORECASE)
_MARKER = re.compile(r"^\[(?P<no>[0-9]{1,4})\]\s*(?P<rest>.*)$")
_REF_HEADING = re.compile(r"^(?:参考文献|References?)\s*[:：]?$", re.IGNORECASE)
_RELATED_HEADING = re.compile(r"^(?:相关文章|相关文献|Related articles?)(?:\s*[:：]?\s*[0-9]*)$",
                              re.IGNORECASE)

_ABS_ZH = re.compile(r"^(?:【摘\s*要】|\[摘\s*要\]|摘\s*要(?=[:：\s]|$))\s*[:：]?\s*(?P<rest>.*)$")
_ABS_EN = re.compile(r"^(?:【Abstract】|\[Abstract\]|Abstract(?=[:：\s]|$))\s*[:：]?\s*(?P<rest>.*)$",
                     re.IGNORECASE)
_KW_ZH = re.compile(r"^(?:【关键词】|\[关键词\]|关\s*键\s*词)\s*[:：]?\s*(?P<rest>.*)$")
_KW_EN = re.compile(r"^(?:【Key\s*words?】|\[Key\s*words?\]|Key\s*words?\s*[:：])\s*[:：]?\s*(?P<rest>.*)$",
                    re.IGNORECASE)
# Structured-abstract parts: an unlabelled line starting with one continues the abstract.
_PART_ZH = re.compile(r"^(?:【|\[)?(?:目的|方法|结果|结论|背景|目标)(?:】|\])?(?:[:：\s]|$)")
_PART_EN = re.compile(
    r"^(?:Objectives?|Methods?|Results?|Conclusions?|Background|Aims?|Purpose)(?:[:：\s]|$)", re.IGNORECASE)
# Lines of the abstract block that are neither abstract nor keywords.
_ABS_NOISE = re.compile(
    r"^(?:中图分类号|文献标[志识]码|文章编号|CLC number|Document code|Article ID|DOI)\s*[:：]", re.IGNORECASE)
_COLUMN_PUNCT = re.compile(r"[0-9,.，。:：;；()（）]")
_DOI_TAIL = re.compile(r"10\.[0-9]{4,9}/[-._;()/:A-Za-z0-9]*$")
_DOI_TOKEN = re.compile(r"[-._;()/:A-Za-z0-9]+")
_DOI_LABEL = re.compile(r"DOI\s*[:：]\s*", re.IGNORECASE)


# ----------------------------------------------------------------------------- helpers

def _join(parts: list[str]) -> str:
    """Join wrapped pieces: nothing between two CJK sides, one space otherwise."""
    out: list[str] = []
    for p in parts:
        if out and not (_cjk_side(out[-1][-1]) and _cjk_side(p[0])):
            out.append(" ")
        out.append(p)
    return "".join(out)


def _cjk_side(ch: str) -> bool:
    return has_cjk(ch) or ch in "。，；：、（）【】“”"


def _prepare(text: str) -> list[str | None]:
    """Cleaned lines, bullets stripped, platform link dropped; None marks a blank line."""
    out: list[str | None] = []
    for line in text.splitlines():
        c = clean(line)
        if c is not None:
            c = clean(_BULLET.sub("", c))
        if c is not None and _PLATFORM_SWITCH.match(c):
            continue
        if c is None and out and out[-1] is None:
            continue
        out.append(c)
    return out


# ----------------------------------------------------------------------------- front matter

@dataclass
class _Part:
    """One language's front block: head lines, affiliations, metadata fields."""

    head: list[str] = field(default_factory=list)
    affiliations: list[jf.AffiliationLine] = field(default_factory=list)
    meta: list[jf.MetaField] = field(default_factory=list)
    started_body: bool = False  # an affiliation or metadata line has been seen

    def value(self, key: str) -> str | None:
        for f in self.meta:
            if f.key == key and f.value:
                return f.value
        return None


@dataclass
class _Front:
    zh: _Part = field(default_factory=_Part)
    en: _Part = field(default_factory=_Part)
    spill: list[str | None] = field(default_factory=list)  # paragraphs after the blocks


def _is_author_line(line: str, lang: str) -> bool:
    return (jf.zh_author_items(line) if lang == "zh" else jf.en_author_items(line)) is not None


def _parse_front(lines: list[str | None]) -> _Front:
    front = _Front()
    lang = "zh"
    cont: jf.MetaField | None = None  # a label whose value continues on the next lines
    for line in lines:
        if line is None:
            # A bare label (`基金资助:`) keeps waiting for its value across blank lines:
            # some copies put a blank line after every line.
            cont = cont if cont is not None and not cont.value else None
            if front.spill and front.spill[-1] is not None:
                front.spill.append(None)
            continue
        part = front.zh if lang == "zh" else front.en
        fields = jf.parse_meta_line(line)
        if fields is not None:
            if lang == "zh" and jf.META_LANG.get(fields[0].label) == "en":
                lang, part = "en", front.en
            part.meta.extend(fields)
            part.started_body = True
            cont = fields[-1] if not fields[-1].value else None
            continue
        if cont is not None and (lang == "en" or not cont.value or has_cjk(line)):
            cont.value = f"{cont.value}; {line}" if cont.value else line
            continue
        cont = None
        if lang == "zh" and front.zh.head and not has_cjk(line) and jf.parse_zh_affiliation(line) is None:
            lang, part = "en", front.en
        elif lang == "zh" and not front.zh.head and not has_cjk(line):
            lang, part = "en", front.en  # an English-only front block
        if part.started_body and not (part.affiliations and _affiliation(line, lang)):
            front.spill.append(line)
            continue
        if part.head and (part.affiliations or _is_author_line(part.head[-1], lang)):
            aff = _affiliation(line, lang)
            if aff is not None:
                part.affiliations.append(aff)
                part.started_body = True
                continue
        part.head.append(line)
    return front


def _affiliation(line: str, lang: str) -> jf.AffiliationLine | None:
    return jf.parse_zh_affiliation(line) if lang == "zh" else jf.parse_en_affiliation(line)


def _is_column(line: str) -> bool:
    return has_cjk(line) and len(line) <= 15 and not _COLUMN_PUNCT.search(line)


@dataclass
class _Head:
    section: str | None = None
    title: str | None = None
    authors: list[jf.NameItem] = field(default_factory=list)


def _title_in_citation(lines: list[str], lang: str, citation: str | None) -> int | None:
    """How many trailing head lines make the title, when the page's own self-citation
    (which prints the title on one line) says so; None when it cannot tell."""
    if not citation:
        return None
    key = citation.replace(" ", "")
    for k in range(len(lines), 0, -1):
        title = _join(lines[-k:]) if lang == "zh" else " ".join(lines[-k:])
        if f"{title.replace(' ', '')}[" in key:  # the title stands right before `[J]`
            return k
    return None


def _split_head(part: _Part, lang: str, citation: str | None = None) -> _Head:
    head = _Head()
    lines = list(part.head)
    if lines:
        items = jf.zh_author_items(lines[-1]) if lang == "zh" else jf.en_author_items(lines[-1])
        if items is not None and (len(lines) > 1 or part.affiliations or part.meta):
            head.authors = items
            lines.pop()
    k = _title_in_citation(lines, lang, citation)
    if k is not None:
        # A wrapped title is several lines; the one line before it is the column.
        head.title = _join(lines[-k:]) if lang == "zh" else " ".join(lines[-k:])
        if lang == "zh" and len(lines) - k == 1:
            head.section = lines[0]
        return head
    if lang == "zh" and len(lines) == 1 and _is_column(lines[0]) and not head.authors \
            and not part.affiliations:
        head.section = lines[0]  # English-only article: the Chinese block is just the column
        return head
    if lang == "zh" and len(lines) >= 2 and _is_column(lines[0]):
        head.section, lines = lines[0], lines[1:]
    elif len(lines) >= 2:
        lines = lines[-1:] if lang == "zh" else lines
    if lines:
        head.title = _join(lines) if lang == "zh" else " ".join(lines)
    return head


# ----------------------------------------------------------------------------- abstracts

@dataclass
class _Abstracts:
    texts: dict[str, list[str]] = field(default_factory=dict)  # lang -> pieces, in order
    keywords: dict[str, list[str]] = field(default_factory=dict)
    doi_line: str | None = None  # a `DOI:` line in the abstract block (no header case)
    flags: list[str] = field(default_factory=list)


def _parse_abstracts(lines: list[str | None]) -> _Abstracts:
    out = _Abstracts()
    current: str | None = None  # language of the abstract being extended
    pending: str | None = None  # a bare `摘要` / `Abstract` label: the next paragraph is it
    pending_kw: str | None = None
    for line in lines:
        if line is None:
            continue
        if _REF_HEADING.match(line) or _RELATED_HEADING.match(line):
            current = None
            continue
        if _ABS_NOISE.match(line):
            if _DOI_LABEL.match(line):
                out.doi_line = line
            current = None
            continue
        if pending_kw is not None:  # `关键词:` alone on its line: the values follow
            out.keywords.setdefault(pending_kw, []).extend(jf.split_keywords(line))
            pending_kw = None
            continue
        for lang, rx in (("zh", _KW_ZH), ("en", _KW_EN)):
            m = rx.match(line)
            if m:
                rest = m.group("rest")
                if rest:
                    out.keywords.setdefault(lang, []).extend(jf.split_keywords(rest))
                else:
                    pending_kw = lang
                current = None
                break
        else:
            m_zh, m_en = _ABS_ZH.match(line), _ABS_EN.match(line)
            labelled = "zh" if m_zh else "en" if m_en else None
            if labelled is not None:
                rest = (m_zh or m_en).group("rest")  # type: ignore[union-attr]
                if not rest:
                    pending = labelled
                    continue
                _add_abstract(out, labelled, rest, new=True)
                current, pending = labelled, None
                continue
            lang = "zh" if has_cjk(line) and cjk_ratio(line) >= 0.2 else "en"
            if pending is not None:
                _add_abstract(out, pending, line, new=True)
                current, pending = pending, None
            elif current == lang:
                _add_abstract(out, lang, line, new=False)
            elif lang not in out.texts:
                _add_abstract(out, lang, line, new=True)
                current = lang
            elif (_PART_ZH if lang == "zh" else _PART_EN).match(line) and current is None:
                _add_abstract(out, lang, line, new=False)
                current = lang
            else:
                out.flags.append("unplaced_paragraph")
    return out


def _add_abstract(out: _Abstracts, lang: str, text: str, *, new: bool) -> None:
    if new and lang in out.texts:
        out.flags.append(f"second_abstract:{lang}")
        return
    out.texts.setdefault(lang, []).append(text)


# ----------------------------------------------------------------------------- numbered lists

@dataclass
class _Item:
    no: int
    inline: bool  # `[n] text` on one line (related articles) vs `[n]` alone (references)
    lines: list[str] = field(default_factory=list)
    related_heading: bool = False


def _doi_continues(prev: str, nxt: str) -> bool:
    """Does `nxt` continue a DOI broken at the end of `prev` (`...02648725.` + `2023.2216966.`)?"""
    if not _DOI_TAIL.search(prev):
        return False
    token = nxt.split(" ", 1)[0]
    if not _DOI_TOKEN.fullmatch(token):
        return False
    if prev[-1] in "-/_":
        return True
    # A period or a letter may end the DOI for real; the next line then starts a new
    # sentence (a translation, an author name), not a bare run of DOI characters.
    return token[0].isdigit() or token == nxt


def _join_ref_lines(lines: list[str]) -> str:
    out = [lines[0]]
    tail = lines[0][-300:]  # enough to hold a DOI broken over several lines
    for nxt in lines[1:]:
        piece = ("" if _doi_continues(tail, nxt) else " ") + nxt
        out.append(piece)
        tail = (tail + piece)[-300:]
    return "".join(out)


def _numbered_items(lines: list[str | None]) -> tuple[list[_Item], bool]:
    """The `[n]` items in order, and whether the page's foot (legend) was reached."""
    items: list[_Item] = []
    cur: _Item | None = None
    related_next = False
    blank_after: _Item | None = None  # a reference a blank line has (perhaps) closed
    for line in lines:
        if line is None:
            if cur is not None and cur.lines:
                cur, blank_after = None, cur
            continue
        if blank_after is not None and not blank_after.inline and jf.looks_like_citation(line) \
                and not _MARKER.match(line):
            cur = blank_after  # its other-language version, after a blank line
        blank_after = None
        if _LEGEND.match(line):
            cur = None
            if items:
                return items, True
            continue
        if _RELATED_HEADING.match(line):
            cur, related_next = None, True
            continue
        m = _MARKER.match(line)
        if m:
            rest = m.group("rest")
            cur = _Item(int(m.group("no")), bool(rest), [rest] if rest else [], related_heading=related_next)
            related_next = False
            items.append(cur)
        elif cur is not None:
            cur.lines.append(line)
    return items, False


def _split_runs(items: list[_Item]) -> list[list[_Item]]:
    """A run ends where the numbering restarts; a repeated number continues its item's run
    (bilingual references printed as two entries with one number)."""
    runs: list[list[_Item]] = []
    for it in items:
        if not runs or it.related_heading or it.no < runs[-1][-1].no:
            runs.append([it])
        else:
            runs[-1].append(it)
    return runs


def _reference_doi(raw: str, complete: bool) -> str | None:
    label = _DOI_LABEL.search(raw)
    m = jf.find_doi_in(raw[label.end():]) if label else None
    if m is None:
        m = jf.find_doi_in(raw)
    if m is None:
        return None
    if not complete and raw.rstrip().endswith(m.printed):
        return None  # the copy stops inside the DOI: what is left is not the DOI
    return m.printed


def _build_lists(items: list[_Item], reached_foot: bool) -> tuple[list[Reference], list[RelatedArticle],
                                                                   list[str]]:
    flags: list[str] = []
    runs = [r for r in _split_runs(items) if any(it.lines for it in r)]
    refs_run: list[_Item] = []
    related_run: list[_Item] = []
    for run in runs:
        if not refs_run and not related_run and not run[0].related_heading:
            refs_run = run
        elif not related_run:
            related_run = run
        else:
            flags.append("extra_numbered_list")
    references: list[Reference] = []
    merged: dict[int, list[str]] = {}
    order: list[int] = []
    for it in refs_run:
        if not it.lines:
            continue
        if it.no not in merged:
            order.append(it.no)
            merged[it.no] = []
        merged[it.no].append(_join_ref_lines(it.lines))
    for i, no in enumerate(order):
        raw = " ".join(merged[no])
        last = i == len(order) - 1
        # The last reference of a copy with no list or legend after it may be cut short.
        complete = not last or reached_foot or bool(related_run) or (
            raw.endswith((".", "。")) and jf.looks_like_citation(raw))
        if not complete:
            flags.append("truncated:references")
        references.append(Reference(ref_no=no, raw=raw, doi=_reference_doi(raw, complete)))
    if order and order != list(range(order[0], order[0] + len(order))):
        flags.append("reference_numbering_gap")
    related = [RelatedArticle(item_no=it.no, raw=_join_ref_lines(it.lines)) for it in related_run if it.lines]
    return references, related, flags


# ----------------------------------------------------------------------------- assembly

def _find_anchor_indexes(lines: list[str | None]) -> tuple[int | None, jf.Header | None, int | None, int]:
    """(header index, header, 引用本文 index, first numbered-list index or len)."""
    header_i, header = None, None
    seen = 0
    for i, line in enumerate(lines):
        if line is None:
            continue
        seen += 1
        if seen > 40:
            break
        h = jf.parse_header(line)
        if h is not None:
            header_i, header = i, h
            break
    start = header_i + 1 if header_i is not None else 0
    refs_i = len(lines)
    first_marker = None
    for i in range(start, len(lines)):
        line = lines[i]
        if line is None:
            continue
        m = _MARKER.match(line)
        if m:
            if first_marker is None:
                first_marker = i
            if m.group("no") == "1":
                refs_i = i
                break
    if refs_i == len(lines) and first_marker is not None:
        refs_i = first_marker
    cite_i = None
    for i in range(start, refs_i):
        line = lines[i]
        if line is not None and _CITE_ANCHOR.match(line):
            cite_i = i
            break
    return header_i, header, cite_i, refs_i


def _trim_foot(region: list[str | None]) -> list[str | None]:
    """Drop the metrics legend from a block that runs to the end of the page (no lists)."""
    end = len(region)
    while end and (region[end - 1] is None or _LEGEND.match(region[end - 1] or "")):
        end -= 1
    return [x for x in region[:end] if x is None or not _LEGEND_ANYWHERE.match(x)]


def _front_end(lines: list[str | None], start: int, stop: int) -> int:
    for i in range(start, stop):
        line = lines[i]
        if line is not None and (_ABS_ZH.match(line) or _ABS_EN.match(line)
                                 or _KW_ZH.match(line) or _KW_EN.match(line)):
            return i
    return stop


def _citations(lines: list[str | None], cite_i: int, stop: int) -> tuple[str | None, str | None, int]:
    """The self-citations after `引用本文:`, and the index where the abstracts start."""
    candidates: list[tuple[int, str]] = []
    first = lines[cite_i]
    m = _CITE_ANCHOR.match(first or "")
    if m and m.group("rest"):
        candidates.append((cite_i, m.group("rest")))
    i = cite_i + 1
    while i < stop and len(candidates) < 2:
        line = lines[i]
        if line is not None:
            if not jf.looks_like_citation(line):
                break
            candidates.append((i, line))
        i += 1
    zh = next((c for _, c in candidates if has_cjk(c)), None)
    en = next((c for _, c in candidates if not has_cjk(c)), None)
    end = candidates[-1][0] + 1 if candidates else cite_i + 1
    return zh, en, end


def parse_journal_text(text: str, raw: RawInput | None = None) -> ParsedDocument:
    """Parse the text of a journal article page into a `ParsedDocument`.

    `raw` supplies the path and the content hash (the fallback document id); without it the
    id falls back to a hash of `text`. Raises `ParseError` when the text holds no title, no
    abstract and no DOI (a copy truncated beyond use).
    """
    lines = _prepare(text)
    header_i, header, cite_i, refs_i = _find_anchor_indexes(lines)
    start = header_i + 1 if header_i is not None else 0
    front_stop = _front_end(lines, start, cite_i if cite_i is not None else refs_i)
    front = _parse_front(lines[start:front_stop])
    citation_zh = citation_en = None
    cite_lines = range(0)
    if cite_i is not None:
        citation_zh, citation_en, cite_end = _citations(lines, cite_i, refs_i)
        cite_lines = range(cite_i, cite_end)
    region = [line for i, line in enumerate(lines[front_stop:refs_i], front_stop) if i not in cite_lines]
    abstracts = _parse_abstracts([*front.spill, None, *_trim_foot(region)])
    items, reached_foot = _numbered_items(lines[refs_i:])
    references, related, list_flags = _build_lists(items, reached_foot)

    zh_head, en_head = _split_head(front.zh, "zh", citation_zh), _split_head(front.en, "en", citation_en)
    doi_m = header.doi if header is not None else None
    if doi_m is None and abstracts.doi_line:
        doi_m = jf.find_doi_in(abstracts.doi_line)
    abstract_recs = [Abstract(lang, t) for lang in ("zh", "en")
                     if (t := clean(_join(abstracts.texts.get(lang, []))))]
    # A title alone proves little (any first line of any text would do): it counts only
    # with some other piece of the page's structure beside it.
    structure = bool(header or citation_zh or citation_en or zh_head.authors or en_head.authors
                     or front.zh.affiliations or front.en.affiliations or front.zh.meta or front.en.meta
                     or references)
    has_title = bool(zh_head.title or en_head.title) and structure
    if not (has_title or abstract_recs or doi_m):
        n = sum(1 for x in lines if x is not None)
        raise ParseError(
            f"truncated beyond use: no title, no abstract and no DOI found in {n} non-blank lines "
            "(not a journal article page, or a copy cut before its content)"
        )

    doi_key = normalize_doi(doi_m.printed) if doi_m else None
    if raw is not None:
        doc_id = make_doc_id(doi_key=doi_key, raw=raw)
    elif doi_key:
        doc_id = make_doc_id(doi_key=doi_key)
    else:
        doc_id = "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]

    flags: list[str] = []
    doc = Document(
        doc_id=doc_id, source=SOURCE, doc_type="journal_article",
        source_path=raw.path if raw is not None else "",
        content_sha256=raw.sha256 if raw is not None else "",
        doi=doi_m.printed if doi_m else None, doi_key=doi_key,
        doi_valid=is_valid_doi(doi_key) if doi_key else None,
        title_zh=zh_head.title, title_en=en_head.title,
        section=zh_head.section,
        citation_zh=citation_zh, citation_en=citation_en,
    )
    if header is not None:
        doc.journal_zh, doc.year, doc.volume = header.journal, header.year, header.volume
        doc.issue, doc.first_page, doc.last_page = header.issue, header.first_page, header.last_page
    prov: dict[str, str] = {}  # fields not read where they normally are
    _fill_from_citations(doc, flags, prov)
    _fill_meta(doc, front, flags)
    _check_cma_doi(doc, flags)
    authors, affiliations = _people(front, zh_head, en_head, doc, flags)

    keywords = [Keyword(lang, i + 1, kw) for lang in ("zh", "en")
                for i, kw in enumerate(abstracts.keywords.get(lang, []))]
    flags += abstracts.flags + list_flags
    doc.quality_flags = list(dict.fromkeys(flags))
    if doc.issn is not None:
        prov["issn"] = "doi"
    doc.provenance = {k: prov.get(k, "text") for k in _PROVENANCE_FIELDS if getattr(doc, k) is not None}
    return ParsedDocument(
        document=doc, authors=authors, affiliations=affiliations, abstracts=abstract_recs,
        keywords=keywords, references=references, related_articles=related,
    )


# Document fields this parser fills, listed in `provenance` when set.
_PROVENANCE_FIELDS = (
    "doi", "title_zh", "title_en", "journal_zh", "journal_en", "issn", "year", "volume", "issue",
    "first_page", "last_page", "section", "received_date", "revised_date", "accepted_date", "published_date",
    "corresponding_author_zh", "corresponding_author_en", "corresponding_email", "funding_zh", "funding_en",
)


def _fill_from_citations(doc: Document, flags: list[str], prov: dict[str, str]) -> None:
    """journal_en exists only in the English self-citation; both lines cross-check the header."""
    for lang, line in (("zh", doc.citation_zh), ("en", doc.citation_en)):
        tail = jf.parse_citation_tail(line) if line else None
        if tail is None:
            continue
        where = f"citation_{lang}"
        if lang == "en":
            doc.journal_en, prov["journal_en"] = tail.journal, where
        elif doc.journal_zh is None:
            doc.journal_zh, prov["journal_zh"] = tail.journal, where
        elif tail.journal != doc.journal_zh:
            flags.append("self_citation_mismatch:journal")
        if doc.year is None:  # no header: the self-citation is the best source left
            doc.year, doc.volume, doc.issue = tail.year, tail.volume, tail.issue
            doc.first_page, doc.last_page = tail.first_page, tail.last_page
            prov.update(dict.fromkeys(("year", "volume", "issue", "first_page", "last_page"), where))
            continue
        if tail.year != doc.year:
            flags.append("self_citation_mismatch:year")
        if tail.volume and doc.volume and tail.volume != doc.volume:
            flags.append("self_citation_mismatch:volume")
        if tail.issue and doc.issue and tail.issue.lstrip("0") != doc.issue.lstrip("0"):
            flags.append("self_citation_mismatch:issue")
        if doc.first_page and tail.first_page != doc.first_page:
            flags.append("self_citation_mismatch:pages")


def _fill_meta(doc: Document, front: _Front, flags: list[str]) -> None:
    for key in ("received", "revised", "accepted", "published"):
        zh, en = jf.parse_date(front.zh.value(key)), jf.parse_date(front.en.value(key))
        if zh and en and zh != en:
            flags.append(f"date_mismatch:{key}")
        setattr(doc, f"{key}_date", zh or en)
    zh_corr, en_corr = front.zh.value("corresponding"), front.en.value("corresponding")
    email = None
    if zh_corr:
        doc.corresponding_author_zh, email = jf.split_corresponding(zh_corr)
    if en_corr:
        doc.corresponding_author_en, en_email = jf.split_corresponding(en_corr)
        email = email or en_email
    doc.corresponding_email = email
    doc.funding_zh = clean(front.zh.value("funding"))
    doc.funding_en = clean(front.en.value("funding"))


_CMA_DOI = re.compile(r"cma\.j\.issn\.([0-9]{4}-[0-9]{3}[0-9x])\.([0-9]{4})\.([0-9]{2})\.")


def _check_cma_doi(doc: Document, flags: list[str]) -> None:
    """CMA DOIs encode ISSN, year and issue: a free consistency check (REFERENCE.md §4)."""
    m = _CMA_DOI.search(doc.doi_key or "")
    if not m:
        return
    doc.issn = m.group(1).upper()
    if doc.year is not None and int(m.group(2)) != doc.year:
        flags.append("doi_year_mismatch")
    if doc.issue and doc.issue.isdigit() and int(m.group(3)) != int(doc.issue):
        flags.append("doi_issue_mismatch")


def _names(value: str | None) -> list[str]:
    return [n for n in (clean(x) for x in re.split(r"[,，、;；]", value or "")) if n]


def _people(front: _Front, zh: _Head, en: _Head, doc: Document,
            flags: list[str]) -> tuple[list[Author], list[Affiliation]]:
    if zh.authors and en.authors and len(zh.authors) != len(en.authors):
        flags.append("author_count_mismatch")
    corr_zh, corr_en = _names(doc.corresponding_author_zh), _names(doc.corresponding_author_en)
    authors: list[Author] = []
    for i in range(max(len(zh.authors), len(en.authors))):
        z = zh.authors[i] if i < len(zh.authors) else None
        e = en.authors[i] if i < len(en.authors) else None
        labels = (z.labels if z else []) or (e.labels if e else [])
        if z and e and z.labels and e.labels and z.labels != e.labels:
            flags.append("author_affiliation_mismatch")
        marked = bool((z and z.marked) or (e and e.marked))
        named = bool((z and z.name in corr_zh) or (e and e.name in corr_en))
        if (corr_zh or corr_en) and marked != named and any(a.marked for a in zh.authors + en.authors):
            flags.append("corresponding_author_mismatch")
        email = (z.email if z else None) or (e.email if e else None)
        authors.append(Author(position=i + 1, name_zh=z.name if z else None, name_en=e.name if e else None,
                              affiliation_ids=labels, is_corresponding=marked or named, email=email))
    corr = [a for a in authors if a.is_corresponding]
    if len(corr) == 1 and doc.corresponding_email:
        corr[0].email = corr[0].email or doc.corresponding_email
    elif len(corr) == 1 and corr[0].email:  # `李照1,(li@x.cn)`: the e-mail link on the author line
        doc.corresponding_email = corr[0].email

    affiliations = _pair_affiliations(front.zh.affiliations, front.en.affiliations, flags)
    if len(affiliations) == 1 and authors and not any(a.affiliation_ids for a in authors):
        for a in authors:  # one unlabelled affiliation: every author's, by convention
            a.affiliation_ids = [affiliations[0].affiliation_id]
    known = {a.affiliation_id for a in affiliations}
    if affiliations and any(i not in known for a in authors for i in a.affiliation_ids):
        flags.append("unknown_affiliation_label")
    return authors, affiliations


def _pair_affiliations(zh: list[jf.AffiliationLine], en: list[jf.AffiliationLine],
                       flags: list[str]) -> list[Affiliation]:
    def labelled(lines: list[jf.AffiliationLine]) -> list[tuple[int, jf.AffiliationLine]]:
        out: list[tuple[int, jf.AffiliationLine]] = []
        for i, a in enumerate(lines):
            out.append((a.label if a.label is not None else i + 1, a))
        return out

    by_label: dict[int, Affiliation] = {}
    for label, a in labelled(zh):
        if label in by_label:
            flags.append("duplicate_affiliation_label")
            continue
        by_label[label] = Affiliation(affiliation_id=label, name_zh=a.name, postcode=a.postcode)
    for label, a in labelled(en):
        aff = by_label.get(label)
        if aff is None:
            by_label[label] = Affiliation(affiliation_id=label, name_en=a.name, postcode=a.postcode)
        elif aff.name_en is None:
            aff.name_en = a.name
            aff.postcode = aff.postcode or a.postcode
    return [by_label[k] for k in sorted(by_label)]


# ----------------------------------------------------------------------------- the adapter

_HEADER_CUE = re.compile(r"^.{0,80}?(?:18|19|20)[0-9]{2}\s*,\s*Vol\.?\s*\S+\s*.{0,4}\s*Issue\s*\(",
                         re.MULTILINE)
_CUES = [re.compile(p, re.MULTILINE) for p in (
    r"^\s*引用本文", r"收稿日期\s*[:：]", r"通[信讯]作者\s*[:：]", r"基金(?:资助|项目)\s*[:：]",
    r"Corresponding authors?\s*[:：]", r"^\s*(?:•\s*)?Received\s*[:：]", r"^\s*摘\s*要\s*[:：]",
    r"^\s*关\s*键\s*词\s*[:：]", r"^\s*Abstract\s*[:：]", r"^\s*Key\s*words?\s*[:：]", r"^\s*\[[0-9]{1,3}\]",
    r"\[J(?:/OL)?\]", r"^\s*(?:[0-9]{1,2}\.\s+)?[0-9]{7,8}\s+\S",
)]
# Dr.Oracle and other AI-summary pages: clearly not a journal article.
_NOT_JOURNAL = re.compile(r"droracle|Dr\.?\s?Oracle|Medical Advisory Board|From the Guidelines|"
                          r"From the Research|View editorial policy", re.IGNORECASE)


def journal_text_confidence(text: str, folder: str = "") -> float:
    """How sure we are that `text` is a journal article page copy, in [0, 1]."""
    head = text[:200_000]
    has_header = bool(_HEADER_CUE.search(head[:6000]))
    if not has_header and _NOT_JOURNAL.search(head):
        return 0.0
    cues = sum(1 for rx in _CUES if rx.search(head))
    if has_header:
        score = 0.9
    elif cues >= 3:
        score = min(0.8, 0.5 + 0.05 * (cues - 3))
    elif cues == 2:
        score = 0.3
    else:
        score = 0.0
    if folder == SOURCE:
        score = min(1.0, max(score, 0.05) + 0.05)
    return score


@register
class JournalTextAdapter(SourceAdapter):
    name = "journal_text"
    version = 2  # 2: labels after ；, 发布日期 (shared field parsers; cache key)
    source = SOURCE

    def can_parse(self, raw: RawInput) -> float:
        if raw.looks_like_html:
            return 0.0
        return journal_text_confidence(raw.text, raw.folder)

    def parse(self, raw: RawInput) -> ParsedDocument:
        return parse_journal_text(raw.text, raw)
