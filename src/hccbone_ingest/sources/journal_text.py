"""Text copies of Chinese journal article pages, from any platform (the adapter).

The parser lives in `sources/_journal/` (one module per concern, see `_journal/assemble.py`):
it labels every line (chrome, labels, header, DOI, self-citation, …) and assembles the fields by
evidence, not by the seed's line order (REFERENCE.md §1). This module only decides whether a
file is such a page (`can_parse`, positive evidence only) and hands it over.
"""

from __future__ import annotations

import re

from .. import vocab
from ..records import ParsedDocument
from ._journal.assemble import SOURCE, parse_journal_text
from ._journal.evidence import looks_like_listing
from ._journal.front import join_pieces as _join
from ._journal.lists import doi_continues as _doi_continues
from .base import RawInput, SourceAdapter
from .registry import register

__all__ = ["SOURCE", "JournalTextAdapter", "_doi_continues", "_join", "journal_text_confidence",
           "parse_journal_text"]

# ----------------------------------------------------------------------------- the adapter

_HEADER_CUE = re.compile(r"^.{0,80}?(?:18|19|20)[0-9]{2}\s*,\s*Vol\.?\s*\S+\s*.{0,4}\s*Issue\s*\(",
                         re.MULTILINE)
_CUES = [re.compile(p, re.MULTILINE) for p in (
    r"^\s*引用本文", r"收稿日期\s*[:：]", r"通[信讯]作者\s*[:：]", r"基金(?:资助|项目)\s*[:：]",
    r"Corresponding authors?\s*[:：]", r"^\s*(?:•\s*)?Received\s*[:：]", r"^\s*摘\s*要\s*[:：]",
    r"^\s*关\s*键\s*词\s*[:：]", r"^\s*Abstract\s*[:：]", r"^\s*Key\s*words?\s*[:：]", r"^\s*\[[0-9]{1,3}\]",
    r"\[J(?:/OL)?\]", r"^\s*(?:[0-9]{1,2}\.\s+)?[0-9]{7,8}\s+\S",
    # labels as other platforms print them: alone on a line, bracketed, traditional
    r"^\s*(?:[【\[]\s*)?(?:摘\s*要|Abstract)(?:\s*[】\]])?\s*$", r"(?:^|\s)[【\[]\s*摘\s*要\s*[】\]]",
    r"^\s*(?:作者单位|AUTHORS\s+FROM)\s*[:：]?",
    r"^\s*(?:[•●]\s*)?(?:[【\[]\s*)?(?:关\s*键\s*[词字]|關\s*鍵\s*詞|Key\s*words?)(?:\s*[】\]])?\s*$",
    r"^\s*[【\[]\s*(?:关\s*键\s*词|關\s*鍵\s*詞)\s*[】\]]",
    r"(?:中图分类号|中圖分類號|CLC\s*number)\s*[:：]?", r"(?:文献标[志识]码|文獻標識碼)",
    r"^\s*(?:DOI|doi)\s*[:：]\s*10\.[0-9]{4,9}/", r"doi\.org/10\.[0-9]{4,9}/",
    r"^\s*(?:Received\s+date|Online\s+published)\s*[:：]", r"^\s*(?:•\s*)?(?:Citation|文章引用)\s*[:：]",
)]
# A structured abstract with its part labels inline (`目的 … 方法 … 结果 …`), even unlabelled, is an
# article's: it counts as two cues.
_STRUCTURED = re.compile(r"^\s*目的\s*[:：]?\s*\S.{8,}?方法\s*[:：]?.{8,}?(?:结果|結果)"
                         # an abstract-only copy: the label, then a paragraph of prose
                         r"|^\s*(?:【\s*摘\s*要\s*】|\[\s*摘\s*要\s*\]|摘\s*要\s*[:：])\s*(?:\n\s*)*[^\n]{80,}[。.]",
                         re.MULTILINE)
# Dr.Oracle and other AI-summary pages: clearly not a journal article.
_NOT_JOURNAL = re.compile(r"droracle|Dr\.?\s?Oracle|Medical Advisory Board|From the Guidelines|"
                          r"From the Research|View editorial policy", re.IGNORECASE)


_EXPORT_RECORD = re.compile(r"^(?:SrcDatabase-|Title-题名|\{Reference Type\}|%0 Journal|TY  - |RT Journal)",
                            re.MULTILINE)


def journal_text_confidence(text: str, folder: str = "") -> float:
    """How sure we are that `text` is a journal article page copy, in [0, 1]."""
    head = vocab.strip_pinyin(text[:200_000])  # mirror artefacts `結(jié)果` hide the labels
    if _EXPORT_RECORD.search(head[:4000]):
        return 0.0  # a reference-manager export (CNKI, NoteExpress, RIS/EndNote): not a page
    if looks_like_listing(head):
        return 0.0  # a table of contents or search results: many articles, none of them this page
    has_header = bool(_HEADER_CUE.search(head[:6000]))
    if not has_header and _NOT_JOURNAL.search(head):
        return 0.0
    cues = sum(1 for rx in _CUES if rx.search(head)) + (2 if _STRUCTURED.search(head) else 0)
    if has_header:
        score = 0.9
    elif cues >= 3:
        score = min(0.8, 0.5 + 0.05 * (cues - 3))
    elif cues == 2:
        score = 0.3
    else:
        score = 0.0
    if folder == SOURCE and score > 0:  # the folder adds weight to evidence, never replaces it
        score = min(1.0, score + 0.05)
    return score


@register
class JournalTextAdapter(SourceAdapter):
    name = "journal_text"
    # cache key. 3: parse by evidence on any platform (sources/_journal/); 4: paragraph language;
    # 5: portal rows, navigation menus, glued affiliations (Wanfang, CNKI); 6: [n] up to 5 digits;
    # 7: a quoted English phrase keeps a paragraph Chinese
    version = 7
    source = SOURCE

    def can_parse(self, raw: RawInput) -> float:
        if raw.looks_like_html:
            return 0.0
        return journal_text_confidence(raw.text, raw.folder)

    def parse(self, raw: RawInput) -> ParsedDocument:
        return parse_journal_text(raw.text, raw)
