"""Authors and affiliations: the two languages paired by position and by printed label.

Chinese and English author lines are paired by position (English names are not pinyin of the
Chinese ones, REFERENCE.md §1); affiliations by their printed label. Hans prints one labelled
line `作者: 甲, 乙:单位一;丙*:单位二` where a colon starts the affiliation of the names before it.
"""

from __future__ import annotations

import re

from ...records import Affiliation, Author, Document
from ...text.normalize import clean
from .. import _journal_fields as jf
from .front import FrontBlocks, Head, author_items


def _names(value: str | None) -> list[str]:
    return [n for n in (clean(x) for x in re.split(r"[,，、;；]", value or "")) if n]


def people(front: FrontBlocks, zh: Head, en: Head, doc: Document,
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
        authors.append(Author(position=i + 1, name_zh=_unpadded(z.name) if z else None,
                              name_en=e.name if e else None,
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


def _unpadded(name: str) -> str:
    """`王 雯` -> `王雯`: pages pad two-character names to the width of three."""
    return name.replace(" ", "") if re.fullmatch(r"[\u3400-\u9fff]+(?: [\u3400-\u9fff]+)+", name) else name


_GROUP_SPLIT = re.compile(r"\s*[;；]\s*")


def labelled_author_groups(value: str) -> tuple[list[jf.NameItem], list[jf.AffiliationLine]] | None:
    """`甲, 乙:某大学医学院,省 市;丙*:某医院` -> names with group labels, and the groups' institutions.

    None when a group does not read as names (then the line is left alone, not guessed)."""
    items: list[jf.NameItem] = []
    affs: list[jf.AffiliationLine] = []
    for group in _GROUP_SPLIT.split(value.strip(" ;；")):
        pieces = re.split(r"\s*[:：]\s*", group, maxsplit=1)
        names, inst = pieces[0], (pieces[1] if len(pieces) > 1 else "")
        names_items = author_items(names, "zh") or jf.split_names(names)
        if not names_items or any(len(it.name.replace(" ", "")) > 8 for it in names_items):
            return None
        inst = clean(inst)
        label = None
        if inst:
            known = [a.label for a in affs if a.name == inst]
            if known:
                label = known[0]
            else:
                label = len(affs) + 1
                affs.append(jf.AffiliationLine(label, inst))
        for it in names_items:
            it.name = it.name.replace(" ", "") if re.fullmatch(r"[\u3400-\u9fff ]+", it.name) else it.name
            if label is not None and not it.labels:
                it.labels = [label]
            items.append(it)
    return (items, affs) if items else None
