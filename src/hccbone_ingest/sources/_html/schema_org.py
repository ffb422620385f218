"""schema.org article metadata: JSON-LD (`<script type="application/ld+json">`) and microdata
(`itemscope itemtype=".../ScholarlyArticle"`), read into one Layer each.

Read with `json` and the page's own DOM rather than with `extruct`: extruct 0.18 pulls in eleven
packages this project does not otherwise need (rdflib and pyrdfa3 for RDFa — pyrdfa may fetch
vocabularies over the network —, mf2py, html5lib, w3lib, html-text, lxml-html-clean, and
jstyleson 0.0.2, a 2017 source-only package that needs a build step), for the two syntaxes used
here, which take a few dozen lines. Both are reduced to the same nested-dict shape and read by
one function.
"""

from __future__ import annotations

import json
import re
from typing import Any

from bs4 import BeautifulSoup, Tag

from ...records import Author
from ...text.normalize import clean
from .. import _journal_fields as jf
from .dom import attr
from .layer import Layer
from .meta import doi_of, parse_date, parse_year, script_lang
from .values import abstract_problem, journal_problem, keyword_ok, number_ok, page_ok, title_problem

_ARTICLE_TYPES = {"scholarlyarticle", "medicalscholarlyarticle", "article"}
_DOI_PROPS = {"doi", "digital object identifier"}


def _types(node: dict[str, Any]) -> set[str]:
    t = node.get("@type") or node.get("type") or []
    types = t if isinstance(t, list) else [t]
    return {str(x).rsplit("/", 1)[-1].lower() for x in types}


def _as_list(v: Any) -> list[Any]:
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def _text(v: Any) -> str | None:
    """A property's text: a string, or the `name`/`@value`/`value` of a node."""
    if isinstance(v, str):
        return clean(v)
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return str(v)
    if isinstance(v, dict):
        for k in ("name", "@value", "value"):
            if k in v:
                return _text(v[k])
    if isinstance(v, list) and v:
        return _text(v[0])
    return None


def _articles(nodes: list[Any]) -> list[dict[str, Any]]:
    """Article nodes anywhere in the top-level values (and their `@graph`s), iteratively."""
    out, stack = [], list(reversed(nodes))
    while stack:
        n = stack.pop()
        if isinstance(n, list):
            stack.extend(reversed(n))
        elif isinstance(n, dict):
            if _types(n) & _ARTICLE_TYPES:
                out.append(n)
            elif "@graph" in n:
                stack.append(n["@graph"])
    return out


# ------------------------------------------------------------------ JSON-LD

def jsonld_nodes(soup: BeautifulSoup) -> tuple[list[dict[str, Any]], bool]:
    """Article nodes of every ld+json script, and whether any script was not valid JSON."""
    nodes: list[Any] = []
    bad = False
    for el in soup.find_all("script", attrs={"type": re.compile(r"application/ld\+json", re.I)}):
        body = el.string or el.get_text("")
        body = re.sub(r"^\s*<!--|-->\s*$", "", body.strip())
        if not body:
            continue
        try:
            nodes.append(json.loads(body))
        except (json.JSONDecodeError, RecursionError):
            bad = True
    return _articles(nodes), bad


# ------------------------------------------------------------------ microdata

def _prop_value(el: Tag) -> Any:
    if el.has_attr("itemscope"):
        return _item(el)
    name = el.name
    if name == "meta":
        return attr(el, "content")
    if name in ("a", "link", "area"):
        return attr(el, "href")
    if name in ("img", "audio", "video", "source", "embed", "iframe"):
        return attr(el, "src")
    if name == "time" and el.has_attr("datetime"):
        return attr(el, "datetime")
    if el.has_attr("content"):
        return attr(el, "content")
    return el.get_text(" ")


def _item(root: Tag) -> dict[str, Any]:
    """One microdata item: its properties (nested items as dicts), not its sub-items' ones."""
    item: dict[str, Any] = {"@type": attr(root, "itemtype").split()}
    stack = list(reversed([c for c in root.children if isinstance(c, Tag)]))
    while stack:
        el = stack.pop()
        for prop in attr(el, "itemprop").split():
            item.setdefault(prop, []).append(_prop_value(el))
        if not el.has_attr("itemscope"):  # a nested item owns what is inside it
            stack.extend(reversed([c for c in el.children if isinstance(c, Tag)]))
    return item


def microdata_nodes(soup: BeautifulSoup) -> list[dict[str, Any]]:
    tops = [el for el in soup.find_all(attrs={"itemscope": True})
            if not el.has_attr("itemprop")]
    return _articles([_item(el) for el in tops if any(
        t.rsplit("/", 1)[-1].lower() in _ARTICLE_TYPES for t in attr(el, "itemtype").split())])


# ------------------------------------------------------------------ one reader for both

