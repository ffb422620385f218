"""Everything that touches the output location: fragments, manifest, lock, snapshots.

Layout of an output directory (local path or any fsspec URL):

    README.md                      -> _snapshots/current/README.md, the dataset card
    <table>/                       -> _snapshots/current/<table> (local: symlinks; remote: copies)
    _snapshots/current             -> <version>   (one atomic switch publishes every table;
                                                   remote: the object current.txt names it)
    _snapshots/<version>/<table>/part-00000.parquet
    _state/manifest.json           raw files of the last published run, by content hash
    _state/fragments/<key>.json    one processed raw file, keyed by content + pipeline version
    _state/lock                    held by the run that owns the directory

Readers only ever see complete snapshots; a killed run leaves at most unreferenced
fragments and `*.tmp-*` files or directories, which the next run (or `sweep`) removes or
reuses. `store/faults.py` can kill a run at each commit point, for the crash tests.
"""

from .layout import OutputDir
from .lock import LockBusy, RunLock
from .plan import RunPlan, plan_run
from .publish import PublishResult, publish, sweep

__all__ = ["LockBusy", "OutputDir", "PublishResult", "RunLock", "RunPlan", "plan_run", "publish", "sweep"]
