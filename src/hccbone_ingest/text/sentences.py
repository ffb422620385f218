"""Sentence splitting and tokens for Chinese and English abstracts, titles and claims.

Boundaries are rule-based on the raw text, so every sentence carries exact character offsets
into the text it came from (`text[span.start:span.end] == span.text`):

- Chinese: split after 。！？；… and their ASCII forms (`!` `?` `;`, and `.` right after a
  Chinese character), keeping closing quotes and brackets with their sentence. Decimals
  (`3.5`), ranges (`1.5-2.0`) and numbered items (`1.` `(1)`) never split.
- English: split after `.` `!` `?` (plus closing quotes/brackets) when whitespace and a plausible
  sentence start follow, except after the abbreviations biomedical abstracts use (`et al.`,
  `e.g.`, `i.e.`, `vs.`, `Fig.`, `No.`, `approx.` ...) and after initials (`J. Smith`,
  `E. coli`) -- though `et al.` and a lone capital (`vitamin D.`) do end one before `The`,
  `We` ... A lower-case word only starts a sentence when it looks like a gene or molecule name
  (`mTOR`, `p53`, `miR-21`, `β-catenin`).
- Structured abstracts: a part label (`目的:` `【方法】` `Results:` `CONCLUSIONS ...`) always starts
  a new sentence; the label itself is not part of the sentence text but becomes its `label`
  (normalized: background, objective, methods, results, conclusions).

Tokens come from jieba (Chinese) and spaCy's blank English tokenizer; both load lazily, once
per process.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..load_once import load_once

__all__ = [
    "Span",
    "detect_label",
    "split_en",
    "split_zh",
    "tokens_en",
    "tokens_en_batch",
    "tokens_zh",
    "tokens_zh_batch",
]


@dataclass(frozen=True, slots=True)
class Span:
    """One sentence: its text and [start, end) offsets into the split text, plus its part label."""

    text: str
    start: int
    end: int
    label: str | None = None


# ----------------------------------------------------------------- structured-abstract labels

_ZH_LABELS: dict[str, str] = {
    "背景": "background", "研究背景": "background", "目的": "objective", "目标": "objective",
    "研究目的": "objective", "方法": "methods", "研究方法": "methods", "资料与方法": "methods",
    "对象与方法": "methods", "材料与方法": "methods", "结果": "results", "研究结果": "results",
    "结论": "conclusions", "研究结论": "conclusions",
}
_EN_LABELS: dict[str, str] = {
    "background": "background", "backgrounds": "background", "introduction": "background",
    "context": "background", "objective": "objective", "objectives": "objective", "aim": "objective",
    "aims": "objective", "purpose": "objective", "purposes": "objective", "goal": "objective",
    "methods": "methods", "method": "methods", "materials and methods": "methods",
    "material and methods": "methods", "patients and methods": "methods",
    "methods and materials": "methods", "design": "methods", "methodology": "methods",
    "results": "results", "result": "results", "findings": "results", "conclusions": "conclusions",
    "conclusion": "conclusions", "interpretation": "conclusions",
}


def _alternation(words: Iterable[str]) -> str:
    # Longest first so `材料与方法` wins over `方法`, `Materials and Methods` over `Methods`.
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


_ZH_LABEL_WORDS = _alternation(_ZH_LABELS)
# Compound labels name two parts (`目的与方法`, `Background and Aims`, `BACKGROUND & AIMS`,
# `Aims/hypothesis`); the sentence gets the first part's label.
_ZH_LABEL = rf"(?:{_ZH_LABEL_WORDS})(?:[与和及、](?:{_ZH_LABEL_WORDS}))*"
# `目的:` / `目的：` / `目的 ` (CNKI style, space then text) / `【目的】` / `[目的]`. A bare `结果显示`
# is prose, so a separator is required.
_ZH_LABEL_RE = re.compile(
    rf"(?:[【\[〔]\s*(?P<b>{_ZH_LABEL})\s*[】\]〕]\s*[:：]?|(?P<p>{_ZH_LABEL})\s*[:：]|"
    rf"(?P<s>{_ZH_LABEL})[ \u3000]+)\s*"
)
_EN_SECOND_WORDS = (*_EN_LABELS, "hypothesis", "hypotheses", "setting", "settings", "participants",
                    "significance", "scope", "rationale")
_EN_LABEL_WORDS = _alternation(w.title() for w in _EN_LABELS) + "|" + _alternation(
    w.upper() for w in _EN_LABELS)
_EN_SECOND = "|".join((_alternation(w.title() for w in _EN_SECOND_WORDS),
                       _alternation(w.upper() for w in _EN_SECOND_WORDS), _alternation(_EN_SECOND_WORDS)))
_EN_LABEL = rf"(?:{_EN_LABEL_WORDS})(?:\s*(?:/|&|,|\band\b|\bAND\b)\s*(?:{_EN_SECOND}))*"
# `Results:` `RESULTS:` `[Results]` `RESULTS ` (all capitals, no colon: PubMed flattening; not
# `BACKGROUND AND ...`, the head of a compound label without its colon).
_EN_LABEL_RE = re.compile(
    rf"(?:\[\s*(?P<b>{_EN_LABEL})\s*\]\s*:?|(?P<p>{_EN_LABEL})\s*:|"
    rf"(?P<s>{_alternation(w.upper() for w in _EN_LABELS)})(?=\s+[A-Z(])(?!\s+(?:AND|&)\b))\s*"
)
_ZH_FIRST_LABEL = re.compile(_ZH_LABEL_WORDS)
_EN_FIRST_LABEL = re.compile(_EN_LABEL_WORDS)


def detect_label(text: str, lang: str) -> tuple[str | None, int]:
    """The structured-abstract label at the start of `text`: (normalized label, chars it takes)."""
    rx, first, table = ((_ZH_LABEL_RE, _ZH_FIRST_LABEL, _ZH_LABELS) if lang == "zh"
                        else (_EN_LABEL_RE, _EN_FIRST_LABEL, _EN_LABELS))
    m = rx.match(text)
    if not m:
        return None, 0
    compound = m.group("b") or m.group("p") or m.group("s")
    word = first.match(compound)
    assert word is not None  # every label alternative starts with a label word
    return table[word.group(0).lower()], m.end()


# Where a label may begin mid-text: at the start, or after sentence-final punctuation and spaces.
# Bracketed labels (`【方法】`) are unambiguous anywhere; bare ones need a boundary before them.
_ZH_LABEL_ANYWHERE = re.compile(
    rf"(?=[【\[〔]\s*(?:{_ZH_LABEL_WORDS})\s*[】\]〕])|(?:(?<=^)|(?<=[。！？；!?;.\s】\]〕]))(?=(?:{_ZH_LABEL_WORDS}))")
_EN_LABEL_ANYWHERE = re.compile(rf"(?:(?<=^)|(?<=[.!?;]\s)|(?<=[.!?;]))(?=\[?\s*(?:{_EN_LABEL_WORDS}))")


def _label_cuts(text: str, lang: str) -> list[tuple[int, int, str]]:
    """(label start, sentence start after the label, normalized label) for every label in text."""
    anywhere = _ZH_LABEL_ANYWHERE if lang == "zh" else _EN_LABEL_ANYWHERE
    cuts = []
    for m in anywhere.finditer(text):
        label, n = detect_label(text[m.start():], lang)
        if label:
            cuts.append((m.start(), m.start() + n, label))
    return cuts


# ----------------------------------------------------------------- shared span assembly

_CLOSERS = "”’\"'」』）)】》〉]"
_CLOSE = "[" + _CLOSERS.replace("]", "\\]") + "]"  # as a regex character class
_WS = " \t\n\r\u00a0\u3000\u2009\u202f"


def _spans(text: str, cuts: Sequence[int], lang: str) -> list[Span]:
    """Cut `text` at the boundary offsets (and at labels); trim; attach labels."""
    labels = _label_cuts(text, lang)
    bounds = sorted({0, len(text), *cuts, *(a for a, _, _ in labels)})
    label_at = {a: (b, lab) for a, b, lab in labels}
    out: list[Span] = []
    current: str | None = None
    for a, b in itertools.pairwise(bounds):
        if a in label_at:
            skip_to, current = label_at[a]
            a = max(a, min(skip_to, b))
        while a < b and text[a] in _WS:
            a += 1
        while b > a and text[b - 1] in _WS:
            b -= 1
        if a < b:
            out.append(Span(text[a:b], a, b, current))
    return out


# ----------------------------------------------------------------- Chinese

# A run of sentence-final marks, then any closing quotes/brackets. `…` and `……` are one run.
# Typeset text often has a space before a full-width closer (`不会摔交。 ”`): it still closes.
_ZH_CLOSE = rf"(?:{_CLOSE}|[ \u3000]+(?=[”’」』）】》〉]))*"
_ZH_END = re.compile(rf"(?:[。！？；!?;]|…+|\.{{3,}})+{_ZH_CLOSE}")
# ASCII `.` ends a Chinese sentence only right after a Chinese character or a closing mark, and
# never before a digit/letter (`3.5`, `1.`, `p.V600E`, `www.x.cn`).
_ZH_DOT = re.compile(rf"(?<=[\u3400-\u9fff\uf900-\ufaff）)”」』%])\.(?![0-9A-Za-z.]){_ZH_CLOSE}")


def split_zh(text: str) -> list[Span]:
    """Chinese sentences of `text` with offsets. Empty or blank text gives []."""
    depth = _bracket_depth(text)
    cuts = [m.end() for m in _ZH_END.finditer(text) if not _inside(depth, m, ";；")]
    cuts += [m.end() for m in _ZH_DOT.finditer(text)]
    return _spans(text, cuts, "zh")


_OPEN_BR, _CLOSE_BR = "(（[【〔", ")）]】〕"


def _bracket_depth(text: str) -> list[int]:
    """Bracket nesting depth before each character (never negative: stray closers are ignored)."""
    out, d = [], 0
    for c in text:
        out.append(d)
        if c in _OPEN_BR:
            d += 1
        elif c in _CLOSE_BR and d:
            d -= 1
    return out


def _inside(depth: list[int], m: re.Match[str], marks: str) -> bool:
    """A semicolon inside brackets, `(P<0.05; 95%CI ...)`, separates items, not sentences."""
    return m.group(0)[0] in marks and depth[m.start()] > 0


# ----------------------------------------------------------------- English

# Abbreviations that never end a sentence (lower-cased, no final period): `et al. Smith`,
# `vs. Placebo`, `Fig. 2`, `No. 5`, `Dr. Li`, `approx. 30`.
_EN_NEVER_FINAL = frozenset("""
    al e.g i.e vs v cf viz approx ca fig figs tab eq eqs ref refs no nos vol vols pp dr mr mrs ms
    prof st sr jr dept univ sp spp subsp ssp var suppl chap sect resp