def _doi(node: dict[str, Any]) -> str | None:
    for v in _as_list(node.get("identifier")):
        if isinstance(v, dict):
            prop = (_text(v.get("propertyID")) or "").lower()
            val = _text(v.get("value"))
            if prop in _DOI_PROPS or (val and val.lower().startswith(("doi:", "https://doi.org"))):
                d = doi_of(val)
                if d:
                    return d
        elif isinstance(v, str):
            d = doi_of(v)
            if d:
                return d
    for key in ("sameAs", "@id", "url"):
        for v in _as_list(node.get(key)):
            if isinstance(v, str) and re.search(r"doi\.org/|^doi:", v, re.IGNORECASE):
                d = doi_of(v)
                if d:
                    return d
    return None


def _container(layer: Layer, node: dict[str, Any]) -> None:
    """`isPartOf`: PublicationIssue -> PublicationVolume -> Periodical, any level may be absent."""
    stack = list(_as_list(node.get("isPartOf")))
    seen = 0
    while stack and seen < 10:
        seen += 1
        part = stack.pop()
        if not isinstance(part, dict):
            continue
        types = _types(part)
        if "publicationissue" in types:
            layer.set("issue", number_ok(_text(part.get("issueNumber"))))
        if "publicationvolume" in types:
            layer.set("volume", number_ok(_text(part.get("volumeNumber"))))
        if types & {"periodical", "publicationvolume", "publicationissue"} or "issn" in part:
            for v in _as_list(part.get("issn")):
                layer.set("issn", _text(v))
        if "periodical" in types:
            for v in _as_list(part.get("name")):
                name = _text(v)
                if name and journal_problem(name) is None:
                    layer.set(f"journal_{script_lang(name) or 'en'}", name)
        stack.extend(_as_list(part.get("isPartOf")))


def _authors(node: dict[str, Any]) -> list[Author]:
    names = [_text(a) for a in _as_list(node.get("author"))]
    names = [n for n in names if n]
    langs = {script_lang(n) for n in names}
    if not names or len(langs) != 1 or None in langs:
        return []  # mixed scripts: no safe pairing of names across languages
    lang = langs.pop()
    return [Author(position=i, name_zh=n if lang == "zh" else None, name_en=n if lang == "en" else None)
            for i, n in enumerate(names, 1)]


def description_layer(node: dict[str, Any], origin: str) -> Layer:
    """`description` as an abstract, in a layer of its own placed after the DOM: sites fill it
    with the article's abstract or with their own blurb, and a labelled `摘要` on the page is
    the surer copy."""
    layer = Layer(origin)
    for v in _as_list(node.get("description")):
        t = _text(v)
        lang = script_lang(t or "")
        if t and lang and abstract_problem(t) is None:
            layer.abstracts.setdefault(lang, t)
    return layer


def node_layer(node: dict[str, Any], origin: str) -> Layer:
    layer = Layer(origin)
    for key in ("headline", "name", "alternativeHeadline", "alternateName"):
        for v in _as_list(node.get(key)):
            t = _text(v)
            lang = script_lang(t or "")
            if t and lang and title_problem(t) is None:
                layer.set(f"title_{lang}", t)
    for key in ("abstract",):
        for v in _as_list(node.get(key)):
            t = _text(v)
            lang = script_lang(t or "")
            if t and lang and abstract_problem(t) is None:
                layer.abstracts.setdefault(lang, t)
    # one value is a joined list (`a, b; c`); several values are one keyword each (a keyword
    # may hold a comma: `癌，肝细胞`)
    vals = [t for t in (_text(v) for v in _as_list(node.get("keywords"))) if t]
    kws = jf.split_keywords(vals[0]) if len(vals) == 1 else vals
    for k in kws:
        lang = script_lang(k)
        if lang and keyword_ok(k) and k not in layer.keywords.get(lang, []):
            layer.keywords.setdefault(lang, []).append(k)
    layer.authors = _authors(node)
    layer.set("doi", _doi(node))
    published = _text(node.get("datePublished"))
    d = parse_date(published)
    layer.set("published_date", d)
    layer.set("year", d.year if d else parse_year(published))
    layer.set("first_page", page_ok(_text(node.get("pageStart"))))
    layer.set("last_page", page_ok(_text(node.get("pageEnd"))))
    _container(layer, node)
    return layer


def schema_layers(soup: BeautifulSoup) -> tuple[list[Layer], list[Layer], list[str]]:
    """The JSON-LD layer, then the microdata layer (the first article node of each); the
    layers of their `description`s (placed after the DOM); and the flags. Run on the page
    before clutter removal: it drops scripts and `<meta itemprop>`."""
    nodes, bad = jsonld_nodes(soup)
    found = [(nodes[0], "json-ld")] if nodes else []
    micro = microdata_nodes(soup)
    if micro:
        found.append((micro[0], "microdata"))
    return ([node_layer(n, o) for n, o in found], [description_layer(n, o) for n, o in found],
            ["jsonld_invalid"] if bad and not nodes else [])
