"""Everything that touches the output location: fragments, manifest, lock, snapshots.

Layout of an output directory (local path or any fsspec URL):

    README.md                      the dataset card of the current snapshot
    <table>/                       -> _snapshots/current/<table> (local: a symlink)
    _snapshots/current             -> <version>   (one atomic switch publishes every table)
    _snapshots/<version>/<table>/part-00000.parquet
    _state/manifest.json           raw files of the last published run, by content hash
    _state/fragments/<key>.json    one processed raw file, keyed by content + pipeline version
    _state/lock                    held by the run that owns the directory

Readers only ever see complete snapshots; a killed run leaves at most unreferenced
fragments and a `*.tmp-*` directory, which the next run removes or reuses.
"""

from .layout import OutputDir
from .lock import LockBusy, RunLock
from .plan import RunPlan, plan_run
from .publish import PublishResult, publish

__all__ = ["LockBusy", "OutputDir", "PublishResult", "RunLock", "RunPlan", "plan_run", "publish"]
