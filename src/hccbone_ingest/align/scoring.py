"""Weights of the bead value and the calibration of bead scores to [0, 1].

The weights were tuned on the two gold sets in ../shared/data/align (ParaMed, MAC-Dev) with
`bench/align_eval.py`; they are general (no per-set switch): the length ratio is estimated
from each document pair itself, so the same weights serve abstracts and novels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

_TYPES = ((1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (2, 2), (1, 4), (4, 1), (2, 3), (3, 2))

# The features of a candidate bead (aligner._grid computes them); its value is their weighted sum.
# Features tried and dropped (CSLS top-k margin, size-scaled cosine and margin, weakest member)
# are listed in docs/alignment.md; they scored no better on any set and were removed.
BEAD_FEATURES = (
    "cos",  # cosine of the two blocks' embeddings
    "adjacent",  # mean cosine of each block with the sentences just outside the bead, across
    "length",  # squared Gale-Church deviation from the pair's own character ratio (capped)
    "anchors",  # shared numbers / Latin terms: Jaccard minus a centre, scaled by how many
    "label_clash",  # the bead joins different structured-abstract parts
    "punctuation",  # the same overlap for `?`, `!` and direct speech (quotation marks)
    "quote_end",  # both blocks end in direct speech (+1), only one does (-1)
    "end_mark",  # both blocks end with the same ? ! or … (+1), with different marks (-1)
    *(f"prior_{a}_{b}" for a, b in _TYPES),  # one bias per bead shape
)
N_BEAD_FEATS = len(BEAD_FEATURES)
FEATURE_INDEX = {name: k for k, name in enumerate(BEAD_FEATURES)}
SKIP_FEATURES = ("bias", "near_cos")  # leaving one sentence unmatched


def _default_weights() -> tuple[float, ...]:
    hand_set = {"cos": 1.0, "adjacent": -0.95, "length": -0.02, "anchors": 0.6, "label_clash": -2.0,
                "punctuation": 0.6, "quote_end": 0.05, "end_mark": 0.07,
                "prior_1_1": 0.0, "prior_1_2": -0.025, "prior_2_1": -0.025, "prior_1_3": -0.05,
                "prior_3_1": -0.05, "prior_2_2": -0.075, "prior_1_4": -0.075, "prior_4_1": -0.075,
                "prior_2_3": -0.1, "prior_3_2": -0.1}
    return tuple(hand_set[name] for name in BEAD_FEATURES)


@dataclass(frozen=True)
class AlignParams:
    bead_types: tuple[tuple[int, int], ...] = _TYPES
    weights: tuple[float, ...] = field(default_factory=_default_weights)  # over BEAD_FEATURES
    skip_weights: tuple[float, ...] = (-0.05, -0.5)  # over SKIP_FEATURES
    len_var: float = 6.8  # Gale-Church variance per character
    len_cap: float = 25.0
    ratio_min: float = 0.5
    ratio_max: float = 8.0
    anchor_center: float = 0.3
    anchor_cap: float = 5.0
    weak_number_weight: float = 0.3
    skip_score: float = 0.5
    # Long documents: above max_cells grid cells, cut into pieces of about piece_len sentences a
    # side at confident anchors (aligner._piece_cuts). The gold documents (<= 106k cells) stay whole.
    max_cells: int = 120_000
    piece_len: int = 150
    anchor_cos: float = 0.5
    # Memory bounded by design (issue 12): a side longer than max_side sentences is not aligned
    # at all (an abstract has < 100; 100,000 would ask for a 37 GiB grid), and a piece that found
    # no anchor to cut it below max_piece_cells stays unmatched rather than aligned in one grid.
    max_side: int = 2_000
    max_piece_cells: int = 480_000
    # bead score = sigmoid(cal_a * value + cal_b * cosine + cal_c): a logistic regression of "the
    # bead is exactly right" on the predicted beads of ParaMed + MAC-Dev (bench/align_train.py
    # --calibrate; Brier 0.047). Beads scored 0.95+ were right 97.8 % of the time, 0.9-0.95 91.3 %.
    cal_a: float = 2.56
    cal_b: float = 2.84
    cal_c: float = 0.40


DEFAULT_PARAMS = AlignParams()


def bead_probability(value: float, cos: float, prm: AlignParams) -> float:
    """Confidence in [0, 1] that a bead is right, from its DP value and raw cosine."""
    z = prm.cal_a * value + prm.cal_b * cos + prm.cal_c
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
