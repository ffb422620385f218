"""Evidence the page gives about its own article: its DOI, its self-citations, its title.

The DOI is searched wherever pages print it (REFERENCE.md §1, §4): the header, a `DOI:` line,
a `doi.org`/`dx.doi.org` URL, a `/CN/10.…` path, the end of the `引用本文`/`Citation` line — but
only in the front region, never in the reference list. A self-citation
`作者. 题名[J]. 刊名, 年, 卷(期): 页` names the title and the authors as the page itself prints them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...refs.doi import DoiMatch
from ...text.normalize import clean, has_cjk
from .. import _journal_fields as jf

_CODE = re.compile(r"\[[A-Z]{1,2}(?:/[A-Z]{2})?\]")
# The author list ends at the first full stop followed by a space, a capital or a CJK character.
_AUTHORS_END = re.compile(r"[.。](?=\s|[A-Z\u3400-\u9fff\"“])")


@dataclass(frozen=True, slots=True)
class DoiEvidence:
    match: DoiMatch
    source: str  # header | label | citation | url | abstract_block


def pick_doi(candidates: list[DoiEvidence]) -> tuple[DoiMatch | None, list[str]]:
    """The article's DOI: the first by source rank; a flag when sources disagree."""
    if not candidates:
        return None, []
    rank = {"header": 0, "label": 1, "citation": 2, "url": 3, "abstract_block": 4}
    best = min(candidates, key=lambda c: rank.get(c.source, 9))
    keys = {c.match.key for c in candidates}
    return best.match, (["doi_conflict"] if len(keys) > 1 else [])


def doi_candidates(header_doi: DoiMatch | None, doi_lines: list[str],
                   citations: list[str]) -> list[DoiEvidence]:
    out: list[DoiEvidence] = []
    if header_doi is not None:
        out.append(DoiEvidence(header_doi, "header"))
    for line in doi_lines:
        m = jf.find_doi_in(line)
        if m is not None:
            out.append(DoiEvidence(m, "url" if m.in_url else "label"))
    for line in citations:
        tail = _CODE.split(line)[-1] if _CODE.search(line) else line
        m = jf.find_doi_in(tail)
        if m is not None:
            out.append(DoiEvidence(m, "citation"))
    return out


@dataclass(frozen=True, slots=True)
class SelfCitation:
    line: str
    lang: str
    title: str | None
    authors: list[str]


def read_citation(line: str) -> SelfCitation:
    """Title and authors of the page's own citation line (None/[] when it cannot tell)."""
    lang = "zh" if has_cjk(line) else "en"
    codes = list(_CODE.finditer(line))
    title, authors = None, []
    if codes:
        prefix = line[: codes[-1].start()]
        m = _AUTHORS_END.search(prefix)
        if m is not None:
            names = prefix[: m.start()]
            cand = clean(prefix[m.end():])
            if cand and len(names) <= 400:
                title = cand.rstrip(" .")
                authors = [n for n in (clean(x) for x in re.split(r"[,，、;；]", names)) if n]
                if any(a.rstrip(".") in ("等", "et al") for a in authors):
                    authors = []  # a cut list says nothing about the others
    return SelfCitation(line, lang, title, authors)


def squash(s: str) -> str:
    """The comparison form of a title: no spaces, no footnote marks at the end."""
    return re.sub(r"\s+", "", s).rstrip("*∗#†△▲※").lower()


_REF_HEADING = re.compile(r"^(?:参考文献|參考文獻|References?)\s*(?:[(（]\s*[0-9]{1,4}\s*[)）])?\s*[:：]?$",
                          re.IGNORECASE)
_LIST_REF_LINE = re.compile(r"^\s*\[[0-9]{1,5}\]")
_SOURCE_LINE = re.compile(
    r"(?:18|19|20)[0-9]{2}\s*[,，]\s*[0-9]+\s*[(（][^()（）]{1,8}[)）]\s*[:：]\s*[A-Za-z]?[0-9]+")
_DOI_ANYWHERE = re.compile(r"10\.[0-9]{4,9}/[^\s,;，；]+")


def looks_like_listing(text: str) -> bool:
    """A table of contents or a search-results page: several articles' DOIs or
    `年, 卷(期): 页` lines before any reference list. Such a page is not one article."""
    dois: set[str] = set()
    sources = 0
    for line in text[:100_000].splitlines():
        if _LIST_REF_LINE.match(line) or _REF_HEADING.match(line.strip()):
            break
        dois.update(m.group(0).rstrip(".").lower() for m in _DOI_ANYWHERE.finditer(line))
        if _SOURCE_LINE.search(line) and not _CODE.search(line):
            sources += 1
    return len(dois) >= 3 or sources >= 3


# RHHZ 文章信息 prints the citation without authors and title: `刊名, 2020, 41(5): 782-787`.
_SHORT_CITE = re.compile(
    r"^(?P<journal>[^,，\[\]():：]{2,120}?)\s*[,，]\s*(?P<year>(?:18|19|20)[0-9]{2})\s*[,，]\s*"
    r"(?P<volume>[0-9A-Za-z]{1,6})?\s*(?:[(（]\s*(?P<issue>[^()（）]{1,8}?)\s*[)）])?\s*[:：]\s*"
    r"(?P<first>[A-Za-z]?[0-9]+)(?:\s*[-–]\s*(?P<last>[A-Za-z]?[0-9]+))?\s*[.。]?"
    r"(?:\s*(?:DOI|doi)\s*[:：]\s*10\.[0-9]{4,9}/\S+)?$")


def parse_short_citation(line: str) -> jf.CitationTail | None:
    m = _SHORT_CITE.match(line)
    if m is None:
        return None
    journal = clean(m.group("journal"))
    if journal is None:
        return None
    return jf.CitationTail(journal, int(m.group("year")), m.group("volume"), m.group("issue"),
                           m.group("first"), m.group("last"))
