"""Per-file cost of the hostile inputs of issue 12: seconds and peak memory, one file per process.

    PYTHONPATH=src:. python bench/hostile.py                      # this checkout
    PYTHONPATH=src:. python bench/hostile.py --src /work/main/src  # another checkout's code (before)
    PYTHONPATH=src:. python bench/hostile.py --only nested_100k,doi_chain --timeout 60 --mem-gb 3

Each input is written to a temporary raw folder and processed by `pipeline.process_files` with
the default enrichment steps in a fresh child process, after a warm-up on the seed page (models
loaded), so `seconds` is the cost of that one file. The child runs under an address-space limit
(`--mem-gb`) and a wall-clock limit (`--timeout`): a row reading `killed` or `MemoryError` is a
failed bound. `peak_mb` is the child's peak RSS minus its RSS after the warm-up. The inputs are
written by this script (no real article text).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "raw" / "journal" / "000_6ece0f8cf8a7fa44.txt"
SEED_HTML = REPO / "tests" / "fixtures" / "journal_html" / "magtech_panel_seed.html"


def _abstract_page(n: int) -> str:
    """The seed page with an abstract of n sentences a side."""
    lines = SEED.read_text("utf-8").split("\n")
    zh_i = next(i for i, t in enumerate(lines) if t.startswith("肝细胞癌(肝癌)在我国发病率高"))
    en_i = next(i for i, t in enumerate(lines) if t.startswith("The incidence of hepatocellular carcinoma"))
    lines[zh_i] = "".join(f"第{k}组患者的骨痛在治疗后明显缓解。" for k in range(n))
    lines[en_i] = " ".join(f"Bone pain was clearly relieved in group {k} after treatment." for k in range(n))
    return "\n".join(lines)


def _references_page(n: int) -> str:
    lines = SEED.read_text("utf-8").split("\n")
    at = lines.index("[36]") + 2
    extra = []
    for i in range(37, n + 1):
        extra += [f"[{i}]", f"Author{i} A, Writer B. Study {i} of bone metastasis[J]. J Test Med, 2020: {i}."]
    return "\n".join(lines[:at] + extra + lines[at:])


def _doi_chain_page(n: int) -> str:
    return SEED.read_text("utf-8").replace("DOI: 10.3389/fonc.2022.943866.", "DOI: " + "10.1234." * n, 1)


def _nested_page(n: int) -> str:
    html = SEED_HTML.read_text("utf-8")
    head, body = html.split("<body", 1)
    body_open, rest = body.split(">", 1)
    inner, tail = rest.rsplit("</body>", 1)
    return f"{head}<body{body_open}>{'<div>' * n}{inner}{'</div>' * n}</body>{tail}"


def _punct_page(n: int) -> str:
    lines = SEED.read_text("utf-8").split("\n")
    zh_i = next(i for i, t in enumerate(lines) if t.startswith("肝细胞癌(肝癌)在我国发病率高"))
    en_i = next(i for i, t in enumerate(lines) if t.startswith("The incidence of hepatocellular carcinoma"))
    lines[zh_i] += "骨转移" + "，。：（" * n
    lines[en_i] += " metastasis" + ",:(." * n
    return "\n".join(lines)


def _big5_page() -> bytes:
    text = ("肝細胞癌骨轉移的臨床研究。目的：探討肝細胞癌患者發生骨轉移的臨床特點與治療效果。\n"
            "Clinical study of bone metastasis from hepatocellular carcinoma\n")
    return (text * 20).encode("big5")


INPUTS = {
    "seed": lambda: SEED.read_text("utf-8"),
    "abstract_10k": lambda: _abstract_page(10_000),
    "abstract_100k": lambda: _abstract_page(100_000),
    "nested_100k": lambda: _nested_page(100_000),
    "doi_chain": lambda: _doi_chain_page(20_000),
    "references_10002": lambda: _references_page(10_002),
    "punct_runs": lambda: _punct_page(20_000),
    "big5": _big5_page,
    "soft_hyphen_nul": lambda: SEED.read_text("utf-8").replace("肝细胞癌骨转移研究进展",
                                                               "肝细胞\u00ad癌骨\x00转移研究进展"),
}

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from hccbone_ingest.pipeline import process_files
seed, path = Path(sys.argv[1]), Path(sys.argv[2])
process_files([(seed, "seed.txt")])  # warm-up: models loaded
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
(o,) = process_files([(path, path.name)])
secs = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
if o.doc is not None:
    d = o.doc
    what = (f"document: {len(d.references)} refs, {len(d.sentences)} sentences, "
            f"{len(d.alignments)} alignments, flags={d.document.quality_flags}")
else:
    what = f"quarantined at {o.error.stage}: {o.error.message[:90]}"
print(json.dumps({"seconds": round(secs, 2), "peak_mb": round((peak - rss0) / 1024), "outcome": what}))
"""


def _limit(mem_gb: float):
    def apply() -> None:
        import resource

        cap = int(mem_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    return apply


def run_one(name: str, src: str, timeout: float, mem_gb: float, tmp: Path) -> dict:
    data = INPUTS[name]()
    suffix = ".html" if name == "nested_100k" else ".txt"
    path = tmp / f"{name}{suffix}"
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    env = dict(os.environ, PYTHONPATH=f"{src}:{REPO}")
    t0 = time.perf_counter()
    try:
        p = subprocess.run([sys.executable, "-c", CHILD, str(SEED), str(path)], env=env, capture_output=True,
                           text=True, timeout=timeout, preexec_fn=_limit(mem_gb))
    except subprocess.TimeoutExpired:
        return {"input": name, "mb": round(path.stat().st_size / 2**20, 2), "seconds": None,
                "peak_mb": None, "outcome": f"killed after {timeout:.0f} s (timeout)"}
    row = {"input": name, "mb": round(path.stat().st_size / 2**20, 2)}
    if p.returncode == 0:
        row.update(json.loads(p.stdout.strip().splitlines()[-1]))
    else:
        last = (p.stderr.strip().splitlines() or ["?"])[-1]
        row.update(seconds=round(time.perf_counter() - t0, 1), peak_mb=None, outcome=f"crashed: {last[:100]}")
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", default=str(REPO / "src"), help="the hccbone_ingest sources to measure")
    ap.add_argument("--only", default="", help="comma-separated input names")
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--mem-gb", type=float, default=4.0)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    names = [n for n in args.only.split(",") if n] or list(INPUTS)
    rows = []
    with tempfile.TemporaryDirectory() as d:
        for name in names:
            row = run_one(name, args.src, args.timeout, args.mem_gb, Path(d))
            rows.append(row)
            secs = "-" if row["seconds"] is None else f"{row['seconds']:.2f}"
            peak = "-" if row["peak_mb"] is None else str(row["peak_mb"])
            print(f"{name:18s} {row['mb']:7.2f} MB {secs:>8s} s {peak:>6s} MB  {row['outcome']}", flush=True)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))


if __name__ == "__main__":
    main()
