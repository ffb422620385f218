"""Dask runs are quiet by default, verbose on request (issue 12, item 23)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.dask

SCRIPT = textwrap.dedent("""
    import sys
    from flows.ingest import quiet_dask
    quiet_dask(verbose=sys.argv[1] == "verbose")
    from distributed import Client, LocalCluster
    import logging
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.INFO if sys.argv[1] == "verbose" else logging.WARNING) as c:
        with Client(c) as client:
            assert client.submit(sum, [1, 2]).result() == 3
""")


def _info_lines(mode: str) -> int:
    env = dict(os.environ, PYTHONPATH=f"{REPO / 'src'}:{REPO}")
    env.pop("DASK_LOGGING__DISTRIBUTED", None)
    p = subprocess.run([sys.executable, "-c", SCRIPT, mode], env=env, capture_output=True, text=True,
                       timeout=300)
    assert p.returncode == 0, p.stderr[-2000:]
    return sum(1 for line in p.stderr.splitlines() if " - INFO - " in line and "distributed" in line)


def test_a_dask_run_prints_no_info_lines_by_default_and_some_when_verbose() -> None:
    assert _info_lines("quiet") == 0
    assert _info_lines("verbose") > 5
