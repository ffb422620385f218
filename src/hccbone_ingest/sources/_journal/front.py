"""Front matter: column, titles, author lines, affiliations and labelled metadata, per language.

Input is the front stream of `lines.front_stream` (chrome and evidence lines already set aside).
A state machine walks it in two language parts (zh, en); labelled metadata (`收稿日期:` …) may
stand anywhere. Titles known from evidence (the page's self-citation) restart their language's
block wherever they are printed: RHHZ pages print author lists before the titles, university
journals print the metadata before them, and some pages print the title twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ... import vocab
from ...text.normalize import clean, has_cjk
from .. import _journal_fields as jf
from .evidence import squash

_COLUMN_PUNCT = re.compile(r"[0-9,.，。:：;；()（）]")
# One name per line (bullet lists): `甲 ,` `甲 1` `Zhang San ,`.
_ONE_NAME = re.compile(r"^(?P<name>[^0-9,，、;；:：()（）*]{1,40}?)\s*(?P<lab>[0-9](?:\s*[,，]\s*[0-9])*)?\s*"
                       r"(?P<star>[*#])?\s*[,，]?$")
_SPACED_LABELLED_ZH = re.compile(r"^(?:[\u3400-\u9fff·]{2,4}\s*[0-9]{1,2}(?:,[0-9]{1,2})*[*#]?\s+)+"
                                 r"[\u3400-\u9fff·]{2,4}\s*[0-9]{1,2}(?:,[0-9]{1,2})*[*#]?$")
_EN_NAME = r"[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+){1,3}"
_SPACED_LABELLED_EN = re.compile(rf"^(?:{_EN_NAME}\s*[0-9]{{1,2}}(?:,[0-9]{{1,2}})*[*#]?\s+)+"
                                 rf"{_EN_NAME}\s*[0-9]{{1,2}}(?:,[0-9]{{1,2}})*[*#]?$")
_UPPER_SURNAMES = re.compile(r"^(?:[A-Z]{2,}(?:-[A-Z]{2,})?\s+[A-Z][a-z]+(?:-[A-Za-z][a-z]*)?[0-9,*]*\s+)+"
                             r"[A-Z]{2,}(?:-[A-Z]{2,})?\s+[A-Z][a-z]+(?:-[A-Za-z][a-z]*)?[0-9,*]*$")
_DANGLING_LABEL = re.compile(r"[,，]\s*[0-9]{1,2}(?:\s*[,，]\s*[0-9]{1,2})*$")
_ZH_NAME = r"(?:[\u3400-\u9fff]{2,4}|[\u3400-\u9fff]{1,6}·[\u3400-\u9fff]{1,6})"  # 阿依古丽·买买提
_SPACED_ZH_NAMES = re.compile(rf"^(?:{_ZH_NAME}[0-9*#]*\s+){{1,30}}{_ZH_NAME}[0-9*#]*$")


def join_pieces(parts: list[str]) -> str:
    """Join wrapped pieces: nothing between two CJK sides, one space otherwise."""
    out: list[str] = []
    for p in parts:
        if out and not (_cjk_side(out[-1][-1]) and _cjk_side(p[0])):
            out.append(" ")
        out.append(p)
    return "".join(out)


def _cjk_side(ch: str) -> bool:
    return has_cjk(ch) or ch in "。，；：、（）【】“”"


@dataclass
class Part:
    """One language's front block: head lines, affiliations, metadata fields."""

    head: list[str] = field(default_factory=list)
    affiliations: list[jf.AffiliationLine] = field(default_factory=list)
    meta: list[jf.MetaField] = field(default_factory=list)
    started_body: bool = False  # an affiliation or metadata line has been seen
    earlier_authors: str | None = None  # an author line printed before the title (RHHZ 文章信息)

    def value(self, key: str) -> str | None:
        for f in self.meta:
            if f.key == key and f.value:
                return f.value
        return None


@dataclass
class FrontBlocks:
    zh: Part = field(default_factory=Part)
    en: Part = field(default_factory=Part)
    spill: list[str | None] = field(default_factory=list)  # paragraphs after the blocks
    labelled_authors: list[str] = field(default_factory=list)  # `作者: …` values
    labelled_affiliations: list[tuple[str, str]] = field(default_factory=list)  # (lang, `作者单位: …` value)


def is_author_line(line: str, lang: str) -> bool:
    return author_items(line, lang) is not None


