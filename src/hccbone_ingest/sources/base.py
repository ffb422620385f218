"""The adapter contract: a new source kind is one module implementing `SourceAdapter`.

`can_parse` returns a confidence in [0, 1] (0 = not mine); the registry gives the file to the
most confident adapter. `parse` returns a `ParsedDocument` or raises `ParseError` with a
message a person understands. Adapters never touch the file system or the flow.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar

from ..decode import Decoded, decode_bytes
from ..records import ParsedDocument

_HTML_SNIFF = re.compile(r"<\s*(!doctype\s+html|html|head|body|meta|div|p|table)\b", re.IGNORECASE)


@dataclass
class RawInput:
    """One raw file as adapters see it: bytes, lazily decoded text, and where it lives."""

    path: str  # relative to the raw root, POSIX separators
    data: bytes
    stat: tuple[int, int, int, int] | None = None  # (size, mtime_ns, ctime_ns, inode) when read
    _decoded: Decoded | None = field(default=None, repr=False)

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def decoded(self) -> Decoded:
        if self._decoded is None:
            self._decoded = decode_bytes(self.data)  # raises DecodeError / EmptyInput
        return self._decoded

    @property
    def text(self) -> str:
        return self.decoded.text

    @property
    def folder(self) -> str:
        """The top-level folder under raw/ (the source kind by convention), or ''."""
        return self.path.split("/", 1)[0] if "/" in self.path else ""

    @property
    def suffix(self) -> str:
        name = self.path.rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[-1].lower() if "." in name else ""

    @cached_property
    def looks_like_html(self) -> bool:
        head = self.text[:2048]
        return self.suffix in {"html", "htm", "xhtml", "shtml"} or bool(_HTML_SNIFF.search(head))


class SourceAdapter:
    """Base class: subclasses set `name`, `version`, `source` and implement both methods."""

    name: ClassVar[str] = ""
    version: ClassVar[int] = 1
    source: ClassVar[str] = ""  # the source kind written to documents.source

    @classmethod
    def id(cls) -> str:
        return f"{cls.name}@{cls.version}"

    def can_parse(self, raw: RawInput) -> float:
        raise NotImplementedError

    def parse(self, raw: RawInput) -> ParsedDocument:
        raise NotImplementedError


def content_id(raw: RawInput) -> str:
    """The fallback document id: the content hash."""
    return f"sha256:{raw.sha256[:16]}"


def make_doc_id(*, doi_key: str | None = None, site: str | None = None, site_id: str | None = None,
                raw: RawInput | None = None) -> str:
    """Stable ids: DOI first, then the source's own id, then the content hash."""
    if doi_key:
        return f"doi:{doi_key}"
    if site and site_id:
        return f"{site}:{site_id}"
    if raw is None:
        raise ValueError("make_doc_id needs a DOI, a site id or the raw input")
    return content_id(raw)
