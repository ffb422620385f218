"""Parsed HTML -> clean DOM and visible text: everything a saved page carries that a reader
does not see (scripts, styles, navigation, hidden modals, export dialogs, metrics widgets)
is removed once, up front, so no layer downstream can leak it into a record.

Walks are iterative: saved pages can nest deeper than Python's recursion limit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString

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
    "breadcrumb", "breadcrumbs", "toolbar", "cookie", "cookies", "qrcode", "erweima", "backtotop",
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
_WS = re.compile(r"[ \t\r\n\f]+")


def parse_html(text: str) -> BeautifulSoup:
    """The page's DOM (lxml's forgiving HTML parser)."""
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
    return any(w.lower() in _CLUTTER_WORDS
               for n in [attr(el, "id"), *classes(el)] for w in _NAME_SPLIT.split(n) if w)


def _tags(root: Tag) -> Iterator[Tag]:
    return (d for d in root.descendants if isinstance(d, Tag))


def strip_clutter(soup: BeautifulSoup) -> BeautifulSoup:
    """Remove every element a reader does not see as article content, in place."""
    for el in list(soup.find_all(_DROP_TAGS)):
        if not el.decomposed:
            el.decompose()
    for el in list(soup.find_all(_PAGE_CHROME)):
        if not el.decomposed and el.find_parent("article") is None:
            el.decompose()
    doomed = [el for el in _tags(soup) if el.name not in ("html", "body") and _is_hidden(el)]
    for el in doomed:
        if not el.decomposed:
            el.decompose()
    for s in list(soup.find_all(string=True)):
        if isinstance(s, PreformattedString):  # comments, CDATA, doctype
            s.extract()
        elif "{{" in s:
            s.replace_with(_MUSTACHE.sub("", str(s)))
    _drop_noise_blocks(soup)
    return soup


def _drop_noise_blocks(soup: BeautifulSoup) -> None:
    """Drop the largest block whose whole text is a known widget text (metrics, switch link)."""
    for s in list(soup.find_all(string=_NOISE_START)):
        if s.decomposed:  # inside a block already dropped
            continue
        el = s.parent
        if el is None or el.decomposed:
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


def _walk_text(root: Tag, out: list[str]) -> None:
    """Append the text of `root` with "\n" at line breaks and "\n\n" around paragraphs."""
    stack: list[tuple[object, bool]] = [(root, True)]
    while stack:
        node, entering = stack.pop()
        if isinstance(node, NavigableString):
            if not isinstance(node, PreformattedString):
                out.append(_WS.sub(" ", str(node)))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if entering:
            if name == "br":
                out.append("\n")
                continue
            if name in BLOCK_TAGS:
                out.append(_break(node))
            stack.append((node, False))
            stack.extend((c, True) for c in reversed(node.contents))
        elif name in BLOCK_TAGS:
            out.append(_break(node))


def _break(el: Tag) -> str:
    """A blank line around paragraphs, except inside list items and table cells: a label's
    value in its own <p> (`基金资助:` + `<p>…</p>`) stays on the label's next line, as pages
    render it."""
    if el.name in _PARAGRAPH_TAGS and el.find_parent(["li", "td", "th", "dd"]) is None:
        return "\n\n"
    return "\n"


def raw_text(el: Tag) -> str:
    """The element's text with line breaks where the page breaks lines (not cleaned)."""
    out: list[str] = []
    _walk_text(el, out)
    return "".join(out)


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
