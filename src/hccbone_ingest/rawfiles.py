"""Raw files as the operating system sees them: names, kinds, and why one cannot be read.

Shared by planning (which must never open a FIFO or follow a link loop) and reading.
"""

from __future__ import annotations

import errno
import os
import stat


def display_name(name: str) -> str:
    """A file name as text. Names that are not UTF-8 (GBK names from archives made on Chinese
    Windows) reach Python with surrogate escapes; they are read as GB18030 when that decodes,
    else their odd bytes are shown as `\\xNN`. The raw path keeps the original bytes."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = os.fsencode(name)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace")


def entry_problem(st: os.stat_result | None, err: OSError | None) -> str | None:
    """Why an entry cannot be read as a file, in words a person acts on; None for a regular file."""
    if err is not None:
        if err.errno == errno.ELOOP:
            return "a symbolic link loop (too many levels of symbolic links)"
        if isinstance(err, FileNotFoundError):
            return "a symbolic link whose target does not exist"
        return f"cannot be examined: {err.strerror or err}"
    assert st is not None
    if stat.S_ISREG(st.st_mode):
        return None
    kinds = {stat.S_ISFIFO: "a FIFO (named pipe)", stat.S_ISCHR: "a character device",
             stat.S_ISBLK: "a block device", stat.S_ISSOCK: "a socket"}
    kind = next((k for test, k in kinds.items() if test(st.st_mode)), "not a regular file")
    return f"{kind}, not a regular file: only regular files are read"
