"""Author lines as the DOM prints them: names, affiliation labels in <sup>, and the e-mail
link (often empty) that marks a corresponding author."""

from __future__ import annotations

import re

from bs4 import NavigableString, Tag
from bs4.element import PreformattedString

from ... import vocab
from ...records import Author
from ...text.normalize import clean, has_cjk
from .dom import BLOCK_TAGS, attr
from .fields import SUP_CLOSE, SUP_OPEN

MAIL = "\u2709"  # marks a mailto link in the marked text: ✉address✉
_TOKEN = re.compile(f"({SUP_OPEN}[^{SUP_CLOSE}]*{SUP_CLOSE}|{MAIL}[^{MAIL}]*{MAIL})")
_SEP_CJK = re.compile(r"\s*[,，、;；\n]\s*")
_SEP_LATIN = re.compile(r"\s*[,，、;；\n]\s*|\s+and\s+|\s*&\s*")
_TRAILING_LABELS = re.compile(r"^(.*?\D)\s*((?:\d{1,2}\s*,\s*)*\d{1,2})\s*(\*?)$")


def marked_text(el: Tag) -> str:
    """Text of `el` with <sup> content as ⟦…⟧, mailto links as ✉address✉, <br>/blocks as \\n."""
    out: list[str] = []
    stack: list[object] = [el]
    while stack:
        node = stack.pop()
        if isinstance(node, NavigableString):
            if not isinstance(node, PreformattedString):
                out.append(str(node))
            continue
        if not isinstance(node, Tag):
            continue
        if node.name == "br":
            out.append("\n")
        elif node.name == "sup":
            out.append(SUP_OPEN + node.get_text("") + SUP_CLOSE)
        elif node.name == "a" and attr(node, "href").lower().startswith("mailto:"):
            addr = attr(node, "href")[7:].split("?")[0].strip()
            if not addr:
                text = clean(node.get_text(" ")) or ""
                addr = text if vocab.EMAIL.fullmatch(text) else ""
            out.append(MAIL + addr + MAIL)
        else:
            if node is not el and node.name in BLOCK_TAGS:
                out.append("\n")
            stack.extend(reversed(node.contents))
    return "".join(out)


def _labels(s: str) -> tuple[list[int], bool]:
    return [int(d) for d in re.findall(r"\d+", s)], "*" in s or "#" in s


def _clean_name(s: str) -> str | None:
    s = re.sub(r"[()（）*#†‡§]", " ", s)
    return clean(s)


def parse_author_line(marked: str, lang: str) -> list[Author]:
    """Marked author line -> authors (labels, corresponding flag, e-mail)."""
    sep = _SEP_CJK if lang == "zh" else _SEP_LATIN
    authors: list[Author] = []
    cur = Author(position=0)
    name = ""

    def flush() -> None:
        nonlocal cur, name
        n = _clean_name(name)
        if n and not cur.affiliation_ids:
            m = _TRAILING_LABELS.match(n)  # labels printed as plain digits: `罗臻1,2`
            if m and (has_cjk(m.group(1)) or lang != "zh"):
                n = clean(m.group(1))
                cur.affiliation_ids = [int(d) for d in re.findall(r"\d+", m.group(2))]
                cur.is_corresponding = cur.is_corresponding or bool(m.group(3))
        if n and re.fullmatch(r"[\d\s,*]+", n) and authors:  # stray labels of the previous author
            ids, corr = _labels(n)
            authors[-1].affiliation_ids += [i for i in ids if i not in authors[-1].affiliation_ids]
            authors[-1].is_corresponding |= corr
        elif n:
            cur.position = len(authors) + 1
            cur.name_zh, cur.name_en = (n, None) if lang == "zh" else (None, n)
            authors.append(cur)
        elif authors and (cur.affiliation_ids or cur.is_corresponding):
            prev = authors[-1]  # a label or mail link after a separator still belongs to it
            prev.affiliation_ids += [i for i in cur.affiliation_ids if i not in prev.affiliation_ids]
            prev.is_corresponding |= cur.is_corresponding
            prev.email = prev.email or cur.email
        cur, name = Author(position=0), ""

    for tok in _TOKEN.split(marked):
        if tok.startswith(SUP_OPEN):
            ids, corr = _labels(tok[1:-1])
            cur.affiliation_ids += [i for i in ids if i not in cur.affiliation_ids]
            cur.is_corresponding |= corr
        elif tok.startswith(MAIL):
            cur.is_corresponding = True
            addr = tok[1:-1]
            if vocab.EMAIL.fullmatch(addr):
                cur.email = cur.email or addr
        else:
            pieces = sep.split(tok)
            if name.strip() and cur.affiliation_ids and _clean_name(pieces[0]):
                # Labels follow the name they belong to, so a name after a <sup> label starts
                # the next author even without a separator (Yiigle: `黄志强<sup>1</sup> 吴敏`).
                flush()
            name += pieces[0]
            for p in pieces[1:]:
                flush()
                name = p
    flush()
    return authors


def author_line(el: Tag, lang: str) -> list[Author]:
    return parse_author_line(marked_text(el), lang)
