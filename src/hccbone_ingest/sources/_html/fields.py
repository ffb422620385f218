"""Small text-level parsers for the labelled fields journal pages print: the Magtech header
line, `label: value` runs (dates, corresponding author, funding), affiliation lines, keyword
lists and numbered reference lists. Inputs are already cleaned strings.
"""

from __future__ import annotations

import datetime as dt
import re

from ... import vocab
from ...records import Affiliation
from ...text.normalize import clean
from .. import _journal_fields as jf
from .. import journal_text

# RHHZ and others print no journal before the year: `2019, Vol. 40 Issue (1): 1-6`, `2019, 40(1): 1-6`.
_BARE_HEADER = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*,\s*(?:Vol\.\s*)?(?P<volume>\d+)\s*(?:Issue\s*)?"
    r"\(\s*(?P<issue>[^)]+?)\s*\)\s*:\s*(?P<first>[A-Za-z]?\d+)(?:\s*[-–]\s*(?P<last>[A-Za-z]?\d+))?",
    re.IGNORECASE)


def parse_header(line: str) -> jf.Header | None:
    """The Magtech header line (the text adapter's rule), else a bare `year, vol(issue): pages`."""
    h = jf.parse_header(line)
    if h is not None:
        return h
    m = _BARE_HEADER.search(line)
    if not m:
        return None
    return jf.Header(None, int(m.group("year")), m.group("volume"), clean(m.group("issue")),
                     m.group("first"), m.group("last"), jf.find_doi_in(line))


_DATE_FIELDS = {"received": "received_date", "revised": "revised_date", "accepted": "accepted_date",
                "published": "published_date"}


def labelled_values(text: str) -> list[tuple[str, str]]:
    """`收稿日期:2025-01-25 出版日期:2025-08-10` -> [(key, value), ...] with the text adapter's
    labels and keys (received, revised, accepted, published, corresponding, funding)."""
    out: list[tuple[str, str]] = []
    for run in _label_runs(text):
        out += [(f.key, f.value) for f in jf.parse_meta_line(run) or [] if f.key]
    return out


def _label_runs(text: str) -> list[str]:
    """`收稿日期：2023年3月12日；录用日期：2023年4月7日` (Hans) -> one run per label: a
    semicolon starts a new run only when a label follows it, so `基金: A；B` stays whole."""
    pieces = re.split(r"([;；])", text)
    runs = [pieces[0]]
    for sep, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        if jf.parse_meta_line(piece.strip()) is not None:
            runs.append(piece.strip())
        else:
            runs[-1] += sep + piece
    return runs


def date_field(key: str, value: str) -> tuple[str, dt.date] | None:
    d = jf.parse_date(value)
    name = _DATE_FIELDS.get(key)
    return (name, d) if name and d else None


def emails(text: str) -> list[str]:
    return vocab.EMAIL.findall(text)


def join_pieces(parts: list[str]) -> str:
    """Abstract pieces joined as the text adapter joins them (no space between CJK sides)."""
    return journal_text._join(parts)


def reference_doi(raw: str) -> str | None:
    """The DOI of a reference string: the one after a `DOI:` label, else the first one."""
    label = re.search(r"DOI\s*[:：]\s*", raw, re.IGNORECASE)
    m = jf.find_doi_in(raw[label.end():]) if label else None
    m = m or jf.find_doi_in(raw)
    return m.printed if m else None


SUP_OPEN, SUP_CLOSE = "\u27e6", "\u27e7"  # markers around <sup> text, set by the DOM walk
_SUP_LABEL = re.compile(f"^{SUP_OPEN}\\s*([^{SUP_CLOSE}]*?)\\s*{SUP_CLOSE}\\s*")


def affiliation_line(line: str, lang: str, fallback_id: int) -> Affiliation | None:
    """One printed affiliation: the label in a ⟦sup⟧ when the DOM has one, else the text
    adapter's rules (`1.` enumerations, labels glued to the postcode)."""
    line = line.strip()
    sup_id = None
    m = _SUP_LABEL.match(line)
    if m:
        digits = re.findall(r"[0-9]+", m.group(1))
        sup_id = int(digits[0]) if digits else None
        line = line[m.end():]
    line = clean(line.replace(SUP_OPEN, "").replace(SUP_CLOSE, "").strip(" ;；")) or ""
    parsed = jf.parse_zh_affiliation(line) if lang == "zh" else jf.parse_en_affiliation(line)
    if parsed is None:
        return None
    aff_id = sup_id or parsed.label or fallback_id
    if lang == "zh":
        return Affiliation(aff_id, name_zh=parsed.name, postcode=parsed.postcode)
    return Affiliation(aff_id, name_en=parsed.name, postcode=parsed.postcode)


