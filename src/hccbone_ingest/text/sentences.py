"""Sentence splitting and tokens for Chinese and English abstracts, titles and claims.

Boundaries are rule-based on the raw text, so every sentence carries exact character offsets
into the text it came from (`text[span.start:span.end] == span.text`); docs/sentences.md has
the rules and their measurements (`bench/sentences_eval.py`):

- Chinese: split after 。！？… and their ASCII forms (`!` `?`, and `.` right after a Chinese
  character), keeping closing quotes and brackets with their sentence; `；` joins clauses.
  Nothing inside 《》「」『』“” or brackets ends a sentence. Decimals (`3.5`), ranges
  (`1.5-2.0`) and numbered items (`1.` `(1)`) never split.
- English: split after `.` `!` `?` (plus closing quotes/brackets) when whitespace and a plausible
  sentence start follow, except after the abbreviations biomedical abstracts use (`et al.`,
  `e.g.`, `vs.`, `Fig. 2`, `Cancer Res. 2018`, `St. Louis` ...), after initials (`J. Smith`,
  `E. coli`) and after list markers (`1. Patients ...`) -- though a designator letter
  (`protein kinase A.`), an upper-case abbreviation (`MS.`) and `U.S.` before a sentence starter
  do end one. A lower-case word only starts a sentence when it looks like a gene, molecule or
  drug name (`mTOR`, `p53`, `c-Met`, `β-catenin`). Citation numbers after the period
  (`...required.26,34 When`) stay with their sentence.
- Both: a blank line ends whatever precedes it (a heading on its own line).
- Structured abstracts: a part label (`目的:` `【方法】` `Results:` `CONCLUSIONS ...`, and the bare
  `Objective To investigate ...` of Chinese journals' English abstracts) starts a new sentence;
  the label itself is not part of the sentence text but becomes its `label` (normalized:
  background, objective, methods, results, conclusions).

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
from ..vocab import (
    PART_LABELS_EN,
    PART_LABELS_EN_BARE,
    PART_LABELS_EN_MORE,
    PART_LABELS_ZH,
    PART_LABELS_ZH_MORE,
)

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

# The parts the `sentences.label` column documents; vocabulary entries for other parts
# (`讨论` discussion, `意义` significance) are left in the text.
_PARTS = frozenset({"background", "objective", "methods", "results", "conclusions"})
_ZH_LABELS = {k: v for k, v in {**PART_LABELS_ZH, **PART_LABELS_ZH_MORE}.items() if v in _PARTS}
_EN_LABELS = {k: v for k, v in {**PART_LABELS_EN, **PART_LABELS_EN_MORE}.items() if v in _PARTS}
_SMALL = frozenset({"and", "of", "or"})


def _alternation(words: Iterable[str]) -> str:
    # Longest first so `材料与方法` wins over `方法`, `Materials and Methods` over `Methods`.
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _cased(words: Iterable[str]) -> list[str]:
    """`materials and methods` as printed: `Materials and methods`, `Materials and Methods`."""
    out = []
    for w in words:
        out.append(w[0].upper() + w[1:])
        out.append(" ".join(x if x in _SMALL else x[0].upper() + x[1:] for x in w.split(" ")))
        out.append("/".join(x[0].upper() + x[1:] for x in w.split("/")))
    return out


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
_EN_UPPER = _alternation(w.upper() for w in _EN_LABELS)
_EN_LABEL_WORDS = _alternation(_cased(_EN_LABELS)) + "|" + _EN_UPPER
_EN_SECOND = "|".join((_alternation(_cased(_EN_SECOND_WORDS)),
                       _alternation(w.upper() for w in _EN_SECOND_WORDS), _alternation(_EN_SECOND_WORDS)))
_EN_LABEL = rf"(?:{_EN_LABEL_WORDS})(?:\s*(?:/|&|,|\band\b|\bAND\b)\s*(?:{_EN_SECOND}))*"
# `Results:` `RESULTS:` `[Results]` `RESULTS ` / `BACKGROUND/AIMS ` (all capitals, no colon: PubMed
# flattening; not `BACKGROUND AND ...`, the head of a compound label without its colon), and the
# bare labels of Chinese journals' English abstracts, `Objective To investigate` (`w`, weak: see
# `_label_cuts`). Without a colon the text must go on on the same line with a capital, so a heading
# on a line of its own stays a sentence and `Methods of ...` is prose.
_EN_LABEL_RE = re.compile(
    rf"(?:\[\s*(?P<b>{_EN_LABEL})\s*\]\s*:?|(?P<p>{_EN_LABEL})\s*:|"
    rf"(?P<s>(?:{_EN_UPPER})(?:/(?:{_alternation(w.upper() for w in _EN_SECOND_WORDS)}))*)"
    rf"(?=[ \t]+[A-Z(])(?![ \t]+(?:AND|&)\b)|"
    rf"(?P<w>{_alternation(_cased(PART_LABELS_EN_BARE))})(?=[ \t]+[A-Z0-9(]))[ \t]*:?\s*"
)
_ZH_FIRST_LABEL = re.compile(_ZH_LABEL_WORDS)
_EN_FIRST_LABEL = re.compile(_EN_LABEL_WORDS)
# After a lone bare label these words show it is a label (`Conclusions The findings ...` is not
# English prose); anything else needs a second part label in the same text.
_BARE_NEXT = frozenset("""
    To The A An We This These Our In It Clinical Data Patients Compared Most All Both