# `Yue Chenyang;Qian Jiahe(Department of …,China)`: the first author's institution in brackets after
# the names (VIP, many English blocks) — never an e-mail link mark.
_TRAILING_INSTITUTION = re.compile(r"^(?P<names>[^()（）]+?)\s*[(（](?P<inst>[^()（）]{12,})[)）]\s*[.。]?$")


def trailing_institution(line: str, lang: str) -> tuple[str, str] | None:
    """(names, institution) when an author line ends with a bracketed institution."""
    m = _TRAILING_INSTITUTION.match(line.strip())
    if m is None or not looks_like_institution(m.group("inst"), lang):
        return None
    return m.group("names"), m.group("inst").strip()


def author_items(line: str, lang: str) -> list[jf.NameItem] | None:
    """The names of an author line in any of the printed formats, or None."""
    trailing = trailing_institution(line, lang) if line.rstrip(" .。").endswith((")", "）")) else None
    if trailing is not None:
        return author_items(trailing[0], lang)
    stripped = line.rstrip(" .。")  # `甲, 乙, 丙.`: a final full stop
    if lang == "zh" or stripped == line:
        items = jf.zh_author_items(stripped) if lang == "zh" else jf.en_author_items(line)
        if items is not None:
            return items
    if stripped != line and stripped:
        items = jf.zh_author_items(stripped) if lang == "zh" else jf.en_author_items(stripped)
        if items is not None:
            return items
    dangling = _DANGLING_LABEL.sub("", stripped)  # `甲,乙,丙,2`: a label cut from its name
    if dangling != stripped:
        return author_items(dangling, lang)
    if lang == "zh" and _SPACED_ZH_NAMES.match(stripped):  # `甲 乙 丙`: names separated by spaces
        # the pattern already checked each token (2-4 characters, or a name with `·`)
        return jf.zh_author_items(", ".join(stripped.split())) or jf.split_names(", ".join(stripped.split()))
    if lang == "zh" and _SPACED_LABELLED_ZH.match(stripped):  # `甲 1 乙 1 丙 2`
        return jf.zh_author_items(re.sub(r"([0-9*#])\s+(?=[\u3400-\u9fff])", r"\1, ", stripped))
    if lang == "en" and _SPACED_LABELLED_EN.match(stripped):  # `He Jiayi 1 Lyu Zhiqiang 2`
        return jf.en_author_items(re.sub(r"([0-9*#])\s+(?=[A-Z])", r"\1, ", stripped))
    if lang == "en" and _UPPER_SURNAMES.match(stripped):  # `ZHANG Yi WANG Er LI San`
        return jf.en_author_items(re.sub(r"\s+(?=[A-Z]{2,}(?:-[A-Z]{2,})?\s+[A-Z][a-z])", ", ", stripped))
    return None


def merge_name_runs(lines: list[str | None]) -> list[str | None]:
    """Bullet lists print one author per line (`• 甲 ,` … then `展开`): one author line.

    A run is at least two lines each holding one name; every line but the last ends with a
    comma or carries a digit label (E-Tiller: `• 甲 1`)."""
    out: list[str | None] = []
    i = 0
    while i < len(lines):
        j = i
        run: list[str] = []
        while j < len(lines):
            if lines[j] is None:  # copies with a blank line after every line
                nxt = lines[j + 1] if j + 1 < len(lines) else None
                if run and nxt is not None and _single_name(nxt):
                    j += 1
                    continue
                break
            kind = _single_name(lines[j] or "")
            if kind is None:
                break
            run.append(lines[j] or "")
            j += 1
            if kind == "last":
                break
        if len(run) >= 2:
            out.append(", ".join(r.rstrip(" ,，") for r in run))
            i = j
            continue
        out.append(lines[i])
        i += 1
    return out


def _single_name(line: str) -> str | None:
    """"more" for one name that announces another (comma, digit label), "last" for a bare one."""
    m = _ONE_NAME.match(line)
    if not m:
        return None
    name = m.group("name").strip()
    if has_cjk(name):
        if not 2 <= len(name.replace(" ", "")) <= 4 or not re.fullmatch(r"[\u3400-\u9fff· ]+", name):
            return None
    elif jf.en_author_items(name + "1") is None or not 2 <= len(name.split()) <= 4:
        return None
    more = line.rstrip().endswith((",", "，")) or bool(m.group("lab"))
    return "more" if more else "last"


