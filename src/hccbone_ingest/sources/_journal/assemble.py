"""Assembly: one text copy of a journal article page -> a `ParsedDocument`, by evidence.

    lines.prepare / front_stream   label every line; chrome set aside; header, DOI lines and the
                                   page's own citations kept as evidence
    evidence                       the article's DOI (never a reference's), the self-citations'
                                   titles and authors
    front.parse_front              titles, authors, affiliations, metadata per language
    abstracts.parse_abstracts      labelled abstracts win; unlabelled prose only when none
    lists                          `[n]` references and related articles, up to the page's foot

`parse_journal_text` works on any text, so the HTML adapters can fall back to it on a page's
visible text. Every failure on bad input is a `ParseError`.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from ... import vocab
from ...errors import ParseError
from ...records import Abstract, Document, Keyword, ParsedDocument
from ...refs.doi import is_valid_doi, normalize_doi
from ...text.normalize import clean, has_cjk
from .. import _journal_fields as jf
from ..base import RawInput, make_doc_id
from . import lines as ln
from .abstracts import line_lang, parse_abstracts
from .evidence import SelfCitation, doi_candidates, parse_short_citation, pick_doi, read_citation, squash
from .front import (
    FrontBlocks,
    Head,
    author_items,
    clean_title,
    join_pieces,
    looks_like_institution,
    parse_front,
    split_head,
)
from .lists import build_lists, numbered_items
from .people import labelled_author_groups, people
from .rows import Rows, take_rows

SOURCE = "journal"


def _find_anchors(lines: list[str | None]) -> tuple[int | None, jf.Header | None, int]:
    """(header index, header, first numbered-list index or len)."""
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
        m = vocab.LIST_MARKER.match(line)
        if m:
            if first_marker is None:
                first_marker = i
            if m.group("no") == "1":
                refs_i = i
                break
    if refs_i == len(lines) and first_marker is not None:
        refs_i = first_marker
    if first_marker is None:  # `参考文献` then `1. …` (Yiigle and portals): the list starts at the heading
        heading = _dotted_list_heading(lines, start)
        if heading is not None:
            refs_i = heading
    return header_i, header, refs_i


_DOTTED = re.compile(r"^(?P<no>[0-9]{1,3})\s*[.、．]\s*(?P<rest>\S.*)$")


def _tab_row_line(x: str) -> bool:
    """A tab name between a references heading and its list (`引证文献(2)`, `相似文献`, a second
    `参考文献（5）`); a bare number is not one (VIP prints `1` alone above each reference)."""
    norm = vocab.normalize_label(x)
    return bool(vocab.RELATED_HEADING.match(x) or vocab.REFERENCES_HEADING.match(norm)
                or (vocab.is_chrome(x) and not x.strip().isdigit()))


def _dotted_list_heading(lines: list[str | None], start: int) -> int | None:
    """`参考文献` then `1. …` (or `1` alone, then the reference): the list starts at the heading."""
    for i in range(start, len(lines)):
        line = lines[i]
        if line is None or not vocab.REFERENCES_HEADING.match(vocab.normalize_label(line)):
            continue
        after = [x for x in lines[i + 1:i + 24] if x is not None and not _tab_row_line(x)]
        nxt = after[0] if after else ""
        m = _DOTTED.match(nxt)
        if m and m.group("no") == "1" and jf.looks_like_citation(nxt):
            return i
        if nxt.strip() == "1" and len(after) > 1 and jf.looks_like_citation(after[1]):
            return i
    return None


def _as_markers(lines: list[str | None]) -> list[str | None]:
    """`1. 文献` lines under a references heading, numbered in order, as `[1] 文献`; a number
    alone on its line (in order) as `[n]` alone, its reference on the next line."""
    out: list[str | None] = []
    expect = 1
    for line in lines:
        m = _DOTTED.match(line or "")
        if m and int(m.group("no")) == expect:
            out.append(f"[{expect}] {m.group('rest')}")
            expect += 1
        elif line is not None and line.strip() == str(expect):
            out.append(f"[{expect}]")
            expect += 1
        else:
            out.append(line)
    return out


def _skip_tab_row(lines: list[str | None]) -> list[str | None]:
    """`参考文献(5)` `引证文献(2)` `相似文献` then the list: the other tabs' names after the heading
    are a tab row, not the heading of a related list."""
    k = 1
    while k < len(lines) and (lines[k] is None or _tab_row_line(lines[k] or "")):
        k += 1
    return [lines[0], *lines[k:]]


def _trim_foot(region: list[str | None]) -> list[str | None]:
    """Drop the metrics legend from a block that runs to the end of the page (no lists)."""
    end = len(region)
    while end and (region[end - 1] is None or vocab.FOOT_LINE.match(region[end - 1] or "")):
        end -= 1
    return [x for x in region[:end] if x is None or not vocab.METRICS_LINE.match(x)]


def _front_end(lines: list[str | None], cite_pos: int | None) -> int:
    """The front ends at the first abstract or keyword label; with none, at the page's own
    citation when front metadata stands before it (the seed's order)."""
    stop = len(lines)
    if cite_pos is not None and any(x is not None and jf.parse_meta_line(x) for x in lines[:cite_pos]):
        stop = cite_pos
    for i, line in enumerate(lines[:stop]):
        if line is None:
            continue
        norm = vocab.normalize_label(line)
        if (vocab.ABSTRACT_ZH.match(norm) or vocab.ABSTRACT_EN.match(norm)
                or vocab.KEYWORDS_ZH.match(norm) or vocab.KEYWORDS_EN.match(norm)):
            return i
    return stop


def _titles_above_repeated_authors(lines: list[str | None]) -> dict[str, str]:
    """Mirror pages print the author list twice, the second time under the title: the line
    above the second printing is the title."""
    seen: dict[tuple[str, ...], int] = {}
    out: dict[str, str] = {}
    texts = [(i, x) for i, x in enumerate(lines) if x is not None]
    for n, (_, line) in enumerate(texts):
        lang = line_lang(line)
        items = author_items(line, lang)
        if not items or len(items) < 2:
            continue
        names = tuple(it.name.replace(" ", "") for it in items)
        if names in seen and n > 0 and lang not in out:
            above = texts[n - 1][1]
            if n - 1 != seen[names] and not _junk_title(above, lang) and line_lang(above) == lang:
                out[lang] = above
        seen.setdefault(names, n)
    return out


def _repeated_titles(lines: list[str | None], front_stop: int) -> dict[str, str]:
    """A front line printed twice on the page (pages that repeat the title) is the title."""
    counts = Counter(x for x in lines if x is not None and 6 <= len(x) <= 200)
    front = set(lines[:front_stop])
    out: dict[str, str] = {}
    for line, n in counts.items():
        if line not in front:
            continue
        lang = line_lang(line)
        if n < 2 or lang in out or _junk_title(line, lang):
            continue
        out[lang] = line
    return out


_TITLE_JUNK = re.compile(r"https?://|www\.|\b10\.[0-9]{4,9}/|››|\[[A-Z](?:/OL)?\]|[:：]\s*$|^[-–—·•0-9\s]+$")


def _junk_title(t: str, lang: str) -> bool:
    """Never a title: URLs, DOIs, headers, labels, chrome, citation lines, name lists, sentences."""
    if _TITLE_JUNK.search(t) or vocab.is_chrome(t) or ln.label_line(t).kind not in (ln.TEXT, ln.PART):
        return True
    if vocab.match_label(t) is not None or jf.parse_meta_line(t) is not None or vocab.BANNER.search(t):
        return True
    if author_items(t, lang) is not None or looks_like_institution(t, lang):
        return True
    if lang == "zh":
        return not has_cjk(t) or len(t) < 4 or len(t) > 200 or t.count("。") > 1
    words = t.split()
    return has_cjk(t) or not 2 <= len(words) <= 60 or t.count(". ") > 2


def _title(head: Head, lang: str, flags: list[str]) -> str | None:
    t = clean_title(head.title)
    if t is not None and _junk_title(t, lang):
        flags.append(f"title_rejected:{lang}")
        return None
    return t


def parse_journal_text(text: str, raw: RawInput | None = None) -> ParsedDocument:
    """Parse the text of a journal article page into a `ParsedDocument`.

    `raw` supplies the path and the content hash (the fallback document id); without it the
    id falls back to a hash of `text`. Raises `ParseError` when the text holds no title, no
    abstract and no DOI (a copy truncated beyond use).
    """
    lines, rows = take_rows(ln.prepare(text))
    header_i, header, refs_i = _find_anchors(lines)
    start = header_i + 1 if header_i is not None else 0
    fs = ln.front_stream(lines[start:refs_i])
    fs.lines = _trim_foot(fs.lines)
    cites = [read_citation(c) for c in fs.citations]
    # the page's own citation: one that names a title, else the first (a `刊名, 年…` line)
    cite_zh = next((c for c in cites if c.lang == "zh" and c.title), None) \
        or next((c for c in cites if c.lang == "zh"), None)
    cite_en = next((c for c in cites if c.lang == "en" and c.title), None) \
        or next((c for c in cites if c.lang == "en"), None)
    titles = {"zh": cite_zh.title if cite_zh else None, "en": cite_en.title if cite_en else None}
    front_stop = _front_end(fs.lines, fs.cite_pos)
    for lang, t in _titles_above_repeated_authors(fs.lines[:front_stop]).items():
        titles[lang] = titles[lang] or t
    for lang, t in _repeated_titles(fs.lines, front_stop).items():
        titles[lang] = titles[lang] or t
    front = parse_front(fs.lines[:front_stop], titles)
    abstracts = parse_abstracts([*front.spill, None, *fs.lines[front_stop:]])
    ref_lines = lines[refs_i:]
    if ref_lines and vocab.REFERENCES_HEADING.match(vocab.normalize_label(ref_lines[0] or "")):
        ref_lines = _as_markers(_skip_tab_row(ref_lines))
    items, reached_foot = numbered_items(ref_lines)
    references, related, list_flags = build_lists(items, reached_foot)

    if any(x is not None for x in abstracts.leftover):
        late = parse_front(abstracts.leftover, titles)
        _adopt_late_blocks(front, late)
        # `作者：` / `机构：` rows printed after the abstract (VIP)
        front.labelled_authors = front.labelled_authors or late.labelled_authors
        front.labelled_affiliations = front.labelled_affiliations or late.labelled_affiliations
    flags: list[str] = []
    zh_head = split_head(front.zh, "zh", titles["zh"], english_block=bool(front.en.head))
    en_head = split_head(front.en, "en", titles["en"])
    title_zh, title_en = _title(zh_head, "zh", flags), _title(en_head, "en", flags)
    # a reader-mode copy prints the title only in its self-citation
    if title_zh is None and titles["zh"] and not _printed_anywhere(titles["zh"], fs.lines):
        title_zh = _title(Head(title=titles["zh"]), "zh", flags)
    if title_en is None and titles["en"] and not _printed_anywhere(titles["en"], fs.lines):
        title_en = _title(Head(title=titles["en"]), "en", flags)
    if title_zh is None and title_en is None and zh_head.title and line_lang(zh_head.title) == "en":
        title_en = _title(Head(title=zh_head.title), "en", flags)  # an English-only page
    header_doi = header.doi if header is not None else None
    if header_doi is not None and _cut_inside_last_line(text, lines, header_i) \
            and not _complete_cma_doi(header_doi.key, header):
        header_doi = None  # the copy ends inside the header line: its DOI may be cut short
    candidates = doi_candidates(header_doi, fs.doi_lines, fs.citations)
    if abstracts.doi_line and not candidates:
        m = jf.find_doi_in(abstracts.doi_line)
        candidates = doi_candidates(m, [], []) if m else []
    doi_m, doi_flags = pick_doi(candidates)
    flags += doi_flags
    abstract_recs = [Abstract(lang, t) for lang in ("zh", "en")
                     if (t := clean(join_pieces(abstracts.texts.get(lang, []))))]
    labelled_people = _labelled_people(front)
    # A title alone proves little (any first line of any text would do): it counts only
    # with some other piece of the page's structure beside it.
    structure = bool(header or cites or zh_head.authors or en_head.authors or labelled_people
                     or front.zh.affiliations or front.en.affiliations or front.zh.meta or front.en.meta
                     or references)
    has_title = bool(title_zh or title_en) and structure
    if not (has_title or abstract_recs or doi_m or references):
        n = sum(1 for x in lines if x is not None)
        raise ParseError(
            f"truncated beyond use: no title, no abstract and no DOI found in {n} non-blank lines "
            "(not a journal article page, or a copy cut before its content)"
        )

    doi_key = normalize_doi(doi_m.printed) if doi_m else None
    # Without a DOI, the page's own address keys it (`host:11562`): a reference tab's references
    # then join the article's other copies from the same address.
    site = ln.article_site_id(fs.url) if fs.url else None
    host, key = site if site else (None, None)
    if raw is not None:
        doc_id = make_doc_id(doi_key=doi_key, site=host, site_id=key, raw=raw)
    elif doi_key or site:
        doc_id = make_doc_id(doi_key=doi_key, site=host, site_id=key)
    else:
        doc_id = "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]

    doc = Document(
        doc_id=doc_id, source=SOURCE, doc_type="journal_article",
        source_path=raw.path if raw is not None else "",
        content_sha256=raw.sha256 if raw is not None else "",
        url=fs.url,
        doi=doi_m.printed if doi_m else None, doi_key=doi_key,
        doi_valid=is_valid_doi(doi_key) if doi_key else None,
        title_zh=title_zh, title_en=title_en,
        section=zh_head.section if title_zh else None,
        citation_zh=cite_zh.line if cite_zh else None, citation_en=cite_en.line if cite_en else None,
    )
    if header is None:
        _fill_from_issue_line(doc, fs.headers)
        _fill_from_article_id(doc, fs.lines)
    if header is not None:
        doc.journal_zh, doc.year, doc.volume = header.journal, header.year, header.volume
        doc.issue, doc.first_page, doc.last_page = header.issue, header.first_page, header.last_page
        if doc.journal_zh is not None and not has_cjk(doc.journal_zh):
            doc.journal_en, doc.journal_zh = doc.journal_zh, None
    prov: dict[str, str] = {}  # fields not read where they normally are
    _fill_from_citations(doc, flags, prov)
    _fill_meta(doc, front, flags)
    _fill_from_rows(doc, rows, prov)
    _check_cma_doi(doc, flags)
    if labelled_people is not None:
        zh_head.authors = zh_head.authors or labelled_people[0]
        front.zh.affiliations = front.zh.affiliations or labelled_people[1]
    _people_from_rows(rows, zh_head, en_head, front)
    for head, part, lang in ((zh_head, front.zh, "zh"), (en_head, front.en, "en")):
        if head.institution and not part.affiliations:  # the first author's, bracketed after the names
            parse = jf.parse_zh_affiliation if lang == "zh" else jf.parse_en_affiliation
            a = parse(head.institution)
            if a is not None:
                part.affiliations = [jf.AffiliationLine(1, a.name, a.postcode)]
    _authors_from_citations(zh_head, en_head, cite_zh, cite_en)
    authors, affiliations = people(front, zh_head, en_head, doc, flags)

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


_CMA_DOI_FULL = re.compile(r"cma\.j\.issn\.[0-9]{4}-[0-9]{3}[0-9x]\.([0-9]{4})\.([0-9]{2})\.[0-9]{3}$")


def _complete_cma_doi(key: str, header: jf.Header | None) -> bool:
    """A CMA DOI spells ISSN, year, issue and a 3-digit article number: when all agree with
    the header, a copy that stops right after it did not cut it."""
    m = _CMA_DOI_FULL.search(key)
    return bool(m and header is not None and int(m.group(1)) == header.year
                and header.issue and header.issue.isdigit() and int(m.group(2)) == int(header.issue))


def _authors_from_citations(zh: Head, en: Head, cite_zh: SelfCitation | None,
                            cite_en: SelfCitation | None) -> None:
    """Names printed only in a self-citation (cjco: the English names) fill a language with none,
    when the list is whole and as long as the other language's."""
    for head, other, cite, lang in ((zh, en, cite_zh, "zh"), (en, zh, cite_en, "en")):
        if head.authors or cite is None or not cite.authors:
            continue
        items = author_items(", ".join(cite.authors), lang)
        if items and (not other.authors or len(other.authors) == len(items)):
            head.authors = items


def _printed_anywhere(title: str | None, lines: list[str | None]) -> bool:
    key = squash(title or "")
    return any(x is not None and key in squash(x) and not jf.looks_like_citation(x) for x in lines)


def _fill_from_issue_line(doc: Document, headers: list[str]) -> None:
    """Mirror sites print `刊名 2019年3期` instead of a header: journal, year and issue."""
    for line in headers:
        m = vocab.ISSUE_LINE.match(vocab.normalize_label(line))
        if m and has_cjk(m.group("journal")):
            printed = line[: m.end("journal")] if len(line) == len(m.string) else m.group("journal")
            doc.journal_zh = clean(printed)
            doc.year, doc.issue = int(m.group("year")), m.group("issue")
            return


# `[文章编号] 1673-9701(2021)17-0052-04`: ISSN, (year), issue, first page, page count.
_ARTICLE_ID = re.compile(r"(?:文章编号|Article\s*ID)\s*[\]】]?\s*[:：]?\s*[0-9]{4}-[0-9]{3}[0-9Xx]\s*"
                         r"\(\s*(?P<year>(?:19|20)[0-9]{2})\s*\)\s*(?P<issue>[0-9]{1,2})\s*-\s*(?P<first>[0-9]{2,5})"
                         r"\s*-\s*[0-9]{1,3}", re.IGNORECASE)


def _fill_from_article_id(doc: Document, lines: list[str | None]) -> None:
    """The article number spells the first page (not the last: only a page count follows)."""
    for line in lines:
        if line is None or ("编" not in (norm := vocab.normalize_label(line)) and "ID" not in norm):
            continue
        m = _ARTICLE_ID.search(norm)
        if m:
            doc.year = doc.year or int(m.group("year"))
            doc.issue = doc.issue or m.group("issue")
            doc.first_page = doc.first_page or str(int(m.group("first")))
            return


def _adopt_late_blocks(front: FrontBlocks, late: FrontBlocks) -> None:
    """A language block printed after the abstracts (university journals print the English
    title, authors and affiliations between the Chinese keywords and `Abstract:`) fills a
    language whose front block holds no title."""
    for lang in ("zh", "en"):
        part, late_part = getattr(front, lang), getattr(late, lang)
        if late_part.head and not any(x for x in part.head):
            part.head, part.affiliations = late_part.head, late_part.affiliations
            part.meta += late_part.meta
        elif late_part.affiliations and not part.affiliations:
            part.affiliations = late_part.affiliations  # the front block printed no affiliation
        elif not any(author_items(x, lang) for x in part.head) and late_part.head \
                and author_items(late_part.head[0], lang):
            part.head = [*part.head, late_part.head[0]]  # the names below a stray label line
        if late_part.head is not part.head:  # dates and people printed at the page's foot
            part.meta += [f for f in late_part.meta if f.key is None or part.value(f.key) is None]


def _labelled_people(front: FrontBlocks) -> tuple[list[jf.NameItem], list[jf.AffiliationLine]] | None:
    """`作者: …` (Hans: names and institutions on one line) and `作者单位: …` lines."""
    names: list[jf.NameItem] = []
    affs: list[jf.AffiliationLine] = []
    for value in front.labelled_authors:
        got = labelled_author_groups(value)
        if got is not None:
            names, affs = got
            break
    en_affs: list[jf.AffiliationLine] = []
    for lang, value in front.labelled_affiliations:
        into = affs if lang == "zh" else en_affs
        value = value.strip(" ;；")
        if value[:1] in "(（" and value[-1:] in ")）":  # `(1. …; 2. …)`
            value = value[1:-1]
        for piece in re.split(r"\s*[;；]\s*|\s+(?=[0-9]{1,2}\s*[.、．]\s*\S)|\s+(?=\[[0-9]{1,2}\])", value):
            bracket = re.match(r"^\s*\[([0-9]{1,2})\]\s*", piece)  # VIP `[1]单位,城市邮编`
            piece = piece[bracket.end():] if bracket else piece
            a = jf.parse_zh_affiliation(piece) if lang == "zh" else jf.parse_en_affiliation(piece)
            if a is not None and bracket:
                a = jf.AffiliationLine(int(bracket.group(1)), a.name, a.postcode)
            if a is not None and not any(x.name == a.name for x in into):
                into.append(jf.AffiliationLine(a.label or len(into) + 1, a.name, a.postcode))
    if en_affs and not front.en.affiliations:
        front.en.affiliations = en_affs
    if not names and not affs:
        return None
    return names, affs


def _cut_inside_last_line(text: str, lines: list, i: int | None) -> bool:
    """True when line `i` is the page's last line and the text stops without a line break:
    a copy cut mid-line, so whatever ends that line (a DOI) may be incomplete."""
    if i is None or text.endswith(("\n", "\r")):
        return False
    return all(x is None for x in lines[i + 1:])


# Document fields this parser fills, listed in `provenance` when set.
_PROVENANCE_FIELDS = (
    "doi", "title_zh", "title_en", "journal_zh", "journal_en", "issn", "year", "volume", "issue",
    "first_page", "last_page", "section", "received_date", "revised_date", "accepted_date", "published_date",
    "corresponding_author_zh", "corresponding_author_en", "corresponding_email", "funding_zh", "funding_en",
)


def _fill_from_citations(doc: Document, flags: list[str], prov: dict[str, str]) -> None:
    """journal_en exists only in the English self-citation; both lines cross-check the header."""
    for lang, line in (("zh", doc.citation_zh), ("en", doc.citation_en)):
        tail = (jf.parse_citation_tail(line) or parse_short_citation(line)) if line else None
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


def _fill_meta(doc: Document, front: FrontBlocks, flags: list[str]) -> None:
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




def _fill_from_rows(doc: Document, rows: Rows, prov: dict[str, str]) -> None:
    """Portal rows (`刊名：`, `年，卷(期)：`, `页码：`, `在线出版日期：`), the CNKI source line and the
    breadcrumb fill what the page printed nowhere else."""
    journal = clean(rows.values.get("journal_zh")) or rows.journal
    if doc.journal_zh is None and journal and has_cjk(journal) and len(journal) <= 40:
        doc.journal_zh, prov["journal_zh"] = journal, "row"
    journal_en = clean(rows.values.get("journal_en"))
    if doc.journal_en is None and journal_en and not has_cjk(journal_en) and len(journal_en) <= 120:
        doc.journal_en, prov["journal_en"] = journal_en, "row"
    yvi = rows.year_volume_issue()
    if yvi is None and rows.year is not None and rows.issue is not None:
        yvi = (rows.year, rows.volume, rows.issue)
    if doc.year is None and yvi is not None:
        doc.year, doc.volume, doc.issue = yvi
        prov.update(dict.fromkeys(("year", "volume", "issue"), "row"))
    pages = rows.pages()
    if doc.first_page is None and pages is not None:
        doc.first_page, doc.last_page = pages
        prov.update(dict.fromkeys(("first_page", "last_page"), "row"))
    published = jf.parse_date(rows.values.get("published"))
    if doc.published_date is None and published is not None:
        doc.published_date, prov["published_date"] = published, "row"


def _people_from_rows(rows: Rows, zh: Head, en: Head, front: FrontBlocks) -> None:
    """`作者：` / `Author：` / `作者单位：` rows, when the front printed no names of that language."""
    for head, key, lang in ((zh, "authors_zh", "zh"), (en, "authors_en", "en")):
        value = rows.values.get(key)
        if value and not head.authors:
            head.authors = author_items(value, lang) or []
    if rows.affiliations and not front.zh.affiliations:
        for piece in rows.affiliations:
            a = jf.parse_zh_affiliation(piece)
            if a is None or not looks_like_institution(a.name, "zh"):
                front.zh.affiliations = []
                return
            front.zh.affiliations.append(jf.AffiliationLine(a.label or len(front.zh.affiliations) + 1,
                                                            a.name, a.postcode))