""".split())


def _detect(text: str, lang: str) -> tuple[str | None, int, bool]:
    """(normalized label, chars it takes, weak) for the label at the start of `text`."""
    rx, first, table = ((_ZH_LABEL_RE, _ZH_FIRST_LABEL, _ZH_LABELS) if lang == "zh"
                        else (_EN_LABEL_RE, _EN_FIRST_LABEL, _EN_LABELS))
    m = rx.match(text)
    if not m:
        return None, 0, False
    weak = lang == "en" and m.group("w") is not None
    compound = m.group("b") or m.group("p") or m.group("s") or m.group("w")
    word = first.match(compound)
    assert word is not None  # every label alternative starts with a label word
    return table[word.group(0).lower()], m.end(), weak


def _title_case(text: str) -> bool:
    """`Methods To Improve Bone Health`: a title, whose first word is never a part label."""
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", text[:120])[:6] if w.lower() not in _SMALL]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _bare_label_alone(text: str, n: int) -> bool:
    rest = text[n:]
    nxt = rest.split(None, 1)[0] if rest.split() else ""
    return nxt in _BARE_NEXT and not _title_case(rest)


def detect_label(text: str, lang: str) -> tuple[str | None, int]:
    """The structured-abstract label at the start of `text`: (normalized label, chars it takes)."""
    label, n, weak = _detect(text, lang)
    if weak and not _bare_label_alone(text, n):
        return None, 0
    return label, n


# Where a label may begin mid-text: at the start, or after sentence-final punctuation and spaces.
# Bracketed labels (`【方法】`) are unambiguous anywhere; bare ones need a boundary before them.
_ZH_LABEL_ANYWHERE = re.compile(
    rf"(?=[【\[〔]\s*(?:{_ZH_LABEL_WORDS})\s*[】\]〕])|(?:(?<=^)|(?<=[。！？；!?;.\s】\]〕]))(?=(?:{_ZH_LABEL_WORDS}))")
_EN_LABEL_ANYWHERE = re.compile(
    rf"(?:(?<=^)|(?<=[.!?;]\s)|(?<=[.!?;])|(?<=\n))(?=\[?\s*(?:{_EN_LABEL_WORDS}))")


def _label_cuts(text: str, lang: str) -> list[tuple[int, int, str]]:
    """(label start, sentence start after the label, normalized label) for every label in text.

    A bare English label (`Methods Clinical data ...`) counts when another part label is in the
    same text (a structured abstract), or alone when what follows cannot be prose after it.
    """
    anywhere = _ZH_LABEL_ANYWHERE if lang == "zh" else _EN_LABEL_ANYWHERE
    found = []
    for m in anywhere.finditer(text):
        label, n, weak = _detect(text[m.start():], lang)
        if label:
            found.append((m.start(), m.start() + n, label, weak))
    if len(found) == 1 and found[0][3]:
        a, b = found[0][:2]
        if not _bare_label_alone(text[a:], b - a):
            return []
    out = []
    for a, b, label, weak in found:
        if weak and _title_case(text[b:]):
            continue
        out.append((a, b, label))
    return out


# ----------------------------------------------------------------- shared span assembly

_CLOSERS = "”’\"'」』）)】》〉]"
_CLOSE = "[" + _CLOSERS.replace("]", "\\]") + "]"  # as a regex character class
_WS = " \t\n\r\u00a0\u3000\u2009\u202f"
# A blank line ends whatever precedes it: a heading printed on its own (`2 Methods`, `背景`).
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")


def _spans(text: str, cuts: Sequence[int], lang: str) -> list[Span]:
    """Cut `text` at the boundary offsets (and at labels and blank lines); trim; attach labels."""
    labels = _label_cuts(text, lang)
    blank = [m.start() for m in _BLANK_LINE.finditer(text)] if "\n" in text else []
    bounds = sorted({0, len(text), *cuts, *blank, *(a for a, _, _ in labels)})
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


def _pairs(text: str, pairs: dict[str, str], max_len: int) -> list[tuple[int, int]]:
    """(open, close) offsets of the matched quote/bracket pairs of `text`, innermost first.

    Each kind is matched on its own stack; an opener never closed (or closed only past `max_len`
    characters or a blank line) makes no pair, so one stray quote cannot swallow a paragraph.
    """
    closers = {c: o for o, c in pairs.items()}
    stacks: dict[str, list[int]] = {o: [] for o in pairs}
    out = []
    for i, c in enumerate(text):
        if c in pairs:
            stacks[c].append(i)
        elif c in closers and stacks[closers[c]]:
            o = stacks[closers[c]].pop()
            if i - o <= max_len and "\n\n" not in text[o:i]:
                out.append((o, i))
        elif c == "\n" and text[i + 1:i + 2] == "\n":
            for st in stacks.values():
                st.clear()
    return out


def _enclosed(pairs: list[tuple[int, int]], n: int) -> list[int]:
    """For each offset, the end of the innermost pair enclosing it (-1: none)."""
    inner = [-1] * (n + 1)
    for o, c in sorted(pairs, key=lambda p: p[1] - p[0], reverse=True):  # inner pairs overwrite
        inner[o + 1:c] = [c] * (c - o - 1)
    return inner


# ----------------------------------------------------------------- Chinese

# A run of sentence-final marks, then any closing quotes/brackets. `…` and `……` are one run.
# Typeset text often has a space before a full-width closer (`不会摔交。 ”`): it still closes.
# `；` joins clauses, it does not end a sentence: the hand-split alignment gold never ends a
# Chinese sentence there (docs/sentences.md, "The `；` decision").
_ZH_CLOSE = rf"(?:{_CLOSE}|[ \u3000]+(?=[”’」』）】》〉]))*"
_ZH_SEMICOLON_ENDS = False
_ZH_END = re.compile(rf"(?:[。！？!?{'；;' if _ZH_SEMICOLON_ENDS else ''}]|…+|\.{{3,}})+{_ZH_CLOSE}")
# ASCII `.` ends a Chinese sentence only right after a Chinese character or a closing mark, and
# never before a digit/letter (`3.5`, `1.`, `p.V600E`, `www.x.cn`).
_ZH_DOT = re.compile(rf"(?<=[\u3400-\u9fff\uf900-\ufaff）)”」』%])\.(?![0-9A-Za-z.]){_ZH_CLOSE}")
# Nothing inside these ends a sentence. A mark right before the closing quote or bracket ends the
# sentence after it (`他说：“很好。”然后…`), but never inside a title (`《癌症！还能治吗？》一书`).
_ZH_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "〈": "〉", "（": "）", "(": ")",
             "【": "】", "〔": "〕", "[": "]"}
_ZH_TITLE_CLOSERS = "》〉"


# After a quote that closes on `！` `？`, these go on with the same sentence (`一句“算了吧！”便离开了`,
# `询问“……？”等问题`, `『早发现！』的口号`).
_ZH_GOES_ON = frozenset("的等之便就而后时中了着地得和与及或并也都又还却才是为，、；：,;:。！？!?…")


def _zh_cut_after_close(text: str, m: re.Match[str], close: int) -> bool:
    """A mark right before a closing quote/bracket: does the sentence end after the closer?"""
    if text[close] in _ZH_TITLE_CLOSERS:
        return False
    marks = text[m.start():close].rstrip(" \u3000")
    if marks.endswith(("。", ".")):
        return True  # `他说：“很好。”然后走了。`, `（见表1。）下一句`
    if text[close] in "）)】〕]":
        return False  # `（共12个月！）无复发`
    nxt = text[m.end():].lstrip(" \u3000")
    return not nxt or nxt[0] not in _ZH_GOES_ON


def split_zh(text: str) -> list[Span]:
    """Chinese sentences of `text` with offsets. Empty or blank text gives []."""
    enclosed = _enclosed(_pairs(text, _ZH_PAIRS, 600), len(text))
    cuts = []
    for m in itertools.chain(_ZH_END.finditer(text), _ZH_DOT.finditer(text)):
        end = m.end()
        if text[end - 1] == '"' and text.count('"', 0, end - 1) % 2 == 0:
            end -= 1  # an ASCII quote opening the next sentence: `……。"界定……"定义`
        close = enclosed[m.start()]
        if close < 0 or (close < end and enclosed[close] < 0 and _zh_cut_after_close(text, m, close)):
            cuts.append(end)
    return _spans(text, cuts, "zh")


# ----------------------------------------------------------------- English

# Titles: never sentence-final when printed as titles (`Ms. Chen`), but `MS.` (multiple
# sclerosis), `MR.` `SR.` `DR.` are upper-case abbreviations that do end sentences.
_EN_TITLES = frozenset("dr mr mrs ms prof st sr jr messrs mme mlle ft mt".split())
# Lower-case abbreviations: never final in lower case (`cf. the`, `vs. Placebo`); `CF.` is cystic
# fibrosis.
_EN_LOWER_ABBR = frozenset("al e.g i.e vs v cf viz approx ca resp sp spp subsp ssp var etc".split())
# Reference words before a number (`Fig. 2`, `Fig. S1`, `No. 12`, `Sec. 3`, `pp. 5`): never final
# there, but `"No. Since ..."`, `NO. Vascular ...` (nitric oxide) end a sentence.
_EN_REF_ABBR = frozenset("""
    fig figs tab tabs eq eqs ref refs no nos vol vols pp chap sect sec secs ch para paras