def parse_front(lines: list[str | None], titles: dict[str, str | None]) -> FrontBlocks:
    front = FrontBlocks()
    lang = "zh"
    cont: jf.MetaField | None = None  # a label whose value continues on the next lines
    keys = {lg: squash(t) for lg, t in titles.items() if t}
    lines = merge_name_runs(lines)
    i = -1
    while i + 1 < len(lines):
        i += 1
        line = lines[i]
        if line is None:
            # A bare label (`基金资助:`) keeps waiting for its value across blank lines:
            # some copies put a blank line after every line.
            cont = cont if cont is not None and not cont.value else None
            if front.spill and front.spill[-1] is not None:
                front.spill.append(None)
            continue
        lab = vocab.match_label(line, ("authors_zh", "affiliations_zh", "affiliations_en"))
        if lab is not None and lab.rest and (lab.colon or lab.bracketed):
            if lab.key == "authors_zh":
                front.labelled_authors.append(lab.rest)
            else:
                front.labelled_affiliations.append((lab.key[-2:], lab.rest))
            cont = None
            continue
        k = _title_at(lines, i, keys)
        if k is not None:  # the known title: its language's block starts (again) here
            tlang, n = k
            lang, part = tlang, (front.zh if tlang == "zh" else front.en)
            prev = part.head
            if prev and part.earlier_authors is None and len(author_items(prev[-1], tlang) or []) >= 2:
                part.earlier_authors, prev = prev[-1], prev[:-1]
            column = prev[-1:] if tlang == "zh" and prev and (is_column(prev[-1]) or len(prev) == 1) else []
            part.head = column + [x for x in lines[i:i + n] if x is not None]
            part.affiliations, part.started_body, cont = [], False, None
            i += n - 1
            continue
        part = front.zh if lang == "zh" else front.en
        fields = jf.parse_meta_line(line)
        if fields is not None:
            label_lang = jf.META_LANG.get(fields[0].label)
            if lang == "zh" and label_lang == "en":
                lang, part = "en", front.en
            elif lang == "en" and label_lang == "zh" and not front.en.started_body:
                # a Chinese label after the English names (pansmed, RHHZ 文章历史): the Chinese
                # field, and the English head block ends here too
                part, front.en.started_body = front.zh, True
            part.meta.extend(fields)
            part.started_body = True
            cont = fields[-1] if not fields[-1].value else None
            continue
        if cont is not None and (lang == "en" or not cont.value or has_cjk(line)):
            cont.value = f"{cont.value}; {line}" if cont.value else line
            continue
        cont = None
        if lang == "en" and has_cjk(line) and not front.en.started_body and _only_authors(front.zh.head) \
                and _only_authors(front.en.head):
            lang, part = "zh", front.zh  # RHHZ 文章信息: both author lists, then the titles
        elif lang == "en" and not front.en.started_body and front.zh.head \
                and not any(is_author_line(x, "zh") for x in front.zh.head) and is_author_line(line, "zh"):
            lang, part = "zh", front.zh  # Yiigle: both titles first, then the Chinese names
        elif lang == "zh" and front.zh.head and not has_cjk(line) and jf.parse_zh_affiliation(line) is None:
            lang, part = "en", front.en
        elif lang == "zh" and not front.zh.head and not has_cjk(line):
            lang, part = "en", front.en  # an English-only front block
        # Only a line that is an institution continues a block whose body has started: prose
        # after the English block (no 引用本文 between) is the abstract, never an affiliation.
        if part.started_body and not (part.affiliations and _affiliations(line, lang)):
            front.spill.append(line)
            continue
        if part.head and (part.affiliations or is_author_line(part.head[-1], lang)):
            affs = _affiliations(line, lang)
            if affs:
                part.affiliations.extend(affs)
                part.started_body = True
                continue
        part.head.append(line)
    return front


def _only_authors(head: list[str]) -> bool:
    return len(head) == 1 and len(author_items(head[0], "zh" if has_cjk(head[0]) else "en") or []) >= 2


def _title_at(lines: list[str | None], i: int, keys: dict[str, str]) -> tuple[str, int] | None:
    """(lang, line count) when the known title of a language is printed from line i."""
    acc = ""
    for n in range(1, 4):
        if i + n - 1 >= len(lines) or lines[i + n - 1] is None:
            return None
        acc += squash(lines[i + n - 1] or "")
        for lang, key in keys.items():
            if acc == key:
                return lang, n
        if not any(key.startswith(acc) for key in keys.values()):
            return None
    return None


