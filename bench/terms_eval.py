"""Precision / recall of abbreviation definitions and bilingual term pairs (a benchmark, not a test).

Gold (`bench/gold/terms_*.jsonl`), abstracts written for this benchmark in the style of Chinese
journal abstracts: each record holds the abstract as aligned (zh, en) sentence pairs and the
labelled definitions `zh` / `en` ([short, long]) and `bi` ([short, zh long, en long]: the same
Latin short form defined on both sides).
- `dev`: 9 abstracts, 98 definitions (50 zh, 48 en), 46 pairs; tuned on.
- `heldout`: 5 abstracts, 53 definitions (27 zh, 26 en), 25 pairs; written with `dev` before the
  first run, scored once after tuning on `dev`, then its errors were looked at (spent).
- `heldout2`: 5 abstracts, 49 definitions (25 zh, 24 en), 23 pairs; written after `heldout` was
  scored and before any change it prompted; scored once at the end.

Scoring is exact (short and long form as printed), micro-averaged over documents; a
definition counts once per document. The aligned sentence pairs are the 1-1 pairs of the
record (pair i = zh sentence i + en sentence i, score 1.0).

    python bench/terms_eval.py [--set dev|heldout|heldout2|all] [--baseline] [--errors] [--json]

`--baseline` runs the English side as Schwartz & Hearst published it (no fixes).

Figures (P / R):
- first run, dev, before any tuning: English 1.000 / 0.938 (published baseline 0.978 / 0.938),
  Chinese 0.714 / 0.600, pairs 0.703 / 0.565.
- after tuning, dev: English 1.000 / 1.000 (baseline 0.978 / 0.938), Chinese 1.000 / 1.000, pairs
  1.000 / 1.000.
- held-out, scored once after tuning on dev: English 1.000 / 0.962 (baseline 1.000 / 0.923),
  Chinese 0.885 / 0.852, pairs 0.875 / 0.840. Fixes it prompted (method verbs, `以下简称`) then
  give on it (no longer held out): English 1.000 / 0.962, Chinese 0.963 / 0.963, pairs 0.958 / 0.920.
- held-out 2, scored once with the final code: English 1.000 / 1.000 (baseline 1.000 / 1.000),
  Chinese 0.960 / 0.960, pairs 0.957 / 0.957 (the one error: `主要` cut off `主要不良心血管事件`).
- ablation `--no-en-guidance` (Chinese spans without the English long forms), final code:
  Chinese dev 0.940 / 0.940, held-out 0.889 / 0.889, held-out 2 0.960 / 0.960 (unchanged).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from hccbone_ingest.terms.pairs import extract  # noqa: E402


def load(name: str) -> list[dict]:
    names = ["dev", "heldout", "heldout2"] if name == "all" else [name]
    out = []
    for n in names:
        with open(ROOT / "bench" / "gold" / f"terms_{n}.jsonl", encoding="utf-8") as f:
            out += [json.loads(line) for line in f if line.strip()]
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp,
            "predicted": n_pred, "gold": n_gold}


def evaluate(docs: list[dict], baseline: bool = False, en_guidance: bool = True) -> tuple[dict, list[str]]:
    counts = {k: [0, 0, 0] for k in ("en", "zh", "bi")}
    errors: list[str] = []
    for d in docs:
        zh = [(i, p[0]) for i, p in enumerate(d["pairs"])]
        en = [(i, p[1]) for i, p in enumerate(d["pairs"])]
        al = [(i, [i], [i], 1.0) for i in range(len(d["pairs"]))]
        got = extract(zh, en, al, en_baseline=baseline, en_guidance=en_guidance)
        pred = {"zh": {(f.d.short, f.d.long) for f in got.zh},
                "en": {(f.d.short, f.d.long) for f in got.en},
                "bi": {(p.short, p.zh_long, p.en_long) for p in got.pairs}}
        gold = {"zh": {tuple(x) for x in d["zh"]}, "en": {tuple(x) for x in d["en"]},
                "bi": {tuple(x) for x in d["bi"]}}
        for k in counts:
            counts[k][0] += len(pred[k] & gold[k])
            counts[k][1] += len(pred[k])
            counts[k][2] += len(gold[k])
            for x in sorted(pred[k] - gold[k]):
                errors.append(f"{d['id']} {k} FP {x}")
            for x in sorted(gold[k] - pred[k]):
                errors.append(f"{d['id']} {k} FN {x}")
    return {k: _prf(*v) for k, v in counts.items()}, errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", default="dev", choices=["dev", "heldout", "heldout2", "all"])
    ap.add_argument("--baseline", action="store_true", help="English: Schwartz & Hearst as published")
    ap.add_argument("--no-en-guidance", action="store_true",
                    help="Chinese long forms without the English long forms' help (an ablation)")
    ap.add_argument("--errors", action="store_true", help="list false positives and misses")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    docs = load(args.set)
    res, errors = evaluate(docs, baseline=args.baseline, en_guidance=not args.no_en_guidance)
    if args.json:
        print(json.dumps({"set": args.set, "docs": len(docs), **res}, ensure_ascii=False, indent=1))
    else:
        note = " (English: published baseline)" if args.baseline else ""
        note += " (Chinese: no English guidance)" if args.no_en_guidance else ""
        print(f"set {args.set}: {len(docs)} abstracts{note}")
        print(f"{'category':10} {'P':>7} {'R':>7} {'F1':>7} {'tp':>5} {'pred':>5} {'gold':>5}")
        names = {"en": "English", "zh": "Chinese", "bi": "pairs"}
        for k, v in res.items():
            print(f"{names[k]:10} {v['precision']:7.3f} {v['recall']:7.3f} {v['f1']:7.3f} {v['tp']:5d} "
                  f"{v['predicted']:5d} {v['gold']:5d}")
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
