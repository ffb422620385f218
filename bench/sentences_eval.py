"""Sentence-boundary accuracy of `split_zh` / `split_en` (a benchmark, not a test).

    PYTHONPATH=src python bench/sentences_eval.py [--data DIR] [--json] [--errors N] [--semicolon]

Sets:
- `paramed` (biomedical) and `mac-dev` (literary): the hand-split sentences of every document of
  `../shared/data/align/<set>/{zh,en}/` (or $HCCBONE_SHARED_DATA), joined back into one text and
  re-split. Sentences are joined with one space (English) or nothing (Chinese); a line without
  sentence-final punctuation (a heading: `methods`, `背景背景`; a caption) is followed by a blank
  line, the way a heading is printed. ParaMed's English side is entirely lower-cased, which no
  real abstract is: its English is scored with the first letter of every gold sentence upper-cased
  (`paramed`), and also as printed (`paramed-lower`, for information: a lower-case word after a
  period is not a sentence start for this splitter, by design).
- `hard`: `bench/gold/sentences_hard.jsonl`, hand-written hard cases by class (our sentences):
  text, gold sentences and gold part labels.

Scores: boundaries are sentence end offsets inside the text (the end of the text is not counted);
micro precision / recall / F1 over boundaries, and exact match per text (`hard`: the sentences and
their labels; alignment sets: each document). Throughput: sentences per CPU-second of splitting.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from hccbone_ingest.text.sentences import Span, split_en, split_zh  # noqa: E402

HARD = ROOT / "bench" / "gold" / "sentences_hard.jsonl"
TARGET_F1 = {"paramed": 0.998}
MIN_SENTS_PER_CPU_S = 10_000
# Sentence-final punctuation, then closers, or citation numbers printed after the period (`.26,34`).
_FINAL = re.compile(r"(?:[.!?。！？；;:：…]+[\"'”’」』）)\]]*|\.[0-9][0-9,\u2013-]*)$")


def data_dir(override: str | None) -> Path:
    if override:
        return Path(override)
    env = os.environ.get("HCCBONE_SHARED_DATA")
    return Path(env) / "align" if env else ROOT.parent / "shared" / "data" / "align"


def _is_heading(line: str) -> bool:
    """A line without final punctuation (a heading, a caption) is printed on a line of its own."""
    return not _FINAL.search(line)


def join_gold(lines: list[str], lang: str, recase: bool = False) -> tuple[str, list[str]]:
    """One text from hand-split sentences, and the sentences as they appear in it."""
    sents = [s.strip() for s in lines if s.strip()]
    if recase:
        sents = [re.sub(r"^([^A-Za-z]*)([a-z])", lambda m: m.group(1) + m.group(2).upper(), s) for s in sents]
    out = []
    for i, s in enumerate(sents):
        out.append(s)
        if i < len(sents) - 1:
            out.append("\n\n" if _is_heading(s) else (" " if lang == "en" else ""))
    return "".join(out), sents


def gold_ends(text: str, sents: list[str]) -> list[int]:
    ends, pos = [], 0
    for s in sents:
        k = text.find(s, pos)
        if k < 0:
            raise ValueError(f"gold sentence not in text: {s!r}")
        pos = k + len(s)
        ends.append(pos)
    return ends


def _inner(ends: list[int], n: int) -> set[int]:
    return {e for e in ends if e < n}


class Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = self.texts = self.exact = 0

    def add(self, gold: set[int], pred: set[int], exact: bool) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)
        self.texts += 1
        self.exact += exact

    def row(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"boundaries": self.tp + self.fn, "precision": round(p, 4), "recall": round(r, 4),
                "f1": round(f, 4), "texts": self.texts, "exact": round(self.exact / max(1, self.texts), 4)}


def _splitter(lang: str) -> Callable[[str], list[Span]]:
    return split_zh if lang == "zh" else split_en


def _context(text: str, e: int) -> str:
    return text[max(0, e - 50):e] + " | " + text[e:e + 30]


def _trim_end(e: int, text: str) -> int:
    while e > 0 and text[e - 1].isspace():
        e -= 1
    return e


Item = tuple[str, str, list[str], list | None]  # lang, text, gold sentences, gold labels (None: not scored)


def score_texts(items: list[Item], errors: list) -> tuple[Tally, int, float]:
    """items: (lang, text, gold sentences, gold labels or None). Returns tally, sentences, CPU s."""
    tally, n_sent, cpu = Tally(), 0, 0.0
    for lang, text, sents, labels in items:
        t0 = time.process_time()
        spans = _splitter(lang)(text)
        cpu += time.process_time() - t0
        n_sent += len(spans)
        gold = _inner(gold_ends(text, sents), len(text))
        pred = _inner([_trim_end(s.end, text) for s in spans], len(text))
        exact = [s.text for s in spans] == sents and (labels is None or [s.label for s in spans] == labels)
        tally.add(gold, pred, exact)
        if not exact:
            errors.append({"text": text, "gold": list(zip(labels or [None] * len(sents), sents, strict=True)),
                           "got": [(s.label, s.text) for s in spans],
                           "missed": [_context(text, e) for e in sorted(gold - pred)],
                           "extra": [_context(text, e) for e in sorted(pred - gold)]})
    return tally, n_sent, cpu


def alignment_sets(root: Path) -> dict[str, list[tuple[str, str, list[str], None]]]:
    sets: dict[str, list] = {}
    for name in ("paramed", "mac-dev"):
        d = root / name
        if not d.is_dir():
            continue
        for lang in ("zh", "en"):
            docs = sorted(p for p in (d / lang).iterdir() if p.is_file() and "." not in p.name)
            variants = [(f"{name}/{lang}", False)]
            if name == "paramed" and lang == "en":
                variants = [(f"{name}/{lang}", True), (f"{name}-lower/{lang}", False)]
            for key, recase in variants:
                items = []
                for p in docs:
                    text, sents = join_gold(p.read_text(encoding="utf-8").splitlines(), lang, recase)
                    items.append((lang, text, sents, None))
                sets[key] = items
    return sets


def hard_set() -> dict[str, list]:
    by_class: dict[str, list] = defaultdict(list)
    for line in HARD.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        by_class[r["class"]].append((r["lang"], r["text"], r["sentences"], r["labels"]))
    return by_class


def throughput(sets: dict[str, list]) -> float:
    """Sentences per CPU-second over every alignment text, split three times."""
    texts = [(lang, text) for items in sets.values() for lang, text, _, _ in items]
    n, t0 = 0, time.process_time()
    for _ in range(3):
        for lang, text in texts:
            n += len(_splitter(lang)(text))
    return n / max(1e-9, time.process_time() - t0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", help="the align/ directory (default: $HCCBONE_SHARED_DATA/align)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="print up to N wrong texts per set")
    ap.add_argument("--only", help="only sets whose name contains this")
    args = ap.parse_args(argv)
    results: dict[str, dict] = {}
    errs: dict[str, list] = {}
    align = alignment_sets(data_dir(args.data))
    hard = hard_set()
    hard_all = [it for items in hard.values() for it in items]
    groups = {**align, **{f"hard/{c}": items for c, items in sorted(hard.items())}, "hard/ALL": hard_all}
    for key, items in groups.items():
        if args.only and args.only not in key:
            continue
        errs[key] = []
        tally, n, _cpu = score_texts(items, errs[key])
        results[key] = {**tally.row(), "sentences": n}
    tput = throughput(align) if align else None
    if args.json:
        print(json.dumps({"sets": results, "sentences_per_cpu_s": tput}, indent=1))
    else:
        print(f"{'set':28} {'bounds':>7} {'P':>7} {'R':>7} {'F1':>7} {'texts':>6} {'exact':>6}")
        for key, r in results.items():
            print(f"{key:28} {r['boundaries']:7d} {r['precision']:7.4f} {r['recall']:7.4f} {r['f1']:7.4f} "
                  f"{r['texts']:6d} {r['exact']:6.3f}")
        if tput is not None:
            print(f"throughput: {tput:,.0f} sentences per CPU-second (target >= {MIN_SENTS_PER_CPU_S:,})")
    if args.errors:
        for key, es in errs.items():
            for e in es[: args.errors]:
                if len(e["text"]) < 400:
                    print(f"\n[{key}] {e['text']!r}\n  gold: {e['gold']}\n  got:  {e['got']}")
                for kind in ("missed", "extra"):
                    for c in e[kind]:
                        print(f"  [{key}] {kind}: {c!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