""".split())
# Abbreviations inside names (`Suppl. Table 2`, `Sun Yat-sen Univ. Cancer Center`): never final.
_EN_NAME_ABBR = frozenset("dept univ suppl".split())
_NUMBERISH = re.compile(r"[A-Za-z]?[0-9]")
# Abbreviations that end a sentence before a capitalized word but not before a number
# (`Jan. 5`, `7 mo. 12 patients` is rare, `... 7 mo. The` is common).
_EN_BEFORE_NUMBER = frozenset("""
    jan feb mar apr jun jul aug sep sept oct nov dec p
""".split())
# Words of abbreviated journal and institution names (`J. Hepatol. 2019`, `Cancer Res. 2018;78`,
# `Proc. Natl. Acad. Sci. USA`, `Bio-Rad Lab. Inc.`): not final before a number or another such
# word, final before a sentence start (`... in Cancer Res. The authors ...`).
_EN_JOURNAL = frozenset("""
    Acad Acta Adv Am Anat Ann Anticancer Arch Assoc Biochem Biol Biomed Biophys Br Bull Cardiol Chem
    Chin Clin Co Coll Commun Comput Corp Curr Cytol Dermatol Dev Dig Dis Endocrinol Engl Epidemiol
    Eur Exp Front Gastroenterol Genet Gynecol Hematol Hepatol Histol Immunol Inc Infect Int Intern
    Invest Jpn Lab Lett Ltd Med Metab Microbiol Miner Mol Nat Natl Neurol Neurosci Nucl Nutr Obstet
    Oncol Ophthalmol Opin Orthop Pathol Pediatr Pharmacol Physiol Proc Psychiatr Radiol Radiother
    Rep Res Rev Sci Scand Soc Surg Ther Toxicol Transl Urol Virol
