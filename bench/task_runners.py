"""Wall time of one ingest per task runner, each in a fresh process (docs/operations.md).

    PYTHONPATH=src:. python bench/task_runners.py --docs 60 [--api-url http://127.0.0.1:4200/api]

Modes: `thread` (the default runner), `dask` (a LocalCluster; the flow's temporary Prefect
server is shared with the workers), `dask-unshared` (what prefect-dask does by itself: each
worker process starts its own temporary server). With --api-url every mode runs against that
server instead, and the two Dask modes are the same thing. Every run writes a fresh output;
the Parquet files of all runs are compared byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO)]

UNSHARED = """
import sys
from hccbone_ingest import prefect_env
prefect_env.configure()
from flows.ingest import dask_runner, ingest
raw, out, shard = sys.argv[1], sys.argv[2], int(sys.argv[3])
f = ingest.with_options(task_runner=dask_runner(None, 2))
f(raw_dir=raw, out=out, shard_size=shard, return_state=True).result(raise_on_failure=True)
"""


def make_corpus(root: Path, n_docs: int) -> None:
    from tests.ops_helpers import corpus, write_raw

    n_journal = (2 * n_docs) // 3
    write_raw(root, corpus(n_journal=n_journal, n_ai=n_docs - n_journal, junk=1))


def parquet_digest(out: Path) -> str:
    h = hashlib.sha256()
    for p in sorted((out / "_snapshots" / "current").rglob("*.parquet")):
        h.update(p.relative_to(out / "_snapshots" / "current").as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def run(mode: str, raw: Path, out: Path, shard: int, env: dict[str, str]) -> tuple[float, str, int]:
    if mode == "dask-unshared":
        cmd = [sys.executable, "-c", UNSHARED, str(raw), str(out), str(shard)]
    else:
        cmd = [sys.executable, "-m", "hccbone_ingest.cli", "ingest", "--no-progress", "--raw", str(raw),
               "--out", str(out), "--shard-size", str(shard), "--task-runner", mode.split("-")[0]]
        if mode == "dask":
            cmd += ["--dask-workers", "2"]
    t0 = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if done.returncode:
        raise SystemExit(f"{mode} failed:\n{done.stderr[-3000:]}")
    return seconds, parquet_digest(out), done.stderr.count("Starting temporary server")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--shard-size", type=int, default=8)
    ap.add_argument("--modes", default="thread,dask,dask-unshared")
    ap.add_argument("--api-url", default=None, help="a running Prefect server (default: temporary servers)")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hccbone-runners-"))
    try:
        raw = work / "raw"
        make_corpus(raw, args.docs)
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO / "src"), str(REPO)]),
                   PREFECT_HOME=str(work / "prefect_home"))
        env.pop("PREFECT_API_URL", None)
        if args.api_url:
            env["PREFECT_API_URL"] = args.api_url
        # warm the Prefect home (database migrations) so that no mode pays for them
        run("thread", raw, work / "warmup", args.shard_size, env)
        results = []
        for i in range(args.repeat):
            for mode in args.modes.split(","):
                seconds, digest, servers = run(mode, raw, work / f"{mode}-{i}", args.shard_size, env)
                results.append({"mode": mode, "seconds": round(seconds, 1), "parquet": digest,
                                "temporary_servers": servers})
                print(json.dumps(results[-1]), flush=True)
        digests = {r["parquet"] for r in results}
        print(json.dumps({"files": len(list(raw.rglob("*.*"))), "identical_output": len(digests) == 1,
                          "load_average": os.getloadavg()}))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
