"""Helpers shared by the operations tests (faults, crashes, locking, Dask, fsspec)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hccbone_ingest.runner import IngestOptions, run_ingest
from hccbone_ingest.store import PublishResult
from hccbone_ingest.tables import TABLES
from tests.conftest import AI_SEED, JOURNAL_SEED, REPO

SEED_DOI_TAIL = "2025.04.004"


def write_raw(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, content in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content.encode() if isinstance(content, str) else content)
    return root


def journal_variant(i: int) -> str:
    """The seed journal page as another article of the same issue (another DOI, same shape)."""
    return JOURNAL_SEED.read_text(encoding="utf-8").replace(SEED_DOI_TAIL, f"2025.04.{100 + i:03d}")


def ai_variant(i: int) -> str:
    """The seed AI summary with another question: another document (ids are content hashes)."""
    text = AI_SEED.read_text(encoding="utf-8")
    first, rest = text.split("\n", 1)
    return f"{first.rstrip('?')} (variant {i})?\n{rest}"


def corpus(n_journal: int, n_ai: int, junk: int = 1) -> dict[str, str | bytes]:
    """Seed-derived raw files: journal pages, AI summaries, and a few files to quarantine."""
    files: dict[str, str | bytes] = {
        "journal/000_seed.txt": JOURNAL_SEED.read_bytes(),
        "ai_summary/003_seed.txt": AI_SEED.read_bytes(),
    }
    files |= {f"journal/variant_{i:03d}.txt": journal_variant(i) for i in range(n_journal)}
    files |= {f"ai_summary/variant_{i:03d}.txt": ai_variant(i) for i in range(n_ai)}
    files |= {f"journal/junk_{i}.html": bytes(range(256)) * (i + 1) for i in range(junk)}
    return files


def ingest(raw: Path, out: Path | str, **kw) -> PublishResult:
    """A library run without enrichment steps (they do not touch the store; tests stay fast)."""
    return run_ingest(IngestOptions(raw_dir=str(raw), out=str(out), **kw), steps=[])


def snapshot_bytes(out: Path) -> dict[str, bytes]:
    """Every Parquet file (and the card) readers see, by table-relative path.

    Read through the `<out>/<table>` links, i.e. exactly what a reader of the dataset gets.
    An empty dict means no table is visible (nothing published yet).
    """
    seen: dict[str, bytes] = {}
    for name in TABLES:
        table = out / name
        if table.exists():
            seen |= {f"{name}/{p.name}": p.read_bytes() for p in sorted(table.glob("*.parquet"))}
    if seen and (out / "README.md").exists():
        seen["README.md"] = (out / "README.md").read_bytes()
    return seen


def parquet_only(seen: dict[str, bytes]) -> dict[str, bytes]:
    return {k: v for k, v in seen.items() if k.endswith(".parquet")}


def leftovers(out: Path) -> list[str]:
    """Temporary files or directories a killed run left behind."""
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if ".tmp-" in p.name)


def child_env(**extra: str) -> dict[str, str]:
    """Environment for a subprocess that imports this checkout (src/ and tests/)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), str(REPO)])
    env.pop("HCCBONE_FAULT", None)
    env.update(extra)
    return env


# A library run in a fresh process, as the crash and lock tests need (no Prefect: ~1 s).
LIB_RUN = """
import sys
from hccbone_ingest.runner import IngestOptions, run_ingest
raw, out, shard, wait = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
r = run_ingest(IngestOptions(raw_dir=raw, out=out, shard_size=shard, lock_wait=wait), steps=[])
print(r.version)
"""


def lib_run_cmd(raw: Path, out: Path, shard_size: int = 4, lock_wait: float = 0.0) -> list[str]:
    return [sys.executable, "-c", LIB_RUN, str(raw), str(out), str(shard_size), str(lock_wait)]


def cli_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "hccbone_ingest.cli", "ingest", "--no-progress", *args]