def affiliations_from_lines(lines: list[str], lang: str) -> list[Affiliation]:
    """Lines of one language's affiliation block -> affiliations (a line may hold several,
    separated by `;`, as old pages print `(1. 北京…; 2. 上海…)`)."""
    parts: list[str] = []
    for line in lines:
        line = line.strip().strip("()（）")
        if ";" in line or "；" in line:
            pieces = re.split(r"\s*[;；]\s*(?=(?:\d|" + SUP_OPEN + "))", line)
            parts += [p for p in pieces if p.strip()]
        else:
            parts.append(line)
    out: list[Affiliation] = []
    for i, p in enumerate(parts, 1):
        a = affiliation_line(p, lang, i)
        if a is not None and all(x.affiliation_id != a.affiliation_id for x in out):
            out.append(a)
    return out


def pair_affiliations(zh: list[Affiliation], en: list[Affiliation]) -> list[Affiliation]:
    """Chinese and English affiliations joined on their printed label."""
    by_id: dict[int, Affiliation] = {}
    for a in zh:
        by_id[a.affiliation_id] = Affiliation(a.affiliation_id, a.name_zh, None, a.postcode)
    for a in en:
        cur = by_id.setdefault(a.affiliation_id, Affiliation(a.affiliation_id))
        cur.name_en = a.name_en
        cur.postcode = cur.postcode or a.postcode
    return [by_id[k] for k in sorted(by_id)]


_KW_KEYS = ("keywords_zh", "keywords_en")
_ABS_KEYS = ("abstract_zh", "abstract_en")


def label_value(text: str, keys: tuple[str, ...] | None = None) -> tuple[str, str] | None:
    """(key, value) when `text` starts with one of these labels (vocab.py) followed by a
    colon or in brackets (`摘要:`, `[Abstract]`, `中文关键词:`). The value is cut from the
    text as printed: the label matcher sees a normalized copy (NFKC folds `，` to `,`)."""
    m = vocab.match_label_html(text, keys)
    if m is None or not (m.colon or m.bracketed):
        return None
    rest = m.rest
    for rx in (vocab.LABEL_RX.get(m.key), vocab._HTML_LABEL_RX.get(m.key)):
        g = rx.match(text) if rx is not None else None
        if g is not None:
            rest = g.group("rest").strip()
            break
    return m.key, rest


def _lang_value(found: tuple[str, str] | None) -> tuple[str, str] | None:
    return (vocab.label_lang(found[0]), found[1]) if found else None


def keyword_label(text: str) -> tuple[str, str] | None:
    """`关键词: a; b` -> ("zh", "a; b"); `Key words: a; b` / `[Key words] a; b` -> ("en", …)."""
    return _lang_value(label_value(text, _KW_KEYS))


def abstract_label(text: str) -> tuple[str, str] | None:
    """`摘要: …` / `[摘要] …` / `Abstract: …` -> (lang, the text after the label)."""
    return _lang_value(label_value(text, _ABS_KEYS))


def heading_label(text: str, keys: tuple[str, ...]) -> str | None:
    """The key when `text` is one of these labels alone (a heading: `摘要`, `参考文献`,
    `References (References)`), else None."""
    m = vocab.match_label_html(text, keys)
    if m is None or (m.rest and m.rest.lower() not in ("(references)", "(reference)")):
        return None
    return m.key


def is_reference_heading(text: str) -> bool:
    return heading_label(text, ("references",)) is not None


def keywords_of(value: str) -> list[str]:
    return jf.split_keywords(value)


_REF_LABEL = re.compile(r"^\[(\d{1,4})\]\s*(.*)$")
_REF_LABEL_DOT = re.compile(r"^(\d{1,4})[.．、]\s+(\S.*)$")


def numbered_items(lines: list[str], allow_dot: bool = False) -> list[tuple[int, str]]:
    """`[n] text` items (text on the same line or the next lines) -> [(n, joined text)].

    Consecutive unlabelled lines continue the current item (a reference printed in both
    languages, a DOI on its own line); they are joined with one space.
    """
    items: list[tuple[int, list[str]]] = []
    for line in lines:
        m = _REF_LABEL.match(line) or (_REF_LABEL_DOT.match(line) if allow_dot else None)
        if m:
            items.append((int(m.group(1)), [m.group(2)] if m.group(2) else []))
        elif items:
            items[-1][1].append(line)
    out = []
    for n, parts in items:
        text = clean(" ".join(parts))
        if text:
            out.append((n, text))
    return out
