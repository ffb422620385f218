"""hccbone_ingest: bilingual biomedical pages -> normalized Parquet datasets.

Reading the published data: `read_table("documents", root="processed")` and
`read_parallel(min_score=0.5, root="processed")` (see `hccbone_ingest.reader`). They are loaded
on first use, so importing the package stays cheap (no pandas or pyarrow).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "read_parallel", "read_table"]

if TYPE_CHECKING:
    from .reader import read_parallel, read_table

_LAZY = {"read_table", "read_parallel"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from . import reader

        return getattr(reader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
