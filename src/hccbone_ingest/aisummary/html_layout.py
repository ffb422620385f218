"""Saved HTML of AI-summary pages -> blocks, title, address and reference list.

Scripts, styles, forms, navigation and the site footer go first. Citation links and
superscripts (`<a href="#ref-3">3</a>`, `<sup><a>3</a></sup>`, `<sup>[2, 4]</sup>`) become
explicit markers (see markers.EXPLICIT_OPEN) so they are removed exactly, not guessed. The
reference list is found from the markers' link targets (or a `References` / `Sources`
heading), parsed, and taken out of the page before it is walked into blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from ..records import SourceReference
from ..text.normalize import clean
from .blocks import Block
from .chrome import article_address
from .markers import EXPLICIT_CLOSE, EXPLICIT_OPEN
from .references import parse_reference_item

_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "button", "form", "textarea",
         "select", "input", "nav", "link", "meta", "head", "img", "video", "audio", "canvas")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCK_TAGS = frozenset(("p", "div", "section", "article", "main", "aside", "header", "footer",
                         "blockquote", "table", "thead", "tbody", "tr", "td", "th", "dl", "dt", "dd",
                         "figure", "figcaption", "pre", "address", "body", "html", "details",
                         "summary", "center", "fieldset", *_HEADINGS, "ul", "ol", "li"))
_MARKER_TEXT = re.compile(r"^\[?\s*\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*\s*\]?$")
_REF_HEADING = re.compile(r"^(?:references|sources|citations|studies cited)$", re.I)
_SITE_SUFFIX = re.compile(r"\s*[|–-]\s*Dr\.?\s?Oracle.*$", re.I)
_DATE_MODIFIED = re.compile(r'"dateModified"\s*:\s*"([^"]+)"')
_MAX_RANGE = 50


@dataclass(slots=True)
class HtmlPage:
    blocks: list[Block]
    title: str | None
    url: str | None = None
    site_id: str | None = None
    references: list[SourceReference] = field(default_factory=list)
    date_modified: str | None = None  # JSON-LD dateModified, a fallback for the date line
    provenance: dict[str, str] = field(default_factory=dict)


def _numbers(marker: str) -> list[int]:
    """`[2, 4]` -> [2, 4]; `1-3` -> [1, 2, 3] (a printed range of sources)."""
    out: list[int] = []
    for part in re.split(r"\s*[,;]\s*", marker.strip("[] ")):
        rng = re.fullmatch(r"(\d+)\s*[–-]\s*(\d+)", part)
        if rng and 0 < int(rng.group(2)) - int(rng.group(1)) <= _MAX_RANGE:
            out += range(int(rng.group(1)), int(rng.group(2)) + 1)
        elif part.isdigit():
            out.append(int(part))
    return out


def _is_marker(el: Tag) -> bool:
    text = el.get_text("").strip()
    if not _MARKER_TEXT.match(text):
        return False
    if el.name == "sup":
        return True
    href = el.get("href")
    href = href if isinstance(href, str) else ""
    citation_class = any(c.lower().startswith(("cit", "ref")) for c in el.get("class") or [])
    return href.startswith("#") or citation_class or el.find_parent("sup") is not None


def _marker_targets(soup: BeautifulSoup) -> list[str]:
    ids = []
    for a in soup.find_all("a", href=True):
        href = a["href"]
        if isinstance(href, str) and href.startswith("#") and _MARKER_TEXT.match(a.get_text("").strip()):
            ids.append(href[1:])
    return ids


def _reference_list(soup: BeautifulSoup) -> Tag | None:
    """The <ol>/<ul> the markers point into, else the list under a References heading."""
    # One pass over the tree: looking each marker's target up with soup.find is
    # quadratic on pages with many citations (and never finds a dangling target).
    by_id: dict[str, Tag] = {}
    for tag in soup.find_all(id=True):
        tag_id = tag.get("id")
        if isinstance(tag_id, str):
            by_id.setdefault(tag_id, tag)
    for target in dict.fromkeys(_marker_targets(soup)):
        el = by_id.get(target)
        if el is not None:
            lst = el if el.name in ("ol", "ul") else el.find_parent(["ol", "ul"])
            if lst is not None:
                return lst
    for h in soup.find_all([*_HEADINGS, "p", "strong"]):
        if _REF_HEADING.match(clean(h.get_text(" ")) or ""):
            lst = h.find_next(["ol", "ul"])
            if lst is not None:
                return lst
    return None


def _take_references(soup: BeautifulSoup) -> list[SourceReference]:
    lst = _reference_list(soup)
    if lst is None:
        return []
    items = [li for li in lst.find_all("li") if li.find_parent(["ol", "ul"]) is lst]
    refs = [parse_reference_item(li, i) for i, li in enumerate(items, start=1)]
    container = lst.parent
    heading = lst.find_previous(_HEADINGS)
    lst.decompose()
    if heading is not None and _REF_HEADING.match(clean(heading.get_text(" ")) or ""):
        heading.decompose()
    if isinstance(container, Tag) and container.name != "body" and not clean(container.get_text(" ")):
        container.decompose()
    by_no: dict[int, SourceReference] = {}
    for r in refs:
        by_no.setdefault(r.ref_no, r)  # a repeated number: the first item wins
    return [by_no[n] for n in sorted(by_no)]


def _mark_citations(soup: BeautifulSoup) -> None:
    for name in ("sup", "a"):  # a <sup> wrapping a link is replaced whole, first
        for el in soup.find_all(name):
            if el.parent is None or not _is_marker(el):
                continue
            nums = _numbers(el.get_text(""))
            el.replace_with(NavigableString(
                ", ".join(f"{EXPLICIT_OPEN}{n}{EXPLICIT_CLOSE}" for n in nums) if nums else ""))


def _inline(el: Tag | NavigableString, skip_lists: bool = False) -> str:
    if isinstance(el, Comment):
        return ""
    if isinstance(el, NavigableString):
        return str(el)
    if el.name == "br":
        return " "
    parts = []
    for ch in el.children:
        if skip_lists and isinstance(ch, Tag) and ch.name in ("ul", "ol"):
            continue
        text = _inline(ch, skip_lists)
        # Block children of an inline context (a <p> inside an <li>) are separate phrases.
        parts.append(f" {text} " if isinstance(ch, Tag) and ch.name in _BLOCK_TAGS else text)
    return "".join(parts)


def _walk(node: Tag, depth: int, out: list[Block]) -> None:
    buf: list[str] = []

    def flush() -> None:
        text = clean("".join(buf))
        buf.clear()
        if text:
            out.append(Block("para", text))

    for ch in node.children:
        if isinstance(ch, Comment):
            continue
        if isinstance(ch, NavigableString):
            buf.append(str(ch))
        elif not isinstance(ch, Tag):
            continue
        elif ch.name in _HEADINGS:
            flush()
            text = clean(_inline(ch))
            if text:
                out.append(Block("heading", text, rank=int(ch.name[1])))
        elif ch.name in ("ul", "ol"):
            flush()
            _walk_list(ch, depth, out)
        elif ch.name in _BLOCK_TAGS:
            flush()
            _walk(ch, depth, out)
        else:
            buf.append(_inline(ch))
    flush()


def _walk_list(lst: Tag, depth: int, out: list[Block]) -> None:
    for li in lst.find_all("li", recursive=False):
        text = clean(_inline(li, skip_lists=True))
        if text:
            out.append(Block("bullet", text, level=depth))
        for sub in li.find_all(["ul", "ol"]):
            if sub.find_parent("li") is li:
                _walk_list(sub, depth + 1, out)


def _meta(soup: BeautifulSoup, **attrs: str) -> str | None:
    el = soup.find("meta", attrs=attrs)
    val = el.get("content") if isinstance(el, Tag) else None
    return clean(val) if isinstance(val, str) else None


def html_page(html: str) -> HtmlPage:
    soup = BeautifulSoup(html, "lxml")
    prov: dict[str, str] = {}
    url = site_id = None
    canonical = soup.find("link", rel="canonical")
    for how, value in (("canonical", canonical.get("href") if isinstance(canonical, Tag) else None),
                       ("og:url", _meta(soup, property="og:url"))):
        found = article_address(value) if isinstance(value, str) else None
        if found:
            (url, site_id), prov["site_id"] = found, how
            break
    modified = None
    for script in soup.find_all("script", type="application/ld+json"):
        m = _DATE_MODIFIED.search(script.get_text())
        if m:
            modified = m.group(1)
            break
    title = None
    h1 = soup.find("h1")
    if isinstance(h1, Tag):
        title, prov["title"] = clean(h1.get_text(" ")), "h1"
        h1.decompose()
    if title is None:
        og = _meta(soup, property="og:title")
        tag = soup.find("title")
        raw_title = og or (clean(tag.get_text(" ")) if isinstance(tag, Tag) else None)
        if raw_title:
            title, prov["title"] = _SITE_SUFFIX.sub("", raw_title) or None, "og:title" if og else "title"
    references = _take_references(soup)
    for name in _DROP:
        for el in soup.find_all(name):
            el.decompose()
    for el in soup.find_all("footer"):
        el.decompose()
    for el in soup.find_all("header"):
        if el.find(_HEADINGS) is None and el.find("p") is None:
            el.decompose()
    _mark_citations(soup)
    blocks: list[Block] = []
    root = soup.body or soup
    _walk(root, 0, blocks)
    return HtmlPage(blocks, title, url, site_id, references, modified, prov)

