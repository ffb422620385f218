"""Prefect settings for local runs: a project-local home and no analytics, set before import.

With no PREFECT_API_URL, Prefect starts a temporary server for the run (nothing to start by
hand). Existing environment settings always win, so a deployment's worker keeps its own.
"""

from __future__ import annotations

import os
from pathlib import Path


def configure(home: str | os.PathLike | None = None) -> None:
    os.environ.setdefault("PREFECT_HOME", str(Path(home or Path.cwd() / ".prefect").resolve()))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_ALLOW_EPHEMERAL_MODE", "true")
    # The temporary server can take well over the default 20 s to start on a loaded 2-core box.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    # Keep the run database small: task results are summaries and are not persisted.
    os.environ.setdefault("PREFECT_RESULTS_PERSIST_BY_DEFAULT", "false")


def unreachable_api(timeout: float = 5.0) -> str | None:
    """One line saying why the configured Prefect API cannot be used, or None (none configured,
    or it answers). Without this check a stopped server gives a 117-line "Failed to reach API"
    traceback; `prefect config set PREFECT_API_URL=…` keeps the URL in the profile after the
    server is gone, so the README exports it instead."""
    from prefect.settings import PREFECT_API_URL

    # The environment first: Prefect's settings object is built once per process at import.
    url = os.environ.get("PREFECT_API_URL") or PREFECT_API_URL.value()
    if not url:
        return None
    import httpx

    try:
        r = httpx.get(f"{url.rstrip('/')}/health", timeout=timeout)
        if r.status_code == 200:
            return None
        reason = f"HTTP {r.status_code}"
    except httpx.HTTPError as e:
        reason = str(e) or type(e).__name__
    where = ("the environment variable PREFECT_API_URL" if os.environ.get("PREFECT_API_URL")
             else "the Prefect profile (prefect config set); remove it with "
                  "`prefect config unset PREFECT_API_URL`")
    return (f"the Prefect API {url} is not reachable ({reason}). Start that server, or unset the URL to "
            f"run with a temporary server: it comes from {where}.")
