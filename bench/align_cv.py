"""How well do the aligner's weights generalize? Ablation and cross-set tuning on the gold sets.

    PYTHONPATH=src:. python bench/align_cv.py [--data DIR] [--passes 2]

The hand-set weights in `scoring.py` were tuned on ParaMed and MAC-Dev together, so their scores on
those sets are training figures. This script estimates what to expect on unseen text:

1. **Ablation**: each feature's weight set to 0, everything else fixed: strict F1 per set. A
   feature that helps one set only, or helps by less than one bead, is a candidate for overfitting.
   The synthetic set (`align_synth.py`, ParaMed re-cut into new bead shapes) was never tuned on:
   a feature that only helps the tuned sets and not it is suspect.
2. **Cross-set tuning**: the same coordinate search the weights came from (each weight times
   0, 0.5, 0.75, 1.25, 1.5, 2, keep a change only if the training F1 rises), run on ONE set from
   the hand-set start, then scored on the OTHER set. The drop on the held-out set, against the
   hand-set figure, is the honest price of tuning.
3. **Leave one document out** (`--lodo SET`): each document of SET scored with weights re-tuned
   by the same search on all the other gold documents. The search starts from the hand-set
   weights (which saw every document), so this bounds the optimism from below, not exactly.

Weights are explored on precomputed feature grids (the same machinery as `align_train.py`), so a
candidate weight vector costs one DP per document, not one encoder pass.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from align_eval import DEFAULT_DATA
from align_synth import synthetic_set
from align_train import _decode, _evaluate, _params, load_grids

from hccbone_ingest.align.evaluate import score
from hccbone_ingest.align.scoring import BEAD_FEATURES, DEFAULT_PARAMS, SKIP_FEATURES

NAMES = (*BEAD_FEATURES, *(f"skip_{s}" for s in SKIP_FEATURES))
FACTORS = (0.0, 0.5, 0.75, 1.25, 1.5, 2.0)


def _hand_set() -> np.ndarray:
    return np.array([*DEFAULT_PARAMS.weights, *DEFAULT_PARAMS.skip_weights])


def ablation(data: dict[str, list]) -> None:
    w0 = _hand_set()
    base = _evaluate(data, w0)
    sets = list(data)
    print("## Ablation (strict F1; weight set to 0)")
    print(f"{'feature':18} " + " ".join(f"{s:>9}" for s in sets) + "   (delta per set)")
    print(f"{'(hand-set)':18} " + " ".join(f"{base[s]:9.4f}" for s in sets))
    for k, name in enumerate(NAMES):
        if w0[k] == 0.0 or name.startswith("prior_"):
            continue
        w = w0.copy()
        w[k] = 0.0
        res = _evaluate(data, w)
        print(f"{name:18} " + " ".join(f"{res[s]:9.4f}" for s in sets) + "   "
              + " ".join(f"{res[s] - base[s]:+.4f}" for s in sets))
    w = w0.copy()
    w[[k for k, n in enumerate(NAMES) if n.startswith("prior_")]] = 0.0
    res = _evaluate(data, w)
    print(f"{'all shape priors':18} " + " ".join(f"{res[s]:9.4f}" for s in sets) + "   "
          + " ".join(f"{res[s] - base[s]:+.4f}" for s in sets))


def coordinate_search(sub: dict[str, list], passes: int) -> np.ndarray:
    """Greedy coordinate search over the non-zero weights, maximizing the sum of the sets' strict F1."""
    w = _hand_set()
    best = sum(_evaluate(sub, w).values())
    for _ in range(passes):
        changed = False
        for k in np.flatnonzero(w):
            for f in FACTORS:
                cand = w.copy()
                cand[k] = w[k] * f
                f1 = sum(_evaluate(sub, cand).values())
                if f1 > best + 1e-9:
                    best, w, changed = f1, cand, True
        if not changed:
            break
    return w


def cross_set(data: dict[str, list], passes: int, train_sets: list[str]) -> None:
    base = _evaluate(data, _hand_set())
    print("\n## Cross-set tuning (coordinate search on one set, scored on the other)")
    print(f"{'weights':28} " + " ".join(f"{s:>9}" for s in data))
    print(f"{'hand-set (tuned on both)':28} " + " ".join(f"{base[s]:9.4f}" for s in data))
    for train in train_sets:
        w = coordinate_search({train: data[train]}, passes)
        res = _evaluate(data, w)
        print(f"{'tuned on ' + train:28} " + " ".join(
            f"{res[s]:9.4f}" + ("*" if s == train else " ") for s in data))
        moved = [f"{NAMES[k]} {a:+.3g}->{b:+.3g}"
                 for k, (a, b) in enumerate(zip(_hand_set(), w, strict=True)) if a != b]
        print("    changed: " + ("; ".join(moved) or "nothing"))
    print("  * training set (the others are held out)")


def leave_one_out(data: dict[str, list], held_set: str, passes: int) -> None:
    """Each document of `held_set` scored with weights re-tuned on every other gold document."""
    print(f"\n## Leave one document out ({held_set}; tuned on the rest of {', '.join(data)})")
    hand, lodo = [], []
    for k, (g, gold) in enumerate(data[held_set]):
        rest = {s: [d for i, d in enumerate(docs) if not (s == held_set and i == k)]
                for s, docs in data.items()}
        w = coordinate_search(rest, passes)
        pred_hand = _decode(g, _params(_hand_set()))
        pred_lodo = _decode(g, _params(w))
        hand.append((pred_hand, gold))
        lodo.append((pred_lodo, gold))
        print(f"  doc {k}: hand-set {score([hand[-1]]).strict_f1:.4f}, "
              f"re-tuned without it {score([lodo[-1]]).strict_f1:.4f}", flush=True)
    print(f"  pooled strict F1: hand-set {score(hand).strict_f1:.4f}, "
          f"leave-one-out {score(lodo).strict_f1:.4f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sets", nargs="*", default=["paramed", "mac-dev"])
    ap.add_argument("--passes", type=int, default=2, help="coordinate-search passes")
    ap.add_argument("--no-search", action="store_true", help="ablation only")
    ap.add_argument("--lodo", nargs="*", default=[], help="sets to run leave-one-document-out on (slow)")
    ap.add_argument("--no-synthetic", action="store_true", help="leave out the synthetic held-out set")
    args = ap.parse_args(argv)
    synth = {"synthetic": synthetic_set(args.data / "paramed")} if not args.no_synthetic else {}
    data = load_grids(args.data, args.sets, synth)
    ablation(data)
    if not args.no_search:
        cross_set(data, args.passes, [s for s in data if s != "synthetic"])
    gold_only = {s: d for s, d in data.items() if s != "synthetic"}
    for s in args.lodo:
        leave_one_out(gold_only, s, args.passes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
