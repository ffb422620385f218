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


def split_authors(s: str) -> tuple[list[str], bool]:
    """`Bhatia R, Ravulapati S, Befeler A, et al` -> (["Bhatia R", ...], True)."""
    body, et_al = strip_et_al(s)
    names: list[str] = []
    for part in _SPLIT.split(body):
        part = part.strip(" .")
        if not part:
            continue
        if names and _SUFFIX.match(part):
            names[-1] = f"{names[-1]}, {part}"
            continue
        names.append(part)
    return names, et_al


def _is_initials(tok: str) -> bool:
    t = tok.replace(".", "").replace("-", "")
    return 1 <= len(t) <= 3 and t.isalpha() and t.isupper()


def is_personal_name(name: str) -> bool:
    """A name shaped like one person's: `Harding JJ`, `DES MARAIS D J`, `罗臻`, `김세훈`."""
    name = re.sub(r",\s*(?:Jr|Sr|II|III|IV)\.?$", "", name.strip())
    if _CJK_NAME.match(name) or _HANGUL_NAME.match(name):
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
