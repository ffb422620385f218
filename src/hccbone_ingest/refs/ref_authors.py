"""Author statements of GB/T 7714 strings: splitting the list, `等` / `et al.`, name shapes.

GB/T 7714 prints personal names surname first with unpunctuated initials (`Harding JJ`,
`DES MARAIS D J`; the 2025 edition stops upper-casing the surname), Chinese names whole
(`罗臻`), at most three names then `, 等` / `, et al.`; corporate authors are printed as one
name, hierarchies joined by `. ` (`Commonwealth Libraries Bureau. Pennsylvania Office`).
"""

from __future__ import annotations

import re

_ET_AL = re.compile(r"[\s,，、;；]*(?:等等|等|et\.?\s*al\.?|and others)\s*$", re.IGNORECASE)
_SPLIT = re.compile(r"\s*[,，;；、]\s*")
# Name suffixes and company forms printed after a comma that belong to the name before.
_SUFFIX = re.compile(r"^(?:Jr|Sr|II|III|IV|Inc|Ltd|LLC|Co|Corp|GmbH|S\.?A|PLC)\.?$", re.IGNORECASE)
_CJK_NAME = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]{2,4}$|^[\u3400-\u4dbf\u4e00-\u9fff·•]{3,12}$")
_HANGUL_NAME = re.compile(r"^[\uac00-\ud7af]{2,4}$")


def strip_et_al(s: str) -> tuple[str, bool]:
    """Remove a trailing `等` / `et al.` (glued or not); report whether there was one."""
    m = _ET_AL.search(s)
    if m is None:
        return s.strip(), False
    return s[: m.start()].strip(), True


# A role printed after the names of the main responsibility (`Smith J, Brown K, eds`,
# `陈孝平, 汪建平, 主编`, `Smith J (ed.)`): not a name; the names stay the authors. Case matters:
# upper-case `ED` after a surname is a person's initials (`Aaa ED`), not "editor".
_ROLE = re.compile(
    r"(?:[\s,，;；]+|\s*[(（])(?:[Ee]ds?|[Ee]ditors?|主编|主 编|编|编著|编写|著)\.?[)）]?\s*$"
)


def split_authors(s: str) -> tuple[list[str], bool]:
    """`Bhatia R, Ravulapati S, Befeler A, et al` -> (["Bhatia R", ...], True)."""
    body, et_al = strip_et_al(s)
    role = _ROLE.search(body)
    if role and body[: role.start()].strip(" ,"):
        body, et_al2 = strip_et_al(body[: role.start()])
        et_al = et_al or et_al2
    names: list[str] = []
    for part in _SPLIT.split(body):
        part = part.strip(" .")
        if not part:
            continue
        if names and _SUFFIX.match(part):
            names[-1] = f"{names[-1]}, {part}"
            continue
        names.extend(_split_and(part))
    return names, et_al


_AND = re.compile(r"(?:^|\s+)(?:and|&)\s+", re.IGNORECASE)


def _split_and(part: str) -> list[str]:
    """`Smith J and Brown K` / `and Lee H` -> personal names; a corporate name keeps its `and`
    (`Research Group of X and Y`): split only when every piece is shaped like a person's name."""
    if not _AND.search(part):
        return [part]
    pieces = [x.strip(" .") for x in _AND.split(part) if x.strip(" .")]
    if pieces and all(is_personal_name(x) for x in pieces):
        return pieces
    return [part]


def _is_initials(tok: str) -> bool:
    t = tok.replace(".", "").replace("-", "")
    return 1 <= len(t) <= 3 and t.isalpha() and t.isupper()


# A Chinese name in pinyin, surname first, given name in full (`ZHANG Wei`, `Zhang Weimin`,
# `OUYANG Wei-Min`): how English renderings of Chinese references print names. Each word must
# be a run of pinyin syllables, so English words (`Bone`, `Metastasis`) rarely qualify.
_PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|"
    r"ui|er|a|o|e|i|u|v|ü)"
)
_PINYIN_WORD = rf"(?:{_PINYIN_SYLLABLE}){{1,3}}"
_PINYIN_TOKEN = re.compile(rf"^(?:{_PINYIN_WORD})(?:-(?:{_PINYIN_WORD}))?$", re.IGNORECASE)


def _is_pinyin_name(name: str) -> bool:
    toks = name.split()
    if len(toks) != 2 or not (toks[0][0].isupper() and toks[1][0].isupper()):
        return False
    return all(_PINYIN_TOKEN.match(t) for t in toks)


def is_personal_name(name: str) -> bool:
    """A name shaped like one person's: `Harding JJ`, `DES MARAIS D J`, `罗臻`, `김세훈`,
    `ZHANG Wei`."""
    name = re.sub(r",\s*(?:Jr|Sr|II|III|IV)\.?$", "", name.strip())
    if _CJK_NAME.match(name) or _HANGUL_NAME.match(name) or _is_pinyin_name(name):
        return True
    toks = name.split()
    if len(toks) < 2 or not _is_initials(toks[-1]):
        return False
    k = len(toks)
    while k > 0 and _is_initials(toks[k - 1]):
        k -= 1
    surname = toks[:k]
    return 1 <= len(surname) <= 4 and all(any(c.isalpha() for c in t) for t in surname)


def looks_personal(statement: str) -> bool:
    """Whether an author statement is a list of personal names (every item shaped like one)."""
    names, _ = split_authors(statement)
    if not names:
        return False
    return all(is_personal_name(n) for n in names)


def surname(name: str) -> str:
    """The part of a printed name that identifies it: the surname before the initials.

    `DES MARAIS D J` -> `DES MARAIS`; `罗臻` -> `罗臻`; a corporate name is returned whole.
    """
    name = re.sub(r",\s*(?:Jr|Sr|II|III|IV)\.?$", "", name.strip())
    toks = name.split()
    if len(toks) >= 2 and _is_initials(toks[-1]):
        k = len(toks)
        while k > 1 and _is_initials(toks[k - 1]):
            k -= 1
        return " ".join(toks[:k])
    return name
