"""Writing export files so that a reader never sees half a file."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ExportError


def write_atomic(path: Path, data: bytes) -> None:
    """Write beside the target, then rename over it (same directory, so the rename is atomic)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except (IsADirectoryError, NotADirectoryError, PermissionError) as e:
        raise ExportError(f"cannot write {path}: {e}") from e


def resolve_dest(dest: str | Path, default_name: str) -> Path:
    """`dest` names the output itself, or an (existing, or /-terminated) folder to put it in."""
    text = str(dest)
    path = Path(text)
    if path.is_dir() or text.endswith(("/", os.sep)):
        return path / default_name
    return path
