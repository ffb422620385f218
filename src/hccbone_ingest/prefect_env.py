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
