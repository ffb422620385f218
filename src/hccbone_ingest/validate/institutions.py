"""Affiliations: a value must name an institution, by an institution word in its language.

Positive evidence only: `北京大学人民医院肝胆外科`, `青海大学研究生院，青海 西宁`, `Department of
Radiology, Example University Affiliated Hospital, Beijing 100000, China` all carry one; a list
of names, a date, a counter or a label line does not.
"""

from __future__ import annotations

import re

from .common import cjk_share, junk_reason, n_cjk, n_latin

# 大学/学院/医院/研究所/中心/实验室/公司 and the one-character unit words (科 系 部 院 所 室 ...).
_ZH_INSTITUTION = re.compile(
    r"大学|学院|医院|研究所|研究院|中心|实验室|公司|集团|学校|中学|医学部|基地|门诊|诊所|卫生|保健|疾控|药业|"
    r"大學|學院|醫院|實驗室|[科系部院所室局站处處厅廳馆館会會委办辦校厂廠组組]"
)
_EN_INSTITUTION = re.compile(
    r"\b(?:Univers\w*|Hospit\w*|Hôpital\w*|College|Institut\w*|Cent(?:er|re|ro)s?|Dep(?:artments?|t)\b|"
    r"School|Laborator\w*|Lab|Academ\w*|Facult\w*|Clinic\w*|Klinik\w*|Foundation|Company|Co\.?|Ltd\.?|"
    r"Corporation|Corp\.?|Inc\.?|Ministry|Bureau|Administration|Commission|Association|Society|Division|"
    r"Unit|Program(?:me)?|Services?|Agency|Authority|Council|Group|Office|Station|Infirmary|Polyclinic|"
    r"Branch|Section|Ward|Graduate|Medical|Health)\b",
    re.IGNORECASE,
)


# A numbered next item inside one value: `; 2. `, `；2、`; a printed label left at the start: `(1. `.
_NEXT_ITEM = re.compile(r"[;；]\s*[0-9]{1,2}\s*[.、．]\s*\S"
                        r"|[\u3400-\u9fff）)][2-9]\s*[.、．]\s*[\u3400-\u9fff]")
_LEADING_LABEL = re.compile(r"^\s*[(（]?\s*[0-9]{1,2}\s*[.、．]\s*\S")


def has_institution_word(s: str, lang: str) -> bool:
    return bool((_ZH_INSTITUTION if lang == "zh" else _EN_INSTITUTION).search(s))


def affiliation_reason(s: str, lang: str) -> str | None:
    """None when `s` reads as an institution in `lang`, else the reason it does not."""
    from .names import is_name_list  # names imports this module for its institution words

    s = s.strip()
    j = junk_reason(s)
    if j:
        return j
    if lang == "zh" and n_cjk(s) == 0:
        return "wrong_script"
    if lang == "en" and ((n_cjk(s) > 0 and cjk_share(s) > 0.1) or n_latin(s) == 0):
        return "wrong_script"
    if is_name_list(s):
        return "author_list"
    if _NEXT_ITEM.search(s):
        return "affiliation_list"  # `…医院骨科, 重庆 400014; 2. …医院放疗科`, `…肝胆外科2. …`: several glued
    if _LEADING_LABEL.search(s):
        return "label"  # `(1. 某医院…`: the printed label is not part of the name
    if not has_institution_word(s, lang):
        return "not_an_institution"
    if lang == "zh" and (len(s) > 200 or n_cjk(s) < 3):
        return "too_long" if len(s) > 200 else "too_short"
    if lang == "en" and (len(s) > 400 or n_latin(s) < 6):
        return "too_long" if len(s) > 400 else "too_short"
    return None
