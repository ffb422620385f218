"""Parsed HTML -> clean DOM and visible text: everything a saved page carries that a reader
does not see (scripts, styles, navigation, hidden modals, export dialogs, metrics widgets)
is removed once, up front, so no layer downstream can leak it into a record.

Walks are iterative: saved pages can nest deeper than Python's recursion limit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PageElement, PreformattedString

from ...errors import ParseError
from ...text.normalize import clean

# Elements that never hold article content a reader sees.
# (Not <form>: ASP.NET pages wrap the whole body in one.)
_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "iframe", "object", "embed", "svg",
              "canvas", "button", "select", "option", "input", "textarea", "link", "meta", "head",
              "title", "map", "audio", "video", "dialog")
# Page-level banners; inside an <article> they hold the article's own title, so they stay there.
_PAGE_CHROME = ("header", "footer")
# Words of id/class names that mark widgets rather than content (`exportModal`, `article-metrics`,
# `share-box`, `nav-tabs`): names are split on - _ and camelCase humps, then matched word by word.
_CLUTTER_WORDS = frozenset((
    "modal", "dialog", "popup", "export", "share", "metric", "metrics", "tongji", "nav", "navbar",
    "breadcrumb", "breadcrumbs", "crumb", "crumbs", "toolbar", "cookie", "cookies", "qrcode", "erweima",
    "backtotop",
))
_NAME_SPLIT = re.compile(r"[-_\s]+|(?<=[a-z])(?=[A-Z])")
# Unrendered Vue/Angular templates in pages saved before the script ran.
_MUSTACHE = re.compile(r"\{\{.*?\}\}", re.DOTALL)
# Whole class names that hide an element on every screen (Bootstrap's hidden-xs etc. do not).
_HIDDEN_CLASSES = {"hidden", "hide", "d-none", "sr-only", "visually-hidden", "invisible", "v-cloak"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Visible-text noise of Magtech-style pages: the platform switch link, the metrics legend, the
# export menu. Matched on a block's whole text so a real `摘要:` label is never touched.
_NOISE_TEXT = re.compile(
    r"^(切换至\s*\S.{0,40}|(阅读|浏览|下载|被引)次数.{0,200}|导出引用.{0,200}|"
    r"(Export|导出)\s*(citation|引用|到)?.{0,60}(EndNote|RIS|BibTeX|Reference Manager).{0,200})$",
    re.IGNORECASE | re.DOTALL)
_NOISE_START = re.compile(r"切换至|(阅读|浏览|下载|被引)次数|导出|Export", re.IGNORECASE)

BLOCK_TAGS = frozenset((
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr",
    "td", "th", "thead", "tbody", "tfoot", "caption", "address", "section", "article", "aside",
    "blockquote", "pre", "figure", "figcaption", "main", "hr", "body", "html", "center", "form",
))
_PARAGRAPH_TAGS = frozenset(("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
                             "blockquote", "address", "ul", "ol"))
_CELL_TAGS = ("li", "td", "th", "dd")
_END_BR = re.compile(r"</br\s*>", re.IGNORECASE)
_WS = re.compile(r"[ \t\r\n\f]+")


def parse_html(text: str) -> BeautifulSoup:
    """The page's DOM (lxml's forgiving HTML parser)."""
    # Browsers render a stray `</br>` as a line break (old CMS templates print it); lxml
    # drops it, which would glue two affiliation or reference lines together.
    text = _END_BR.sub("<br>", text)
    try:
        return BeautifulSoup(text, "lxml")
    except Exception as e:  # lxml/bs4 raise assorted types on pathological input
        raise ParseError(f"the HTML could not be parsed: {type(e).__name__}: {e}") from e


def classes(el: Tag) -> list[str]:
    c = el.get("class")
    if c is None:
        return []
    return c.split() if isinstance(c, str) else list(c)


def attr(el: Tag, name: str) -> str:
    v = el.get(name)
    if v is None:
        return ""
    return " ".join(v) if isinstance(v, list) else str(v)


def _is_hidden(el: Tag) -> bool:
    if el.has_attr("hidden") or attr(el, "aria-hidden").lower() == "true":
        return True
    if _HIDDEN_STYLE.search(attr(el, "style")):
        return True
    if any(c.lower() in _HIDDEN_CLASSES for c in classes(el)) or el.has_attr("v-cloak"):
        return True
    return any(w in _CLUTTER_WORDS for w in name_words(el))


def name_words(el: Tag) -> list[str]:
    """The words of an element's id and class names, lower-cased (`exportModal`,
    `art_title_en`, `share-box` -> export modal / art title en / share box)."""
    return [w.lower() for n in [attr(el, "id"), *classes(el)] for w in _NAME_SPLIT.split(n) if w]


def unique_tags(tags: Iterable[Tag | None]) -> list[Tag]:
    """Tags in first-seen order, each once, by identity: bs4 hashes a Tag by serialising
    it (slow on big pages) and compares Tags by markup, so two identical <p> elements would
    collapse into one in a set or dict."""
    seen: set[int] = set()
    out: list[Tag] = []
    for t in tags:
        if t is not None and id(t) not in seen:
            seen.add(id(t))
            out.append(t)
    return out


def _tags(root: Tag) -> Iterator[Tag]:
    return (d for d in root.descendants if isinstance(d, Tag))


def _gone(node: PageElement) -> bool:
    """Whether `node` was decomposed. bs4's `.decomposed` looks the flag up with getattr,
    which on a live Tag falls through to a child search of the whole subtree (`find(
    "_decomposed")`): called per element, that made clutter removal quadratic."""
    return bool(vars(node).get("_decomposed", False))


def strip_clutter(soup: BeautifulSoup) -> BeautifulSoup:
    """Remove every element a reader does not see as article content, in place."""
    for el in list(soup.find_all(_DROP_TAGS)):
        if not _gone(el):
            el.decompose()
    for el in list(soup.find_all(_PAGE_CHROME)):
        if not _gone(el) and el.find_parent("article") is None:
            el.decompose()
    doomed = [el for el in _tags(soup) if el.name not in ("html", "body") and _is_hidden(el)]
    for el in doomed:
        if not _gone(el):
            el.decompose()
    for s in list(soup.find_all(string=True)):
        if isinstance(s, PreformattedString):  # comments, CDATA, doctype
            s.extract()
        elif "{{" in s:
            s.replace_with(_MUSTACHE.sub("", str(s)))
    _drop_noise_blocks(soup)
    _drop_link_bars(soup)
    return soup


# What a link bar puts between its links (`首页 | 期刊 | 登录`, `首页 > 正文`).
_BAR_SEPARATORS = re.compile(r"[|｜>›»·•/\s]+")
_BAR_MARK = re.compile(r"[|｜>›»]")


def _drop_link_bars(soup: BeautifulSoup) -> None:
    """Drop blocks that are nothing but links and bar separators: navigation whose
    id/class says nothing (`<div id="top">`). A separator is required, so a list of
    keyword links or an author line (names, labels, commas) is never a bar."""
    # Only the links' own parents are candidates: one text walk each, not one per element.
    for el in unique_tags(a.parent for a in soup.find_all("a")):
        if _gone(el) or el.name in ("html", "body", "[document]", "li"):
            continue
        links = el.find_all("a", recursive=False)
        if len(links) < 2:
            continue
        text = el.get_text("")
        rest = text
        for a in links:
            rest = rest.replace(a.get_text(""), "", 1)
        if _BAR_MARK.search(rest) and not _BAR_SEPARATORS.sub("", rest):
            el.decompose()


def _drop_noise_blocks(soup: BeautifulSoup) -> None:
    """Drop the largest block whose whole text is a known widget text (metrics, switch link)."""
    for s in list(soup.find_all(string=_NOISE_START)):
        if _gone(s):  # inside a block already dropped
            continue
        el = s.parent
        if el is None or _gone(el):
            continue
        while el.name not in BLOCK_TAGS and el.name != "a" and el.parent is not None:
            el = el.parent
        if not _is_noise(el):
            continue
        while el.parent is not None and el.parent.name not in ("body", "html", "[document]") \
                and _is_noise(el.parent):
            el = el.parent
        el.decompose()


def _is_noise(el: Tag) -> bool:
    t = clean(el.get_text(" "))
    return bool(t) and len(t) <= 300 and bool(_NOISE_TEXT.match(t))


class _TextOut:
    """Visible text as a browser's innerText builds it: block boundaries ask for line breaks
    and adjacent requests collapse to the largest (`<div>A</div><div>B</div>` is `A\nB`, not a
    blank line that would split one reference in two); `<br>` is a real line break."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pending = 0  # line breaks asked for by block boundaries, not yet written

    def block(self, n: int) -> None:
        self.pending = max(self.pending, n)

    def _flush(self) -> None:
        if self.pending and self.parts:
            self.parts.append("\n" * self.pending)
        self.pending = 0

    def text(self, s: str) -> None:
        if self.pending and not s.strip(" "):
            return  # indentation between blocks
        self._flush()
        self.parts.append(s)

    def br(self) -> None:
        self._flush()
        self.parts.append("\n")

    def sup(self, label: str) -> None:
        """A superscript label glued to the word before it, without inner spaces: the text
        adapter reads `罗臻1,2` as a name with labels, and `罗臻 1` (source indentation
        before the <sup>) as two tokens."""
        if self.pending:
            self._flush()
        else:
            while self.parts and not self.parts[-1].strip(" "):  # spaces only
                self.parts.pop()
            if self.parts:
                self.parts[-1] = self.parts[-1].rstrip(" ")
        self.parts.append(label)


