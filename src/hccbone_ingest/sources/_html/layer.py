"""What one source of evidence (meta tags, inline JSON, DOM, visible text) says about a page,
and the merge of several such layers in precedence order with per-field provenance.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from ...records import Abstract, Affiliation, Author, Document, Keyword, Reference, RelatedArticle
from .values import abstract_problem, journal_problem, number_ok, page_ok, title_problem

# Document fields a layer may set; the rest (ids, paths, adapter) are the adapter's business.
DOC_FIELDS = tuple(
    f.name for f in fields(Document)
    if f.name not in {"doc_id", "source", "doc_type", "source_path", "content_sha256", "adapter",
                      "encoding", "quality_flags", "provenance", "duplicate_of", "doi_key",
                      "doi_valid", "review_state", "disclaimer", "updated_date"}
)


@dataclass
class Layer:
    origin: str  # "meta" | "json" | "dom" | "text"
    doc: dict[str, object] = field(default_factory=dict)  # Document field -> value (None = unknown)
    authors: list[Author] = field(default_factory=list)
    affiliations: list[Affiliation] = field(default_factory=list)
    abstracts: dict[str, str] = field(default_factory=dict)  # lang -> text
    keywords: dict[str, list[str]] = field(default_factory=dict)  # lang -> keywords
    references: list[Reference] = field(default_factory=list)
    related: list[RelatedArticle] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def set(self, name: str, value: object) -> None:
        if name not in DOC_FIELDS:
            raise KeyError(name)
        if value is not None and value != "":
            self.doc.setdefault(name, value)

    def is_empty(self) -> bool:
        return not (self.doc or self.authors or self.affiliations or self.abstracts or self.keywords
                    or self.references or self.related)


@dataclass
class Merged:
    doc: dict[str, object]
    authors: list[Author]
    affiliations: list[Affiliation]
    abstracts: list[Abstract]
    keywords: list[Keyword]
    references: list[Reference]
    related: list[RelatedArticle]
    provenance: dict[str, str]
    flags: list[str]


def _first(layers: list[Layer], get, key: str, prov: dict[str, str]):
    for layer in layers:
        v = get(layer)
        if v:
            prov[key] = layer.origin
            return v
    return None


def _merge_authors(layers: list[Layer], prov: dict[str, str], flags: list[str]) -> list[Author]:
    """Names from the first layer that has them; labels, corresponding marks and e-mails from
    the first layer that has those, when it lists the same number of authors (pairing by
    position, as the page does)."""
    with_names = [ly for ly in layers if ly.authors]
    if not with_names:
        return []
    base = with_names[0]
    out = [Author(a.position, a.name_zh, a.name_en, list(a.affiliation_ids), a.is_corresponding, a.email)
           for a in base.authors]
    prov["authors"] = base.origin
    n = len(out)
    # Structured sources that list a different number of authors contradict each other (the
    # text layer is a re-reading, not a source of its own, so it is not counted).
    if any(len(ly.authors) != n for ly in with_names if ly.origin != "text"):
        flags.append("author_count_mismatch")
    for lang in ("zh", "en"):
        attr_ = f"name_{lang}"
        if all(getattr(a, attr_) for a in out):
            continue
        for ly in with_names[1:]:
            if len(ly.authors) == n and all(getattr(a, attr_) for a in ly.authors):
                for a, b in zip(out, ly.authors, strict=True):
                    setattr(a, attr_, getattr(a, attr_) or getattr(b, attr_))
                prov[f"authors_{lang}"] = ly.origin
                break
    for key, has in (("author_affiliations", lambda a: a.affiliation_ids),
                     ("corresponding", lambda a: a.is_corresponding),
                     ("author_emails", lambda a: a.email)):
        if any(has(a) for a in out):
            prov[key] = base.origin
            continue
        for ly in with_names[1:]:
            if len(ly.authors) == n and any(has(a) for a in ly.authors):
                for a, b in zip(out, ly.authors, strict=True):
                    if key == "author_affiliations":
                        a.affiliation_ids = list(b.affiliation_ids)
                    elif key == "corresponding":
                        a.is_corresponding = b.is_corresponding
                    else:
                        a.email = b.email
                prov[key] = ly.origin
                break
    return out


def _merge_affiliations(layers: list[Layer], prov: dict[str, str]) -> list[Affiliation]:
    with_affs = [ly for ly in layers if ly.affiliations]
    if not with_affs:
        return []
    base = with_affs[0]
    out = [Affiliation(a.affiliation_id, a.name_zh, a.name_en, a.postcode) for a in base.affiliations]
    prov["affiliations"] = base.origin
    for lang in ("zh", "en"):
        attr_ = f"name_{lang}"
        if any(getattr(a, attr_) for a in out):
            continue
        for ly in with_affs[1:]:
            ids = [a.affiliation_id for a in ly.affiliations]
            if ids == [a.affiliation_id for a in out] and any(getattr(b, attr_) for b in ly.affiliations):
                for a, b in zip(out, ly.affiliations, strict=True):
                    setattr(a, attr_, getattr(b, attr_))
                    a.postcode = a.postcode or b.postcode
                prov[f"affiliations_{lang}"] = ly.origin
                break
    return out


def _problem(name: str, value: object, journals: set[str]) -> str | None:
    """Why a layer's value of a checked field is no value (values.py), else None."""
    if not isinstance(value, str):
        return None
    if name in ("title_zh", "title_en"):
        return title_problem(value, journals)
    if name in ("journal_zh", "journal_en"):
        return journal_problem(value)
    if name in ("volume", "issue"):
        return None if number_ok(value) else "counter"
    if name in ("first_page", "last_page"):
        return None if page_ok(value) else "not_a_page"
    if name == "section" and (value in journals or title_problem(value, journals) == "journal_name"):
        return "journal_name"  # the site banner above the title, not the column
    return None


