"""A small registry of source adapters, discovered from the modules of this package.

Adding a source kind = adding one module here that defines a `SourceAdapter` subclass
decorated with `@register`. No other file changes. Ties in confidence go to the adapter
registered under the alphabetically first id, so the choice is deterministic.
"""

from __future__ import annotations

import importlib
import pkgutil

from ..errors import UnsupportedInput
from .base import RawInput, SourceAdapter

_ADAPTERS: dict[str, type[SourceAdapter]] = {}
_LOADED = False
_NOT_ADAPTERS = {"base", "registry"}


def register(cls: type[SourceAdapter]) -> type[SourceAdapter]:
    if not cls.name or not cls.source:
        raise TypeError(f"{cls.__name__} must set name and source")
    existing = _ADAPTERS.get(cls.name)
    if existing is not None and existing is not cls:
        raise TypeError(f"two adapters named {cls.name!r}: {existing.__name__} and {cls.__name__}")
    _ADAPTERS[cls.name] = cls
    return cls


def _load_all() -> None:
    global _LOADED
    if _LOADED:
        return
    from .. import sources

    for mod in sorted(pkgutil.iter_modules(sources.__path__), key=lambda m: m.name):
        if mod.name not in _NOT_ADAPTERS and not mod.name.startswith("_"):
            importlib.import_module(f"{sources.__name__}.{mod.name}")
    _LOADED = True


def adapters() -> list[SourceAdapter]:
    """One instance of every registered adapter, in id order."""
    _load_all()
    return [_ADAPTERS[name]() for name in sorted(_ADAPTERS)]


def adapter_versions() -> dict[str, int]:
    _load_all()
    return {name: cls.version for name, cls in sorted(_ADAPTERS.items())}


def score_adapters(raw: RawInput) -> list[tuple[float, SourceAdapter]]:
    """Every adapter's confidence for this file, best first (for `hccbone inspect`)."""
    scored = [(a.can_parse(raw), a) for a in adapters()]
    return sorted(scored, key=lambda s: (-s[0], s[1].id()))


def pick_adapter(raw: RawInput) -> SourceAdapter:
    scored = score_adapters(raw)
    if not scored or scored[0][0] <= 0:
        kind = "HTML page" if raw.looks_like_html else "text file"
        raise UnsupportedInput(
            f"no source adapter recognises this {kind} "
            f"(tried: {', '.join(a.id() for _, a in scored) or 'none registered'})"
        )
    return scored[0][1]