def _walk_text(root: Tag, out: _TextOut) -> None:
    """Write the text of `root` with line breaks where the page breaks lines.

    Each stack entry carries whether the node sits inside a list item or table cell, so the
    paragraph rule costs nothing per node (a parent lookup per block is quadratic in depth).
    """
    stack: list[tuple[object, bool, bool]] = [(root, True, root.find_parent(_CELL_TAGS) is not None)]
    while stack:
        node, entering, in_cell = stack.pop()
        if isinstance(node, NavigableString):
            if not isinstance(node, PreformattedString):
                out.text(_WS.sub(" ", str(node)))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if entering:
            if name == "br":
                out.br()
                continue
            if name == "sup":
                label = _WS.sub("", node.get_text(""))
                if label:
                    out.sup(label)
                continue
            if name in BLOCK_TAGS:
                out.block(_break(name, in_cell))
            stack.append((node, False, in_cell))
            inner = in_cell or name in _CELL_TAGS
            stack.extend((c, True, inner) for c in reversed(node.contents))
        elif name in BLOCK_TAGS:
            out.block(_break(name, in_cell))


def _break(name: str, in_cell: bool) -> int:
    """Two line breaks around paragraphs, one around other blocks and inside list items and
    table cells: a label's value in its own <p> (`基金资助:` + `<p>…</p>`) stays on the
    label's next line, as pages render it."""
    return 2 if name in _PARAGRAPH_TAGS and not in_cell else 1


def raw_text(el: Tag) -> str:
    """The element's text with line breaks where the page breaks lines (not cleaned)."""
    out = _TextOut()
    _walk_text(el, out)
    return "".join(out.parts)


def text_lines(el: Tag) -> list[str]:
    """The element's visible lines, each cleaned (shared `clean`), empty lines dropped."""
    lines = []
    for line in raw_text(el).split("\n"):
        c = clean(line)
        if c:
            lines.append(c)
    return lines


def inline_text(el: Tag | None) -> str | None:
    """The element's text as one cleaned string (line breaks become spaces)."""
    if el is None:
        return None
    return clean(raw_text(el))


def visible_text(soup: BeautifulSoup) -> str:
    """The page's visible text: cleaned lines, paragraphs separated by one blank line."""
    paras: list[str] = []
    for block in re.split(r"\n\s*\n", raw_text(soup)):
        lines = [c for c in (clean(x) for x in block.split("\n")) if c]
        if lines:
            paras.append("\n".join(lines))
    return "\n\n".join(paras)
