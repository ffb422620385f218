"""Titles (zh and en; for AI summaries the question): a title and nothing else.

Rejected: page furniture and labels (`文章信息`, `全文 图表 参考文献`, `0`, `-`), a URL, DOI, banner
(`本刊由…主办。`), a journal header (`刊名 2020, Vol. 41 Issue (1)`), a citation line
(`刊名, 2020, 41(1): 1-6`, `[J]`), a date, a list of authors, a title that swallowed the next
field (`… 作者: 张三`) or several sentences; a length beyond any real title (a 1,842-character
"title" is a record, not a title); the wrong script for its language; a portal's
navigation words (`网站地图`, `机构登录`). Kept: colons, Greek letters,
`3D`, `CT/MRI`, `p53`, `PD-1/PD-L1`, a question mark.
"""

from __future__ import annotations

import re

from ..vocab import SITE_NAV
from .common import cjk_share, inline_label, junk_reason, n_cjk, n_latin
from .institutions import has_institution_word
from .names import MARKED_NAMES, SPACED_COMMA, is_name_list, is_single_zh_name

MAX_ZH = 150  # characters; real Chinese titles (subtitle included) stay under ~80
MAX_EN = 350  # characters; real English titles stay under ~250
_EN_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z][a-z]")
_POSTCODE = re.compile(r"(?<![0-9])[0-9]{6}(?![0-9])")


def title_reason(s: str, lang: str) -> str | None:
    s = s.strip()
    if not s:
        return "empty"
    j = junk_reason(s)
    if j:
        return j
    if len(s) > (MAX_ZH if lang == "zh" else MAX_EN):
        return "too_long"
    if lang == "zh":
        if n_cjk(s) == 0 or cjk_share(s) < 0.25:
            return "wrong_script"
        if n_cjk(s) < 3:
            return "too_short"
    else:
        if n_latin(s) == 0 or (n_cjk(s) and cjk_share(s) > 0.1):
            return "wrong_script"
        if n_latin(s) < 4:
            return "too_short"
    if inline_label(s):
        return "label"
    if SITE_NAV.search(s):
        return "chrome"  # `网站地图帮助中心…机构登录…` + the title: a navigation menu joined in
    if _POSTCODE.search(s) and has_institution_word(s, lang):
        return "front_matter"  # `… 一例韩冬 , 邱晨阳展开 250021 山东…医院骨肿瘤科`
    if is_name_list(s) or MARKED_NAMES.search(s) or SPACED_COMMA.search(s):
        return "author_list"
    if lang == "zh" and is_single_zh_name(s):
        return "author_list"  # `袁晓东 2`: one author with the label of an affiliation
    if lang == "zh" and "。" in s.rstrip("。"):
        return "not_a_title"  # a sentence ends inside it: a banner or an abstract swallowed
    if lang == "en" and len(_EN_SENTENCE_BREAK.findall(s)) >= 2:
        return "not_a_title"
    return None
