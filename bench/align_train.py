"""Fit the aligner's bead and skip weights with an averaged structured perceptron.

    PYTHONPATH=src python bench/align_train.py [--data DIR] [--sets paramed mac-dev] [--epochs 12]

The value of a path is a weighted sum of bead features (`scoring.BEAD_FEATURES`), so the DP is a
linear structured predictor: decode each training document with the current weights, move the
weights toward the gold path's features and away from the predicted path's, average over all
updates (Collins 2002). Starts from the hand-set weights in `scoring.py` and prints the averaged
weights of the best epoch, to be pasted into `scoring.py` — the library never trains at run time.

`--holdout SET` trains on the other sets only and reports the held-out set's F1, to check that
the weights carry over to a kind of text they never saw.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

import numpy as np

from hccbone_ingest.align import aligner as A
from hccbone_ingest.align.encoder import blas_threads, get_encoder
from hccbone_ingest.align.evaluate import score
from hccbone_ingest.align.scoring import BEAD_FEATURES, DEFAULT_PARAMS, SKIP_FEATURES, AlignParams

sys.path.insert(0, str(Path(__file__).resolve().parent))
from align_eval import DEFAULT_DATA, load_set


def load_grids(data_dir: Path, sets: list[str], extra: dict[str, list] | None = None
               ) -> dict[str, list[tuple[A._Grid, list]]]:
    """Every feature of every candidate bead of every gold document, with its gold beads.

    `extra` adds sets given as (name, zh, en, gold) documents (the synthetic set).
    """
    enc = get_encoder()
    named = {s: load_set(data_dir / s) for s in sets} | (extra or {})
    data: dict[str, list] = {}
    with blas_threads():
        for s, docs in named.items():
            grids = []
            for _, zh, en, gold in docs:
                p = A.AlignProblem(zh, en)
                p._pz, p._pe = enc.pool(zh), enc.pool(en)
                grids.append((A._grid(p, enc, DEFAULT_PARAMS, all_features=True), gold))
            data[s] = grids
    return data


def _path_feats(g: A._Grid, beads: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> np.ndarray:
    """Sum of the features along a path (beads of unsupported shapes contribute nothing)."""
    nb = len(BEAD_FEATURES)
    phi = np.zeros(nb + len(SKIP_FEATURES))
    i = j = 0
    for zs, es in beads:
        a, b = len(zs), len(es)
        if a and b and (a, b) in g.feats:
            phi[:nb] += g.feats[(a, b)][:, i, j]
        elif a == 1 and b == 0:
            phi[nb:] += g.skip_z[:, i + 1, j]
        elif a == 0 and b == 1:
            phi[nb:] += g.skip_e[:, i, j + 1]
        i, j = i + a, j + b
    return phi


def _decode(g: A._Grid, prm: AlignParams) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    vals, sz, se = A._values(g, prm)
    out, i, j = [], 0, 0
    for a, b in A._dp(vals, sz, se):
        out.append((tuple(range(i, i + a)), tuple(range(j, j + b))))
        i, j = i + a, j + b
    return out


def _params(w: np.ndarray) -> AlignParams:
    nb = len(BEAD_FEATURES)
    return dataclasses.replace(DEFAULT_PARAMS, weights=tuple(float(x) for x in w[:nb]),
                               skip_weights=tuple(float(x) for x in w[nb:]))


def _evaluate(data: dict[str, list], w: np.ndarray) -> dict[str, float]:
    prm = _params(w)
    return {s: score((_decode(g, prm), gold) for g, gold in docs).strict_f1 for s, docs in data.items()}


def _calibrate(data: dict[str, list], prm: AlignParams) -> None:
    """Fit sigmoid(a * value + b * cosine + c) to whether each predicted bead is exactly right."""
    X, Y = [], []
    for docs in data.values():
        for g, gold in docs:
            gs = set(gold)
            vals, sz, se = A._values(g, prm)
            i = j = 0
            for a, b in A._dp(vals, sz, se):
                if a and b:
                    X.append((vals[(a, b)][i, j], g.cos[(a, b)][i, j], 1.0))
                    Y.append(float((tuple(range(i, i + a)), tuple(range(j, j + b))) in gs))
                i, j = i + a, j + b
    Xa, Ya = np.asarray(X), np.asarray(Y)
    w = np.zeros(3)
    for _ in range(50):  # Newton steps
        p = 1.0 / (1.0 + np.exp(-Xa @ w))
        H = (Xa * (p * (1 - p))[:, None]).T @ Xa + 1e-6 * np.eye(3)
        w += np.linalg.solve(H, Xa.T @ (Ya - p))
    p = 1.0 / (1.0 + np.exp(-Xa @ w))
    print(f"cal_a = {w[0]:.2f}, cal_b = {w[1]:.2f}, cal_c = {w[2]:.2f}; Brier {np.mean((p - Ya) ** 2):.4f}")
    for lo, hi in ((0.0, 0.7), (0.7, 0.9), (0.9, 0.95), (0.95, 1.01)):
        m = (p >= lo) & (p < hi)
        if m.any():
            print(f"  score [{lo}, {hi}): {m.sum()} beads, mean score {p[m].mean():.3f}, "
                  f"right {Ya[m].mean():.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sets", nargs="*", default=["paramed", "mac-dev"])
    ap.add_argument("--holdout", default=None, help="a set to leave out of training")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--lr", type=float, default=0.0003)
    ap.add_argument("--calibrate", action="store_true", help="only fit the score calibration")
    args = ap.parse_args(argv)

    data = load_grids(args.data, args.sets)
    with blas_threads():
        if args.calibrate:
            _calibrate(data, DEFAULT_PARAMS)
            return 0
        train = [(g, gold) for s, docs in data.items() if s != args.holdout for g, gold in docs]

        w = np.array([*DEFAULT_PARAMS.weights, *DEFAULT_PARAMS.skip_weights])
        total, n_upd = w.copy(), 1
        best = (_evaluate(data, w), w.copy(), 0)
        print("epoch 0 (hand-set):", best[0], flush=True)
        rng = np.random.default_rng(0)
        for ep in range(1, args.epochs + 1):
            for k in rng.permutation(len(train)):
                g, gold = train[k]
                pred = _decode(g, _params(w))
                w = w + args.lr * (_path_feats(g, gold) - _path_feats(g, pred))
                total += w
                n_upd += 1
            avg = total / n_upd
            res = _evaluate(data, avg)
            fit = [v for s, v in res.items() if s != args.holdout]
            print(f"epoch {ep}:", {s: round(v, 4) for s, v in res.items()}, flush=True)
            if sum(fit) > sum(v for s, v in best[0].items() if s != args.holdout):
                best = (res, avg.copy(), ep)
    res, wb, ep = best
    print(f"best epoch {ep}: {res}")
    nb = len(BEAD_FEATURES)
    print("weights = (" + ", ".join(f"{x:.4f}" for x in wb[:nb]) + ")")
    print("skip_weights = (" + ", ".join(f"{x:.4f}" for x in wb[nb:]) + ")")
    for name, x in zip(BEAD_FEATURES + SKIP_FEATURES, wb, strict=True):
        print(f"  {name:18} {x:+.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