def _affiliation(line: str, lang: str) -> jf.AffiliationLine | None:
    return jf.parse_zh_affiliation(line) if lang == "zh" else jf.parse_en_affiliation(line)


# An institution, not a title that happens to hold `中心` or `multicenter`: zh lines end (before the
# city and postcode) in an institution word or carry a postcode; en lines hold a whole institution word.
_INSTITUTION_ANCHORED = {
    "zh": re.compile(r"(?:医院|大学|学院|研究所|研究院|中心|[科室部所站局处]|公司|协会|学会|实验室)"
                     r"(?:\s*[(（][^)）]{0,20}[)）])?\s*(?:[,，\s].{0,20})?[;；。.]?$|[0-9]{6}"),
    "en": re.compile(r"\b(?:Department|Hospital|Universit(?:y|ies)|School|College|Institute|Cent(?:er|re)|"
                     r"Laborator(?:y|ies)|Faculty|Division|Unit|Clinic|Academy|Ministry|Company|Program)\b",
                     re.IGNORECASE),
}
_SENTENCE_BREAK = re.compile(r"[a-z]{2}\. [A-Z]|。.")
_AFF_SPLIT = re.compile(r"\s*[;；]\s*(?=[0-9]{1,2}\s*[.、．])")


_EN_INSTITUTION_LINE = re.compile(
    r"^(?:[0-9]{1,2}\s*\.?\s*)?(?:the\s+)?(?:Department|Dept\.|Division|College|School|Faculty|Institute|"
    r"Center|Centre|Laboratory|Key\s+Lab|Hospital|University)\b|\bChina\.?$|[0-9]{6}", re.IGNORECASE)


def looks_like_institution(line: str, lang: str) -> bool:
    """An affiliation line, not a title that mentions a centre (`a two-center study`)."""
    if not _affiliations(line, lang):
        return False
    return lang == "zh" or bool(_EN_INSTITUTION_LINE.search(line.strip()))


def _affiliations(line: str, lang: str) -> list[jf.AffiliationLine]:
    """One line may hold several: `1. 单位, 省 市 邮编; 2. …` (E-Tiller), or `(1. …; 2. …)`."""
    s = line.strip()
    if _SENTENCE_BREAK.search(s) or len(s) > 600:  # prose, not an institution
        return []
    if s.startswith(("(", "（")) and s.endswith((")", "）")):
        s = s[1:-1].strip()
    pieces = [x for piece in _AFF_SPLIT.split(s) for x in split_glued_numbered(piece)]
    out = []
    for p in pieces:
        p = p.strip(" ;；")
        norm = vocab.normalize_label(p)  # traditional pages: 醫院, 大學
        a = _affiliation(p, lang) or _printed_affiliation(p, norm, lang)
        if a is None or not _INSTITUTION_ANCHORED[lang].search(norm):
            return []
        out.append(a)
    return out


_GLUED_NUMBER = re.compile(r"(?<=[\u3400-\u9fff）)A-Za-z])(?P<no>[0-9]{1,2})\s*[.、．]\s*(?=[\u3400-\u9fff])")


def split_glued_numbered(s: str) -> list[str]:
    """`1. 单位A2. 单位B` (CNKI prints the labelled institutions glued on one line) -> the items.
    Split only where the next label in sequence follows a CJK character: `2.` after `1.`, …"""
    first = re.match(r"\s*[(（]?\s*([0-9]{1,2})\s*[.、．]", s)
    if first is None:
        return [s]
    expect, out, start = int(first.group(1)) + 1, [], 0
    for m in _GLUED_NUMBER.finditer(s):
        if int(m.group("no")) == expect:
            out.append(s[start:m.start()])
            start, expect = m.start(), expect + 1
    return [*out, s[start:]]


def _printed_affiliation(printed: str, norm: str, lang: str) -> jf.AffiliationLine | None:
    """Parse the normalized line, keep the institution as printed (same offsets)."""
    if norm == printed or len(norm) != len(printed):
        return None
    a = _affiliation(norm, lang)
    if a is None:
        return None
    at = norm.find(a.name)
    return jf.AffiliationLine(a.label, printed[at:at + len(a.name)], a.postcode) if at >= 0 else None


