"""Weights of the bead value and the calibration of bead scores to [0, 1].

The weights were tuned on the two gold sets in ../shared/data/align (ParaMed, MAC-Dev) with
`bench/align_eval.py`; they are general (no per-set switch): the length ratio is estimated
from each document pair itself, so the same weights serve abstracts and novels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

_TYPES = ((1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (2, 2), (1, 4), (4, 1), (2, 3), (3, 2))


def _default_prior() -> dict[tuple[int, int], float]:
    return {(1, 1): 0.0, (1, 2): -0.05, (2, 1): -0.05, (1, 3): -0.1, (3, 1): -0.1, (2, 2): -0.15,
            (1, 4): -0.15, (4, 1): -0.15, (2, 3): -0.2, (3, 2): -0.2}


@dataclass(frozen=True)
class AlignParams:
    bead_types: tuple[tuple[int, int], ...] = _TYPES
    prior: dict[tuple[int, int], float] = field(default_factory=_default_prior)
    w_sim: float = 1.0
    margin: float = 0.0  # weight of the CSLS-style top-k neighbourhood reference
    margin_k: int = 3
    margin_adj: float = 1.0  # weight of the adjacent-sentence margin (Bertalign's)
    len_mult: float = 0.0  # weight of Bertalign's multiplicative length factor log2(1 + min/max)
    w_len: float = 0.02
    len_var: float = 6.8  # Gale-Church variance per character
    len_cap: float = 25.0
    ratio_min: float = 0.5
    ratio_max: float = 8.0
    w_anchor: float = 0.3
    anchor_center: float = 0.3
    anchor_cap: float = 3.0
    weak_number_weight: float = 0.3
    label_penalty: float = 2.0
    skip: float = -0.05  # value of leaving one sentence unmatched
    skip_score: float = 0.5
    # bead score = sigmoid(cal_a * value + cal_b * cosine + cal_c)
    cal_a: float = 6.0
    cal_b: float = 4.0
    cal_c: float = -2.0


DEFAULT_PARAMS = AlignParams()


def bead_probability(value: float, cos: float, prm: AlignParams) -> float:
    """Confidence in [0, 1] that a bead is right, from its DP value and raw cosine."""
    z = prm.cal_a * value + prm.cal_b * cos + prm.cal_c
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