""".split())
# Abbreviations that end a sentence before a capitalized word but not before a number
# (`Jan. 5`, `7 mo. 12 patients` is rare, `... 7 mo. The` is common).
_EN_BEFORE_NUMBER = frozenset("""
    jan feb mar apr jun jul aug sep sept oct nov dec p
""".split())

# Closed-class words that start sentences but are never a surname or a species epithet: after
# `et al.` or a single capital letter they mean a new sentence (`... by Wang et al. The mechanism`,
# `... given vitamin D. The rate`), where a capitalized name would not (`et al. Li found`, `J. Smith`).
_EN_STARTERS = frozenset("""
    The This These That Those There Their They We Our It Its In However Moreover Furthermore
    Therefore Thus Hence Although Because Since After Before During Among Overall Finally Here
    Such Both All Most Patients
""".split())
# Nouns that take a letter (`vitamin D`, `hepatitis B`, `group A`): the letter after them is not an
# initial, so a following capital starts a new sentence.
_EN_LETTER_NOUNS = frozenset("""
    vitamin hepatitis group groups arm arms type types class grade stage phase cohort category
    level zone segment lane panel part section appendix protocol factor subtype genotype serotype
""".split())

_LAST_WORD = re.compile(r"([A-Za-z]+)\s*$")
_EN_CAND = re.compile(rf"[.!?]+{_CLOSE}*(?=\s)|[.!?]+{_CLOSE}*$")
_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\[]))([A-Za-z][A-Za-z.]*)\.$")
_INITIALS = re.compile(r"[A-Z]|(?:[A-Z]\.)+[A-Z]")
# A lower-case start that is still a sentence start: gene/molecule names and Greek letters.
_GENE_START = re.compile(r"[a-z]{1,3}(?:[A-Z0-9]|-[0-9A-Z])|[α-ωΑ-Ω]")
_OPENERS = "\"“‘'(["


def _starts_sentence(rest: str) -> bool:
    c = rest[0]
    return c.isupper() or c.isdigit() or c in _OPENERS or bool(_GENE_START.match(rest))


def _is_en_boundary(text: str, start: int, mark_end: int, end: int) -> bool:
    """Whether the marks text[start:mark_end] (closers up to `end`) end a sentence."""
    rest = text[end:].lstrip()
    if not rest:
        return True
    if not _starts_sentence(rest):
        return False
    if text[mark_end - 1] != "." or mark_end != end or mark_end - start > 1:
        return True  # `!` `?`, `.)` `."` (the bracket closes the sentence), `...`
    m = _WORD_BEFORE.search(text, max(0, start - 40), mark_end)
    if not m:
        return True  # after a number, a bracket, a symbol: `P < 0.05. The`
    word = m.group(1)
    low = word.lower()
    starter = rest.split(None, 1)[0].rstrip(",;:") in _EN_STARTERS
    if low == "al" and text[max(0, m.start() - 3):m.start()].lower() == "et ":
        return starter
    if low in _EN_NEVER_FINAL:
        return False
    if low in _EN_BEFORE_NUMBER and rest[0].isdigit():
        return False
    if _INITIALS.fullmatch(word):
        # Initials and abbreviated genus names (`J. Smith`, `A.B. Jones`, `E. Coli` in a title),
        # unless what follows or precedes says otherwise.
        return starter or (len(word) == 1 and _word_before(text, m.start()) in _EN_LETTER_NOUNS)
    return True


def _word_before(text: str, pos: int) -> str:
    """The lower-cased word that ends just before `pos` (skipping spaces), or ''."""
    m = _LAST_WORD.search(text, max(0, pos - 30), pos)
    return m.group(1).lower() if m else ""


def split_en(text: str) -> list[Span]:
    """English sentences of `text` with offsets. Empty or blank text gives []."""
    cuts = []
    for m in _EN_CAND.finditer(text):
        mark_end = m.start() + len(m.group(0).rstrip(_CLOSERS))
        if _is_en_boundary(text, m.start(), mark_end, m.end()):
            cuts.append(m.end())
    return _spans(text, cuts, "en")


# ----------------------------------------------------------------- tokens

def _cache_dir() -> str:
    """Where jieba keeps its dictionary cache: HCCBONE_CACHE_DIR, else the system temp dir."""
    base = os.environ.get("HCCBONE_CACHE_DIR") or os.path.join(tempfile.gettempdir(), "hccbone_cache")
    os.makedirs(base, exist_ok=True)
    return base


@load_once
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    # The default cache lives in the shared temp dir under a fixed name; keep ours apart.
    tk.tmp_dir = _cache_dir()
    tk.cache_file = "jieba.hccbone.cache"
    tk.initialize()
    return tk


@load_once
def _spacy_en() -> Any:
    import spacy
    from spacy.symbols import ORTH

    nlp = spacy.blank("en")
    for ab in ("et al.", "al.", "Fig.", "Figs.", "No.", "Nos.", "approx.", "vs.", "Ref.", "Eq.",
               "Tab.", "Suppl.", "Vol.", "cf.", "ca.", "pp."):
        if " " not in ab:
            nlp.tokenizer.add_special_case(ab, [{ORTH: ab}])
    return nlp


def tokens_zh(text: str) -> list[str]:
    """jieba tokens (accurate mode), whitespace dropped."""
    return [t for t in _jieba().lcut(text) if t.strip()]


def tokens_zh_batch(texts: Sequence[str]) -> list[list[str]]:
    tk = _jieba()
    return [[t for t in tk.lcut(s) if t.strip()] for s in texts]


def tokens_en(text: str) -> list[str]:
    """spaCy (blank English) tokens, whitespace dropped."""
    return tokens_en_batch([text])[0]


def tokens_en_batch(texts: Sequence[str]) -> list[list[str]]:
    nlp = _spacy_en()
    return [[t.text for t in d if not t.is_space] for d in nlp.tokenizer.pipe(texts)]