def is_column(line: str) -> bool:
    return has_cjk(line) and len(line) <= 15 and not _COLUMN_PUNCT.search(line)


@dataclass
class Head:
    section: str | None = None
    title: str | None = None
    authors: list[jf.NameItem] = field(default_factory=list)
    institution: str | None = None  # bracketed after the names (the first author's)


def _title_in_citation(lines: list[str], lang: str, title: str | None) -> int | None:
    """How many trailing head lines make the title, when the page's self-citation says so."""
    if not title:
        return None
    key = squash(title)
    for k in range(min(len(lines), 4), 0, -1):
        if squash(join_pieces(lines[-k:]) if lang == "zh" else " ".join(lines[-k:])) == key:
            return k
    return None


def _title_run(lines: list[str], lang: str, title: str | None) -> tuple[int, int] | None:
    """(start, end) of the head lines that print the known title, wherever they stand."""
    if not title:
        return None
    key = squash(title)
    for i in range(len(lines)):
        for k in range(1, min(4, len(lines) - i) + 1):
            run = lines[i:i + k]
            if squash(join_pieces(run) if lang == "zh" else " ".join(run)) == key:
                return i, i + k
    return None


def split_head(part: Part, lang: str, title: str | None = None, *, english_block: bool = True) -> Head:
    head = Head()
    lines = list(part.head)
    if lines:
        items = author_items(lines[-1], lang)
        if items is not None and (len(lines) > 1 or part.affiliations or part.meta or len(items) >= 2):
            head.authors = items
            trailing = trailing_institution(lines.pop(), lang)
            head.institution = trailing[1] if trailing else None
    if not head.authors and len(lines) >= 2 and len(author_items(lines[0], lang) or []) >= 2:
        head.authors, lines = author_items(lines[0], lang) or [], lines[1:]  # authors before the title
    if not head.authors and part.earlier_authors:
        head.authors = author_items(part.earlier_authors, lang) or []
    k = _title_in_citation(lines, lang, title)
    run = _title_run(lines, lang, title) if k is None else None
    if run is not None:  # the known title, with other lines after it (chrome the rules missed)
        head.title = join_pieces(lines[run[0]:run[1]]) if lang == "zh" else " ".join(lines[run[0]:run[1]])
        if lang == "zh" and run[0] == 1:
            head.section = lines[0]
        return head
    if k is not None:
        # A wrapped title is several lines; the one line before it is the column.
        head.title = join_pieces(lines[-k:]) if lang == "zh" else " ".join(lines[-k:])
        if lang == "zh" and len(lines) - k == 1:
            head.section = lines[0]
        return head
    if lang == "zh" and len(lines) == 1 and is_column(lines[0]) and not head.authors \
            and not part.affiliations and english_block:
        head.section = lines[0]  # English-only article: the Chinese block is just the column
        return head
    if lang == "zh" and len(lines) >= 2 and is_column(lines[0]):
        head.section, lines = lines[0], lines[1:]
        if len(lines) > 1 and not head.authors:
            lines = lines[:1]  # no author line to end the title: only its first line is sure
        elif len(lines) > 1 and not wrapped_title(lines):
            head.section, lines = None, lines[-1:]  # a menu above the title: the line above the names
    elif len(lines) >= 2:
        lines = lines[-1:] if lang == "zh" else lines
    if lang == "en" and not head.authors and len(lines) > 1 \
            and any(looks_like_institution(x, "en") or author_items(x, "en") for x in lines[1:]):
        lines = lines[:1]  # names or institutions below: the title is the first line only
    if lines:
        head.title = join_pieces(lines) if lang == "zh" else " ".join(lines)
    return head


def wrapped_title(lines: list[str]) -> bool:
    """Lines that can be one title wrapped by the page: at most three, every line but the last
    long (a wrap happens at the width of the column), none a menu item. A run of short lines is
    a navigation menu or a list, never a title."""
    if len(lines) > 3:
        return False
    return all(len(x) >= 8 for x in lines[:-1]) and not any(vocab.SITE_NAV.search(x) for x in lines)


def clean_title(title: str | None) -> str | None:
    """A title never ends with the page's buttons nor a footnote mark."""
    if title is None:
        return None
    from .lines import strip_chrome_tail

    t = clean(strip_chrome_tail(title).rstrip("*∗#†△▲※ "))
    return t