""".split())
# Closed-class words that start sentences but are never a surname or a species epithet: after
# `et al.`, an initial-like capital or `U.S.` they mean a new sentence (`... by Wang et al. The
# mechanism`, `... given vitamin D. The rate`), where a name would not (`et al. Li found`).
_EN_STARTERS = frozenset("""
    The This These That Those There Their They We Our It Its In However Moreover Furthermore
    Therefore Thus Hence Although Because Since After Before During Among Overall Finally Here
    Such Both All Most Patients A An No None One Two Three Four Five Six Seven Eight Nine Ten Of On
    To For From With Without When While Where Whether If As At By Each Every Some Many Few Several
    Other Others Only Not Nor Yet Also Then Still Instead Unlike Despite Compared Using Based
    Additionally Notably Importantly Interestingly Similarly Conversely Nevertheless Nonetheless
    Accordingly Consequently Collectively Together Taken Given Following Within Between Across
    Neither Either Whereas Though Unfortunately Surprisingly She His Her You My Your Their
    Is Are Was Were Can Could Should Would Must What Which Who How Why Mean Median Total
""".split())
# Nouns that take a letter (`vitamin D`, `hepatitis B`, `group A`): the letter after them is not an
# initial, so a following capital starts a new sentence.
_EN_LETTER_NOUNS = frozenset("""
    vitamin hepatitis group groups arm arms type types class grade stage phase cohort category
    level zone segment lane panel part section appendix protocol factor subtype genotype serotype
