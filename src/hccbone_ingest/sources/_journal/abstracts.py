"""Abstracts and keywords, by evidence.

A labelled abstract (`摘要`/`[摘要]`/`【摘要】`/`Abstract`, value on the line or on the next
lines, structured parts included) always wins over unlabelled paragraphs of its language. An
unlabelled paragraph becomes the abstract only when no label names one, and only when it reads
as prose: titles, author lines, affiliations, citation lines and copyright notices never do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ... import vocab
from ...text.normalize import cjk_ratio, clean, has_cjk, paragraph_lang
from .. import _journal_fields as jf
from .front import author_items

_MAX_UNLABELLED = 3  # an unlabelled abstract is a paragraph or three, not a body
_NOISE_KEYS = ("clc", "doc_code", "article_id", "doi")
_ABSTRACT_BLOCK_KEYS = ("abstract_zh", "abstract_en", "keywords_zh", "keywords_en", *_NOISE_KEYS)
_BODY_HEADING = re.compile(
    r"^(?:[0-9]{1,2}(?:\.[0-9]{1,2})*|[一二三四五六七八九十]{1,3}[、.])\s*[\u3400-\u9fffA-Z]\S{0,25}$")
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")


@dataclass
class Abstracts:
    texts: dict[str, list[str]] = field(default_factory=dict)  # lang -> pieces, in order
    keywords: dict[str, list[str]] = field(default_factory=dict)
    doi_line: str | None = None  # a `DOI:` line in the abstract block (no header case)
    flags: list[str] = field(default_factory=list)
    keyword_lists: dict[str, list[list[str]]] = field(default_factory=dict)  # one list per label
    leftover: list[str | None] = field(default_factory=list)  # lines no abstract took (an English block)
    unseparated_en: str | None = None  # English keywords copied with spaces only


def line_lang(line: str) -> str:
    """A paragraph's language (`text.normalize.paragraph_lang`); a glued zh+en line goes by its
    larger part, as the keyword and front parsers expect."""
    lang = paragraph_lang(line)
    if lang == "mixed":
        return "zh" if cjk_ratio(line) >= 0.2 else "en"
    return lang


def _prose(line: str, lang: str) -> bool:
    """Could this line start an unlabelled abstract? Not a title, name list or notice."""
    if jf.looks_like_citation(line) or vocab.COPYRIGHT.search(line) or vocab.URL.search(line):
        return False
    if author_items(line, lang) is not None:
        return False
    if lang == "zh":  # sentences: a full stop, or a long run with commas
        return ("。" in line and len(line) >= 15) or (len(line) >= 60 and bool(re.search(r"[，,；;]", line)))
    words = line.split()
    return (line.rstrip().endswith(".") and len(words) >= 8) or len(words) >= 25


def parse_abstracts(lines: list[str | None]) -> Abstracts:
    out = Abstracts()
    labelled: dict[str, list[str]] = {}
    unlabelled: dict[str, list[str]] = {}
    unlabelled_at: dict[str, list[int]] = {}  # where the unlabelled pieces stood
    left: list[int] = []
    extra_prose: dict[str, int] = {}  # prose lines of a language no abstract took
    current: tuple[str, bool] | None = None  # (language, labelled) of the abstract being extended
    pending: str | None = None  # a bare `摘要` / `Abstract` label: the next paragraph is it
    pending_kw: str | None = None
    kw_open: str | None = None  # `关键词` alone: one keyword per line may follow, up to a blank
    for at, line in enumerate(lines):
        if line is None:
            if kw_open is not None and pending_kw is None:
                kw_open = None
            continue
        norm = vocab.normalize_label(line)
        if _BODY_HEADING.match(line) and (labelled or unlabelled):
            break  # the article body starts (`1 资料与方法`): no abstract runs past it
        if kw_open is not None and pending_kw is None:
            if len(line) <= 60 and _keyword_label(line, norm) is None and not vocab.ABSTRACT_EN.match(norm) \
                    and not vocab.ABSTRACT_ZH.match(norm) and not vocab.PART_EN.match(norm) \
                    and not _ends_keyword_run(line):
                _add_keywords(out, kw_open, line)
                continue
            kw_open = None
        if vocab.REFERENCES_HEADING.match(norm) or vocab.RELATED_HEADING.match(norm):
            current = None
            continue
        noise = vocab.match_label(line, _NOISE_KEYS)
        if noise is not None and (noise.colon or noise.bracketed or not noise.rest):
            if noise.key == "doi" and noise.rest:
                out.doi_line = line
            current = None  # `中图分类号:` ends the abstract, with or without its value
            continue
        other = vocab.match_label(line) if current is not None else None
        if other is not None and (other.colon or other.bracketed) and other.key not in _ABSTRACT_BLOCK_KEYS:
            current = None  # `作者：…` after the abstract (VIP): another field, never the abstract's tail
            left.append(at)
            continue
        if pending_kw is not None:  # `关键词:` alone on its line: the values follow
            _add_keywords(out, pending_kw, line)
            kw_open = pending_kw if len(split_keywords(line)) == 1 else None
            pending_kw = None
            continue
        kw = _keyword_label(line, norm)
        if kw is not None:
            lang, rest = kw
            out.keyword_lists.setdefault(lang, []).append([])
            if rest:
                _add_keywords(out, lang, rest)
            else:
                pending_kw = lang
            current = None
            continue
        m_zh, m_en = vocab.ABSTRACT_ZH.match(norm), vocab.ABSTRACT_EN.match(norm)
        lab = "zh" if m_zh else "en" if m_en else None
        if lab is not None:
            rest = _printed_rest(line, norm, m_zh or m_en)  # type: ignore[arg-type]
            if re.fullmatch(r"[|｜/]?\s*(?:Abstract|摘\s*要)?", rest, re.IGNORECASE):
                rest = ""  # `摘要|Abstract`: a heading naming both languages; the text follows
            if not rest:
                pending = lab
                continue
            lab = line_lang(rest) if lab == "zh" and not has_cjk(rest) else lab
            _start(labelled, lab, rest, out)
            current, pending = (lab, True), None
            continue
        lang = line_lang(line)
        if pending is None and lang not in labelled and _structured(line, lang):
            labelled[lang] = [line]  # `目的 … 方法 … 结果 …`: its part labels label it
            current = (lang, True)
            continue
        if pending is not None:
            if pending == "zh" and lang == "en" and "zh" in labelled:
                pending = "en"  # `摘要|Abstract` tab names: the English text after the Chinese one
            _start(labelled, lang if pending == "zh" and lang == "en" else pending, line, out)
            current, pending = (lang if pending == "zh" and lang == "en" else pending, True), None
            continue
        if current is not None and current[0] == lang and _term_list(line):
            current = None  # `甲;乙;丙` after an abstract: unlabelled keywords, not its continuation
            left.append(at)
            continue
        if current is not None and current[0] == lang:
            (labelled if current[1] else unlabelled)[lang].append(line)
            if not current[1]:
                unlabelled_at[lang].append(at)
            continue
        part_rx = vocab.PART_ZH if lang == "zh" else vocab.PART_EN
        if lang in labelled and part_rx.match(line) and current is None:
            labelled[lang].append(line)
            current = (lang, True)
            continue
        if lang not in labelled and lang not in unlabelled and _prose(line, lang):
            unlabelled[lang], unlabelled_at[lang] = [line], [at]
            current = (lang, False)
            continue
        if lang in unlabelled and _prose(line, lang):
            extra_prose[lang] = extra_prose.get(lang, 0) + 1
        current = None
        left.append(at)
        out.flags.append("unplaced_paragraph")
    for lang, lists in out.keyword_lists.items():  # a site's tag line beside the article's own list
        out.keywords[lang] = max(lists, key=len)
    if out.unseparated_en and not out.keywords.get("en"):
        split = split_capitalised_keywords(out.unseparated_en, len(out.keywords.get("zh", [])))
        if split:
            out.keywords["en"] = split
            out.flags.remove("keywords_unseparated")
    for lang in ("zh", "en"):
        if lang in labelled:
            out.texts[lang] = labelled[lang]
        elif lang in unlabelled and len(unlabelled[lang]) <= _MAX_UNLABELLED and not extra_prose.get(lang):
            out.texts[lang] = unlabelled[lang]
        elif lang in unlabelled:  # several paragraphs of prose with no label: an article body
            out.flags.append(f"unlabelled_text_not_abstract:{lang}")
        if lang in labelled:
            left += unlabelled_at.get(lang, [])
    for at in sorted(left):
        if out.leftover and at - 1 not in left:
            out.leftover.append(None)
        out.leftover.append(lines[at])
    return out


_PARTS_ZH = re.compile(r"(?:^|[。.\s:：])(?:方法|结果|結果|结论|結論)(?=[:：\s]|[\u3400-\u9fff])")
_PARTS_EN = re.compile(r"\b(?:Methods?|Results?|Conclusions?)\b[:：]?\s")


def _structured(line: str, lang: str) -> bool:
    """An unlabelled paragraph that opens with `目的`/`Objective` and holds two more parts."""
    norm = vocab.normalize_label(line)
    if lang == "zh":
        return bool(vocab.PART_ZH.match(norm)) and len(_PARTS_ZH.findall(norm)) >= 2
    opens = re.match(r"(?:Objectives?|Purpose|Aims?|Background)\b", norm)
    return bool(opens) and len(_PARTS_EN.findall(norm)) >= 2


def _term_list(line: str) -> bool:
    parts = [p.strip() for p in re.split(r"[;；,，、]", line)]
    return len(parts) >= 3 and len(line) <= 80 and not re.search(r"[。.!?]", line) \
        and all(0 < len(p) <= 20 for p in parts)


def _start(labelled: dict[str, list[str]], lang: str, text: str, out: Abstracts) -> None:
    if lang in labelled:
        out.flags.append(f"second_abstract:{lang}")
        return
    labelled[lang] = [text]


def _printed_rest(line: str, norm: str, m: re.Match[str]) -> str:
    """The value after a label matched on the normalized line, as printed (NFKC and the
    traditional-label folding keep lengths, so offsets carry over)."""
    return line[m.start("rest"):].strip() if len(norm) == len(line) else m.group("rest")


def _ends_keyword_run(line: str) -> bool:
    """A one-keyword-per-line list ends at the next label (`基金资助：`, `专辑：`, `DOI：`), a row
    label alone on its line, a button, a counter or a classification code (CNKI prints its rows
    right below the keywords, with no blank line between)."""
    from .lines import TEXT, label_line

    if vocab.match_label(line) is not None or re.search(r"[:：]\s*$", line) or vocab.ROW_LABEL.match(line):
        return True
    return label_line(line).kind != TEXT or vocab.NOT_A_KEYWORD.search(line) is not None


def _keyword_label(line: str, norm: str) -> tuple[str, str] | None:
    m = vocab.KEYWORDS_ZH.match(norm)
    if m:
        return "zh", _printed_rest(line, norm, m)
    m = vocab.KEYWORDS_EN.match(norm)
    if m:
        return "en", _printed_rest(line, norm, m)
    return None


def _add_keywords(out: Abstracts, lang: str, value: str) -> None:
    value = vocab.strip_pinyin(value)
    if lang == "zh":
        zh, en = split_languages(value)
        if en and not re.search(r"[,，;；、/]", value):
            out.flags.append("keywords_unseparated")  # linked keywords copied glued: no boundaries
            return
        if en:
            _current_list(out, "zh").extend(split_keywords(zh))
            if "en" not in out.keyword_lists:
                _current_list(out, "en").extend(split_keywords(en))
            return
    if lang == "en" and not re.search(r"[,，;；、/]", value) and len(value.split()) > 4:
        out.flags.append("keywords_unseparated")  # English keywords copied with spaces only: no boundaries
        out.unseparated_en = out.unseparated_en or value
        return
    _current_list(out, lang).extend(split_keywords(value))


def _current_list(out: Abstracts, lang: str) -> list[str]:
    lists = out.keyword_lists.setdefault(lang, [])
    if not lists:
        lists.append([])
    return lists[-1]


def split_languages(value: str) -> tuple[str, str]:
    """`肝癌，骨转移Liver cancer, Bone metastasis` -> (the Chinese run, the English run)."""
    last = None
    for m in _CJK_CHAR.finditer(value):
        last = m
    if last is None:
        return value, ""
    tail = value[last.end():]
    m = re.match(r"^[\s,，;；、)）]*", tail)
    rest = tail[m.end():] if m else tail
    if len(re.findall(r"[A-Za-z]{3,}", rest)) >= 1 and len(rest) >= 6 and " " in rest.strip():
        return value[: last.end() + (m.end() if m else 0)].rstrip(" ,，;；、"), rest
    return value, ""


_EN_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9'’-]*$")


def split_capitalised_keywords(value: str, n_zh: int) -> list[str] | None:
    """`Liver neoplasms Spinal metastasis Pain relief` (linked keywords copied with spaces only):
    each keyword starts with a capital and its other words do not. Two signals must agree: the
    capitals cut the line into exactly as many keywords as the Chinese list holds. Lower-case
    lists, acronyms and capitalised multi-word terms give another count and stay unsplit."""
    words = value.split()
    if n_zh < 2 or not words or not all(_EN_WORD.match(w) for w in words) or not words[0][0].isupper():
        return None
    out: list[list[str]] = []
    for w in words:
        if w[0].isupper():
            out.append([w])
        else:
            out[-1].append(w)
    if len(out) != n_zh or any(len(k) > 4 for k in out):
        return None
    return [" ".join(k) for k in out]


def split_keywords(value: str) -> list[str]:
    """Semicolons win over commas (English MeSH keywords carry commas inside); Chinese keywords
    printed with spaces only are split on the spaces."""
    value = value.strip()
    if re.search(r"[;；]", value):
        parts = re.split(r"[;；]", value)
    elif re.search(r"[,，、]", value):
        parts = re.split(r"[,，、]", value)
    elif has_cjk(value) and " " in value and all(has_cjk(t) for t in value.split()):
        parts = value.split()
    else:
        parts = [value]
    out = []
    for part in parts:
        kw = clean(part.strip().rstrip(".。/ "))
        if kw:
            out.append(kw)
    return out
