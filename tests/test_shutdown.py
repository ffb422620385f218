"""Stopping a run (issue 12, item 17): SIGTERM ends a run stuck on a file within the grace time, and
the temporary Prefect server dies with the process that started it, even on `kill -9`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux")
ENV = dict(os.environ, PYTHONPATH=f"{REPO / 'src'}:{REPO}")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead for our purpose
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_sigterm_ends_a_run_stuck_on_a_file_within_the_grace_time() -> None:
    script = textwrap.dedent("""
        import signal, time
        from concurrent.futures import ThreadPoolExecutor
        from hccbone_ingest.shutdown import exit_on_sigterm
        def prefect_like(signum, frame):  # Prefect raises in the main thread, then joins the workers
            raise KeyboardInterrupt
        signal.signal(signal.SIGTERM, prefect_like)
        pool = ThreadPoolExecutor(1)
        with exit_on_sigterm(grace=1.0):
            fut = pool.submit(time.sleep, 120)  # a shard stuck on a bad file
            print("ready", flush=True)
            try:
                fut.result()
            except KeyboardInterrupt:
                pool.shutdown(wait=True)  # what the task runner does on the way out
    """)
    p = subprocess.Popen([sys.executable, "-c", script], env=ENV, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "ready"
    t0 = time.monotonic()
    p.send_signal(signal.SIGTERM)
    try:
        rc = p.wait(timeout=20)
    finally:
        p.kill()
    assert rc == 143 and time.monotonic() - t0 < 10
    assert "stopped by SIGTERM" in p.stderr.read()


def test_a_child_started_through_the_patched_popen_dies_with_its_parent_on_kill_9() -> None:
    script = textwrap.dedent("""
        import time
        from hccbone_ingest.shutdown import _PopenDyingWithParent
        child = _PopenDyingWithParent.Popen(["sleep", "120"])
        print(child.pid, flush=True)
        time.sleep(120)
    """)
    parent = subprocess.Popen([sys.executable, "-c", script], env=ENV, stdout=subprocess.PIPE, text=True)
    child_pid = int(parent.stdout.readline())
    assert _alive(child_pid)
    parent.kill()  # kill -9
    parent.wait()
    deadline = time.monotonic() + 10
    while _alive(child_pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    if _alive(child_pid):
        os.kill(child_pid, signal.SIGKILL)
        pytest.fail("the child outlived its SIGKILLed parent")


def test_prefect_starts_its_temporary_server_through_the_patched_popen(monkeypatch) -> None:
    from prefect.server.api import server as prefect_server

    from hccbone_ingest.shutdown import _PopenDyingWithParent, server_dies_with_this_process

    monkeypatch.setattr(prefect_server, "subprocess", prefect_server.subprocess)  # restored afterwards
    assert server_dies_with_this_process()
    assert isinstance(prefect_server.subprocess, _PopenDyingWithParent)
    seen = {}
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **kw: seen.update(kw) or "started")
    srv = object.__new__(prefect_server.SubprocessASGIServer)
    srv.port = 1
    assert srv._run_uvicorn_command() == "started"
    assert callable(seen["preexec_fn"])


def test_the_sentinel_ends_a_process_whose_python_handlers_cannot_run() -> None:
    """A thread holding the GIL in C code keeps every Python handler from running; here the handler
    ignores the signal instead. The sentinel process, woken by the C handler, kills the run."""
    script = textwrap.dedent("""
        import signal, time
        from hccbone_ingest.shutdown import sigterm_sentinel
        signal.signal(signal.SIGTERM, lambda *a: None)  # a handler that never ends the run
        with sigterm_sentinel(grace=1.0) as armed:
            print("ready" if armed else "not armed", flush=True)
            time.sleep(60)
    """)
    p = subprocess.Popen([sys.executable, "-c", script], env=ENV, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "ready"
    t0 = time.monotonic()
    p.send_signal(signal.SIGTERM)
    try:
        rc = p.wait(timeout=20)
    finally:
        p.kill()
    assert rc == -signal.SIGKILL and time.monotonic() - t0 < 10
    assert "stopped by SIGTERM" in p.stderr.read()