""".split())
# Lower-case words after which a capital letter is an initial, not the end of a designator
# (`by J. Smith`, `of J. Smith`, `and K. Liu`); after any other lower-case word (`protein kinase
# A.`, `complex I.`, `than I.`) the letter ends the sentence.
_EN_NAME_LEADERS = frozenset("""
    by of and with to from for at in on or nor et see cf vs per via also including like as the a an
    dr mr mrs ms prof professor doctor author authors colleague colleagues coauthor
""".split())
# Dotted country and organisation abbreviations (`... approved in the U.S. Its use ...`).
_EN_COUNTRY = frozenset("U.S U.K U.S.A E.U U.N P.R D.C U.A.E R.O.C".split())
# Words that continue a name after them (`U.S. Food and Drug Administration`).
_EN_ORG_NOUNS = frozenset("""
    Food National Department Dept Army Navy Air Government Congress Census Preventive Veterans Centers
    Center Institute Institutes Agency Senate Supreme Court Medicare Medicaid Public Federal
    Surveillance Society College Board Office Bureau Postal Marine Coast State States Cancer Health
    Pharmacopeia Patent Dollar Dollars Embassy Army's Renal Registry Clinical Medical Government's
""".split())

_LAST_WORD = re.compile(r"([A-Za-z]+)\s*$")
_LAST_WORD_DOT = re.compile(r"([A-Za-z]+)\.$")
_EN_CAND = re.compile(rf"[.!?]+{_CLOSE}*(?=\s)|[.!?]+{_CLOSE}*$")
_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\[\"“‘'/-]))([A-Za-z][A-Za-z.]*)\.$")
_INITIALS = re.compile(r"[A-Z]|(?:[A-Z]\.)+[A-Z]")
# A lower-case start that is still a sentence start: gene/molecule names, Greek letters and
# lower-case drug prefixes (`mTOR`, `p53`, `c-Met`, `circRNA`, `β-catenin`, `nab-paclitaxel`).
_GENE_START = re.compile(r"[a-z]{1,4}(?:[A-Z0-9]|-[0-9A-Z])|[α-ωΑ-Ω]|(?:nab|dl|[ld])-[a-z]")
_OPENERS = "\"“‘'([•▪●◦■"
# A list marker (`1.`, `2.)`, `b.`, `IV.`) at the start of a sentence, a line or after a colon.
_LIST_MARKER = re.compile(r"(?:^|(?<=[\s(•▪●◦■]))(?:\d{1,2}|[A-Za-z]|[IVX]{2,4})$")
_MARKER_CONTEXT = re.compile(r"[:;\n][ \t•▪●◦■]*$")
# Items printed one per line, with or without final periods (`1) Age\n2) Sex`).
_LINE_ITEM = re.compile(r"\n[ \t]*(?=[•▪●◦■]|\(?(?:\d{1,2}|[A-Za-z]|[IVX]{2,4})[.)][ \t]+\S)")
# Inline items without final periods: `1) Age over 18 2) Confirmed HCC` (each capitalized).
_INLINE_ITEM = re.compile(r"(?<=\s)(\d{1,2})\)[ \t]+(?=[A-Z])")
# Citation numbers printed after the period (superscripts in the original: `... required.26,34 When`).
_CITATION = re.compile(r"(?<=[a-z)\]%/])\.(\d{1,3}(?:[,\u2013\-]\d{1,3})*)(?=\s+[A-Z])")
_EN_PAIRS = {"(": ")", "[": "]"}


_LOWER_MARKER = re.compile(r"(?:[a-z]|[ivx]{2,4})[.)][ \t]+[A-Z]")


def _starts_sentence(rest: str) -> bool:
    c = rest[0]
    return (c.isupper() or c.isdigit() or c in _OPENERS or bool(_GENE_START.match(rest))
            or bool(_LOWER_MARKER.match(rest)))


def _is_list_marker(text: str, start: int, last_cut: int) -> bool:
    """Whether the token before the period at `start` is a list marker opening a sentence (the
    first token of the sentence, of a line, or after a colon)."""
    m = _LIST_MARKER.search(text, max(0, start - 4), start)
    if not m:
        return False
    head = text[last_cut:m.start()]
    return not head.strip(_WS + "•▪●◦■") or bool(_MARKER_CONTEXT.search(head))


def _next_words(rest: str, n: int) -> list[str]:
    return [w.strip(",;:()\"'“”") for w in rest.split(None, n)[:n]]


def _journal_goes_on(rest: str) -> bool:
    """After `Res.`: a number, or another abbreviated name word (`Natl.`, `Clin. North Am.`)."""
    if rest[0].isdigit() or rest[0] in "(;,":
        return True
    words = rest.split(None, 2)[:2]
    return any(w.rstrip(".") in _EN_JOURNAL or w in ("USA", "USA.", "UK", "J.") for w in words)


def _is_en_boundary(text: str, start: int, mark_end: int, end: int, last_cut: int) -> bool:
    """Whether the marks text[start:mark_end] (closers up to `end`) end a sentence; `last_cut` is
    where the current sentence starts."""
    rest = text[end:].lstrip()
    if not rest:
        return True
    if not _starts_sentence(rest):
        return False
    if text[mark_end - 1] == "." and mark_end - start == 1 and _is_list_marker(text, start, last_cut):
        return False  # `1. Patients ...`, `2.) Controls ...`, `b. The second arm ...`
    if text[mark_end - 1] != "." or mark_end != end or mark_end - start > 1:
        return True  # `!` `?`, `.)` `."` (the bracket closes the sentence), `...`
    m = _WORD_BEFORE.search(text, max(0, start - 40), mark_end)
    if not m:
        return True  # after a number, a bracket, a symbol: `P < 0.05. The`
    word = m.group(1)
    low = word.lower()
    caps = word.isupper() and len(word) > 1  # an upper-case abbreviation: `MS.`, `CF.`, `NO.`
    first = rest.split(None, 1)[0].rstrip(",;:")
    starter = first in _EN_STARTERS
    if low == "al" and text[max(0, m.start() - 3):m.start()].lower() == "et ":
        return starter
    if low in _EN_TITLES and not caps:
        return False
    if low in _EN_LOWER_ABBR and not caps and (word.islower() or word[1:].islower()):
        return False
    if low in _EN_REF_ABBR and _NUMBERISH.match(rest):
        return False
    if low in _EN_NAME_ABBR and not caps:
        return False
    if low in _EN_BEFORE_NUMBER and rest[0].isdigit():
        return False
    if word in _EN_JOURNAL and _journal_goes_on(rest):
        return False
    if word in _EN_COUNTRY:
        words = _next_words(rest, 2)
        named = first in _EN_ORG_NOUNS or (len(words) > 1 and words[1][:1].isupper())
        return starter or not named
    if _INITIALS.fullmatch(word):
        # Initials and abbreviated genus names (`J. Smith`, `A.B. Jones`, `E. Coli` in a title),
        # unless what follows or precedes says otherwise.
        if starter or len(word) > 1:
            return starter
        before = _raw_word_before(text, m.start())
        return before.lower() in _EN_LETTER_NOUNS or (
            len(before) > 1 and before.islower() and before not in _EN_NAME_LEADERS)
    return True


def _raw_word_before(text: str, pos: int) -> str:
    """The word that ends just before `pos` (only spaces between), or ''."""
    m = _LAST_WORD.search(text, max(0, pos - 30), pos)
    return m.group(1) if m else ""


def _list_cuts(text: str) -> list[int]:
    """Cuts before list items printed one per line, and before inline items `2) X` after `1) Y`."""
    cuts = [m.start() for m in _LINE_ITEM.finditer(text)] if "\n" in text else []
    if ")" in text:
        for m in _INLINE_ITEM.finditer(text):
            n = int(m.group(1))
            before = text[max(0, m.start() - 200):m.start()]
            prev = re.search(rf"(?:^|[\s:]){n - 1}\)[ \t]+[A-Z]([^,;()]*)$", before)
            if n > 1 and prev and "." not in prev.group(1):
                cuts.append(m.start())
    return cuts


def split_en(text: str) -> list[Span]:
    """English sentences of `text` with offsets. Empty or blank text gives []."""
    enclosed = _enclosed(_pairs(text, _EN_PAIRS, 300), len(text)) if "(" in text or "[" in text else None
    cuts = []
    for m in _EN_CAND.finditer(text):
        if enclosed is not None and m.end() <= enclosed[m.start()] <= m.end() + 40:
            continue  # inside short brackets: `(J. Hepatol. 2019)`, `(L. M. and K. W.)`
        mark_end = m.start() + len(m.group(0).rstrip(_CLOSERS))
        if _is_en_boundary(text, m.start(), mark_end, m.end(), cuts[-1] if cuts else 0):
            cuts.append(m.end())
    for m in _CITATION.finditer(text) if "." in text else ():
        w = _raw_word_before(text, m.start() + 1).lower()  # '' after `)` `%` `/`
        if len(w) != 1 and w not in _EN_REF_ABBR | _EN_NAME_ABBR | _EN_LOWER_ABBR | _EN_BEFORE_NUMBER:
            cuts.append(m.end())
    cuts += _list_cuts(text)
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


# spaCy's suffix search is quadratic on a long glued run of punctuation (`,:(,:(…`: 27 s for
# 10,000 characters); such a run is split into single-character tokens anyway, so it is spaced
# out first: glued to a word from 16 characters, anywhere from 256 (a free-standing rule of dashes
# stays one token, as spaCy makes it). Runs this long never occur in real prose.
_PUNCT_RUN = re.compile(r"(?<=\w)[^\w\s]{16,}|[^\w\s]{16,}(?=\w)|[^\w\s]{256,}")


def _spaced_punct(text: str) -> str:
    return _PUNCT_RUN.sub(lambda m: " ".join(m.group(0)), text) if len(text) > 16 else text


def tokens_en_batch(texts: Sequence[str]) -> list[list[str]]:
    nlp = _spacy_en()
    docs = nlp.tokenizer.pipe(_spaced_punct(t) for t in texts)
    return [[t.text for t in d if not t.is_space] for d in docs]