# Journals first: a title equal to the journal's name is the page banner, not the title.
_ORDER = (*(n for n in DOC_FIELDS if n.startswith("journal_")),
          *(n for n in DOC_FIELDS if not n.startswith("journal_")))


def merge(layers: list[Layer]) -> Merged:
    """Merge layers given in precedence order (the first layer that knows a field wins).

    Every layer's titles, journal names, volume/issue/pages and abstracts pass the checks of
    `values.py` here, whichever layer read them (the text layer re-reads the whole page and is
    the likeliest to glue chrome to a title): a value that fails is skipped with the flag
    `rejected:<field>:<reason>` and the next layer may supply the field.
    """
    prov: dict[str, str] = {}
    doc: dict[str, object] = {}
    flags: list[str] = []
    journals: set[str] = set()
    for name in _ORDER:
        for layer in layers:
            v = layer.doc.get(name)
            if v is None or v == "":
                continue
            why = _problem(name, v, journals)
            if why is not None:
                flags.append(f"rejected:{name}:{why}")
                continue
            doc[name] = v
            prov[name] = layer.origin
            if name.startswith("journal_"):
                journals.add(str(v))
            break
    doc = {n: doc[n] for n in DOC_FIELDS if n in doc}
    abstracts = []
    keywords = []
    for lang in ("zh", "en"):
        for ly in layers:
            text = ly.abstracts.get(lang)
            why = abstract_problem(text) if text else "missing"
            if why is None:
                abstracts.append(Abstract(lang, text))
                prov[f"abstract_{lang}"] = ly.origin
                break
            if why != "missing":  # only rejections that cost the field its value are flagged
                flags.append(f"rejected:abstract_{lang}:{why}")
        kws = _first(layers, lambda ly, lang=lang: ly.keywords.get(lang), f"keywords_{lang}", prov)
        keywords += [Keyword(lang, i, k) for i, k in enumerate(kws or [], 1)]
    refs = _first(layers, lambda ly: ly.references, "references", prov) or []
    related = _first(layers, lambda ly: ly.related, "related_articles", prov) or []
    for ly in layers:
        flags += [f for f in ly.flags if f not in flags]
    authors = _merge_authors(layers, prov, flags)
    return Merged(doc, authors, _merge_affiliations(layers, prov), abstracts, keywords, refs, related,
                  prov, list(dict.fromkeys(flags)))
