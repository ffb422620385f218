"""Alignment benchmark: our aligner on every gold set of ../shared/data/align, side by side.

    PYTHONPATH=src python bench/align_eval.py [--data DIR] [--json]

For each set (paramed, mac-dev): strict and lax precision/recall/F1 (Sennrich & Volk, see
`hccbone_ingest.align.evaluate`), sentences per second (zh + en sentences over the wall time
of encoding + alignment, model already loaded; the load time is printed apart), and the
published anchors of REFERENCE.md section 5. Bertalign's own MAC-Dev output (`mac-dev/auto`) is
scored in the same run with the same scorer.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from align_synth import shape_counts, synthetic_set

from hccbone_ingest.align.aligner import AlignProblem, align_batch
from hccbone_ingest.align.encoder import get_encoder
from hccbone_ingest.align.evaluate import Scores, parse_align, score

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(os.environ.get("HCCBONE_SHARED_DATA", REPO / ".." / "shared" / "data")) / "align"

# Published strict F1 (REFERENCE.md section 5). ParaMed has no published figures; the closest
# published set is the non-literary one (academic, political, magazine).
PUBLISHED = {
    "mac-dev": {"Gale-Church": 0.485, "Hunalign": 0.610, "Bleualign": 0.641, "Vecalign (LaBSE)": 0.863,
                "Bertalign (LaBSE)": 0.911},
    "paramed": {"Gale-Church*": 0.852, "Hunalign*": 0.900, "Bleualign*": 0.911, "Vecalign (LaBSE)*": 0.979,
                "Bertalign (LaBSE)*": 0.987},
}
SYNTH = "synthetic (held out)"
TARGETS = {"paramed": 0.99, "mac-dev": 0.92}
MIN_SENTS_PER_S = 100.0


def _lines(p: Path) -> list[str]:
    return p.read_text(encoding="utf-8").splitlines()


def load_set(d: Path) -> list[tuple[str, list[str], list[str], list]]:
    docs = []
    for g in sorted((d / "gold").glob("*.align")):
        name = g.name[: -len(".align")]
        docs.append((name, _lines(d / "zh" / name), _lines(d / "en" / name), parse_align(g.read_text())))
    return docs


def run_set(d: Path) -> dict:
    return run_docs(d.name, load_set(d), d / "auto")


def run_docs(name: str, docs: list[tuple[str, list[str], list[str], list]], auto: Path | None = None) -> dict:
    """Align every document pair of a set, time it and score it against its gold."""
    t0, c0 = time.perf_counter(), time.process_time()
    preds = align_batch([AlignProblem(zh, en) for _, zh, en, _ in docs])
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    n = sum(len(zh) + len(en) for _, zh, en, _ in docs)
    ours = score(([(b.zh, b.en) for b in p], gold) for p, (_, _, _, gold) in zip(preds, docs, strict=True))
    res = {"set": name, "docs": len(docs), "sentences": n, "seconds": dt, "cpu_seconds": cpu,
           "sents_per_s": n / dt,
           "ours": ours.__dict__ if hasattr(ours, "__dict__") else _sdict(ours)}
    if auto is not None and auto.is_dir():
        pairs = [(parse_align((auto / f"{n}.align").read_text()), gold) for n, _, _, gold in docs]
        res["bertalign_output"] = _sdict(score(pairs))
    res["per_doc"] = {n: _sdict(score([([(b.zh, b.en) for b in p], gold)]))["strict_f1"]
                      for p, (n, _, _, gold) in zip(preds, docs, strict=True)}
    return res


def _sdict(s: Scores) -> dict[str, float]:
    return {k: getattr(s, k) for k in Scores.__slots__}


def _row(name: str, o: dict[str, float]) -> str:
    return (f"{name:30} {o['strict_p']:8.3f} {o['strict_r']:6.3f} {o['strict_f1']:7.4f}   "
            f"{o['lax_p']:6.3f} {o['lax_r']:6.3f} {o['lax_f1']:6.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the align/ data directory")
    ap.add_argument("--json", action="store_true", help="print JSON instead of the table")
    ap.add_argument("--sets", nargs="*", default=None, help="set names (default: every set with gold/)")
    ap.add_argument("--no-synthetic", action="store_true", help="skip the synthetic held-out section")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        ap.error(f"no alignment data at {args.data} (set HCCBONE_SHARED_DATA or pass --data)")
    t0 = time.perf_counter()
    get_encoder()
    load_s = time.perf_counter() - t0
    sets = args.sets or sorted((d.name for d in args.data.iterdir() if (d / "gold").is_dir()),
                               key=lambda n: (n != "paramed", n))
    results = [run_set(args.data / s) for s in sets]
    if not args.no_synthetic and (args.data / "paramed" / "gold").is_dir():
        synth = synthetic_set(args.data / "paramed")
        results.append(run_docs(SYNTH, synth))
        results[-1]["shapes"] = shape_counts(synth)
    total_n = sum(r["sentences"] for r in results)
    total_s = sum(r["seconds"] for r in results)
    total_cpu = sum(r["cpu_seconds"] for r in results)
    summary = {"model_load_s": load_s, "sents_per_s": total_n / total_s,
               "sents_per_cpu_s": total_n / total_cpu, "sets": results}
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    ok = "met" if total_n / total_s >= MIN_SENTS_PER_S else "NOT met"
    print(f"model load {load_s:.2f} s; overall {total_n} sentences in {total_s:.2f} s wall "
          f"({total_cpu:.2f} s CPU) = {total_n / total_s:.0f} sentences/s, "
          f"{total_n / total_cpu:.0f} per CPU-second (target >= {MIN_SENTS_PER_S:.0f}/s: {ok})")
    for r in results:
        o = r["ours"]
        print(f"\n## {r['set']} ({r['docs']} docs, {r['sentences']} sentences, "
              f"{r['sents_per_s']:.0f} sent/s)")
        print(f"{'aligner':30} {'strict P':>8} {'R':>6} {'F1':>7}   {'lax P':>6} {'R':>6} {'F1':>6}")
        print(_row("hccbone (USE + anchors)", o))
        if "bertalign_output" in r:
            print(_row("Bertalign output, rescored", r["bertalign_output"]))
        for name, f1 in PUBLISHED.get(r["set"], {}).items():
            print(f"{name + ' (published)':30} {'':8} {'':6} {f1:7.3f}")
        if r["set"] == "paramed":
            print("  * published on the non-literary zh-en set, not on ParaMed")
        tgt = TARGETS.get(r["set"])
        if tgt:
            ok = "met" if o["strict_f1"] >= tgt else "NOT met"
            print(f"  target strict F1 >= {tgt}: {ok}")
        if r["set"] == SYNTH:
            print("  SYNTHETIC (bench/align_synth.py): ParaMed re-cut into new bead shapes plus one-sided"
                  " notes;"
                  "\n  no weight was tuned on it. Gold shapes: "
                  + ", ".join(f"{k} {v}" for k, v in r["shapes"].items()))
        print("  per doc strict F1: " + ", ".join(f"{k} {v:.3f}" for k, v in r["per_doc"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
