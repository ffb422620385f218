"""Corpus-wide steps, run at publish time over the small per-document index.

These need more than one document: resolving cited DOIs to documents in the corpus, and
marking near-duplicate documents. They see only `DocMeta` (a few fields per document), so
publishing stays flat in memory however large the corpus is.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DocMeta:
    doc_id: str
    doc_type: str
    doi_key: str | None
    title_en: str | None
    source_path: str


def doi_index(metas: list[DocMeta]) -> dict[str, str]:
    """doi_key -> doc_id for every document that has a DOI."""
    return {m.doi_key: m.doc_id for m in sorted(metas, key=lambda m: m.doc_id) if m.doi_key}


# ---------------------------------------------------------------- question normalization

DUPLICATE_THRESHOLD = 0.85  # 4 shared words of 5 (one extra topic word) is a different question
_STOPWORDS = frozenset("""
a an the does do did is are was were be been being can could will would should shall may might
must what which who whom whose how when where why whether to of in on at for with by from into
onto about as and or it its this that these those there their they them he she his her you your
i me my we our us than then ever usually typically commonly often generally really actually
possibly also any some
""".split())
# Words the site's paraphrases swap freely, mapped onto one stem.
_SYNONYMS = {"spread": "metast", "spreads": "metast", "dissem": "metast", "skelet": "bone",
             "osseou": "bone", "bony": "bone"}
_BUILTIN_ACRONYMS = {"hcc": ("hepatocellular", "carcinoma")}
_DEFINITION = re.compile(r"((?:[A-Za-z][\w'-]*\s+){1,8})\(\s*([A-Za-z][A-Za-z0-9]{1,9})s?\s*\)")
_WORD = re.compile(r"[a-z0-9]+")
_STEM_LEN = 6  # crude stemming: metastasis / metastases / metastasize / metastatic -> metast


def _is_expansion(words: list[str], acronym: str) -> bool:
    """Schwartz & Hearst: the acronym's letters occur in order, the first at a word start."""
    long, short = " ".join(words).lower(), acronym.lower()
    if not words or words[0][0].lower() != short[0]:
        return False
    li = len(long) - 1
    for si in range(len(short) - 1, -1, -1):
        c = short[si]
        while li >= 0 and (long[li] != c or (si == 0 and li > 0 and long[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return False
        li -= 1
    return True


def _definitions(title: str) -> list[tuple[str, tuple[str, ...]]]:
    out = []
    for m in _DEFINITION.finditer(title):
        words, acr = m.group(1).split(), m.group(2)
        for k in range(1, len(words) + 1):
            if _is_expansion(words[-k:], acr):
                out.append((acr.lower(), tuple(w.lower() for w in words[-k:])))
                break
    return out


def _acronym_map(titles: list[str]) -> dict[str, tuple[str, ...]]:
    """Acronyms the corpus's own questions define (`hepatocellular carcinoma (HCC)`); first wins."""
    found: dict[str, tuple[str, ...]] = {}
    for t in titles:
        for acr, long in _definitions(t):
            found.setdefault(acr, long)
    return {**_BUILTIN_ACRONYMS, **found}


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("es") and word[-3] in "sxz":
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    word = _SYNONYMS.get(word, word)
    return _SYNONYMS.get(word[:_STEM_LEN], word[:_STEM_LEN])


def question_key(title: str, acronyms: dict[str, tuple[str, ...]] | None = None) -> frozenset[str]:
    """The content words of a question, normalized: lower case, no punctuation or stopwords,
    acronyms expanded (`HCC` -> hepatocellular carcinoma), crude stems, a few synonyms."""
    acronyms = _BUILTIN_ACRONYMS if acronyms is None else acronyms
    text = unicodedata.normalize("NFKC", title)
    for acr, _long in _definitions(text):  # `X Y (XY)`: the long form is already there
        text = re.sub(rf"\(\s*{re.escape(acr)}s?\s*\)", " ", text, flags=re.I)
    words: list[str] = []
    for w in _WORD.findall(text.lower()):
        words += acronyms.get(w, acronyms.get(w[:-1], (w,)) if w.endswith("s") else (w,))
    return frozenset(_stem(w) for w in words if w not in _STOPWORDS)


def near_duplicates(metas: list[DocMeta], threshold: float = DUPLICATE_THRESHOLD) -> dict[str, str]:
    """doc_id -> doc_id of the document it near-duplicates (the earliest id of its group).

    Only AI summaries take part: the same question asked in other words gets a new page id
    on the site. Two questions are near duplicates when the Jaccard similarity of their
    normalized content words (see `question_key`) is at least `threshold`; groups are the
    connected components, represented by their smallest doc_id. Candidate pairs come from
    prefix filtering (rarest words first), so the cost stays near-linear on real corpora.
    """
    docs = sorted((m for m in metas if m.doc_type == "ai_summary" and m.title_en),
                  key=lambda m: m.doc_id)
    acronyms = _acronym_map([m.title_en or "" for m in docs])
    keys = {m.doc_id: question_key(m.title_en or "", acronyms) for m in docs}
    keys = {d: k for d, k in keys.items() if k}
    df: Counter[str] = Counter(t for k in keys.values() for t in k)
    parent = {d: d for d in keys}

    def find(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    index: dict[str, list[str]] = defaultdict(list)
    for d, key in keys.items():  # sorted by doc_id
        ordered = sorted(key, key=lambda t: (df[t], t))
        prefix = ordered[: len(ordered) - math.ceil(threshold * len(ordered) - 1e-9) + 1]
        candidates = sorted({o for t in prefix for o in index[t]})
        for o in candidates:
            other = keys[o]
            if len(key & other) / len(key | other) >= threshold - 1e-12:
                a, b = sorted((find(d), find(o)))
                parent[b] = a
        for t in prefix:
            index[t].append(d)
    return {d: find(d) for d in sorted(keys) if find(d) != d}
