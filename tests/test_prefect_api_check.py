"""`hccbone ingest` with a configured Prefect API that is down says so in one line (issue 12, item 18)."""

from __future__ import annotations

import socket
from pathlib import Path

from tests.ops_helpers import journal_variant, write_raw


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed once the socket is: nothing listens there


def test_an_unreachable_configured_api_gives_one_line_and_exit_2(tmp_path: Path, monkeypatch, capsys) -> None:
    from hccbone_ingest.cli import main

    monkeypatch.setenv("PREFECT_API_URL", f"http://127.0.0.1:{_closed_port()}/api")
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect_home"))
    raw = write_raw(tmp_path / "raw", {"journal/a.txt": journal_variant(1)})
    rc = main(["ingest", "--raw", str(raw), "--out", str(tmp_path / "out"), "--no-progress"])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2 and len(err) == 1, err
    assert "is not reachable" in err[0] and "environment variable PREFECT_API_URL" in err[0]
    assert not (tmp_path / "out" / "_snapshots").exists()  # nothing was published


def test_no_configured_api_needs_no_check(monkeypatch) -> None:
    from hccbone_ingest.prefect_env import unreachable_api

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: None}):
        assert unreachable_api() is None
