"""A synthetic held-out alignment check: ParaMed re-cut into bead shapes nobody tuned on.

The aligner's weights were tuned on the ParaMed and MAC-Dev gold as they are (ParaMed is ~95 %
1-1). This builds new document pairs from the ParaMed gold beads with a fixed random seed:

- Chinese sentences of consecutive beads merged into one (`，` joins; real Chinese abstracts have
  fewer, longer sentences than their English versions) -> 1-2, 1-3 beads;
- English sentences of consecutive beads merged into one (`; ` joins) -> 2-1 beads;
- a long English sentence cut at `; ` or `, and ` into two -> 1-2 beads;
- front-matter notes with no counterpart (funding, registration, received dates ...) inserted on
  one side only -> 1-0 / 0-1 beads. The notes are composed here, not taken from any gold set.

The texts are still ParaMed's (the encoder and length weights have seen them), so this measures
robustness to bead shapes and unmatched lines, not to new vocabulary. Figures are labelled
synthetic wherever they are printed.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

Bead = tuple[list[int], list[int]]

ZH_NOTES = (
    "基金项目：国家自然科学基金资助项目（81972345）",
    "中图分类号：R735.7　文献标志码：A",
    "收稿日期：2021-03-15；修回日期：2021-05-20",
    "作者单位：200032 上海，复旦大学附属中山医院肝肿瘤内科",
    "通信作者：王伟，Email：wangwei@example.cn",
    "本文首次发表于《中华医学杂志》",
)
EN_NOTES = (
    "Trial registration: ClinicalTrials.gov number, NCT01234567.",
    "Copyright © 2021 Massachusetts Medical Society. All rights reserved.",
    "Conflicts of interest: none declared.",
    "Abbreviations: HR, hazard ratio; CI, confidence interval.",
    "Received March 15, 2021; accepted June 2, 2021.",
    "Supplementary material is available with the full text of this article at www.example.org.",
)

P_MERGE_ZH, P_MERGE_ZH3, P_MERGE_EN, P_SPLIT_EN, P_NOTE = 0.15, 0.05, 0.08, 0.5, 0.06
_EN_CUT = re.compile(r"; |, and ")


def _join_zh(parts: list[str]) -> str:
    return "，".join(p.rstrip("。.；;") for p in parts[:-1]) + ("，" if len(parts) > 1 else "") + parts[-1]


def _join_en(parts: list[str]) -> str:
    return "; ".join(p.rstrip(".;") for p in parts[:-1]) + ("; " if len(parts) > 1 else "") + parts[-1]


def _split_en(s: str) -> list[str]:
    """Cut a long sentence in two at a `; ` or `, and ` near its middle (or keep it whole)."""
    cuts = [m for m in _EN_CUT.finditer(s) if len(s) / 4 < m.start() < 3 * len(s) / 4]
    if len(s) < 120 or not cuts:
        return [s]
    m = min(cuts, key=lambda m: abs(m.start() - len(s) / 2))
    return [s[: m.start()] + ".", s[m.end():]]


def _is_pair(b: Bead) -> bool:
    return bool(b[0]) and bool(b[1])


def resegment(zh: list[str], en: list[str], gold: list[Bead], rng: random.Random
              ) -> tuple[list[str], list[str], list[Bead]]:
    """One synthetic document from one gold document (see the module docstring)."""
    groups: list[tuple[list[str], list[str], bool, bool]] = []  # zh texts, en texts, merge zh, merge en
    k = 0
    while k < len(gold):
        r = rng.random()
        span = 1
        if r < P_MERGE_ZH3 and k + 2 < len(gold) and all(_is_pair(b) for b in gold[k:k + 3]):
            span, mz, me = 3, True, False
        elif r < P_MERGE_ZH and k + 1 < len(gold) and all(_is_pair(b) for b in gold[k:k + 2]):
            span, mz, me = 2, True, False
        elif r < P_MERGE_ZH + P_MERGE_EN and k + 1 < len(gold) and all(_is_pair(b) for b in gold[k:k + 2]):
            span, mz, me = 2, False, True
        else:
            mz = me = False
        zs = [zh[i] for b in gold[k:k + span] for i in b[0]]
        es = [en[j] for b in gold[k:k + span] for j in b[1]]
        if not mz and not me and len(es) == 1 and len(zs) == 1 and rng.random() < P_SPLIT_EN:
            es = _split_en(es[0])
        groups.append((zs, es, mz, me))
        k += span
    nzh: list[str] = []
    nen: list[str] = []
    beads: list[Bead] = []
    for zs, es, mz, me in groups:
        if rng.random() < P_NOTE:
            if rng.random() < 0.5:
                beads.append(([len(nzh)], []))
                nzh.append(rng.choice(ZH_NOTES))
            else:
                beads.append(([], [len(nen)]))
                nen.append(rng.choice(EN_NOTES))
        zs = [_join_zh(zs)] if mz else zs
        es = [_join_en(es)] if me else es
        beads.append((list(range(len(nzh), len(nzh) + len(zs))), list(range(len(nen), len(nen) + len(es)))))
        nzh.extend(zs)
        nen.extend(es)
    return nzh, nen, beads


def synthetic_set(paramed_dir: Path, seed: int = 20261121) -> list[tuple[str, list[str], list[str], list]]:
    """Every ParaMed document re-cut with one seeded generator: (name, zh, en, gold beads)."""
    from align_eval import load_set  # bench-local import; keeps this module importable alone

    rng = random.Random(seed)
    out = []
    for name, zh, en, gold in load_set(paramed_dir):
        gold_lists = [(list(z), list(e)) for z, e in gold]
        z2, e2, g2 = resegment(zh, en, gold_lists, rng)
        out.append((f"synth-{name}", z2, e2, [(tuple(z), tuple(e)) for z, e in g2]))
    return out


def shape_counts(docs: list[tuple[str, list[str], list[str], list]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, _, _, gold in docs:
        for z, e in gold:
            key = f"{len(z)}-{len(e)}"
            counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))
